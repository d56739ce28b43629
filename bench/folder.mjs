// A folder of reports checked by the command line, as a reviewer's office would (issue 14): 500 reports generated
// from seeds/ (100 bodies, five consecutive years each; each report a seed with its figures varied, its year and body
// changed; about 7 MB), checked by
// `fazhi-report check <folder>` as a real process with --jobs 1, with one thread per core (--jobs = cores) and with the
// default (server/src/cli/pool.ts threadCount: a thread per core from 50 files on, else one fewer than cores).
// Prints reports per second (wall clock, start-up and dictionary loads included) and peak memory (the process's
// VmHWM, main thread and workers together), and the CPU time it used (a figure that a busy machine does not change
// as much as the wall clock). `node bench/folder.mjs [--count=500] [--jobs=1,2]`; also part
// "folder" of `npm run bench`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** How many consecutive years of each body the folder holds. */
const YEARS = 5;

const BODIES = ['某某市司法局', '某某县人民政府', '某某区市场监督管理局', '某某镇人民政府', '某某市生态环境局', '某某区交通运输局'];

/** Writes `count` reports made from the seeds into a new temporary folder; returns it and the total size. */
export function generateFolder(count = 500) {
  const seeds = fs
    .readdirSync(path.join(root, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-folder-'));
  const rand = rng(20261130);
  let bytes = 0;
  // A reviewer's archive: each body sends one report a year, for YEARS consecutive years (so the checks across
  // reports pair every body's years, and no two reports share a body and a year).
  const bodies = Math.ceil(count / YEARS);
  for (let i = 0; i < count; i++) {
    const b = i % bodies;
    const seed = seeds[b % seeds.length];
    const year = 2020 + Math.floor(i / bodies);
    const body = BODIES[b % BODIES.length].replace('某某', `第${Math.floor(b / BODIES.length) + 1}`);
    // vary the figures (not the years): each whole number other than a year scaled by 0.8–1.25
    let text = seed.replace(/(?<![\d.])(\d{1,6})(?![\d.]|\s*年)/g, (m) => String(Math.max(1, Math.round(Number(m) * (0.8 + rand() * 0.45)))));
    text = text.replace(/(?<!\d)20(1\d|2\d)(?=\s*年)/g, (m) => String(Number(m) - 2022 + year));
    text = `${body}关于${year}年度法治政府建设情况的报告\n\n${text}`;
    // a long report now and then, as real folders have
    if (i % 7 === 0) text += '\n' + seeds[(i + 1) % seeds.length];
    const file = path.join(dir, `${String(i).padStart(3, '0')}_${body}_${year}.txt`);
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

function vmHWM(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** User + system CPU time of a process so far, in ms (clock ticks of 10 ms). */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Runs the CLI on the folder; resolves with wall time, peak memory (MB), exit code and the output's size. */
export function runCheck(dir, jobs) {
  return new Promise((resolve, reject) => {
    const args = [path.join(root, 'bin', 'fazhi-report.js'), 'check', dir, ...(jobs ? ['--jobs', String(jobs)] : [])];
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    let cpu = 0;
    let out = 0;
    child.stdout.on('data', (d) => (out += d.length));
    child.stderr.on('data', () => {});
    const timer = setInterval(() => {
      const m = vmHWM(child.pid);
      if (Number.isFinite(m)) peak = Math.max(peak, m);
      const c = cpuMs(child.pid);
      if (Number.isFinite(c)) cpu = Math.max(cpu, c);
    }, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - start, cpuMs: cpu, peakMB: peak, code, outputBytes: out });
    });
  });
}

const CORES = os.availableParallelism?.() ?? os.cpus().length;

export async function benchFolder({ count = 500, jobs = [1, CORES, undefined] } = {}) {
  const { dir, bytes } = generateFolder(count);
  const rows = [];
  try {
    for (const j of jobs) {
      const r = await runCheck(dir, j);
      // the default as server/src/cli/pool.ts threadCount decides it
      const threads = Math.max(1, Math.min(count >= 50 ? CORES : CORES - 1, Math.floor(count / 8)));
      rows.push({ jobs: j ?? `default (${CORES} cores: ${threads} thread${threads > 1 ? 's' : ''})`, reports: count, mb: bytes / 1e6, ...r, perSecond: count / (r.ms / 1000) });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const countArg = process.argv.find((a) => a.startsWith('--count='));
  const jobsArg = process.argv.find((a) => a.startsWith('--jobs='));
  const jobs = jobsArg ? jobsArg.slice(7).split(',').map((x) => (x === 'default' ? undefined : Number(x))) : undefined;
  const rows = await benchFolder({ count: countArg ? Number(countArg.slice(8)) : 500, ...(jobs ? { jobs } : {}) });
  for (const r of rows) {
    process.stdout.write(
      `${r.reports} reports (${r.mb.toFixed(1)} MB), --jobs ${r.jobs}: ${(r.ms / 1000).toFixed(2)} s, ${r.perSecond.toFixed(0)} reports/s, peak memory ${r.peakMB.toFixed(0)} MB, CPU ${(r.cpuMs / 1000).toFixed(2)} s (last sample), exit ${r.code}\n`,
    );
  }
  process.stdout.write(`load average: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
}
