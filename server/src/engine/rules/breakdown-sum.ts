// breakdown-sum: the parts of a 其中 / "…中" list exceed their total under every plausible reading of the list, or
// fall short of it when the list presents itself as complete (an 其他 bucket, a zero part, shares adding up to
// 100%); a 其中 list of shares above 100%. Read in figures/readings/sum.ts (which totals and cuts are plausible).
import type { Rule } from '../rule';
import { reportVerdicts } from '../figures/report';

export const breakdownSum: Rule = {
  code: 'breakdown-sum',
  tags: ['arithmetic', 'figures'],
  defaultSeverity: 'error',
  check(ctx) {
    reportVerdicts(ctx, 'breakdown-sum');
  },
};
