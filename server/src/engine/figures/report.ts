// How a figure check reports: the verdicts of its claims (readings/index.ts) whose plausible readings all fail, each
// with the cheapest reading, every figure of it in relatedInformation, and the strength of the evidence as a cap
// on the severity. Checks never write into the model, so switching one off never changes another's findings.
import type { RuleContext, RuleReport } from '../rule';
import type { Verdict } from './readings/types';
import { formatMessage } from '../messages';

export function reportVerdicts(ctx: RuleContext, code: string, extra?: (v: Verdict, r: RuleReport) => void): void {
  const model = ctx.figures;
  if (!model) return;
  for (const v of model.verdicts) {
    if (v.claim.check !== code || !v.reported || !v.reported.outcome.messageId) continue;
    const r = v.reported;
    const report: RuleReport = {
      messageId: r.outcome.messageId!,
      args: r.outcome.args,
      range: v.claim.anchor.range,
      related: r.figures
        .filter((x) => x.role !== 'notPart')
        .map((x) => ({
          range: x.fig.range,
          messageId: 'figures.related',
          args: { role: formatMessage(ctx.locale, `figures.role.${x.role}`, { stage: x.roleArg ?? '' }).trim(), text: x.fig.text },
        })),
      cap: v.strength,
      data: { ...r.outcome.data, reading: r.assumptions.map((a) => a.id), strength: v.strength },
    };
    extra?.(v, report);
    ctx.report(report);
  }
}
