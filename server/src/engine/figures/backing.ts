// Whether a figure is backed by the figure checks: a figure that some reading of a figure relation verified (or
// found wrong) has counts behind it by definition, and is that relation's business rather than unbacked-metric's.
// Figure.checks is filled from the verdicts, which are computed once per analysis whatever checks are on
// (readings/index.ts), so switching a figure check off never changes unbacked-metric's notes. Restating a figure
// (conflicting-figure) backs nothing.
import type { Figure, FigureModel } from './model';

/** A relation that puts counts behind the figure: not a restatement, nor a rate's place in a change of points. */
function backs(f: Figure, code: string): boolean {
  if (code === 'conflicting-figure') return false;
  // 由85%提升至96%，提升了11个百分点: the change verifies the difference, not where either rate came from
  if (code === 'change-mismatch' && f.kind === 'percent' && !f.change) return false;
  return true;
}

export function isVerifiedByFigureChecks(_model: FigureModel, f: Figure): boolean {
  // the same figure stated twice is not a count behind it: conflicting-figure's relations back nothing
  return f.checks.some((c) => backs(f, c.code));
}

/** Verified and found right by a relation other than a restatement: its counts hold it up. */
export function holdsByFigureChecks(f: Figure): boolean {
  return f.checks.some((c) => c.ok && backs(f, c.code));
}
