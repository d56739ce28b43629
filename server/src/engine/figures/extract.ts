// Figures of a report: numbers (numbers.ts) that are metrics, with their unit, object, stage or rate, their
// sentence and clause, and the lists (其中 / 分别 / "…中" / implicit) that relate them.
//
// Everything the checks compare (stage, object, rate, lists) comes from the vocabulary in server/data/figures.json
// and the punctuation of the sentence. The segmenter, when given, adds `noun` (the counted noun phrase, for display)
// and `labelWords` (on demand: a second, coarser key for conflicting-figure): findings without it are a subset of those with
// it. Coarser, never wrong. What the figures mean together is read afterwards, every plausible way, in readings/.
//
// Cost: one pass per line for numbers and quotes; labels are capped at LABEL_MAX characters; list and pair scans
// are capped at WINDOW figures, and the readings' look-ups are bounded by figures. Linear in the document length.
import { hardWrapped, type Line, type ReportDocument } from '../document';
import type { OutlineNode, Segmenter } from '../types';
import { nextYearOf, writtenTogether, type Breakdown, type Figure, type FigureKind, type FigureModel, type Sentence } from './model';
import { isDigit, scanNumbers, type NumberToken } from './numbers';
import {
  antecedentExclude,
  carryOverStated,
  movesInto,
  listTriggers,
  approximation,
  conflictFillers,
  listJoin,
  listComplete,
  complements,
  listStops,
  channelWords,
  nestedPairs,
  endOnlyStages,
  endOnlyBeforeObject,
  stageAfterStage,
  rightAllowedStages,
  scanVocabulary,
  notMetricBefore,
  labelEndFillers,
  scanWords,
  unitFamily,
  funnelOf,
  outcomesOf,
  scopeWords,
  categoryOf,
  type LabelMatch,
} from './vocab';
import data from '../../../data/figures.json';
import { readFigures } from './readings';
import { tablesOf } from '../tables';
import { charClass } from '../regex';
import { scanBrackets } from './brackets';

const LABEL_MAX = 40;
/** At most this many 其中 / 分别 / …中 triggers are read per sentence (pathological input stays linear). */
const MAX_TRIGGERS = 32;
const RIGHT_MAX = 12;
export const WINDOW = 24;

const SENTENCE_END = new Set(['。', '!', '?', '！', '？']);
const CLAUSE_DELIM = new Set([',', '，', '、', ';', '；', ':', '：', '(', ')', '（', '）', '。', '!', '?', '\t', '|']);
const DELIM_CODES = new Set([...CLAUSE_DELIM].map((c) => c.charCodeAt(0)));
const COMMA_CN = 0x3001; // 、
/** Is s[i] a clause delimiter (char codes: no string per character on long lines). */
const isDelim = (s: string, i: number) => DELIM_CODES.has(s.charCodeAt(i));

/**
 * First index of `word` in s[from, end). The line is searched natively (indexOf), and the next occurrence of each word
 * found is kept for the line: the sentences of a line ask in order, so a word absent from a long line is looked for
 * once, not once per sentence (the scans of a line stay linear).
 */
function indexWithin(s: string, word: string, from: number, end: number): number {
  if (s !== foundIn) {
    foundIn = s;
    found.clear();
  }
  const known = found.get(word);
  let at: number;
  if (known && known.from <= from && (known.at < 0 || known.at >= from)) at = known.at;
  else {
    at = s.indexOf(word, from);
    found.set(word, { from, at });
  }
  return at >= 0 && at + word.length <= end ? at : -1;
}
let foundIn = '';
const found = new Map<string, { from: number; at: number }>();

const QUOTE_OPEN = new Map<number, number>();
const QUOTE_CLOSE = new Map<number, number>();
data.quotePairs.forEach((pair, k) => {
  QUOTE_OPEN.set(pair.charCodeAt(0), k);
  QUOTE_CLOSE.set(pair.charCodeAt(1), k);
});

/** Any quote character of figures.json quotePairs: most lines have none and are passed over natively. */
const ANY_QUOTE = new RegExp(charClass(data.quotePairs.join('')));

/** The spans of a line inside quotes, merged and in order; `covers(i)` by binary search. */
export class QuoteSpans {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  constructor(pairs: [number, number][]) {
    pairs.sort((x, y) => x[0] - y[0]);
    for (const [f, t] of pairs) {
      const last = this.to.length - 1;
      if (last >= 0 && f <= this.to[last]) this.to[last] = Math.max(this.to[last], t);
      else {
        this.from.push(f);
        this.to.push(t);
      }
    }
  }
  covers(i: number): boolean {
    let lo = 0;
    let hi = this.from.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.from[mid] > i) hi = mid - 1;
      else if (this.to[mid] < i) lo = mid + 1;
      else return true;
    }
    return false;
  }
}

/**
 * Spans inside 《》 “” 〔〕 … closed within 100 characters on the line (quotes included): one pass, char codes only;
 * no array the length of the line (long lines with a quote or two were most of this function's cost).
 */
export function quoteMask(s: string): QuoteSpans | null {
  if (!ANY_QUOTE.test(s)) return null;
  const spans: [number, number][] = [];
  const pending = new Array<number>(data.quotePairs.length).fill(-1);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // every quote character is “ ” [ ] or in U+3008–U+3015: most characters are rejected by two comparisons
    if (!((c >= 0x3008 && c <= 0x3015) || c === 0x201c || c === 0x201d || c === 0x5b || c === 0x5d)) continue;
    const open = QUOTE_OPEN.get(c);
    if (open !== undefined && pending[open] < 0) {
      pending[open] = i;
      continue;
    }
    const close = QUOTE_CLOSE.get(c);
    if (close !== undefined && pending[close] >= 0) {
      const from = pending[close];
      if (i - from <= 100) spans.push([from, i]);
      pending[close] = -1;
    }
  }
  return spans.length ? new QuoteSpans(spans) : null;
}

/** A web address (原文链接：http://…/art%2594%20.html): its digits and percent signs are no figures. */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)[\x21-\x7e]+/gi;

function outsideWebAddresses(s: string, tokens: NumberToken[]): NumberToken[] {
  if (!tokens.length || (!s.includes('http') && !s.includes('www.') && !s.includes('HTTP') && !s.includes('WWW.'))) return tokens;
  const spans: [number, number][] = [];
  for (const m of s.matchAll(WEB_ADDRESS)) spans.push([m.index!, m.index! + m[0].length]);
  return spans.length ? tokens.filter((t) => !spans.some(([a, b]) => t.numStart >= a && t.numStart < b)) : tokens;
}

/** A line's number tokens and quoted spans, read once per line: the figure model and unbacked-metric both need them. */
const lineReads = new WeakMap<Line, { tokens: NumberToken[]; mask: QuoteSpans | null }>();

export function readLine(line: Line): { tokens: NumberToken[]; mask: QuoteSpans | null } {
  let r = lineReads.get(line);
  if (!r) {
    r = { tokens: outsideWebAddresses(line.norm, scanNumbers(line.norm, scanVocabulary)), mask: quoteMask(line.norm) };
    lineReads.set(line, r);
  }
  return r;
}

function isAsciiLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/** The label-end fillers by their last character, each list in the order of labelEndFillers. */
const FILLERS_BY_LAST = new Map<number, string[]>();
for (const w of labelEndFillers) {
  const k = w.charCodeAt(w.length - 1);
  FILLERS_BY_LAST.set(k, [...(FILLERS_BY_LAST.get(k) ?? []), w]);
}

function trimFillers(label: string): string {
  let s = label;
  for (let guard = 0; guard < 4; guard++) {
    const f = FILLERS_BY_LAST.get(s.charCodeAt(s.length - 1))?.find((w) => s.endsWith(w) && s.length > w.length);
    if (!f) break;
    s = s.slice(0, -f.length);
  }
  return s;
}

/** The scope words by their first character. */
const SCOPE_BY_FIRST = new Map<number, string[]>();
for (const w of scopeWords) SCOPE_BY_FIRST.set(w.charCodeAt(0), [...(SCOPE_BY_FIRST.get(w.charCodeAt(0)) ?? []), w]);

/** The scope words a label contains, in the order of scopeWords (undefined: none). */
function scopeWordsIn(label: string): string[] | undefined {
  let hit: Set<string> | undefined;
  for (let i = 0; i < label.length; i++) {
    const words = SCOPE_BY_FIRST.get(label.charCodeAt(i));
    if (words) for (const w of words) if (label.startsWith(w, i)) (hit ??= new Set()).add(w);
  }
  return hit ? scopeWords.filter((w) => hit!.has(w)) : undefined;
}

function bounds(tok: NumberToken): { lo: number; hi: number; approx: boolean } {
  let lo = tok.value;
  let hi = tok.rangeTo ?? tok.value;
  let approx = tok.rangeTo !== undefined;
  // one step of the last written digit: 2.6万 → 1000, 1000 → 1000, 30 → 10, 17.6 → 0.1
  const step = (() => {
    if (tok.decimals > 0) return tok.scale / 10 ** tok.decimals;
    let v = Math.round(tok.value / tok.scale);
    let st = 1;
    while (v > 0 && v % 10 === 0 && st < 1e12) {
      v /= 10;
      st *= 10;
    }
    return st * tok.scale;
  })();
  // an approximation word's width depends on the written precision: 近30% is 27–30%, 约17.6% is 17.1–18.1%
  const width = (fraction: number) => Math.min(tok.value * fraction, approximation.maxSteps * step);
  const apply = (how: string | undefined) => {
    switch (how) {
      case 'above':
        hi = Infinity;
        approx = true;
        break;
      case 'below':
        lo = Math.min(lo, tok.value - width(approximation.belowWidth));
        approx = true;
        break;
      case 'about':
        lo = Math.min(lo, tok.value - width(approximation.aboutWidth));
        hi = Math.max(hi, tok.value + width(approximation.aboutWidth));
        approx = true;
        break;
      case 'atMost':
        lo = 0;
        approx = true;
        break;
      case 'more':
        hi = Math.max(hi, tok.value + step);
        approx = true;
        break;
    }
  };
  if (tok.approxPrefix) apply((approximation.prefix as Record<string, string>)[tok.approxPrefix]);
  if (tok.approxSuffix) apply((approximation.suffix as Record<string, string>)[tok.approxSuffix]);
  // a count written in 万/亿 without an approximation word is rounded at its last digit: 42.02万 is 420150–420250
  if (tok.scale > 1 && !approx) {
    lo = Math.min(lo, tok.value - step / 2);
    hi = Math.max(hi, tok.value + step / 2);
  }
  return { lo, hi, approx };
}

interface Draft {
  fig: Figure;
  tok: NumberToken;
  labelStart: number;
  labelMatches: LabelMatch[];
  rightText: string;
  inParens: boolean;
}

/** Words after a stage word that make a count one of documents (figures.json stageDocuments). */
const STAGE_DOCUMENTS: string[] = data.stageDocuments.words;

/** The longest qualifier between an end-only stage word and the object it counts (发现一般隐患: 一般). */
const OBJECT_QUALIFIER_MAX = 3;

/** The longest bracket inside a name that a label runs on past (市（州）), brackets excluded. */
const NAME_BRACKET_MAX = 3;

const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** The longest note in brackets between a figure's label and the figure itself, brackets included. */
const NOTE_MAX = 24;
/** Sibling sub-sections all named in at most this many characters (市长信箱, 物业管理类问题) are blocks per subject. */
const SUBJECT_NAME_MAX = 8;

/** A bracket opened by the prior period and a colon: （2022年：162件）, （上年：348件） */
const PRIOR_IN_PARENS = /[（(]\s*(?:\d{4}\s*年度?|上年(?:同期)?|去年(?:同期)?|上一年度?)\s*[:：]\s*$/;
/** A prior-period marker right before a bracket holding the prior value: 较上年（2,215.3万元） */
const PRIOR_BEFORE_PARENS = /(?:较|比|与|同|和)(?:上年(?:同期)?|去年(?:同期)?|上一年度?|\d{4}年度?)(?:的)?\s*$/;

/** A figure named as an average (平均办结时长, 人均, 年均): no stage, no total of parts (figures.json averages). */
const AVERAGE = new RegExp(data.averages.words.join('|'));
/** Unit families in which a count with decimals is ordinary (6.8天, 1.5小时, 2.6元). */
const FRACTIONAL_FAMILIES = new Set<string>(data.averages.fractionalFamilies);

/** Words after a percentage that make it a target, not a result (结案率95%的考核任务). */
const TARGET_AFTER: string[] = data.targetAfter.words;

/** What makes a bare number a ratio (复议诉讼比值达2.6, 复议与诉讼之比为1.2). */
const RATIO_WORDS = /比值|之比/;

/** The ends of a sentence within a line: 。 ! ? ！ ？ */
const SENTENCE_STOP = /[。!?！？]/g;

/** The line before `index` is prose broken off in the middle of a number: hard-wrapped, ending in a digit, not spaced. */
function brokenAbove(doc: ReportDocument, index: number): boolean {
  if (index === 0) return false;
  const above = doc.lines[index - 1].norm;
  return hardWrapped(above) && isDigit(above[above.length - 1]) && !/\s{2}/.test(above);
}

/** Enough words to make a sentence between `from` and `to` (four Chinese characters in a row), not a stray bracket. */
function hasWords(s: string, from: number, to: number): boolean {
  let run = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    run = c >= 0x4e00 && c <= 0x9fff ? run + 1 : 0;
    if (run >= 4) return true;
  }
  return false;
}

export function extractFigures(doc: ReportDocument, segmenter?: Segmenter, sections?: OutlineNode[], options: { nouns?: boolean; reportYear?: number } = {}): FigureModel {
  const figures: Figure[] = [];
  const sentences: Sentence[] = [];
  const breakdowns: Breakdown[] = [];
  /** Where each figure's label starts on its line (by figure id), for the segmenter's tokens. */
  const labelStarts: number[] = [];
  /** Where it ends (before a bracketed note between the label and the figure, else at the figure). */
  const labelEnds: number[] = [];
  let prevList: Draft[] = [];

  for (const line of doc.lines) {
    const s = line.norm;
    if (!s) continue;
    const { tokens, mask } = readLine(line);
    // sentences of this line
    const lineSentences: Sentence[] = [];
    // (found by a regular expression, which runs as native code from the first report on: a loop over each character
    // here was the costliest line of a folder check while the engine warms up)
    let sStart = 0;
    SENTENCE_STOP.lastIndex = 0;
    for (let m = SENTENCE_STOP.exec(s); ; m = SENTENCE_STOP.exec(s)) {
      const i = m ? m.index : s.length;
      if (i > sStart || i === s.length) {
        lineSentences.push({ index: sentences.length + lineSentences.length, line: line.index, start: sStart, end: i, figures: [] });
      }
      sStart = i + 1;
      if (!m) break;
    }
    let si = 0;
    const drafts: Draft[] = [];
    let bracketSentence = -1;
    let bracketAt = 0;
    let bracketOpen = 0;
    let semicolons = 0;
    for (const tok of tokens) {
      while (si < lineSentences.length - 1 && tok.numStart >= lineSentences[si].end) si++;
      const sent = lineSentences[si];
      if (mask && mask.covers(tok.numStart)) continue;
      // "实际入库总额1⏎90亿元": a prose line broken inside a number; its second half is no figure
      if (tok.numStart === 0 && brokenAbove(doc, line.index)) continue;
      const before = s[tok.start - 1];
      if (notMetricBefore.has(before) || isAsciiLetter(before) || before === '+' || before === '.' || before === '/') continue;
      if (s[tok.end] === '+' || isAsciiLetter(s[tok.end]) && tok.kind === 'bare') continue;
      // "5.36批次/千人": a rate per head, not a count
      if (s[tok.end] === '/' && tok.kind === 'count') continue;
      if (s[tok.numEnd] === '+') continue;
      // a bare number is a figure only as a ratio (复议诉讼比值达2.6), named within the label's reach: most bare numbers
      // (years, document numbers) are passed over without reading a label
      if (tok.kind === 'bare' && (tok.chinese || !RATIO_WORDS.test(s.slice(Math.max(sent.start, tok.start - LABEL_MAX), tok.start)))) continue;
      // the label: back to the clause start, the previous figure, or LABEL_MAX characters
      let labelStart = tok.start;
      const prev = drafts.length && drafts[drafts.length - 1].fig.sentence === sent.index ? drafts[drafts.length - 1] : null;
      const floor = Math.max(sent.start, prev ? prev.tok.end : 0, tok.start - LABEL_MAX);
      // "其中纠错（含撤销、确认违法）29件": a note in brackets between the words and the figure says what the figure
      // includes; the label is the words before it (the note's own 、 and words are not the figure's label)
      let labelEnd = tok.start;
      const close = s.charCodeAt(tok.start - 1);
      if (close === 0x29 || close === 0xff09) {
        const open = s.lastIndexOf(close === 0x29 ? '(' : '（', tok.start - 2);
        if (open > floor && tok.start - open <= NOTE_MAX && !s.slice(open + 1, tok.start - 1).includes(close === 0x29 ? '(' : '（')) {
          labelEnd = open;
          labelStart = open;
        }
      }
      for (;;) {
        while (labelStart > floor && !isDelim(s, labelStart - 1)) labelStart--;
        // a short bracket inside a name (市（州）12345热线…) is part of the label: go on past it
        const c = s.charCodeAt(labelStart - 1);
        if (!(c === 0x29 || c === 0xff09) || labelStart - 1 <= floor) break;
        const open = s.lastIndexOf(c === 0x29 ? '(' : '（', labelStart - 2);
        if (open <= floor || labelStart - 1 - open > NAME_BRACKET_MAX + 1 || !isCjk(s.charCodeAt(open - 1))) break;
        labelStart = open;
      }
      const label = s.slice(labelStart, labelEnd);
      let kind: FigureKind | null = tok.kind === 'bare' ? null : tok.kind;
      if (!kind) {
        // 复议诉讼比值达2.6: a ratio
        if (RATIO_WORDS.test(label) && !tok.chinese) kind = 'ratio';
        else continue;
      }
      const inParens = s[labelStart - 1] === '(' || s[labelStart - 1] === '（';
      // right context: up to the next delimiter
      let rEnd = tok.end;
      while (rEnd < s.length && rEnd - tok.end < RIGHT_MAX && !isDelim(s, rEnd) && !SENTENCE_END.has(s[rEnd])) rEnd++;
      const rightText = s.slice(tok.end, rEnd);
      const b = bounds(tok);
      const unit = kind === 'ratio' ? '' : tok.unit;
      const fig: Figure = {
        id: figures.length,
        text: line.text.slice(tok.start, tok.end),
        line: line.index,
        range: { start: { line: line.index, character: tok.start }, end: { line: line.index, character: tok.end } },
        kind,
        value: tok.value,
        lo: b.lo,
        hi: b.hi,
        approx: b.approx,
        decimals: tok.decimals,
        unit,
        family: kind === 'count' ? unitFamily[unit] ?? unit : kind,
        label,
        sentence: sent.index,
        clause: 0,
        checks: [],
      };
      const labelMatches = scanWords(label);
      // brackets open at the figure (counted on from the previous figure of the sentence: linear in the line)
      if (bracketSentence !== sent.index) {
        bracketSentence = sent.index;
        bracketAt = sent.start;
        bracketOpen = 0;
        semicolons = 0;
      }
      for (let i = bracketAt; i < tok.start; i++) if (s.charCodeAt(i) === 0x3b || s.charCodeAt(i) === 0xff1b) semicolons++;
      bracketOpen = scanBrackets(s, bracketAt, tok.start, bracketOpen).depth;
      bracketAt = Math.max(bracketAt, tok.start);
      fig.segment = semicolons;
      // "有5083件发生在事业单位，其中…社会保险类争议，占到…的23.97%": a share after 其中 is of a part of the count before
      if (kind === 'percent' && prev && prev.fig.kind === 'count' && listTriggers.some((w) => indexWithin(s, w, prev.tok.end, labelStart) >= 0)) fig.afterList = true;
      if (bracketOpen > 0) fig.bracketed = true;
      drafts.push({ fig, tok, labelStart, labelMatches, rightText, inParens });
      labelStarts.push(labelStart);
      labelEnds.push(labelEnd);
      figures.push(fig);
      sent.figures.push(fig.id);
    }

    // drafts by sentence, and clause numbers within each sentence (one cursor per sentence: linear)
    const bySent = new Map<number, Draft[]>();
    for (const d of drafts) {
      let list = bySent.get(d.fig.sentence);
      if (!list) bySent.set(d.fig.sentence, (list = []));
      list.push(d);
    }
    for (const sent of lineSentences) {
      const list = bySent.get(sent.index);
      if (!list) continue;
      let clause = 0;
      let cursor = sent.start;
      for (const d of list) {
        for (; cursor < d.labelStart; cursor++) if (isDelim(s, cursor) && s.charCodeAt(cursor) !== COMMA_CN) clause++;
        d.fig.clause = clause;
      }
    }

    // what each figure measures
    let lastObject: { sentence: number; object: string } | null = null;
    for (const d of drafts) {
      const f = d.fig;
      const trimmed = trimFillers(f.label);
      let object: string | undefined;
      let stage: LabelMatch | undefined;
      let rate: LabelMatch | undefined;
      for (const m of d.labelMatches) {
        if (m.type === 'object') object = m.id;
        else if (m.type === 'stage') {
          // (or followed only by what is counted: "发现一般隐患32条", the object word ending the label)
          if (endOnlyStages.has(m.word) && m.end < trimmed.length && !(endOnlyBeforeObject.has(m.word) && d.labelMatches.some((o) => o.type === 'object' && o.end === trimmed.length && o.start >= m.end && o.start - m.end <= OBJECT_QUALIFIER_MAX))) continue;
          // "下达整改指令书8份": documents, not the stage
          if (STAGE_DOCUMENTS.some((w) => trimmed.startsWith(w, m.end))) continue;
          // "未调解成功41件": the cases that did not get there
          if (NEGATION_BEFORE.test(trimmed.slice(Math.max(0, m.start - 2), m.start))) continue;
          stage = m;
        } else if (m.type === 'rate') rate = m;
        else if (m.type === 'prior') f.prior = true;
        else if ((m.type === 'up' || m.type === 'down') && m.end >= trimmed.length - 2 && !/[到至]$/.test(trimmed)) f.change = m.type;
      }
      // "（2022年：162件）", "（上年为348件）", "较上年（2,215.3万元）增长12.0%": a prior value in brackets
      if (d.inParens && (/^(?:\d{4}年度?|上年(?:同期)?|去年(?:同期)?)(?:为|是|[:：])?$/.test(f.label) || (!f.label && PRIOR_BEFORE_PARENS.test(s.slice(Math.max(0, d.labelStart - 12), d.labelStart - 1))))) f.prior = true;
      if (!f.label && PRIOR_IN_PARENS.test(s.slice(Math.max(0, d.labelStart - 12), d.labelStart))) f.prior = true;
      // "由2022年的86.5%提高到…": the start of a change written from … to …
      if (/由\s*(?:\d{4}\s*年度?|上年(?:同期)?|去年(?:同期)?|上一年度?)的?$/.test(trimmed) && /^[^，,；;。]{0,3}(?:提高|提升|增加|增长|上升|下降|减少|降低|缩短)(?:到|至)/.test(d.rightText)) f.prior = true;
      // "相比2010年年初36家律师事务所和349名律师，分别增加了8.3%、32.1%": what 相比 names, of another year, is the base
      // of the comparison; a count joined to it by 和/与/及/、, with no clause between, is one too
      if (COMPARED_WITH.test(trimmed)) f.prior = true;
      const before = figures[f.id - 1];
      if (before?.prior && before.sentence === f.sentence && before.kind === f.kind && COMPARED_WITH.test(before.label) && /[和与及、]$/.test(trimmed) && !hasDelim(s, before.range.end.character, d.labelStart)) f.prior = true;
      // "比2022年的100件", "较2022年度": the base of a comparison named by its year
      if (/(?:较|比)\s*\d{4}\s*年(?:度|同期)?的?$/.test(trimmed)) f.prior = true;
      // "与2021年同期收案1364件相比": the base of a comparison closed by 相比 after it
      if (/(?:与|同|和)\s*(?:\d{4}\s*年|上年|去年|上一年)/.test(trimmed) && /^(?:相比|相较|比较)/.test(d.rightText)) f.prior = true;
      // "2023年办案量为147起，2024年办案量为113起": the same words a year earlier name the prior of the count after
      if (before && before.sentence === f.sentence && before.kind === 'count' && f.kind === 'count' && !before.prior && !before.change && nextYearOf(before, f)) before.prior = true;
      // "434件，2017年的440件基本持平": a count named only by another year and held level with is that year's
      if (/^(?:与|同|和)?\s*\d{4}\s*年(?:度|同期)?的?$/.test(trimmed) && /^(?:基本)?持平|^相当/.test(d.rightText) && !(options.reportYear && trimmed.includes(String(options.reportYear)))) f.prior = true;
      // scope of what is counted: a category (治安管理类) and scope words (一审, 中院, 市本级 …)
      const cat = categoryOf(trimmed);
      if (cat) f.category = cat;
      const sc = scopeWordsIn(trimmed);
      if (sc) f.scope = sc;
      // "较上年增加100件" is the change itself, not the prior value; "上年结转1件" counts what this period took over
      // from the last (a part of what it handles), not a value of the last period
      if (f.change || (f.prior && carryOverStated.test(trimmed))) f.prior = false;
      // "同比分别增长12.88%和9.54%": a figure joined to a change by 和/、/及 is a change in the same direction
      const prevFig = figures[f.id - 1];
      if (!f.change && prevFig && prevFig.sentence === f.sentence && prevFig.change && prevFig.kind === f.kind && /^[和与及、,，]?$/.test(trimmed)) f.change = prevFig.change;
      // "审结A地市政府、A地市政府部门案件536件": the clause's stage word, before names joined by 、 (where the label was cut)
      if (!stage && f.kind === 'count' && s[d.labelStart - 1] === '、') {
        let from = d.labelStart - 1;
        while (from > 0 && (!isDelim(s, from - 1) || s.charCodeAt(from - 1) === COMMA_CN) && d.labelStart - from < LABEL_MAX) from--;
        // (names, not counts: "新收、审结非诉行政执行案件7702件、7679件" pairs its counts with its stages in turn)
        const wider = s.slice(from, d.labelStart);
        const first = /\d/.test(wider) ? undefined : scanWords(wider).find((m) => m.type === 'stage');
        if (first && first.start === 0 && !endOnlyStages.has(first.word)) stage = first;
      }
      const right = scanWords(d.rightText);
      if (!object) {
        const ro = right.find((m) => m.type === 'object');
        if (ro && ro.start <= 6) object = ro.id;
      }
      if (!stage && f.kind === 'count') {
        const rs = right.find((m) => m.type === 'stage');
        // (not after a negation: "48件不属于行政诉讼受理范围的案件" were not accepted)
        if (rs && rs.start <= 8 && (!endOnlyStages.has(rs.word) || rightAllowedStages.has(rs.word)) && !/[不未非无]/.test(d.rightText.slice(0, rs.start))) stage = rs;
      }
      if (f.kind === 'percent' && !rate) {
        const rr = right.find((m) => m.type === 'rate');
        if (rr && rr.start === 0) rate = rr;
      }
      if (object) {
        f.object = object;
        lastObject = { sentence: f.sentence, object };
      } else if (lastObject && lastObject.sentence === f.sentence) {
        f.object = lastObject.object;
        f.objectInherited = true;
      }
      // "以调解、和解等方式结案64件" is a part of 审结 (the cases closed that way), not 审结 itself: its stage is the
      // outcome the manner names, or none
      if (stage && stage.id === '审结' && f.kind === 'count') {
        const manner = trimmed.lastIndexOf('方式', stage.start);
        if (manner >= 0) {
          const named = d.labelMatches.filter((m) => m.type === 'stage' && m.end <= manner && outcomesOf['审结']?.includes(m.id)).pop();
          stage = named;
        }
      }
      // "员额法官年均结案298.56件": an average, or decimals of whole things, counts no cases at any stage
      if (f.kind === 'count' && (AVERAGE.test(trimmed) || (f.decimals > 0 && d.tok.scale === 1 && !FRACTIONAL_FAMILIES.has(f.family)))) f.average = true;
      if (stage && f.kind === 'count' && !f.average) {
        f.stage = stage.id;
        f.stageText = stage.word;
        // "受理2345件，调处2283件": 调处 right after a 受理 count of its clause says how many of those were settled
        const after = stageAfterStage.get(stage.word);
        if (after && prevFig && prevFig.sentence === f.sentence && prevFig.kind === 'count' && prevFig.stage === after.after && !/[;；]/.test(s.slice(prevFig.range.end.character, f.range.start.character))) f.stage = after.stage;
      }
      // "去年同期为200件377人": the count written right after a prior in another unit is that prior in persons
      if (!f.prior && !f.change && !f.label && prevFig?.prior && writtenTogether(prevFig, f)) f.prior = true;
      // "批准逮捕158件196人": a count written right after another of another unit, with no words of its own, counts the
      // same thing in persons: it takes that count's stage
      if (!f.stage && !f.label && prevFig?.stage && writtenTogether(prevFig, f)) {
        f.stage = prevFig.stage;
        f.stageText = prevFig.stageText;
      }
      if (f.kind === 'percent' && TARGET_AFTER.some((w) => s.startsWith(w, f.range.end.character))) f.target = true;
      if (rate && (f.kind === 'percent' || f.kind === 'ratio')) {
        f.rate = rate.word;
        f.rateId = rate.id;
      }
      // "住房保障43件（30.2%）": a bare percentage in brackets right after a count is that count's share
      if (!rate && f.kind === 'percent' && d.inParens && !f.label && prevFig && prevFig.sentence === f.sentence && prevFig.kind === 'count' && !prevFig.prior && !prevFig.change && /^[（(]$/.test(s.slice(prevFig.range.end.character, f.range.start.character))) {
        f.rate = '占比';
        f.rateId = '占比';
      }
    }

    // 分别: "收到、受理、审结行政复议案件分别为84件、71件、62件"
    for (const sent of lineSentences) {
      const list = bySent.get(sent.index);
      if (list && list.length > 1) assignRespectively(s, sent, list);
    }

    // lists (the previous sentence may end the previous paragraph: "…100件。⏎其中…")
    // (a sentence with no count in between says what a 其中 after it is of: "截至10月底，审计工作报告反映的问题得到有效
    // 整改。其中，…查出的10个方面20个问题…": not of the last count of the paragraph before)
    for (const sent of lineSentences) {
      const list = bySent.get(sent.index);
      if (!list) {
        if (hasWords(s, sent.start, sent.end)) prevList = [];
        continue;
      }
      buildBreakdowns(s, sent, list, prevList, drafts, breakdowns);
      prevList = list;
    }
    if (!lineSentences.some((x) => bySent.has(x.index)) && s.trim()) prevList = [];

    for (const x of lineSentences) sentences.push(x);
  }

  const labelWords = segmenter ? labelWordsOf(doc, labelStarts, labelEnds, segmenter) : undefined;
  if (segmenter && labelWords && options.nouns !== false) addNouns(figures, labelWords, doc, segmenter);
  if (sections && sections.length) addSections(figures, sections, doc.lineCount);
  const model: FigureModel = { figures, sentences, breakdowns, verdicts: [], segmented: !!segmenter, labelWords, tables: tablesOf(doc), reportYear: options.reportYear };
  if (percentSignsLost(doc)) model.damagedCopy = true;
  model.verdicts = readFigures(model, (line) => doc.lines[line].norm);
  // (the word search keeps no line of this document alive)
  foundIn = '';
  found.clear();
  return model;
}

/** A label opening on what a comparison is with, of another year: "相比2010年年初", "与上年相比". */
const COMPARED_WITH = /^(?:与|同|和)?\s*(?:相比|相较|对比)(?:于)?\s*(?:\d{4}\s*年|上年|去年|上一年)/;

/** A share with a number and no per cent sign or unit after it: "占52；", "占比2，". */
const BARE_SHARE = /占(?:比|到)?(?:为|达)?\d+(?:\.\d+)?(?=[，,；;。、）)]|$)/gm;
/** A share written as such: "占52%". */
const SHARE = /占(?:比|到)?(?:为|达)?\d+(?:\.\d+)?\s*%/g;
/** How many shares without their per cent sign make a copy read as one that lost them. */
const BARE_SHARES_MIN = 2;

/** Has the copy lost the per cent signs of its shares (more bare shares than written ones, at least BARE_SHARES_MIN)? */
function percentSignsLost(doc: ReportDocument): boolean {
  if (!doc.text.includes('占')) return false;
  let bare = 0;
  let written = 0;
  for (const line of doc.lines) {
    if (!line.norm.includes('占')) continue;
    bare += line.norm.match(BARE_SHARE)?.length ?? 0;
    written += line.norm.match(SHARE)?.length ?? 0;
  }
  return bare >= BARE_SHARES_MIN && bare > written;
}

function assignRespectively(s: string, sent: Sentence, drafts: Draft[]): void {
  let from = sent.start;
  for (let guard = 0; guard < MAX_TRIGGERS; guard++) {
    const at = indexWithin(s, '分别', from, sent.end);
    if (at < 0) return;
    from = at + 2;
    const after = drafts.filter((d) => d.fig.sentence === sent.index && d.tok.start > at);
    const before = drafts.filter((d) => d.fig.sentence === sent.index && d.tok.end <= at);
    const nameStart = Math.max(sent.start, before.length ? before[before.length - 1].tok.end : 0, at - LABEL_MAX);
    let k = at;
    while (k > nameStart && !(isDelim(s, k - 1) && s.charCodeAt(k - 1) !== COMMA_CN)) k--;
    const names = s.slice(k, at).split(/[、和及与]/).filter((x) => x.length > 0);
    if (names.length < 2 || after.length < names.length) continue;
    const list = after.slice(0, names.length);
    if (list.some((d) => d.fig.kind !== list[0].fig.kind)) continue;
    // the figures must follow one another directly (only 、 or , between them)
    let contiguous = true;
    for (let i = 1; i < list.length; i++) {
      const gap = s.slice(list[i - 1].tok.end, list[i].tok.start);
      if (gap.length > 3) contiguous = false;
    }
    if (!contiguous) continue;
    const namesText = s.slice(k, at);
    names.forEach((name, i) => {
      const f = list[i].fig;
      const ms = scanWords(name);
      const st = ms.find((m) => m.type === 'stage');
      const rt = ms.find((m) => m.type === 'rate');
      // "调处率和调处成功率分别达到99.7%和97%": a name that is a rate of its own (…率) is not the rate read from another
      // name before 分别 ("9月、10月败诉率分别为…" is every name's 败诉率, and so is one written after 分别)
      if (!rt && f.kind === 'percent' && f.rate && name.endsWith('率') && namesText.includes(f.rate)) {
        f.rate = undefined;
        f.rateId = undefined;
      }
      const ob = ms.find((m) => m.type === 'object') ?? scanWords(names[names.length - 1]).find((m) => m.type === 'object');
      if (st && f.kind === 'count') {
        f.stage = st.id;
        f.stageText = st.word;
      }
      if (rt && f.kind === 'percent') {
        f.rate = rt.word;
        f.rateId = rt.id;
      }
      if (ob) {
        f.object = ob.id;
        f.objectInherited = false;
      }
      f.label = `${name}${s.slice(k + s.slice(k, at).length, at + 2)}`;
    });
  }
}

/** Any clause delimiter between `from` and `to`. */
function hasDelim(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isDelim(s, i) || SENTENCE_END.has(s[i])) return true;
  return false;
}

/**
 * Does `f` name one more item of the kind `parts` enumerate? Both name a publication channel (政府网站 … 微信公众号), or
 * both labels end in the same head noun (民事案件 … 行政案件, 咨询类 … 投诉类), and `f` names no stage and opens no
 * new topic (办理、全年 …): then it is no new topic, whatever its size.
 */
function sameKindOfItem(parts: Draft[], f: Figure): boolean {
  if (f.stage || listStops.some((w) => f.label.includes(w))) return false;
  const channel = (label: string) => channelWords.some((w) => label.includes(w));
  const head = (label: string) => (label.endsWith('类') ? '类' : label.length >= 3 ? label.slice(-2) : '');
  return parts.some((p) => (channel(p.fig.label) && channel(f.label)) || (head(f.label) !== '' && head(p.fig.label) === head(f.label)));
}

function sameFamily(a: Figure, b: Figure): boolean {
  return a.kind === 'count' && b.kind === 'count' && a.family === b.family;
}

function isShare(f: Figure): boolean {
  return f.kind === 'percent' && f.rateId === '占比';
}

/** Parts of a list starting after offset `from`: consecutive counts of one unit family, up to a stop. */
/**
 * The parts of a list from `from` on. `opensSentence`: the list word opens its sentence ("…3243件。其中，…67件，罚款金额
 * 6427.8万元；查封、扣押案件1928件；…"), so the whole sentence is the list and its semicolons separate items.
 */
/** A part named as a total of its own measure: 总受理量, 总派单数. */
const OWN_TOTAL = /总[\u4e00-\u9fff]{1,4}(?:量|数)$/;

/** A negation right before a stage word: "未调解成功", "不成功", "没有办结". */
const NEGATION_BEFORE = /(?:[未不]|没有|尚未)$/;

/** "包括…在内" before any number: the names are of the count after them. */
const INCLUDING_THOSE = /^[^\d０-９。；;]*?在内/;
const INCLUDING_REACH = 40;

/** 其中 followed by where: "其中在富川县…", "其中，在春季行动中…". */
const SCOPE_AFTER_TRIGGER = /^[，,：:\s]?在/;

/** Units a part may be measured in beside its count (weights): "烟叶123件，重量6290公斤". */
const MEASURE_FAMILIES = new Set(['kilogram', 'tonne']);

/** `measures`: filled with each part's measure in another unit written in its clause (amounts, weights). */
function collectParts(s: string, inSent: Draft[], from: number, total?: Figure, totalStage = total?.stage, opensSentence = false, measures?: Map<Draft, Draft>): Draft[] {
  const parts: Draft[] = [];
  let prevEnd = from;
  // brackets opened since the list began: a figure inside them is a subset of the part before it ("320件已完成（其中
  // 市级68件）"), not a part; a bracket closed that the list did not open ends a list written inside brackets
  // ("375件（其中市级74件），320件已完成")
  let depth = 0;
  let afterShare = false;
  /** Parts since the last semicolon: a later stage of the one part of a segment is no part of the list. */
  let segmentParts = 0;
  /** Inside a list nested in a part ("机构类20条，其中领导成员10条、…；工作类11条"): its counts are skipped up to the semicolon. */
  let nested = false;
  /** The first part is introduced by a clause of its own (一号窝点，…123件): so may the others be. */
  let introduced = false;
  for (let di = 0; di < inSent.length; di++) {
    const d = inSent[di];
    if (d.tok.start < from) continue;
    if (parts.length >= WINDOW) break;
    // a count that names who the next count of its clause is about (17个地市差评工单1249个): not a part itself
    const next = inSent[di + 1];
    if (next && d.fig.kind === 'count' && next.fig.kind === 'count' && next.fig.family === d.fig.family && !hasDelim(s, d.tok.end, next.tok.start)) continue;
    const gap = s.slice(prevEnd, d.tok.start);
    if (nested) {
      if (!gap.includes(';') && !gap.includes('；')) {
        prevEnd = d.tok.end;
        continue;
      }
      nested = false;
    }
    const brackets = scanBrackets(s, prevEnd, d.tok.start, depth);
    if (brackets.closedOutside) break;
    depth = brackets.depth;
    if (depth > 0) {
      prevEnd = d.tok.end;
      continue;
    }
    // a semicolon ends the list, except between items written "count, share; count, share; …" (其中，咨询类12件，
    // 占60%；求助类8件，占40%) when the next item names no stage of its own, or an outcome of the total's (其中，维持
    // 1691件，占比61.4%；驳回630件，占比22.7%；…)
    const itemStage = !d.fig.stage || d.fig.stage === totalStage || (!!totalStage && (outcomesOf[totalStage]?.includes(d.fig.stage) ?? false));
    if ((gap.includes(';') || gap.includes('；')) && !((afterShare || opensSentence) && parts.length > 0 && itemStage && d.fig.kind === 'count')) break;
    if (gap.includes(';') || gap.includes('；')) segmentParts = 0;
    afterShare = false;
    // a list word after a part opens a list of that part: it ends the list, or, where semicolons separate the items
    // (the list opens its sentence), the list goes on after the nested one
    if (parts.length > 0 && listTriggers.some((w) => gap.includes(w))) {
      if (!opensSentence) break;
      nested = true;
      prevEnd = d.tok.end;
      continue;
    }
    // an amount of money after a part is that part's (按日连续处罚案件67件，罚款金额6427.8万元): not a part, not an end
    // (so is a measure of it in another unit, in its clause: "一号窝点，囤积烟叶123件，重量6290公斤；二号窝点…")
    const amountOfPart =
      parts.length > 0 &&
      parts[0].fig.family !== d.fig.family &&
      d.fig.kind === 'count' &&
      (d.fig.family === 'money' || (MEASURE_FAMILIES.has(d.fig.family ?? '') && !/[;；。]/.test(gap)));
    if (amountOfPart) measures?.set(parts[parts.length - 1], d);
    if (d.fig.kind !== 'count' || amountOfPart) {
      if (isShare(d.fig) || amountOfPart) {
        prevEnd = d.tok.end;
        afterShare = true;
        continue;
      }
      break;
    }
    if (parts.length > 0 && !sameFamily(parts[0].fig, d.fig)) break;
    // a count in another measure word than the total and every part so far is no part ("主动公开政府信息38条，其中
    // 公文8条、非公文66条，作出行政处罚决定8件")
    if (parts.length > 0 && total && total.unit && d.fig.unit !== total.unit && parts.every((p) => p.fig.unit === total.unit)) break;
    // a clause without a figure between two parts ends the list
    // (、 joins words inside a name too: "；查封、扣押案件1928件" is one item)
    // (unless each part is introduced so, the first too: "其中，一号窝点，囤积烟叶123件…；二号窝点，囤积烟叶947件")
    const segs = gap.replace(/[（(][^（）()]*[）)]/g, '').split(/[,，;；:：]/);
    const clauseBetween = segs.length > 2 && segs.slice(1, -1).some((x) => x.trim().length > 0);
    if (parts.length === 0) introduced = clauseBetween;
    else if (clauseBetween && !introduced) break;
    // (已… after the one part of its part of the sentence is how many of that part got there: read below)
    if (parts.length > 0 && (listStops.some((w) => d.fig.label.startsWith(w)) || (listJoin.endsAtDone.test(gap) && segmentParts !== 1))) break;
    // (so does a part with no words before it whose words after it open with 已: "其中有效信件770件，662件已转有关部门办理"
    // is how many of those got that far)
    if (parts.length > 0 && !d.fig.label.trim() && /^已/.test(d.rightText)) break;
    // the rest of the total (12件尚未审结 after the outcomes of 审结140件) is no part of it
    if (parts.length > 0 && total?.stage && d.fig.stage && complements[total.stage]?.includes(d.fig.stage)) break;
    // a later "part" larger than the whole list so far is a new topic, not a part (a first part may be a typo)
    // (unless a conjunction ties it to the list: "包括机构概况1条，以及经费信息2条" lists it, whatever its size, or it
    // names one more item of the kind the list enumerates: "包括网站20条，公众号400条", "民事案件20件，行政案件500件")
    // (unless the first part already was: then the total is what is in doubt, and the list goes on — "破获网络案件2起，
    // 其中省标11起，国标9起，部督案件1起" is 11 + 9 + 1 = 21 > 2, not 11 > 2)
    if (parts.length > 0 && total && d.fig.lo > total.hi && parts[0].fig.lo <= total.hi && !listJoin.joins.test(gap) && !sameKindOfItem(parts, d.fig)) break;
    if (d.fig.prior || d.fig.change) break;
    // "其中发现重大隐患0条，下发整改指令书5条": documents issued are no part of what the list counts
    if (parts.length > 0 && STAGE_DOCUMENTS.some((w) => d.fig.label.includes(w)) && !parts.some((p) => STAGE_DOCUMENTS.some((w) => p.fig.label.includes(w)))) break;
    // "其中武汉58件，已办结58件；襄阳7件，已办结7件": a stage count right after the one part of its part of the sentence
    // is how many of those items got there, not another part (after several parts it may end the list: stageCuts)
    if (segmentParts === 1 && !parts[parts.length - 1].fig.stage && d.fig.stage) {
      prevEnd = d.tok.end;
      afterShare = true;
      continue;
    }
    segmentParts++;
    parts.push(d);
    prevEnd = d.tok.end;
  }
  return parts;
}

/**
 * Every part names its own object, none the total's ("政府信息公开申请28件，其中行政复议1件、行政诉讼0件": the challenges
 * that followed, not kinds of request): a zero among them says nothing of the list being complete.
 */
function partsOfOtherObjects(total: Figure, parts: Draft[]): boolean {
  return !!total.object && parts.every((d) => !!d.fig.object && !d.fig.objectInherited && d.fig.object !== total.object);
}

export function isNested(a: Figure, b: Figure): boolean {
  if (!a.stage || !b.stage) return false;
  if (outcomesOf[a.stage]?.includes(b.stage)) return true;
  if (nestedPairs.some(([x, y]) => x === a.stage && y === b.stage)) return true;
  const f = funnelOf(a.stage, b.stage);
  return !!f && f.ia < f.ib;
}

/** The word of listComplete (其他, 其余 …) a label names a remainder by, outside quotation marks. */
function otherWordIn(label: string): string | undefined {
  return listComplete.find((w) => {
    for (let i = label.indexOf(w); i >= 0; i = label.indexOf(w, i + 1)) if (!OPENING_QUOTE.test(label[i - 1] ?? '')) return true;
    return false;
  });
}
const OPENING_QUOTE = /[“"「『‘']/;

/** "两个窝点" before a list: how many parts there are, and what each is (a measure word between). */
const COUNTED = /([两二三四五六七八九十]|[2-9])(?:个|家|类|项|种|处|批|名|位)([\u4e00-\u9fff]{2,4})/g;
const SMALL_NUMERALS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * "两个窝点烟叶合计重量436860公斤。其中，一号窝点…重量6290公斤；二号窝点…重量420570公斤": the text says how many
 * parts there are, and the list names each of them (each part's own stretch of text names what they are): the list
 * is complete, so parts adding up to less than the total are a contradiction too. Returns what was counted ("两个窝点").
 */
function countedParts(s: string, total: Figure, at: number, parts: Draft[]): string | undefined {
  if (parts.length < 2) return undefined;
  const head = s.slice(Math.max(0, total.range.start.character - LABEL_MAX), at);
  for (const m of head.matchAll(COUNTED)) {
    if ((SMALL_NUMERALS[m[1]] ?? Number(m[1])) !== parts.length) continue;
    for (let len = m[2].length; len >= 2; len--) {
      const noun = m[2].slice(0, len);
      let from = at;
      const named = parts.every((p) => {
        const stretch = s.slice(from, p.tok.start);
        from = p.tok.end;
        return stretch.includes(noun);
      });
      if (named) return `${m[1]}${m[0].slice(m[1].length, m[0].length - m[2].length)}${noun}`;
    }
  }
  return undefined;
}

function makeBreakdown(sent: Sentence, total: Figure, parts: Draft[], trigger: Breakdown['trigger'], drafts: Draft[]): Breakdown {
  const nested: number[] = [];
  for (let j = 1; j < parts.length; j++) {
    for (let i = 0; i < j; i++) {
      if (!nested.includes(parts[i].fig.id) && isNested(parts[i].fig, parts[j].fig)) {
        nested.push(parts[j].fig.id);
        break;
      }
    }
  }
  let complete = false;
  let completeReason: Breakdown['completeReason'];
  // (an item of its own: a list of one part, or a word quoted in an item's description, "既有“四大类”又有“其他类”的
  // 综合机构327家", names no remainder)
  // (the remainder comes last: "其他重点信息5条、工作动态63条" names a column called so, not the rest)
  const otherWord = parts.length > 1 ? otherWordIn(parts[parts.length - 1].fig.label) : undefined;
  if (otherWord) {
    complete = true;
    completeReason = { id: 'other', args: { word: otherWord } };
  // (a zero among two parts may be a count of something else beside one part: "其中重大隐患0条，下发整改指令书5条")
  } else if (parts.length > 2 && parts.some((d) => d.fig.value === 0 && !d.fig.approx) && !partsOfOtherObjects(total, parts)) {
    complete = true;
    completeReason = { id: 'zero', args: {} };
  } else {
    // shares after the parts adding up to 100%
    const last = parts[parts.length - 1];
    const shares = drafts.filter(
      (d) => d.fig.sentence === sent.index && isShare(d.fig) && d.tok.start > parts[0].tok.start && d.tok.start < (last.tok.end + 12),
    );
    if (shares.length >= 2 && shares.length === parts.length) {
      const sum = shares.reduce((a, d) => a + d.fig.value, 0);
      const tol = shares.reduce((a, d) => a + 10 ** -d.fig.decimals, 0);
      if (Math.abs(sum - 100) <= tol) {
        complete = true;
        completeReason = { id: 'sharesHundred', args: { sum: Number(sum.toFixed(4)) } };
      }
    }
  }
  return { total: total.id, parts: parts.map((d) => d.fig.id), trigger, complete, completeReason, nested };
}

function buildBreakdowns(
  s: string,
  sent: Sentence,
  inSent: Draft[],
  prevSent: Draft[],
  lineDrafts: Draft[],
  out: Breakdown[],
): void {
  const listed = new Set<number>();
  /** The lists of this sentence begin here in `out` (those of earlier sentences are no concern of it). */
  const firstOfSentence = out.length;
  // 其中 (and the other words that open a list of parts: figures.json listTriggers, 包括：…)
  let from = sent.start;
  for (let guard = 0; guard < MAX_TRIGGERS; guard++) {
    let at = -1;
    let word = '';
    for (const w of listTriggers) {
      const i = indexWithin(s, w, from, sent.end);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        word = w;
      }
    }
    if (at < 0) break;
    from = at + word.length;
    // "包括苏农银行、常熟银行等在内的19家农商行": members named of the count that follows, no list of the one before
    if (INCLUDING_THOSE.test(s.slice(from, Math.min(sent.end, from + INCLUDING_REACH)))) continue;
    // "其中包括…": two trigger words in a row open one list
    const next = listTriggers.find((w) => s.startsWith(w, from));
    if (next) from += next.length;
    let hint: Figure | undefined;
    for (let i = inSent.length - 1; i >= 0 && !hint; i--) {
      if (inSent[i].tok.end <= at && inSent[i].fig.kind === 'count' && !inSent[i].fig.prior && !inSent[i].fig.change) hint = inSent[i].fig;
    }
    // "…审结2755件。其中，维持…": the previous sentence's last count outside brackets names the stage whose outcomes
    // the list may go on with across its semicolons (only that: it is not taken as the list's total here)
    let stageOf = hint;
    for (let i = prevSent.length - 1; i >= 0 && !stageOf && at - sent.start <= 2; i--) {
      const d = prevSent[i];
      if (d.fig.kind === 'count' && !d.fig.prior && !d.fig.change && !d.fig.bracketed) stageOf = d.fig;
    }
    const measures = new Map<Draft, Draft>();
    let parts = collectParts(s, inSent, from, hint, stageOf?.stage, at - sent.start <= 2, measures);
    if (parts.length === 0) continue;
    // "其中总受理量119949件、总派单量36970件、总回访量69087件": each a total of its own measure, no split of one
    if (parts.length >= 2 && parts.every((d) => OWN_TOTAL.test(d.fig.label))) continue;
    // parts each measured in another unit (weights), with no total in their own unit but one in that unit before the
    // list: the list is of the measures ("两个窝点烟叶合计重量436860公斤。其中，一号窝点…123件，重量6290公斤；…")
    if (parts.length >= 2 && parts.every((p) => measures.has(p))) {
      const m = parts.map((p) => measures.get(p)!);
      const family = m[0].fig.family;
      const before = [...inSent.filter((d) => d.tok.end <= at), ...(at - sent.start <= 2 ? prevSent : [])];
      if (m.every((d) => d.fig.family === family) && !before.some((d) => sameFamily(d.fig, parts[0].fig)) && before.some((d) => d.fig.family === family && !d.fig.prior && !d.fig.change)) parts = m;
    }
    // the total: the nearest same-family count before 其中 in this sentence, else the last one of the previous
    // sentence; the other counts before the list are kept as other plausible totals (readings/sum.ts)
    // (an average is no total: "平均办结时长6.8天…其中各县区平均7.1天，市直单位6.2天")
    const usable = (f: Figure) => sameFamily(f, parts[0].fig) && !f.prior && !f.change && !f.average && !parts.some((p) => p.fig.id === f.id);
    let total: Figure | undefined;
    const candidates: number[] = [];
    // (a count in brackets closed before the list is a note on the count before it, "160件（含上年结转9件），其中纠错
    // 36件": the total is the count outside them; a list inside the same brackets is of the count there)
    let noted: Figure | undefined;
    for (let i = inSent.length - 1; i >= 0 && candidates.length < WINDOW; i--) {
      const d = inSent[i];
      if (d.tok.end <= at && usable(d.fig)) {
        if (!total && !noted && d.fig.bracketed && scanBrackets(s, d.tok.end, at).closedOutside) noted = d.fig;
        else total ??= d.fig;
        candidates.push(d.fig.id);
      }
    }
    total ??= noted;
    let fromPrevious = false;
    // the previous sentence's counts, when 其中 opens this sentence ("…46653件。其中…"); a 其中 after a clause
    // without a count ("受理案件以市场监管领域为主，其中…") belongs to what that clause names, not to whatever count
    // ended the previous sentence. A count inside brackets there is a split of its own ("46653件（电话41424件、
    // 非电话5229件）。其中…"): the total is the last count outside them when there is one.
    if (at - sent.start <= 2) {
      let bracketed: Figure | undefined;
      for (let i = prevSent.length - 1; i >= 0 && candidates.length < WINDOW; i--) {
        const d = prevSent[i];
        if (!usable(d.fig)) continue;
        if (!total) {
          if (d.fig.bracketed) bracketed ??= d.fig;
          else {
            total = d.fig;
            fromPrevious = true;
          }
        }
        candidates.push(d.fig.id);
      }
      if (!total && bracketed) {
        total = bracketed;
        fromPrevious = true;
      }
    }
    // "接收留言15件；接听群众来电8947个，其中转办2274件": the list is of the count right before 其中 (in its clause),
    // written in another measure word; no count further back is its total (an amount of money is no such count:
    // "受理调解案件8608起…，总标的6.89亿元；其中，委托调解1034件" lists cases)
    if (hint && total && hint !== total && hint.family !== 'money' && !sameFamily(hint, parts[0].fig) && hint.id > total.id && /^[\s,，]*$/.test(s.slice(hint.range.end.character, at))) continue;
    // "…放射工作人员34件；医疗执业许可包括：医疗机构许可255件…": words of their own before the trigger, in its clause,
    // name the list's total; the one count earlier on the line labelled so is it, not the nearest count of another clause
    const clauseStart = Math.max(s.lastIndexOf(';', at - 1), s.lastIndexOf(',', at - 1), sent.start - 1) + 1;
    const subject = s.slice(clauseStart, at).trim();
    if (total && total.range.end.character <= clauseStart && subject.length >= 2 && !/\d/.test(subject)) {
      const named = lineDrafts.filter((d) => d.tok.end <= clauseStart && usable(d.fig) && d.fig.label.length >= subject.length && d.fig.label.endsWith(subject));
      if (named.length === 1) total = named[0].fig;
    }
    if (!total) continue;
    const b = makeBreakdown(sent, total, parts, '其中', inSent);
    if (!b.complete) {
      const counted = countedParts(s, total, at, parts);
      if (counted) {
        b.complete = true;
        b.completeReason = { id: 'counted', args: { what: counted } };
      }
    }
    b.totalFromPrevious = fromPrevious;
    if (!fromPrevious && inSent.some((d) => d.fig.id > total!.id && d.tok.end <= at)) b.totalDistant = true;
    // "…移交公安1起，其中在某县销毁…，立案查处…4起": 其中 followed by where (在…) picks out a part of all the work
    // before it, not of the count right before it
    if (SCOPE_AFTER_TRIGGER.test(s.slice(from, from + 3))) b.scoped = true;
    b.candidates = candidates.filter((id) => id !== total!.id);
    // the counts of the paragraph's earlier sentences (than the one the total was taken from)
    const earlierThan = fromPrevious && prevSent.length ? prevSent[0].fig.sentence : sent.index;
    const earlier = lineDrafts.filter((d) => d.fig.sentence < earlierThan && usable(d.fig)).map((d) => d.fig.id);
    if (earlier.length) b.earlier = earlier.slice(-WINDOW);
    out.push(b);
    parts.forEach((d) => listed.add(d.fig.id));
  }
  // "…中," antecedents: 在已审结的案件中, 国务院重点推进的13项高效办成一件事中
  let triggers = 0;
  for (let i = indexWithin(s, '中', sent.start, sent.end); i >= 0 && triggers < MAX_TRIGGERS; i = indexWithin(s, '中', i + 1, sent.end)) {
    if (!(s[i + 1] === ',' || s[i + 1] === '，')) continue;
    triggers++;
    let k = i;
    while (k > sent.start && !isDelim(s, k - 1) && i - k < LABEL_MAX) k--;
    const clause = s.slice(k, i + 1);
    if (antecedentExclude.some((w) => clause.endsWith(w)) || movesInto(clause)) continue;
    const parts = collectParts(s, inSent, i + 1);
    if (parts.length === 0 || parts.some((d) => listed.has(d.fig.id))) continue;
    let total: Figure | undefined;
    const inside = inSent.filter((d) => d.tok.start >= k && d.tok.end <= i && d.fig.kind === 'count');
    if (inside.length === 1 && sameFamily(inside[0].fig, parts[0].fig)) total = inside[0].fig;
    else if (inside.length === 0) {
      const st = scanWords(clause).find((m) => m.type === 'stage');
      if (st) {
        for (let j = lineDrafts.length - 1; j >= 0; j--) {
          const d = lineDrafts[j];
          if (d.tok.end <= k && d.fig.stage === st.id && sameFamily(d.fig, parts[0].fig)) {
            total = d.fig;
            break;
          }
        }
      }
    }
    if (!total) continue;
    out.push(makeBreakdown(sent, total, parts, '中', inSent));
    parts.forEach((d) => listed.add(d.fig.id));
  }
  // implicit enumerations that add up exactly: 399份…继续有效的60件,需要修改的13件,失效、废止的326件
  for (let a = 0; a < inSent.length; a++) {
    const t = inSent[a].fig;
    if (t.kind !== 'count' || t.approx || t.prior || t.change || listed.has(t.id)) continue;
    let sum = 0;
    const parts: Draft[] = [];
    for (let b = a + 1; b < inSent.length && b <= a + WINDOW; b++) {
      const d = inSent[b];
      if (isShare(d.fig)) continue;
      if (!sameFamily(t, d.fig) || d.fig.approx || d.fig.prior || d.fig.change) break;
      sum += d.fig.value;
      parts.push(d);
      if (sum >= t.value) break;
    }
    if (parts.length >= 2 && Math.abs(sum - t.value) < 1e-9 && !parts.some((d) => listed.has(d.fig.id))) {
      out.push({ total: t.id, parts: parts.map((d) => d.fig.id), trigger: 'implicit', complete: true, nested: [] });
    }
  }
  // a count right before a bracket that holds two or more counts of its family and nothing else counted, no
  // comparison and no other bracket ("查处各类违法行为48158宗（立案查处4955宗，教育整改43230宗）"): the bracket splits it,
  // or names some of its parts, and in no reading do they exceed it
  // (the totals of this sentence's lists, and the figures inside a bracket read forward from its count: a dense
  // sentence stays linear)
  const totals = new Set(out.slice(firstOfSentence).map((b) => b.total));
  for (let a = 0; a < inSent.length; a++) {
    const t = inSent[a].fig;
    const open = s[inSent[a].tok.end];
    if (t.kind !== 'count' || t.approx || t.prior || t.change || (open !== '(' && open !== '（')) continue;
    const close = s.indexOf(open === '(' ? ')' : '）', inSent[a].tok.end + 1);
    if (close < 0 || close - inSent[a].tok.end > BRACKET_SPLIT_MAX || totals.has(t.id)) continue;
    const inner = s.slice(inSent[a].tok.end + 1, close);
    if (/[（(]/.test(inner) || BRACKET_NOT_A_SPLIT.test(inner)) continue;
    const inside: Draft[] = [];
    for (let b = a + 1; b < inSent.length && inSent[b].tok.end <= close; b++) inside.push(inSent[b]);
    if (inside.length < 2 || inside.some((d) => !sameFamily(t, d.fig) || d.fig.approx || d.fig.prior || d.fig.change || listed.has(d.fig.id))) continue;
    out.push({ total: t.id, parts: inside.map((d) => d.fig.id), trigger: 'bracket', complete: false, nested: [] });
    inside.forEach((d) => listed.add(d.fig.id));
  }
}

/** The longest bracket read as a split of the count before it. */
const BRACKET_SPLIT_MAX = 80;
/** Words in a bracket that make its counts something other than parts of the count before it. */
const BRACKET_NOT_A_SPLIT = /同比|环比|较|比上|上年|去年|增长|下降|增加|减少|平均|累计|其中/;

/**
 * The counted nouns (display only: the hover and `fazhi-report figures`) from the segmenter. Only the short texts
 * that need it are cut (the native call is most of the cost of an analysis): the few characters after each unit
 * (the counted noun: 96件信访积案), else the label's last words.
 */
function addNouns(figures: Figure[], labelWords: (f: Figure) => string[], doc: ReportDocument, segmenter: Segmenter): void {
  const stopAt = (t: string) => CLAUSE_DELIM.has(t) || SENTENCE_END.has(t) || /[0-9]/.test(t);
  for (const f of figures) {
    const norm = doc.lines[f.line].norm;
    const after: string[] = [];
    const end = f.range.end.character;
    let rEnd = end;
    while (rEnd < norm.length && rEnd - end < RIGHT_MAX && !isDelim(norm, rEnd)) rEnd++;
    if (rEnd > end) {
      for (const t of segmenter(norm.slice(end, rEnd))) {
        if (stopAt(t) || after.join('').length >= 8) break;
        after.push(t);
      }
    }
    const noun = after.join('') || labelWords(f).filter((t) => !stopAt(t) && !conflictFillers.has(t) && !/^[达为是了共计]+$/.test(t)).slice(-2).join('');
    if (noun) f.noun = noun;
  }
}

/** A figure's label (up to a bracketed note before the figure) cut into words, once per figure, when first asked. */
function labelWordsOf(doc: ReportDocument, labelStarts: number[], labelEnds: number[], segmenter: Segmenter): (f: Figure) => string[] {
  const cut = new Map<number, string[]>();
  return (f) => {
    let words = cut.get(f.id);
    if (!words) {
      const label = doc.lines[f.line].norm.slice(labelStarts[f.id], labelEnds[f.id]);
      words = label ? segmenter(label) : [];
      cut.set(f.id, words);
    }
    return words;
  };
}

/**
 * The section each figure sits in (optional context: the outline may be empty). Nodes come in pre-order, so a
 * deeper section overwrites its parent on the lines it covers; runs of lines are filled once per node.
 */
function addSections(figures: Figure[], nodes: OutlineNode[], lineCount: number): void {
  const byLine: (string | undefined)[] = new Array(lineCount);
  const subjectByLine: (string | undefined)[] = new Array(lineCount);
  // sub-sections (under a numbered part) that come as two or more siblings all named by a short name: subject headings
  const subjects = new Set<OutlineNode>();
  for (const n of nodes) {
    const kids = n.children.filter((c) => c.kind !== 'title');
    if (n.kind === 'title' || kids.length < 2 || !kids.every((c) => c.name.length <= SUBJECT_NAME_MAX)) continue;
    for (const c of kids) subjects.add(c);
  }
  for (const n of nodes) {
    if (n.kind === 'title') continue;
    const to = Math.min(lineCount - 1, n.range.end.line);
    for (let l = Math.max(0, n.range.start.line); l <= to; l++) {
      byLine[l] = n.name;
      if (subjects.has(n)) subjectByLine[l] = n.name;
    }
  }
  for (const f of figures) {
    const name = byLine[f.line];
    if (name) f.section = name;
    const subject = subjectByLine[f.line];
    if (subject) f.subject = subject;
  }
}
