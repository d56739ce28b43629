// Helpers the figure checks share for reporting: a related-information entry per figure involved.
import type { RuleReport } from '../rule';
import type { Figure } from './model';

export function relatedFigure(f: Figure, role: string): NonNullable<RuleReport['related']>[number] {
  return { range: f.range, messageId: 'figures.related', args: { role, text: f.text } };
}

/** A figure's role for messages: its stage, rate name or label ("受理", "综合化解率"). */
export function roleOf(f: Figure): string {
  return f.rate ?? f.stageText ?? (f.label.slice(-8) || f.text);
}
