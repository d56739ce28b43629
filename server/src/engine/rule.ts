// The shape every check has. One check, one file under rules/; the registry in rules/index.ts lists them in order.
// What varies between reports (vocabularies, patterns, severities) lives in server/data/, not in the check.

import type { ReportDocument } from './document';
import type { Outline } from './outline/outline';
import type { FigureModel } from './figures/model';
import type { Sections } from './sections/detect';
import type { Profile } from './sections/profile';
import type { DocumentKind } from './kind';
import type { Finding, Locale, Range, RelatedLocation, Segmenter, Severity } from './types';
import type { MessageArgs } from './messages';

export interface RuleContext {
  doc: ReportDocument;
  outline: Outline;
  locale: Locale;
  // extracted once per analysis in analyze(), with the verdicts of every relation; checks read them, never write
  /** Every figure of the report with its unit, object, stage and lists (server/src/engine/figures/). */
  figures?: FigureModel;
  /** nodejieba's cut when loaded (absent before the dictionary is ready: checks must stay correct without it). */
  segmenter?: Segmenter;
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
  args?: MessageArgs;
  range: Range;
  related?: { range: Range; messageId: string; args?: MessageArgs }[];
  /** A named softer variant of the check (Rule.variants): so many steps below the check's default severity, and
   * always at least one step below the level the user configured (error → warning → information → hint). */
  variant?: string;
  /**
   * The strength of the evidence, which caps the configured severity (never raises it): strong keeps it,
   * inferred is at most a warning, soft at most an information note (figures/readings/types.ts).
   */
  cap?: 'strong' | 'inferred' | 'soft';
  data?: Record<string, unknown>;
}

/**
 * What a check is about: `arithmetic` — its findings are claims that written figures do not agree (measured by
 * `npm run fidelity` and the figure test suites); `figures` — it reads the figure model; `sections` — the report's
 * parts; `outline` — the heading numbers; `tables` — tables; `across` — several reports together.
 */
export type RuleTag = 'arithmetic' | 'figures' | 'sections' | 'outline' | 'tables' | 'across';

/** A softer variant of a check: its findings reported with `variant: id` are `softer` steps below the default. */
export interface RuleVariant {
  id: string;
  softer: 1 | 2 | 3;
}

/**
 * One check, described once (markdownlint's rule shape). Everything else is generated from the registry
 * (rules/index.ts) by `node scripts/generate.mjs`, and a test fails when a generated file is stale: the settings of
 * package.json and their descriptions (package.nls*.json), the workspace file's schema, the table of docs/rules/ and
 * of the README. Its words live in the message catalogs beside its messages: `rule.<code>.title` (one line: SARIF,
 * the summary page), `rule.<code>.name` (hover), `rule.<code>.description` (settings, the tables),
 * `rule.<code>.variant.<id>` (what a softer variant is about). Its page is docs/rules/<code>.md.
 */
export interface Rule {
  /** Stable diagnostic code, kebab-case, e.g. "heading-numbering". */
  code: string;
  tags: RuleTag[];
  /** The severity when the user configures nothing. */
  defaultSeverity: Severity | 'off';
  /** Softer variants (a carry-over note beside the funnel error); see RuleReport.variant. */
  variants?: RuleVariant[];
  /** Whether its findings carry fixes (data.fixes: quick fixes in the editor, `--fix` on the command line). */
  fixable?: boolean;
  check(ctx: RuleContext): void;
}

export type { Finding, RelatedLocation };
