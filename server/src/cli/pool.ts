// `check` of many files on all cores: worker threads (node:worker_threads), each loading the word-segmentation
// dictionary once, take files from the main thread a few at a time and send back what ./check-file.ts returns.
// The main thread prints outcomes strictly in file order, so the output (and the exit code) is byte-for-byte that
// of the serial run. The worker is this same module (in the bundle: dist/cli.js) started with workerData.
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

/** Below this many files, one thread: starting workers and loading their dictionaries costs more than it saves. */
export const MIN_FILES_PER_WORKER = 8;

/** From this many files on, the default is a thread per core (below it, one core is left to V8's own threads). */
export const ALL_CORES_FROM_FILES = 200;

/**
 * How many workers to start for `files` files with `--jobs`; 1 means: no workers, the main thread checks them all.
 * Without --jobs: one thread fewer than cores, and a thread per core from ALL_CORES_FROM_FILES files on. Each thread
 * pays its own start-up, dictionary load and compiler warm-up, and a single analysis thread keeps V8's compiler and
 * garbage-collector threads busy on the other core; over many files a second analysis thread pays off. Measured on
 * 2 cores with the folder settings of ./tuning.ts: 50 reports 0.74–0.98 s with one thread, 0.97–1.00 s with two;
 * 150 reports about equal; 500 reports 2.97–4.03 s with one, 2.98–3.12 s with two.
 */
export function workerCount(files: number, jobs: number | undefined, cores = availableCores()): number {
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
 * Checks `jobs` with `workers` threads and calls `emit` with each outcome in file order (index 0, 1, 2 …), and
 * `progress` with the number of files done whenever one finishes.
 */
export function runParallel(
  jobs: FileJob[],
  table: SettingsTable,
  opts: JobOptions,
  workers: number,
  emit: (o: FileOutcome) => void,
  progress?: (done: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const pending = new Map<number, FileOutcome>();
    let nextToEmit = 0;
    let nextToSend = 0;
    let done = 0;
    let failed = false;
    const threads: Worker[] = [];
    const init: WorkerInit = { fazhiCheckWorker: true, table, opts };
    const send = (w: Worker) => {
      if (nextToSend >= jobs.length) {
        w.postMessage({ stop: true } satisfies ToWorker);
        return;
      }
      const slice = jobs.slice(nextToSend, nextToSend + batchSize(jobs.length - nextToSend, workers));
      nextToSend += slice.length;
      w.postMessage({ jobs: slice } satisfies ToWorker);
    };
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const t of threads) void t.terminate();
      reject(e);
    };
    let exited = 0;
    const script = workerScript();
    for (let i = 0; i < workers; i++) {
      const w = new Worker(script, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      threads.push(w);
      w.on('message', (m: FromWorker) => {
        if ('failed' in m) return fail(new Error(`${jobs[m.index]?.display ?? ''}: ${m.failed}`));
        for (const o of m.outcomes) {
          pending.set(o.index, o);
          done++;
        }
        // the next files first: the worker goes on while this thread emits (which may do work of its own)
        send(w);
        while (pending.has(nextToEmit)) {
          const o = pending.get(nextToEmit)!;
          pending.delete(nextToEmit);
          nextToEmit++;
          try {
            emit(o);
          } catch (e) {
            return fail(e instanceof Error ? e : new Error(String(e)));
          }
        }
        progress?.(done);
      });
      w.on('error', (e) => fail(e));
      w.on('exit', () => {
        exited++;
        if (exited === workers && !failed) {
          if (nextToEmit === jobs.length) resolve();
          else fail(new Error(`worker threads stopped after ${nextToEmit} of ${jobs.length} files`));
        }
      });
      send(w);
    }
  });
}

function workerMain(init: WorkerInit): void {
  const segmenter = lazySegmenter();
  parentPort!.on('message', async (m: ToWorker) => {
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
}

if (!isMainThread && (workerData as WorkerInit | undefined)?.fazhiCheckWorker) workerMain(workerData as WorkerInit);
