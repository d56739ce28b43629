// `fazhi-report check <folder>` with two consecutive years of one body: this year's contradicting 较上年 figure is
// one across-reports finding on this year's line whose related location is in last year's file; without the
// contradiction, none; switched off in the workspace file, none; the same with several threads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../cli/run';
import { fixturesDir } from '../helpers/paths';

const folder = (name: string) => path.join(fixturesDir, 'across', name);
interface Json {
  files: { path: string; diagnostics: { code: string; severity: number; range: { start: { line: number } }; relatedInformation?: { location: { uri: string; range: { start: { line: number } } } }[]; data?: Record<string, unknown> }[] }[];
}
const acrossOf = (json: Json) =>
  json.files.flatMap((f) => f.diagnostics.filter((d) => d.code === 'across-reports').map((d) => ({ file: path.basename(f.path), d })));

test('a folder with a contradicting 较上年 figure: one finding on this year\'s line, linking last year\'s file', () => {
  const r = runCli(['check', folder('contradiction'), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const found = acrossOf(JSON.parse(r.stdout) as Json).filter((x) => x.d.data?.prior !== undefined);
  assert.equal(found.length, 1);
  assert.equal(found[0].file, '2024.txt');
  assert.equal(found[0].d.range.start.line, 3);
  assert.equal(found[0].d.severity, 2);
  const rel = found[0].d.relatedInformation!.find((x) => x.location.uri !== pathToFileURL(path.join(folder('contradiction'), '2024.txt')).href)!;
  assert.equal(rel.location.uri, pathToFileURL(path.join(folder('contradiction'), '2023.txt')).href);
  assert.equal(rel.location.range.start.line, 3);
  const text = runCli(['check', folder('contradiction')]);
  assert.match(text.stdout, /2024\.txt:4:\d+ warning across-reports .*84件.*90件/);
});

test('the same folder without the contradiction gives no figure finding across reports', () => {
  const r = runCli(['check', folder('consistent'), '--format', 'json']);
  const found = acrossOf(JSON.parse(r.stdout) as Json).filter((x) => x.d.data?.prior !== undefined || x.d.data?.lastYear !== undefined);
  assert.deepEqual(found, []);
});

test('switched off in the workspace file, nothing is compared; --jobs 2 prints the same as --jobs 1', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-across-'));
  for (const f of ['2023.txt', '2024.txt']) fs.copyFileSync(path.join(folder('contradiction'), f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, '.fazhi-report.json'), JSON.stringify({ rules: { 'across-reports': 'off' } }));
  const off = runCli(['check', dir, '--format', 'json']);
  assert.deepEqual(acrossOf(JSON.parse(off.stdout) as Json), []);
  fs.rmSync(path.join(dir, '.fazhi-report.json'));
  const one = runCli(['check', dir, '--format', 'json', '--jobs', '1']);
  const two = runCli(['check', dir, '--format', 'json', '--jobs', '2']);
  assert.equal(two.stdout, one.stdout);
  assert.ok(acrossOf(JSON.parse(one.stdout) as Json).length >= 1);
});

test('on worker threads (a folder big enough for two), the checks across reports find the same as one thread', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-across-jobs-'));
  for (const f of ['2023.txt', '2024.txt']) fs.copyFileSync(path.join(folder('contradiction'), f), path.join(dir, f));
  // other bodies' reports, so that the folder is shared between two worker threads
  const seeds = path.join(fixturesDir, '..', '..', 'seeds');
  for (const s of fs.readdirSync(seeds).filter((x) => x.endsWith('.txt')).sort()) {
    for (let i = 0; i < 3; i++) fs.copyFileSync(path.join(seeds, s), path.join(dir, `${i}-${s}`));
  }
  const one = runCli(['check', dir, '--format', 'json', '--jobs', '1']);
  const two = runCli(['check', dir, '--format', 'json', '--jobs', '2']);
  assert.equal(two.stdout, one.stdout);
  assert.ok(acrossOf(JSON.parse(two.stdout) as Json).length >= 1, 'the contradiction is found on worker threads too');
  fs.rmSync(dir, { recursive: true, force: true });
});
