// What the checks across reports need of one report, worked out where the report is analysed: its identity, the
// figures another report's could be compared with (fewer fields, no checks), its last-year plan items and the text
// before its own plan section. A folder check's worker threads send this back instead of the whole text and every
// figure: copying every figure between threads cost more than the checks across reports themselves.
import type { ReportDocument } from '../document';
import type { Outline } from '../outline/outline';
import type { Sections } from '../sections/detect';
import { titleNode } from '../sections/year';
import type { Figure } from '../figures/model';
import type { Range } from '../types';

/** A figure as the checks across reports compare it (engine/figures/model.ts Figure, fewer fields). */
export type AcrossFigure = Pick<
  Figure,
  | 'id'
  | 'text'
  | 'line'
  | 'range'
  | 'kind'
  | 'value'
  | 'lo'
  | 'hi'
  | 'approx'
  | 'decimals'
  | 'unit'
  | 'family'
  | 'object'
  | 'objectInherited'
  | 'stage'
  | 'rateId'
  | 'category'
  | 'scope'
  | 'label'
  | 'prior'
  | 'change'
  | 'sentence'
> & {
  /** Its sentence, before it, names a year other than the report's ("2022年，全县收到…" in a 2023 report). */
  otherYear?: boolean;
};

export interface PlanItem {
  /** The item's heading without its number (“（一）”, “一是”). */
  name: string;
  range: Range;
}

export interface AcrossFacts {
  identity: { title: string; body: string; year: number | null };
  /** Counts, changes and prior values (other figures are never compared across reports), in text order. */
  figures: AcrossFigure[];
  /** The items of the report's plan section (sub-headings of it, at most PLAN_ITEMS_MAX): next year's report should account for them. */
  plan: PlanItem[];
  /** The report's text before its own plan section, line by line as read (widths folded): where a plan item may be mentioned. */
  body: string;
  /** Where a finding about the whole report goes: the title. */
  anchor: Range;
}

const PLAN_ITEMS_MAX = 30;
const SENTENCE_STOP = /[。！？!?；;]/g;
const YEAR_WORD = /((?:19|20)\d{2})\s*年/g;

/** Where a line's sentences start and where it names a year other than the report's (worked out once per line). */
interface LineYears {
  stops: number[];
  others: number[];
}

function lineYears(line: string, year: number | null): LineYears {
  const stops: number[] = [];
  for (const m of line.matchAll(SENTENCE_STOP)) stops.push(m.index! + 1);
  const others: number[] = [];
  for (const m of line.matchAll(YEAR_WORD)) if (Number(m[1]) !== year) others.push(m.index! + m[0].length);
  return { stops, others };
}

/** Does the figure's sentence, before the figure, name a year other than the report's ("2022年，全县收到…" in 2023)? */
function namesOtherYear(y: LineYears, f: Figure): boolean {
  const at = f.range.start.character;
  let from = 0;
  for (const s of y.stops) {
    if (s > at) break;
    from = s;
  }
  return y.others.some((end) => end > from && end <= at);
}

export function acrossFacts(
  doc: ReportDocument,
  outline: Outline,
  sections: Sections,
  figures: readonly Figure[],
  identity: { title: string; body: string | null; year: number | null },
): AcrossFacts {
  const year = identity.year;
  const kept: AcrossFigure[] = [];
  const years = new Map<number, LineYears>();
  for (const f of figures) {
    if (f.kind !== 'count' && !f.change && !f.prior) continue;
    const g: AcrossFigure = {
      id: f.id,
      text: f.text,
      line: f.line,
      range: f.range,
      kind: f.kind,
      value: f.value,
      lo: f.lo,
      hi: f.hi,
      approx: f.approx,
      decimals: f.decimals,
      unit: f.unit,
      family: f.family,
      label: f.label,
      sentence: f.sentence,
    };
    if (f.object !== undefined) g.object = f.object;
    if (f.objectInherited) g.objectInherited = true;
    if (f.stage !== undefined) g.stage = f.stage;
    if (f.rateId !== undefined) g.rateId = f.rateId;
    if (f.category !== undefined) g.category = f.category;
    if (f.scope !== undefined) g.scope = f.scope;
    if (f.prior) g.prior = true;
    if (f.change) g.change = f.change;
    if (f.kind === 'count') {
      let y = years.get(f.line);
      if (!y) years.set(f.line, (y = lineYears(doc.lines[f.line]?.norm ?? '', year)));
      if (namesOtherYear(y, f)) g.otherYear = true;
    }
    kept.push(g);
  }
  // the plan's items: sub-headings of the plan section (（一）…, 1.…, 一是…)
  const plan: PlanItem[] = [];
  const found = sections.first.get('plan');
  const parent = found ? found.node ?? found.top : undefined;
  if (parent) {
    for (const n of parent.children.filter((c) => c.kind !== 'title').slice(0, PLAN_ITEMS_MAX)) {
      plan.push({ name: n.name.replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]?\s*/, '').replace(/^[一二三四五六七八九十]是/, ''), range: n.selectionRange });
    }
  }
  const planStart = found ? (found.node ?? found.top)?.range.start.line ?? found.line : doc.lineCount;
  let body = '';
  for (let l = 0; l < Math.min(planStart, doc.lineCount); l++) body += doc.lines[l].norm + '\n';
  const title = titleNode(outline);
  return {
    identity: { title: identity.title, body: identity.body ?? '', year },
    figures: kept,
    plan,
    body,
    anchor: title ? title.selectionRange : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}
