// The shape every check has. One check, one file under rules/; the registry in rules/index.ts lists them in order.
// What varies between reports (vocabularies, patterns, severities) lives in server/data/, not in the check.

import type { ReportDocument } from './document';
import type { Outline } from './outline/outline';
import type { Finding, Locale, Range, RelatedLocation, Severity } from './types';

export interface RuleContext {
  doc: ReportDocument;
  outline: Outline;
  locale: Locale;
  /** Report a finding; the engine fills in the code and the configured severity. */
  report(f: RuleReport): void;
}

export interface RuleReport {
  /** Key into server/data/messages/<locale>.json; `{name}` placeholders are filled from args. */
  messageId: string;
  args?: Record<string, string | number>;
  range: Range;
  related?: { range: Range; messageId: string; args?: Record<string, string | number> }[];
  /** Override the rule's configured severity (e.g. a softer variant of the same check). */
  severity?: Severity;
  data?: Record<string, unknown>;
}

export interface Rule {
  /** Stable diagnostic code, kebab-case, e.g. "heading-numbering". */
  code: string;
  tags: string[];
  check(ctx: RuleContext): void;
}

export type { Finding, RelatedLocation };
