// impossible-percentage: a percentage that no whole count k out of the N stated beside it can give at the written
// precision (a GRIM test: 综合化解率 33.38% beside 审结 78 件 — 26 / 78 = 33.33%, 27 / 78 = 34.62%), or above
// 100% for a bounded rate (出庭率, 化解率, 合格率 …; which rates are bounded is data in figures.json).
// N is the rate's conventional base in the same sentence (or a share's list total); nothing else is assumed.
import type { Rule } from '../rule';
import { asWritten, evaluateRate, grim, grimApplies, num } from '../figures/arith';
import { recordCheck } from '../figures/model';
import { relatedFigure } from '../figures/related';
import { rateById } from '../figures/vocab';

const CODE = 'impossible-percentage';

export const impossiblePercentage: Rule = {
  code: CODE,
  tags: ['figures'],
  check(ctx) {
    const model = ctx.figures;
    if (!model) return;
    for (const pct of model.figures) {
      if (pct.kind !== 'percent' || !pct.rateId) continue;
      const def = rateById.get(pct.rateId);
      if (!def) continue;
      const rate = pct.rate ?? '';
      if (def.bounded && pct.lo > 100 + 1e-9 && !pct.change) {
        ctx.report({
          messageId: 'impossible-percentage.over100',
          args: { rate, written: pct.text },
          range: pct.range,
          related: [relatedFigure(pct, rate)],
          data: { value: pct.value },
        });
        recordCheck(pct, CODE, false, `${rate} ${pct.text} > 100%`);
        continue;
      }
      const v = evaluateRate(model, pct);
      if (v.status === 'wrongBase') continue; // rate-mismatch explains it: the writer used another base
      const r = v.res;
      const bases = r.bases.filter((b) => b.right && b.scope === 'sentence' && b.exact && grimApplies(pct, b.value));
      if (bases.length === 0) continue;
      const results = bases.map((b) => ({ b, g: grim(pct, b.value) }));
      const possible = results.find((x) => x.g.possible);
      if (possible) {
        const detail = `${possible.g.k} / ${num(possible.b.value)} = ${asWritten(possible.g.closest, pct.decimals)}%`;
        recordCheck(pct, CODE, true, detail);
        continue;
      }
      const { b, g } = results[0];
      const closest = `${asWritten(g.closest, pct.decimals)}%`;
      const nearest = r.numerator && r.numerator.exact ? r.numerator : undefined;
      ctx.report({
        messageId: 'impossible-percentage.grim',
        args: { rate, written: pct.text, base: num(b.value), baseLabel: b.label, k: g.k, closest },
        range: pct.range,
        related: [relatedFigure(pct, rate), ...b.figs.map((f) => relatedFigure(f, `基数：${f.stageText ?? ''}`)), ...(nearest ? nearest.figs.map((f) => relatedFigure(f, `分子：${f.stageText ?? ''}`)) : [])],
        data: {
          base: b.value,
          closestK: g.k,
          closest: asWritten(g.closest, pct.decimals),
          expected: nearest ? asWritten((nearest.value / b.value) * 100, pct.decimals) : undefined,
          numerator: nearest?.value,
        },
      });
      const detail = `没有整数 k 使 k / ${num(b.value)} = ${pct.text}（最接近 ${g.k} / ${num(b.value)} = ${closest}）`;
      recordCheck(pct, CODE, false, detail);
      for (const f of b.figs) recordCheck(f, CODE, false, `${rate} ${pct.text}：${detail}`);
      if (nearest) for (const f of nearest.figs) recordCheck(f, CODE, false, `${rate} ${pct.text}：${detail}`);
    }
  },
};
