// `npm run bench`: how fast and how big the checker is, on this machine, with budgets printed PASS/MISS.
//
//   engine     full check of every input (seeds, corpus, generated 15 K / 100 KB / 1 MB / 5 MB reports), warm, with
//              the dictionary loaded; the same text through nodejieba.cut alone (the floor of any jieba-based
//              analysis), and the check without the segmenter (what the first diagnostics run)
//   others     autocorrect-node (lintFor), zhlint (default preset), markdownlint (default rules) on the same texts
//   cold       dictionary load time in a fresh process
//   server     dist/server.js --stdio as a real process: first diagnostics after spawn, RSS with the dictionary
//              loaded (/proc/<pid>/status VmRSS, VmHWM), documentSymbol latency, a typing burst of 200 didChange
//              edits with realistic gaps (edit-to-publish per published version, and per keystroke)
//   readers    reading a 30-page .docx (automatic numbering, built here) and a 32-page PDF (bench/fixtures/, printed
//              by LibreOffice from the same text) into text, beside checking that text
//
// Prints a table and writes bench/results/latest.json (git-ignored). Budgets are figures to read, not assertions.
// Options: --quick (fewer runs, no 5 MB, no comparisons on 1 MB), --build (rebuild dist/ with --no-learn first),
//          --only=engine,growth,others,cold,server,readers,folder
//   folder     500 generated reports (about 7 MB) checked by the command line with --jobs 1 and on all cores
//              (bench/folder.mjs): reports per second and peak memory
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : null;
const want = (part) => !only || only.has(part);
const resultsDir = path.join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });

// ---------------------------------------------------------------------------------------------------------------
// helpers

const now = () => performance.now();
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, q) => {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const median = (xs) => quantile(xs, 0.5);
const p95 = (xs) => quantile(xs, 0.95);
const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '—');
const fmtRate = (charsPerSec) => (charsPerSec >= 1e6 ? `${(charsPerSec / 1e6).toFixed(2)} M` : `${(charsPerSec / 1e3).toFixed(0)} k`);
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const note = (s) => process.stdout.write(s + '\n');
const loud = (s) => process.stdout.write(`\n!!! ${s}\n\n`);

function table(headers, rows) {
  const width = (s) => [...String(s)].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c) + ' '.repeat(cols[i] - width(c)) : ' '.repeat(cols[i] - width(c)) + String(c))).join('  ');
  note(line(headers));
  note(cols.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) note(line(r));
}

/** Times fn: a few warm-up calls, then runs until minRuns and minMs are both reached (or maxRuns). */
function timeRuns(fn, { warmup = 2, minRuns = 5, maxRuns = 50, minMs = 1000 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  const cpu = [];
  const start = now();
  while (times.length < maxRuns && (times.length < minRuns || now() - start < minMs)) {
    const c = process.cpuUsage();
    const t = now();
    fn();
    times.push(now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  // cpu: this thread's CPU time per run — what the run costs when it has a core to itself (steadier on a busy machine)
  return { median: median(times), p95: p95(times), cpuMedian: median(cpu), runs: times.length };
}

/** CPU time (user + system) a process has used so far, from /proc/<pid>/stat (clock ticks, usually 10 ms). */
function procCpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function procStatus(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
  } catch {
    return { rssMB: NaN, hwmMB: NaN };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// inputs

const seedsDir = path.join(root, 'seeds');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: `seed ${f.slice(0, 3)}`, group: 'seed', text: readFileSync(path.join(seedsDir, f), 'utf8') }));
const corpusDir = path.resolve(root, '..', 'shared', 'corpus');
const corpus = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ name: `corpus ${f.replace(/\.txt$/, '')}`, group: 'corpus', text: readFileSync(path.join(corpusDir, f), 'utf8') }))
  : [];
if (!corpus.length) loud(`CORPUS ABSENT: ${corpusDir} not found — the 22 corpus texts are NOT measured in this run`);

/** The seeds one after the other until `size` (characters for 15 K, UTF-8 bytes for the others), cut at a line end. */
function concatenated(size, unit) {
  const measure = unit === 'chars' ? (s) => s.length : (s) => Buffer.byteLength(s);
  const parts = [];
  let total = 0;
  for (let i = 0; total < size; i++) {
    const t = seeds[i % seeds.length].text.replace(/\s*$/, '\n');
    parts.push(t);
    total += measure(t);
  }
  let text = parts.join('');
  while (measure(text) > size) {
    const cut = text.lastIndexOf('\n', text.length - 2);
    if (cut <= 0 || measure(text.slice(0, cut + 1)) < size * 0.98) break;
    text = text.slice(0, cut + 1);
  }
  return text;
}
const generated = [
  { name: 'report 15 K chars', group: 'generated', text: concatenated(15000, 'chars') },
  { name: 'report 100 KB', group: 'generated', text: concatenated(100 * 1024, 'bytes') },
  { name: 'report 1 MB', group: 'generated', text: concatenated(1024 * 1024, 'bytes') },
  ...(quick ? [] : [{ name: 'report 5 MB', group: 'generated', text: concatenated(5 * 1024 * 1024, 'bytes') }]),
];
const byName = (n) => generated.find((g) => g.name === n);

// ---------------------------------------------------------------------------------------------------------------
// the engine, bundled from the sources as they are now (so the figures are for the working tree, not a stale dist/)

const engineFile = path.join(resultsDir, 'engine.cjs');
await build({
  stdin: {
    contents:
      "export { analyze } from './server/src/engine'; export { loadSegmenter } from './server/src/segmenter'; export { readDocumentBytes } from './server/src/host/readers';",
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'bench-engine.ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: engineFile,
  external: ['nodejieba'],
  logLevel: 'warning',
  absWorkingDir: root,
});

let serverJs = path.join(root, 'dist', 'server.js');
if (args.includes('--build') || !existsSync(serverJs)) {
  note('building dist/ (node scripts/build.mjs --no-learn) …');
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--no-learn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// What-if: --debounce=N measures a bundle of the same server whose edit debounce is N ms instead of its own
// (rewritten at bundle time into bench/results/; the sources are not touched).
const debounceArg = args.find((a) => a.startsWith('--debounce='));
if (debounceArg) {
  const n = Number(debounceArg.slice(11));
  serverJs = path.join(resultsDir, `server-debounce-${n}.js`);
  await build({
    entryPoints: [path.join(root, 'server', 'src', 'lsp', 'main.ts')],
    outfile: serverJs,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'nodejieba'],
    logLevel: 'warning',
    absWorkingDir: root,
    plugins: [
      {
        name: 'debounce',
        setup(b) {
          b.onLoad({ filter: /[\\/]lsp[\\/]server\.ts$/ }, (a) => {
            const src = readFileSync(a.path, 'utf8');
            const out = src.replace(/const EDIT_DELAY_MS = \d+;/, `const EDIT_DELAY_MS = ${n};`);
            if (out === src) throw new Error('EDIT_DELAY_MS not found in server.ts');
            return { loader: 'ts', contents: out };
          });
        },
      },
    ],
  });
  note(`what-if: server bundle with a ${n} ms edit debounce: ${path.relative(root, serverJs)}`);
}

const machine = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
  loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)),
  distServerBuilt: existsSync(serverJs) ? statSync(serverJs).mtime.toISOString() : null,
  gitHead: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
  quick,
  server: path.relative(root, serverJs),
};
note(`fazhi-report benchmark — ${machine.date}, Node ${machine.node}, ${machine.cpus}, ${machine.memoryGB} GB, load average ${machine.loadAverageAtStart.join(' ')}`);
if (machine.loadAverageAtStart[0] > os.cpus().length) {
  loud(`the machine is busy (load average ${machine.loadAverageAtStart[0]} on ${os.cpus().length} cores): absolute times are inflated; ratios are steadier`);
}

const results = { machine, engine: [], others: { available: {}, rows: [] }, cold: {}, server: {}, budgets: [] };

// ---------------------------------------------------------------------------------------------------------------
// dictionary load, cold (a fresh process each time)

if (want('cold') || want('engine')) {
  const script = `const t0=performance.now();const j=require('nodejieba');const t1=performance.now();j.load();const t2=performance.now();j.cut('法治政府建设年度报告',true);const t3=performance.now();process.stdout.write(JSON.stringify({require:t1-t0,load:t2-t1,firstCut:t3-t2}))`;
  const runs = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    if (r.status === 0) runs.push(JSON.parse(r.stdout));
  }
  // reference: how long a bare `node -e 0` takes to start and exit on this machine right now
  const bare = [];
  for (let i = 0; i < 5; i++) {
    const t = now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(now() - t);
  }
  results.cold.bareNodeStartMs = median(bare);
  results.cold.dictionary = {
    runs: runs.length,
    requireMs: median(runs.map((r) => r.require)),
    loadMs: median(runs.map((r) => r.load)),
    firstCutMs: median(runs.map((r) => r.firstCut)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// engine vs segmentation

const { analyze, loadSegmenter } = require(engineFile);
const jieba = require('nodejieba');
const tLoad = now();
const segmenter = loadSegmenter();
const inProcessLoadMs = now() - tLoad;
if (!segmenter) throw new Error('nodejieba could not be loaded (npm ci builds it from source)');
results.cold.dictionaryInBenchProcessMs = inProcessLoadMs;

const inputs = [...seeds, ...corpus, ...generated];
if (want('engine')) {
  note('\n== Full check vs segmentation (warm, dictionary loaded; times in ms) ==');
  for (const input of inputs) {
    const big = input.text.length > 2e6;
    const mid = input.text.length > 2e5;
    const opts = big ? { warmup: 1, minRuns: 3, maxRuns: 3, minMs: 0 } : mid ? { warmup: 1, minRuns: 5, maxRuns: 10, minMs: 2000 } : { warmup: 3, minRuns: 15, maxRuns: quick ? 30 : 100, minMs: quick ? 300 : 1000 };
    const text = input.text;
    const check = timeRuns(() => analyze(text, { segmenter }), opts);
    const seg = timeRuns(() => jieba.cut(text, true), opts);
    const noSeg = timeRuns(() => analyze(text, {}), opts);
    const a = analyze(text, { segmenter });
    results.engine.push({
      name: input.name,
      group: input.group,
      chars: text.length,
      bytes: Buffer.byteLength(text),
      lines: text.split(/\r\n|\r|\n/).length,
      findings: a.findings.length,
      ruleErrors: a.ruleErrors.map((e) => e.code),
      check,
      segmentation: seg,
      checkWithoutSegmenter: noSeg,
      charsPerSec: text.length / (check.median / 1000),
      ratioToSegmentation: check.median / seg.median,
    });
  }
  const rowsOf = (list) =>
    list.map((r) => [
      r.name,
      r.chars,
      r.findings,
      ms(r.check.median),
      ms(r.check.p95),
      ms(r.check.cpuMedian),
      fmtRate(r.charsPerSec),
      ms(r.checkWithoutSegmenter.median),
      ms(r.segmentation.median),
      ms(r.segmentation.p95),
      ms(r.segmentation.cpuMedian),
      r.ratioToSegmentation.toFixed(2) + '×',
      (r.check.cpuMedian / r.segmentation.cpuMedian).toFixed(2) + '×',
    ]);
  const headers = ['input', 'chars', 'finds', 'check p50', 'check p95', 'check cpu', 'chars/s', 'no-seg p50', 'cut p50', 'cut p95', 'cut cpu', 'check/cut', 'cpu ratio'];
  table(headers, rowsOf(results.engine));
  const agg = (group) => {
    const list = results.engine.filter((r) => r.group === group);
    if (!list.length) return null;
    const chars = list.reduce((a, r) => a + r.chars, 0);
    const check = list.reduce((a, r) => a + r.check.median, 0);
    const seg = list.reduce((a, r) => a + r.segmentation.median, 0);
    return { group, documents: list.length, chars, checkMsTotal: check, segmentationMsTotal: seg, meanCheckMs: check / list.length, charsPerSec: chars / (check / 1000), ratioToSegmentation: check / seg };
  };
  results.engineGroups = ['seed', 'corpus'].map(agg).filter(Boolean);
  for (const g of results.engineGroups) {
    note(`${g.group}: ${g.documents} documents, ${g.chars} chars, mean check ${ms(g.meanCheckMs)} ms, ${fmtRate(g.charsPerSec)} chars/s, ${g.ratioToSegmentation.toFixed(2)}× segmentation`);
  }
  const errs = results.engine.filter((r) => r.ruleErrors.length);
  if (errs.length) loud(`rule errors: ${errs.map((r) => `${r.name}: ${r.ruleErrors.join(',')}`).join('; ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// growth: dense paragraphs at 1×, 2× and 4× (every lookup of a rate or list is bounded by figures, not by the
// paragraph's length, so the time doubles with the size; a quadratic path would quadruple)

if (want('engine') || want('growth')) {
  note('\n== Growth on dense paragraphs (warm, figure checks included; times in ms) ==');
  const units = {
    'dense line (lists, rates, changes in one sentence)': '受理行政复议84件，其中维持44件、驳回8件，中，审结78件，综合化解率33.38%，较上年100件增长20%，分别为1件、2件，',
    'dense rates (one paragraph)': '应当出庭185件、实际出庭170件，纠错率7.69%，调解率20%。',
  };
  results.growth = [];
  const rows = [];
  for (const [name, unit] of Object.entries(units)) {
    const series = [];
    for (const k of [1, 2, 4]) {
      const text = unit.repeat(Math.ceil((100000 * k) / unit.length));
      const r = timeRuns(() => analyze(text, { segmenter }), { warmup: 1, minRuns: quick ? 2 : 3, maxRuns: 5, minMs: 500 });
      series.push({ chars: text.length, ms: r.median });
    }
    results.growth.push({ name, series });
    rows.push([name, ...series.map((x) => `${ms(x.ms)} (${Math.round(x.chars / 1000)} K)`), `${(series[2].ms / series[0].ms).toFixed(1)}×`]);
  }
  table(['input', '1×', '2×', '4×', '4× ÷ 1× (linear: 4)'], rows);
}

// ---------------------------------------------------------------------------------------------------------------
// other linters on the same texts

if (want('others')) {
  note('\n== Other linters on the same texts (CPU time per document, per MB; ratio = theirs / ours) ==');
  const tools = [];
  const tryLoad = async (name, load) => {
    try {
      const fn = await load();
      fn('法治政府建设年度报告，2023年共办理案件100件。');
      tools.push({ name, fn });
      results.others.available[name] = true;
    } catch (e) {
      results.others.available[name] = `not available: ${e instanceof Error ? e.message.split('\n')[0] : e}`;
      loud(`${name} NOT MEASURED — ${results.others.available[name]}`);
    }
  };
  await tryLoad('autocorrect-node', async () => {
    const ac = require('autocorrect-node');
    return (t) => ac.lintFor(t, 'report.txt');
  });
  await tryLoad('zhlint', async () => {
    const z = require('zhlint');
    return (t) => z.run(t, { rules: { preset: 'default' } });
  });
  await tryLoad('markdownlint', async () => {
    const { lint } = await import(pathToFileURL(require.resolve('markdownlint/sync')).href);
    return (t) => lint({ strings: { report: t } });
  });
  const ours = (t) => analyze(t, { segmenter });
  const sets = [
    { name: 'seeds (5, per document)', docs: seeds.map((s) => s.text) },
    ...(corpus.length ? [{ name: `corpus (${corpus.length}, per document)`, docs: corpus.map((s) => s.text) }] : []),
    { name: 'report 100 KB', docs: [byName('report 100 KB').text] },
    { name: 'report 1 MB', docs: [byName('report 1 MB').text] },
  ];
  const rows = [];
  for (const set of sets) {
    const chars = set.docs.reduce((a, d) => a + d.length, 0);
    const bytes = set.docs.reduce((a, d) => a + Buffer.byteLength(d), 0);
    const runAll = (fn) => () => {
      for (const d of set.docs) fn(d);
    };
    const large = bytes > 500 * 1024;
    const opts = large ? { warmup: 1, minRuns: 3, maxRuns: 3, minMs: 0 } : { warmup: 2, minRuns: 5, maxRuns: 40, minMs: quick ? 300 : 1000 };
    // CPU time per run (wall time in the JSON too): the tools run one after the other, and on a busy machine the
    // load changes between them; CPU time compares the work done
    const oursR = timeRuns(runAll(ours), opts);
    const oursT = oursR.cpuMedian;
    const row = { set: set.name, documents: set.docs.length, bytes, chars, ours: { perDocMs: oursT / set.docs.length, perMBms: oursT / (bytes / 2 ** 20), wallPerDocMs: oursR.median / set.docs.length }, tools: {} };
    for (const tool of tools) {
      // a tool that needs > 20 s for the 100 KB input is not run on 1 MB (reported as skipped, not guessed)
      const prev = rows.at(-1)?.tools[tool.name];
      if (large && (quick || (prev && prev.perDocMs > 20000))) {
        row.tools[tool.name] = { skipped: quick ? 'quick mode' : `100 KB took ${ms(prev.perDocMs)} ms` };
        continue;
      }
      let r;
      try {
        r = timeRuns(runAll(tool.fn), opts);
      } catch (e) {
        row.tools[tool.name] = { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
        continue;
      }
      const t = r.cpuMedian;
      row.tools[tool.name] = { perDocMs: t / set.docs.length, perMBms: t / (bytes / 2 ** 20), ratioToOurs: t / oursT, wallPerDocMs: r.median / set.docs.length, wallRatioToOurs: r.median / oursR.median };
    }
    rows.push(row);
  }
  results.others.rows = rows;
  const cell = (x) => (!x ? '—' : x.skipped ? `skipped (${x.skipped})` : x.error ? `error: ${x.error}` : `${ms(x.perDocMs)} ms · ${x.ratioToOurs.toFixed(2)}×`);
  table(
    ['input', 'ours per doc', 'ours per MB', ...tools.map((t) => t.name + ' (per doc · ratio)')],
    rows.map((r) => [r.set, ms(r.ours.perDocMs) + ' ms', ms(r.ours.perMBms) + ' ms', ...tools.map((t) => cell(r.tools[t.name]))]),
  );
  note('per MB: ' + rows.map((r) => `${r.set}: ours ${ms(r.ours.perMBms)} ms, ` + tools.map((t) => `${t.name} ${r.tools[t.name]?.perMBms ? ms(r.tools[t.name].perMBms) + ' ms' : '—'}`).join(', ')).join(' | '));
}

// ---------------------------------------------------------------------------------------------------------------
// the language server as a real process

const protocol = require('vscode-languageserver-protocol/node');

async function startServer() {
  const t0 = now();
  const child = spawn(process.execPath, [serverJs, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const publishes = [];
  const waiters = [];
  const logs = [];
  child.stderr.on('data', (d) => logs.push(String(d)));
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    publishes.push({ at: now(), uri: p.uri, version: p.version, count: p.diagnostics.length });
    for (const w of waiters.splice(0)) w();
  });
  conn.onNotification('window/logMessage', (p) => logs.push(p.message));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ detectReportsInPlainText: true })));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const init = conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: 'zh-cn',
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
    },
  });
  const server = {
    t0,
    child,
    conn,
    publishes,
    logs,
    initialized: init.then(() => {
      server.initializedAt = now();
      conn.sendNotification('initialized', {});
    }),
    open(uri, text) {
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'fazhi-report', version: 1, text } });
    },
    change(uri, version, text) {
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async waitFor(pred, timeoutMs = 60000) {
      const deadline = now() + timeoutMs;
      for (;;) {
        const hit = publishes.find(pred);
        if (hit) return hit;
        if (now() > deadline) throw new Error('timed out waiting for publishDiagnostics');
        await new Promise((r) => {
          const t = setTimeout(r, Math.max(1, deadline - now()));
          waiters.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), sleep(3000)]);
        conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await Promise.race([new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r))), sleep(3000)]);
      if (child.exitCode === null) child.kill();
      conn.dispose();
    },
  };
  await server.initialized;
  return server;
}

/** The segmenter is loaded 200 ms after the first diagnostics, then every document is re-checked: wait for that. */
async function waitForSegmenterRecheck(server, uri) {
  const first = await server.waitFor((p) => p.uri === uri);
  return server.waitFor((p) => p.uri === uri && p !== first && p.at > first.at);
}

/** Deterministic pseudo-random numbers (the burst is the same every run). */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

if (want('server')) {
  note('\n== Language server (dist/server.js --stdio, a real process) ==');
  const seedUri = (i) => pathToFileURL(path.join(seedsDir, `bench-${i}.fzbg.txt`)).href;
  // 1. cold start: spawn → first publishDiagnostics for a seed opened right after initialize
  const cold = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const s = await startServer();
    const uri = seedUri(1);
    s.open(uri, seeds[1].text);
    const openedAt = now();
    const first = await s.waitFor((p) => p.uri === uri);
    const cpuAtFirst = procCpuMs(s.child.pid);
    const second = await s.waitFor((p) => p.uri === uri && p !== first);
    cold.push({ initializeMs: s.initializedAt - s.t0, firstDiagnosticsMs: first.at - s.t0, fromDidOpenMs: first.at - openedAt, withDictionaryMs: second.at - s.t0, cpuAtFirstDiagnosticsMs: cpuAtFirst, rssAfterMB: procStatus(s.child.pid) });
    await s.stop();
  }
  results.server.coldStart = {
    runs: cold.length,
    initializeMs: median(cold.map((c) => c.initializeMs)),
    firstDiagnosticsMs: median(cold.map((c) => c.firstDiagnosticsMs)),
    firstDiagnosticsMaxMs: Math.max(...cold.map((c) => c.firstDiagnosticsMs)),
    fromDidOpenMs: median(cold.map((c) => c.fromDidOpenMs)),
    diagnosticsWithDictionaryMs: median(cold.map((c) => c.withDictionaryMs)),
    serverCpuAtFirstDiagnosticsMs: median(cold.map((c) => c.cpuAtFirstDiagnosticsMs)),
  };

  // 2. one server for the rest: memory, documentSymbol, the typing burst
  const s = await startServer();
  const baseline = procStatus(s.child.pid);
  const uris = seeds.map((_, i) => seedUri(i));
  seeds.forEach((seed, i) => s.open(uris[i], seed.text));
  await waitForSegmenterRecheck(s, uris[0]);
  for (const u of uris) await s.waitFor((p) => p.uri === u);
  await sleep(300);
  const withSeeds = procStatus(s.child.pid);
  const symbolTimes = (uri, n) =>
    (async () => {
      const t = [];
      for (let i = 0; i < n; i++) {
        const a = now();
        await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        t.push(now() - a);
      }
      return t;
    })();
  const symSeed = await symbolTimes(uris[1], quick ? 20 : 100);
  const reportUri = pathToFileURL(path.join(seedsDir, 'bench-15k.fzbg.txt')).href;
  const report = byName('report 15 K chars').text;
  s.open(reportUri, report);
  await s.waitFor((p) => p.uri === reportUri);
  const sym15k = await symbolTimes(reportUri, quick ? 20 : 100);
  // documentSymbol right after an edit: the analysis of the new version is computed for the request
  const symAfterEdit = [];
  let v = 1;
  for (let i = 0; i < (quick ? 10 : 30); i++) {
    s.change(reportUri, ++v, report + '。'.repeat(i + 1));
    const a = now();
    await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: reportUri } });
    symAfterEdit.push(now() - a);
  }
  await s.waitFor((p) => p.uri === reportUri && p.version === v);

  // 3. the typing burst: 200 single-character edits in the middle of the 15 K report, full sync as VS Code sends it
  const rand = rng(7);
  const phrase = '依法行政工作取得新成效全年共办理行政复议案件一百二十件';
  const insertAt = report.indexOf('\n', Math.floor(report.length / 2));
  let typed = '';
  const sent = new Map();
  const burstStart = now();
  const firstVersion = v + 1;
  for (let i = 0; i < 200; i++) {
    typed += phrase[i % phrase.length];
    v++;
    sent.set(v, now());
    s.change(reportUri, v, report.slice(0, insertAt) + typed + report.slice(insertAt));
    // gaps: mostly 60–220 ms between keystrokes, a pause of 300–900 ms about every tenth keystroke
    const gap = rand() < 0.1 ? 300 + rand() * 600 : 60 + rand() * 160;
    await sleep(gap);
  }
  const lastVersion = v;
  const lastSentAt = sent.get(lastVersion);
  await s.waitFor((p) => p.uri === reportUri && p.version === lastVersion, 10000);
  const burstPublishes = s.publishes.filter((p) => p.uri === reportUri && p.version >= firstVersion);
  const perPublished = burstPublishes.map((p) => p.at - sent.get(p.version));
  // per keystroke: from each edit to the first publish of that version or a later one (what the writer waits)
  const perKeystroke = [...sent].map(([ver, at]) => {
    const p = burstPublishes.find((x) => x.version >= ver && x.at >= at);
    return p ? p.at - at : NaN;
  });
  const afterBurst = procStatus(s.child.pid);

  // 4. memory with a large document open too
  const bigUri = pathToFileURL(path.join(seedsDir, 'bench-1mb.fzbg.txt')).href;
  s.open(bigUri, byName('report 1 MB').text);
  await s.waitFor((p) => p.uri === bigUri, 60000);
  await sleep(200);
  const withBig = procStatus(s.child.pid);
  await s.stop();

  results.server.memory = { baselineMB: baseline, fiveSeedsWithDictionaryMB: withSeeds, afterTypingBurstMB: afterBurst, plus1MBDocumentMB: withBig };
  results.server.documentSymbol = {
    seedCached: { median: median(symSeed), p95: p95(symSeed), n: symSeed.length },
    report15kCached: { median: median(sym15k), p95: p95(sym15k), n: sym15k.length },
    report15kRightAfterEdit: { median: median(symAfterEdit), p95: p95(symAfterEdit), n: symAfterEdit.length },
  };
  results.server.typingBurst = {
    edits: 200,
    durationMs: lastSentAt - burstStart,
    document: 'report 15 K chars (full-text sync)',
    publishedVersions: burstPublishes.length,
    editToPublish: { median: median(perPublished), p95: p95(perPublished), max: Math.max(...perPublished) },
    finalVersionEditToPublishMs: burstPublishes.find((p) => p.version === lastVersion).at - lastSentAt,
    perKeystrokeWait: { median: median(perKeystroke), p95: p95(perKeystroke), max: Math.max(...perKeystroke.filter(Number.isFinite)) },
    stalePublishes: 0,
  };
  // versions published out of order (an older version after a newer one) would be stale results
  let newest = 0;
  for (const p of burstPublishes) {
    if (p.version < newest) results.server.typingBurst.stalePublishes++;
    newest = Math.max(newest, p.version);
  }

  const c = results.server.coldStart;
  const m = results.server.memory;
  const d = results.server.documentSymbol;
  const b = results.server.typingBurst;
  table(
    ['server figure', 'value'],
    [
      ['initialize answered after spawn', `${ms(c.initializeMs)} ms`],
      ['first diagnostics after spawn (median / max of ' + c.runs + ')', `${ms(c.firstDiagnosticsMs)} / ${ms(c.firstDiagnosticsMaxMs)} ms`],
      ['  of which after didOpen', `${ms(c.fromDidOpenMs)} ms`],
      ['  server CPU time used until then (/proc, 10 ms ticks)', `${ms(c.serverCpuAtFirstDiagnosticsMs)} ms`],
      ['  for reference: a bare `node -e 0` starts and exits in', results.cold.bareNodeStartMs ? `${ms(results.cold.bareNodeStartMs)} ms` : '—'],
      ['diagnostics with the dictionary, after spawn', `${ms(c.diagnosticsWithDictionaryMs)} ms`],
      ['dictionary load, fresh process (require + load)', results.cold.dictionary ? `${ms(results.cold.dictionary.requireMs)} + ${ms(results.cold.dictionary.loadMs)} ms` : '—'],
      ['RSS after initialize (no document)', `${m.baselineMB.rssMB.toFixed(0)} MB`],
      ['RSS / peak (VmHWM), 5 seeds open, dictionary loaded', `${m.fiveSeedsWithDictionaryMB.rssMB.toFixed(0)} / ${m.fiveSeedsWithDictionaryMB.hwmMB.toFixed(0)} MB`],
      ['RSS / peak after the typing burst', `${m.afterTypingBurstMB.rssMB.toFixed(0)} / ${m.afterTypingBurstMB.hwmMB.toFixed(0)} MB`],
      ['RSS / peak with a 1 MB document open too', `${m.plus1MBDocumentMB.rssMB.toFixed(0)} / ${m.plus1MBDocumentMB.hwmMB.toFixed(0)} MB`],
      ['documentSymbol, seed, cached (p50 / p95)', `${ms(d.seedCached.median)} / ${ms(d.seedCached.p95)} ms`],
      ['documentSymbol, 15 K report, cached (p50 / p95)', `${ms(d.report15kCached.median)} / ${ms(d.report15kCached.p95)} ms`],
      ['documentSymbol right after an edit, 15 K (p50 / p95)', `${ms(d.report15kRightAfterEdit.median)} / ${ms(d.report15kRightAfterEdit.p95)} ms`],
      [`typing burst: ${b.edits} edits over ${(b.durationMs / 1000).toFixed(1)} s, published versions`, `${b.publishedVersions} (${b.stalePublishes} out of order)`],
      ['  edit → publish of that version (p50 / p95 / max)', `${ms(b.editToPublish.median)} / ${ms(b.editToPublish.p95)} / ${ms(b.editToPublish.max)} ms`],
      ['  final version: last edit → its diagnostics', `${ms(b.finalVersionEditToPublishMs)} ms`],
      ['  per keystroke: edit → diagnostics for it or newer (p50 / p95)', `${ms(b.perKeystrokeWait.median)} / ${ms(b.perKeystrokeWait.p95)} ms`],
    ],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// readers: a 30-page Word and PDF report read into text, beside the check of that text

if (want('readers')) {
  note('\n== Reading Word and PDF reports ==');
  const { readDocumentBytes } = require(engineFile);
  const { thirtyPageDocx } = await import('./make-30-pages.mjs');
  const inputs = [
    { name: '30-page .docx (automatic numbering)', bytes: Buffer.from(thirtyPageDocx()) },
    { name: '32-page PDF (LibreOffice)', bytes: readFileSync(path.join(root, 'bench', 'fixtures', 'report-30pages.pdf')) },
  ];
  results.readers = [];
  const rows = [];
  for (const input of inputs) {
    const runs = quick ? 3 : 7;
    const times = [];
    let doc;
    for (let i = 0; i < runs + 1; i++) {
      const t = now();
      const r = await readDocumentBytes(input.bytes);
      if (i > 0) times.push(now() - t); // the first run loads pdf.js / warms up
      if (!r.ok) throw new Error(`${input.name}: ${r.reason.en}`);
      doc = r.doc;
    }
    const check = timeRuns(() => analyze(doc.text, { segmenter }), { minRuns: quick ? 3 : 5, minMs: quick ? 300 : 1000 });
    const pages = doc.kind === 'pdf' ? Math.max(...doc.lines.map((l) => l.page ?? 0)) : '—';
    const entry = { name: input.name, bytes: input.bytes.length, pages, chars: doc.text.length, readMs: median(times), readMaxMs: Math.max(...times), checkMs: check.median };
    results.readers.push(entry);
    rows.push([entry.name, `${(entry.bytes / 1024).toFixed(0)} KB`, String(pages), String(entry.chars), `${ms(entry.readMs)} ms (max ${ms(entry.readMaxMs)})`, `${ms(entry.checkMs)} ms`]);
  }
  table(['document', 'file', 'pages', 'characters', 'read (median)', 'check (median)'], rows);
}

// ---------------------------------------------------------------------------------------------------------------
// a folder of 500 reports (200 with --quick) through the command line: one thread, one per core, and the default

if (want('folder')) {
  const { benchFolder } = await import('./folder.mjs');
  note('\n== Folder: 500 generated reports, `fazhi-report check <folder>` ==');
  const rows = await benchFolder({ count: quick ? 200 : 500 });
  results.folder = rows;
  table(
    ['run', 'reports', 'MB', 'wall', 'reports/s', 'CPU', 'peak memory'],
    rows.map((r) => [`--jobs ${r.jobs}`, r.reports, r.mb.toFixed(1), `${(r.ms / 1000).toFixed(2)} s`, r.perSecond.toFixed(0), `${(r.cpuMs / 1000).toFixed(2)} s`, `${r.peakMB.toFixed(0)} MB`]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// budgets

const row = (n) => results.engine.find((r) => r.name === n);
const budget = (name, limit, value, unit, note = '') => {
  const status = !Number.isFinite(value) ? 'N/A' : value <= limit ? 'PASS' : 'MISS';
  results.budgets.push({ name, limit, value, unit, status, note });
};
if (row('report 15 K chars')) budget('15,000-char report fully checked, median warm', 20, row('report 15 K chars').check.median, 'ms', `CPU time per run ${ms(row('report 15 K chars').check.cpuMedian)} ms`);
if (row('report 1 MB')) budget('whole check / segmentation alone, 1 MB', 2, row('report 1 MB').ratioToSegmentation, '×', `on CPU time ${(row('report 1 MB').check.cpuMedian / row('report 1 MB').segmentation.cpuMedian).toFixed(2)}×`);
if (results.server.coldStart) budget('first diagnostics after server process start (median)', 500, results.server.coldStart.firstDiagnosticsMs, 'ms', `server CPU time until then ${ms(results.server.coldStart.serverCpuAtFirstDiagnosticsMs)} ms`);
if (results.server.memory) budget('server RSS with the dictionary loaded (peak VmHWM, 5 seeds open)', 200, results.server.memory.fiveSeedsWithDictionaryMB.hwmMB, 'MB', `with a 1 MB document open too: ${results.server.memory.plus1MBDocumentMB.hwmMB.toFixed(0)} MB`);
if (results.server.typingBurst) budget('p95 edit-to-diagnostics in the typing burst (published versions)', 100, results.server.typingBurst.editToPublish.p95, 'ms', debounceArg ? `what-if bundle, debounce ${debounceArg.slice(11)} ms` : 'includes the server\'s edit debounce');
if (results.folder) {
  const all = results.folder[results.folder.length - 1];
  budget(`${all.reports} reports, default threads: seconds per 300 reports (≥ 300 reports/s)`, 1, 300 / all.perSecond, 's', `${all.perSecond.toFixed(0)} reports/s, --jobs ${all.jobs}`);
  budget(`${all.reports} reports, default threads: peak memory`, 1024, all.peakMB, 'MB');
}
note('\n== Budgets ==');
table(
  ['budget', 'limit', 'measured', 'status'],
  results.budgets.map((b) => [b.name, `≤ ${b.limit} ${b.unit}`, `${b.unit === '×' ? b.value.toFixed(2) : ms(b.value)} ${b.unit}`, b.status + (b.note ? `  (${b.note})` : '')]),
);
machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
const out = path.join(resultsDir, debounceArg ? `debounce-${debounceArg.slice(11)}.json` : 'latest.json');
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
note(`\nload average at the end: ${machine.loadAverageAtEnd.join(' ')}; written ${path.relative(root, out)}`);
