// Shared by the figure tests: the six figure check codes, the segmenter (nodejieba, loaded once), a readable
// rendering of findings.
import { analyze, type Analysis, type Finding } from '../../server/src/engine';
import { loadSegmenter } from '../../server/src/segmenter';
import type { Segmenter } from '../../server/src/engine/types';

export const FIGURE_CODES = [
  'funnel-order',
  'breakdown-sum',
  'rate-mismatch',
  'impossible-percentage',
  'change-mismatch',
  'conflicting-figure',
  'table-sum',
];

let seg: Segmenter | null | undefined;
/** nodejieba's cut; the tests need it (a figure test without it would silently test less). */
export function segmenter(): Segmenter {
  if (seg === undefined) seg = loadSegmenter();
  if (!seg) throw new Error('nodejieba could not be loaded: the figure tests need it');
  return seg;
}

export function analyzeWith(text: string, withSegmenter = true): Analysis {
  return analyze(text, withSegmenter ? { segmenter: segmenter() } : {});
}

export function figureFindings(a: Analysis): Finding[] {
  return a.findings.filter((f) => FIGURE_CODES.includes(f.code));
}

export function findingKey(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character}:${f.code}`;
}
