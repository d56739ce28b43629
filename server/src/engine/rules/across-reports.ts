// across-reports: checks between reports — this year's prior-year figures and changes against last year's report
// of the same body, the same metric of one body and year in two reports, last year's plan items never mentioned.
// It needs several documents, so it runs where several are checked together (the command line on a folder, the
// editor's workspace check) through engine/across/ checkAcross; within one document there is nothing to compare.
import type { Rule } from '../rule';

export const acrossReports: Rule = {
  code: 'across-reports',
  tags: ['arithmetic', 'figures', 'across'],
  defaultSeverity: 'warning',
  variants: [{ id: 'plan', softer: 1 }],
  check() {
    // one document alone has no other report to compare with: see engine/across/index.ts
  },
};
