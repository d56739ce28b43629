// section-order: the parts in an order the example reports never use. The allowed orders are learned (profile
// `order`: A before B in every example that has both): the 第一责任人 part may come first or third, the plan last.
import type { Rule, RuleContext } from '../rule';
import { isAnnualReport } from '../kind';

export const sectionOrder: Rule = {
  code: 'section-order',
  tags: ['sections'],
  defaultSeverity: 'information',
  check(ctx: RuleContext) {
    // the order of an annual report's parts: other texts (work summaries, statistics, news) have their own
    if (!isAnnualReport(ctx.kind)) return;
    const s = ctx.sections();
    if (s.newsStyle) return;
    const label = (id: string) => {
      const t = ctx.profile.types.find((x) => x.id === id);
      return t ? (t.label[ctx.locale] ?? t.label['zh-cn']) : id;
    };
    const late = new Map<string, string[]>();
    for (const [a, b] of ctx.profile.order) {
      const ha = s.first.get(a);
      const hb = s.first.get(b);
      if (!ha || !hb || hb.line >= ha.line) continue;
      late.set(b, [...(late.get(b) ?? []), a]);
    }
    for (const [b, before] of late) {
      const hb = s.first.get(b)!;
      ctx.report({
        messageId: 'section-order.before',
        args: { part: label(b), others: before.map(label).join('”“') },
        range: hb.range,
        related: before.map((a) => ({ range: s.first.get(a)!.range, messageId: 'section-order.related', args: { part: label(a) } })),
        data: { part: b, expectedAfter: before },
      });
    }
  },
};
