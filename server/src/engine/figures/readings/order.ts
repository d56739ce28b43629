// Order claims (funnel-order): two stages of one funnel for the same object, category and scope in one sentence
// (收到 ≥ 受理 ≥ 审结; 应当出庭 ≥ 实际出庭; 排查 ≥ 整改; 参加 ≥ 通过). Where cases carried over from the previous
// period can explain a later stage above an earlier one (审结 > 受理), that reading holds loosely: a soft note that
// asks the writer to say so, unless the paragraph already does (结转, 旧存, 含上年).
import type { Figure, FigureModel } from '../model';
import { matchOf, num, numAsWritten } from '../arith';
import { scanBrackets } from '../brackets';
import { WINDOW } from '../extract';
import { carryOverStated, funnelOf } from '../vocab';
import { COST, phrase, reading, type Claim } from './types';
import { sameSubject } from './same';

const CODE = 'funnel-order';
const SAYS_CARRY_OVER = carryOverStated;

/** Two stages of one funnel: counts of the same subject (readings/same.ts sameSubject), neither a prior nor a change. */
function comparable(early: Figure, late: Figure): boolean {
  if (early.kind !== 'count' || late.kind !== 'count' || early.family !== late.family) return false;
  if (early.prior || late.prior || early.change || late.change) return false;
  return sameSubject(early, late, 'stages');
}

/**
 * An earlier stage split by scope (一审收案214件、二审收案87件) and a later stage of no scope (审结289件): the later
 * one counts every scope, so it is no later stage of either part alone.
 */
function splitByScope(early: Figure, late: Figure, figs: Figure[]): boolean {
  if (!early.scope?.length || late.scope?.length) return false;
  const key = early.scope.join();
  return figs.some((g) => g !== early && g.stage === early.stage && !!g.scope?.length && g.scope.join() !== key);
}

/**
 * A count that says it adds up those before it (收到…2625件，…受理…1717件，两项合计共受理4342件: 2625 + 1717) is a
 * total of them, not one more stage.
 */
function sumOfThoseBefore(figs: Figure[], k: number, text: string): boolean {
  const f = figs[k];
  if (k < 2) return false;
  const prev = figs[k - 1];
  if (!SUM_WORD.test(text.slice(prev.range.end.character, f.range.start.character))) return false;
  let sum = 0;
  for (let i = k - 1; i >= 0; i--) {
    const g = figs[i];
    if (g.kind !== 'count' || g.family !== f.family || g.prior || g.change) continue;
    sum += g.value;
    if (Math.abs(sum - f.value) < 1e-9 && k - i >= 2) return true;
    if (sum > f.value) return false;
  }
  return false;
}
const SUM_WORD = /合计|总计|共计|累计|加总|两项|三项|以上各项/;

/**
 * The later stage is in another part of the sentence (after a semicolon) that first counts something of its own
 * ("接到省长热线平台转办13件；…；接听群众来电8947个，其中转办2274件，办结1715件"): it is a stage of that, another channel.
 */
function ownSubject(model: FigureModel, early: Figure, late: Figure): boolean {
  if ((early.segment ?? 0) === (late.segment ?? 0)) return false;
  // back from the later stage through its part of the sentence (at most WINDOW figures: a dense sentence stays linear)
  const first = model.sentences[late.sentence].figures[0];
  for (let id = late.id - 1; id >= first && late.id - id <= WINDOW; id--) {
    const g = model.figures[id];
    if ((g.segment ?? 0) !== (late.segment ?? 0)) break;
    if (g.kind === 'count' && !g.stage && !g.prior && !g.change) return true;
  }
  return false;
}

/**
 * The two stages are in different parts of the sentence (semicolons) and either part has its own figure of the other
 * stage: a list of units each with its own pair ("东兴市共受理838件，办结777件；上思县共受理733件，办结707件"), where
 * one unit's 办结 is no later stage of another's 受理.
 */
function ownPairs(model: FigureModel, early: Figure, late: Figure): boolean {
  const se = early.segment ?? 0;
  const sl = late.segment ?? 0;
  if (se === sl) return false;
  const ids = model.sentences[late.sentence].figures;
  const from = Math.max(ids[0], Math.min(early.id, late.id) - WINDOW);
  const to = Math.min(ids[ids.length - 1], Math.max(early.id, late.id) + WINDOW);
  for (let id = from; id <= to; id++) {
    const g = model.figures[id];
    if (g === early || g === late || g.kind !== 'count' || g.prior || g.change) continue;
    const sg = g.segment ?? 0;
    if ((sg === sl && g.stage === early.stage) || (sg === se && g.stage === late.stage)) return true;
  }
  return false;
}

/**
 * A later stage naming no category, right after a category's earlier stage in the same part of the sentence, is of
 * that category ("求助类诉求受理142件（…），办结176件"): the later figure as if it named it. Otherwise the figure itself.
 */
function ofCategory(model: FigureModel, early: Figure, late: Figure): Figure {
  if (!early.category || late.category || early.id > late.id || (early.segment ?? 0) !== (late.segment ?? 0) || late.id - early.id > WINDOW) return late;
  for (let id = early.id + 1; id < late.id; id++) if (model.figures[id].category && model.figures[id].category !== early.category) return late;
  return { ...late, category: early.category };
}

/** Is carry-over said between the two stages or in the rest of the later one's part of the sentence? */
function saidNear(text: string, sent: { start: number; end: number }, early: Figure, late: Figure): boolean {
  const from = Math.min(early.range.start.character, late.range.start.character);
  const after = Math.max(early.range.end.character, late.range.end.character);
  const semi = text.slice(after, sent.end).search(/[;；]/);
  const to = semi < 0 ? sent.end : after + semi;
  // a paragraph that says it of all its counts (上年结转…) before the sentence still says it
  return SAYS_CARRY_OVER.test(text.slice(from, to)) || SAYS_CARRY_OVER.test(text.slice(0, sent.start));
}

/**
 * The sentence states the later stage over the earlier one, above 100% (收案139547件，结案140506件，结收比100.69%): the
 * writer shows that more were closed than came in, as carried-over cases make it; that says the carry-over.
 */
function ratioAbove100Stated(model: FigureModel, ids: number[], early: Figure, late: Figure): boolean {
  if (early.value <= 0) return false;
  const ratio = (late.value / early.value) * 100;
  return ids.some((id) => {
    const f = model.figures[id];
    return f.kind === 'percent' && !f.change && !f.prior && f.value > 100 && !!f.rateId && CLOSED_OVER_TAKEN.has(f.rateId) && matchOf(ratio, f) !== null;
  });
}
const CLOSED_OVER_TAKEN = new Set(['结收比', '办结率']);

/** Characters right after a count that begin no noun (已办结, 均已…, 的, 中, 予以…). */
const NOT_A_NOUN_START = new Set([...'的已均全共予进被中为是并且及和或与等中，,。；;、（(）)：:']);

/** The two characters right after a count when they open what it counts ("3件投诉…" → 投诉), else ''. */
function nounAfter(text: string, f: Figure): string {
  const at = f.range.end.character;
  const a = text[at];
  const b = text[at + 1];
  if (!a || !b || NOT_A_NOUN_START.has(a) || !/[\u4e00-\u9fff]/.test(a) || !/[\u4e00-\u9fff]/.test(b)) return '';
  return a + b;
}

function nounsDiffer(text: string, a: Figure, b: Figure): boolean {
  const x = nounAfter(text, a);
  const y = nounAfter(text, b);
  return !!x && !!y && x !== y;
}

/** A year named in a sentence ("2023年"). */
const YEAR_NAMED = /((?:19|20)\d{2})\s*年/g;

/** A bracketed note right after a count saying what else it includes: "（含复查整改）". */
const INCLUDES_MORE = /^\s*[（(]\s*(?:含|包括|包含)/;

/** Carry-over said once for the rest of the text: "（含上年旧存案件，下同）". */
const SAYS_CARRY_OVER_HENCEFORTH = new RegExp(`(?:${SAYS_CARRY_OVER.source})[^。；;]{0,20}下同`);

export function orderClaims(model: FigureModel, lineText: (line: number) => string): Claim[] {
  const out: Claim[] = [];
  // the sentence from which on every count may include carried-over cases, looked for once an inversion needs it
  let carryOverFrom: number | undefined;
  const saidHenceforth = (sentence: number) => {
    carryOverFrom ??= model.sentences.find((s) => SAYS_CARRY_OVER_HENCEFORTH.test(lineText(s.line).slice(s.start, s.end)))?.index ?? Infinity;
    return sentence >= carryOverFrom;
  };
  // parts of one list are disjoint categories of its total (受理 98、不予受理 15、告知 7 of 收到 120), not stages
  const siblings = new Map<number, number>();
  model.breakdowns.forEach((b, k) => b.trigger !== 'implicit' && b.parts.forEach((p) => siblings.set(p, k)));
  // a total and one of its parts ("共受理案件793件（新收案件649件，旧存案件144件）": 649 + 144 = 793) are no two stages
  const wholeAndPart = new Set<string>();
  const listTotals = new Set(model.breakdowns.filter((b) => b.trigger !== 'implicit').map((b) => b.total));
  for (const b of model.breakdowns) for (const p of b.parts) wholeAndPart.add(`${b.total}:${p}`);
  for (const sent of model.sentences) {
    const figs = sent.figures.map((id) => model.figures[id]).filter((f) => f.stage && f.kind === 'count');
    // per unit family, worked out once per sentence (a dense sentence stays linear): the first count of a stage when it
    // holds all the other counts of that stage, and the counts said to be carried over
    const wholes = new Map<string, Figure | undefined>();
    const wholeOf = (stage: string, family: string) => {
      const key = `${stage}|${family}`;
      if (!wholes.has(key)) {
        const ofStage = figs.filter((g) => g.stage === stage && g.family === family);
        const rest = ofStage.slice(1).reduce((a, g) => a + g.hi, 0);
        wholes.set(key, ofStage.length > 1 && rest <= ofStage[0].lo + 1e-9 ? ofStage[0] : undefined);
      }
      return wholes.get(key);
    };
    const carriedByFamily = new Map<string, Figure[]>();
    const carriedOf = (family: string) => {
      let list = carriedByFamily.get(family);
      if (!list) {
        list = sent.figures.map((id) => model.figures[id]).filter((f) => f.kind === 'count' && f.family === family && !f.prior && !f.change && SAYS_CARRY_OVER.test(f.label)).slice(0, 3);
        carriedByFamily.set(family, list);
      }
      return list;
    };
    // the last year the sentence names before each count (worked out when a pair asks for it)
    const years = new Map<number, string>();
    const yearOf = (f: Figure) => {
      let y = years.get(f.id);
      if (y === undefined) {
        y = '';
        const text = lineText(sent.line).slice(sent.start, f.range.start.character);
        for (const m of text.matchAll(YEAR_NAMED)) y = m[1];
        years.set(f.id, y);
      }
      return y;
    };
    // which of them add up those before them, asked once per figure of a pair
    const sums = new Map<number, boolean>();
    const isSum = (k: number) => {
      let r = sums.get(k);
      if (r === undefined) sums.set(k, (r = sumOfThoseBefore(figs, k, lineText(sent.line))));
      return r;
    };
    for (let j = 0; j < figs.length; j++) {
      for (let i = Math.max(0, j - WINDOW); i < j; i++) {
        const x = figs[i];
        const y = figs[j];
        const rel = funnelOf(x.stage!, y.stage!);
        if (!rel) continue;
        const [early, late] = rel.ia < rel.ib ? [x, y] : [y, x];
        if (!comparable(early, late) && !comparable(early, ofCategory(model, early, late))) continue;
        if (siblings.has(x.id) && siblings.get(x.id) === siblings.get(y.id)) continue;
        if (wholeAndPart.has(`${x.id}:${y.id}`) || wholeAndPart.has(`${y.id}:${x.id}`)) continue;
        if (splitByScope(early, late, figs) || ownSubject(model, early, late) || ownPairs(model, early, late)) continue;
        // the sentence names another year before one of them ("2024年…收案262.23万件…，相对应的是，2023年…审执结
        // 282.4万件"): counts of two periods are no stages of one
        if (yearOf(x) !== yearOf(y)) continue;
        if (isSum(i) || isSum(j)) continue;
        // each count followed by what it counts, and the two differ ("对3件投诉进行了受理，对…2件咨询工单进行了接收登记"):
        // two things treated side by side, not two stages of one
        if (nounsDiffer(lineText(sent.line), early, late)) continue;
        // an earlier stage written after the later one, past a semicolon, is of something that part names ("裁前调解83件，
        // 调解成功83件；受理20件代理诉讼仲裁案件"): a funnel runs in its order, or within one part (受理1450件，其中…新收840件)
        if (early.id > late.id && (early.segment ?? 0) !== (late.segment ?? 0)) continue;
        // (nor when the later stage has a count of that earlier stage of its own before it: "东城受理120件，办结110件，西城
        // 受理45件…" — 西城's 受理 is no earlier stage of 东城's 办结)
        if (early.id > late.id && figs.some((g) => g !== early && g.stage === early.stage && g.id < late.id && g.family === late.family)) continue;
        // an earlier stage in brackets is a split of another count ("受理28491件（热线受理28451件，多媒体受理40件），办结28498件")
        if (early.id < late.id && early.line === late.line && scanBrackets(lineText(sent.line), early.range.end.character, late.range.start.character).closedOutside) continue;
        const figures = [
          { fig: early, role: 'earlier', roleArg: early.stageText ?? '' },
          { fig: late, role: 'later', roleArg: late.stageText ?? '' },
        ];
        const args = {
          later: late.stageText!,
          laterValue: numAsWritten(late.value, [late]),
          laterUnit: late.unit,
          earlier: early.stageText!,
          earlierValue: numAsWritten(early.value, [early]),
          earlierUnit: early.unit,
          object: late.object ?? early.object ?? '',
        };
        const data = { earlier: early.value, later: late.value, funnel: rel.funnel.id };
        const inverted = late.lo > early.hi;
        const holds = late.hi <= early.lo || (!late.approx && !early.approx && late.value <= early.value) || !inverted;
        const readings = [
          reading(figures, [], holds
            ? { ok: true, detail: `${early.stageText} ${early.text} ≥ ${late.stageText} ${late.text}` }
            : { ok: false, detail: `${late.stageText} ${late.text} > ${early.stageText} ${early.text}`, messageId: 'funnel-order.inverted', args, data: { ...data, carryOver: false } }),
        ];
        const carry = rel.funnel.carryOver.some(([a, b]) => a === early.stage && b === late.stage);
        // said in the paragraph, or in the part of the sentence the later stage is in ("办结28498件（包括上周7件）");
        // said, it explains any later stage that is more (共受理59件，结转上年后新收到47件: 12 were received last year),
        // unless the count carried over is stated too (then it is checked below: 受理1450件，其中旧存410件，新收840件)
        const said = !holds && (saidHenceforth(sent.index) || saidNear(lineText(sent.line), sent, early, late) || ratioAbove100Stated(model, sent.figures, early, late));
        const carriedStated = !carry && said && carriedOf(late.family).some((f) => f !== early && f !== late);
        if (!holds && (carry || (said && !carriedStated))) {
          readings.push(
            reading(figures, [{ id: 'carryOver', cost: COST.carryOver }], {
              ok: true,
              loose: said ? undefined : 'carryOver',
              ...phrase('carryOver', { later: `${late.stageText} ${late.text}`, earlier: `${early.stageText} ${early.text}` }),
              messageId: 'funnel-order.carryOver',
              args,
              data: { ...data, carryOver: true },
            }),
          );
        }
        // a note right after the later count that it includes more ("整改火灾隐患1665处（含复查整改）") says why it may be larger
        if (!holds && !carry && INCLUDES_MORE.test(lineText(sent.line).slice(late.range.end.character))) {
          readings.push(reading(figures, [{ id: 'includesMore', cost: COST.carryOver }], { ok: true, detail: `${late.stageText} ${late.text} > ${early.stageText} ${early.text}` }));
        }
        // the sentence opens with a count of the earlier stage, the total of a list, that holds all its others (受理2878
        // 件，其中12315平台受理1954件…；12345平台受理924件，现已办结2839件: 2878 = 1954 + 924): the later stage may be of
        // that whole, not of the nearest part (counts of parallel places or classes, each with its own pair, make none)
        // (or, in the same part of the sentence, the first of two counts of that stage, with no count of the later stage
        // between it and the other: "受理价格举报咨询95964件，立案查处9715件，协调办结17311件" — 立案查处 and 协调办结 are
        // two ways the 95964 went, not one after the other)
        if (!holds) {
          const whole = wholeOf(early.stage!, late.family);
          const sameStatement = (w: Figure) =>
            (w.segment ?? 0) === (late.segment ?? 0) && (w.segment ?? 0) === (early.segment ?? 0) && w.id < early.id && !figs.some((g) => g.stage === late.stage && g.id > w.id && g.id < early.id);
          const other = whole && whole !== early && whole.id < late.id && late.hi <= whole.lo && (listTotals.has(whole.id) || sameStatement(whole)) && comparable(whole, late) ? whole : undefined;
          if (other) readings.push(reading([{ fig: other, role: 'earlier', roleArg: other.stageText ?? '' }, figures[1]], [{ id: 'otherEarlierCount', cost: COST.otherTotal }], { ok: true, detail: `${other.stageText} ${other.text} ≥ ${late.stageText} ${late.text}` }));
        }
        // a count of the sentence carried over from before (其中旧存1304件…新收2577件: 受理 3881 = 1304 + 2577): the later
        // stage may hold it besides the earlier one
        if (!holds) {
          const carried = carriedOf(late.family).find((f) => f !== early && f !== late);
          if (carried && late.lo <= early.hi + carried.hi + 1e-9) {
            readings.push(
              reading([...figures, { fig: carried, role: 'carriedOver', roleArg: '' }], [{ id: 'carriedOverStated', cost: COST.carryOver }], {
                ok: true,
                detail: `${late.stageText} ${late.text} ≤ ${early.stageText} ${early.text} + ${carried.text}`,
              }),
            );
          }
        }
        out.push({ check: CODE, anchor: late, readings, ceiling: 1, sentenceBound: true });
      }
    }
  }
  return out;
}
