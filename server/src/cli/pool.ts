// `check` of many files on all cores: the main thread and worker threads (node:worker_threads) check them. Each
// worker loads the word-segmentation dictionary once (when a report needs it), takes files from the main thread a
// few at a time and sends back what ./check-file.ts returns; the main thread checks files one at a time in between.
// The main thread prints outcomes strictly in file order, so the output (and the exit code) is byte-for-byte that
// of the serial run. The worker is this same module (in the bundle: dist/cli.js, by bin/load-cli.js) started with
// workerData.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lazySegmenter } from '../segmenter';
import { checkFile, type FileJob, type FileOutcome, type JobOptions } from './check-file';
import type { FileSettings } from './settings';

type Shared = Omit<FileSettings, 'workspaceFile'>;

/** The settings of many files share a few objects (one workspace file, one profile): sent once, then by number. */
export interface SettingsTable {
  rules: Shared['rules'][];
  accepted: Shared['accepted'][];
  profiles: Shared['profile'][];
  /** Per file: [rules, accepted, profile] indices into the lists above (-1: none). */
  refs: [number, number, number][];
}

export function settingsTable(settings: FileSettings[]): SettingsTable {
  const table: SettingsTable = { rules: [], accepted: [], profiles: [], refs: [] };
  const ids = new Map<object, number>();
  const ref = <T extends object>(x: T | undefined, list: T[]): number => {
    if (!x) return -1;
    let i = ids.get(x);
    if (i === undefined) {
      i = list.length;
      list.push(x);
      ids.set(x, i);
    }
    return i;
  };
  for (const s of settings) {
    table.refs.push([
      ref(s.rules, table.rules as object[]),
      ref(s.accepted, table.accepted as object[]),
      ref(s.profile, table.profiles as object[]),
    ]);
  }
  return table;
}

export function settingsOf(table: SettingsTable, index: number): Shared {
  const [r, a, p] = table.refs[index];
  return { rules: r >= 0 ? table.rules[r] : undefined, accepted: a >= 0 ? table.accepted[a] : undefined, profile: p >= 0 ? table.profiles[p] : undefined };
}

/**
 * The young generation of each worker's heap, in MB. An analysis allocates many short-lived strings and arrays; with
 * V8's default for a worker, the scavenges of two workers on two cores cost more than with this (measured on the
 * folder benchmark: about 12% less wall time; the peak memory stays well under 1 GB).
 */
const WORKER_YOUNG_GENERATION_MB = 48;

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** Below this many files per thread, fewer threads: starting workers and loading their dictionaries costs more than it saves. */
export const MIN_FILES_PER_WORKER = 8;

/** From this many files on, the default is a thread per core (below it, one core is left to V8's own threads). */
export const ALL_CORES_FROM_FILES = 50;

/**
 * How many threads check `files` files with `--jobs` (the main thread and one worker fewer); 1 means: no workers.
 * Without --jobs: one thread fewer than cores, and a thread per core from ALL_CORES_FROM_FILES files on. Each worker
 * pays its own start-up and compiler warm-up (and a dictionary load where a report needs words), and a single
 * analysis thread keeps V8's compiler and garbage-collector threads busy on the other core; over many files a second
 * thread pays off. Measured on 2 cores with the folder settings of ./tuning.ts (node bench/folder.mjs --count=N,
 * 3 runs each, one thread / two): 30 reports 0.28–0.29 s / 0.30–0.32 s; 40 reports 0.33–0.38 s / 0.33–0.35 s;
 * 60 reports 0.55–0.64 s / 0.49–0.56 s; 150 reports 0.76–0.83 s / 0.60–0.79 s.
 */
export function threadCount(files: number, jobs: number | undefined, cores = availableCores()): number {
  const wanted = Math.max(1, jobs ?? (files >= ALL_CORES_FROM_FILES ? cores : cores - 1));
  return Math.max(1, Math.min(wanted, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/**
 * The file each worker thread starts: bin/load-cli.js, which loads this bundle (dist/cli.js) with the code cache made
 * for a folder check's engine settings, when this module is that bundle; else this module itself (compiled anew).
 */
function workerScript(): string {
  const loader = path.join(__dirname, '..', 'bin', 'load-cli.js');
  return path.basename(__filename) === 'cli.js' && path.basename(__dirname) === 'dist' && fs.existsSync(loader) ? loader : __filename;
}

/** The most files sent to a worker at once. */
export const MAX_BATCH = 16;

/**
 * How many files to send a worker that asks for more, with `remaining` files not sent yet: a few at a time, fewer
 * towards the end (a quarter of each worker's share of the rest), so that the workers finish together rather than
 * one waiting for the other's last batch, without a message per file.
 */
export function batchSize(remaining: number, workers: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.ceil(remaining / (workers * 4))));
}

interface WorkerInit {
  fazhiCheckWorker: true;
  table: SettingsTable;
  opts: JobOptions;
}

type ToWorker = { jobs: FileJob[] } | { stop: true };
type FromWorker = { outcomes: FileOutcome[] } | { failed: string; index: number };

/**
 * Checks `jobs` on `threads` threads — this one and `threads - 1` worker threads — and calls `emit` with each outcome
 * in file order (index 0, 1, 2 …), and `progress` with the number of files done whenever one finishes. This thread
 * checks files one at a time between the workers' messages: a thread fewer to start, and half the outcomes need not
 * cross threads. Each worker has a second batch waiting while it checks one, so it never waits for this thread.
 */
export function runParallel(
  jobs: FileJob[],
  table: SettingsTable,
  opts: JobOptions,
  threads: number,
  emit: (o: FileOutcome) => void,
  progress?: (done: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const pending = new Map<number, FileOutcome>();
    let nextToEmit = 0;
    let nextToSend = 0;
    let done = 0;
    let failed = false;
    let finished = false;
    const workers: Worker[] = [];
    const workersToStart = Math.max(1, threads - 1);
    let exited = 0;
    let mainDone = false;
    const init: WorkerInit = { fazhiCheckWorker: true, table, opts };
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const t of workers) void t.terminate();
      reject(e);
    };
    const finishIfDone = () => {
      if (failed || finished || exited < workers.length || !mainDone) return;
      finished = true;
      if (nextToEmit === jobs.length) resolve();
      else fail(new Error(`worker threads stopped after ${nextToEmit} of ${jobs.length} files`));
    };
    const accept = (outcomes: FileOutcome[]) => {
      for (const o of outcomes) {
        pending.set(o.index, o);
        done++;
      }
      while (pending.has(nextToEmit)) {
        const o = pending.get(nextToEmit)!;
        pending.delete(nextToEmit);
        nextToEmit++;
        try {
          emit(o);
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
          return;
        }
      }
      progress?.(done);
    };
    const send = (w: Worker) => {
      if (nextToSend >= jobs.length) {
        w.postMessage({ stop: true } satisfies ToWorker);
        return;
      }
      const slice = jobs.slice(nextToSend, nextToSend + batchSize(jobs.length - nextToSend, threads));
      nextToSend += slice.length;
      w.postMessage({ jobs: slice } satisfies ToWorker);
    };
    const script = workerScript();
    for (let i = 0; i < workersToStart; i++) {
      const w = new Worker(script, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if ('failed' in m) return fail(new Error(`${jobs[m.index]?.display ?? ''}: ${m.failed}`));
        // the next files first: the worker goes on while this thread emits (which may do work of its own)
        send(w);
        accept(m.outcomes);
      });
      w.on('error', (e) => fail(e));
      w.on('exit', () => {
        exited++;
        finishIfDone();
      });
      // two batches: one to check, one waiting
      send(w);
      send(w);
    }
    // this thread's share, a file at a time, letting the workers' messages in between
    const segmenter = lazySegmenter();
    const mainShare = async () => {
      while (threads > 1 && !failed && nextToSend < jobs.length) {
        const job = jobs[nextToSend++];
        let outcome: FileOutcome;
        try {
          outcome = await checkFile(job, settingsOf(table, job.index), opts, segmenter);
        } catch (e) {
          return fail(new Error(`${job.display}: ${e instanceof Error ? e.stack || e.message : String(e)}`));
        }
        accept([outcome]);
        await new Promise((r) => setImmediate(r));
      }
      mainDone = true;
      finishIfDone();
    };
    void mainShare();
  });
}

function workerMain(init: WorkerInit): void {
  const segmenter = lazySegmenter();
  // batches are checked one after the other, in the order they came (a file may be read asynchronously: the next
  // message, a batch or the stop, waits for the batch before it)
  let queue = Promise.resolve();
  parentPort!.on('message', (m: ToWorker) => {
    queue = queue.then(async () => {
      if ('stop' in m) {
        parentPort!.close();
        return;
      }
      const outcomes: FileOutcome[] = [];
      for (const job of m.jobs) {
        try {
          outcomes.push(await checkFile(job, settingsOf(init.table, job.index), init.opts, segmenter));
        } catch (e) {
          parentPort!.postMessage({ failed: e instanceof Error ? e.stack || e.message : String(e), index: job.index } satisfies FromWorker);
          return;
        }
      }
      parentPort!.postMessage({ outcomes } satisfies FromWorker);
    });
  });
}

if (!isMainThread && (workerData as WorkerInit | undefined)?.fazhiCheckWorker) workerMain(workerData as WorkerInit);
