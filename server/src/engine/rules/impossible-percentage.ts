// impossible-percentage: a percentage no whole count over its base can give (综合化解率 33.38% beside 审结 78 件 —
// 26 / 78 = 33.33%, 27 / 78 = 34.62%), or above 100% for a bounded rate (which rates are bounded: figures.json).
// Read in figures/readings/rate.ts: without a stated numerator every stage of the object in the sentence is tried.
import type { Rule } from '../rule';
import { reportVerdicts } from '../figures/report';

export const impossiblePercentage: Rule = {
  code: 'impossible-percentage',
  tags: ['arithmetic', 'figures'],
  defaultSeverity: 'warning',
  check(ctx) {
    reportVerdicts(ctx, 'impossible-percentage');
  },
};
