// Arithmetic the figure readings share: does a quotient reproduce a written percentage (rounded or truncated at the
// written precision, or inside the bounds of an approximate one; matchOf says which), and which counts a rate is
// made of (resolveRate: the numerator and every candidate base, each with its scope; readings/rate.ts weighs them).
import { writtenTogether, type Breakdown, type Figure, type FigureModel } from './model';
import { formatFixed, formatPlain } from './numbers';
import { namedShareBase, rateById, scanVocabulary, scanWords, stageGroups, stageGroupsOptional, type RateDef } from './vocab';
import { WINDOW } from './extract';

const EPS = 1e-9;

/** Is `x` (a percentage, ratio or change value) what the writer would print as figure `p`? */
/** What matching a computed value against a written figure reads of it. */
export type WrittenValue = Pick<Figure, 'value' | 'lo' | 'hi' | 'approx' | 'decimals'>;

export function reproduces(x: number, p: WrittenValue): boolean {
  if (!Number.isFinite(x)) return false;
  const unit = 10 ** -p.decimals;
  if (p.approx) {
    // bounds widened by half a written digit (98%以上 accepts 97.96%)
    return x >= p.lo - unit / 2 - EPS && x <= p.hi + unit / 2 + EPS;
  }
  const rounded = Math.abs(x - p.value) <= unit / 2 + EPS;
  const truncated = x >= p.value - EPS && x < p.value + unit - EPS;
  return rounded || truncated;
}

/** The percentage as the writer would print it at `decimals` places (rounded half up). */
export function asWritten(x: number, decimals: number): string {
  return formatFixed(x, decimals);
}

export function num(x: number): string {
  return formatPlain(x);
}

/**
 * A sum of counts as the report writes them: in 万 or 亿 when every one of them is written so ("1218.2万" rather than
 * 12182000), else as a plain number.
 */
export function numAsWritten(value: number, figs: readonly Figure[]): string {
  const magnitude = figs.length ? writtenMagnitude(figs[0]) : undefined;
  if (!magnitude || figs.some((f) => writtenMagnitude(f) !== magnitude)) return num(value);
  return num(Number((value / scanVocabulary.magnitudes.get(magnitude)!).toPrecision(12))) + magnitude;
}
const TRADITIONAL_MAGNITUDES: Record<string, string> = { 萬: '万', 億: '亿' };
/** The magnitude (figures.json magnitudes: 万, 亿) a count is written in, if any. */
function writtenMagnitude(f: Figure): string | undefined {
  if (f.kind !== 'count') return undefined;
  for (const c of f.text) {
    // (a traditional-script copy writes 萬, 億)
    const m = TRADITIONAL_MAGNITUDES[c] ?? c;
    if (scanVocabulary.magnitudes.has(m)) return m;
  }
  return undefined;
}

/** A term of a rate: the figures it adds up and their total. */
export interface Term {
  value: number;
  figs: Figure[];
  /** What it is, for messages: "审结 78", "纠错 2 + 3 + 1". */
  label: string;
  /** The base's kind: the conventional one for the rate's name, or another count that happens to be nearby. */
  right?: boolean;
  scope?: 'sentence' | 'paragraph' | 'previous' | 'document';
  exact: boolean;
  /** Other values the term may have by convention (纠错 with or without 改正后终止). */
  alts?: { value: number; figs: Figure[]; label: string }[];
  /** A list's total with other figures between it and the list word (Breakdown.totalDistant). */
  distant?: boolean;
}

export interface RateResolution {
  pct: Figure;
  def?: RateDef;
  numerator?: Term;
  bases: Term[];
  /** A share after 其中 with no count of its own: the count before 其中, of which it is a part's share. */
  whole?: Figure;
  /**
   * Some of the numerator's terms, when the others are not stated (综合纠错率 with 纠错 given and no 调解和解): the rate is
   * at least these over the base, since the missing terms only add to it.
   */
  partial?: Term;
}

/** Figures of the nearest earlier line that has figures, when it is at most two lines up (PARAGRAPH_FIGURES at most). */
export function previousParagraphFigures(model: FigureModel, f: Figure): Figure[] {
  const out: Figure[] = [];
  let line = -1;
  for (let id = f.id - 1; id >= 0 && f.id - id <= PARAGRAPH_FIGURES; id--) {
    const g = model.figures[id];
    if (g.line === f.line) continue;
    if (line < 0) {
      if (f.line - g.line > 2) break;
      line = g.line;
    }
    if (g.line !== line) break;
    out.push(g);
  }
  return out;
}

/** How many figures either side of a rate its paragraph is searched (bounded by figures, not by paragraph length). */
const PARAGRAPH_FIGURES = 48;
const PARAGRAPH_SPAN = 12;

/**
 * Figures of the neighbouring sentences of the same paragraph: at most PARAGRAPH_SPAN sentences and
 * PARAGRAPH_FIGURES figures either side, so a lookup costs the same however long the paragraph is.
 */
export function lineFigures(model: FigureModel, f: Figure): Figure[] {
  const out: Figure[] = [];
  const from = Math.max(0, f.id - PARAGRAPH_FIGURES);
  const to = Math.min(model.figures.length - 1, f.id + PARAGRAPH_FIGURES);
  for (let id = from; id <= to; id++) {
    const g = model.figures[id];
    if (g.line === f.line && Math.abs(g.sentence - f.sentence) <= PARAGRAPH_SPAN) out.push(g);
  }
  return out;
}

function isCountLike(f: Figure): boolean {
  return f.kind === 'count' && !f.prior && !f.change && !f.average;
}

function nearest(figs: Figure[], pct: Figure, pred: (f: Figure) => boolean): Figure | undefined {
  let best: Figure | undefined;
  for (const f of figs) {
    if (!pred(f)) continue;
    if (f.id < pct.id) best = f; // the last one before the rate
    else if (!best) return f; // none before: the first one after
  }
  return best;
}

/** A figure meaning exactly its value: no approximation word, and not rounded by a magnitude (42.02万 has a width: lo < hi). */
export function isExact(f: Figure): boolean {
  return !f.approx && f.lo === f.hi;
}

function termOf(figs: Figure[], name: string): Term {
  const value = figs.reduce((a, f) => a + f.value, 0);
  const exact = figs.every(isExact);
  const nums = figs.map((f) => numAsWritten(f.value, [f])).join(' + ');
  return { value, figs, label: name ? `${name} ${nums}` : nums, exact };
}

/** The counts of one stage for a rate: a figure of that stage, or the sum of its group (纠错 = 撤销 + 确认违法 + …). */
/** Scope words (一审, 二审, 各类 …) agree when either names none or both name the same. */
export function scopesAgree(a: Figure, b: Figure): boolean {
  const x = a.scope ?? [];
  const y = b.scope ?? [];
  return !x.length || !y.length || (x.length === y.length && x.every((w) => y.includes(w)));
}

/**
 * `object`: the numerator's object, when the base is looked for a stated numerator: a count of another object is no
 * base of it ("司法调解受理956件，调处612件；信访案件94件，办结86件，办结率91.5%": not 86 / 956).
 */
function stageTerm(figs: Figure[], pct: Figure, stage: string, family?: string, object?: string): Term | undefined {
  const direct = nearest(figs, pct, (f) => isCountLike(f) && f.stage === stage && (!family || f.family === family) && (!object || !f.object || f.object === object) && scopesAgree(f, pct));
  if (direct) return termOf([direct], stage);
  const group = stageGroups[stage];
  if (!group) return undefined;
  const members: Figure[] = [];
  for (const g of group) {
    const m = nearest(figs, pct, (f) => isCountLike(f) && f.stage === g && (!family || f.family === family) && scopesAgree(f, pct));
    if (m) members.push(m);
  }
  if (!members.length) return undefined;
  const term = termOf(members, stage);
  const optional: Figure[] = [];
  for (const g of stageGroupsOptional[stage] ?? []) {
    const m = nearest(figs, pct, (f) => isCountLike(f) && f.stage === g && (!family || f.family === family));
    if (m) optional.push(m);
  }
  if (optional.length) {
    const withOpt = termOf([...members, ...optional], stage);
    term.alts = [{ value: withOpt.value, figs: withOpt.figs, label: withOpt.label }];
  }
  return term;
}

function objectsAgree(a: Figure[], b: Figure): boolean {
  const o = a.find((f) => f.object)?.object;
  return !!o && o === b.object;
}

/** The lists of a model by a key of theirs, built once per model (`keys`: each list's keys). */
function listIndex(cache: WeakMap<FigureModel, Map<number, Breakdown[]>>, model: FigureModel, keys: (b: Breakdown) => number[]): Map<number, Breakdown[]> {
  let index = cache.get(model);
  if (!index) {
    index = new Map();
    for (const b of model.breakdowns) {
      for (const k of keys(b)) {
        const list = index.get(k);
        if (list) list.push(b);
        else index.set(k, [b]);
      }
    }
    cache.set(model, index);
  }
  return index;
}

const partIndex = new WeakMap<FigureModel, Map<number, Breakdown[]>>();
/** The lists a figure is a part of (indexed once per model: no scan of every list per rate). */
function breakdownsOfPart(model: FigureModel, id: number): Breakdown[] {
  return listIndex(partIndex, model, (b) => b.parts).get(id) ?? [];
}

const sentenceIndex = new WeakMap<FigureModel, Map<number, Breakdown[]>>();
/** The lists whose total is in a sentence (indexed once per model: no scan of every list per list). */
export function listsOfSentence(model: FigureModel, sentence: number): Breakdown[] {
  return listIndex(sentenceIndex, model, (b) => [model.figures[b.total].sentence]).get(sentence) ?? [];
}

/** Both sides name scope words (一审, 各类, 市本级 …) and not the same ones. */
function scopesDiffer(a: Figure[], b: Figure[]): boolean {
  const sa = new Set(a.flatMap((f) => f.scope ?? []));
  const sb = new Set(b.flatMap((f) => f.scope ?? []));
  return sa.size > 0 && sb.size > 0 && ![...sa].some((w) => sb.has(w));
}

/** The same count written in another unit right beside it, with no words between ("33件40人"). */
function unitPartner(model: FigureModel, f: Figure): Figure | undefined {
  const same = (g: Figure) => g.stage === f.stage && !g.prior && !g.change;
  const before = model.figures[f.id - 1];
  if (before && writtenTogether(before, f) && same(before)) return before;
  const after = model.figures[f.id + 1];
  return after && writtenTogether(f, after) && same(after) ? after : undefined;
}

const priorPartIndex = new WeakMap<FigureModel, Map<number, Set<number>>>();
/** The parts of a sentence (by semicolon) whose first count is of the previous period (worked out once per sentence). */
function priorPartsOf(model: FigureModel, sentence: number): Set<number> {
  let bySentence = priorPartIndex.get(model);
  if (!bySentence) priorPartIndex.set(model, (bySentence = new Map()));
  let parts = bySentence.get(sentence);
  if (!parts) {
    parts = new Set();
    const opened = new Set<number>();
    for (const id of model.sentences[sentence].figures) {
      const f = model.figures[id];
      if (f.kind !== 'count' || opened.has(f.segment ?? 0)) continue;
      opened.add(f.segment ?? 0);
      if (f.prior) parts.add(f.segment ?? 0);
    }
    bySentence.set(sentence, parts);
  }
  return parts;
}

/** Numerator and candidate bases of a percentage (or ratio). */
export function resolveRate(model: FigureModel, pct: Figure): RateResolution {
  const res: RateResolution = { pct, bases: [] };
  if (pct.kind !== 'percent' || !pct.rateId) return res;
  const def = rateById.get(pct.rateId);
  res.def = def;
  if (!def) return res;
  // figures of a sentence have consecutive ids: the window around the rate is a slice
  const ids = model.sentences[pct.sentence].figures;
  const at = pct.id - ids[0];
  // (a count after a semicolon that follows the rate is of the next statement: "直接办结率85.86%；受理省派工单2917件")
  // (and a part of the sentence that speaks of the previous period, "；去年同期收案208件，结案36件，结案率17.31%", as its
  // first count says: its counts and another part's rate are no numerator or base of each other)
  const seg = pct.segment ?? 0;
  const priorParts = priorPartsOf(model, pct.sentence);
  const window = ids
    .slice(Math.max(0, at - WINDOW), at + WINDOW + 1)
    .map((id) => model.figures[id])
    .filter((f) => (f.segment ?? 0) === seg || (f.id <= pct.id && !priorParts.has(seg) && !priorParts.has(f.segment ?? 0)));
  if (def.numerator) {
    // a rate whose own part of the sentence (after a semicolon) states its base ("罚款21400元；受理群众举报12件，办结率
    // 100%") is of what that part counts: its numerator is not looked for in the parts before
    const ownPart = window.filter((f) => (f.segment ?? 0) === seg);
    const numeratorWindow = seg > 0 && ownPart.some((f) => f.id < pct.id && isCountLike(f) && !!f.stage && (def.base ?? []).includes(f.stage)) ? ownPart : window;
    const terms: Term[] = [];
    for (const st of def.numerator) {
      let t = stageTerm(numeratorWindow, pct, st);
      if (!t) {
        // the counts stated just before, in an earlier sentence of the paragraph ("应当出庭185件、实际出庭170件。
        // 出庭率100%。"): one unambiguous count of the stage, of the rate's object when both name one
        const earlier = lineFigures(model, pct).filter(
          (f) => f.sentence < pct.sentence && isCountLike(f) && !f.prior && !f.change && (!pct.object || !f.object || f.object === pct.object),
        );
        const cand = earlier.filter((f) => f.stage === st);
        if (cand.length === 1) t = { ...termOf(cand, st), scope: 'paragraph' };
        // or its group, each member stated once there ("维持128件、确认违法9件、撤销14件、责令履行5件。直接纠错率13.0%")
        const group = stageGroups[st];
        if (cand.length === 0 && group && group.every((g) => earlier.filter((f) => f.stage === g).length <= 1)) {
          const gt = stageTerm(earlier, pct, st);
          if (gt) t = { ...gt, scope: 'paragraph' };
        }
      }
      if (t) terms.push(t);
    }
    const figs = terms.flatMap((t) => t.figs);
    if (terms.length > 0 && terms.length < def.numerator.length && new Set(figs.map((f) => f.family)).size === 1 && terms.every((x) => x.scope !== 'paragraph' && x.exact)) {
      res.partial = { value: terms.reduce((a, x) => a + x.value, 0), figs, label: terms.map((x) => x.label).join(' + '), exact: true, scope: 'sentence' };
    }
    if (terms.length === def.numerator.length && new Set(figs.map((f) => f.family)).size === 1) {
      res.numerator = {
        value: terms.reduce((a, t) => a + t.value, 0),
        figs,
        label: terms.map((t) => t.label).join(' + '),
        exact: terms.every((t) => t.exact),
        scope: terms.some((t) => t.scope === 'paragraph') ? 'paragraph' : 'sentence',
      };
      // a term with a conventional alternative (纠错 + 改正后终止) gives the numerator an alternative too
      const alt = terms.find((t) => t.alts?.length);
      if (alt) {
        const a = alt.alts![0];
        const others = terms.filter((t) => t !== alt);
        res.numerator.alts = [
          {
            value: a.value + others.reduce((x, t) => x + t.value, 0),
            figs: [...a.figs, ...others.flatMap((t) => t.figs)],
            label: [a.label, ...others.map((t) => t.label)].join(' + '),
          },
        ];
      }
    }
  } else {
    // a share, or a rate we only know by name: the count just before it in its sentence
    // (not a count in brackets the share is outside of: "合伙所647家（其中外省分所63家），占85.6%" is 647's share)
    const before = window.filter((f) => f.id < pct.id && (!f.bracketed || !!pct.bracketed));
    const last = before[before.length - 1];
    if (!last || last.kind !== 'count' || last.prior || last.change) return res;
    if (def.share && pct.afterList) {
      res.whole = last;
      return res;
    }
    res.numerator = termOf([last], last.stage ?? '');
  }
  const numer = res.numerator;
  if (!numer) {
    // no numerator: only the conventional bases of the sentence, for the GRIM test of impossible-percentage
    for (const st of def.base ?? []) {
      const t = stageTerm(window, pct, st);
      if (t) res.bases.push({ ...t, right: true, scope: 'sentence' });
    }
    return res;
  }
  const family = numer.figs[0].family;
  const used = new Set(numer.figs.map((f) => f.id));
  // conventional bases
  if (def.base) {
    for (const st of def.base) {
      let t = stageTerm(window, pct, st, family, numer.figs.find((f) => f.object)?.object);
      // a base of another scope than the numerator's (受理各类行政案件2203件 … 一审行政诉讼案件审结950件，结案率83%)
      if (t && scopesDiffer(numer.figs, t.figs)) t = undefined;
      const ownSentenceOnly = def.baseInSentence?.includes(st) ?? false;
      if (ownSentenceOnly) {
        if (t && t.value < numer.value) t = undefined;
        if (!t) continue;
      }
      let scope: Term['scope'] = 'sentence';
      if (!t) {
        const para = lineFigures(model, pct).filter((f) => f.sentence !== pct.sentence && objectsAgree(numer.figs, f));
        const cand = para.filter((f) => isCountLike(f) && f.stage === st && f.family === family && !scopesDiffer(numer.figs, [f]));
        if (cand.length === 1) {
          t = termOf(cand, st);
          scope = 'paragraph';
        } else if (cand.length === 0) {
          // the paragraph just before (a count stated, then its outcomes and rates in the next paragraph): one
          // count of the stage there, of no other object
          const prev = previousParagraphFigures(model, pct).filter(
            (f) => isCountLike(f) && f.stage === st && f.family === family && (!f.object || !numer.figs[0].object || f.object === numer.figs[0].object) && !scopesDiffer(numer.figs, [f]),
          );
          if (prev.length === 1) {
            t = termOf(prev, st);
            scope = 'previous';
          }
        }
      }
      if (!t || t.figs.some((f) => used.has(f.id))) continue;
      res.bases.push({ ...t, right: true, scope });
      if (def.baseMinus) {
        const minus: Figure[] = [];
        for (const m of def.baseMinus) {
          const mt = stageTerm(window, pct, m, family);
          if (mt) minus.push(...mt.figs);
        }
        if (minus.length) {
          const v = t.value - minus.reduce((a, f) => a + f.value, 0);
          res.bases.push({
            value: v,
            figs: [...t.figs, ...minus],
            label: `${t.label} − ${def.baseMinus.join('、')} ${minus.map((f) => num(f.value)).join(' + ')}`,
            right: true,
            scope,
            exact: t.exact && minus.every((f) => !f.approx),
          });
        }
      }
    }
  }
  // a base that adds up stages (不捕率 = 不捕 / (逮捕 + 不捕)), each the nearest count of its stage in the numerator's unit;
  // where the counts are written in cases and persons ("不批准逮捕33件40人"), the rate may be of either: both are read
  if (def.baseSum) {
    const partner = numer.figs.length === 1 ? unitPartner(model, numer.figs[0]) : undefined;
    if (partner) (numer.alts ??= []).push({ value: partner.value, figs: [partner], label: termOf([partner], partner.stage ?? '').label });
    for (const fam of partner ? [family, partner.family] : [family]) {
      const terms = def.baseSum.map((st) => stageTerm(window, pct, st, fam, numer.figs.find((f) => f.object)?.object));
      if (terms.every((x): x is Term => !!x) && new Set(terms.flatMap((x) => x.figs.map((f) => f.id))).size === terms.length) {
        const figs = terms.flatMap((x) => x.figs);
        res.bases.push({ ...termOf(figs, def.baseSum.join(' + ')), right: true, scope: 'sentence' });
      }
    }
  }
  // a share's list total
  // "占全省的5.2%" names its own base: the list total is not assumed
  const namedBase = namedShareBase.test(pct.label);
  // a base named by what it counts, not by a stage (占诉讼案件的21.75%): the list's total when it counts that
  const baseWords = namedBase ? scanWords(pct.label.slice(pct.label.lastIndexOf('占'))) : [];
  const namedObject = baseWords.find((w) => w.type === 'object')?.id;
  const namesObjectOnly = !!namedObject && !baseWords.some((w) => w.type === 'stage');
  if (def.share && numer.figs.length === 1 && (!namedBase || namesObjectOnly)) {
    for (const b of breakdownsOfPart(model, numer.figs[0].id)) {
      if (b.trigger === 'implicit') continue;
      {
        const t = model.figures[b.total];
        if (namedBase && t.object !== namedObject) continue;
        if (t.sentence === pct.sentence) res.bases.push({ ...termOf([t], t.stage ?? '总数'), right: true, scope: 'sentence', distant: b.totalDistant });
        // "…审结2755件。其中，维持1691件，占比61.4%；…": the list's total, a stage count, closes the sentence before
        // (or a count of the object the share names: "…一审案件434件…。其中，…出庭应诉的87件，占诉讼案件的21.75%")
        else if (b.totalFromPrevious && (t.stage || (t.object && t.object === pct.object && !t.objectInherited))) res.bases.push({ ...termOf([t], t.stage ?? '总数'), right: true, scope: 'paragraph' });
      }
    }
  }
  // any other count before the rate in its sentence, of the same family and not smaller than the numerator
  for (const f of window) {
    if (used.has(f.id) || !isCountLike(f) || f.family !== family || f.value < numer.value) continue;
    if (res.bases.some((b) => b.figs.length === 1 && b.figs[0].id === f.id)) continue;
    if (f.id > pct.id) continue;
    res.bases.push({ ...termOf([f], f.stage ?? ''), right: false, scope: 'sentence' });
  }
  // a share with no total in its sentence (新纳入…案件共计176件，占比为2%): an earlier total of the same object
  // anywhere before it (全市新收行政复议申请8745件); for a count naming no object (公安交管类380件，占比34%), the nearest
  // few larger counts before it (收到群众来信1113件, lines above). Verification only: a base this far away is never flagged.
  if (def.share && !res.bases.some((b) => b.right) && numer.figs.length === 1 && !numer.figs[0].objectInherited) {
    const o = numer.figs[0].object;
    let unnamed = 0;
    for (let id = pct.id - 1; id >= 0 && pct.id - id <= DOCUMENT_SPAN && unnamed < UNNAMED_TOTALS; id--) {
      const f = model.figures[id];
      if (f.sentence === pct.sentence || !isCountLike(f) || f.family !== family || f.objectInherited || f.value <= numer.value) continue;
      if (o ? f.object !== o : f.approx) continue;
      if (!o) unnamed++;
      res.bases.push({ ...termOf([f], f.stage ?? ''), right: false, scope: 'document' });
    }
  }
  // a share that names its base after the last part of a 其中 list (终止13件，其中和解4件，撤回9件，占受理总数的17.8%):
  // it may be the whole list's share (13 / 73), not its last part's
  if (def.share && namedBase && numer.figs.length === 1) {
    const last = numer.figs[0];
    for (const b of breakdownsOfPart(model, last.id)) {
      const t = model.figures[b.total];
      if (b.trigger !== '其中' || b.parts[b.parts.length - 1] !== last.id || t.sentence !== pct.sentence || t.family !== family || t.approx) continue;
      (numer.alts ??= []).push({ value: t.value, figs: [t], label: termOf([t], t.stage ?? '总数').label });
    }
  }
  // a share that names its base's stage (占受理总数的40.4%, 占审结案件的18.3%): the counts of that stage before it,
  // nearest first. Verification only, like any base this far away; but the one count of that stage earlier in the
  // paragraph is the base the writer names ("立案受理15件。经过审理，维持5件，占受理案件总数的38%": 5 / 15 = 33%)
  if (def.share && namedBase && numer.figs.length === 1 && !res.bases.some((b) => b.right)) {
    const named = new Set(scanWords(pct.label.slice(pct.label.lastIndexOf('占'))).filter((w) => w.type === 'stage').map((w) => w.id));
    const inParagraph = lineFigures(model, pct).filter((f) => f.id < pct.id && isCountLike(f) && !!f.stage && named.has(f.stage) && f.family === family && !f.approx);
    let found = 0;
    for (let id = pct.id - 1; named.size && id >= 0 && pct.id - id <= DOCUMENT_SPAN && found < 3; id--) {
      const f = model.figures[id];
      if (!isCountLike(f) || !f.stage || !named.has(f.stage) || f.family !== family || f.value <= numer.value || used.has(f.id)) continue;
      if (res.bases.some((b) => b.figs.length === 1 && b.figs[0].id === f.id)) continue;
      const only = found === 0 && inParagraph.length === 1 && inParagraph[0] === f;
      res.bases.push({ ...termOf([f], f.stage), right: only, scope: only ? 'paragraph' : 'document' });
      found++;
    }
  }
  return res;
}

/** How many figures back a share looks for a total outside its sentence. */
const DOCUMENT_SPAN = 200;
/** How many earlier counts a share of a count naming no object tries as its total (nearest first). */
const UNNAMED_TOTALS = 8;

/** Percent value of a quotient. */
export function percent(n: number, d: number): number {
  return (n / d) * 100;
}

/**
 * Values a whole may have for `part` (a count's bounds) to give `share` of it, or more: (part / whole) × 100 within
 * the share's bounds widened by a written digit, and then by half again each way, so that every test of "does this
 * count over that whole give the share" (rounded, truncated, approximate, counts as ranges) can only hold inside.
 * For looking a whole up by value (countsInValueRange) instead of trying every count of a report.
 */
export function wholeRange(part: { lo: number; hi: number }, share: WrittenValue): [number, number] {
  const unit = 10 ** -share.decimals;
  const top = share.hi + unit;
  const bottom = share.lo - unit;
  return [(part.lo * 100) / top / 2, bottom > 0 ? ((part.hi * 100) / bottom) * 2 : Infinity];
}

/** Each value once, ascending: the form valuesInRange searches. */
export function sortedValues(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * The most distinct values one lookup goes through (a share of 0–1% may be of any larger count: its range has no top),
 * and the most counts it keeps of one kind at one value (the same count repeated down a long report: the first few
 * stand for the rest). Lookups stay bounded whatever the report holds.
 */
export const MAX_VALUES_LOOKED_UP = 256;
export const COUNTS_PER_KIND = 2;

/** The first index of a sorted list whose key is at least `x`. */
function lowerBound<T>(list: readonly T[], x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The values of a sorted list (each once) within [lo, hi], at most MAX_VALUES_LOOKED_UP of them, smallest first. */
export function valuesInRange(sorted: readonly number[], [lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  for (let i = lowerBound(sorted, lo, (v) => v); i < sorted.length && sorted[i] <= hi && out.length < MAX_VALUES_LOOKED_UP; i++) out.push(sorted[i]);
  return out;
}

/** The counts of a report by value: its distinct values, and for each the first few counts of each kind. */
interface CountIndex {
  values: number[];
  exactValues: number[];
  byValue: Map<number, Figure[]>;
}
const countIndexes = new WeakMap<FigureModel, CountIndex>();

function countIndex(model: FigureModel): CountIndex {
  let index = countIndexes.get(model);
  if (index) return index;
  const byValue = new Map<number, Figure[]>();
  const exact = new Set<number>();
  // (a kind: what any test made of a count found this way reads of it; the counts kept at one value are few, so they
  // are compared one by one)
  const sameKind = (a: Figure, b: Figure) => a.family === b.family && a.stage === b.stage && a.object === b.object && a.approx === b.approx && a.lo === b.lo && a.hi === b.hi;
  for (const f of model.figures) {
    if (f.kind !== 'count' || f.prior || f.change || f.value <= 0) continue;
    if (isExact(f)) exact.add(f.value);
    const list = byValue.get(f.value);
    if (!list) byValue.set(f.value, [f]);
    else if (list.filter((g) => sameKind(g, f)).length < COUNTS_PER_KIND) list.push(f);
  }
  index = { values: sortedValues(byValue.keys()), exactValues: sortedValues(exact), byValue };
  countIndexes.set(model, index);
  return index;
}

/**
 * Counts of the report (not priors or changes, above zero) whose value is within [lo, hi], smallest value first (at
 * one value, in document order): looked up by value, not searched for among every figure (the first COUNTS_PER_KIND
 * of each kind at each value, from at most MAX_VALUES_LOOKED_UP values).
 */
export function countsInValueRange(model: FigureModel, range: [number, number]): Figure[] {
  const index = countIndex(model);
  const out: Figure[] = [];
  for (const v of valuesInRange(index.values, range)) for (const f of index.byValue.get(v)!) out.push(f);
  return out;
}

/** The values of the report's exact counts within [lo, hi] (each once, at most MAX_VALUES_LOOKED_UP). */
export function exactCountValuesInRange(model: FigureModel, range: [number, number]): number[] {
  return valuesInRange(countIndex(model).exactValues, range);
}

/**
 * GRIM: can some whole k out of n give the written percentage (rounded or truncated)? Also returns the closest k.
 */
export function grim(p: Figure, n: number): { possible: boolean; k: number; closest: number } {
  const target = (p.value / 100) * n;
  let bestK = Math.round(target);
  let best = Infinity;
  for (let k = Math.floor(target) - 1; k <= Math.ceil(target) + 1; k++) {
    if (k < 0 || k > n) continue;
    const x = percent(k, n);
    if (reproduces(x, p)) return { possible: true, k, closest: x };
    if (Math.abs(x - p.value) < best) {
      best = Math.abs(x - p.value);
      bestK = k;
    }
  }
  return { possible: false, k: bestK, closest: percent(bestK, n) };
}

/** Does the GRIM test mean anything here: is one whole item coarser than the written precision? */
export function grimApplies(p: Figure, n: number): boolean {
  return !p.approx && Number.isInteger(n) && n > 0 && 100 / n > 10 ** -p.decimals;
}

/** A ratio figure (复议诉讼比值达2.6) and the two counts of its sentence it is made of, if stated. */
export function resolveRatio(model: FigureModel, r: Figure): { numerator: Figure; base: Figure; value: number } | null {
  const def = r.rateId ? rateById.get(r.rateId) : undefined;
  if (r.kind !== 'ratio' || !def?.ratio) return null;
  const ids = model.sentences[r.sentence].figures;
  const before = ids.slice(Math.max(0, r.id - ids[0] - WINDOW), r.id - ids[0]).map((id) => model.figures[id]).reverse();
  const pick = (object: string) => before.find((f) => isCountLike(f) && f.object === object && !f.approx);
  const numerator = pick(def.ratio.numeratorObject);
  const base = pick(def.ratio.baseObject);
  if (!numerator || !base || base.value <= 0 || numerator.family !== base.family) return null;
  if ((numerator.stage ?? '') !== (base.stage ?? '')) return null;
  return { numerator, base, value: numerator.value / base.value };
}

/**
 * How `x` matches the written figure `p`: rounded at the written precision, only truncated, within an approximation
 * word's bounds, off only in the last written digit, or not at all.
 */
export function matchOf(x: number, p: WrittenValue): 'round' | 'truncation' | 'approximation' | 'lastDigit' | null {
  if (!Number.isFinite(x)) return null;
  const unit = 10 ** -p.decimals;
  if (p.approx) return reproduces(x, p) ? 'approximation' : null;
  if (Math.abs(x - p.value) <= unit / 2 + EPS) return 'round';
  if (x >= p.value - EPS && x < p.value + unit - EPS) return 'truncation';
  if (p.decimals > 0 && Math.abs(x - p.value) <= unit * 1.5 + EPS) return 'lastDigit';
  return null;
}
