// Chinese word segmentation (nodejieba), loaded lazily: its dictionary takes over a second to load, so callers
// check first without it and again once it is ready. Lives outside engine/ because it loads a native module;
// the engine only sees the `Segmenter` function it is given.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Segmenter } from './engine/types';

interface Jieba {
  load(options?: Record<string, string>): void;
  cut(s: string, hmm?: boolean): string[];
}

/**
 * The reduced dictionary built by scripts/build-dict.mjs (dist/jieba/, next to the bundles and in the .vsix):
 * under half the memory of nodejieba's full one. Looked for above this file, so the bundles, the compiled tests
 * and the packaged extension all find it; without it nodejieba's own dictionaries are used.
 */
function reducedDictionary(): string | null {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'dist', 'jieba');
    if (fs.existsSync(path.join(candidate, 'fazhi.dict.utf8'))) return candidate;
    const here = path.join(dir, 'jieba');
    if (path.basename(dir) === 'dist' && fs.existsSync(path.join(here, 'fazhi.dict.utf8'))) return here;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

let loaded: Segmenter | null = null;
/** How many small dictionaries segmenterFor has loaded: a segmenter it gave cuts with its own only while it is the last. */
let smallLoads = 0;
let failure: string | null = null;

/**
 * The files nodejieba loads: the reduced dictionary and its one-line tables where built, nodejieba's own files for
 * the rest (its defaults, when there is no reduced dictionary).
 */
function dictionaryFiles(): { dict: string; hmmDict: string; userDict: string; idfDict: string; stopWordDict: string; stats?: string } {
  const own = path.join(path.dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict');
  const reduced = reducedDictionary();
  return {
    dict: reduced ? path.join(reduced, 'fazhi.dict.utf8') : path.join(own, 'jieba.dict.utf8'),
    hmmDict: path.join(own, 'hmm_model.utf8'),
    userDict: path.join(own, 'user.dict.utf8'),
    idfDict: path.join(reduced ?? own, 'idf.utf8'),
    stopWordDict: path.join(reduced ?? own, 'stop_words.utf8'),
    ...(reduced ? { stats: path.join(reduced, 'fazhi.dict.stats.json') } : {}),
  };
}

/** Loads nodejieba and its dictionary (synchronous, ~1 s). Returns null, with the reason in `segmenterError()`, when unavailable. */
export function loadSegmenter(): Segmenter | null {
  if (loaded || failure) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jieba = require('nodejieba') as Jieba;
    jieba.load(dictionaryFiles());
    loaded = (s: string) => jieba.cut(s, true);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  return loaded;
}

/**
 * A segmenter for the given texts only (a folder check's plan items, cut on the main thread once every report is in),
 * giving exactly the words the whole dictionary gives them: where the whole dictionary is loaded already, it is used;
 * else the dictionary is loaded with only its entries that occur in the texts — every word the segmenter could choose
 * for them — and entries of its own made to keep what the rest weigh (their total frequency, the lowest and the median
 * weight): loading 80,000 entries takes a third of a second, a few hundred take a few milliseconds. Null when the
 * dictionary cannot be loaded. Replaces whatever smaller dictionary an earlier call loaded.
 */
export function segmenterFor(texts: string[]): Segmenter | null {
  if (loaded) return loaded;
  if (failure) return null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jieba = require('nodejieba') as Jieba;
    const files = dictionaryFiles();
    const lines = fs.readFileSync(files.dict, 'utf8').split('\n');
    const stats = (files.stats && readStats(files.stats)) || dictionaryStats(lines);
    // the words the texts could be cut into: their substrings, up to the longest entry
    const wanted = new Set<string>();
    for (const t of texts) for (let i = 0; i < t.length; i++) for (let n = 1; n <= stats.longest && i + n <= t.length; n++) wanted.add(t.slice(i, i + n));
    const kept: string[] = [];
    let keptTotal = 0;
    for (const line of lines) {
      const space = line.indexOf(' ');
      if (space > 0 && wanted.has(line.slice(0, space))) {
        kept.push(line);
        keptTotal += parseInt(line.slice(space + 1), 10);
      }
    }
    // entries no text contains (private-use characters): the lowest frequency; the median, often enough to stay the
    // median whatever the kept words weigh; and the rest of the total
    const filler = (i: number) => String.fromCharCode(0xe000 + (i % 4096), 0xe000 + Math.floor(i / 4096));
    const medians = 2 * kept.length + 4;
    const extra = [`${filler(0)} ${stats.lowest} x`];
    for (let i = 0; i < medians; i++) extra.push(`${filler(i + 1)} ${stats.median} x`);
    extra.push(`${filler(medians + 1)} ${stats.total - keptTotal - stats.lowest - medians * stats.median} x`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-report-words-'));
    try {
      const dict = path.join(dir, 'words.utf8');
      fs.writeFileSync(dict, [...kept, ...extra].join('\n') + '\n');
      const hmmDict = path.join(dir, 'hmm.utf8');
      fs.writeFileSync(hmmDict, hmmModelFor(fs.readFileSync(files.hmmDict, 'utf8'), texts));
      jieba.load({ ...files, dict, hmmDict });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const cuts = new Set(texts);
    const generation = ++smallLoads;
    // (a text it was not made for may need entries it does not have, and a later call loads another small dictionary:
    // the whole dictionary then)
    return (s: string) => (cuts.has(s) && generation === smallLoads && !loaded ? jieba.cut(s, true) : (loadSegmenter() ?? noWords)(s));
  } catch {
    // (no temporary folder, an unreadable dictionary: the whole dictionary, as anywhere else)
    return loadSegmenter();
  }
}

/** What segmenterFor needs of a whole dictionary: its entries' total frequency, lowest and median, and its longest word. */
export interface DictionaryStats {
  entries: number;
  total: number;
  lowest: number;
  median: number;
  /** In UTF-16 code units. */
  longest: number;
}

/**
 * The figures of a dictionary file's lines ("word frequency tag"). scripts/build-dict.mjs writes the same figures of
 * the reduced dictionary beside it (fazhi.dict.stats.json), so a folder check need not work them out from 80,000
 * lines (test/unit/segmenter-for.test.ts compares the two).
 */
export function dictionaryStats(lines: string[]): DictionaryStats {
  let longest = 1;
  let total = 0;
  const freqs = new Float64Array(lines.length);
  let entries = 0;
  for (const line of lines) {
    if (!line) continue;
    const space = line.indexOf(' ');
    if (space > longest) longest = space;
    const freq = parseInt(line.slice(space + 1), 10);
    freqs[entries++] = freq;
    total += freq;
  }
  // (a typed array sorts numerically, natively)
  const sorted = freqs.subarray(0, entries).sort();
  return { entries, total, lowest: sorted[0], median: sorted[Math.floor(entries / 2)], longest };
}

function readStats(file: string): DictionaryStats | null {
  try {
    const s = JSON.parse(fs.readFileSync(file, 'utf8')) as DictionaryStats;
    return [s.entries, s.total, s.lowest, s.median, s.longest].every((x) => Number.isFinite(x)) ? s : null;
  } catch {
    return null;
  }
}

/**
 * nodejieba's HMM model (hmm_model.utf8) for the given texts only: the model of unknown words gives each character a
 * weight per state, and a character no text holds is never looked up, so only the texts' characters are kept (and the
 * first of each state's, so that no line is empty): loading the whole model costs every load about 20 ms.
 */
export function hmmModelFor(model: string, texts: string[]): string {
  const chars = new Set<string>();
  for (const t of texts) for (const c of t) chars.add(c);
  const lines = model.split('\n');
  // the model: the start weights, the 4 × 4 transitions, then the 4 lines of character weights (B, E, M, S)
  const data = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l && !x.l.startsWith('#'));
  for (const { l, i } of data.slice(-4)) {
    const pairs = l.split(',');
    lines[i] = pairs.filter((p, k) => k === 0 || chars.has(p.slice(0, p.lastIndexOf(':')))).join(',');
  }
  return lines.join('\n');
}

/**
 * A segmenter that loads the dictionary when first called, for a command-line check: the engine asks for words only
 * where a check needs them (a few labels per report), so a folder of reports that never does pays no load. Where
 * the dictionary cannot be loaded it gives no words, which the engine reads as no segmentation.
 */
export function lazySegmenter(): Segmenter {
  return (s: string) => (loadSegmenter() ?? noWords)(s);
}

const noWords: Segmenter = () => [];

export function segmenterIfLoaded(): Segmenter | null {
  return loaded;
}

export function segmenterError(): string | null {
  return failure;
}
