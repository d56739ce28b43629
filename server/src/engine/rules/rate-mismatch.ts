// rate-mismatch: a rate or share that none of its bases reproduces at the written precision (rounded or truncated).
// The numerator comes from the rate's definition (纠错率 → 纠错, or 撤销 + 确认违法 + 责令履行; 综合化解率 →
// 纠错 + 调解和解; 出庭率 → 实际出庭 …, server/data/figures.json) in the rate's sentence; the conventional base
// (审结 for 纠错率, 应当出庭 for 出庭率, the list total for 占比 …) in its sentence, else its paragraph for the
// same object; other counts of the sentence are tried too. Reported only when a conventional base is stated and
// none reproduces the rate; when only a wrong-kind base does (30 / 130 instead of 30 / 120), the message says so.
// A rate with no numerator or no base is unverifiable, not wrong: nothing is reported. A rate that no whole count
// over its base can give at all is impossible-percentage's finding, not reported twice.
import type { Rule } from '../rule';
import { asWritten, evaluateRate, num, reproduces, resolveRatio, type Term } from '../figures/arith';
import type { RuleContext } from '../rule';
import type { Figure } from '../figures/model';
import { recordCheck } from '../figures/model';
import { relatedFigure } from '../figures/related';
import type { Locale, Range } from '../types';

const CODE = 'rate-mismatch';

/**
 * The fix: the written rate replaced by the value its counts give, at the written precision (asWritten). Not safe
 * without a human (a count may be the wrong figure); preferred unless the writer seems to have used another base.
 */
function rateFix(written: string, range: Range, expected: string, preferred: boolean, locale: Locale) {
  const m = /[0-9０-９]+(?:[.．][0-9０-９]+)?/.exec(written);
  if (!m) return [];
  const newText = written.slice(0, m.index) + expected + written.slice(m.index + m[0].length);
  if (newText === written) return [];
  const title = locale === 'en' ? `Replace with ${expected}% (the value the counts give)` : `改为 ${expected}%（按数据计算的值）`;
  return [{ title, edits: [{ range, newText }], preferred, safe: false }];
}

export const rateMismatch: Rule = {
  code: CODE,
  tags: ['figures'],
  check(ctx) {
    const model = ctx.figures;
    if (!model) return;
    for (const pct of model.figures) {
      if (pct.kind === 'ratio') {
        checkRatio(ctx, pct);
        continue;
      }
      if (pct.kind !== 'percent' || !pct.rateId) continue;
      const v = evaluateRate(model, pct);
      const r = v.res;
      const n = r.numerator;
      if (!n) continue;
      const rate = pct.rate ?? '';
      const involved = (b: Term) => [...n.figs, ...b.figs];
      if (v.status === 'ok' && v.good) {
        const good = v.good;
        const detail = `${num(n.value)} / ${num(good.b.value)} = ${asWritten(good.x, pct.decimals)}%（${n.label} / ${good.b.label}）`;
        recordCheck(pct, CODE, true, detail);
        for (const f of involved(good.b)) recordCheck(f, CODE, true, `${rate} ${pct.text}：${detail}`);
        continue;
      }
      if (v.status !== 'mismatch' && v.status !== 'wrongBase') continue;
      const right = v.right!;
      const wrong = v.wrong;
      const expected = asWritten(right.x, pct.decimals);
      const args = {
        rate,
        written: pct.text,
        numerator: num(n.value),
        denominator: num(right.b.value),
        computed: `${expected}%`,
        numeratorLabel: n.label,
        denominatorLabel: right.b.label,
        wrongDenominator: wrong ? num(wrong.b.value) : '',
        wrongLabel: wrong ? wrong.b.label : '',
      };
      ctx.report({
        messageId: wrong ? 'rate-mismatch.wrongBase' : 'rate-mismatch.mismatch',
        args,
        range: pct.range,
        related: [
          ...n.figs.map((f) => relatedFigure(f, `分子：${f.stageText ?? ''}`)),
          ...right.b.figs.map((f) => relatedFigure(f, `分母：${f.stageText ?? ''}`)),
          ...(wrong ? wrong.b.figs.map((f) => relatedFigure(f, '误用的基数')) : []),
        ],
        data: {
          expected,
          expectedText: `${expected}%`,
          numerator: n.value,
          denominator: right.b.value,
          computed: right.x,
          wrongDenominator: wrong?.b.value,
          fixes: rateFix(pct.text, pct.range, expected, !wrong, ctx.locale),
        },
      });
      const detail = `${num(n.value)} / ${num(right.b.value)} = ${expected}%，与 ${pct.text} 不符`;
      recordCheck(pct, CODE, false, detail);
      for (const f of involved(right.b)) recordCheck(f, CODE, false, `${rate} ${pct.text}：${detail}`);
    }
  },
};

/** 复议诉讼比值达2.6 beside 行政复议 8745 件 and 行政诉讼 3362 件 of the same stage: 8745 / 3362 = 2.6. */
function checkRatio(ctx: RuleContext, r: Figure): void {
  const model = ctx.figures!;
  const res = resolveRatio(model, r);
  if (!res) return;
  const shown = asWritten(res.value, r.decimals);
  const detail = `${num(res.numerator.value)} / ${num(res.base.value)} = ${shown}（${res.numerator.object} / ${res.base.object}）`;
  if (reproduces(res.value, r)) {
    for (const f of [r, res.numerator, res.base]) recordCheck(f, CODE, true, `${r.rate ?? ''} ${r.text}：${detail}`);
    return;
  }
  ctx.report({
    messageId: 'rate-mismatch.mismatch',
    args: {
      rate: r.rate ?? '',
      written: r.text,
      numerator: num(res.numerator.value),
      denominator: num(res.base.value),
      computed: shown,
      numeratorLabel: res.numerator.object ?? '',
      denominatorLabel: res.base.object ?? '',
    },
    range: r.range,
    related: [relatedFigure(res.numerator, `分子：${res.numerator.object}`), relatedFigure(res.base, `分母：${res.base.object}`)],
    data: { expected: shown, expectedText: shown, numerator: res.numerator.value, denominator: res.base.value, computed: res.value },
  });
  for (const f of [r, res.numerator, res.base]) recordCheck(f, CODE, false, `${r.rate ?? ''} ${r.text}：${detail}，不符`);
}
