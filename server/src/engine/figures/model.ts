// The figures of a report: every quantity with what it measures, and the structures the checks relate them by.
// Built once per analysis (extract.ts), read by the six figure checks, the hover and the `figures` command.
import type { Range } from '../types';

export type FigureKind = 'count' | 'percent' | 'points' | 'multiple' | 'ratio';

/** A check a figure took part in, and whether the arithmetic held. */
export interface FigureCheck {
  code: string;
  ok: boolean;
  /** Short Chinese description of the relation ("8568 / 8608 = 99.5%"). */
  detail: string;
  /** The reading it was verified (or found wrong) under: assumption ids (messages `figures.assumption.<id>`). */
  assumptions?: string[];
  /** The detail in English, where it has words (the arithmetic alone reads the same in both). */
  detailEn?: string;
}

export interface Figure {
  /** Index in FigureModel.figures (document order). */
  id: number;
  /** The figure as written, approximation words and unit included ("2.6万余件", "99.5%"). */
  text: string;
  line: number;
  range: Range;
  kind: FigureKind;
  /** The value as written, scaled by 万/亿 (for a range, its lower end). */
  value: number;
  /** Bounds: equal to value for an exact figure; an approximation (余/近/约/以上 …) or a range widens them. */
  lo: number;
  hi: number;
  approx: boolean;
  /** Digits after the decimal point as written: the precision a recomputed value is compared at. */
  decimals: number;
  /** Measure word as written ("件", "万元", "%", "个百分点", "倍"). */
  unit: string;
  /** Unit family: counts are compared within one family only (件/起/宗 are one family). */
  family: string;
  /** Canonical object (行政复议, 行政诉讼, 矛盾纠纷 …), and whether it was carried over from an earlier figure. */
  object?: string;
  objectInherited?: boolean;
  /** Canonical stage or outcome (收到, 受理, 审结, 实际出庭, 纠错 …) and the word it was read from. */
  stage?: string;
  /** An average (人均结案298.56件) or a count with decimals of whole things: no stage, no part or total of a count. */
  average?: boolean;
  /** Inside brackets opened earlier in its sentence (a note or split of another figure: "647家（其中…63家）"). */
  bracketed?: boolean;
  stageText?: string;
  /** For a percentage: the rate's name as written (综合化解率, 占比) and its definition id in figures.json. */
  rate?: string;
  rateId?: string;
  /** The category the label names (治安管理类 → 治安管理): counts of different categories are not stages of one funnel. */
  category?: string;
  /** Scope words of the label (一审, 二审, 中院, 基层, 市本级 …). */
  scope?: string[];
  /** The words before the figure in its clause (what the writer says it is). */
  label: string;
  /** The noun phrase the figure counts, from word segmentation (display only; absent without the segmenter). */
  noun?: string;
  /** Marked as the prior-period value of a comparison (较上年Y件, (2023年为Y件)). */
  prior?: boolean;
  /** A percentage after a list word (其中) that follows the count before it: a share of a part of that count, not of it. */
  afterList?: boolean;
  /** A target set for the period (结案率95%的考核任务), not a result: figures.json targetAfter. */
  target?: boolean;
  /** A change: 增长/下降 … before the figure. */
  change?: 'up' | 'down';
  /** Scope: sentence index (document-wide), clause index within the sentence, paragraph (= line). */
  sentence: number;
  clause: number;
  /** Which part of its sentence, counted by semicolons (；): a count after a semicolon that follows a rate is no base of it. */
  segment?: number;
  /** Name of the (deepest) outline section the figure sits in, when the outline has one. */
  section?: string;
  /**
   * The subject heading the figure sits under, when its section is one of several sibling sub-sections each named by a
   * short name ("（二）市长信箱", "（三）区长信箱"): a block per subject, whose counts are that subject's.
   */
  subject?: string;
  /** Checks this figure took part in. */
  checks: FigureCheck[];
}

/** A breakdown: a total and the parts a 其中 / 分别 / "…中" list or an implicit enumeration gives for it. */
export interface Breakdown {
  total: number;
  parts: number[];
  trigger: '其中' | '中' | 'implicit' | 'bracket';
  /** The list presents itself as complete: an 其他 bucket, a zero part, or shares adding up to 100%. */
  complete: boolean;
  /** Why complete (for the message). */
  completeReason?: { id: 'other' | 'zero' | 'sharesHundred' | 'totalWord' | 'counted'; args: Record<string, string | number> };
  /** Parts that are inside another part rather than beside it (not summed). */
  nested: number[];
  /** The total was taken from the previous sentence (其中 opens a sentence with no count before it). */
  totalFromPrevious?: boolean;
  /** Other figures stand between the total and the list word ("2474项…，录入率100%，行政许可类事项…压缩比达89%，其中，
   * 不见面审批事项2369项"): the list may be of what a clause between names. */
  totalDistant?: boolean;
  /** 其中 is followed by where (其中在某县…): the list may be of any count before it, not only the nearest. */
  scoped?: boolean;
  /** Other counts of the family before the list (this sentence, or the previous one): other plausible totals. */
  candidates?: number[];
  /** The counts of the family in earlier sentences of the paragraph (than the previous one, for a list opening its
   * sentence): the 其中 may go back to what the paragraph is about. */
  earlier?: number[];
}

export interface Sentence {
  index: number;
  line: number;
  /** Offsets in the line. */
  start: number;
  end: number;
  figures: number[];
}

export interface FigureModel {
  figures: Figure[];
  sentences: Sentence[];
  breakdowns: Breakdown[];
  /** The document's tables (engine/tables): a row's total is a statement of a metric too (readings/same.ts). */
  tables?: import('../tables/model').Table[];
  /** Every written relation read every plausible way, and its verdict (readings/index.ts), once per analysis. */
  verdicts: import('./readings/types').Verdict[];
  /** Whether word segmentation was available (conflicting-figure compares labels as words with it, as strings without). */
  segmented: boolean;
  /**
   * With the segmenter: a figure's label cut into words (conflicting-figure's second key), on demand and once per
   * figure. The native call is the costliest step of an analysis, and the key is wanted only for figures that share
   * every other part of their key with another figure (a few per report).
   */
  labelWords?: (f: Figure) => string[];
  /** The report's own year (sections/year.ts findReportYear), when the caller knows it. */
  reportYear?: number;
  /**
   * The copy has lost characters of its figures: shares written with no per cent sign ("占52；劳动权益类1件，占2；"),
   * as a copy that dropped every % (and often every 0) reads. Its figure findings are only notes (readings/index.ts).
   */
  damagedCopy?: boolean;
}

/** Records a relation a figure took part in (readings/index.ts only: checks never write into the model). */
/** The list (of two parts or more) that has the figure `id` as one of its parts, if any. */
export function listWithPart(model: FigureModel, id: number): Breakdown | undefined {
  return model.breakdowns.find((b) => b.parts.length >= 2 && b.parts.includes(id));
}

export function recordCheck(f: Figure, code: string, ok: boolean, detail: string, assumptions: string[] = [], detailEn?: string): void {
  // a figure in a dense list takes part in many relations: the first MAX_CHECKS are kept (failures always)
  if (f.checks.length >= MAX_CHECKS && ok) return;
  if (!f.checks.some((c) => c.code === code && c.ok === ok && c.detail === detail)) f.checks.push({ code, ok, detail, ...(assumptions.length ? { assumptions } : {}), ...(detailEn && detailEn !== detail ? { detailEn } : {}) });
}
const MAX_CHECKS = 12;

/** Two counts written side by side in two units with nothing between ("33件40人"): one count, in cases and in persons. */
export function writtenTogether(a: Figure, b: Figure): boolean {
  return a.kind === 'count' && b.kind === 'count' && a.family !== b.family && a.sentence === b.sentence && a.range.end.character === b.range.start.character;
}

/** A label opening with a year: "2023年行政执法办案量为" → 2023, "行政执法办案量". */
const YEAR_LABEL = /^\s*((?:19|20)\d{2})\s*年度?(.*?)(?:为|是|达|共)?$/;

/**
 * "2023年行政执法办案量为147起，2024年行政执法办案量为113起": the same words after the next year — the second is the
 * current value of the first (extract.ts marks the first a prior; readings/change.ts pairs them).
 */
export function nextYearOf(y: Figure, x: Figure): boolean {
  const a = YEAR_LABEL.exec(y.label);
  const b = YEAR_LABEL.exec(x.label);
  return !!a && !!b && Number(b[1]) === Number(a[1]) + 1 && a[2].trim().length >= 2 && a[2].trim() === b[2].trim();
}
