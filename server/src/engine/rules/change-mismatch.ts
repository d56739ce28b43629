// change-mismatch: "X件，较上年Y件增长Z%" (or "X件(2023年为Y件)，同比增长Z%", 下降, 增长N倍, N个百分点, 增加N件,
// 分别 pairs, a prior value stated after the change) that X and Y do not give at the written precision.
// Read in figures/readings/change.ts.
import type { Rule } from '../rule';
import { reportVerdicts } from '../figures/report';

export const changeMismatch: Rule = {
  code: 'change-mismatch',
  tags: ['arithmetic', 'figures'],
  defaultSeverity: 'error',
  check(ctx) {
    reportVerdicts(ctx, 'change-mismatch');
  },
};
