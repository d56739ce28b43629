// across-reports: checks between reports — this year's prior-year figures and changes against last year's report
// of the same body, the same metric of one body and year in two reports, last year's plan items never mentioned.
// It needs several documents, so it runs where several are checked together (the command line on a folder, the
// editor's workspace check) through engine/across/ checkAcross; within one document there is nothing to compare.
import type { Rule } from '../rule';
import { ACROSS_CODE } from '../across';

export const acrossReports: Rule = {
  code: ACROSS_CODE,
  tags: ['figures', 'across'],
  check() {
    // one document alone has no other report to compare with: see engine/across/index.ts
  },
};
