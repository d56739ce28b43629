// Running the engine in tests the way the editor does once the dictionary is loaded (with nodejieba), or without it.
import { analyze, type AnalyzeOptions, type Finding } from '../../server/src/engine';
import { loadSegmenter } from '../../server/src/segmenter';

export const segmenter = loadSegmenter();
if (!segmenter) throw new Error('nodejieba could not be loaded: the tests need it (npm ci builds it from source)');

export function check(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyze(text, { segmenter: segmenter!, ...options }).findings;
}

export function codes(findings: Finding[], code?: string): string[] {
  return findings.filter((f) => !code || f.code === code).map((f) => `${f.range.start.line + 1}:${f.code}`);
}

/** Applies LSP-style edits (ranges in the original text) to a text. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split(/\r\n|\r|\n/);
  const offsets: number[] = [];
  let o = 0;
  const seps = text.match(/\r\n|\r|\n/g) ?? [];
  lines.forEach((l, i) => {
    offsets.push(o);
    o += l.length + (seps[i]?.length ?? 0);
  });
  const at = (p: { line: number; character: number }) => offsets[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}
