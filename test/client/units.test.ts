// The client's pieces that need no VS Code: the report skeleton, the status bar text, the workspace-check summary,
// the figure table (HTML and CSV).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { defaultReportYear, skeleton, validateYear } from '../../client/src/skeleton';
import { countDiagnostics, statusView, workspaceSummary } from '../../client/src/status';
import { escapeHtml, figuresHtml } from '../../client/src/figure-view';
import { figureRows, figuresCsv } from '../../server/src/present/figure-table';

const t = (m: string, ...args: (string | number)[]) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

test('the skeleton has the five items and passes the section checks, in plain text and Markdown', () => {
  for (const markdown of [false, true]) {
    const text = skeleton(2024, markdown);
    assert.match(text, /一、2024年推进法治政府建设的主要举措和成效/);
    assert.match(text, /四、2025年推进法治政府建设的主要安排/);
    assert.match(text, /五、其他需要报告的情况/);
    const codes = analyze(text, { locale: 'zh-cn' }).findings.map((f) => f.code);
    for (const c of ['missing-section', 'plan-year', 'heading-numbering', 'section-order']) assert.ok(!codes.includes(c), `${c} in ${markdown ? 'Markdown' : 'plain'}: ${codes}`);
  }
  assert.match(skeleton(2024, true), /^## 一、/m);
});

test('the year asked for: last year by default, four digits 2000–2100', () => {
  assert.equal(defaultReportYear(new Date(2026, 0, 15)), 2025);
  assert.equal(validateYear('2024', t), null);
  assert.equal(validateYear(' 2024 ', t), null);
  assert.match(validateYear('24', t) ?? '', /four-digit/);
  assert.match(validateYear('1999', t) ?? '', /2000/);
});

test('status bar: hidden for other files, spinning while checking, counts otherwise', () => {
  const zero = { error: 0, warning: 0, information: 0, hint: 0 };
  assert.equal(statusView({ isReport: false, checking: false, counts: zero }, t).visible, false);
  const checking = statusView({ isReport: true, checking: true, counts: zero }, t);
  assert.match(checking.text, /^\$\(sync~spin\) /);
  assert.equal(statusView({ isReport: true, checking: false, counts: zero }, t).text, '$(check) 0');
  const counts = countDiagnostics([0, 1, 1, 2, 3]);
  assert.deepEqual(counts, { error: 1, warning: 2, information: 1, hint: 1 });
  const v = statusView({ isReport: true, checking: false, counts }, t);
  assert.equal(v.text, '$(error) 5');
  assert.equal(v.severe, true);
  assert.match(v.tooltip, /1 errors, 2 warnings, 2 notes/);
  assert.match(v.tooltip, /Problems panel/);
  assert.ok(v.text.length <= 12, 'short text');
});

test('workspace check summary, finished and cancelled', () => {
  const r = { checked: 12, reports: 3, cancelled: false, counts: { error: 2, warning: 1, information: 0, hint: 4 }, files: [] };
  assert.equal(workspaceSummary(r, 12, t), 'Checked 12 files. 3 reports: 2 errors, 1 warnings, 4 notes');
  assert.match(workspaceSummary({ ...r, cancelled: true, checked: 5 }, 12, t), /cancelled after 5 of 12/);
});

const RATE = '某市2023年法治政府建设情况报告\n一、主要举措和成效\n全年受理调解案件8608起，成功调结8568件，化解率达到98.5%。\n';

test('figure table: HTML escapes the text and marks the failed figure; CSV has a BOM, CRLF and 1-based positions', () => {
  const rows = figureRows(analyze(RATE).figures);
  assert.deepEqual(rows.map((r) => r.text), ['8608起', '8568件', '98.5%']);
  const html = figuresHtml(rows, 'T<1>', t, 'abc', 'vscode-resource:');
  assert.match(html, /T&lt;1&gt;/);
  assert.match(html, /nonce-abc/);
  assert.equal((html.match(/class="failed"/g) ?? []).length, rows.filter((r) => r.status === 'failed').length);
  assert.equal(escapeHtml('<a href="x">&'), '&lt;a href=&quot;x&quot;&gt;&amp;');
  const csv = figuresCsv(rows, 'zh-cn');
  assert.ok(csv.startsWith('\uFEFF行,列,数据,'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines.length, rows.length + 2);
  assert.match(lines[3], /^3,\d+,98\.5%,percent,98\.5,/);
  assert.match(lines[3], /未通过/);
  assert.ok(figuresCsv(rows, 'en').startsWith('\uFEFFline,column,figure'));
  // a cell with a comma or quote is quoted; a formula-looking cell is made text
  const tricky = figuresCsv([{ ...rows[0], label: '甲,"乙"', text: '=1+1' }], 'en').split('\r\n')[1];
  assert.match(tricky, /"甲,""乙"""/);
  assert.match(tricky, /'=1\+1/);
});
