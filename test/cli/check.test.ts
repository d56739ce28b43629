// `fazhi-report check` as a user runs it: exit codes, text and JSON output, encodings, unreadable files.
// Expected findings come from the engine itself (more checks keep arriving); what is pinned here is the command
// line's own behaviour: decoding, paths, formats, summaries and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { countResults } from '../../server/src/cli/formatters';
import { summaryLine, textBlock } from '../../server/src/cli/formatters/text';
import type { Locale } from '../../server/src/engine';
import { repoRoot, readText, seedFiles } from '../helpers/paths';
import { engineDiagnostics } from '../protocol/expect';
import { fixture, lines, runCli } from './run';

const GAP = '某某市2023年法治政府建设情况报告\n一、甲项工作\n内容。\n二、乙项工作\n内容。\n四、丁项工作\n内容。\n';
/** gbk.txt is the first 20 lines of seed 002 saved as GBK (no-break spaces, which GBK lacks, as plain spaces). */
const GBK_SOURCE = readText(seedFiles()[2]).split('\n').slice(0, 20).join('\n').replace(/\u00a0/g, ' ') + '\n';
const CLEAN = readText(fixture('clean.txt'));
const LINE = /^(.+):(\d+):(\d+) (error|warning|information|hint) ([a-z0-9-]+) (.+)$/;
const rel = (name: string) => path.join('test', 'fixtures', 'cli', name);
const uriOf = (file: string) => pathToFileURL(path.resolve(repoRoot, file)).href;

interface JsonOut {
  files: { path: string; diagnostics: Diagnostic[] }[];
}

/** The CLI loads word segmentation before checking, so compare with the segmented engine. */
function expected(text: string, file: string, locale: Locale = 'zh-cn'): Diagnostic[] {
  return engineDiagnostics(text, uriOf(file), { locale, relatedInformation: true }, true);
}

function expectedText(files: [string, string][], locale: Locale = 'zh-cn', unreadable = 0): string {
  const results = files.map(([file, text]) => ({ path: file, diagnostics: expected(text, file, locale) }));
  return results.map((r) => textBlock(r.path, r.diagnostics)).join('') + summaryLine(countResults(results, unreadable), locale) + '\n';
}

test('a report without error-severity findings: exit 0, its findings, then the Chinese summary', () => {
  const r = runCli(['check', rel('clean.txt')]);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, expectedText([[rel('clean.txt'), CLEAN]]));
  assert.match(lines(r.stdout).pop() ?? '', /^检查了 1 个文件：0 个错误，\d+ 个警告，\d+ 个提示$/);
});

test('text format: path:line:col severity code message, 1-based, then the summary', () => {
  const r = runCli(['check', rel('utf8-bom.txt')]);
  assert.equal(r.stdout, expectedText([[rel('utf8-bom.txt'), GAP]]));
  const findings = lines(r.stdout).filter((l) => !l.startsWith(' ') && !l.startsWith('检查了'));
  assert.ok(findings.length > 0);
  for (const l of findings) assert.match(l, LINE);
  // The 四、 after 二、 is on the file's 6th line, first column.
  const gap = findings.map((l) => LINE.exec(l)!).find((m) => m[5] === 'heading-numbering');
  assert.deepEqual(gap?.slice(1, 5), [rel('utf8-bom.txt'), '6', '1', 'warning']);
  assert.match(gap?.[6] ?? '', /标题序号不连续/);
});

test('--locale en: English messages and summary', () => {
  const r = runCli(['check', rel('crlf.txt'), '--locale', 'en']);
  assert.equal(r.stdout, expectedText([[rel('crlf.txt'), GAP]], 'en'));
  assert.match(r.stdout, /^test\/fixtures\/cli\/crlf\.txt:6:1 warning heading-numbering .*numbering/im);
  assert.match(lines(r.stdout).pop() ?? '', /^Checked 1 file: \d+ errors?, \d+ warnings?, \d+ hints?$/);
});

test('json format: exactly {files:[{path, diagnostics}]}, diagnostics as the server publishes them', () => {
  const files = ['utf8-bom.txt', 'crlf.txt', 'utf16le.txt', 'clean.txt'].map(rel);
  const r = runCli(['check', '--format', 'json', ...files]);
  const parsed = JSON.parse(r.stdout) as JsonOut;
  assert.deepEqual(Object.keys(parsed), ['files']);
  assert.deepEqual(parsed.files.map((f) => f.path), files);
  for (const f of parsed.files) assert.deepEqual(Object.keys(f), ['path', 'diagnostics']);
  // BOM, CRLF and UTF-16 all decode to the same report, so the same findings at the same places.
  for (const f of parsed.files.slice(0, 3)) assert.deepEqual(f.diagnostics, expected(GAP, f.path));
  assert.deepEqual(parsed.files[3].diagnostics, expected(CLEAN, files[3]));
  const d = parsed.files[0].diagnostics.find((x) => x.code === 'heading-numbering');
  assert.equal(d?.source, 'fazhi-report');
  assert.equal(d?.severity, 2);
  assert.deepEqual(d?.range.start, { line: 5, character: 0 });
  assert.equal(d?.relatedInformation?.[0].location.uri, uriOf(files[0]));
  const anyError = parsed.files.some((f) => f.diagnostics.some((x) => x.severity === 1));
  assert.equal(r.code, anyError ? 1 : 0);
});

test('a GBK file is detected and decoded', () => {
  const r = runCli(['check', '--format', 'json', rel('gbk.txt')]);
  const parsed = JSON.parse(r.stdout) as JsonOut;
  assert.deepEqual(parsed.files[0].diagnostics, expected(GBK_SOURCE, rel('gbk.txt')));
  const outline = runCli(['outline', rel('gbk.txt')]);
  assert.equal(outline.code, 0);
  assert.match(lines(outline.stdout)[0], /^无锡市锡山区人民政府2022年法治政府建设工作报告/);
});

test('a binary file: one clear error line, exit 2', () => {
  const r = runCli(['check', rel('binary.txt')]);
  assert.equal(r.code, 2);
  assert.deepEqual(lines(r.stderr), [
    `fazhi-report: 无法读取 ${rel('binary.txt')}：看起来是二进制文件，不是文本报告 / cannot read ${rel('binary.txt')}: binary file, not a text report`,
  ]);
  assert.equal(r.stdout, '检查了 0 个文件：0 个错误，0 个警告，0 个提示；1 个文件无法读取\n');
});

test('a folder: .txt/.md found recursively, the binary one reported once, every other one still checked', () => {
  const r = runCli(['check', '--format', 'json', rel('')]);
  assert.equal(r.code, 2);
  assert.equal(lines(r.stderr).length, 1);
  assert.match(r.stderr, /binary\.txt：看起来是二进制文件/);
  const parsed = JSON.parse(r.stdout) as JsonOut;
  const names = fs
    .readdirSync(fixture(''))
    .filter((n) => /\.(txt|md)$/.test(n) && n !== 'binary.txt')
    .sort();
  assert.deepEqual(parsed.files.map((f) => f.path), names.map((n) => path.join(rel(''), n)));
  assert.ok(names.length >= 5);
});

test('a missing file is a read error (exit 2) and the other files are still checked', () => {
  const r = runCli(['check', rel('no-such-file.txt'), rel('clean.txt')]);
  assert.equal(r.code, 2);
  assert.deepEqual(lines(r.stderr), [
    `fazhi-report: 无法读取 ${rel('no-such-file.txt')}：文件不存在 / cannot read ${rel('no-such-file.txt')}: no such file`,
  ]);
  assert.equal(r.stdout, expectedText([[rel('clean.txt'), CLEAN]], 'zh-cn', 1));
  assert.match(r.stdout, /；1 个文件无法读取\n$/);
});

test('no files given: the seeds are checked, exit code follows their errors', () => {
  const r = runCli(['check', '--format', 'json'], path.join(repoRoot, 'test'));
  const parsed = JSON.parse(r.stdout) as JsonOut;
  assert.deepEqual(
    parsed.files.map((f) => path.basename(f.path)),
    seedFiles().map((f) => path.basename(f)),
  );
  const anyError = parsed.files.some((f) => f.diagnostics.some((d) => d.severity === 1));
  assert.equal(r.code, anyError ? 1 : 0);
});

test('usage errors exit 2 with a bilingual message', () => {
  for (const args of [['check', '--bogus'], ['check', '--format', 'xml'], ['check', '--locale', 'fr'], ['frobnicate'], []]) {
    const r = runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stdout + r.stderr, /用法 \/ Usage:/);
  }
  assert.match(runCli(['frobnicate']).stderr, /未知命令“frobnicate” \/ unknown command "frobnicate"/);
});

test('--help and --version exit 0', () => {
  const help = runCli(['--help']);
  assert.equal(help.code, 0);
  for (const c of ['check', 'outline', 'lsp']) assert.match(help.stdout, new RegExp(`fazhi-report ${c}`));
  const version = runCli(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readText(path.join(repoRoot, 'package.json'))).version);
});

test('an error-severity finding (a breakdown that exceeds its total) makes the exit code 1', () => {
  const r = runCli(['check', rel('errors.txt'), rel('clean.txt')]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '');
  const errorLine = lines(r.stdout).find((l) => LINE.exec(l)?.[4] === 'error');
  assert.match(errorLine ?? '', /^test\/fixtures\/cli\/errors\.txt:3:\d+ error breakdown-sum /);
  assert.match(lines(r.stdout).pop() ?? '', /^检查了 2 个文件：1 个错误，/);
});
