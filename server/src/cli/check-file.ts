// The work `check` does for one file (read, optionally fix, analyse, convert), with no output of its own: the lines
// it would print are returned, so that the serial loop and the worker threads (./pool.ts) print the same bytes in
// file order.
import { analyze } from '../engine';
import type { AnalyzeOptions, Locale, ReportSummary, Segmenter } from '../engine';
import { toDiagnostics } from '../lsp/convert';
import { fileUri } from './files';
import { fixText, writeFixed, type AppliedFix } from './fix';
import type { FileResult } from './formatters';
import { readErrorLine, readReportBytes } from './read';
import type { FileSettings } from './settings';

export interface FileJob {
  index: number;
  display: string;
  absolute: string;
}

export interface JobOptions {
  locale: Locale;
  fix: boolean;
  /** Keep the text and the report's summary (title, body, year, parts) for the HTML page. */
  summary: boolean;
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
}

function fixedLine(file: string, applied: AppliedFix[], locale: Locale): string {
  const titles = applied.map((a) => `${a.code}：${a.title}`);
  return locale === 'en'
    ? `${file}: fixed ${applied.length} (${applied.map((a) => `${a.code}: ${a.title}`).join('; ')})`
    : `${file}：已自动修复 ${applied.length} 处（${titles.join('；')}）`;
}

export function checkFile(job: FileJob, settings: Omit<FileSettings, 'workspaceFile'>, opts: JobOptions, segmenter: Segmenter | null): FileOutcome {
  const out: FileOutcome = { index: job.index, errors: [], notes: [], unreadable: false, unfixed: false };
  const read = readReportBytes(job.absolute);
  if (!read.decoded.ok) {
    out.unreadable = true;
    out.unreadableReason = read.decoded.reason;
    out.errors.push(readErrorLine(job.display, read.decoded.reason));
    return out;
  }
  const { text, encoding } = read.decoded;
  const options: AnalyzeOptions = {
    locale: opts.locale,
    segmenter: segmenter ?? undefined,
    rules: settings.rules,
    accepted: settings.accepted,
    profile: settings.profile,
    summary: opts.summary,
  };
  let analysis;
  let shown = text;
  if (opts.fix) {
    const fixed = fixText(text, options);
    analysis = fixed.analysis;
    if (fixed.applied.length > 0) {
      const written = writeFixed(job.absolute, read.bytes!, text, encoding, fixed.text);
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
  if (opts.summary) {
    result.text = shown;
    result.summary = analysis.summary as ReportSummary | undefined;
  }
  out.result = result;
  return out;
}
