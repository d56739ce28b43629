// unbacked-metric: a claim a reviewer answers with "based on what?": a rate or percentage that no counts let anyone
// recompute (参考率、合格率均达到100% — 2135 took part, but how many passed?), an increase or reduction with no base
// (压减62.5%), a vague ranking of something measurable (综合排名走在全市前列). A gentle note: real reports contain many.
// The backing is looked for where writers put it (rules/unbacked/scope.ts): the sentence, the paragraph and the one
// it continues, a table row or the table beside it, counts with or without measure words. Targets, plans and
// slogans are not claims of achievement. See docs/rules/unbacked-metric.md.
import type { Rule, RuleContext } from '../rule';
import { listWithPart, type Figure, type FigureModel } from '../figures/model';
import { holdsByFigureChecks, isVerifiedByFigureChecks } from '../figures/backing';
import { isTableShareBacked, tablesOf } from '../tables';
import { RESPECTIVELY_SHARE, isFunnelStep, rateById, stageGroups, stageGroupsOptional } from '../figures/vocab';
import { countsInValueRange, exactCountValuesInRange, grim, grimApplies, reproduces, sortedValues, valuesInRange, wholeRange } from '../figures/arith';
import { Scope, window, type Num } from './unbacked/scope';
import { reproducedAcross, reproducedWithin, type Target } from './unbacked/reproduce';
import { rankingClaims } from './unbacked/ranking';
import { baseStatedElsewhere, commonBase, respectiveBases, sharesGivenByOneBase, sharesOfTheirSum, type SharePair } from './unbacked/elsewhere';
import figuresData from '../../../data/figures.json';
import data from '../../../data/unbacked.json';
import { alternation } from '../regex';

const alt = alternation;
const TARGET = new RegExp(alt(data.targetWords.words));
/** Words saying a count was all dealt with (全部予以答复, 均已办结): a 100% rate after it is that count's. */
const ALL_OF_IT = new RegExp(alt(data.allWords.words));
const RATE_WORDS = [...new Set([...data.rateWords.words, ...figuresData.rates.flatMap((r) => r.names)])].sort((a, b) => b.length - a.length);
const RATE_AT_END = new RegExp(`(${alt(RATE_WORDS)})[^，,。；;、]{0,4}$`);
const CLAUSE_START = /[，,；;。]/;
/** A line (paragraph) longer than this (several whole reports run together) is not read by this check. */
const MAX_LINE = 60000;
/** At most this many percentages of one line (paragraph) are examined: a real paragraph has a few dozen. */
const MAX_PER_LINE = 300;

/** Lines of the plan section (下一年度的主要安排): what is written there are targets, not achievements. */
function planLines(ctx: RuleContext): Set<number> {
  const out = new Set<number>();
  const s = ctx.sections();
  for (const hit of s.hits) {
    if (hit.type !== 'plan') continue;
    const end = hit.node ? hit.node.range.end.line : hit.top ? hit.top.range.end.line : ctx.doc.lineCount - 1;
    for (let l = hit.line; l <= end; l++) out.add(l);
  }
  return out;
}

/** Stage ids a rate's numerator or base may be stated as (纠错 as 撤销 + 变更 + …). */
function expand(stages: string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const st of stages ?? []) {
    out.add(st);
    for (const g of stageGroups[st] ?? []) out.add(g);
    for (const g of stageGroupsOptional[st] ?? []) out.add(g);
  }
  return out;
}

export const unbackedMetric: Rule = {
  code: 'unbacked-metric',
  tags: ['figures', 'sections'],
  defaultSeverity: 'information',
  check(ctx: RuleContext) {
    const model = ctx.figures;
    if (!model) return;
    const scope = new Scope(ctx.doc, ctx.outline);
    let plan: Set<number> | null = null;
    const inPlan = (line: number) => (plan ??= planLines(ctx)).has(line);
    const sentenceOf = (f: Figure) => model.sentences[f.sentence];
    const byLine = new Map<number, Figure[]>();
    for (const g of model.figures) {
      let list = byLine.get(g.line);
      if (!list) byLine.set(g.line, (list = []));
      list.push(g);
    }

    // rates verified by their counts, by name and value as written: a restatement of one (直接纠错率13.0% in the
    // 不足 part, verified in the 成效 part) has those counts behind it
    const verifiedRates = new Set<string>();
    for (const g of model.figures) {
      if (g.kind === 'percent' && g.rate && holdsByFigureChecks(g)) verifiedRates.add(`${g.rate}|${g.text}|${g.object ?? ''}`);
    }

    const examined = new Map<number, number>();
    const tableShares = new Map<number, Set<Figure>>();
    for (const f of model.figures) {
      if (ctx.outline.chromeLines.has(f.line)) continue;
      if (f.kind !== 'percent' && f.kind !== 'multiple') continue;
      // a paragraph with hundreds of percentages is not prose a reviewer reads (a file whose line breaks were
      // lost, generated data): the rest of that line is left alone rather than searched at length
      if (ctx.doc.lines[f.line].norm.length > MAX_LINE) continue;
      const n = (examined.get(f.line) ?? 0) + 1;
      examined.set(f.line, n);
      if (n > MAX_PER_LINE) continue;
      if (f.prior || f.target) continue;
      if (isVerifiedByFigureChecks(model, f)) continue;
      if (f.rate && f.rateId !== '占比' && verifiedRates.has(`${f.rate}|${f.text}|${f.object ?? ''}`)) continue;
      // a share in a table column is backed by the table's counts (engine/tables, the one table model)
      if (isTableShareBacked(tablesOf(ctx.doc), f.range.start)) continue;
      const norm = ctx.doc.lines[f.line].norm;
      const sent = sentenceOf(f);
      const at = f.range.start.character;
      // a target or a requirement, not a claim of achievement
      let clauseFrom = at;
      while (clauseFrom > sent.start && at - clauseFrom < 40 && !CLAUSE_START.test(norm[clauseFrom - 1])) clauseFrom--;
      const clause = norm.slice(clauseFrom, at);
      if (TARGET.test(clause) || norm[at - 1] === '(' && /指标|目标/.test(norm.slice(Math.max(0, at - 8), at))) continue;
      if (inPlan(f.line)) continue;
      // a damaged number (11。3%: the decimal point lost in a web copy) is no ground for a note
      if (/\d。$/.test(norm.slice(Math.max(0, at - 2), at))) continue;
      if (isBacked(ctx, model, scope, f, byLine)) continue;
      if (backedElsewhere(model, f, norm, (line) => ctx.doc.lines[line].norm)) continue;
      if (tableCellBacked(model, scope, f, tableShares, (line) => ctx.doc.lines[line].norm)) continue;
      if (sharesAfterNumbersBacked(model, scope, f, norm)) continue;
      const rate = f.rate ?? RATE_AT_END.exec(f.label)?.[1];
      const what = f.change ? 'change' : rate ? 'rate' : 'percent';
      // a rate right after one count of its own: the note says which side is given ("联动处理涉法事项83件，办结率达95%":
      // the base; "纠错2.73万件，纠错率12.83%", "…2956件，占64.90%": the number that reached it)
      const given = what === 'rate' ? givenSide(model, f, norm) : undefined;
      ctx.report({
        messageId: given ? `unbacked-metric.${given.side}Only` : `unbacked-metric.${what}`,
        args: { text: f.text, rate: rate ?? '', given: given?.fig.text ?? '' },
        range: f.range,
        data: { figure: f.id },
      });
    }

    // vague rankings of something measurable, with no figure in their sentence
    for (const sent of model.sentences) {
      if (ctx.outline.chromeLines.has(sent.line)) continue;
      if (sent.figures.length > 0) continue;
      const norm = ctx.doc.lines[sent.line].norm;
      if (norm.length > MAX_LINE) continue;
      for (const hit of rankingClaims(norm, sent.start, sent.end)) {
        if (inPlan(sent.line)) break;
        ctx.report({
          messageId: 'unbacked-metric.ranking',
          args: { text: ctx.doc.lines[sent.line].text.slice(hit.at, hit.at + hit.text.length) },
          range: { start: { line: sent.line, character: hit.at }, end: { line: sent.line, character: hit.at + hit.text.length } },
        });
      }
    }
  },
};

/**
 * The one count a rate stands right after in its clause, and which side of the rate it is: the numerator for a share
 * (占64.90% after 2956件) or a count of the rate's own stage (纠错2.73万件 before 纠错率), the base for a count of the
 * base's stage (应诉案件23.5万件 before 败诉率). Undefined when it cannot tell.
 */
function givenSide(model: FigureModel, f: Figure, norm: string): { side: 'rateBase' | 'rateCount'; fig: Figure } | undefined {
  // (the first share of "A 589.4万件，B 58.2万件，C 1.8万件，分别占…的86.62%、8.55%、0.26%" is A's, by position)
  let run = 1;
  if (RESPECTIVELY_SHARE.test(f.label)) while (model.figures[f.id + run]?.kind === 'percent' && model.figures[f.id + run].sentence === f.sentence) run++;
  // (by position only where the counts stand right before the shares, as many as they: no rate between)
  for (let k = 1; k < run; k++) if (model.figures[f.id - k]?.kind !== 'count' || model.figures[f.id - k].sentence !== f.sentence) return undefined;
  const prev = model.figures[f.id - run];
  if (!prev || prev.sentence !== f.sentence || prev.kind !== 'count' || prev.prior || prev.change || prev.approx) return undefined;
  // a duration or an amount (结案周期28天，调解成功率78%) is neither side of a rate of cases
  if (NOT_CASES.has(prev.family)) return undefined;
  if ((run === 1 && f.range.start.character - prev.range.end.character > BASE_GAP) || /[。；;]/.test(norm.slice(prev.range.end.character, f.range.start.character))) return undefined;
  // not a count of kinds (三类案件占67.05%) or of the rest (不满意工单3件，满意率99.68%)
  if (/^[一二三四五六七八九十两]/.test(prev.text) || NOT_REACHED.test(prev.label)) return undefined;
  if (f.rateId === '占比') return { side: 'rateCount', fig: prev };
  const def = f.rateId ? rateById.get(f.rateId) : undefined;
  if (prev.stage && def && expand(def.numerator).has(prev.stage)) return { side: 'rateCount', fig: prev };
  // the base only when the count names the base's stage (应诉案件23.5万件，败诉率14.7%): a count naming no stage before
  // a rate is as often something else (新增持证人员3名，持证率100%; 设立政务大厅3058个，覆盖率94.3%); and a base must
  // be able to give the rate and not be one item of a list
  if (!prev.stage || !def || !expand(def.base).has(prev.stage)) return undefined;
  if (listWithPart(model, prev.id)) return undefined;
  if (grimApplies(f, prev.value) && !grim(f, prev.value).possible) return undefined;
  return { side: 'rateBase', fig: prev };
}
const NOT_CASES = new Set(['day', 'hour', 'money']);

/**
 * A rate after its own count whose base is stated elsewhere in the report (unbacked/elsewhere.ts): the conventional
 * base of a rate named after its stages, or one count that gives every share of the sentence from its own count.
 */
function backedElsewhere(model: FigureModel, f: Figure, norm: string, lineNorm: (line: number) => string): boolean {
  if (f.kind !== 'percent' || f.change || f.prior) return false;
  // parallel items of the paragraph, each with its counts and then their shares (农村地区火灾39.1万起、亡645人，占总数的
  // 59.1%和48.7%；城市地区火灾25.3万起、亡620人，占总数的38.3%和46.8%；…): the shares of each kind over those counts' sum
  const paragraph: SharePair[] = [];
  let first = f.sentence;
  while (first > 0 && model.sentences[first - 1].line === f.line) first--;
  for (let i = first; i < model.sentences.length && model.sentences[i].line === f.line; i++) paragraph.push(...respectivePairs(model, i, norm, true));
  if (paragraph.some((p) => p.share === f) && sharesOfTheirSum(paragraph, f)) return true;
  const positional = respectivePairs(model, f.sentence, norm);
  const pairs: SharePair[] = [...positional];
  const given = pairs.find((p) => p.share === f) ? undefined : givenSide(model, f, norm);
  if (!pairs.some((p) => p.share === f)) {
    if (!given || given.side !== 'rateCount') return false;
    const def = f.rateId && f.rateId !== '占比' ? rateById.get(f.rateId) : undefined;
    if (def?.base && baseStatedElsewhere(model, f, given.fig, expand(def.base))) return true;
  }
  for (const id of model.sentences[f.sentence].figures) {
    const g = model.figures[id];
    if (g.kind !== 'percent' || g.change || g.prior || g.rateId !== f.rateId || pairs.some((p) => p.share === g)) continue;
    const side = g === f ? given : givenSide(model, g, lineNorm(g.line));
    if (side?.side === 'rateCount') pairs.push({ share: g, count: side.fig });
  }
  if (!pairs.some((p) => p.share === f)) return false;
  if (commonBase(model, pairs) !== undefined) return true;
  // shares paired by position with counts of several kinds (起, 人, 亿元), each over its own total of one statement
  return positional.some((p) => p.share === f) && respectiveBases(model, positional);
}

/**
 * Counts and then as many shares, paired by position, where the sentence says 分别 before them ("分别为36件、33件和
 * 31件，占全年新收案件的23.2%、21.3%和20%"): each share is of its count.
 */
function respectivePairs(model: FigureModel, sentence: number, norm: string, unsaid = false): SharePair[] {
  const ids = model.sentences[sentence].figures;
  const out: SharePair[] = [];
  for (let i = 0; i < ids.length; ) {
    let c = i;
    while (c < ids.length && model.figures[ids[c]].kind === 'count') c++;
    let p = c;
    while (p < ids.length && model.figures[ids[p]].kind === 'percent') p++;
    const shares = p - c;
    // (the last as many counts as there are shares: "…三个领域，分别为36件、33件和31件" counts the fields first)
    if (shares >= 2 && c - i >= shares) {
      const from = c - shares;
      const first = model.figures[ids[from]];
      const lastCount = model.figures[ids[c - 1]];
      const firstShare = model.figures[ids[c]];
      const said =
        norm.slice(model.sentences[sentence].start, first.range.start.character).includes('分别') ||
        norm.slice(lastCount.range.end.character, firstShare.range.start.character).includes('分别') ||
        RESPECTIVELY_SHARE.test(firstShare.label);
      const plain = (g: Figure) => !g.change && !g.prior && !g.approx;
      if ((said || unsaid) && ids.slice(from, p).every((id) => plain(model.figures[id]))) {
        for (let k = 0; k < shares; k++) out.push({ count: model.figures[ids[from + k]], share: model.figures[ids[c + k]] });
      }
    }
    i = Math.max(p, i + 1);
  }
  return out;
}
/** How many figures either way a rate's complement is looked for. */
const COMPLEMENT_REACH = 3;
/** A label naming what did not reach a rate (不满意, 未办结). */
const NOT_REACHED = /[不未]/;

/** Figures of the lines start..end near figure f: at most WINDOW on each side of it on its own line, WINDOW per other line. */
function figuresNear(byLine: Map<number, Figure[]>, f: Figure, start: number, end: number): Figure[] {
  const out: Figure[] = [];
  for (let l = start; l <= end; l++) {
    const list = byLine.get(l);
    if (!list) continue;
    if (l === f.line) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].id < f.id) lo = mid + 1;
        else hi = mid;
      }
      const i = lo;
      out.push(...list.slice(Math.max(0, i - NEAR_FIGURES), i + NEAR_FIGURES));
    } else if (l < f.line) out.push(...list.slice(-NEAR_FIGURES));
    else out.push(...list.slice(0, NEAR_FIGURES));
  }
  return out;
}
const NEAR_FIGURES = 24;
/** How far after a count a rate may stand and still be read as that count's rate (…83件，办结率达95%). */
const BASE_GAP = 12;

function isBacked(ctx: RuleContext, model: FigureModel, scope: Scope, f: Figure, byLine: Map<number, Figure[]>): boolean {
  return backedItself(ctx, model, scope, f, byLine) || complementBacked(ctx, model, scope, f, byLine);
}

/**
 * A rate whose complement stands in its sentence, itself backed ("检出不合格347批次，不合格率2.09%，合格率为97.91%"): the
 * one follows from the other (both written to the same precision, neither 0 nor 100%: 100% beside a 0% share of
 * something else is no pair; a few figures either way, so a long sentence of rates stays linear).
 */
function complementBacked(ctx: RuleContext, model: FigureModel, scope: Scope, f: Figure, byLine: Map<number, Figure[]>): boolean {
  if (f.kind !== 'percent' || f.change || f.prior || f.value <= 0 || f.value >= 100) return false;
  for (let id = Math.max(0, f.id - COMPLEMENT_REACH); id <= f.id + COMPLEMENT_REACH && id < model.figures.length; id++) {
    const g = model.figures[id];
    if (g === f || g.sentence !== f.sentence || g.kind !== 'percent' || g.change || g.prior || g.approx || g.decimals !== f.decimals) continue;
    if (Math.abs(f.value + g.value - 100) <= 10 ** -f.decimals + 1e-9 && backedItself(ctx, model, scope, g, byLine)) return true;
  }
  return false;
}

/** Backed by counts, priors or words of its own (not through a complement). */
function backedItself(ctx: RuleContext, model: FigureModel, scope: Scope, f: Figure, byLine: Map<number, Figure[]>): boolean {
  const sent = model.sentences[f.sentence];
  const para = scope.paragraph(f.line);
  const sameParagraph = (g: Figure) => g.line >= para.start && g.line <= para.end;
  // a conventional base (审结 of a 纠错率) may be stated in the paragraph before, in the same section
  const prevPara = scope.previousParagraph(f.line);
  const nearParagraph = (g: Figure) => sameParagraph(g) || (!!prevPara && g.line >= prevPara.start && g.line <= prevPara.end);

  // 100% after a count and a clause saying all of it ("受理市长信箱来信7件，全部予以答复，答复率100%"): 7 of 7 (all
  // handled says nothing of how satisfied anyone was: not for 满意率)
  if (f.value === 100 && !f.change && f.kind === 'percent' && !/满意/.test(f.label)) {
    const norm = ctx.doc.lines[f.line].norm;
    for (let id = f.id - 1; id >= sent.figures[0] && f.id - id <= NEAR_FIGURES; id--) {
      const g = model.figures[id];
      if (g.kind !== 'count') continue;
      if (ALL_OF_IT.test(norm.slice(g.range.end.character, f.range.start.character))) return true;
      // right after the count it is of: a count of a step that takes things in (共受理群众诉求17250件，答复率达100%:
      // all 17250), or one equal to such a count before it in the paragraph (受理59件…已答复59件，答复率为100%)
      const close = f.range.start.character - g.range.end.character <= BASE_GAP && !/[。；;]/.test(norm.slice(g.range.end.character, f.range.start.character));
      if (close && !g.prior && !g.change && g.family !== 'money' && !NOT_REACHED.test(g.label)) {
        if (isFunnelStep(g.stage)) return true;
        for (let l = para.start; l <= g.line; l++) {
          if ((byLine.get(l) ?? []).some((h) => h.id < g.id && h.kind === 'count' && isFunnelStep(h.stage) && h.family === g.family && h.value === g.value && !h.prior && !h.change)) return true;
        }
      }
      break;
    }
  }

  // a change right after its amount (减少159件，下降15.5%), with this period's count stated in the paragraph (at any
  // precision) or anywhere in the report (at one decimal at least, where a coincidence is rare): the prior period is
  // that count minus (or plus) the amount (869 + 159 = 1028; 159 / 1028 = 15.5%)
  if (f.change && f.kind === 'percent' && changeFromItsAmount(model, f, para, byLine)) return true;

  // a change whose base is stated in its sentence or the next one (较上年100件；同比增长25%，上年同期为400件)
  if (f.change || f.kind === 'multiple') {
    for (const g of model.figures.slice(Math.max(0, f.id - 24), f.id + 24)) {
      if (g.prior && g.line === f.line && (g.sentence === f.sentence || g.sentence === f.sentence + 1)) return true;
    }
  }

  // a rate named after its stages, with counts of those stages for the same object in the paragraph
  const def = f.rateId ? rateById.get(f.rateId) : undefined;
  if (def?.numerator && def.base) {
    const num = expand(def.numerator);
    const base = expand(def.base);
    // (a base stage of the rate's own sentence only, figures.json baseInSentence: 调解终止 elsewhere is no base)
    const ownSentence = new Set(def.baseInSentence ?? []);
    const compatible = (g: Figure) => !f.object || !g.object || g.object === f.object;
    let hasNum = false;
    let hasBase = false;
    const from = prevPara ? prevPara.start : para.start;
    for (const g of figuresNear(byLine, f, from, para.end)) {
      if (g.kind !== 'count' || !g.stage || !nearParagraph(g) || !compatible(g)) continue;
      if (num.has(g.stage) && sameParagraph(g)) hasNum = true;
      if (base.has(g.stage) && (!ownSentence.has(g.stage) || g.sentence === f.sentence)) hasBase = true;
    }
    if (hasNum && hasBase) return true;
  }

  // computed from counts the writer gave
  const target: Target = {
    value: f.value,
    lo: f.lo,
    hi: f.hi,
    approx: f.approx,
    decimals: f.decimals,
    kind: f.kind === 'multiple' ? 'multiple' : 'percent',
    change: f.change ?? comparison(ctx.doc.lines[f.line].norm, sent.start, f.range.start.character),
  };
  const at = f.range.start.character;
  const table = scope.table(f.line);
  target.table = !!table;
  let own: Num[];
  if (table && scope.lineNumbers(f.line).length === 0) {
    // one cell per line: the cells around it
    own = [];
    for (let l = Math.max(table.start, f.line - 4); l <= Math.min(table.end, f.line + 4); l++) own.push(...scope.lineNumbers(l));
  } else if (table) {
    own = window(scope.lineNumbers(f.line), at, 8);
  } else {
    own = window(scope.lineNumbers(f.line), at, 8).filter((n) => n.at >= sent.start && n.at < sent.end);
  }
  if (reproducedWithin(target, own)) return true;
  // counts in other sentences of the paragraph (全县有执法人员420名。其中持证的399名…。持证率为95.0%): at a
  // precision of one decimal at least, where a coincidence is rare
  if (!table && f.decimals >= 1 && !f.approx) {
    const around: Num[] = [];
    for (let l = para.start; l <= para.end; l++) around.push(...(l === f.line ? window(scope.lineNumbers(l), at, 8) : scope.lineNumbers(l).slice(0, 8)));
    const dist = (n: Num) => Math.abs(n.line - f.line) * 100000 + Math.abs(n.at - at);
    around.sort((a, b) => dist(a) - dist(b));
    if (reproducedWithin({ ...target }, around.slice(0, 8))) return true;
  }

  // a 合计 row's 100%: the sum of its column
  if (table && Math.abs(f.value - 100) < 1e-9 && /^\s*\|?\s*(?:合计|总计|小计)/.test(ctx.doc.lines[f.line].norm)) return true;

  // the counts the figure is about: the nearest count before it (in its sentence or row), and counts of the
  // paragraph whose stage its label names (受理案件同比去年下降38.5% → 受理59件)
  const subjects: Num[] = [];
  const before = own.filter((n) => n.line === f.line && n.at < at);
  if (before.length) subjects.push(before[before.length - 1]);
  // 维持1313件、驳回572件，维持率为61.08%: at two decimals, the sum of the two counts before it
  if (before.length >= 2 && f.decimals >= 2) {
    const [x, y] = before.slice(-2);
    subjects.push({ value: x.value + y.value, line: f.line, at: -1, total: false });
  }
  const norm = ctx.doc.lines[f.line].norm;
  let clauseFrom = at;
  while (clauseFrom > sent.start && at - clauseFrom < 24 && !/[，,；;。]/.test(norm[clauseFrom - 1])) clauseFrom--;
  const labelStages = stagesIn(norm.slice(clauseFrom, at));
  if (labelStages.size) {
    for (const g of figuresNear(byLine, f, para.start, para.end)) {
      if (g.kind !== 'count' || !g.stage || g.prior || !sameParagraph(g) || !labelStages.has(g.stage)) continue;
      subjects.push({ value: g.value, line: g.line, at: g.range.start.character, total: false });
      if (subjects.length > 4) break;
    }
  }
  if (subjects.length === 0) return false;
  return reproducedAcross(target, subjects, scope.scopeNumbers(f.line, at));
}

/**
 * A share in a table of a cell per line, right under its count's cell (咨询类 | 19651 | 51.11%), that a number of the
 * table or a count of the report gives together with another share of the table so placed
 * (unbacked/elsewhere.ts sharesGivenByOneBase). `cache`: the backed shares of each table, by its first line.
 */
function tableCellBacked(model: FigureModel, scope: Scope, f: Figure, cache: Map<number, Set<Figure>>, lineNorm: (line: number) => string): boolean {
  const table = scope.table(f.line);
  if (!table || f.kind !== 'percent' || f.change || f.prior) return false;
  let backed = cache.get(table.start);
  if (!backed) {
    const pairs: { share: Figure; count: number }[] = [];
    const cells: number[] = [];
    for (let l = table.start; l <= table.end; l++) for (const n of scope.lineNumbers(l)) cells.push(n.value);
    const sortedCells = sortedValues(cells);
    for (const g of model.figures) {
      if (g.line <= table.start || g.line > table.end || g.kind !== 'percent' || g.change || g.prior) continue;
      // its own cell: the only number of its line, right under a line whose only number is the count
      const above = scope.lineNumbers(g.line - 1);
      if (above.length !== 1 || scope.lineNumbers(g.line).length !== 0 || !/^\s*[\d.,]+\s*\|?\s*$/.test(lineNorm(g.line - 1))) continue;
      pairs.push({ share: g, count: above[0].value });
    }
    backed = sharesGivenByOneBase(pairs, (range) => [...valuesInRange(sortedCells, range), ...exactCountValuesInRange(model, range)]);
    cache.set(table.start, backed);
  }
  return backed.has(f);
}

/**
 * Shares of one sentence each right after its own number written without a measure word ("行政处罚2100，占收到申请
 * 总数的33.9%；政府信息公开1060，占…17.1%"), that one count of the report gives two or more of at once.
 */
function sharesAfterNumbersBacked(model: FigureModel, scope: Scope, f: Figure, norm: string): boolean {
  if (f.kind !== 'percent' || f.change || f.prior || f.approx) return false;
  const nums = scope.lineNumbers(f.line);
  const pairs: { share: Figure; count: number }[] = [];
  let from = model.sentences[f.sentence].start;
  for (const id of model.sentences[f.sentence].figures) {
    const g = model.figures[id];
    const at = g.range.start.character;
    if (g.kind === 'percent' && !g.change && !g.prior && g.rateId === f.rateId) {
      const before = nums.filter((n) => n.at >= from && n.at < at);
      const n = before[before.length - 1];
      if (n && at - n.at <= BASE_GAP * 2 && !/[。；;]/.test(norm.slice(n.at, at))) pairs.push({ share: g, count: n.value });
    }
    from = g.range.end.character;
  }
  if (!pairs.some((p) => p.share === f)) return false;
  return sharesGivenByOneBase(pairs, (range) => exactCountValuesInRange(model, range)).has(f);
}

/**
 * The amount of a change right before it in its clause (减少159件，下降15.5%), and a count of this period that it fits:
 * one of the paragraph, or, at one decimal at least, one anywhere before it in the report (looked up by value).
 */
function changeFromItsAmount(model: FigureModel, f: Figure, para: { start: number; end: number }, byLine: Map<number, Figure[]>): boolean {
  const amount = model.figures[f.id - 1];
  if (!amount || amount.sentence !== f.sentence || amount.kind !== 'count' || amount.change !== f.change || amount.approx || amount.prior || amount.value <= 0) return false;
  if (f.range.start.character - amount.range.end.character > BASE_GAP) return false;
  const fits = (c: Figure) => {
    if (c === amount || c.kind !== 'count' || c.change || c.prior || c.approx || c.family !== amount.family || c.id > f.id) return false;
    const prior = f.change === 'up' ? c.value - amount.value : c.value + amount.value;
    return prior > 0 && reproduces((amount.value / prior) * 100, f);
  };
  for (let l = para.start; l <= para.end; l++) if ((byLine.get(l) ?? []).some(fits)) return true;
  if (f.decimals < 1) return false;
  // (this period's count lies where the prior it implies — a whole the amount is that share of — lies, ∓ the amount;
  // the first counts of a kind are the earliest, so the first few of each stand for the rest)
  const [lo, hi] = wholeRange(amount, f);
  const shift = f.change === 'up' ? amount.value : -amount.value;
  return countsInValueRange(model, [lo + shift, hi + shift]).some(fits);
}

const COMPARE_UP = new RegExp(alt(data.comparisonWords.up));
const COMPARE_DOWN = new RegExp(alt(data.comparisonWords.down));

/** 超过…148.1%, 低于…: a difference stated as a percentage, in the figure's clause. */
function comparison(norm: string, sentStart: number, at: number): 'up' | 'down' | undefined {
  let from = at;
  while (from > sentStart && at - from < 30 && !/[，,；;。]/.test(norm[from - 1])) from--;
  const clause = norm.slice(from, at);
  if (COMPARE_UP.test(clause)) return 'up';
  if (COMPARE_DOWN.test(clause)) return 'down';
  return undefined;
}

const STAGE_WORDS: [string, string][] = Object.entries(figuresData.stages)
  .filter(([k]) => !k.startsWith('$'))
  .flatMap(([id, ws]) => (ws as string[]).map((w) => [w, id] as [string, string]))
  .sort((a, b) => b[0].length - a[0].length);

function stagesIn(label: string): Set<string> {
  const out = new Set<string>();
  for (const [w, id] of STAGE_WORDS) if (label.includes(w)) out.add(id);
  return out;
}
