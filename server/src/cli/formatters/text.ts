// --format text (the default): one line per finding, `path:line:col severity code message`, related places
// indented below it, then a one-line summary in the chosen language.
import type { Diagnostic } from 'vscode-languageserver';
import { formatMessage, type Locale } from '../../engine';
import { messageText, type Counts, type Formatter } from './formatter';

// Severity words stay English in the text lines (like compilers print them) so editors' problem matchers and
// grep work in any locale; the message itself and the summary are in the chosen language.
const SEVERITY_WORD: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** `path:line:col severity code message` with 1-based line and column (UTF-16 code units, as editors count). */
export function formatDiagnosticLine(file: string, d: Diagnostic, where?: string): string {
  const { line, character } = d.range.start;
  const place = where ? ` [${where}]` : '';
  return `${file}:${line + 1}:${character + 1} ${SEVERITY_WORD[d.severity ?? 2] ?? 'warning'} ${String(d.code ?? '')} ${messageText(d)}${place}`;
}

/** The text output for one file: its diagnostic lines, each followed by its related places, indented. */
export function textBlock(file: string, diagnostics: Diagnostic[], where?: (line: number) => string): string {
  let s = '';
  for (const d of diagnostics) {
    // Word/PDF: line:col count lines of the extracted text; the page or paragraph in the file follows in brackets
    s += formatDiagnosticLine(file, d, where?.(d.range.start.line)) + '\n';
    // Related places (e.g. the previous heading at this level) follow, indented, so line-based tools skip them.
    for (const r of d.relatedInformation ?? []) {
      s += `    ${file}:${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}\n`;
    }
  }
  return s;
}

export function summaryLine(c: Counts, locale: Locale): string {
  // "1 file" / "2 files": the catalogs have a form for one and for other counts (cli.count.<what>.one|other)
  const n = (what: string, k: number) => formatMessage(locale, `cli.count.${what}.${k === 1 ? 'one' : 'other'}`, { n: k });
  const more =
    (c.unreadable ? formatMessage(locale, 'cli.summary.unreadable', { files: n('files', c.unreadable) }) : '') +
    (c.unfixed ? formatMessage(locale, 'cli.summary.unfixed', { files: n('files', c.unfixed) }) : '');
  return formatMessage(locale, 'cli.summary', { files: n('files', c.files), errors: n('errors', c.errors), warnings: n('warnings', c.warnings), hints: n('hints', c.hints), more });
}

export const text: Formatter = {
  human: true,
  file: (r, ctx) => textBlock(r.path, r.diagnostics, r.whereLines && ((line) => r.whereLines![line]?.[ctx.locale] ?? '')),
  end: (_results, counts, ctx) => summaryLine(counts, ctx.locale) + '\n',
};
