// Pathological inputs: each is answered (no exception, every range inside, outline well formed), at a cost per
// character at most COST_FACTOR times that of the seeds checked on the same machine in the same process (no
// wall-clock bound: a slow or busy machine slows both alike). This only guards against super-linear blow-ups, which
// on megabyte inputs cost thousands of times more; the real speed is measured by `npm run bench`.
// Times are printed as test diagnostics. A case marked TODO is a known miss, measured, with its cause named.
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { segmenter } from '../helpers/engine';
import { readText, seedFiles } from '../helpers/paths';
import { assertAnalysisWellFormed } from './invariants';

// CPU time (process.cpuUsage), not wall time: on a busy machine the wall time mostly measures the wait for a core.
const COST_FACTOR = 40;
const FLOOR_MS = 200;
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
const FIVE_MB = 5 * 1024 * 1024;
const seeds = seedFiles().map(readText);

/** CPU milliseconds per 1,000 characters of the seeds on this machine now (best of three, with the segmenter). */
let reference: number | undefined;
function referenceCost(): number {
  if (reference === undefined) {
    const text = seeds.join('\n');
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const c0 = process.cpuUsage();
      analyze(text, { segmenter: segmenter! });
      best = Math.min(best, cpuMs(process.cpuUsage(c0)));
    }
    reference = best / (text.length / 1000);
  }
  return reference;
}
/** The allowed CPU time for `chars` characters: COST_FACTOR times the seeds' cost per character, at least FLOOR_MS. */
const allowed = (chars: number): number => Math.max(FLOOR_MS, referenceCost() * (chars / 1000) * COST_FACTOR);

/** `unit` repeated up to `bytes` UTF-8 bytes. */
const fill = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));

function timed(t: TestContext, name: string, text: string, opts: { withSegmenter?: boolean } = {}): number {
  const bound = allowed(text.length);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const a = analyze(text, opts.withSegmenter ? { segmenter: segmenter! } : {});
  const wall = performance.now() - t0;
  const cpu = cpuMs(process.cpuUsage(cpu0));
  t.diagnostic(`${name}: ${text.length} chars, ${Buffer.byteLength(text)} bytes, ${cpu.toFixed(0)} ms CPU (${wall.toFixed(0)} ms wall)${opts.withSegmenter ? ' (segmenter)' : ''}, ${a.findings.length} findings`);
  assertAnalysisWellFormed(text, a);
  assert.ok(cpu < bound, `${name}: ${cpu.toFixed(0)} ms CPU > ${bound.toFixed(0)} ms (${COST_FACTOR}× the seeds' cost per character)`);
  return cpu;
}

/**
 * The same in a worker thread with its own heap limit, for inputs that have blown up before (10,000 repeated
 * headings ran out of memory until the renumber fix became linear): an out-of-memory or a hang there fails this
 * test instead of killing the test runner.
 */
async function timedIsolated(t: TestContext, name: string, text: string): Promise<void> {
  const bound = allowed(text.length);
  const engine = path.join(__dirname, '..', '..', 'server', 'src', 'engine');
  const invariants = path.join(__dirname, 'invariants');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { analyze } = require(workerData.engine);
    const { assertAnalysisWellFormed } = require(workerData.invariants);
    const c0 = process.cpuUsage();
    const a = analyze(workerData.text, {});
    const c = process.cpuUsage(c0);
    const ms = (c.user + c.system) / 1000;
    assertAnalysisWellFormed(workerData.text, a);
    parentPort.postMessage({ ms, findings: a.findings.length });`;
  const worker = new Worker(code, { eval: true, workerData: { engine, invariants, text }, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  // a hang or an out-of-memory fails the test instead of the runner (generous: this is not the measure)
  const timeoutMs = Math.max(60000, bound * 5);
  const result = await new Promise<{ ms: number; findings: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${name}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    worker.once('message', (m: { ms: number; findings: number }) => {
      clearTimeout(timer);
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`${name}: ${e instanceof Error ? e.message : String(e)}`));
    });
  });
  await worker.terminate();
  t.diagnostic(`${name}: ${text.length} chars, ${result.ms.toFixed(0)} ms CPU, ${result.findings} findings`);
  assert.ok(result.ms < bound, `${name}: ${result.ms.toFixed(0)} ms CPU > ${bound.toFixed(0)} ms (${COST_FACTOR}× the seeds' cost per character)`);
}

test('5 MB on one line: plain text, no line break, no figure', (t) => {
  timed(t, '5 MB one line', fill('法治政府建设，依法行政，', FIVE_MB));
});

test('5 MB on one line: the seeds with their line breaks removed (dense figures, no line break)', (t) => {
  timed(t, '5 MB seeds on one line', fill(seeds.join('').replace(/\r\n|\r|\n/g, ''), FIVE_MB));
});

test('100,000 digits (and digit runs with separators)', (t) => {
  timed(t, '100,000 digits', '全年受理' + '9'.repeat(100000) + '件，办结1件。', { withSegmenter: true });
  timed(t, '100,000 digits alone', '1'.repeat(100000));
  timed(t, 'digits and dots', '1.'.repeat(50000) + '5%', { withSegmenter: true });
  timed(t, 'percent after 100,000 digits', '综合化解率' + '9'.repeat(100000) + '%');
});

test('10,000 nested numbering markers on one line', (t) => {
  timed(t, 'markers', '一、（一）1.（1）一是'.repeat(2000), { withSegmenter: true });
  timed(t, 'markers without text', '一、'.repeat(10000));
  timed(t, 'paren markers', '（一）'.repeat(5000) + '（1）'.repeat(5000));
});

test('10,000 heading lines, numbered correctly', async (t) => {
  const lines = Array.from({ length: 10000 }, (_, i) => `${i + 1}.标题${i + 1}`);
  await timedIsolated(t, '10,000 numbered heading lines', '一、总体情况\n' + lines.join('\n'));
});

test('10,000 heading lines, nested and flat, with repeated numbers (every one a finding)', async (t) => {
  await timedIsolated(t, '10,000 nested heading lines', '一、甲\n（一）乙\n1.丙\n（1）丁\n'.repeat(2500));
  await timedIsolated(t, '10,000 flat heading lines', '一、标题\n'.repeat(10000));
});

test('unbalanced 《 “ （ and friends', (t) => {
  timed(t, 'open 《', '《' + '法治政府建设'.repeat(20000), { withSegmenter: true });
  timed(t, 'many 《 “ （', '《'.repeat(100000) + '受理84件' + '“'.repeat(100000) + '（'.repeat(100000));
  timed(t, 'many closers', '》'.repeat(100000) + '”'.repeat(100000) + '）'.repeat(100000) + '审结1件');
  timed(t, 'interleaved', '《“（【〔'.repeat(40000) + '一、标题\n' + '〕】）”》'.repeat(40000));
});

test('NUL bytes and control characters', (t) => {
  timed(t, 'NUL inside a report', seeds[0].replace(/，/g, '\0，\0'), { withSegmenter: true });
  timed(t, '1 MB of NUL', '\0'.repeat(1024 * 1024));
  timed(t, 'NUL headings', '\0一、\0标题\0\n（一）\0\n'.repeat(2000));
});

test('lone surrogates', (t) => {
  timed(t, 'lone high surrogates', seeds[1].replace(/。/g, '\uD800。'), { withSegmenter: true });
  timed(t, 'lone low surrogates', '\uDC00'.repeat(100000) + '一、标题\n受理84件\uDFFF');
  timed(t, 'split pairs', '😀'.repeat(50000).slice(1) + '\uD83D');
});

test('mixed CRLF / LF / CR line ends', (t) => {
  const eols = ['\r\n', '\n', '\r'];
  const mixed = seeds.map((s, k) => s.split(/\r\n|\r|\n/).map((l, i) => l + eols[(i + k) % 3]).join('')).join('\r');
  timed(t, 'mixed line ends', mixed, { withSegmenter: true });
  timed(t, '100,000 lone CRs', '\r'.repeat(100000));
  timed(t, 'CR LF swapped', '\n\r'.repeat(50000) + '一、标题');
});
