// The work `check` does for one file (read, optionally fix, analyse, convert), with no output of its own: the lines
// it would print are returned, so that the serial loop and the worker threads (./pool.ts) print the same bytes in
// file order.
import { formatMessage } from '../engine/messages';
import { analyze } from '../engine';
import type { AnalyzeOptions, Analysis, Locale, ReportSummary, Segmenter } from '../engine';
import { whereText } from '../host/readers';
import { toDiagnostics } from '../present/convert';
import { fileUri } from './files';
import { fixText, writeFixed, type AppliedFix } from './fix';
import type { FileResult } from './formatters';
import { readErrorLine, readWarningLines } from '../host/read';
import { readInput, shouldCheckFile } from '../host/check-file';
import type { FileSettings } from './settings';

export interface FileJob {
  index: number;
  display: string;
  absolute: string;
  /** Named on the command line (always checked), rather than found in a folder (checked when it reads as a report). */
  explicit?: boolean;
}

export interface JobOptions {
  locale: Locale;
  fix: boolean;
  /** Keep the text and the report's summary (title, body, year, parts) for the HTML page. */
  summary: boolean;
  /** --all: check every file found in a folder, report or not. */
  all?: boolean;
  /** Keep the text and the analysis for the checks across reports (engine/across). */
  keep?: boolean;
}

export interface FileOutcome {
  index: number;
  /** Lines for standard error (read or write failures), in order. */
  errors: string[];
  /** "fixed N places" lines (stdout for human formats, stderr otherwise). */
  notes: string[];
  result?: FileResult;
  unreadable: boolean;
  /** Why the file could not be read (for the summary page), in both languages. */
  unreadableReason?: { zh: string; en: string };
  unfixed: boolean;
  /** Found in a folder and not a report (engine/kind.ts shouldCheck, as the editor decides): not checked. */
  skipped?: boolean;
  /** With `keep`: what the checks across reports need of the report (Analysis.across). */
  analysis?: Analysis;
}

function fixedLine(file: string, applied: AppliedFix[], locale: Locale): string {
  const fixes = applied.map((a) => formatMessage(locale, 'cli.fixedItem', { code: a.code, title: a.title })).join(formatMessage(locale, 'figures.readingSeparator', {}));
  return formatMessage(locale, 'cli.fixed', { file, count: applied.length, fixes });
}

export async function checkFile(job: FileJob, settings: Omit<FileSettings, 'workspaceFile'>, opts: JobOptions, segmenter: Segmenter | null): Promise<FileOutcome> {
  const out: FileOutcome = { index: job.index, errors: [], notes: [], unreadable: false, unfixed: false };
  const read = await readInput(job.absolute);
  if (!read.ok) {
    out.unreadable = true;
    out.unreadableReason = read.reason;
    out.errors.push(readErrorLine(job.display, read.reason));
    return out;
  }
  const { text, encoding, doc } = read;
  // a file found in a folder is checked when it reads as a report, exactly as the editor's workspace check decides
  if (!job.explicit && !shouldCheckFile(job.absolute, text, { force: opts.all })) {
    out.skipped = true;
    return out;
  }
  out.errors.push(...readWarningLines(job.display, doc));
  const options: AnalyzeOptions = {
    locale: opts.locale,
    segmenter: segmenter ?? undefined,
    rules: settings.rules,
    accepted: settings.accepted,
    profile: settings.profile,
    summary: opts.summary,
    // the counted nouns are shown by the hover and `fazhi-report figures`, never by a check
    nouns: false,
    across: opts.keep,
  };
  let analysis;
  let shown = text;
  // Word and PDF files are never fixed in place
  if (opts.fix && !doc) {
    const fixed = fixText(text, options);
    analysis = fixed.analysis;
    if (fixed.applied.length > 0) {
      const written = writeFixed(job.absolute, read.bytes!, text, encoding!, fixed.text);
      if (written.ok) {
        out.notes.push(fixedLine(job.display, fixed.applied, opts.locale));
        shown = fixed.text;
      } else {
        // Not written: report the file as it is on disk.
        out.unfixed = true;
        out.errors.push(`fazhi-report: 未能修复 ${job.display}：${written.reason.zh} / could not fix ${job.display}: ${written.reason.en}`);
        analysis = analyze(text, options);
      }
    }
  } else {
    analysis = analyze(text, options);
  }
  const diagnostics = toDiagnostics(analysis.findings, fileUri(job.absolute), { relatedInformation: true });
  const result: FileResult = { path: job.display, absolute: job.absolute, diagnostics };
  // Word/PDF: the page or paragraph of each line with a finding, as plain data (it crosses worker threads)
  if (doc) {
    result.whereLines = {};
    for (const d of diagnostics) {
      const l = d.range.start.line;
      result.whereLines[l] ??= { 'zh-cn': whereText(doc, l, 'zh-cn'), en: whereText(doc, l, 'en') };
    }
  }
  if (opts.summary) {
    result.text = shown;
    result.summary = analysis.summary as ReportSummary | undefined;
    if (analysis.kind) result.kind = analysis.kind.label[opts.locale];
  }
  if (opts.keep) {
    // the checks across reports read what analyze() put aside for them (engine/across/facts.ts): a worker thread sends
    // that back, not the text, the figures or the rest of the analysis
    out.analysis = { outline: [], findings: [], ruleErrors: [], across: analysis.across, identity: analysis.identity };
  }
  out.result = result;
  return out;
}
