// Shared by the figure tests: the figure check codes (from the registry's tags), the segmenter (nodejieba, loaded once), a readable
// rendering of findings.
import { allRules, analyze, type Analysis, type Finding } from '../../server/src/engine';
import { loadSegmenter } from '../../server/src/segmenter';
import type { Segmenter } from '../../server/src/engine/types';

/** The checks whose findings are claims that written figures disagree (tag `arithmetic`), within one report. */
export const FIGURE_CODES = allRules.filter((r) => r.tags.includes('arithmetic') && !r.tags.includes('across')).map((r) => r.code);

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
