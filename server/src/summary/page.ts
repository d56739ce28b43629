// The reviewer's summary page: one self-contained HTML document for a folder of reports — a row per
// report (title, body, year, kind, the required parts, counts by severity) and, under each report, its findings with
// the sentence they sit in and the related figures. Sorting and filtering by body, kind and check are plain
// JavaScript inside the page; `@media print` lays it out on A4, a report per page. No network: inline CSS and JS,
// system CJK fonts, and a Content-Security-Policy that forbids loading anything. Everything from a report is escaped.
// Pure (no fs, no vscode): the CLI's --format html and the editor's webview render the same page.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Locale, ReportSummary } from '../engine/index';
import { formatMessage } from '../engine/messages';

export interface SummaryReport {
  path: string;
  /** file: URI of the report (related places in other files are matched against it). */
  uri: string;
  diagnostics: Diagnostic[];
  text?: string;
  summary?: ReportSummary;
  /** The kind of document (report, news item, …), when the kinds detection gives one. */
  kind?: string;
  /** Why the file could not be read: the row says so instead of showing parts and counts. */
  error?: string;
}

export interface PageOptions {
  locale: Locale;
  /** One-line titles of the checks, by code. */
  checkTitles?: Record<string, string>;
  /** In a VS Code webview: the nonce its CSP allows for the inline script and style; findings open their place. */
  nonce?: string;
  /** Shown under the heading (e.g. "检查了 12 个文件…"). */
  countsLine?: string;
  /** When the page was made (shown; left out in tests for byte-stable output). */
  generated?: string;
}

/** The page's words, in the reader's language (page.* in the message catalogs). */
function labels(locale: Locale) {
  const m = (id: string, args: Record<string, string | number> = {}) => formatMessage(locale, `page.${id}`, args);
  const words = Object.fromEntries(WORDS.map((k) => [k, m(k)])) as Record<(typeof WORDS)[number], string>;
  return {
    ...words,
    shown: (n: number, total: number) => m('shown', { n, total }),
    line: (line: number, column: number) => m('line', { line, column }),
    sev: { 1: m('sev.1'), 2: m('sev.2'), 3: m('sev.3'), 4: m('sev.4') } as Record<number, string>,
  };
}
const WORDS = ['title', 'body', 'kind', 'check', 'sort', 'all', 'sortFile', 'sortBody', 'sortYear', 'sortErrors', 'no', 'report', 'year', 'errors', 'warnings', 'hints', 'heading', 'paragraph', 'missing', 'none', 'unknown', 'related', 'otherFile', 'print', 'parts', 'findings', 'unreadable'] as const;

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Short column head for a required part (the full label is the head's tooltip), if it has one. */
function shortPart(id: string, locale: Locale): string | undefined {
  const key = `page.part.${id}`;
  const text = formatMessage(locale, key, {});
  return text === key ? undefined : text;
}

const SENTENCE_END = /[。！？!?；;]/;

/** The sentence around [start, end) of a line: its bounds in the line. */
export function sentenceBounds(line: string, start: number, end: number): { from: number; to: number } {
  let from = Math.max(0, Math.min(start, line.length));
  while (from > 0 && !SENTENCE_END.test(line[from - 1])) from--;
  let to = Math.max(from, Math.min(Math.max(end, start), line.length));
  while (to < line.length && !SENTENCE_END.test(line[to])) to++;
  if (to < line.length) to++;
  // a very long "sentence" (a table row, a list without stops) is cut around the finding
  const MAX = 240;
  if (to - from > MAX) {
    from = Math.max(from, start - MAX / 3);
    to = Math.min(to, Math.max(end, start) + MAX / 2);
  }
  return { from, to };
}

function linesOf(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(/\r\n|\r|\n/);
}

/** The sentence a range sits in, as HTML, the range itself marked. */
function quote(lines: string[], d: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const line = lines[d.start.line];
  if (line === undefined) return '';
  const start = d.start.character;
  const end = d.end.line === d.start.line ? d.end.character : line.length;
  const { from, to } = sentenceBounds(line, start, end);
  const a = Math.max(from, Math.min(start, to));
  const b = Math.max(a, Math.min(end, to));
  const pre = (from > 0 ? '…' : '') + line.slice(from, a).trimStart();
  const post = line.slice(b, to).trimEnd() + (to < line.length ? '…' : '');
  return `${escapeHtml(pre)}<mark>${escapeHtml(line.slice(a, b))}</mark>${escapeHtml(post)}`;
}

function message(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : (d.message as { value: string }).value;
}

function attrs(o: Record<string, string | number | undefined>): string {
  return Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');
}

function counts(ds: Diagnostic[]): { e: number; w: number; h: number } {
  const c = { e: 0, w: 0, h: 0 };
  for (const d of ds) {
    if (d.severity === 1) c.e++;
    else if (d.severity === 2 || d.severity === undefined) c.w++;
    else c.h++;
  }
  return c;
}

const STYLE = `
:root{--fg:#1b1f23;--muted:#586069;--line:#d0d7de;--err:#b42318;--warn:#9a6700;--info:#0550ae;--bg:#fff;--mark:#fff3b0}
*{box-sizing:border-box}
body{margin:0;padding:16px 24px;color:var(--fg);background:var(--bg);font:14px/1.6 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Noto Sans SC",sans-serif}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:16px;margin:0}
.muted{color:var(--muted)}
.controls{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:12px 0;padding:8px 12px;border:1px solid var(--line);border-radius:6px;background:#f6f8fa}
.controls label{display:flex;gap:6px;align-items:center}
select,button{font:inherit}
table{border-collapse:collapse;width:100%;margin:8px 0 20px}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa;white-space:nowrap}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.part{text-align:center;white-space:nowrap}
td.body{min-width:7em}
.small{font-size:12px}
.p-heading{color:#1a7f37}.p-paragraph{color:var(--warn)}.p-missing{color:var(--err);font-weight:bold}
.e{color:var(--err);font-weight:bold}.w{color:var(--warn)}.h{color:var(--info)}
.report{border-top:2px solid var(--fg);padding-top:10px;margin-top:18px}
.meta{margin:2px 0 6px}
.meta span{margin-right:14px}
ol.findings{padding-left:22px;margin:6px 0}
li.finding{margin:8px 0;padding:4px 8px;border-left:4px solid var(--line)}
li.sev-1{border-left-color:var(--err)}li.sev-2{border-left-color:var(--warn)}li.sev-3,li.sev-4{border-left-color:var(--info)}
.tag{display:inline-block;font-size:12px;padding:0 6px;border-radius:10px;border:1px solid currentColor;margin-right:6px}
.code{font-family:ui-monospace,Consolas,monospace;font-size:12px;color:var(--muted);margin-right:6px}
.where{font-size:12px;color:var(--muted)}
a.where{cursor:pointer;text-decoration:underline}
blockquote{margin:4px 0;padding:2px 10px;background:#f6f8fa;border-left:3px solid var(--line)}
mark{background:var(--mark);padding:0 1px}
ul.related{margin:2px 0 0;padding-left:18px;font-size:13px}
.hidden{display:none!important}
@page{size:A4;margin:15mm 14mm}
@media print{
  body{padding:0;font-size:11pt}
  .controls,.noprint{display:none!important}
  .report{break-before:page;border-top:none}
  li.finding,blockquote,tr{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
`;

// Plain JavaScript (no modules, no libraries). Rows and report sections carry data-* attributes; the filters hide
// what does not match and the sort reorders both the overview rows and the report sections.
const SCRIPT = `
(function(){
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
  var $ = function(id){ return document.getElementById(id); };
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.row'));
  var reports = Array.prototype.slice.call(document.querySelectorAll('section.report'));
  var byIndex = {};
  reports.forEach(function(r){ byIndex[r.getAttribute('data-index')] = r; });
  function apply(){
    var body = $('f-body').value, kind = $('f-kind').value, check = $('f-check').value;
    var shown = 0;
    rows.forEach(function(row){
      var ok = (!body || row.getAttribute('data-body') === body) && (!kind || row.getAttribute('data-kind') === kind) &&
        (!check || (' ' + row.getAttribute('data-checks') + ' ').indexOf(' ' + check + ' ') >= 0);
      row.classList.toggle('hidden', !ok);
      var sec = byIndex[row.getAttribute('data-index')];
      if (sec) {
        sec.classList.toggle('hidden', !ok);
        Array.prototype.forEach.call(sec.querySelectorAll('li.finding'), function(li){
          li.classList.toggle('hidden', !!check && li.getAttribute('data-check') !== check);
        });
      }
      if (ok) shown++;
    });
    $('shown').textContent = $('shown').getAttribute('data-template').replace('{n}', String(shown));
  }
  function sortBy(){
    var key = $('f-sort').value;
    var val = function(row){
      if (key === 'body') return [row.getAttribute('data-body') || '\\uffff', +row.getAttribute('data-index')];
      if (key === 'year') return [-(+row.getAttribute('data-year') || 0), +row.getAttribute('data-index')];
      if (key === 'errors') return [-(+row.getAttribute('data-errors')), -(+row.getAttribute('data-warnings')), +row.getAttribute('data-index')];
      return [+row.getAttribute('data-index')];
    };
    var sorted = rows.slice().sort(function(a, b){
      var x = val(a), y = val(b);
      for (var i = 0; i < x.length; i++) { if (x[i] < y[i]) return -1; if (x[i] > y[i]) return 1; }
      return 0;
    });
    var tbody = $('overview-body'), list = $('reports');
    sorted.forEach(function(row){
      tbody.appendChild(row);
      var sec = byIndex[row.getAttribute('data-index')];
      if (sec) list.appendChild(sec);
    });
  }
  ['f-body','f-kind','f-check'].forEach(function(id){ $(id).addEventListener('change', apply); });
  $('f-sort').addEventListener('change', function(){ sortBy(); apply(); });
  var printButton = $('print');
  if (printButton) printButton.addEventListener('click', function(){ window.print(); });
  document.addEventListener('click', function(ev){
    var a = ev.target && ev.target.closest ? ev.target.closest('a[data-uri]') : null;
    if (!a) return;
    ev.preventDefault();
    if (vscode) vscode.postMessage({ type: 'open', uri: a.getAttribute('data-uri'),
      line: +a.getAttribute('data-line'), character: +a.getAttribute('data-character'),
      endLine: +a.getAttribute('data-end-line'), endCharacter: +a.getAttribute('data-end-character') });
    else { var target = document.getElementById(a.getAttribute('data-target') || ''); if (target) target.scrollIntoView(); }
  });
  apply();
})();
`;

function options(values: { value: string; label: string }[], all: string): string {
  return `<option value="">${escapeHtml(all)}</option>` + values.map((v) => `<option${attrs({ value: v.value })}>${escapeHtml(v.label)}</option>`).join('');
}

function placeLink(uri: string, r: Diagnostic['range'], label: string, target?: string): string {
  return `<a class="where"${attrs({
    'data-uri': uri,
    'data-line': r.start.line,
    'data-character': r.start.character,
    'data-end-line': r.end.line,
    'data-end-character': r.end.character,
    'data-target': target,
    href: '#',
  })}>${escapeHtml(label)}</a>`;
}

export function renderSummaryPage(reports: SummaryReport[], opts: PageOptions): string {
  const t = labels(opts.locale === 'en' ? 'en' : 'zh-cn');
  const titles = opts.checkTitles ?? {};
  const byUri = new Map(reports.map((r, i) => [r.uri, { report: r, index: i, lines: linesOf(r.text) }]));
  const partHeads: { id: string; label: string }[] = [];
  for (const r of reports) {
    for (const p of r.summary?.parts ?? []) if (!partHeads.some((h) => h.id === p.id)) partHeads.push({ id: p.id, label: p.label });
  }
  const bodies = [...new Set(reports.map((r) => r.summary?.body).filter((b): b is string => !!b))].sort();
  const kinds = [...new Set(reports.map((r) => r.kind).filter((k): k is string => !!k))].sort();
  const checks = [...new Set(reports.flatMap((r) => r.diagnostics.map((d) => String(d.code ?? ''))))].filter(Boolean).sort();

  const rows: string[] = [];
  const sections: string[] = [];
  reports.forEach((r, i) => {
    const s = r.summary;
    const c = counts(r.diagnostics);
    const title = s?.title || r.path;
    const rowChecks = [...new Set(r.diagnostics.map((d) => String(d.code ?? '')))].join(' ');
    const data = {
      'data-index': i,
      'data-body': s?.body ?? '',
      'data-kind': r.kind ?? '',
      'data-year': s?.year ?? '',
      'data-checks': rowChecks,
      'data-errors': c.e,
      'data-warnings': c.w,
    };
    const parts = r.error
      ? partHeads.length
        ? `<td class="p-missing"${attrs({ colspan: partHeads.length })}>${escapeHtml(`${t.unreadable}：${r.error}`)}</td>`
        : ''
      : partHeads
      .map((h) => {
        const p = s?.parts.find((x) => x.id === h.id);
        if (!p) return `<td class="part">${t.unknown}</td>`;
        const word = t[p.presence];
        const sign = p.presence === 'heading' ? '●' : p.presence === 'paragraph' ? '◐' : '✕';
        return `<td class="part p-${p.presence}"${attrs({ title: `${h.label}：${word}` })}>${sign} ${escapeHtml(word)}</td>`;
      })
      .join('');
    rows.push(
      `<tr class="row"${attrs(data)}><td class="n">${i + 1}</td><td><a${attrs({ href: `#r-${i}` })}>${escapeHtml(title)}</a>${title !== r.path ? `<div class="muted small">${escapeHtml(r.path)}</div>` : ''}</td>` +
        `<td class="body">${escapeHtml(s?.body ?? t.unknown)}</td><td class="n">${escapeHtml(String(s?.year ?? t.unknown))}</td><td>${escapeHtml(r.kind ?? t.unknown)}</td>` +
        parts +
        `<td class="n e">${c.e}</td><td class="n w">${c.w}</td><td class="n h">${c.h}</td></tr>`,
    );
    const lines = linesOf(r.text);
    const findings = r.diagnostics.map((d) => {
      const code = String(d.code ?? '');
      const sev = d.severity ?? 2;
      const at = d.range.start;
      const related = (d.relatedInformation ?? [])
        .map((ri) => {
          const other = byUri.get(ri.location.uri);
          const same = ri.location.uri === r.uri;
          const otherLines = same ? lines : (other?.lines ?? []);
          const where = t.line(ri.location.range.start.line + 1, ri.location.range.start.character + 1);
          const fileLabel = same ? '' : `${other ? other.report.path : decodeURIComponent(ri.location.uri.replace(/^file:\/\//, ''))} `;
          const q = quote(otherLines, ri.location.range);
          return `<li>${placeLink(ri.location.uri, ri.location.range, fileLabel + where, other && !same ? `r-${other.index}` : undefined)} ${escapeHtml(ri.message)}${q ? `<blockquote>${q}</blockquote>` : ''}</li>`;
        })
        .join('');
      const q = quote(lines, d.range);
      return (
        `<li class="finding sev-${sev}"${attrs({ 'data-check': code })}>` +
        `<span class="tag ${sev === 1 ? 'e' : sev === 2 ? 'w' : 'h'}">${escapeHtml(t.sev[sev] ?? '')}</span>` +
        `<span class="code"${attrs({ title: titles[code] })}>${escapeHtml(code)}</span>` +
        placeLink(r.uri, d.range, t.line(at.line + 1, at.character + 1)) +
        `<div class="msg">${escapeHtml(message(d))}</div>` +
        (q ? `<blockquote>${q}</blockquote>` : '') +
        (related ? `<div class="muted">${escapeHtml(t.related)}</div><ul class="related">${related}</ul>` : '') +
        `</li>`
      );
    });
    sections.push(
      `<section class="report"${attrs({ id: `r-${i}`, 'data-index': i })}>` +
        `<h2>${i + 1}. ${escapeHtml(title)}</h2>` +
        `<div class="meta muted"><span>${escapeHtml(r.path)}</span><span>${escapeHtml(t.body)}：${escapeHtml(s?.body ?? t.unknown)}</span>` +
        `<span>${escapeHtml(t.year)}：${escapeHtml(String(s?.year ?? t.unknown))}</span><span>${escapeHtml(t.kind)}：${escapeHtml(r.kind ?? t.unknown)}</span>` +
        `<span class="e">${escapeHtml(t.errors)} ${c.e}</span><span class="w">${escapeHtml(t.warnings)} ${c.w}</span><span class="h">${escapeHtml(t.hints)} ${c.h}</span></div>` +
        (r.error
          ? `<p class="p-missing">${escapeHtml(`${t.unreadable}：${r.error}`)}</p>`
          : findings.length
            ? `<ol class="findings">${findings.join('')}</ol>`
            : `<p class="muted">${escapeHtml(t.none)}</p>`) +
        `</section>`,
    );
  });

  const nonce = opts.nonce;
  const csp = nonce
    ? `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:`
    : `default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:`;
  const n = nonce ? attrs({ nonce }) : '';
  const lang = opts.locale === 'en' ? 'en' : 'zh-CN';
  return (
    `<!DOCTYPE html>\n<html${attrs({ lang })}>\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy"${attrs({ content: csp })}>\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(t.title)}</title>\n` +
    `<style${n}>${STYLE}</style>\n</head>\n<body>\n` +
    `<h1>${escapeHtml(t.title)}</h1>\n` +
    (opts.countsLine ? `<div class="muted">${escapeHtml(opts.countsLine)}</div>\n` : '') +
    (opts.generated ? `<div class="muted">${escapeHtml(opts.generated)}</div>\n` : '') +
    `<div class="controls noprint">` +
    `<label>${escapeHtml(t.body)}<select id="f-body">${options(bodies.map((b) => ({ value: b, label: b })), t.all)}</select></label>` +
    `<label>${escapeHtml(t.kind)}<select id="f-kind">${options(kinds.map((k) => ({ value: k, label: k })), t.all)}</select></label>` +
    `<label>${escapeHtml(t.check)}<select id="f-check">${options(checks.map((c) => ({ value: c, label: titles[c] ? `${titles[c]}（${c}）` : c })), t.all)}</select></label>` +
    `<label>${escapeHtml(t.sort)}<select id="f-sort"><option value="file">${escapeHtml(t.sortFile)}</option><option value="body">${escapeHtml(t.sortBody)}</option>` +
    `<option value="year">${escapeHtml(t.sortYear)}</option><option value="errors">${escapeHtml(t.sortErrors)}</option></select></label>` +
    `<span id="shown"${attrs({ 'data-template': t.shown(-1, reports.length).replace('-1', '{n}') })}>${escapeHtml(t.shown(reports.length, reports.length))}</span>` +
    `<button id="print" type="button">${escapeHtml(t.print)}</button></div>\n` +
    `<table id="overview"><thead><tr><th>${t.no}</th><th>${escapeHtml(t.report)}</th><th>${escapeHtml(t.body)}</th><th>${escapeHtml(t.year)}</th><th>${escapeHtml(t.kind)}</th>` +
    partHeads.map((h) => `<th${attrs({ title: h.label })}>${escapeHtml(shortPart(h.id, opts.locale === 'en' ? 'en' : 'zh-cn') ?? h.label)}</th>`).join('') +
    `<th>${escapeHtml(t.errors)}</th><th>${escapeHtml(t.warnings)}</th><th>${escapeHtml(t.hints)}</th></tr></thead>\n<tbody id="overview-body">\n${rows.join('\n')}\n</tbody></table>\n` +
    `<div id="reports">\n${sections.join('\n')}\n</div>\n` +
    `<script${n}>${SCRIPT}</script>\n</body>\n</html>\n`
  );
}
