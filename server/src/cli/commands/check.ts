// `fazhi-report check [files or folders…]`: checks reports and prints their diagnostics in one of the formats of
// ../formatters/ (text lines; the exact LSP Diagnostic objects the language server publishes; SARIF 2.1.0; GitHub
// workflow annotations). Honours .fazhi-report.json (../settings.ts) and the suppression comments (in the engine);
// --fix applies the fixes that are safe without a human (../fix.ts); --max-warnings N fails a run with too many
// warnings, as ESLint and markdownlint-cli do.
import path from 'node:path';
import { analyze, languageOfName, shouldCheck } from '../../engine';
import type { AnalyzeOptions } from '../../engine';
import { toDiagnostics } from '../../lsp/convert';
import { loadSegmenter } from '../../segmenter';
import { parseCommon, UsageError } from '../args';
import { displayPath, expandTargets, fileUri, findRepoRoot } from '../files';
import { fixText, writeFixed, type AppliedFix } from '../fix';
import { countResults, FORMATS, formatters, type Counts, type FileResult } from '../formatters';
import type { CliIO } from '../io';
import { readErrorLine, readInput, readWarningLines } from '../read';
import { whereText } from '../../host/readers';
import { SettingsResolver } from '../settings';
import type { Command } from './command';

// Kept here for the callers (and tests) that import them from the command.
export { countResults } from '../formatters';
export type { Counts, FileResult } from '../formatters';
export { formatDiagnosticLine, summaryLine, textBlock } from '../formatters/text';

/** 2 when a file could not be read (or fixed), else 1 when any error-severity diagnostic, else 0. */
export function exitCodeFor(c: Counts): number {
  if (c.unreadable > 0 || (c.unfixed ?? 0) > 0) return 2;
  return c.errors > 0 ? 1 : 0;
}

/** --max-warnings: a whole number ≥ 0 (undefined: no limit). */
export function parseMaxWarnings(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim())) {
    throw new UsageError(`--max-warnings 应为不小于 0 的整数，而不是“${raw}”`, `--max-warnings must be a whole number ≥ 0, not "${raw}"`);
  }
  return Number(raw.trim());
}

function fixedLine(file: string, applied: AppliedFix[], locale: AnalyzeOptions['locale']): string {
  const titles = applied.map((a) => `${a.code}：${a.title}`);
  return locale === 'en'
    ? `${file}: fixed ${applied.length} (${applied.map((a) => `${a.code}: ${a.title}`).join('; ')})`
    : `${file}：已自动修复 ${applied.length} 处（${titles.join('；')}）`;
}

function tooManyWarningsLine(warnings: number, max: number): string {
  return `fazhi-report: 警告 ${warnings} 个，超过 --max-warnings 上限 ${max} / ${warnings} warnings, more than --max-warnings ${max}`;
}

function skippedLine(files: string[]): string {
  const shown = files.slice(0, 5).join('、') + (files.length > 5 ? '…' : '');
  const shownEn = files.slice(0, 5).join(', ') + (files.length > 5 ? ', …' : '');
  return `fazhi-report: 跳过 ${files.length} 个不像报告的文件（${shown}），用 --all 检查全部 / skipped ${files.length} file(s) that do not read as reports (${shownEn}); --all checks them all`;
}

export const check: Command = {
  name: 'check',
  usage:
    'check [文件或文件夹… / files or folders…] [--all] [--format text|json|sarif|github] [--locale zh-cn|en] [--fix] [--max-warnings N] [--config .fazhi-report.json] [--profile profile.json]',
  summary: {
    zh: '检查报告；文件夹中查找 .txt、.md、.docx、.doc、.wps 和 .pdf，只检查像报告的文件（与编辑器的工作区检查相同，--all 检查全部）；直接写出的文件总是检查；不给文件时检查 seeds/ 文件夹。--fix 自动修复无需人工判断的问题（标题重新编号；Word/PDF 文件不改动）',
    en: 'check reports; folders are searched for .txt, .md, .docx, .doc, .wps and .pdf and only files that read as reports are checked (as the editor\'s workspace check does; --all checks them all); files named directly are always checked; with no files, checks seeds/. --fix applies the fixes safe without a human (renumbering; Word/PDF files are never changed)',
  },
  async run(args: string[], io: CliIO): Promise<number> {
    const opts = parseCommon(args, {
      formats: FORMATS,
      extra: {
        fix: { type: 'boolean' },
        all: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        config: { type: 'string' },
        profile: { type: 'string' },
      },
    });
    const fix = opts.values.fix === true;
    const all = opts.values.all === true;
    const maxWarnings = parseMaxWarnings(opts.values['max-warnings'] as string | undefined);
    const formatter = formatters[opts.format];
    const cwd = process.cwd();
    const ctx = { locale: opts.locale, cwd };
    const note = (line: string) => (formatter.human ? io.out(line + '\n') : io.err(line + '\n'));

    let inputs = opts.positionals;
    if (inputs.length === 0) {
      const root = findRepoRoot();
      if (!root) throw new UsageError('没有给出文件，也找不到 seeds/ 文件夹', 'no files given and no seeds/ folder found');
      inputs = [displayPath(path.join(root, 'seeds'))];
    }
    const targets = expandTargets(inputs);

    // Settings first, for every file: an invalid workspace file or profile stops the run before any output.
    const resolver = new SettingsResolver({
      cwd,
      config: opts.values.config as string | undefined,
      profile: opts.values.profile as string | undefined,
    });
    const settings = targets.map((t) => resolver.forFile(t.absolute));
    if (resolver.errors.length > 0) {
      for (const line of resolver.errors) io.err(line + '\n');
      return 2;
    }

    // Word segmentation sharpens some checks; without it (null) the engine still works, so say nothing.
    const segmenter = targets.length > 0 ? loadSegmenter() : null;
    const results: FileResult[] = [];
    let unreadable = 0;
    let unfixed = 0;
    const skipped: string[] = [];
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      const read = await readInput(t.absolute);
      if (!read.ok) {
        unreadable++;
        io.err(readErrorLine(t.display, read.reason) + '\n');
        continue;
      }
      const { text, encoding, doc } = read;
      // a file found in a folder is checked when it reads as a report, exactly as the editor's workspace check decides
      if (!t.explicit && !shouldCheck({ text, languageId: languageOfName(t.absolute), force: all }).check) {
        skipped.push(t.display);
        continue;
      }
      for (const line of readWarningLines(t.display, doc)) io.err(line + '\n');
      const s = settings[i];
      const options: AnalyzeOptions = {
        locale: opts.locale,
        segmenter: segmenter ?? undefined,
        rules: s.rules,
        accepted: s.accepted,
        profile: s.profile,
      };
      let analysis;
      if (fix && !doc) {
        const fixed = fixText(text, options);
        analysis = fixed.analysis;
        if (fixed.applied.length > 0) {
          const written = writeFixed(t.absolute, read.bytes!, text, encoding!, fixed.text);
          if (written.ok) {
            note(fixedLine(t.display, fixed.applied, opts.locale));
          } else {
            // Not written: report the file as it is on disk.
            unfixed++;
            io.err(`fazhi-report: 未能修复 ${t.display}：${written.reason.zh} / could not fix ${t.display}: ${written.reason.en}\n`);
            analysis = analyze(text, options);
          }
        }
      } else {
        analysis = analyze(text, options);
      }
      const diagnostics = toDiagnostics(analysis.findings, fileUri(t.absolute), { relatedInformation: true });
      const result: FileResult = { path: t.display, absolute: t.absolute, diagnostics };
      // Word/PDF (never fixed in place: --fix leaves them alone): their page or paragraph beside each finding
      if (doc) result.where = (line, locale) => whereText(doc, line, locale);
      results.push(result);
      const block = formatter.file(result, ctx);
      if (block) io.out(block);
    }
    if (skipped.length) note(skippedLine(skipped));
    const counts = countResults(results, unreadable);
    if (unfixed) counts.unfixed = unfixed;
    io.out(formatter.end(results, counts, ctx));
    const code = exitCodeFor(counts);
    if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
      io.err(tooManyWarningsLine(counts.warnings, maxWarnings) + '\n');
      return Math.max(code, 1);
    }
    return code;
  },
};
