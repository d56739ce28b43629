// funnel-order: a later stage of a case's life exceeds an earlier one for the same object, in one sentence
// (受理 91 件 > 收到 84 件; 实际出庭 > 应当出庭; 整改 > 排查; 通过 > 参加). Where cases carried over from the
// previous year can explain it (审结 > 受理, 结案 > 发案) it is a softer note that says so.
// The stage orders (funnels) and the carry-over pairs are data: server/data/figures.json.
import type { Rule } from '../rule';
import { funnelOf, num } from '../figures/arith';
import { recordCheck, type Figure } from '../figures/model';
import { relatedFigure } from '../figures/related';
import { WINDOW } from '../figures/extract';

const CODE = 'funnel-order';

function comparable(a: Figure, b: Figure): boolean {
  if (a.kind !== 'count' || b.kind !== 'count' || a.family !== b.family) return false;
  if (a.prior || b.prior || a.change || b.change) return false;
  // the same object (both unnamed counts too): a count of another kind of case is not a stage of these
  if ((a.object ?? '') !== (b.object ?? '')) return false;
  return true;
}

export const funnelOrder: Rule = {
  code: CODE,
  tags: ['figures'],
  check(ctx) {
    const model = ctx.figures;
    if (!model) return;
    // parts of one list are disjoint categories of its total (受理 98、不予受理 15、告知 7 of 收到 120), not stages
    const siblings = new Map<number, number>();
    model.breakdowns.forEach((b, k) => b.trigger !== 'implicit' && b.parts.forEach((p) => siblings.set(p, k)));
    for (const sent of model.sentences) {
      const figs = sent.figures.map((id) => model.figures[id]).filter((f) => f.stage && f.kind === 'count');
      for (let j = 0; j < figs.length; j++) {
        for (let i = Math.max(0, j - WINDOW); i < j; i++) {
          const x = figs[i];
          const y = figs[j];
          const rel = funnelOf(x.stage!, y.stage!);
          if (!rel || !comparable(x, y)) continue;
          if (siblings.has(x.id) && siblings.get(x.id) === siblings.get(y.id)) continue;
          const [early, late] = rel.ia < rel.ib ? [x, y] : [y, x];
          const detail = `${early.stageText} ${early.text} ≥ ${late.stageText} ${late.text}`;
          if (late.lo > early.hi) {
            const carry = rel.funnel.carryOver.some(([a, b]) => a === early.stage && b === late.stage);
            const args = {
              later: late.stageText!,
              laterValue: num(late.value),
              laterUnit: late.unit,
              earlier: early.stageText!,
              earlierValue: num(early.value),
              earlierUnit: early.unit,
              object: late.object ?? early.object ?? '',
            };
            ctx.report({
              messageId: carry ? 'funnel-order.carryOver' : 'funnel-order.inverted',
              args,
              range: late.range,
              related: [relatedFigure(early, early.stageText!), relatedFigure(late, late.stageText!)],
              severity: carry ? 'information' : undefined,
              data: { earlier: early.value, later: late.value, funnel: rel.funnel.id, carryOver: carry },
            });
            recordCheck(early, CODE, false, `${early.stageText} ${early.text} < ${late.stageText} ${late.text}`);
            recordCheck(late, CODE, false, `${late.stageText} ${late.text} > ${early.stageText} ${early.text}`);
          } else if (late.hi <= early.lo || (!late.approx && !early.approx && late.value <= early.value)) {
            recordCheck(early, CODE, true, detail);
            recordCheck(late, CODE, true, detail);
          }
        }
      }
    }
  },
};
