// rate-mismatch: a rate or share that none of its bases reproduces at the written precision (rounded or truncated).
// The numerator comes from the rate's definition (纠错率 → 纠错, or 撤销 + 确认违法 + 责令履行; 综合化解率 →
// 纠错 + 调解和解; 出庭率 → 实际出庭 …, server/data/figures.json) in the rate's sentence; the conventional base
// (审结 for 纠错率, 应当出庭 for 出庭率, the list total for 占比 …) in its sentence, else its paragraph for the
// same object; other counts of the sentence are tried too. Reported only when a conventional base is stated and
// none reproduces the rate; when only a wrong-kind base does (30 / 130 instead of 30 / 120), the message says so.
// A rate with no numerator or no base is unverifiable, not wrong: nothing is reported. A rate that no whole count
// over its base can give at all is impossible-percentage's finding, not reported twice.
import type { Rule } from '../rule';
import { asWritten, evaluateRate, num, type Term } from '../figures/arith';
import { recordCheck } from '../figures/model';
import { relatedFigure } from '../figures/related';

const CODE = 'rate-mismatch';

export const rateMismatch: Rule = {
  code: CODE,
  tags: ['figures'],
  check(ctx) {
    const model = ctx.figures;
    if (!model) return;
    for (const pct of model.figures) {
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
        },
      });
      const detail = `${num(n.value)} / ${num(right.b.value)} = ${expected}%，与 ${pct.text} 不符`;
      recordCheck(pct, CODE, false, detail);
      for (const f of involved(right.b)) recordCheck(f, CODE, false, `${rate} ${pct.text}：${detail}`);
    }
  },
};
