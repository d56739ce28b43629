// `fazhi-report check [files or folders…]`: checks reports and prints their diagnostics, as text lines or as the
// exact LSP Diagnostic objects the language server publishes (same conversion function).
import type { Diagnostic } from 'vscode-languageserver';
import { analyze } from '../../engine';
import type { Locale } from '../../engine';
import { toDiagnostics } from '../../lsp/convert';
import { loadSegmenter } from '../../segmenter';
import { parseCommon, UsageError } from '../args';
import { displayPath, expandTargets, fileUri, findRepoRoot } from '../files';
import type { CliIO } from '../io';
import { readErrorLine, readReport } from '../read';
import path from 'node:path';
import type { Command } from './command';

export interface FileResult {
  path: string;
  diagnostics: Diagnostic[];
}

// Severity words stay English in the text lines (like compilers print them) so editors' problem matchers and
// grep work in any locale; the message itself and the summary are in the chosen language.
const SEVERITY_WORD: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** `path:line:col severity code message` with 1-based line and column (UTF-16 code units, as editors count). */
export function formatDiagnosticLine(file: string, d: Diagnostic): string {
  const { line, character } = d.range.start;
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  return `${file}:${line + 1}:${character + 1} ${SEVERITY_WORD[d.severity ?? 2] ?? 'warning'} ${String(d.code ?? '')} ${message}`;
}

export interface Counts {
  files: number;
  errors: number;
  warnings: number;
  /** information + hint */
  hints: number;
  unreadable: number;
}

export function countResults(results: FileResult[], unreadable: number): Counts {
  const c: Counts = { files: results.length, errors: 0, warnings: 0, hints: 0, unreadable };
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 1) c.errors++;
      else if (d.severity === 2) c.warnings++;
      else c.hints++;
    }
  }
  return c;
}

/** 2 when a file could not be read, else 1 when any error-severity diagnostic, else 0. */
export function exitCodeFor(c: Counts): number {
  if (c.unreadable > 0) return 2;
  return c.errors > 0 ? 1 : 0;
}

export function summaryLine(c: Counts, locale: Locale): string {
  if (locale === 'en') {
    const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
    const unread = c.unreadable ? `; ${n(c.unreadable, 'file')} could not be read` : '';
    return `Checked ${n(c.files, 'file')}: ${n(c.errors, 'error')}, ${n(c.warnings, 'warning')}, ${n(c.hints, 'hint')}${unread}`;
  }
  const unread = c.unreadable ? `；${c.unreadable} 个文件无法读取` : '';
  return `检查了 ${c.files} 个文件：${c.errors} 个错误，${c.warnings} 个警告，${c.hints} 个提示${unread}`;
}

export const check: Command = {
  name: 'check',
  usage: 'check [文件或文件夹… / files or folders…] [--format text|json] [--locale zh-cn|en]',
  summary: {
    zh: '检查报告；文件夹中查找 .txt 和 .md；不给文件时检查 seeds/ 文件夹',
    en: 'check reports; folders are searched for .txt and .md; with no files, checks seeds/',
  },
  async run(args: string[], io: CliIO): Promise<number> {
    const opts = parseCommon(args);
    let inputs = opts.positionals;
    if (inputs.length === 0) {
      const root = findRepoRoot();
      if (!root) throw new UsageError('没有给出文件，也找不到 seeds/ 文件夹', 'no files given and no seeds/ folder found');
      inputs = [displayPath(path.join(root, 'seeds'))];
    }
    const targets = expandTargets(inputs);
    // Word segmentation sharpens some checks; without it (null) the engine still works, so say nothing.
    const segmenter = targets.length > 0 ? loadSegmenter() : null;
    const results: FileResult[] = [];
    let unreadable = 0;
    for (const t of targets) {
      const read = readReport(t.absolute);
      if (!read.ok) {
        unreadable++;
        io.err(readErrorLine(t.display, read.reason) + '\n');
        continue;
      }
      const analysis = analyze(read.text, { locale: opts.locale, segmenter: segmenter ?? undefined });
      const diagnostics = toDiagnostics(analysis.findings, fileUri(t.absolute), { relatedInformation: true });
      results.push({ path: t.display, diagnostics });
      if (opts.format === 'text') io.out(textBlock(t.display, diagnostics));
    }
    const counts = countResults(results, unreadable);
    if (opts.format === 'json') io.out(JSON.stringify({ files: results }, null, 2) + '\n');
    else io.out(summaryLine(counts, opts.locale) + '\n');
    return exitCodeFor(counts);
  },
};

/** The text output for one file: its diagnostic lines, each followed by its related places, indented. */
export function textBlock(file: string, diagnostics: Diagnostic[]): string {
  let s = '';
  for (const d of diagnostics) {
    s += formatDiagnosticLine(file, d) + '\n';
    // Related places (e.g. the previous heading at this level) follow, indented, so line-based tools skip them.
    for (const r of d.relatedInformation ?? []) {
      s += `    ${file}:${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}\n`;
    }
  }
  return s;
}
