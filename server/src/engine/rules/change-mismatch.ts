// change-mismatch: "X件，较上年Y件增长Z%" (or "X件(2023年为Y件)，同比增长Z%", 下降, 增长N倍, N个百分点, 增加N件)
// that X and Y do not give at the written precision. 个百分点 is an absolute difference of two rates, not a
// relative change; 增长N倍 is X / Y − 1 = N (X / Y = N is accepted too, as the looser everyday reading).
// Only X, Y and the change in one sentence are related; "同比增长Z%" with no stated base is not checkable.
import type { Rule } from '../rule';
import { asWritten, num, reproduces } from '../figures/arith';
import { recordCheck, type Figure } from '../figures/model';
import { relatedFigure } from '../figures/related';

const CODE = 'change-mismatch';

export const changeMismatch: Rule = {
  code: CODE,
  tags: ['figures'],
  check(ctx) {
    const model = ctx.figures;
    if (!model) return;
    for (const sent of model.sentences) {
      const figs = sent.figures.map((id) => model.figures[id]);
      let floor = 0;
      for (let j = 0; j < figs.length; j++) {
        const c = figs[j];
        if (!c.change) continue;
        const start = floor;
        floor = j + 1;
        // the prior value Y, then the current value X before it
        let yi = -1;
        for (let i = j - 1; i >= start; i--) if (figs[i].prior) { yi = i; break; }
        if (yi < 0) continue;
        const y = figs[yi];
        let x: Figure | undefined;
        for (let i = yi - 1; i >= start; i--) {
          const f = figs[i];
          if (f.prior || f.change) continue;
          if (f.kind === y.kind && f.family === y.family) x = f;
          break;
        }
        // "由上年的Y提高到X，提高Z": the current value between the prior one and the change
        if (!x && j - yi === 2) {
          const f = figs[yi + 1];
          if (!f.prior && !f.change && f.kind === y.kind && f.family === y.family && /[到至]$/.test(f.label)) x = f;
        }
        if (!x || y.value <= 0 || x.approx || y.approx) continue;
        const up = c.change === 'up';
        let computed: number;
        let formula: string;
        let alt: number | undefined;
        if (c.kind === 'points') {
          if (x.kind !== 'percent') continue;
          computed = up ? x.value - y.value : y.value - x.value;
          formula = up ? `${num(x.value)}% − ${num(y.value)}%` : `${num(y.value)}% − ${num(x.value)}%`;
        } else if (c.kind === 'percent') {
          if (x.kind !== 'count') continue; // a rate's "提高5%" may mean points: ambiguous, not checked
          computed = ((up ? x.value - y.value : y.value - x.value) / y.value) * 100;
          formula = up ? `(${num(x.value)} − ${num(y.value)}) / ${num(y.value)}` : `(${num(y.value)} − ${num(x.value)}) / ${num(y.value)}`;
        } else if (c.kind === 'multiple') {
          if (x.kind !== 'count' || !up) continue;
          computed = x.value / y.value - 1;
          alt = x.value / y.value;
          formula = `${num(x.value)} / ${num(y.value)} − 1`;
        } else if (c.kind === 'count') {
          if (x.kind !== 'count' || x.family !== c.family) continue;
          computed = up ? x.value - y.value : y.value - x.value;
          formula = up ? `${num(x.value)} − ${num(y.value)}` : `${num(y.value)} − ${num(x.value)}`;
        } else continue;
        const ok = reproduces(computed, c) || (alt !== undefined && reproduces(alt, c));
        const unitText = c.kind === 'percent' ? '%' : c.kind === 'points' ? ' 个百分点' : c.kind === 'multiple' ? ' 倍' : c.unit;
        const shown = `${asWritten(computed, c.decimals)}${unitText}`;
        const detail = `${formula} = ${shown}`;
        if (ok) {
          for (const f of [x, y, c]) recordCheck(f, CODE, true, `${detail}（所写 ${c.text}）`);
          continue;
        }
        ctx.report({
          messageId: 'change-mismatch.mismatch',
          args: { current: x.text, prior: y.text, verb: c.label.slice(-4), written: c.text, formula, computed: shown },
          range: c.range,
          related: [relatedFigure(x, '本期'), relatedFigure(y, '上期'), relatedFigure(c, '变化')],
          data: { expected: asWritten(computed, c.decimals), computed, current: x.value, prior: y.value },
        });
        for (const f of [x, y, c]) recordCheck(f, CODE, false, `${detail}，与所写 ${c.text} 不符`);
      }
    }
  },
};
