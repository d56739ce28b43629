// Same-metric claims (conflicting-figure): one metric stated twice in a document. "The same metric" is one notion:
// object + measure (kind, unit family, stage or rate) + scope (period words of its sentence, category 治安管理类,
// scope words 一审/二审/中院/市本级 …) + what the writer calls it (the label, as written and, with the segmenter, as
// words without fillers). A share is a metric only with what it is a share of: "占比28%" after "行政处罚类212件"
// and "占比24%" after "投诉举报类181件" are two metrics, so a share's key carries the clause before it.
import type { Figure, FigureModel } from '../model';
import { conflictFillers } from '../vocab';
import data from '../../../../data/figures.json';
import { phrase, reading, softened, type Claim, type Outcome } from './types';
import { hardWrapped } from '../../document';
import { alternation, INLINE_PINYIN } from '../../regex';

const CODE = 'conflicting-figure';
const PERIOD = new RegExp(data.sameMetric.periods, 'g');
/** Distinct values kept per key (a metric restated a hundred times is still linear). */
const MAX_PER_KEY = 8;
const SHARE_ONLY = new RegExp(data.sameMetric.shareOnlyLabel);

/** Period words of a sentence with where they are; each sentence is scanned once (linear on long sentences). */
function sentencePeriods(model: FigureModel, sentence: number, lineText: string, cache: Map<number, { at: number; text: string }[]>): { at: number; text: string }[] {
  let list = cache.get(sentence);
  if (!list) {
    const sent = model.sentences[sentence];
    list = [];
    PERIOD.lastIndex = 0;
    const text = lineText.slice(sent.start, sent.end);
    let m: RegExpExecArray | null;
    while ((m = PERIOD.exec(text)) !== null) list.push({ at: sent.start + m.index, text: m[0] });
    cache.set(sentence, list);
  }
  return list;
}

/** The first sentence of a sentence's paragraph (sentences are in line order: a binary search). */
function firstOfParagraph(model: FigureModel, sentence: number): number {
  const line = model.sentences[sentence].line;
  let lo = 0;
  let hi = sentence;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (model.sentences[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Period words of the figure's sentence before it; in a sentence naming none, those that open its paragraph (before
 * the paragraph's first figure), marked: "今年1-10月，全省…立案8435起。…在查办的案件中，…涉嫌环境污染犯罪94起" is of
 * 1-10月, not of the month another paragraph counts.
 */
function periodsBefore(model: FigureModel, f: Figure, lineText: string, cache: Map<number, { at: number; text: string }[]>): string {
  const out: string[] = [];
  for (const p of sentencePeriods(model, f.sentence, lineText, cache)) {
    if (p.at >= f.range.start.character) break;
    out.push(p.text);
  }
  const own = out.slice(-4).join(',');
  const first = out.length ? f.sentence : firstOfParagraph(model, f.sentence);
  if (first === f.sentence) return own;
  // (marked as the paragraph's: a figure of the opening sentence itself, which names it, is not thereby of one
  // period with a later sentence's figure; only figures under different openings are told apart)
  const opening = model.sentences[first];
  const until = opening.figures.length ? model.figures[opening.figures[0]].range.start.character : opening.end;
  const inherited = sentencePeriods(model, first, lineText, cache).filter((p) => p.at < until).map((p) => p.text);
  return inherited.length ? '^' + inherited.slice(-4).join(',') : own;
}

/** The clause before a figure's label (what a share is a share of), at most 16 characters. */
function clauseBefore(lineText: string, f: Figure): string {
  const labelStart = f.range.start.character - f.label.length;
  let i = labelStart - 1;
  while (i >= 0 && /[,，;；、:：]/.test(lineText[i])) i--;
  let k = i;
  while (k >= 0 && labelStart - k <= 16 && !/[,，;；:：。!?！？]/.test(lineText[k])) k--;
  return lineText.slice(k + 1, i + 1);
}

/** The label of the figure the object was carried over from (the nearest earlier one naming it). */
function headLabel(model: FigureModel, f: Figure): string {
  const ids = model.sentences[f.sentence].figures;
  for (let i = f.id - ids[0] - 1; i >= 0 && f.id - ids[0] - i <= 24; i--) {
    const g = model.figures[ids[i]];
    if (g.object === f.object && !g.objectInherited) return g.label;
  }
  return '';
}

const LOOK_BACK = 24;
/** Words pointing back to something named before (figures.json sameMetric.anaphora). */
const ANAPHORA = new RegExp(alternation(data.sameMetric.anaphora));

/** The nearest figure before `f` in its sentence that `pred` accepts (a sentence's figures have consecutive ids; the look-back is bounded). */
function nearestBefore(model: FigureModel, f: Figure, pred: (g: Figure) => boolean): Figure | undefined {
  const first = model.sentences[f.sentence].figures[0];
  for (let id = f.id - 1; id >= first && f.id - id <= LOOK_BACK; id--) if (pred(model.figures[id])) return model.figures[id];
  return undefined;
}

/**
 * A figure's metric key but for the name (label) part: `key(name)` completes it. Null for a figure that states no
 * metric of its own (a prior value, a change, an approximation, or naming neither stage nor rate).
 */
function keyerOf(model: FigureModel, f: Figure, lineText: string, cache: Map<number, { at: number; text: string }[]>): ((label: string) => string) | null {
  if (f.prior || f.change || f.approx || f.target || ANAPHORA.test(f.label)) return null;
  if (!(f.stage || f.rate) || !(f.object || f.rate)) return null;
  let subject = '';
  if (f.rateId === '占比') {
    subject = clauseBefore(lineText, f);
    const own = f.label.replace(f.rate ?? '', '');
    if (!subject && SHARE_ONLY.test(own)) return null;
  } else if (f.rate && !f.object) {
    // a rate of nothing named (办结率99.4%) is of what its sentence counts before it (办理网上平台诉求269件，…办结率
    // 99.4%): a rate after another count (受理热线来电107515件，…办结率99.85%) is of another thing
    const count = nearestBefore(model, f, (g) => g.kind === 'count' && !g.prior && !g.change);
    // (a count named by a word pointing back, 本周共办理此类工单99件, is of whatever the sentence before named)
    if (count && ANAPHORA.test(count.label)) return null;
    subject = count ? nameOf(count) : '';
  }
  const periods = periodsBefore(model, f, lineText, cache);
  // a figure naming no scope takes its sentence's (新收行政一审、二审、再审案件…，结案率为96.0% against 共收行政一审案…，
  // 结案率为96.1%: the two rates are of different scopes)
  const scope = [f.category ?? '', ...(f.scope ?? nearestBefore(model, f, (g) => !!g.scope?.length)?.scope ?? [])].join('+');
  return (label: string) => [f.kind, f.family, f.object ?? '', f.stage ?? '', f.rateId ?? '', label, periods, scope, subject].join('|');
}

/**
 * The keys of a figure's metric: its name as written and, with the segmenter, as words without fillers. The words
 * are cut only when `shared` (another figure's words may give the same key: mayMeetByWords): otherwise no key of
 * words can meet.
 */
function keysOf(model: FigureModel, f: Figure, key: (label: string) => string, shared: boolean): string[] {
  const head = headOf(model, f);
  const keys: string[] = [];
  if (f.label) keys.push('=' + key(head + '…' + f.label));
  if (shared && model.labelWords) {
    const words = model.labelWords(f).filter((t) => !conflictFillers.has(t) && t.trim() !== '').join('');
    if (words) keys.push('~' + key(head + '…' + words));
  }
  return keys;
}

/**
 * An object carried over from earlier in the sentence brings that figure's label along: "受理280件" after
 * "市本级收到行政复议申请300件" is not the same metric as "受理450件" after "区县收到行政复议申请500件".
 */
function headOf(model: FigureModel, f: Figure): string {
  return f.objectInherited ? headLabel(model, f) : '';
}

/** Every character of a filler word, and white space: what cutting a label into words and dropping fillers may remove. */
const FILLER_CHARS = new RegExp(`[\\s${[...new Set([...conflictFillers].join(''))].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'g');

/**
 * Whether a figure's words could meet another's: its key of words is its label less some filler words and blanks, so
 * two keys of words are equal only if the labels are equal once every filler character and blank is dropped. Only
 * figures with such a twin among those sharing their key but for the name are cut into words (the dictionary is
 * then not loaded at all for most reports, byte-for-byte the same claims).
 */
function mayMeetByWords(model: FigureModel, keyers: (((label: string) => string) | null)[], unnamedKeys: string[], unnamed: Map<string, number>): boolean[] {
  const meet = new Array<boolean>(keyers.length).fill(false);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < keyers.length; i++) {
    if (!keyers[i] || (unnamed.get(unnamedKeys[i]) ?? 0) < 2) continue;
    const f = model.figures[i];
    const g = unnamedKeys[i] + '\u0000' + headOf(model, f) + '…' + f.label.replace(FILLER_CHARS, '');
    const list = groups.get(g);
    if (list) list.push(i);
    else groups.set(g, [i]);
  }
  for (const list of groups.values()) if (list.length > 1) for (const i of list) meet[i] = true;
  return meet;
}

const similar = data.sameMetric as {
  fillers: string[];
  synonyms: Record<string, string>;
  stagesAlike: { when: string; words: string[]; as: string }[];
  minLength: number;
  levels: string[];
  containment: number;
  rowOverlap: number;
  lookBack: number;
  wholeWords: string[];
  topicWords: string[];
};
const NUMBERING = /^[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*/;
const SYNONYMS = new Map(Object.entries(similar.synonyms).filter(([k]) => !k.startsWith('$')));
const SYNONYM_RE = new RegExp(alternation(SYNONYMS.keys()), 'g');
const FILLER_RE = new RegExp(alternation(similar.fillers) + '|[\\s,，、;；:：()（）]', 'g');
const PERIOD_ONE = new RegExp(PERIOD.source, 'g');

/** A label as the name of a metric: no period words, fillers or the writer's own name for itself; synonyms unified. */
export function metricName(label: string): string {
  // (a web mirror's inline pinyin, 審結(jié), is no part of the name)
  let s = label.replace(INLINE_PINYIN, '').replace(NUMBERING, '').replace(PERIOD_ONE, '').replace(SYNONYM_RE, (w) => SYNONYMS.get(w) ?? w).replace(FILLER_RE, '');
  // stages that are one step for some things (政府信息公开申请: 受理 is 收到, there is no separate acceptance)
  for (const a of similar.stagesAlike) if (s.includes(a.when)) for (const w of a.words) s = s.split(w).join(a.as);
  return s;
}

/** A figure's label as the name of a metric, worked out once per figure (several readings below compare names). */
const NAMES = new WeakMap<Figure, string>();
function nameOf(f: Figure): string {
  let name = NAMES.get(f);
  if (name === undefined) {
    name = metricName(f.label);
    NAMES.set(f, name);
  }
  return name;
}

/** A name's character pairs, kept for names met again (the names of a report's figures are compared pair by pair). */
function bigrams(s: string): Set<string> {
  let out = BIGRAMS.get(s);
  if (out) return out;
  out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  if (BIGRAMS.size >= BIGRAMS_KEPT) BIGRAMS.clear();
  BIGRAMS.set(s, out);
  return out;
}
const BIGRAMS = new Map<string, Set<string>>();
const BIGRAMS_KEPT = 4096;

/** How many of the two names' word pairs they share, over the longer one's (1: the same pairs). */
function overlap(a: string, b: string): number {
  const ab = bigrams(a);
  const bb = bigrams(b);
  let n = 0;
  for (const x of ab) if (bb.has(x)) n++;
  return n / Math.max(ab.size, bb.size, 1);
}

/**
 * Is one name the other with words left out (every character of the shorter is in the longer)? "甲镇受理…申请" and
 * "乙镇受理…申请" share most word pairs but name two places: a character of one that the other lacks is another subject.
 */
function narrowerOrSame(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  for (const c of short) if (!long.includes(c)) return false;
  return true;
}

/**
 * Is the longer name the shorter one with a qualifier before it ("自贸区临港新片区实施监督监察行政处罚" of "监督监察行政
 * 处罚")? Then it counts a part of what the shorter one counts (one place's, one sector's), not the same thing.
 */
function qualifiedSubset(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const extra = long.length - short.length;
  if (extra < 2) return false;
  // a level or the year in front (全区审结…, 全年收到…) names the whole, not a part of it
  if (long.endsWith(short)) return long.slice(0, extra).replace(WHOLE_WORDS, '').length >= 2;
  // words put in right before the head noun, in the second half of the name ("审结涉黑涉恶" + 保护伞 + "犯罪案件"): a kind
  // of it; words put in earlier say where or how ("通过" + 示范区管委会网站 + "审计信息栏目…"), not which part
  for (let k = Math.ceil(short.length / 2); k <= short.length - 2; k++) {
    if (long.startsWith(short.slice(0, k)) && long.endsWith(short.slice(k)) && long.slice(k, k + extra).replace(WHOLE_WORDS, '').length >= 2) return true;
  }
  return false;
}

/** Words in front of a name that speak of the whole (全区, 全年, 共, 累计 …), not of a part. */
const WHOLE_WORDS = new RegExp(`${alternation([...similar.levels, ...similar.fillers, ...similar.wholeWords])}|\\d{4}年`, 'g');

/** A count per something (每千家次检查…49.7项次, 平均每件…): a ratio, not a count of the metric it names. */
/** Per-unit figures (每万人, 每千件) beside the averages the extraction marks (Figure.average). */
const PER_UNIT = /每[千万百十]?/;

/** How much of the shorter name's bigrams the longer name has (1: every one). */
function containment(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const sb = bigrams(short);
  const lb = bigrams(long);
  let n = 0;
  for (const x of sb) if (lb.has(x)) n++;
  return sb.size ? n / sb.size : 0;
}

/** A conflict inferred between two statements of a metric (another name, a table row): at most a warning. */
function inferredConflict(here: Figure, there: Figure, role: string, assumption: string, outcome: Omit<Outcome, 'ok' | 'cap'>): Claim {
  const figures = [
    { fig: there, role },
    { fig: here, role: 'statedHere' },
  ];
  return { check: CODE, anchor: here, ceiling: 1, sentenceBound: false, readings: [reading(figures, [{ id: assumption, cost: 1 }], { ok: false, cap: 'inferred', ...outcome })] };
}

const LEVELS = [...similar.levels].sort((a, b) => b.length - a.length);
/** The level a name opens with; a one-character level (省, 市) only before a digit or a bracket (省12345热线), not in a word (市场监管). */
function levelOf(label: string): string {
  const s = label.trimStart();
  return LEVELS.find((w) => s.startsWith(w) && (w.length > 1 || !/[\u4e00-\u9fff]/.test(s[1] ?? ''))) ?? '';
}

/** Both names open with a level (全省 / 省 / 市（州）…) and not the same one: counts of different scopes. */
function levelsDiffer(a: string, b: string): boolean {
  const la = levelOf(a);
  const lb = levelOf(b);
  return la !== '' && lb !== '' && la !== lb;
}

/**
 * The same metric named with other words in another paragraph ("通过审计信息栏目公开信息20条" … "通过审计信息专栏公开
 * 政府信息16条"): counts of one unit family and period whose names (metricName) share most of their word pairs.
 * Inferred, never more than a warning; the strict key above is tried first.
 */
function similarClaims(
  model: FigureModel,
  lineText: (line: number) => string,
  cache: Map<number, { at: number; text: string }[]>,
  strict: Set<Figure>,
  otherWholes: (a: Figure, b: Figure) => boolean,
): Claim[] {
  const out: Claim[] = [];
  for (const f of model.figures) if (f.kind === 'count') periodsBefore(model, f, lineText(f.line), cache);
  const byFamily = new Map<string, { f: Figure; name: string; period: string }[]>();
  // the report's own year: a count with no period word is of that year (全年 …)
  const years = new Map<string, number>();
  for (const list of cache.values()) for (const p of list) if (/^\d{4}年$/.test(p.text)) years.set(p.text, (years.get(p.text) ?? 0) + 1);
  // … the report's year (sections/year.ts: the title's, or the opening's) when the analysis knows it ("某某县2023年
  // 行政复议和应诉工作情况" — then a paragraph about 2022 is not of the report's year however often it names 2022), else
  // the year its sentences name most
  const ownYear = model.reportYear ? `${model.reportYear}年` : ([...years.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '');
  const samePeriod = (a: string, b: string) => a === b || (a === '' && b === ownYear) || (b === '' && a === ownYear);
  for (const f of model.figures) {
    if (f.kind !== 'count' || f.prior || f.change || f.approx || strict.has(f) || f.label.length < similar.minLength || ANAPHORA.test(f.label) || PER_UNIT.test(f.label) || f.average) continue;
    const name = nameOf(f);
    if (name.length < similar.minLength) continue;
    const period = periodsBefore(model, f, lineText(f.line), cache);
    const earlier = byFamily.get(f.family) ?? [];
    for (let i = earlier.length - 1; i >= 0 && earlier.length - i <= similar.lookBack; i--) {
      const e = earlier[i];
      if (e.f.line === f.line || !samePeriod(e.period, period) || e.f.value === f.value) continue;
      if ((e.f.stage && f.stage && e.f.stage !== f.stage) || !sameSubject(e.f, f, 'exact')) continue;
      if (containment(e.name, name) < similar.containment || !narrowerOrSame(e.name, name) || qualifiedSubset(e.name, name)) continue;
      // named otherwise and counted in another measure word (指令书11条 / 指令书5份): no evidence of one metric
      if (e.f.unit !== f.unit) continue;
      if (levelsDiffer(e.f.label, f.label) || otherWholes(e.f, f)) continue;
      out.push(
        inferredConflict(f, e.f, 'statedBefore', 'similarName', {
          ...phrase('statedOtherwise', { line: e.f.line + 1, there: e.f.text, here: f.text }),
          messageId: 'conflicting-figure.conflict',
          args: { what: f.label.trim() || f.text, here: f.text, there: e.f.text, line: e.f.line + 1 },
          data: { values: [e.f.value, f.value] },
        }),
      );
      break;
    }
    earlier.push({ f, name, period });
    byFamily.set(f.family, earlier);
  }
  return out;
}

/**
 * Do two figures count the same things (object, category 治安管理类, scope 一审/中院/各类)? The subject part of "the
 * same metric", shared by every check: `exact` for two statements of one metric (both scopes alike); `stages` for
 * two stages of one funnel (a category's later stage may sit inside the whole's earlier stage, and a figure that
 * names no scope inherits its sentence's).
 */
/** What makes the subject of a figure (sameSubject). */
export type Subject = Pick<Figure, 'object' | 'scope' | 'category'>;

export function sameSubject(a: Subject, b: Subject, how: 'exact' | 'stages'): boolean {
  if (a.object && b.object && a.object !== b.object) return false;
  const as = a.scope ?? [];
  const bs = b.scope ?? [];
  if (how === 'exact') {
    return (a.category ?? '') === (b.category ?? '') && as.join() === bs.join();
  }
  // a: the earlier stage, b: the later one
  if ((a.object ?? '') !== (b.object ?? '')) return false;
  if (a.category && a.category !== b.category) return false;
  if (as.length && bs.length && (as.some((w) => !bs.includes(w)) || bs.some((w) => !as.includes(w)))) return false;
  return true;
}

/** What makes the metric of a figure (metricsAgree): its subject, stage, rate and name. */
export type Metric = Subject & Pick<Figure, 'stage' | 'rateId' | 'label' | 'objectInherited'>;

/**
 * Are two counts (of one kind and unit family) the same metric, wherever they are written — one notion for every
 * check, also across reports: object, stage and rate agree where both name them, category and scope agree, and
 * their names (metricName) share most of their word pairs (or, when both name object and stage outright, any).
 */
export function metricsAgree(a: Metric, b: Metric): boolean {
  if ((a.stage ?? '') !== (b.stage ?? '') || (a.rateId ?? '') !== (b.rateId ?? '')) return false;
  if (!sameSubject(a, b, 'exact')) return false;
  return namesAgree(a, metricName(a.label), b, metricName(b.label));
}

/**
 * What metricsAgree compares exactly (with the kind and unit family): two figures that differ in it are never one
 * metric. The object is not in it (a figure that names none agrees with any), nor the name.
 */
export function metricKey(f: Metric & Pick<Figure, 'kind' | 'family'>): string {
  return `${f.kind}|${f.family ?? ''}|${f.stage ?? ''}|${f.rateId ?? ''}|${f.category ?? ''}|${(f.scope ?? []).join()}`;
}

/**
 * metricsAgree for two figures of one metricKey, their names (metricName) worked out already: the objects where
 * both name one, then the names.
 */
export function sameKeyAgree(a: Metric, na: string, b: Metric, nb: string): boolean {
  if (a.object && b.object && a.object !== b.object) return false;
  return namesAgree(a, na, b, nb);
}

function namesAgree(a: Metric, na: string, b: Metric, nb: string): boolean {
  if (na === nb && na.length > 0) return true;
  const named = !!(a.object && b.object && a.stage && !a.objectInherited && !b.objectInherited);
  if (Math.min(na.length, nb.length) < (named ? 2 : similar.minLength)) return false;
  return containment(na, nb) >= similar.containment && narrowerOrSame(na, nb);
}

/**
 * A table row whose last count is the sum of the others (3 | 0 | 0 | 3) states its total; the same metric written
 * in the text with another value is a conflict ("共受理政府信息公开申请2件" beside the table's 本年新收…申请数量 3).
 * Inferred (a table and a sentence, named alike), never more than a warning.
 */
function tableClaims(model: FigureModel, strict: Set<Figure>): Claim[] {
  const out: Claim[] = [];
  const prose = model.figures.filter((f) => f.kind === 'count' && !f.prior && !f.change && !f.approx && !strict.has(f) && f.label.length >= 4);
  if (!prose.length) return out;
  const named = prose.map((f) => ({ f, name: nameOf(f) })).filter((x) => x.name.length >= 4);
  const done = new Set<Figure>();
  for (const table of model.tables ?? []) {
    for (const row of table.rows) {
      const counts = row.cells.filter((c) => c.kind === 'count' && c.value !== undefined);
      if (counts.length < 3 || !row.label) continue;
      const last = counts[counts.length - 1];
      const rest = counts.slice(0, -1).reduce((a, c) => a + (c.value ?? 0), 0);
      if (Math.abs(rest - last.value!) > 1e-9) continue;
      const name = metricName(row.label);
      if (name.length < similar.minLength - 2) continue;
      for (const { f, name: n } of named) {
        if (done.has(f) || (f.line >= table.startLine && f.line <= table.endLine)) continue;
        // a row names its metric fully: the text's name must be most of it (上年结转…申请 is not 本年新收…申请)
        if (containment(n, name) < similar.containment || overlap(n, name) < similar.rowOverlap || !narrowerOrSame(n, name)) continue;
        done.add(f);
        if (f.value === last.value) continue;
        const cell: Figure = {
          ...f,
          id: -1,
          text: last.text,
          line: last.range.start.line,
          range: last.range,
          value: last.value!,
          lo: last.value!,
          hi: last.value!,
          label: row.label,
          checks: [],
        };
        out.push(
          inferredConflict(f, cell, 'tableTotal', 'tableRowTotal', {
            ...phrase('statedOtherwise', { line: cell.line + 1, there: `${row.label} ${last.text}`, here: f.text }),
            messageId: 'conflicting-figure.table',
            args: { what: f.label.trim() || f.text, here: f.text, row: row.label, there: last.text, line: cell.line + 1 },
            data: { values: [last.value, f.value] },
          }),
        );
        break;
      }
    }
  }
  return out;
}

/**
 * Are two figures parts of 其中 / …中 lists of different totals? "受理指派案件4459件，其中法律援助案件450件" and "接收审查
 * 归档案卷3927份，其中法律援助案件1414件" are parts of two things, however alike their own names.
 */
function partsOfOtherWholes(model: FigureModel): (a: Figure, b: Figure) => boolean {
  const totalOf = new Map<number, Figure>();
  for (const b of model.breakdowns) if (b.trigger !== 'implicit') for (const p of b.parts) totalOf.set(p, model.figures[b.total]);
  return (a, b) => {
    const ta = totalOf.get(a.id);
    const tb = totalOf.get(b.id);
    return !!ta && !!tb && ta.value !== tb.value && nameOf(ta) !== nameOf(tb);
  };
}

/**
 * Do two figures say whose they are with different counts in their own clauses? "为1358名劳动者追回劳动报酬979万元" and
 * "为14800余名劳动者追回劳动报酬7189万元" are of two groups of workers, however alike their names.
 */
function qualifiedApart(model: FigureModel, lineText: (line: number) => string): (a: Figure, b: Figure) => boolean {
  const qualifier = (f: Figure): Figure | undefined => {
    const g = model.figures[f.id - 1];
    if (!g || g.sentence !== f.sentence || g.kind !== 'count' || g.family === f.family || g.prior || g.change) return undefined;
    return CLAUSE_BREAK.test(lineText(f.line).slice(g.range.end.character, f.range.start.character)) ? undefined : g;
  };
  return (a, b) => {
    const qa = qualifier(a);
    const qb = qualifier(b);
    return !!qa && !!qb && qa.family === qb.family && (qa.lo > qb.hi + 1e-9 || qb.lo > qa.hi + 1e-9);
  };
}
const CLAUSE_BREAK = /[，,；;、。:：]/;

/**
 * Is one of the two figures in a sentence about a part of what the other's sentence is about? A figure before it in
 * its sentence names a metric of the other's sentence with a qualifier in front ("自贸区临港新片区实施监督监察行政处罚
 * 12次，…罚没款金额13.35万元" after "其中：监督监察行政处罚124次，…罚没款金额384.73万元"): its amounts are that place's.
 */
function subsetSentences(model: FigureModel): (a: Figure, b: Figure) => boolean {
  const names = new Map<number, string[]>();
  const namesOf = (sentence: number) => {
    let list = names.get(sentence);
    if (!list) {
      list = model.sentences[sentence].figures.map((id) => nameOf(model.figures[id])).filter((n) => n.length >= similar.minLength);
      names.set(sentence, list);
    }
    return list;
  };
  const narrows = (s: number, t: number) => namesOf(s).some((n) => namesOf(t).some((m) => qualifiedSubset(n, m) && n.length > m.length));
  return (a, b) => a.sentence !== b.sentence && (narrows(a.sentence, b.sentence) || narrows(b.sentence, a.sentence));
}

/**
 * Are the two figures' sentences parallel accounts of two things? Besides these two, they name at least two more
 * metrics alike with other values ("…检查企业29家次，发现各类隐患165条，…下发整改指令书11条" and "非煤矿山行业检查企业16
 * 家次，发现各类隐患134条，…下发整改指令书5份"): one sentence per sector or place, not one metric stated twice.
 */
function parallelSentences(model: FigureModel): (a: Figure, b: Figure) => boolean {
  // the same metric named with another scope in front (全县检查企业 / 化工行业检查企业): the names end alike
  const alike = (x: string, y: string) => {
    let n = 0;
    while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
    // (a long scope in front ends alike in four characters or more: 生活饮用水实际监督 / 传染病防治实际监督)
    return n >= 2 && (n * 2 >= Math.min(x.length, y.length) || n >= 4);
  };
  const named = new Map<number, { name: string; value: number; id: number }[]>();
  const of = (sentence: number) => {
    let list = named.get(sentence);
    if (!list) {
      list = model.sentences[sentence].figures
        .map((id) => model.figures[id])
        // (counts and rates: "放射卫生实际监督2.8万户，监督覆盖率62.3%，…合格率99.2%" and "职业卫生实际监督…，监督覆盖率
        // 55.1%，…合格率98.7%" are one sentence per sector)
        .filter((f) => (f.kind === 'count' || f.kind === 'percent') && !f.prior && !f.change)
        .map((f) => ({ name: `${f.kind === 'percent' ? '%' : ''}${nameOf(f)}`, value: f.value, id: f.id }))
        .filter((x) => x.name.length >= 2);
      named.set(sentence, list);
    }
    return list;
  };
  return (a, b) => {
    if (a.sentence === b.sentence) return false;
    // sentences opening on the same metric of two scopes ("传染病防治实际监督7.6万户，…" and "采供血机构实际监督594户，…")
    // are about two things: so is the rest of what they count
    const fa = of(a.sentence)[0];
    const fb = of(b.sentence)[0];
    if (fa && fb && fa.id !== a.id && fb.id !== b.id && fa.name !== fb.name && alike(fa.name, fb.name)) return true;
    let differing = 0;
    for (const x of of(a.sentence)) {
      if (x.id === a.id) continue;
      if (of(b.sentence).some((y) => y.id !== b.id && alike(x.name, y.name) && y.value !== x.value)) differing++;
      if (differing >= 2) return true;
    }
    return false;
  };
}

/** A section heading naming one case: "内蒙古自治区通辽市开鲁县案件", "典型案例", "某某公司违法案". */
const CASE_HEADING = /(?:案件|案例|案)\s*$/;

/** A paragraph's opening clause naming its topic: "打击“水客”走私方面，", "同期，在打击…走私方面，". */
const TOPIC_OPENING = new RegExp(`^(?:[^。；;，,]{0,8}[，,])?\\s*(?:在|对于|关于)?([^。；;，,：:]{2,40}?)(?:${alternation(similar.topicWords)})[，,：:]`);

/**
 * Counts in two paragraphs that open on different topics ("打击“水客”走私方面，…侦办走私犯罪案件806起" and "在打击离岛
 * 免税“套代购”走私方面，…侦办走私犯罪案件127起"): each paragraph speaks of its topic, so the same words name two things.
 */
function topicsApart(lineText: (line: number) => string): (a: Figure, b: Figure) => boolean {
  const byLine = new Map<number, { topic: string; end: number } | null>();
  const topic = (f: Figure) => {
    let t = byLine.get(f.line);
    if (t === undefined) {
      const m = TOPIC_OPENING.exec(lineText(f.line));
      t = m ? { topic: m[1], end: m[0].length } : null;
      byLine.set(f.line, t);
    }
    return t && t.end <= f.range.start.character ? t.topic : undefined;
  };
  return (a, b) => {
    if (a.line === b.line) return false;
    const x = topic(a);
    const y = topic(b);
    return !!x && !!y && x !== y;
  };
}

/** A paragraph opening as one item of a numbered series: "案例一：", "典型案例3:", "第二：" (the name, then the number). */
const ITEM_OPENING = /^\s*([\u4e00-\u9fff]{1,4}?)\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[:：]/;

/**
 * Counts in two items of one numbered series ("案例一：…打掉犯罪团伙38个" and "案例七：…打掉犯罪团伙6个"): each item
 * is a case of its own, so the same words there name two things, not one metric stated twice.
 */
function itemsApart(lineText: (line: number) => string): (a: Figure, b: Figure) => boolean {
  const byLine = new Map<number, [string, string] | null>();
  const item = (line: number) => {
    let it = byLine.get(line);
    if (it === undefined) {
      const m = ITEM_OPENING.exec(lineText(line));
      it = m ? [m[1], m[2]] : null;
      byLine.set(line, it);
    }
    return it;
  };
  return (a, b) => {
    if (a.line === b.line) return false;
    const x = item(a.line);
    const y = item(b.line);
    return !!x && !!y && x[0] === y[0] && x[1] !== y[1];
  };
}

/**
 * `backing`: for each rate its own counts reproduce, those counts' values (readings/index.ts). Two rates each
 * reproduced by other counts (办结率75.42% = 1715 / 2274 and 办结率91.32% = 221 / 242) are rates of two things.
 */
export function sameClaims(model: FigureModel, lineText: (line: number) => string, backing: Map<number, string> = new Map()): Claim[] {
  const out: Claim[] = [];
  const seen = new Map<string, Figure[]>();
  const cache = new Map<number, { at: number; text: string }[]>();
  const strict = new Set<Figure>();
  // every figure's key but for the name first, so that only figures sharing one are cut into words
  const keyers = model.figures.map((f) => keyerOf(model, f, lineText(f.line), cache));
  const wholes = partsOfOtherWholes(model);
  const qualified = qualifiedApart(model, lineText);
  const sub = subsetSentences(model);
  const parallel = parallelSentences(model);
  // (counts under two subject headings, "（二）市长信箱" and "（三）区长信箱", are each that subject's)
  const items = itemsApart(lineText);
  const topics = topicsApart(lineText);
  // (sections each about one case, "二、…开鲁县案件" and "三、…西丰县案件": the same words there name two cases' figures)
  const cases = (a: Figure, b: Figure) => !!a.section && !!b.section && a.section !== b.section && CASE_HEADING.test(a.section) && CASE_HEADING.test(b.section);
  const otherWholes = (a: Figure, b: Figure) => wholes(a, b) || qualified(a, b) || sub(a, b) || parallel(a, b) || items(a, b) || topics(a, b) || cases(a, b) || (!!a.subject && !!b.subject && a.subject !== b.subject);
  const unnamedKeys = keyers.map((k) => (k ? k('') : ''));
  const unnamed = new Map<string, number>();
  for (let i = 0; i < keyers.length; i++) if (keyers[i]) unnamed.set(unnamedKeys[i], (unnamed.get(unnamedKeys[i]) ?? 0) + 1);
  const byWords = model.labelWords ? mayMeetByWords(model, keyers, unnamedKeys, unnamed) : [];
  for (let i = 0; i < model.figures.length; i++) {
    const f = model.figures[i];
    const key = keyers[i];
    if (!key) continue;
    const keys = keysOf(model, f, key, byWords[i] === true);
    if (keys.length === 0) continue;
    let other: Figure | undefined;
    let same: Figure | undefined;
    for (const key of keys) {
      const earlier = seen.get(key) ?? [];
      other ??= earlier.find((e) => e.sentence !== f.sentence && (f.lo > e.hi + 1e-9 || e.lo > f.hi + 1e-9) && !otherWholes(e, f));
      same ??= earlier.find((e) => e.sentence !== f.sentence && e.value === f.value);
      if (earlier.length < MAX_PER_KEY && !earlier.some((e) => e.value === f.value)) earlier.push(f);
      seen.set(key, earlier);
    }
    const e = other ?? same;
    if (!e) continue;
    const eBack = backing.get(e.id);
    const fBack = backing.get(f.id);
    const ownCounts = !!other && eBack !== undefined && fBack !== undefined && eBack !== fBack;
    strict.add(f).add(e);
    const figures = [
      { fig: e, role: 'statedBefore' },
      { fig: f, role: 'statedHere' },
    ];
    out.push({
      check: CODE,
      anchor: f,
      ceiling: 0,
      sentenceBound: false,
      readings: [
        reading(
          figures,
          [],
          ownCounts
            ? { ok: true, ...phrase('ownCounts', { here: `${f.text} = ${fBack}`, there: `${e.text} = ${eBack}` }) }
            : other
            ? {
                ok: false,
                ...phrase('statedOtherwise', { line: e.line + 1, there: e.text, here: f.text }),
                messageId: 'conflicting-figure.conflict',
                args: { what: f.label.trim() || f.text, here: f.text, there: e.text, line: e.line + 1 },
                data: { values: [e.value, f.value] },
              }
            : { ok: true, ...phrase('statedAlike', { line: e.line + 1 }) },
        ),
      ],
    });
  }
  out.push(...similarClaims(model, lineText, cache, strict, otherWholes));
  out.push(...tableClaims(model, strict));
  // a sentence begun on the line before (prose hard-wrapped by a copy) may name a subject there ("国税系统…共检查
  // 141万纳税户，…查⏎出有税务违法问题的纳税户69万户"): a conflict of such a figure is only soft evidence
  return out.map((c) => (c.readings.some((r) => r.figures.some((x) => x.fig.line > 0 && hardWrapped(lineText(x.fig.line - 1).trimEnd()))) ? softened(c) : c));
}
