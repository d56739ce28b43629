// Sum claims (breakdown-sum): a total and the parts of its 其中 / "…中" list, read every plausible way:
//   - the nearest count before the list is the total (or the last count of the previous sentence);
//   - the list ends before a later-stage figure ("受理3200件，其中婚姻家庭1300件、邻里900件，成功化解3150件");
//   - another count before the list is the total (the one its parts add up to: "发布会48场、吹风会12场。其中…
//     10、14、24场");
//   - the whole set before the list is the total ("一审210件，二审95件，再审6件。其中共同被告233件、单独被告78件");
// and a 其中 list of shares adding up to more than 100%. Parts nested in an earlier part (审结30件，胜诉29件;
// 委托调解1034件，司法确认791件) are never summed.
import { scanBrackets } from '../brackets';
import type { Breakdown, Figure, FigureModel } from '../model';
import { listsOfSentence, num as numOf } from '../arith';
import { formatMessage } from '../../messages';
import { carryOverStated, channelWords, funnelOf, penaltyKindWords, isFunnelStep, listComplete, listJoin, listTriggers, nestedFirst, outcomesOf, scanVocabulary } from '../vocab';
import { COST, phrase, reading, type Claim, type Outcome, type Reading } from './types';
import { metricName } from './same';
import { alternation } from '../../regex';

const CODE = 'breakdown-sum';

/**
 * A reading that takes another total holds only when the parts add up to it exactly (10 + 14 + 24 = 48). Parts that
 * exceed it are reportable under it (they exceed whichever of these totals is meant); parts that fall short are not.
 */
function exactOutcome(total: Figure[], parts: Figure[]): Outcome {
  const o = sumOutcome(total, parts, false, undefined);
  const sum = parts.reduce((a, f) => a + f.value, 0);
  const t = total.reduce((a, f) => a + f.value, 0);
  const exact = parts.every((f) => !f.approx) && total.every((f) => !f.approx);
  if (exact && Math.abs(sum - t) < 1e-9) return o;
  // approximate counts (网站3511余条) add up to the total when it lies within what they can be
  const lo = parts.reduce((a, f) => a + f.lo, 0);
  const hi = parts.reduce((a, f) => a + f.hi, 0);
  if (!exact && lo <= total.reduce((a, f) => a + f.hi, 0) + 1e-9 && hi >= total.reduce((a, f) => a + f.lo, 0) - 1e-9 && Math.abs(sum - t) <= Math.max(1, t * 0.01)) return o;
  return o.messageId === 'breakdown-sum.exceeds' ? o : { ...o, ok: false, messageId: undefined };
}

function sumOutcome(total: Figure[], parts: Figure[], complete: boolean, completeReason: Breakdown['completeReason']): Outcome {
  const lo = parts.reduce((a, f) => a + f.lo, 0);
  const hi = parts.reduce((a, f) => a + f.hi, 0);
  const tLo = total.reduce((a, f) => a + f.lo, 0);
  const tHi = total.reduce((a, f) => a + f.hi, 0);
  const tValue = total.reduce((a, f) => a + f.value, 0);
  const exact = parts.every((f) => !f.approx) && total.every((f) => !f.approx);
  const sum = parts.reduce((a, f) => a + f.value, 0);
  const unit = total[0].unit;
  // amounts shown in the unit of the total as written (亿元, 万元), not in yuan
  const scale = scanVocabulary.moneyUnits.get(unit) ?? 1;
  const num = (n: number) => numOf(n / scale);
  const expr = parts.map((f) => num(f.value)).join(' + ');
  const totalText = total.length === 1 ? total[0].text : `${total.map((f) => num(f.value)).join(' + ')} = ${num(tValue)}`;
  if (lo > tHi + 1e-9) {
    return {
      ok: false,
      ...phrase('sumExceeds', { expr, sum: num(sum), total: totalText }),
      messageId: 'breakdown-sum.exceeds',
      args: { expr, sum: num(sum), total: total.length === 1 ? num(tValue) : `${total.map((f) => num(f.value)).join(' + ')} = ${num(tValue)}`, unit, approx: exact ? '' : '至少' },
      data: { total: tValue, sum, parts: parts.map((f) => f.value) },
      excess: lo - tHi,
    };
  }
  if (complete && hi < tLo - 1e-9) {
    return {
      ok: false,
      ...phrase('sumShort', { expr, sum: num(sum), total: totalText }),
      messageId: 'breakdown-sum.short',
      // a zero item suggests the list names every category, but does not show it (the text may name another elsewhere):
      // soft evidence; 其他 or shares adding up to 100% show it
      cap: completeReason?.id === 'zero' ? 'soft' : 'inferred',
      args: {
        expr,
        sum: num(sum),
        total: num(tValue),
        unit,
        reason: completeReason ? { id: `breakdown-sum.complete.${completeReason.id}`, args: completeReason.args } : '',
      },
      data: { total: tValue, sum, parts: parts.map((f) => f.value), missing: tValue - sum },
    };
  }
  if (exact && Math.abs(sum - tValue) < 1e-9) return { ok: true, ...phrase('sumEquals', { expr, total: totalText }) };
  return { ok: true, ...phrase('sumWithin', { expr: `${expr}${exact && parts.length > 1 ? ` = ${num(sum)}` : ''}`, total: totalText }) };
}

/** Words that open a list (figures.json listTriggers), not part of what a part is named. */
const LIST_WORDS = new RegExp(alternation(listTriggers), 'g');

/** How many character pairs of `a` are also in `b`. */
function pairOverlap(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i + 1 < a.length; i++) if (b.includes(a.slice(i, i + 2))) n++;
  return n;
}

function later(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a === b) return false;
  if (outcomesOf[a]?.includes(b)) return true;
  const f = funnelOf(a, b);
  return !!f && f.ia < f.ib;
}

/**
 * Where a list of parts may end early: before a part of a later stage than the total, when the parts before it are
 * not of later stages themselves (categories: 婚姻家庭2000件、邻里1800件，成功化解4900件), or of a later stage than
 * an earlier part. Outcomes listed side by side (维持、驳回、调解和解 of 审结) are one list, not a cut.
 */
function stageCuts(total: Figure, parts: Figure[]): number[] {
  const cuts: number[] = [];
  // categories, then stages: "其中简易程序110件，普通程序280件、立案撤销8件" splits the cases by procedure, then says how
  // many of them were withdrawn (two partitions of one total, not three parts)
  const firstStaged = parts.findIndex((p) => !!p.stage);
  if (firstStaged >= 2 && parts.slice(firstStaged).every((p) => p.stage)) cuts.push(firstStaged);
  for (let k = 1; k < parts.length; k++) {
    const p = parts[k];
    if (!p.stage || p.stage === parts[0].stage || cuts.includes(k)) continue;
    const earlierAreCategories = parts.slice(0, k).every((q) => !later(total.stage, q.stage));
    if ((later(total.stage, p.stage) && earlierAreCategories) || parts.slice(0, k).some((q) => later(q.stage, p.stage))) cuts.push(k);
  }
  return cuts;
}

/**
 * No part names a stage or closes the list (其他), the first part is within the total, and the others nearly exhaust
 * it (their sum between `nestedFirst.share` of the first part and the first part itself: 240 + 5 of 246). A list of
 * siblings with one wrong number rarely looks like that (61, 19, 26 of 96: the others are 74% of the first).
 */
function firstMayHoldTheRest(total: Figure, parts: Figure[]): boolean {
  if (parts.length < 3 || parts.some((f) => f.stage || listComplete.some((w) => f.label.includes(w)))) return false;
  const lo = parts.slice(1).reduce((a, f) => a + f.lo, 0);
  const hi = parts.slice(1).reduce((a, f) => a + f.hi, 0);
  return parts[0].lo <= total.hi && lo <= parts[0].hi && hi >= nestedFirst.share * parts[0].lo;
}

/**
 * Does the list run on past its last part in counts of another unit (规范性文件23件，政策解读41篇，…发布信息2,856条)?
 * Then the parts read are only its first items, and the list, though it names 其他 or a zero count, is not complete.
 */
function runsOnInOtherUnits(model: FigureModel, b: Breakdown, lineText: (line: number) => string): boolean {
  const last = model.figures[b.parts[b.parts.length - 1]];
  const next = model.figures[last.id + 1];
  if (!next || next.sentence !== last.sentence || next.kind !== 'count' || next.family === last.family) return false;
  const gap = lineText(last.line).slice(last.range.end.character, next.range.start.character);
  return /^[、，,和及]?[^、，,；;。：:其]{0,12}$/.test(gap);
}


/**
 * The first count of the total's sentence, when the counts after it, up to the total, fall into consecutive runs that
 * each add up to it exactly (4 = 2 + 2 = 2 + 2): the total is then one part of a split of that first count.
 */
function splitHead(total: Figure, cands: Figure[]): Figure | undefined {
  const inSentence = [total, ...cands].filter((f) => f.sentence === total.sentence && !f.approx).sort((a, b) => a.id - b.id);
  if (inSentence.length < 3 || inSentence[inSentence.length - 1] !== total) return undefined;
  const [head, ...rest] = inSentence;
  let run = 0;
  for (const f of rest) {
    run += f.value;
    if (run > head.value + 1e-9) return undefined;
    if (Math.abs(run - head.value) < 1e-9) run = 0;
  }
  return run === 0 ? head : undefined;
}

/**
 * A part that says again how many of an earlier part there were, by what happened to them (其中3件已书面答复，1件结转
 * 下年度，已办理的3件均属于本机关不掌握的信息): "已办理的3件" are the 3 answered, not three more.
 */
function restated(parts: Figure[], lineText: (line: number) => string): Figure[] {
  return parts.filter((p, k) => k > 0 && p.line === parts[k - 1].line && listJoin.restates.test(lineText(p.line).slice(Math.max(0, p.range.start.character - 8), p.range.start.character)) && parts.slice(0, k).some((q) => q.value === p.value && !q.approx));
}

/** A share written between two parts of a list (…65781条，占66.42%，…). */
const SHARE_BETWEEN = /占[^，,；;。]{0,8}?\d+(?:\.\d+)?%/;

/** A bracketed note right after a count saying it includes what was carried over: "（含上期积存）", "（含上期结转1人）". */
const CARRIED_IN_NOTE = new RegExp(`^\\s*[（(][^（()）]{0,6}(?:${carryOverStated.source})`);
const CARRY_NOTE_MAX = 16;

function breakdownClaim(model: FigureModel, b: Breakdown, lineText: (line: number) => string): Claim {
  const total = model.figures[b.total];
  const all = b.parts.map((id) => model.figures[id]);
  const again = restated(all.filter((f) => !b.nested.includes(f.id)), lineText);
  const skipped = (f: Figure) => b.nested.includes(f.id) || again.includes(f);
  const parts = all.filter((f) => !skipped(f));
  if (b.complete && runsOnInOtherUnits(model, b, lineText)) b = { ...b, complete: false, completeReason: undefined };
  const roles = (t: Figure[], ps: Figure[]): Reading['figures'] => [
    ...t.map((fig) => ({ fig, role: 'total' })),
    ...all.map((fig) => ({ fig, role: skipped(fig) ? 'nestedPart' : ps.includes(fig) ? 'part' : 'notPart', roleArg: fig.stageText ?? fig.rate ?? '' })),
  ];
  const readings: Reading[] = [];
  const base = b.totalFromPrevious ? [{ id: 'totalPreviousSentence', cost: COST.otherTotal }] : [];
  // parts named by no known stage may be a funnel rather than siblings ("其中有效回访246件，满意240件，一般5件":
  // the answers are of the calls that got through): when the first part could hold all the others, the words alone
  // cannot tell, so an excess is soft evidence; parts that are publication channels (网站公开1495条，公开栏公开信息
  // 2918条) may count one item once per channel, though no channel can carry more items than there are. Whichever
  // total a reading takes, the parts are the same.
  // (both asked of the total each reading takes: a channel larger than the nearest count may fit in the whole set)
  const mayBeNested = firstMayHoldTheRest(total, parts);
  const channels = parts.filter((f) => channelWords.some((w) => f.label.includes(w))).length >= 2;
  // parts that are kinds of penalty (警告2981件，罚款93583件…) may count a case once per penalty it carries
  const penalties = parts.filter((f) => penaltyKindWords.some((w) => f.label.includes(w))).length >= 2;
  // a total that comes after an earlier list of its sentence began, one of its items ("办结94314件，其中警告…，其他处罚
  // 104件；其中适用简易程序69757件…"): the new list may be of that list's total, not of its item (asked only of a
  // reading that fails)
  const partOfEarlierList = () =>
    listsOfSentence(model, total.sentence).some((o) => o !== b && o.parts.length > 0 && o.parts[0] <= total.id && o.total < total.id && model.figures[o.total].hi >= parts[0].lo);
  // a later part alone larger than the total is in the list only because it names one more item of the list's kind
  // (extract.ts sameKindOfItem) or a conjunction joins it: it might yet begin a new topic, so the evidence is inferred
  // the first parts alone make up the total exactly ("330家代表机构，其中外国265家，香港65家，台湾9家"): the rest may be
  // counted apart, written into the list by mistake; the list still exceeds its total, on weaker evidence
  let prefixIsTotal = -1;
  if (!total.approx) {
    let prefix = 0;
    for (let k = 0; k < parts.length - 1; k++) {
      if (parts[k].approx) continue;
      prefix += parts[k].value;
      if (k >= 1 && Math.abs(prefix - total.value) < 1e-9) {
        prefixIsTotal = k;
        break;
      }
    }
  }
  // a 其中 opening a paragraph, whose total is the last count of the paragraph before ("…移送公安机关236起。⏎其中，在春季
  // 农资打假行动中…"): the paragraph may go back to a total stated further up, so an excess is soft evidence
  const acrossParagraphs = !!b.totalFromPrevious && total.line !== all[0]?.line;
  const partsLo = parts.reduce((a, f) => a + f.lo, 0);
  // a list whose parts are named like a count of an earlier sentence of the paragraph, more than like the total, and
  // fit within it ("完成食品监督抽检3710批次。…共检出不合格食品171批次，其中完成…抽检任务705批次，…"): of that count
  for (const id of b.earlier ?? []) {
    const t = model.figures[id];
    if (t.hi < partsLo - 1e-9 || t.id === total.id) continue;
    const name = metricName(parts[0].label.replace(LIST_WORDS, ''));
    const alike = pairOverlap(name, metricName(t.label));
    if (alike < 2 || alike <= pairOverlap(name, metricName(total.label))) continue;
    readings.push(reading(roles([t], parts), [{ id: 'namedLikeAnEarlierCount', cost: COST.otherTotal }], sumOutcome([t], parts, false, undefined)));
    break;
  }
  // a 其中 opening a sentence, whose parts fit within a count of an earlier sentence of the paragraph though not within
  // any of the sentence before ("问题19117件…。…交办应结案数1101件，交办按期结案数1101件。其中，…上报3013件，有效积分
  // 1533件"): the list may go back to what the paragraph is about, so an excess is soft evidence
  const earlierFit = b.totalFromPrevious
    ? (b.earlier ?? [])
        .map((id) => model.figures[id])
        .filter((t) => t.hi >= partsLo - 1e-9)
        .pop()
    : undefined;
  const capped = (o: Outcome): Outcome => {
    if (o.ok) return o;
    if (acrossParagraphs && o.cap !== 'soft') o = { ...o, cap: 'soft' };
    if (earlierFit && o.messageId === 'breakdown-sum.exceeds') {
      return { ...o, cap: 'soft', messageId: 'breakdown-sum.exceedsEarlierTotal', args: { ...o.args, earlier: earlierFit.text } };
    }
    if (prefixIsTotal > 0 && !o.cap && o.messageId === 'breakdown-sum.exceeds') {
      o = { ...o, cap: 'soft', messageId: 'breakdown-sum.exceedsAfterTotal', args: { ...o.args, first: prefixIsTotal + 1 } };
    }
    const whole = typeof o.data?.total === 'number' ? o.data.total : total.hi;
    const within = parts.every((f) => f.lo <= whole + 1e-9);
    const softly = mayBeNested ? 'breakdown-sum.exceedsMaybeNested' : channels && within ? 'breakdown-sum.exceedsMaybeOverlap' : penalties && within ? 'breakdown-sum.exceedsMaybeCombined' : undefined;
    if (softly && o.messageId === 'breakdown-sum.exceeds') return { ...o, cap: 'soft', messageId: softly };
    if (!o.cap && partOfEarlierList()) o = { ...o, cap: 'soft' };
    // (a later part above the whole may be a new topic: inferred; not when the first part already is above it)
    return !o.cap && parts[0].lo <= whole + 1e-9 && parts.some((f, k) => k > 0 && f.lo > whole + 1e-9) ? { ...o, cap: 'inferred' } : o;
  };
  const main = capped(sumOutcome([total], parts, b.complete, b.completeReason));
  readings.push(reading(roles([total], parts), base, main));
  // the count right after the list, in its sentence, is exactly what the parts add up to (图斑87个，其中无证开采60个，
  // 越界开采23个，以采代探8个，擅自改变开采矿种4个，涉及疑似违法图斑95宗): the writer states what the parts count
  const after = model.figures[parts[parts.length - 1].id + 1];
  if (!main.ok && after && after.sentence === total.sentence && after.kind === 'count' && !after.prior && !after.change && !after.approx && parts.every((f) => !f.approx)) {
    if (Math.abs(after.value - parts.reduce((a, f) => a + f.value, 0)) < 1e-9) {
      readings.push(reading([...roles([total], parts), { fig: after, role: 'partsTotal', roleArg: '' }], [{ id: 'partsTotalStated', cost: COST.otherTotal }], { ok: true, detail: main.detail }));
    }
  }
  // two splits of the total, one after the other (6 + 1 by who applied, then 1 + 4 + 1 + 1 by outcome): each adds up to it
  const rest = prefixIsTotal > 0 ? parts.slice(prefixIsTotal + 1) : [];
  if (!main.ok && rest.length >= 2 && rest.every((f) => !f.approx) && Math.abs(rest.reduce((a, f) => a + f.value, 0) - total.value) < 1e-9) {
    readings.push(reading(roles([total], rest), [...base, { id: 'twoSplits', cost: COST.listEndsAtStage }], sumOutcome([total], rest, false, undefined)));
  }
  // a part noted to include what was carried over ("提起公诉673人（含上期积存）" of 受理655人): the parts may hold more
  // than the period's total, as the writer says
  if (!main.ok && parts.some((f) => CARRIED_IN_NOTE.test(lineText(f.line).slice(f.range.end.character, f.range.end.character + CARRY_NOTE_MAX)))) {
    readings.push(reading(roles([total], parts), [...base, { id: 'carriedOverInPart', cost: COST.none }], { ok: true, detail: main.detail }));
  }
  if (b.trigger !== 'implicit') {
    // readings where the list ends before part `k`: what comes after is counted apart
    const endsBefore = (k: number, id: string, adjust: (o: Outcome) => Outcome, cost: number = COST.listEndsAtStage) => {
      const kept = parts.slice(0, k);
      readings.push(reading(roles([total], kept), [...base, { id, cost }], adjust(sumOutcome([total], kept, false, undefined))));
    };
    // (what joins part k to the one before it, on one line)
    const joint = (k: number) => (parts[k - 1].line === parts[k].line ? lineText(parts[k].line).slice(parts[k - 1].range.end.character, parts[k].range.start.character) : '');
    // the list ends before a later-stage figure
    for (const k of stageCuts(total, parts)) endsBefore(k, 'listEndsAtStage', capped);
    // "包括机构概况1条，以及经费信息2条": 以及 may join the list or go back to the verb before it (发布…，以及…): when
    // only the second reading holds, a soft note says the parts exceed the total if the 以及 item is one of them
    const joined = parts.findIndex((_, k) => k > 0 && listJoin.mayJoinVerb.test(joint(k)));
    if (joined > 0 && !main.ok && main.messageId === 'breakdown-sum.exceeds') {
      endsBefore(joined, 'listEndsBeforeJoin', (o) => (o.ok ? { ...o, loose: 'listJoin', messageId: 'breakdown-sum.exceedsIfJoined', args: main.args, data: main.data } : o));
    }
    // the list ends where its parts have made up the total exactly ("729件，其中民事631件、刑事98件，法律帮助案件501
    // 件": 631 + 98 = 729; what follows is counted apart), only where the list changes its form there: items joined
    // by 、, the next after a comma; or items each followed by its share (33250条，占33.58%；65781条，占66.42%), the
    // next without one
    if (!total.approx && parts.every((p) => !p.approx)) {
      const shared = (k: number) => k + 1 < parts.length && SHARE_BETWEEN.test(joint(k + 1));
      let run = parts[0].value;
      for (let k = 1; k < parts.length - 1 && (joint(k).startsWith('、') || (shared(k - 1) && shared(k))); k++) {
        run += parts[k].value;
        if (Math.abs(run - total.value) < 1e-9 && ((joint(k).startsWith('、') && /^[，,；;]/.test(joint(k + 1))) || (shared(k) && !shared(k + 1)))) {
          endsBefore(k + 1, 'listEndsAtTotal', (o) => o, COST.listEndsAtTotal);
          break;
        }
        if (run > total.value) break;
      }
    }
    // a part that names a stage, followed by two or more parts that name none and add up to it exactly (其中全国12315平台
    // 受理1954件，投诉1419件，举报530件，咨询5件；12345平台受理924件): those split it, they are no parts of the total
    // besides it (parts all of one form that happen to add up, 县29个、县级市17个 after 市辖区46个, split nothing)
    if (!main.ok && parts.every((p) => !p.approx)) {
      const kept: Figure[] = [];
      let split = false;
      for (let k = 0; k < parts.length; k++) {
        kept.push(parts[k]);
        if (!parts[k].stage) continue;
        let run = 0;
        for (let m = k + 1; m < parts.length && !parts[m].stage; m++) {
          run += parts[m].value;
          if (Math.abs(run - parts[k].value) < 1e-9 && m - k >= 2) {
            split = true;
            k = m;
            break;
          }
          if (run > parts[k].value) break;
        }
      }
      if (split) readings.push(reading(roles([total], kept), [...base, { id: 'splitOfAPart', cost: COST.listEndsAtStage }], capped(sumOutcome([total], kept, b.complete, b.completeReason))));
    }
    // another count before the list is its total
    const cands = (b.candidates ?? []).map((id) => model.figures[id]);
    for (const t of cands) {
      // (a list opening its sentence after a sentence of several counts, "…检查114508家…；对1114家企业实施行政处罚。
      // 其中，对3579家危险化学品企业检查…", may be of any of them: one it fits within is a reading, not only one it makes up)
      const outcome = (b.totalFromPrevious || b.scoped) && !b.complete && t.sentence === total.sentence ? sumOutcome([t], parts, false, undefined) : exactOutcome([t], parts);
      readings.push(reading(roles([t], parts), [{ id: 'otherTotal', cost: COST.otherTotal }], capped(outcome)));
    }
    // the first count of the previous sentence, when the counts after it there split it (收到申请4件，网络申请2件、
    // 信件申请2件；自然人2件，法人2件。其中3件已答复，1件结转): the list is of that count, not of its last part
    const head = splitHead(total, cands);
    if (head) readings.push(reading(roles([head], parts), [{ id: 'headOfSplit', cost: COST.otherTotal }], capped(sumOutcome([head], parts, false, undefined))));
    // parts that all name an earlier stage than the total's (…受理879件，结案700件。其中：受理民事案件755件): they are
    // of the nearest count of their own stage before the list, not of the later stage's count
    const partStage = parts[0].stage;
    if (partStage && parts.every((p) => p.stage === partStage) && later(partStage, total.stage)) {
      const own = cands.find((t) => t.stage === partStage);
      if (own) readings.push(reading(roles([own], parts), [{ id: 'totalOfThePartsStage', cost: COST.otherTotal }], capped(sumOutcome([own], parts, false, undefined))));
    }
    // the whole set before the list is its total (several counts of the family, added up)
    // (not counts of one thing at successive stages, 应结案1101件、按期结案1101件: those are no parts of one whole)
    const set = [total, ...cands].filter((f) => !f.approx).sort((a, b) => a.id - b.id);
    if (set.length >= 2 && !set.some((f) => set.some((g) => f.stage !== g.stage && isFunnelStep(f.stage) && isFunnelStep(g.stage)))) {
      readings.push(reading(roles(set, parts), [{ id: 'wholeSet', cost: COST.wholeSet }], capped(exactOutcome(set, parts))));
      // counts the sentence lists one for each (分别发生火灾124起、127起、52起，其中1、2月份就高达251起): the list may
      // be of some of them, so it need only fit within them all
      const first = set[0];
      const sentStart = model.sentences[first.sentence].start;
      if (set.every((f) => f.sentence === first.sentence) && /分别/.test(lineText(first.line).slice(sentStart, first.range.start.character))) {
        readings.push(reading(roles(set, parts), [{ id: 'wholeSet', cost: COST.wholeSet }], capped(sumOutcome(set, parts, false, undefined))));
      }
      // parts that all name one stage the set before them does not (共发现事故隐患2365条、火灾隐患683条…。其中，事故
      // 隐患已整改2312条，火灾隐患已整改669条…) say how many of those categories got that far: each at most its own
      // category, so together at most the set, not exactly it
      const stage = parts[0].stage;
      if (parts.length >= 2 && stage && parts.every((p) => p.stage === stage) && set.length >= parts.length && set.every((f) => f.stage !== stage && !later(stage, f.stage))) {
        readings.push(reading(roles(set, parts), [{ id: 'laterStageOfSet', cost: COST.wholeSet }], capped(sumOutcome(set, parts, false, undefined))));
      }
    }
  }
  const sameSentence = !b.totalFromPrevious && total.sentence === all[0]?.sentence;
  return { check: CODE, anchor: total, readings, ceiling: 1, sentenceBound: sameSentence && b.trigger === '其中' && !b.totalDistant };
}

/**
 * A 其中 list of shares (其中维持的占56.4%、驳回的占30.3%、纠错的占20.5%), or one after an antecedent that opens
 * its sentence (审结的案件中，维持占62%…), adds up to more than 100% beyond what rounding at the written precision
 * allows.
 */
const ANTECEDENT = /^[^，,；;。]*中[，,：:]/;

function shareClaims(model: FigureModel, lineText: (line: number) => string): Claim[] {
  const out: Claim[] = [];
  for (const sent of model.sentences) {
    if (sent.figures.length < 2) continue;
    const norm = lineText(sent.line);
    const head = norm.slice(sent.start, sent.end);
    // 其中, or an antecedent clause that opens the sentence ("审结的案件中，维持占62%、驳回占25%…")
    let at = head.indexOf('其中');
    if (at < 0) {
      const m = ANTECEDENT.exec(head.slice(0, 40));
      if (m) at = m[0].length;
    }
    if (at < 0) continue;
    const from = sent.start + at;
    // "因对行政处罚（其中罚款占68.92%）决定不服的占34.81%": a 其中 in brackets lists the shares of the bracket's owner,
    // and ends with the bracket; a share in brackets after a 其中 outside them is a share of that part, not of the list
    const inBracket = scanBrackets(norm, sent.start, from).depth > 0;
    const shares: Figure[] = [];
    for (const id of sent.figures) {
      const f = model.figures[id];
      if (f.range.start.character < from) continue;
      if (!!f.bracketed !== inBracket) {
        if (inBracket) break;
        continue;
      }
      if (f.kind === 'percent' && f.rateId === '占比' && !f.prior && !f.change) shares.push(f);
      else break; // a count in the list: the shares are of its parts, breakdowns handle that
    }
    if (shares.length < 2) continue;
    out.push(sharesSumClaim(shares, true));
  }
  out.push(...paragraphShareClaims(model, lineText));
  return out;
}

/** Shares of one whole: together at most 100%, beyond what rounding at the written precision allows. */
function sharesSumClaim(shares: Figure[], sentenceBound: boolean): Claim {
  const lo = shares.reduce((a, f) => a + f.lo, 0);
  const tolerance = shares.reduce((a, f) => a + 10 ** -f.decimals / 2, 0);
  const expr = shares.map((f) => numOf(f.value)).join('% + ') + '%';
  const sum = shares.reduce((a, f) => a + f.value, 0);
  const ok = !(lo > 100 + tolerance);
  const outcome: Outcome = ok
    ? { ok, detail: `${expr} = ${numOf(sum)}% ≤ 100%` }
    : { ok, detail: `${expr} = ${numOf(sum)}% > 100%`, messageId: 'breakdown-sum.sharesOver', args: { expr, sum: numOf(sum) }, data: { sum, parts: shares.map((f) => f.value) } };
  return { check: CODE, anchor: shares[0], readings: [reading(shares.map((fig) => ({ fig, role: 'share', roleArg: fig.rate ?? '' })), [], outcome)], ceiling: 0, sentenceBound };
}

/** The fewest paragraphs in a row whose shares of one named whole are added up. */
const MIN_SHARE_PARAGRAPHS = 3;

/**
 * Shares of one named whole, one to a paragraph, in paragraphs that follow each other with nothing else between them
 * (“同意公开”的7件，占总数的70%。⏎“同意部分公开”1件，占总数的10%。⏎…): an outcome table written out as paragraphs,
 * whose shares add up to at most 100% like those of one sentence. Each paragraph holds exactly one share, in its first
 * sentence, naming its whole in the same words (占总数的); at least MIN_SHARE_PARAGRAPHS of them.
 */
function paragraphShareClaims(model: FigureModel, lineText: (line: number) => string): Claim[] {
  const out: Claim[] = [];
  const byLine = new Map<number, Figure[]>();
  for (const f of model.figures) {
    if (f.kind !== 'percent') continue;
    const list = byLine.get(f.line);
    if (list) list.push(f);
    else byLine.set(f.line, [f]);
  }
  const firstSentence = new Map<number, number>();
  for (const sent of model.sentences) if (!firstSentence.has(sent.line)) firstSentence.set(sent.line, sent.index);
  let run: Figure[] = [];
  let whole = '';
  let lastLine = -1;
  const flush = () => {
    if (run.length >= MIN_SHARE_PARAGRAPHS) out.push(sharesSumClaim(run, false));
    run = [];
    whole = '';
  };
  const lines = [...byLine.keys()].sort((a, b) => a - b);
  for (const line of lines) {
    const pcts = byLine.get(line)!;
    const f = pcts[0];
    const at = f.label.lastIndexOf('占');
    const named = at >= 0 ? f.label.slice(at) : '';
    const one = pcts.length === 1 && f.rateId === '占比' && !f.prior && !f.change && !f.approx && named.length > 1 && f.sentence === firstSentence.get(line);
    // nothing but blank lines since the run's last paragraph
    let adjacent = lastLine >= 0;
    for (let l = lastLine + 1; adjacent && l < line; l++) if (lineText(l).trim()) adjacent = false;
    if (!one || !adjacent || named !== whole) flush();
    if (one) {
      run.push(f);
      whole = named;
      lastLine = line;
    } else lastLine = -1;
  }
  flush();
  return out;
}

/**
 * A list whose total is written after it with a total word (分别抽查214次、156次和98次，合计468次; 2021年126件，
 * 2022年162件，2023年198件，三年累计486件): the counts right before the total add up to it. The run of counts may
 * start later than the first count of the sentence (受理156件，当面42件、网络114件，共计156件): each later start is
 * a reading. Stages of one funnel (收到…受理…) are not a list of categories.
 */
const TOTAL_AFTER = /^[，,、；;]?[^，,、；;。：:|（）()]{0,8}?(合计|共计|总计|累计|总共|一共|共)[为达是]?\s*$/;
/** A word that closes a list with its total (共, 合计 …), and a verb after it. */
const TOTAL_WORD = '(?:合计|共计|总计|总共|一共|共)[为达是有]?';
/** A label ending in a total word: the item's own total ("执行案件共"). */
const ITEM_TOTAL = new RegExp(`${TOTAL_WORD}\\s*$`);
/** What may stand between two parts of such a list: a separator and a short name, no clause break or table cell. */
const PART_GAP = /^[，,、和及与]?(?![^]*其中)[^，,、；;。：:|（）()]{0,10}$/;

/**
 * A longer name between two parts that opens with the words of the part before it ("主动公开发布基础信息135条，主动公开
 * 发布重大建设项目领域信息5条"): one more item said the same way, not a new clause.
 */
function repeatsLead(gap: string, label: string): boolean {
  const m = /^[，,、]([\u4e00-\u9fff]{4})[^，,、；;。：:|（）()]{0,24}$/.exec(gap);
  return !!m && label.includes(m[1]);
}

function totalAfterClaims(model: FigureModel, lineText: (line: number) => string): Claim[] {
  const out: Claim[] = [];
  // a part of a 其中 / 包括 list that names its own total word (包括：…公告公示225条，解读及回应信息共计110条，其他…)
  // is an item of that list, not the total of the items before it
  const listed = new Set<number>(model.breakdowns.flatMap((b) => b.parts));
  for (const sent of model.sentences) {
    if (sent.figures.length < 3) continue;
    const figs = sent.figures.map((id) => model.figures[id]);
    const text = lineText(sent.line);
    for (let i = 2; i < figs.length; i++) {
      const t = figs[i];
      if (t.kind !== 'count' || t.prior || t.change || listed.has(t.id)) continue;
      const word = TOTAL_AFTER.exec(text.slice(figs[i - 1].range.end.character, t.range.start.character));
      if (!word) continue;
      const parts: Figure[] = [];
      for (let k = i - 1; k >= 0 && i - k <= 12; k--) {
        const f = figs[k];
        if (f.kind !== 'count' || f.family !== t.family || f.prior || f.change) break;
        const gap = parts.length ? text.slice(f.range.end.character, parts[0].range.start.character) : '';
        if (parts.length && !PART_GAP.test(gap) && !repeatsLead(gap, f.label)) break;
        parts.unshift(f);
      }
      if (parts.length < 2) continue;
      if (parts.some((p, a) => parts.some((q, b) => b > a && later(p.stage, q.stage)))) continue;
      // items that each carry the total word ("一审案件共563544件，二审案件共32659件，执行案件共408011件") are a list
      // of totals, one per item: the last is one more item, not the sum of the others
      if (parts.some((p) => ITEM_TOTAL.test(p.label))) continue;
      // 累计 is often a running total since long before the parts (新建12个、调整8个，累计326个): the parts then
      // only must not exceed it, unless it is bound to the periods listed (三年累计, 上述…累计)
      const clause = text.slice(figs[i - 1].range.end.character, t.range.start.character);
      const complete = word[1] !== '累计' || /(?:[两二三四五六七八九十]|\d+)(?:年|个季度|个月)|上述|以上/.test(clause);
      const readings: Reading[] = [];
      for (let from = 0; from <= parts.length - 2; from++) {
        const ps = parts.slice(from);
        const roles: Reading['figures'] = [{ fig: t, role: 'total' }, ...parts.map((fig) => ({ fig, role: ps.includes(fig) ? 'part' : 'notPart', roleArg: fig.stageText ?? '' }))];
        const assumptions = from === 0 ? [] : [{ id: 'listStartsLater', cost: COST.otherTotal }];
        readings.push(reading(roles, assumptions, sumOutcome([t], ps, complete, complete ? { id: 'totalWord', args: { word: word[1] } } : undefined)));
      }
      out.push({ check: CODE, anchor: t, readings, ceiling: 1, sentenceBound: true });
    }
  }
  return out;
}

/**
 * A total followed by a colon and its parts (办理结果总计136件：予以公开62件，部分公开21件，…其他处理6件): the list
 * runs to the end of its clause chain; it is complete when it names 其他 or a zero count, as a 其中 list is.
 */
const COLON_AFTER = /^[^，,、；;。|（）()]{0,4}[：:]/;

function colonListClaims(model: FigureModel, lineText: (line: number) => string): Claim[] {
  const out: Claim[] = [];
  const listed = new Set(model.breakdowns.flatMap((b) => b.parts));
  for (const sent of model.sentences) {
    if (sent.figures.length < 3) continue;
    const figs = sent.figures.map((id) => model.figures[id]);
    const text = lineText(sent.line);
    for (let i = 0; i + 2 < figs.length; i++) {
      const t = figs[i];
      if (t.kind !== 'count' || t.prior || t.change) continue;
      if (!COLON_AFTER.test(text.slice(t.range.end.character, figs[i + 1].range.start.character))) continue;
      const parts: Figure[] = [];
      for (let k = i + 1; k < figs.length && parts.length < 12; k++) {
        const f = figs[k];
        if (f.kind !== 'count' || f.family !== t.family || f.prior || f.change) break;
        const gap = text.slice((parts.length ? parts[parts.length - 1] : t).range.end.character, f.range.start.character);
        // (the first part right after the colon: "4个事业单位：营林站、…中心，共29个岗位" names the units, then counts
        // something else after a clause break)
        if (parts.length ? !PART_GAP.test(gap) : !COLON_AFTER.test(gap) || /[，,；;。]/.test(gap.slice(gap.search(/[：:]/) + 1))) break;
        if (/合计|共计|总计|累计/.test(gap)) break;
        parts.push(f);
      }
      if (parts.length < 2 || parts.some((p) => listed.has(p.id))) continue;
      if (parts.some((p, a) => parts.some((q, b) => b > a && later(p.stage, q.stage)))) continue;
      const other = parts.find((p) => /其他|其它|其余/.test(p.label));
      // (as for a 其中 list: a zero among two parts may be a count of something else)
      const zero = parts.length > 2 && parts.some((p) => p.value === 0 && !p.approx);
      const reason: Breakdown['completeReason'] = other
        ? { id: 'other', args: { word: /其他|其它|其余/.exec(other.label)![0] } }
        : zero
          ? { id: 'zero', args: {} }
          : undefined;
      const roles: Reading['figures'] = [{ fig: t, role: 'total' }, ...parts.map((fig) => ({ fig, role: 'part', roleArg: fig.stageText ?? '' }))];
      out.push({ check: CODE, anchor: t, readings: [reading(roles, [], sumOutcome([t], parts, !!reason, reason))], ceiling: 1, sentenceBound: true });
    }
  }
  return out;
}

/**
 * A 其中 list that restates, for a subset, the counts of the total's sentence one by one ("共办理…36.5万件，发出诉前
 * 检察建议24.7万件，提起诉讼2.5万件。其中，…立案19.8万件，发出诉前检察建议13.6万件，提起诉讼1.5万件"): at least two parts
 * are named as two different counts there, so each part is of its namesake and the parts are no partition of one total.
 */
function restatesEach(model: FigureModel, b: Breakdown): boolean {
  const total = model.figures[b.total];
  const names = new Map<string, number>();
  for (const id of model.sentences[total.sentence].figures) {
    const g = model.figures[id];
    if (g.kind !== 'count' || b.parts.includes(id) || !g.label) continue;
    const name = metricName(g.label);
    if (name) names.set(name, id);
  }
  const namesakes = new Set<number>();
  for (const id of b.parts) {
    const p = model.figures[id];
    const g = p.label ? names.get(metricName(p.label)) : undefined;
    if (g !== undefined && model.figures[g].family === p.family) namesakes.add(g);
  }
  return namesakes.size >= 2;
}

/**
 * A list of uncounted items closed by its own total ("其他人员，包括公证员助理和行政后勤人员，共18233名"): its one
 * "part", named by a total word alone, is that group's total, not a part of the count before the list.
 */
function ownTotalOnly(model: FigureModel, b: Breakdown): boolean {
  return b.parts.length > 0 && b.parts.every((id) => TOTAL_WORD_ONLY.test(model.figures[id].label.trim()));
}
const TOTAL_WORD_ONLY = new RegExp(`^${TOTAL_WORD}$`);

export function sumClaims(model: FigureModel, lineText: (line: number) => string): Claim[] {
  return [...shareClaims(model, lineText), ...model.breakdowns.filter((b) => !restatesEach(model, b) && !ownTotalOnly(model, b)).map((b) => breakdownClaim(model, b, lineText)), ...totalAfterClaims(model, lineText), ...colonListClaims(model, lineText)];
}
