import type { Figure } from './figures/model';
import type { Table } from './tables/model';

// The engine's vocabulary. Positions follow LSP conventions (0-based line, UTF-16 character offset) so the
// language server and the JSON output of the command line can pass them on unchanged.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITY_NUMBER: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

/** A severity capped at `limit`: the softer of the two (never raised). */
export function atMost(severity: Severity, limit: Severity): Severity {
  return SEVERITY_NUMBER[severity] >= SEVERITY_NUMBER[limit] ? severity : limit;
}

export type Locale = 'zh-cn' | 'en';

export interface RelatedLocation {
  range: Range;
  message: string;
  /** Another file (a check across reports): the caller's name for it. Absent: the same document. */
  file?: string;
}

/** One problem found in a document, before it is turned into an LSP Diagnostic. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  /** Machine-readable details for quick fixes and tests (e.g. the expected numbering). */
  data?: Record<string, unknown>;
}

/**
 * How a heading was recognised. The first four are the levels of GB/T 9704 official documents:
 *   cn 一、  paren-cn （一）  arabic 1. 1、 １．  paren-arabic （1）
 * markdown: `#` headings; title: the document title line; news: an unnumbered title line of a news-style text;
 * bracket: a 【行政应诉】 run-in label; runin: 一是…二是… inside a paragraph; implicit: a section the numbering
 * implies (a restart without a new parent), named from its opening paragraph.
 */
export type HeadingKind =
  | 'title'
  | 'markdown'
  | 'cn'
  | 'paren-cn'
  | 'arabic'
  | 'paren-arabic'
  | 'news'
  | 'bracket'
  | 'runin'
  | 'implicit';

export interface OutlineNode {
  name: string;
  kind: HeadingKind;
  /** 1-based depth in the tree (the title, when there is one, is depth 1). */
  depth: number;
  /** Ordinal of a numbered heading (一 → 1, （三） → 3), if any. */
  ordinal?: number;
  /** The numbering marker as written, e.g. "（一）", "1.", "##". */
  marker?: string;
  /** A Markdown heading that is also numbered ("## 二、存在的不足"): its numbering, for the numbering check. */
  numbering?: { kind: HeadingKind; ordinal: number; marker: string; character: number };
  /** The whole section: from the heading to the last content line before the next heading of its rank or higher. */
  range: Range;
  /** The heading text itself (marker + name). */
  selectionRange: Range;
  children: OutlineNode[];
}

/** Word segmentation (nodejieba's cut). Optional: without it the engine works from characters and punctuation only. */
export type Segmenter = (text: string) => string[];

export interface AnalyzeOptions {
  locale?: Locale;
  segmenter?: Segmenter;
  /** Findings accepted in the workspace file (.fazhi-report.json): a check and the sentence it was in. */
  accepted?: { rule: string; text: string }[];
  /** Conventions learned from example reports (`fazhi-report learn`); the default profile is learned from seeds/. */
  profile?: import('./sections/profile').Profile;
  /** Per-rule settings: off, or a severity that replaces the default. */
  rules?: Record<string, RuleSetting>;
  /** Also return the report's title, body, year and required parts (the reviewer's summary page). */
  summary?: boolean;
  /**
   * Read each figure's counted noun (名目: Figure.noun, shown by the hover and the figure table). On by default; it
   * changes no finding, so a check that shows neither (the command line's `check`) turns it off to save the
   * segmenter calls it costs.
   */
  nouns?: boolean;
  /** Also return what the checks across reports need of the report (Analysis.across; a folder check's threads). */
  across?: boolean;
}

export type RuleSetting = 'off' | Severity | { severity?: Severity | 'off' };

export interface Analysis {
  outline: OutlineNode[];
  findings: Finding[];
  /** Every extracted figure with the checks it took part in (hover and `fazhi-report figures`). */
  figures?: Figure[];
  /** The report's tables, with row and column labels (see cellAt and isTableShareBacked in tables/). */
  tables?: Table[];
  /** How many findings suppression comments and accepted findings silenced. */
  suppressed?: number;
  /** What the text was taken for (annual report, partial draft, news item …) and the cues why. */
  kind?: import('./kind').DocumentKind;
  /** Errors thrown by individual rules (the other rules' findings are still returned). */
  ruleErrors: { code: string; error: string }[];
  /** With `summary: true`: title, body, year and the required parts. */
  summary?: import('./summary').ReportSummary;
  /** Title, body and year as the summary page and the checks across reports read them (summary.ts reportIdentity). */
  identity?: { title: string; body: string | null; year: number | null };
  /** With `across: true`: what the checks across reports need of it (engine/across/facts.ts). */
  across?: import('./across/facts').AcrossFacts;
}
