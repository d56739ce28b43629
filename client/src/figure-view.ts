// The figure table (数据核查表) as the HTML of a webview: every figure, what it was read as and the checks it passed
// or failed, a button to export CSV and a click on a row to go to the figure. Pure (no vscode import): unit-tested.
import type { FigureRow } from '../../server/src/present/figure-table';
import { checksText } from '../../server/src/present/figure-table';
import type { Translate } from './skeleton';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function summary(rows: FigureRow[], t: Translate): string {
  const failed = rows.filter((r) => r.status === 'failed').length;
  const passed = rows.filter((r) => r.status === 'passed').length;
  return t('{0} figures: {1} passed a check, {2} failed, {3} not part of any check', rows.length, passed, failed, rows.length - passed - failed);
}

export function figuresHtml(rows: FigureRow[], title: string, t: Translate, nonce: string, cspSource: string): string {
  const status = (r: FigureRow) =>
    r.status === 'failed' ? `<span class="bad">✗ ${escapeHtml(t('failed'))}</span>` : r.status === 'passed' ? `<span class="ok">✓ ${escapeHtml(t('passed'))}</span>` : `<span class="none">${escapeHtml(t('not checked'))}</span>`;
  const head = [t('Line'), t('Figure'), t('Read as'), t('Object'), t('Stage / rate'), t('Result'), t('Checks')].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r, i) =>
        `<tr data-i="${i}" data-line="${r.line}" data-character="${r.character}" class="${r.status}"><td>${r.line + 1}</td><td>${escapeHtml(r.text)}</td>` +
        `<td>${escapeHtml(r.lo !== r.hi ? `${r.lo}–${r.hi}` : String(r.value))} ${escapeHtml(r.kind === 'percent' ? '%' : r.unit)}</td>` +
        `<td>${escapeHtml(r.object)}</td><td>${escapeHtml([r.stage, r.rate].filter(Boolean).join(' / '))}</td><td>${status(r)}</td><td>${escapeHtml(checksText(r))}</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--vscode-panel-border); padding: 4px 8px; text-align: left; vertical-align: top; }
tr[data-line] { cursor: pointer; }
tr[data-line]:hover { background: var(--vscode-list-hoverBackground); }
.bad { color: var(--vscode-errorForeground); font-weight: bold; }
.ok { color: var(--vscode-testing-iconPassed, green); }
.none { opacity: 0.7; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 12px; cursor: pointer; }
</style></head>
<body>
<h2>${escapeHtml(title)}</h2>
<p>${escapeHtml(summary(rows, t))} <button id="csv">${escapeHtml(t('Export CSV'))}</button></p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('csv').addEventListener('click', () => vscode.postMessage({ type: 'csv' }));
for (const tr of document.querySelectorAll('tr[data-line]')) {
  tr.addEventListener('click', () => vscode.postMessage({ type: 'reveal', line: Number(tr.dataset.line), character: Number(tr.dataset.character) }));
}
</script>
</body></html>`;
}
