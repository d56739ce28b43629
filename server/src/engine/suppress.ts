// Suppression comments: a drafter (or the "ignore" quick fix) can silence a finding in the text itself.
//
//   <!-- fazhi-report-disable-next-line rate-mismatch -->     the next line, these checks (none named: all)
//   …正文… <!-- fazhi-report-disable-line -->                  this line
//   <!-- fazhi-report-disable unbacked-metric --> … <!-- fazhi-report-enable unbacked-metric -->
//   <!-- fazhi-report-disable-file missing-section -->        the whole file
//
// In plain text the same directives may also be written as a line comment: `// fazhi-report-disable-next-line …`.
// Chinese forms are accepted too: 法治报告检查：忽略下一行 / 忽略本行 / 忽略开始 / 忽略结束 / 忽略全文.
// Directives are masked (replaced by spaces of the same length) before checking, so they never count as text,
// headings or figures, and every other position stays where it was. Scanning uses indexOf only: linear on any line.
import type { Finding } from './types';

export type DirectiveKind = 'next-line' | 'line' | 'disable' | 'enable' | 'file';

export interface Directive {
  kind: DirectiveKind;
  /** Check codes; empty means every check. */
  codes: string[];
  line: number;
}

const KEYWORDS: [string, DirectiveKind][] = [
  ['fazhi-report-disable-next-line', 'next-line'],
  ['fazhi-report-disable-line', 'line'],
  ['fazhi-report-disable-file', 'file'],
  ['fazhi-report-disable', 'disable'],
  ['fazhi-report-enable', 'enable'],
  ['忽略下一行', 'next-line'],
  ['忽略本行', 'line'],
  ['忽略全文', 'file'],
  ['忽略开始', 'disable'],
  ['忽略结束', 'enable'],
];

/** Reads one directive body ("fazhi-report-disable-next-line a b" or "法治报告检查：忽略下一行 a"); null if it is none. */
function parseBody(body: string, line: number): Directive | null {
  let t = body.trim();
  const cn = /^法治报告检查\s*[:：]?\s*/.exec(t);
  if (cn) t = t.slice(cn[0].length);
  for (const [word, kind] of KEYWORDS) {
    if (!t.startsWith(word)) continue;
    const rest = t.slice(word.length);
    if (rest && !/^[\s,，、]/.test(rest)) continue; // fazhi-report-disable-lines is not a directive
    if (!cn && !word.startsWith('fazhi-report')) continue; // the Chinese forms need their prefix
    const codes = rest.split(/[\s,，、]+/).filter((c) => /^[a-z][a-z0-9-]*$/.test(c));
    return { kind, codes, line };
  }
  return null;
}

export interface Masked {
  text: string;
  directives: Directive[];
}

export function findDirectives(text: string): Masked {
  if (!text.includes('fazhi-report-') && !text.includes('法治报告检查')) return { text, directives: [] };
  const directives: Directive[] = [];
  const parts: string[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let line = 0;
  const handle = (lineText: string) => {
    let out = lineText;
    // line comments: the whole line
    const trimmed = lineText.trimStart();
    if (trimmed.startsWith('//') || trimmed.startsWith('／／')) {
      const d = parseBody(trimmed.slice(2), line);
      if (d) {
        directives.push(d);
        out = ' '.repeat(lineText.length);
      }
    }
    // HTML comments anywhere on the line
    let from = 0;
    while (true) {
      const open = out.indexOf('<!--', from);
      if (open < 0) break;
      const close = out.indexOf('-->', open + 4);
      if (close < 0) break;
      const d = parseBody(out.slice(open + 4, close), line);
      if (d) {
        directives.push(d);
        out = out.slice(0, open) + ' '.repeat(close + 3 - open) + out.slice(close + 3);
      }
      from = close + 3;
    }
    parts.push(out);
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    handle(text.slice(start, m.index));
    parts.push(m[0]);
    start = m.index + m[0].length;
    line++;
  }
  handle(text.slice(start));
  return { text: parts.join(''), directives };
}

const covers = (d: Directive, code: string) => d.codes.length === 0 || d.codes.includes(code);

/** Is a finding silenced by a directive? A finding belongs to the line its range starts on. */
export function isSuppressed(f: Finding, directives: Directive[]): boolean {
  const line = f.range.start.line;
  let disabledUntilEnabled = false;
  for (const d of directives) {
    if (!covers(d, f.code)) continue;
    if (d.kind === 'file') return true;
    if (d.kind === 'line' && d.line === line) return true;
    if (d.kind === 'next-line' && d.line + 1 === line) return true;
  }
  // disable … enable blocks, in document order
  for (const d of directives) {
    if (d.line > line) break;
    if (!covers(d, f.code)) continue;
    if (d.kind === 'disable') disabledUntilEnabled = true;
    else if (d.kind === 'enable') disabledUntilEnabled = false;
  }
  return disabledUntilEnabled;
}

/** The directive a quick fix inserts above a line, in the form that suits the file. */
export function disableNextLineComment(code: string, markdown: boolean): string {
  return markdown ? `<!-- fazhi-report-disable-next-line ${code} -->` : `// fazhi-report-disable-next-line ${code}`;
}
