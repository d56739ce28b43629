// The vocabulary of server/data/figures.json, compiled once into lookup sets for the scanners.
import data from '../../../data/figures.json';
import type { ScanVocabulary } from './numbers';

export type WordType = 'object' | 'qualifier' | 'stage' | 'rate' | 'prior' | 'up' | 'down' | 'ratio';

export interface WordEntry {
  type: WordType;
  /** Canonical id: object id, stage id, rate definition id. */
  id: string;
  word: string;
}

export interface RateDef {
  id: string;
  names: string[];
  numerator?: string[];
  base?: string[];
  baseMinus?: string[];
  /** The base is the sum of these stages (不捕率 = 不捕 / (逮捕 + 不捕)). */
  baseSum?: string[];
  /**
   * Words in a base count's label that make it wider than the rate's base (批准和决定逮捕 holds the arrests a
   * procuratorate decides in its own cases; 不捕率 is of the arrests reviewed): the rate may then be above what the
   * stated counts give, never below.
   */
  baseNarrowerThan?: string[];
  /**
   * Base stages taken only from the rate's own sentence and only when not below the numerator ("调解纠纷640件，调解成功
   * 608件，成功率95%"): elsewhere such a count is an outcome among others (调解终止19件 of a 行政复议 paragraph), not
   * what the rate is of.
   */
  baseInSentence?: string[];
  share?: boolean;
  /** A ratio of two counts told apart by their objects (复议诉讼比值 = 行政复议 / 行政诉讼, same stage). */
  ratio?: { numeratorObject: string; baseObject: string };
  bounded: boolean;
}

export interface FunnelDef {
  id: string;
  stages: string[];
  carryOver: string[][];
}

const approx = data.approximation as unknown as {
  prefix: Record<string, string>;
  suffix: Record<string, string>;
  belowWidth: number;
  aboutWidth: number;
  maxSteps: number;
};

function maxLen(words: Iterable<string>): number {
  let m = 0;
  for (const w of words) m = Math.max(m, w.length);
  return m;
}

const unitWords = Object.keys(data.units).filter((k) => !k.startsWith('$'));
export const unitFamily: Record<string, string> = Object.fromEntries(
  unitWords.map((u) => [u, (data.units as Record<string, string>)[u]]),
);
// money units (万元, 亿元) are read with their scale; they belong to the money family
const moneyUnits = new Map(Object.entries(data.moneyUnits as Record<string, number>).filter(([k]) => !k.startsWith('$')).sort((a, b) => b[0].length - a[0].length));
for (const u of moneyUnits.keys()) unitFamily[u] ??= 'money';

export const scanVocabulary: ScanVocabulary = {
  units: new Set(unitWords),
  unitMaxLen: maxLen(unitWords),
  prefixes: new Set(Object.keys(approx.prefix)),
  prefixMaxLen: maxLen(Object.keys(approx.prefix)),
  suffixes: new Set(Object.keys(approx.suffix)),
  suffixMaxLen: maxLen(Object.keys(approx.suffix)),
  moneyUnits,
  magnitudes: new Map(Object.entries(data.magnitudes as Record<string, number>).filter(([k]) => !k.startsWith('$'))),
};

/** Characters right before a number that make it an ordinal, not a quantity (第3季度). */
export const notMetricBefore: ReadonlySet<string> = new Set([...(data.notMetricBefore as string)]);

export const approximation = approx;

export const rateDefs: RateDef[] = data.rates as RateDef[];
export const rateById = new Map(rateDefs.map((r) => [r.id, r]));
export const funnels: FunnelDef[] = data.funnels as FunnelDef[];
export const stageGroups: Record<string, string[]> = Object.fromEntries(
  Object.entries(data.stageGroups).filter(([k]) => !k.startsWith('$')),
) as Record<string, string[]>;
export const stageGroupsOptional: Record<string, string[]> = Object.fromEntries(
  Object.entries(data.stageGroupsOptional).filter(([k]) => !k.startsWith('$')),
) as Record<string, string[]>;
export const nestedPairs: string[][] = data.nested.pairs;
export const endOnlyStages = new Set<string>(data.endOnly);
/** End-only stage words that may also stand before the object they count (发现一般隐患32条). */
export const endOnlyBeforeObject = new Set<string>(data.endOnlyBeforeObject);
/** Stage words that name a later stage right after a count of another stage in their clause (调处 after 受理 is 化解). */
export const stageAfterStage: ReadonlyMap<string, { after: string; stage: string }> = new Map(
  Object.entries(data.stageAfterStage).filter((e): e is [string, { after: string; stage: string }] => !e[0].startsWith('$')),
);
export const rightAllowedStages = new Set<string>(data.stagesAfterFigure);
/** Words that end the words before a figure and are dropped from its label (共计, 达到, 为 …). */
export const labelEndFillers: readonly string[] = data.labelEndFillers;
/** A share that names its own base (占全省的5.2%). */
export const namedShareBase = new RegExp(data.namedShareBase);
/** A carry-over already stated in the sentence (含上年结转). */
export const carryOverStated = new RegExp(data.carryOverStated);
export const listStops: string[] = data.listStops;
export const listComplete: string[] = data.listComplete;
/** Conjunctions between a part and the one before it (figures.json listJoin). */
export const listJoin = {
  joins: new RegExp(data.listJoin.joins),
  mayJoinVerb: new RegExp(data.listJoin.mayJoinVerb),
  restates: new RegExp(data.listJoin.restates),
  endsAtDone: new RegExp(data.listJoin.endsAtDone),
};
/** A list whose later parts nearly exhaust its first one may be nested (readings/sum.ts). */
export const nestedFirst: { share: number } = data.nestedFirst;
/** Kinds of administrative penalty (警告, 罚款 …): one case may carry several (breakdown-sum). */
export const penaltyKindWords: string[] = data.penaltyKinds.words;

/** Publication channels (网站, 公开栏, 微信 …): one item may be published on several (breakdown-sum). */
export const channelWords: string[] = data.channels.words;
/** Stages that are the rest of a total's stage (审结 → 未结), never one of its parts. */
export const complements: Record<string, string[]> = Object.fromEntries(
  Object.entries(data.complements).filter(([k]) => !k.startsWith('$')) as [string, string[]][],
);
export const antecedentExclude: string[] = data.antecedentExclude;
/** Words that open a list of parts after its total (其中, 包括). */
export const listTriggers: string[] = data.listTriggers;
/** A clause ending in 中 that moves something into a group, not a set its counts are parts of (figures.json). */
export function movesInto(clause: string): boolean {
  const c = clause.trim();
  return data.antecedentInto.opens.some((w: string) => c.startsWith(w)) || data.antecedentInto.words.some((w: string) => c.includes(w));
}
/** Outcomes of a stage: a list part with one of these stages after a part of the stage is inside it (审结30件, 胜诉29件). */
export const outcomesOf: Record<string, string[]> = Object.fromEntries(
  Object.entries(data.nested.outcomes).filter(([k]) => !k.startsWith('$')),
) as Record<string, string[]>;
/** Words that narrow what is counted (一审, 中院, 市本级 …): figures of different scopes are not one metric. */
export const scopeWords: string[] = data.scope.words;
const CATEGORY = new RegExp(data.scope.category);
/** The category a label names (治安管理类, 投诉举报类), if any. */
export function categoryOf(label: string): string | undefined {
  const m = CATEGORY.exec(label);
  if (!m) return undefined;
  // the words before the category name (今年受理治安管理类 → 治安管理): after the last stage word or 年
  let name = m[1];
  for (const w of scanWords(name)) if (w.type === 'stage' || w.type === 'object') name = m[1].slice(w.end);
  name = name.replace(/^.*[年中]/, '');
  return name || undefined;
}
export const conflictFillers = new Set<string>(data.conflictFillers);

/** Every word the label scanner knows, longest match first at each position. */
export const words = new Map<string, WordEntry>();
function add(type: WordType, id: string, list: string[]): void {
  for (const w of list) {
    const prev = words.get(w);
    // objects and rate names outrank stages for the same word (行政复议申请 is an object, 申请 a stage)
    if (!prev || (prev.type === 'stage' && type !== 'stage')) words.set(w, { type, id, word: w });
  }
}
for (const [id, list] of Object.entries(data.stages)) if (!id.startsWith('$')) add('stage', id, list as string[]);
for (const [id, list] of Object.entries(data.nested.extraStages)) add('stage', id, list);
for (const [id, list] of Object.entries(data.objects)) {
  if (id.startsWith('$')) continue;
  if (list === null) add('qualifier', id, [id]);
  else add('object', id, list as string[]);
}
for (const r of rateDefs) add('rate', r.id, r.names);
add('prior', 'prior', data.changes.priorMarkers);
add('up', 'up', data.changes.up);
add('down', 'down', data.changes.down);
add('ratio', 'ratio', data.ratioWords);
/**
 * The known words by their first character, longest first: at each position the first that matches is the longest
 * word there. (Faster than one regular expression of every word once the engine is warm — an alternation of some
 * 300 words is tried one by one at each position — and as fast while it warms up; same matches.)
 */
const WORDS_BY_FIRST = new Map<number, string[]>();
for (const w of [...words.keys()].sort((a, b) => b.length - a.length)) {
  const c = w.charCodeAt(0);
  let list = WORDS_BY_FIRST.get(c);
  if (!list) WORDS_BY_FIRST.set(c, (list = []));
  list.push(w);
}

export interface LabelMatch extends WordEntry {
  start: number;
  end: number;
}

/** The known words of a short text, left to right, longest match at each position (matches do not overlap). */
export function scanWords(s: string): LabelMatch[] {
  const out: LabelMatch[] = [];
  for (let i = 0; i < s.length; ) {
    const list = WORDS_BY_FIRST.get(s.charCodeAt(i));
    let hit: string | undefined;
    if (list) {
      for (const w of list) {
        if (s.startsWith(w, i)) {
          hit = w;
          break;
        }
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    const e = words.get(hit)!;
    out.push({ type: e.type, id: e.id, word: e.word, start: i, end: i + hit.length });
    i += hit.length;
  }
  return out;
}

/** A share's label ending in 分别占 (and what it is of): the first of a run of shares that pair with the counts before them by position. */
export const RESPECTIVELY_SHARE = /分别占[^，,；;。]{0,16}$/;

/** Is the stage a step of some funnel (收到, 受理, 应结, 审结 …; not an outcome like 维持): counts at two such steps are
 * one thing's counts at successive steps, never parts of one whole. */
export function isFunnelStep(stage: string | undefined): boolean {
  return !!stage && funnels.some((f) => f.stages.includes(stage));
}

export function funnelOf(a: string, b: string): { funnel: FunnelDef; ia: number; ib: number } | null {
  for (const f of funnels) {
    const ia = f.stages.indexOf(a);
    const ib = f.stages.indexOf(b);
    if (ia >= 0 && ib >= 0 && ia !== ib) return { funnel: f, ia, ib };
  }
  return null;
}
