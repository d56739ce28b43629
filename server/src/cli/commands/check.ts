// `fazhi-report check [files or folders…]`: checks reports and prints their diagnostics in one of the formats of
// ../formatters/ (text lines; the exact LSP Diagnostic objects the language server publishes; SARIF 2.1.0; GitHub
// workflow annotations). Honours .fazhi-report.json (../settings.ts) and the suppression comments (in the engine);
// --fix applies the fixes that are safe without a human (../fix.ts); --max-warnings N fails a run with too many
// warnings, as ESLint and markdownlint-cli do.
import { formatMessage } from '../../engine/messages';
import path from 'node:path';
import fs from 'node:fs';
import { AcrossCheck, acrossSeverity } from '../../engine/across';
import { toDiagnostics } from '../../present/convert';
import { fileUri } from '../files';
import { lazySegmenter, segmenterFor } from '../../segmenter';
import { checkFile, type FileJob, type FileOutcome, type JobOptions } from '../check-file';
import { MIN_FILES_PER_WORKER, runParallel, settingsTable, threadCount } from '../pool';
import { tuneForFolder } from '../tuning';
import { progressBar } from '../progress';
import { parseCommon, UsageError } from '../args';
import { displayPath, expandTargets, findRepoRoot } from '../files';
import { countResults, FORMATS, formatters, type Counts, type FileResult, type FormatContext } from '../formatters';
import type { CliIO } from '../io';
import { SettingsResolver } from '../settings';
import type { Command } from './command';


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

/** --jobs: a whole number ≥ 1 (undefined: pool.ts threadCount decides from the cores and the number of files). */
export function parseJobs(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw.trim()) < 1) {
    throw new UsageError(`--jobs 应为不小于 1 的整数，而不是“${raw}”`, `--jobs must be a whole number ≥ 1, not "${raw}"`);
  }
  return Number(raw.trim());
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
    'check [文件或文件夹… / files or folders…] [--all] [--format text|json|sarif|github|html] [-o 输出文件 / file] [--locale zh-cn|en] [--fix] [--max-warnings N] [--jobs N] [--config .fazhi-report.json] [--profile profile.json]',
  summary: {
    zh: '检查报告；文件夹中查找 .txt、.md、.docx、.doc、.wps 和 .pdf，只检查像报告的文件（与编辑器的工作区检查相同，--all 检查全部）；直接写出的文件总是检查；不给文件时检查 seeds/ 文件夹。检查多份报告时也核对同一单位相邻年度的报告（across-reports）。--fix 自动修复无需人工判断的问题（标题重新编号；Word/PDF 文件不改动）',
    en: 'check reports; folders are searched for .txt, .md, .docx, .doc, .wps and .pdf and only files that read as reports are checked (as the editor\'s workspace check does; --all checks them all); files named directly are always checked; with no files, checks seeds/. Several reports are also checked against each other (across-reports: consecutive years of one body). --fix applies the fixes safe without a human (renumbering; Word/PDF files are never changed)',
  },
  async run(args: string[], io: CliIO): Promise<number> {
    const opts = parseCommon(args, {
      formats: FORMATS,
      extra: {
        fix: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        config: { type: 'string' },
        profile: { type: 'string' },
        jobs: { type: 'string' },
        all: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
      },
    });
    const fix = opts.values.fix === true;
    const all = opts.values.all === true;
    const maxWarnings = parseMaxWarnings(opts.values['max-warnings'] as string | undefined);
    const jobsOption = parseJobs(opts.values.jobs as string | undefined);
    const output = opts.values.output as string | undefined;
    if (output !== undefined && !output.trim()) throw new UsageError('-o/--output 需要一个文件名', '-o/--output needs a file name');
    const formatter = formatters[opts.format];
    // -o: standard output is collected and written to the file at the end (stderr stays on the terminal).
    const outputParts: string[] = [];
    const terminal = io;
    if (output !== undefined) io = { ...io, out: (text: string) => void outputParts.push(text) };
    const cwd = process.cwd();
    const ctx: FormatContext = { locale: opts.locale, cwd, unreadable: [] };
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

    const summary = formatter.needsText === true;
    // checks across reports need every report's text and figures before anything is printed
    const severityAcross = acrossSeverity(settings[0]?.rules);
    const across = targets.length > 1 && severityAcross !== 'off';
    const jobOptions: JobOptions = { locale: opts.locale, fix, summary, all, keep: across };
    const jobs: FileJob[] = targets.map((t, index) => ({ index, display: t.display, absolute: t.absolute, explicit: t.explicit }));
    const skipped: string[] = [];
    const results: FileResult[] = [];
    let unreadable = 0;
    let unfixed = 0;
    const bar = io.progress ? progressBar(io, targets.length) : null;
    const print = (o: FileOutcome) => {
      // the bar is erased only before a line is printed (it is redrawn after)
      if (o.errors.length || o.notes.length || (o.result?.diagnostics.length ?? 0) > 0) bar?.clear();
      for (const line of o.errors) io.err(line + '\n');
      for (const line of o.notes) note(line);
      if (o.unreadable) {
        unreadable++;
        const t = targets[o.index];
        if (o.unreadableReason) ctx.unreadable!.push({ path: t.display, absolute: t.absolute, reason: o.unreadableReason });
      }
      if (o.unfixed) unfixed++;
      if (o.skipped) skipped.push(targets[o.index].display);
      if (!o.result) return;
      results.push(o.result);
      const block = formatter.file(o.result, ctx);
      if (block) io.out(block);
    };
    // with the checks across reports, outcomes are kept (in file order) and printed once those are known; each report
    // is compared with the ones before it as it comes, while the threads go on with the later ones
    const kept: FileOutcome[] = [];
    const acrossCheck = across
      ? new AcrossCheck({
          locale: opts.locale,
          // plan items' key terms are words whatever the number of threads: cut at the end, with only the dictionary
          // entries they contain when no report loaded the whole dictionary on this thread
          segmenterFor: (texts) => segmenterFor(texts) ?? undefined,
          severity: severityAcross,
          pairs: settings.flatMap((x) => x.pairs ?? []),
        })
      : null;
    const emit = acrossCheck
      ? (o: FileOutcome) => {
          kept.push(o);
          if (o.result && o.analysis) acrossCheck.add({ file: targets[o.index].absolute, analysis: o.analysis });
        }
      : print;
    if (jobs.length >= MIN_FILES_PER_WORKER) tuneForFolder();
    const workers = threadCount(jobs.length, jobsOption);
    if (workers > 1) {
      await runParallel(jobs, settingsTable(settings), jobOptions, workers, emit, (done) => bar?.update(done));
    } else {
      // Word segmentation sharpens some checks; its dictionary is loaded when a report first needs it (without it the
      // engine still works, so say nothing).
      const segmenter = lazySegmenter();
      for (let i = 0; i < jobs.length; i++) {
        emit(await checkFile(jobs[i], settings[i], jobOptions, segmenter));
        bar?.update(i + 1);
      }
    }
    if (acrossCheck) {
      const found = acrossCheck.findings();
      for (const o of kept) {
        const more = o.result ? found.get(targets[o.index].absolute) : undefined;
        if (more?.length) {
          const added = toDiagnostics(more, fileUri(targets[o.index].absolute), { relatedInformation: true, uriOf: fileUri });
          o.result!.diagnostics = [...o.result!.diagnostics, ...added].sort(
            (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
          );
        }
        print(o);
      }
    }
    bar?.clear();
    if (skipped.length) note(skippedLine(skipped));
    const counts = countResults(results, unreadable);
    if (unfixed) counts.unfixed = unfixed;
    io.out(formatter.end(results, counts, ctx));
    if (output !== undefined) {
      const target = path.resolve(cwd, output);
      try {
        fs.writeFileSync(target, outputParts.join(''));
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        terminal.err(`fazhi-report: 无法写入 ${output}：${detail} / cannot write ${output}: ${detail}\n`);
        return 2;
      }
      terminal.err(formatMessage(opts.locale, 'cli.wrote', { file: output }) + '\n');
    }
    const code = exitCodeFor(counts);
    if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
      io.err(tooManyWarningsLine(counts.warnings, maxWarnings) + '\n');
      return Math.max(code, 1);
    }
    return code;
  },
};
