// check on worker threads (--jobs) prints exactly what the serial check prints; the summary page (--format html -o)
// shows each report's title, body, year, parts and findings with their sentence, escaped; the progress bar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from './run';
import { tempDir, writeFiles } from './tmp';
import { fixturesDir, repoRoot, seedFiles, readText } from '../helpers/paths';
import { ALL_CORES_FROM_FILES, MAX_BATCH, MIN_FILES_PER_WORKER, batchSize, runParallel, settingsTable, threadCount } from '../../server/src/cli/pool';
import { checkFile, type FileOutcome } from '../../server/src/cli/check-file';
import { progressBar } from '../../server/src/cli/progress';
import { segmenter } from '../helpers/engine';

const summaryFixtures = path.join(fixturesDir, 'summary');
const scriptReport = path.join(summaryFixtures, '某某县司法局2023年度报告-含脚本.txt');

/** A folder of 24 reports made from the seeds (figures changed), one binary file, one empty file and Word and PDF files among them. */
function folderOfReports(): string {
  const dir = tempDir('fazhi-parallel-');
  const seeds = seedFiles().map(readText);
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < 24; i++) {
    const text = seeds[i % seeds.length].replace(/\d+(?=件)/g, (m) => String(Number(m) + i));
    files[`${String(i).padStart(2, '0')}_报告.txt`] = text;
  }
  files['07b_损坏.txt'] = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x00]);
  files['12b_空白.txt'] = '';
  // Word and PDF files are read asynchronously (a worker's next batch, or its stop, must wait for the batch before
  // it), and pdf.js is an ES module the bundle imports at run time
  for (const [i, f] of ['report.docx', 'report.pdf', 'damaged.docx', 'report.pdf'].entries()) {
    files[`${String(i * 6).padStart(2, '0')}c_${f}`] = fs.readFileSync(path.join(fixturesDir, 'docs', f));
  }
  writeFiles(dir, files);
  return dir;
}

test('threadCount: one thread for a handful of files, at most --jobs, at most one worker per MIN_FILES_PER_WORKER files', () => {
  assert.equal(threadCount(5, 4), 1);
  assert.equal(threadCount(MIN_FILES_PER_WORKER * 2 - 1, 4), 1);
  assert.equal(threadCount(MIN_FILES_PER_WORKER * 2, 4), 2);
  assert.equal(threadCount(1000, 3), 3);
  assert.equal(threadCount(1000, 1), 1);
  // without --jobs: one thread fewer than cores (V8's own threads take the last core), never fewer than one …
  assert.equal(threadCount(ALL_CORES_FROM_FILES - 1, undefined, 2), 1);
  assert.equal(threadCount(ALL_CORES_FROM_FILES - 1, undefined, 1), 1);
  assert.equal(threadCount(ALL_CORES_FROM_FILES - 1, undefined, 4), 3);
  assert.equal(threadCount(ALL_CORES_FROM_FILES - 1, undefined, 8), Math.min(7, Math.floor((ALL_CORES_FROM_FILES - 1) / MIN_FILES_PER_WORKER)));
  assert.equal(threadCount(1000 - 1, undefined, 8), 8);
  // … and a thread per core for a large folder
  assert.equal(threadCount(ALL_CORES_FROM_FILES, undefined, 2), 2);
  assert.equal(threadCount(1000, undefined, 1), 1);
  assert.equal(threadCount(1000, undefined, 8), 8);
});

test('batchSize: at most MAX_BATCH files at once, fewer towards the end, the last ones one by one', () => {
  // 500 files for 2 workers, sent as each asks: every file once, large batches first, single files at the end
  const sizes: number[] = [];
  for (let sent = 0; sent < 500; ) {
    const b = batchSize(500 - sent, 2);
    sizes.push(b);
    sent += b;
  }
  assert.equal(sizes.reduce((a, b) => a + b, 0), 500);
  assert.equal(sizes[0], MAX_BATCH);
  assert.ok(sizes.every((b, i) => i === 0 || b <= sizes[i - 1]), 'never larger than the batch before');
  assert.deepEqual(sizes.slice(-4), [1, 1, 1, 1]);
  // the rest is never all sent to one worker while others could share it
  assert.equal(batchSize(24, 2), 3);
  assert.equal(batchSize(3, 4), 1);
});

test('runParallel returns every outcome in file order, equal to the serial checkFile outcomes (this thread and one or two workers)', async () => {
  const dir = folderOfReports();
  const names = fs.readdirSync(dir).sort();
  const jobs = names.map((n, index) => ({ index, display: n, absolute: path.join(dir, n), explicit: true }));
  const settings = jobs.map(() => ({ workspaceFile: null, rules: undefined }));
  const opts = { locale: 'zh-cn' as const, fix: false, summary: true };
  const serial = await Promise.all(jobs.map((j) => checkFile(j, settings[j.index], opts, segmenter)));
  for (const threads of [2, 3]) {
    const parallel: FileOutcome[] = [];
    const progress: number[] = [];
    await runParallel(jobs, settingsTable(settings), opts, threads, (o) => parallel.push(o), (d) => progress.push(d));
    assert.deepEqual(
      parallel.map((o) => o.index),
      jobs.map((j) => j.index),
    );
    assert.deepEqual(parallel, serial);
    assert.equal(progress[progress.length - 1], jobs.length);
  }
  assert.ok(serial.some((o) => o.unreadable), 'the binary file is unreadable');
  assert.ok(serial.some((o) => o.result?.whereLines), 'a Word or PDF file was read');
  assert.ok(serial.some((o) => (o.result?.diagnostics.length ?? 0) > 0), 'some report has findings');
});

function sameRun(args: string[]): void {
  const serial = runCli(['check', ...args, '--jobs', '1']);
  const parallel = runCli(['check', ...args, '--jobs', '2']);
  assert.equal(parallel.code, serial.code);
  assert.equal(parallel.stdout, serial.stdout);
  assert.equal(parallel.stderr, serial.stderr);
  assert.ok(serial.stdout.length > 0);
}

test('check --jobs 2 prints byte for byte what --jobs 1 prints (text, with an unreadable file), same exit code', () => {
  const dir = folderOfReports();
  sameRun([dir]);
  const r = runCli(['check', dir, '--jobs', '2']);
  assert.equal(r.code, 2, 'the unreadable file makes it exit 2');
  assert.match(r.stderr, /07b_损坏\.txt/);
});

test('check --jobs 2 = --jobs 1 on the seeds and the development corpora (json and text)', () => {
  const folders = ['seeds', '../shared/corpus', '../shared/corpus2', 'test/fixtures/summary'].filter((f) => fs.existsSync(path.join(repoRoot, f)));
  sameRun(folders);
  sameRun([...folders, '--format', 'json']);
});

test('--jobs must be a whole number ≥ 1', () => {
  for (const bad of ['0', 'x', '1.5']) {
    const r = runCli(['check', 'seeds', `--jobs=${bad}`]);
    assert.equal(r.code, 2, bad);
    assert.match(r.stderr, /--jobs 应为不小于 1 的整数/);
  }
});

test('--format html -o writes one page: title, body, year, parts, findings with the sentence, everything escaped', () => {
  const dir = tempDir('fazhi-html-');
  const out = path.join(dir, '审核汇总.html');
  const r = runCli(['check', summaryFixtures, ...seedFiles().slice(0, 2), '--format', 'html', '-o', out]);
  assert.equal(r.code, 1, r.stderr); // the fixture has an error (breakdown-sum)
  assert.equal(r.stdout, '', 'the page goes to the file, not to standard output');
  assert.match(r.stderr, /已写入/);
  const html = fs.readFileSync(out, 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;/);
  assert.doesNotMatch(html, /<link|src="http|@import|url\(/, 'nothing loaded from elsewhere');
  // the report's own markup is text
  assert.doesNotMatch(html, /<script>window\.__pwned/);
  assert.doesNotMatch(html, /<img src=x/);
  assert.match(html, /&lt;script&gt;window\.__pwned = 1&lt;\/script&gt;/);
  // the row: body, year, parts, counts
  assert.match(html, /<tr class="row" data-index="0" data-body="某某县司法局" data-kind="[^"]+" data-year="2023" data-checks="[^"]*breakdown-sum[^"]*" data-errors="1"/);
  assert.match(html, /<td class="part p-heading" title="存在的不足和原因：有标题">|<td class="part p-heading" title="[^"]*不足[^"]*：有标题">/);
  assert.equal((html.match(/<tr class="row"/g) ?? []).length, 3);
  assert.equal((html.match(/<section class="report"/g) ?? []).length, 3);
  // the finding: arithmetic message, the sentence with the figure marked, the related figures
  assert.match(html, /分项之和 30 \+ 5 \+ 3 \+ 4 = 42 件，超过总数 40 件。/);
  assert.match(html, /<blockquote>全年共审结行政复议案件<mark>40件<\/mark>&lt;script&gt;/);
  assert.match(html, /<ul class="related"><li>.*分项 维持：30件/);
  assert.match(html, /data-check="breakdown-sum"/);
  // A4 print layout, a page per report
  assert.match(html, /@page\{size:A4/);
  assert.match(html, /\.report\{break-before:page/);
});

test('--format html: a file that cannot be read is a row that says why', () => {
  const dir = tempDir('fazhi-html-bad-');
  writeFiles(dir, { '损坏.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) });
  const r = runCli(['check', summaryFixtures, dir, '--format', 'html']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /无法读取 .*损坏\.txt/);
  assert.match(r.stdout, /<td class="p-missing" colspan="5">无法读取：看起来是二进制文件，不是文本报告<\/td>/);
  assert.equal((r.stdout.match(/<tr class="row"/g) ?? []).length, 2);
});

test('--format html --locale en: English labels', () => {
  const r = runCli(['check', summaryFixtures, '--format', 'html', '--locale', 'en']);
  assert.match(r.stdout, /<html lang="en">/);
  assert.match(r.stdout, /Rule-of-law annual reports: review summary/);
  assert.match(r.stdout, /<th>Body<\/th><th>Year<\/th><th>Kind<\/th>/);
  assert.doesNotMatch(r.stdout, /审核汇总/);
});

test('-o to a folder that does not exist: a clear message, exit 2', () => {
  const r = runCli(['check', summaryFixtures, '--format', 'html', '-o', path.join(tempDir(), 'no', 'such', 'x.html')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /无法写入 .*x\.html/);
});

test('progress bar: drawn only where io.progress is (a terminal), erased before other output', () => {
  assert.equal(progressBar({ out() {}, err() {} }, 100), null);
  const drawn: string[] = [];
  const bar = progressBar({ out() {}, err() {}, progress: (t) => drawn.push(t) }, 10)!;
  bar.update(5);
  bar.update(10);
  bar.clear();
  assert.equal(drawn[0], `\r[${'#'.repeat(15)}${'.'.repeat(15)}] 5/10`);
  assert.equal(drawn[1], `\r[${'#'.repeat(30)}] 10/10`);
  assert.equal(drawn[2], '\r\x1b[K');
  const none = runCli(['check', 'seeds']);
  assert.doesNotMatch(none.stderr, /\r/, 'no bar when standard error is not a terminal');
});

