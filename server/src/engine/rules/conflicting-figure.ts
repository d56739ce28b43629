// conflicting-figure: the same metric (object + measure + scope + what the writer calls it) stated twice in one
// document with different values. Read in figures/readings/same.ts.
import type { Rule } from '../rule';
import { reportVerdicts } from '../figures/report';

export const conflictingFigure: Rule = {
  code: 'conflicting-figure',
  tags: ['arithmetic', 'figures'],
  defaultSeverity: 'warning',
  check(ctx) {
    reportVerdicts(ctx, 'conflicting-figure');
  },
};
