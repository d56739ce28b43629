// The shape every check has. One check, one file under rules/; the registry in rules/index.ts lists them in order.
// What varies between reports (vocabularies, patterns, severities) lives in server/data/, not in the check.

import type { ReportDocument } from './document';
import type { Outline } from './outline/outline';
import type { FigureModel } from './figures/model';
import type { Sections } from './sections/detect';
import type { Profile } from './sections/profile';
import type { DocumentKind } from './kind';
import type { Finding, Locale, Range, RelatedLocation, Segmenter, Severity } from './types';

export interface RuleContext {
  doc: ReportDocument;
  outline: Outline;
  locale: Locale;
  // --- figures (issue 3): extracted once per analysis in analyze(); the figure checks read and annotate them ---
  /** Every figure of the report with its unit, object, stage and lists (server/src/engine/figures/). */
  figures?: FigureModel;
  /** nodejieba's cut when loaded (absent before the dictionary is ready: checks must stay correct without it). */
  segmenter?: Segmenter;
  // --- end figures ---
  /** The conventions checked against (learned from example reports; the default one from seeds/). */
  profile: Profile;
  /** The report's parts (举措和成效, 不足, 原因, 第一责任人, 安排, learned expected parts), found once on first use. */
  sections(): Sections;
  /** What the text is (annual report, partial draft, news item …) and why: only annual reports are checked part by part. */
  kind: DocumentKind;
  /** Report a finding; the engine fills in the code and the configured severity. */
  report(f: RuleReport): void;
}

export interface RuleReport {
  /** Key into server/data/messages/<locale>.json; `{name}` placeholders are filled from args. */
  messageId: string;
  args?: Record<string, string | number>;
  range: Range;
  related?: { range: Range; messageId: string; args?: Record<string, string | number> }[];
  /**
   * A softer variant of the check (a carry-over note beside the funnel error, a learned convention beside a
   * required part): so many steps below the check's default severity, and always at least one step below the
   * level the user configured (error → warning → information → hint). See softerSeverity in index.ts.
   */
  softer?: 1 | 2 | 3;
  /**
   * Older form of a variant: an absolute severity, read as an offset from the check's default (a variant that
   * says 'information' for a check whose default is 'error' is two steps softer). Prefer `softer`.
   */
  severity?: Severity;
  /**
   * The strength of the evidence, which caps the configured severity (never raises it): strong keeps it,
   * inferred is at most a warning, soft at most an information note (figures/readings/types.ts).
   */
  cap?: 'strong' | 'inferred' | 'soft';
  data?: Record<string, unknown>;
}

export interface Rule {
  /** Stable diagnostic code, kebab-case, e.g. "heading-numbering". */
  code: string;
  tags: string[];
  check(ctx: RuleContext): void;
}

export type { Finding, RelatedLocation };
