// Chinese word segmentation (nodejieba), loaded lazily: its dictionary takes over a second to load, so callers
// check first without it and again once it is ready. Lives outside engine/ because it loads a native module;
// the engine only sees the `Segmenter` function it is given.
import type { Segmenter } from './engine/types';

let loaded: Segmenter | null = null;
let failure: string | null = null;

/** Loads nodejieba and its dictionary (synchronous, ~1 s). Returns null, with the reason in `segmenterError()`, when unavailable. */
export function loadSegmenter(): Segmenter | null {
  if (loaded || failure) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jieba = require('nodejieba') as { load(): void; cut(s: string, hmm?: boolean): string[] };
    jieba.load();
    loaded = (s: string) => jieba.cut(s, true);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  return loaded;
}

export function segmenterIfLoaded(): Segmenter | null {
  return loaded;
}

export function segmenterError(): string | null {
  return failure;
}
