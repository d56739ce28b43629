// The severity of a check: the user's setting or the rule's default, and its softer variants (Rule.variants).
import type { Rule } from './rule';
import type { AnalyzeOptions, Severity } from './types';

/** The configured severity of a check: the user's setting, else the rule's default. */
export function configuredSeverity(rule: Pick<Rule, 'code' | 'defaultSeverity'>, settings: AnalyzeOptions['rules']): Severity | 'off' {
  const setting = settings?.[rule.code];
  if (typeof setting === 'string') return setting;
  if (setting && typeof setting === 'object' && setting.severity) return setting.severity;
  return rule.defaultSeverity;
}

const RANK: Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * The severity of a check's softer variant: `steps` below the check's default, and never less than one step below
 * the configured level, so that lowering a check (funnel-order to warning) never raises its softer note and
 * raising it never drags the note up. At hint it stays hint.
 */
export function softerSeverity(configured: Severity, defaultSeverity: Severity | 'off' | undefined, steps: number): Severity {
  const base = defaultSeverity && defaultSeverity !== 'off' ? RANK.indexOf(defaultSeverity) : RANK.indexOf(configured);
  return RANK[Math.min(RANK.length - 1, Math.max(base + steps, RANK.indexOf(configured) + 1))];
}

/** The severity of a rule's declared softer variant `id` at the configured level. */
export function variantSeverity(rule: Pick<Rule, 'code' | 'defaultSeverity' | 'variants'>, configured: Severity, id: string): Severity {
  const v = rule.variants?.find((x) => x.id === id);
  if (!v) throw new Error(`${rule.code}: variant “${id}” is not declared in the rule's variants`);
  return softerSeverity(configured, rule.defaultSeverity, v.softer);
}
