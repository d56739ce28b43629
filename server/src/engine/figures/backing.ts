// Whether a figure is backed by the figure checks: a figure that some reading of the figure checks verified (or
// found wrong) has counts behind it by definition, and is that check's business rather than unbacked-metric's.
// unbacked-metric asks only this function, never Figure.checks directly, so that its answer can come from verdicts
// computed independently of which checks are switched on.
import type { Figure, FigureModel } from './model';

export function isVerifiedByFigureChecks(model: FigureModel, f: Figure): boolean {
  void model;
  return f.checks.length > 0;
}
