// Chinese word segmentation (nodejieba), loaded lazily: its dictionary takes over a second to load, so callers
// check first without it and again once it is ready. Lives outside engine/ because it loads a native module;
// the engine only sees the `Segmenter` function it is given.
import fs from 'node:fs';
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
let failure: string | null = null;

/** Loads nodejieba and its dictionary (synchronous, ~1 s). Returns null, with the reason in `segmenterError()`, when unavailable. */
export function loadSegmenter(): Segmenter | null {
  if (loaded || failure) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jieba = require('nodejieba') as Jieba;
    const reduced = reducedDictionary();
    if (reduced) {
      const own = path.join(path.dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict');
      jieba.load({
        dict: path.join(reduced, 'fazhi.dict.utf8'),
        hmmDict: path.join(own, 'hmm_model.utf8'),
        userDict: path.join(own, 'user.dict.utf8'),
        idfDict: path.join(reduced, 'idf.utf8'),
        stopWordDict: path.join(reduced, 'stop_words.utf8'),
      });
    } else {
      jieba.load();
    }
    loaded = (s: string) => jieba.cut(s, true);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  return loaded;
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
