// rate-mismatch: a rate or share that no plausible base reproduces at the written precision (rounded or truncated),
// or a ratio its two counts do not give. Which numerator and which bases are plausible is read in
// figures/readings/rate.ts (conventional base in the sentence, then the paragraph, then other counts).
import { formatMessage } from '../messages';
import type { Rule } from '../rule';
import { reportVerdicts } from '../figures/report';
import type { Locale, Range } from '../types';
/**
 * The fix: the written rate replaced by the value its counts give, at the written precision (asWritten). Not safe
 * without a human (a count may be the wrong figure); preferred unless the writer seems to have used another base.
 */
function rateFix(written: string, range: Range, expected: string, preferred: boolean, locale: Locale) {
  const m = /[0-9０-９]+(?:[.．][0-9０-９]+)?/.exec(written);
  if (!m) return [];
  const newText = written.slice(0, m.index) + expected + written.slice(m.index + m[0].length);
  if (newText === written) return [];
  const title = formatMessage(locale, 'rate-mismatch.fix', { expected });
  return [{ title, edits: [{ range, newText }], preferred, safe: false }];
}

export const rateMismatch: Rule = {
  code: 'rate-mismatch',
  tags: ['arithmetic', 'figures'],
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    reportVerdicts(ctx, 'rate-mismatch', (v, report) => {
      const expected = report.data?.expected;
      if (typeof expected !== 'string' || v.claim.anchor.kind !== 'percent') return;
      const wrong = report.messageId === 'rate-mismatch.wrongBase';
      report.data = { ...report.data, fixes: rateFix(v.claim.anchor.text, v.claim.anchor.range, expected, !wrong, ctx.locale) };
    });
  },
};
