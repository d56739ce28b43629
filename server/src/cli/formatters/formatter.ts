// The shape of an output format of `check`: one file per format in this folder (as markdownlint-cli2 does),
// listed in formatters/index.ts. A format may print each file's block as soon as it is checked (text, github:
// long runs show progress) and prints the rest at the end (json, sarif: one document).
import type { Diagnostic } from 'vscode-languageserver';
import type { Locale, ReportSummary } from '../../engine';
import { countBySeverity } from '../../present/convert';

export interface FileResult {
  /** The path as shown to the user (as given, or found under a given folder). */
  path: string;
  absolute: string;
  /** The diagnostics exactly as the language server publishes them (present/convert.ts). */
  diagnostics: Diagnostic[];
  /** For a Word/PDF document: where a line of its text is in the file ("第3页", "第12段"), by line, for the text output. */
  whereLines?: Record<number, Record<Locale, string>>;
  /** For formats with `needsText` (html): the text checked, and its title, body, year and parts. */
  text?: string;
  summary?: ReportSummary;
  /** The kind of document, when known. */
  kind?: string;
}

export interface Counts {
  files: number;
  errors: number;
  warnings: number;
  /** information + hint */
  hints: number;
  unreadable: number;
  /** Files `--fix` could not write back (left as they were). */
  unfixed?: number;
}

export interface FormatContext {
  locale: Locale;
  /** The working folder: paths in SARIF and GitHub annotations are relative to it. */
  cwd: string;
  /** Files that could not be read (shown as rows by the summary page; the other formats report them on stderr). */
  unreadable?: { path: string; absolute: string; reason: { zh: string; en: string } }[];
}

export interface Formatter {
  /** Output for one file, printed as soon as it is checked ('' for formats that print one document at the end). */
  file(result: FileResult, ctx: FormatContext): string;
  /** Output after every file (the summary line, or the whole document). */
  end(results: FileResult[], counts: Counts, ctx: FormatContext): string;
  /**
   * Whether standard output is for people: notes such as "fixed 2 places" go there; otherwise (JSON, SARIF) they
   * go to standard error so that standard output stays one valid document.
   */
  human: boolean;
  /** The format shows the sentences and the report's summary: the check keeps each file's text for it. */
  needsText?: boolean;
}

export function countResults<T extends { diagnostics: Diagnostic[] }>(results: T[], unreadable: number): Counts {
  const c: Counts = { files: results.length, errors: 0, warnings: 0, hints: 0, unreadable };
  const by = countBySeverity(results.flatMap((r) => r.diagnostics));
  c.errors = by.error;
  c.warnings = by.warning;
  c.hints = by.information + by.hint;
  return c;
}

export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : (d.message as { value: string }).value;
}
