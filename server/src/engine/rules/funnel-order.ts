// funnel-order: a later stage of a case's life exceeds an earlier one for the same object, category and scope in one
// sentence (受理 91 件 > 收到 84 件; 实际出庭 > 应当出庭; 整改 > 排查; 通过 > 参加). Where cases carried over from the
// previous year can explain it (审结 > 受理, 结案 > 发案) it is a soft note that asks the writer to say so.
// Read in figures/readings/order.ts; stage orders and carry-over pairs: server/data/figures.json.
import type { Rule } from '../rule';
import { reportVerdicts } from '../figures/report';

export const funnelOrder: Rule = {
  code: 'funnel-order',
  tags: ['arithmetic', 'figures'],
  defaultSeverity: 'error',
  variants: [{ id: 'carry-over', softer: 2 }],
  check(ctx) {
    reportVerdicts(ctx, 'funnel-order', (v, r) => {
      if (v.reported?.outcome.messageId === 'funnel-order.carryOver') r.variant = 'carry-over';
    });
  },
};
