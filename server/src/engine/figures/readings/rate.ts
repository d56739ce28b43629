// Rate claims (rate-mismatch, impossible-percentage): a rate or share and the counts it is made of. The numerator
// comes from the rate's definition (纠错率 → 纠错, or 撤销 + 确认违法 + 责令履行, with or without 改正后终止;
// 综合化解率 → 纠错 + 调解和解; server/data/figures.json), in the rate's sentence or, when it is the only count of
// its stage there, an earlier sentence of the paragraph. Each base is a reading:
//   the conventional base in the sentence (审结 for 纠错率, 应当出庭 for 出庭率, a share's list total)   cost 0
//   the conventional base elsewhere in the paragraph, for the same object                               cost 1
//   another count of the sentence (the writer may have divided by it), a total far before a share      cost 2
// A rate is wrong only when no plausible reading reproduces it at the written precision. When the conventional
// base is in the sentence, the other counts are not plausible bases: if one of them reproduces the rate, the writer
// divided by the wrong number (reported as such). A rate no whole count over its base can give is
// impossible-percentage's claim (a GRIM test); without a numerator it is tried over every stage of the object in
// the sentence, and reported only when none can give it.
import { listWithPart, type Figure, type FigureModel } from '../model';
import { asWritten, countsInValueRange, grim, grimApplies, isExact, lineFigures, matchOf, previousParagraphFigures, num, numAsWritten, percent, reproduces, resolveRatio, resolveRate, wholeRange, type RateResolution, type Term } from '../arith';
import { RESPECTIVELY_SHARE, funnels, rateById } from '../vocab';
import { COST, phrase, reading, softened, type Assumption, type Claim, type Outcome, type Reading } from './types';
import type { MessageRef } from '../../messages';
import data from '../../../../data/figures.json';
import { WINDOW } from '../extract';
import { INLINE_PINYIN } from '../../regex';

/** A rate's name for a message: as written (纠错率), or "占比" for a share written without one (分别占35.7%、63.9%). */
const rateName = (f: Figure): string | MessageRef => f.rate || { id: 'figures.share' };

function rateOutcome(pct: Figure, n: Term, b: Term): Outcome {
  const exact = n.exact && b.exact;
  const lo = n.figs.reduce((a, f) => a + f.lo, 0);
  const hi = n.figs.reduce((a, f) => a + f.hi, 0);
  const bLo = b.figs.length === 1 ? b.figs[0].lo : b.value;
  const bHi = b.figs.length === 1 ? b.figs[0].hi : b.value;
  const x = percent(n.value, b.value);
  const shown = `${asWritten(x, pct.decimals)}%`;
  const detail = `${numAsWritten(n.value, n.figs)} / ${numAsWritten(b.value, b.figs)} = ${shown}（${n.label} / ${b.label}）`;
  if (b.value <= 0) return { ok: false, detail };
  if (!exact) {
    // approximate counts (1.9万, 18.6万): the quotient is a range
    const qLo = percent(lo, bHi);
    const qHi = bLo > 0 ? percent(hi, bLo) : Infinity;
    const unit = 10 ** -pct.decimals;
    const ok = qHi >= pct.lo - unit - 1e-9 && qLo <= pct.hi + unit + 1e-9;
    return ok ? { ok, loose: 'approximation', detail } : { ok, cap: 'inferred', ...phrase('computedNotWritten', { computed: detail, written: pct.text }) };
  }
  const m = matchOf(x, pct);
  if (m && m !== 'lastDigit') return { ok: true, loose: m === 'truncation' ? 'truncation' : undefined, detail };
  return { ok: false, cap: m === 'lastDigit' ? 'inferred' : undefined, ...phrase('computedNotWritten', { computed: detail, written: pct.text }) };
}

/** Every count of the term is exact or rounded by its magnitude (no 近/约/余: its bounds are known). */
function bounded(t: Term): boolean {
  return t.figs.every((f) => !f.approx);
}

function mismatchMessage(pct: Figure, n: Term, right: Term, wrong?: Term): Pick<Outcome, 'messageId' | 'args' | 'data'> {
  const x = percent(n.value, right.value);
  const expected = asWritten(x, pct.decimals);
  return {
    messageId: wrong ? 'rate-mismatch.wrongBase' : 'rate-mismatch.mismatch',
    args: {
      rate: rateName(pct),
      written: pct.text,
      numerator: numAsWritten(n.value, n.figs),
      denominator: numAsWritten(right.value, right.figs),
      computed: `${expected}%`,
      numeratorLabel: n.label,
      denominatorLabel: right.label,
      wrongDenominator: wrong ? num(wrong.value) : '',
      wrongLabel: wrong ? wrong.label : '',
    },
    data: { expected, expectedText: `${expected}%`, numerator: n.value, denominator: right.value, computed: x, wrongDenominator: wrong?.value },
  };
}

function baseAssumptions(n: Term, b: Term): Assumption[] {
  const out: Assumption[] = [];
  if (n.scope === 'paragraph') out.push({ id: 'numeratorOtherSentence', cost: COST.paragraphBase });
  if (b.right && b.scope === 'paragraph') out.push({ id: 'paragraphBase', cost: COST.paragraphBase });
  if (b.right && b.scope === 'previous') out.push({ id: 'previousParagraphBase', cost: COST.paragraphBase });
  if (!b.right && b.scope === 'sentence') out.push({ id: 'otherBase', cost: COST.otherBase });
  if (b.scope === 'document') out.push({ id: 'documentBase', cost: COST.documentBase });
  if (b.distant) out.push({ id: 'distantListTotal', cost: COST.otherTotal });
  return out;
}

const roles = (n: { figs: Figure[] }, b: { figs: Figure[] }, pct: Figure): Reading['figures'] => [
  { fig: pct, role: 'rate', roleArg: pct.rate ?? '' },
  ...n.figs.map((fig) => ({ fig, role: 'numerator', roleArg: fig.stageText ?? '' })),
  ...b.figs.map((fig) => ({ fig, role: 'denominator', roleArg: fig.stageText ?? '' })),
];

/**
 * Bases of another kind that the numerator and the counts written right after it, up to the rate, add up to exactly:
 * the rate is then plausibly over the set those counts divide.
 */
function partitionBases(model: FigureModel, pct: Figure, n: Term, bases: Term[]): { base: Term; parts: Figure[] }[] {
  if (n.figs.length !== 1) return [];
  const first = n.figs[0];
  const parts: Figure[] = [];
  for (let id = first.id; id < pct.id; id++) {
    const f = model.figures[id];
    if (f.sentence !== pct.sentence || f.kind !== 'count' || f.family !== first.family || f.prior || f.change) break;
    parts.push(f);
  }
  if (parts.length < 2) return [];
  const sum = parts.reduce((a, f) => a + f.value, 0);
  return bases.filter((b) => !b.right && b.figs.length === 1 && b.exact && Math.abs(b.value - sum) < 1e-9).map((base) => ({ base, parts }));
}

/**
 * When the rate's own base is in its sentence and does not give it: a count of another stage of the same thing
 * elsewhere in the report that gives it exactly ("新受理行政复议案件151件…审结135件，其中纠错29件，纠错率约19.2%" =
 * 29 / 151), so that the message can say which number the writer seems to have divided by. Only for the message:
 * the finding stands either way (the right base is stated beside the rate).
 */
function baseUsedInstead(model: FigureModel, pct: Figure, n: Term, right: Term, numeratorStages: readonly string[]): Term | undefined {
  if (right.scope !== 'sentence' || !right.exact || !n.exact || right.figs.length !== 1 || rateOutcome(pct, n, right).ok) return undefined;
  const own = right.figs[0];
  const object = n.figs[0]?.object ?? own.object;
  // (only counts whose value could give the rate: looked up by value, not tried one by one)
  const found = countsInValueRange(model, wholeRange({ lo: n.value, hi: n.value }, pct)).filter(
    (f) =>
      f.family === own.family && f.stage && f.stage !== own.stage && !numeratorStages.includes(f.stage) && isExact(f) &&
      !n.figs.includes(f) && (!object || !f.object || f.object === object) && rateOutcome(pct, n, { value: f.value, figs: [f], label: '', exact: true }).ok,
  );
  // one number only: two that both give it say nothing about which was used
  const values = new Set(found.map((f) => f.value));
  if (values.size !== 1) return undefined;
  // (the first in the report)
  const f = found.reduce((a, b) => (b.id < a.id ? b : a));
  return { value: f.value, figs: [f], label: f.stageText ?? f.label, exact: true, scope: 'document' };
}

/** A rate with counts: one reading per base (and per conventional alternative of the numerator). */
function rateClaim(model: FigureModel, pct: Figure, res: RateResolution): Claim | null {
  const def = res.def;
  const n = res.numerator;
  if (!def || !n || res.bases.length === 0) return null;
  const numerators: { t: Term; extra: Assumption[] }[] = [{ t: n, extra: [] }];
  for (const a of n.alts ?? []) numerators.push({ t: { ...n, value: a.value, figs: a.figs, label: a.label, alts: undefined }, extra: [{ id: 'conventionalAlternative', cost: 0 }] });
  const readings: Reading[] = [];
  for (const b of res.bases) {
    for (const { t, extra } of numerators) {
      // (cases over cases, persons over persons: "决定不起诉40件45人" is read in each unit, never across)
      if (t.figs.length && b.figs.length && t.figs[0].family !== b.figs[0].family) continue;
      readings.push(reading(roles(t, b, pct), [...baseAssumptions(t, b), ...extra], rateOutcome(pct, t, b)));
    }
  }
  // another count of the sentence that the numerator and the counts after it add up to exactly (派单601件，按时结案
  // 597件，超时办理4件，结案率100%，按时结案率99%): the rate may be over the set those outcomes divide
  for (const p of partitionBases(model, pct, n, res.bases)) {
    const whole: Term = { value: p.base.value, figs: p.parts, label: p.parts.map((f) => num(f.value)).join(' + '), exact: n.exact };
    for (const t of [n, whole]) readings.push(reading(roles(t, p.base, pct), [{ id: 'partitionBase', cost: COST.otherTotal }], rateOutcome(pct, t, p.base)));
  }
  // a base count that holds more than the rate counts (批准和决定逮捕 for 不捕率): the rate is at least what it gives
  if (def.baseNarrowerThan) {
    for (const b of res.bases) {
      if (!b.figs.some((f) => def.baseNarrowerThan!.some((w) => f.label.includes(w)))) continue;
      const lowest = percent(n.figs.reduce((a, f) => a + f.lo, 0), b.figs.reduce((a, f) => a + f.hi, 0));
      if (pct.hi + 10 ** -pct.decimals >= lowest - 1e-9 && (!def.bounded || pct.lo <= 100)) {
        readings.push(reading(roles(n, b, pct), [{ id: 'baseWiderThanRate', cost: COST.otherTotal }], { ok: true, detail: `${pct.text} ≥ ${numAsWritten(n.value, n.figs)} / ${numAsWritten(b.value, b.figs)}` }));
      }
    }
  }
  // a right base of the sentence makes the others implausible (they then only explain a wrong division)
  const rightInSentence = res.bases.some((b) => b.right && b.scope === 'sentence' && b.value > 0);
  const ceiling = rightInSentence ? 1 : 2;
  // what is reported when nothing holds: the cheapest conventional base
  const right = res.bases.find((b) => b.right && b.value > 0);
  // (a count rounded by its magnitude, 1813.14万件, is still a bounded one: rateOutcome reads the quotient as a range; a
  // count with an approximation word, 近2000件, is not)
  const checkable = !!right && (def.numerator || def.share) && bounded(n) && bounded(right);
  if (!checkable) {
    // nothing to report on: keep the readings (they may verify the rate) but none fails loudly
    for (const r of readings) if (!r.outcome.ok) r.outcome = { ...r.outcome, messageId: undefined };
    return { check: 'rate-mismatch', anchor: pct, readings, ceiling, sentenceBound: false };
  }
  const wrongHolds = readings.find((r) => r.cost > ceiling && r.outcome.ok);
  const wrongBaseOfSentence = wrongHolds ? res.bases.find((b) => wrongHolds.figures.some((x) => x.role === 'denominator' && b.figs.includes(x.fig))) : undefined;
  // (a count of the report that gives it is looked for only once the right base's reading has failed)
  let elsewhere: Term | undefined | null = null;
  const wrongBaseOf = () => wrongBaseOfSentence ?? (elsewhere === null ? (elsewhere = baseUsedInstead(model, pct, n, right!, def.numerator ?? [])) : elsewhere);
  let check = 'rate-mismatch';
  for (const r of readings) {
    if (r.outcome.ok) continue;
    const b = res.bases.find((x) => r.figures.some((y) => y.role === 'denominator' && x.figs.includes(y.fig)));
    const nt = numerators.find((x) => r.figures.filter((y) => y.role === 'numerator').every((y) => x.t.figs.includes(y.fig)))?.t ?? n;
    if (!b) continue;
    Object.assign(r.outcome, mismatchMessage(pct, nt, b, b === right ? wrongBaseOf() : undefined));
    // GRIM: no whole count over the conventional base of the sentence gives the written percentage
    if (b === right && !wrongBaseOf() && b.scope === 'sentence' && b.exact && nt.exact && grimApplies(pct, b.value)) {
      const g = grim(pct, b.value);
      if (!g.possible) {
        check = 'impossible-percentage';
        const closest = `${asWritten(g.closest, pct.decimals)}%`;
        // the stated numerator, when it is not the closest whole count, is said with what it gives (1218 / 1813 = 67.18%)
        const stated = nt.value !== g.k;
        r.outcome.messageId = stated ? 'impossible-percentage.grimStated' : 'impossible-percentage.grim';
        r.outcome.args = {
          rate: rateName(pct),
          written: pct.text,
          base: num(b.value),
          unit: b.figs[0]?.unit || COUNT_UNIT,
          baseLabel: b.label,
          k: g.k,
          closest,
          ...(stated ? { numerator: num(nt.value), numeratorLabel: nt.label, computed: `${asWritten(percent(nt.value, b.value), pct.decimals)}%` } : {}),
        };
        Object.assign(r.outcome, phrase('noWholeCount', { base: num(b.value), written: pct.text, k: g.k, closest }));
        r.outcome.data = {
          base: b.value,
          closestK: g.k,
          closest: asWritten(g.closest, pct.decimals),
          expected: asWritten((nt.value / b.value) * 100, pct.decimals),
          numerator: nt.value,
        };
      }
    }
  }
  // cheapest first, conventional bases before other counts of the same cost
  readings.sort((a, b) => a.cost - b.cost);
  const first = readings.find((r) => r.cost <= ceiling);
  const sentenceBound = !!first && first.cost === 0 && n.scope !== 'paragraph';
  return { check, anchor: pct, readings, ceiling, sentenceBound };
}

/**
 * A rate whose numerator adds up stages of which only some are stated (综合纠错率 = 纠错 + 调解和解, with 纠错 86 and no
 * 调解和解 count, over 审结 422): the rest only add to it, so the rate is at least 86 / 422 = 20.38%; a written 20.1% is
 * below what the stated counts alone give. Reported only then, at most inferred.
 */
function partialClaim(pct: Figure, res: RateResolution): Claim | null {
  const part = res.partial;
  if (!part || res.numerator || !res.def?.bounded || pct.approx) return null;
  const base = res.bases.find((b) => b.right && b.scope === 'sentence' && b.exact && b.value > 0 && b.figs[0].family === part.figs[0].family);
  if (!base) return null;
  const lowest = percent(part.value, base.value);
  const m = matchOf(lowest, pct);
  if (m === 'round' || m === 'truncation' || pct.value >= lowest) return null;
  const shown = `${asWritten(lowest, pct.decimals)}%`;
  const outcome: Outcome = {
    ok: false,
    cap: 'inferred',
    ...phrase('computedNotWritten', { computed: `${num(part.value)} / ${num(base.value)} = ${shown}`, written: pct.text }),
    messageId: 'rate-mismatch.belowStatedPart',
    args: { rate: rateName(pct), written: pct.text, numerator: num(part.value), numeratorLabel: part.label, denominator: num(base.value), denominatorLabel: base.label, computed: shown },
    data: { expected: asWritten(lowest, pct.decimals), expectedText: shown, numerator: part.value, denominator: base.value, computed: lowest },
  };
  return { check: 'rate-mismatch', anchor: pct, readings: [reading(roles(part, base, pct), [{ id: 'numeratorAtLeast', cost: COST.paragraphBase }], outcome)], ceiling: 1, sentenceBound: false };
}

/** The unit named in a GRIM message when the base's own is unknown. */
const COUNT_UNIT = '件';

/**
 * A GRIM reading: does some whole number over `value` give the percentage as written? Holds when one does; otherwise
 * reported at most inferred (the numerator is not stated, so the base is a guess).
 */
function grimReading(pct: Figure, value: number, bases: { fig: Figure; roleArg: string }[], label: string, assumptions: Assumption[]): Reading {
  const g = grim(pct, value);
  const closest = `${asWritten(g.closest, pct.decimals)}%`;
  const outcome: Outcome = g.possible
    ? { ok: true, detail: `${g.k} / ${num(value)} = ${closest}` }
    : {
        ok: false,
        ...phrase('noWholeCount', { base: num(value), written: pct.text, k: g.k, closest }),
        messageId: 'impossible-percentage.grim',
        args: { rate: rateName(pct), written: pct.text, base: num(value), unit: bases[0]?.fig.unit || COUNT_UNIT, baseLabel: label, k: g.k, closest },
        data: { base: value, closestK: g.k, closest: asWritten(g.closest, pct.decimals) },
        cap: 'inferred',
      };
  return reading([{ fig: pct, role: 'rate', roleArg: pct.rate ?? '' }, ...bases.map(({ fig, roleArg }) => ({ fig, role: 'denominator', roleArg }))], assumptions, outcome);
}

/** Bases for a GRIM test when the numerator is not stated: every stage of the rate's object in its sentence. */
function grimClaim(model: FigureModel, pct: Figure, res: RateResolution): Claim | null {
  if (!res.def || res.numerator) return null;
  if (res.whole) return partShareClaim(pct, res.whole);
  const conventional = res.bases.filter((b) => b.right && b.scope === 'sentence' && b.exact && b.figs.every((f) => GRIM_BASE_FAMILIES.has(f.family)) && grimApplies(pct, b.value));
  if (conventional.length === 0) return res.def.base?.length ? unnamedBaseClaim(model, pct) : null;
  const stages = new Set<string>();
  for (const st of res.def.base ?? []) for (const f of funnels) if (f.stages.includes(st)) f.stages.forEach((x) => stages.add(x));
  // and the rate's own base stages: another count of that stage may be the base (调解成功率 over 组织调解30件, not 调解结案26件)
  for (const st of res.def.base ?? []) stages.add(st);
  const object = conventional[0].figs[0].object;
  const family = conventional[0].figs[0].family;
  // every stage of the funnel, in the sentence or the paragraph, of the same object when both name one
  const others = lineFigures(model, pct).filter(
    (f) =>
      f.kind === 'count' && f.family === family && !f.prior && !f.change && !f.approx && f.stage && stages.has(f.stage) &&
      (!object || !f.object || f.object === object) && !conventional.some((b) => b.figs.includes(f)),
  )
    // the nearest few (a dense paragraph must not make every rate try every count)
    .sort((a, b) => Math.abs(a.id - pct.id) - Math.abs(b.id - pct.id))
    .slice(0, 8);
  const stageReading = (value: number, figs: Figure[], label: string, assumptions: Assumption[]): Reading =>
    grimReading(pct, value, figs.map((fig) => ({ fig, roleArg: fig.stageText ?? '' })), label, assumptions);
  const readings = [
    ...conventional.map((b) => stageReading(b.value, b.figs, b.label, [])),
    ...others.filter((f) => grimApplies(pct, f.value)).map((f) => stageReading(f.value, [f], `${f.stageText ?? ''} ${num(f.value)}`, [{ id: 'otherStageBase', cost: COST.paragraphBase }])),
  ];
  return { check: 'impossible-percentage', anchor: pct, readings, ceiling: 1, sentenceBound: false };
}

/**
 * A rate with a conventional base (办结率 of what was taken in; not 满意率, often of those who rated) whose sentence
 * names no stage, only one count before it: that count is what the rate is of ("办理网上平台诉求269件，回复率100%，
 * 办结率99.4%": no whole number of 269 gives 99.4%). One reading, at most inferred; only for counts of the families in
 * figures.json grim.unnamedBaseFamilies (cases and requests, not 个 of organisations) and only when the sentence has
 * no other count before the rate to choose from.
 */
function unnamedBaseClaim(model: FigureModel, pct: Figure): Claim | null {
  if (pct.change || pct.approx || pct.prior) return null;
  // the counts before it in its part of the sentence, looked for at most WINDOW figures back (a dense sentence stays linear)
  const first = model.sentences[pct.sentence].figures[0];
  const before: Figure[] = [];
  let id = pct.id - 1;
  for (; id >= first && pct.id - id <= WINDOW && before.length < 2; id--) {
    const f = model.figures[id];
    if ((f.segment ?? 0) !== (pct.segment ?? 0)) break;
    if (f.kind === 'count') before.push(f);
  }
  const reachedStart = id < first || (model.figures[id].segment ?? 0) !== (pct.segment ?? 0);
  if (before.length !== 1 || !reachedStart) return null;
  const base = before[0];
  // (written in digits: "在…三项指标中，出庭应诉率为93.37%" counts the indicators, not what the rate is of)
  if (base.stage || base.prior || base.change || !isExact(base) || !/[0-9０-９]/.test(base.text) || !UNNAMED_BASE_FAMILIES.has(base.family) || !grimApplies(pct, base.value)) return null;
  // a count named by the rate's own word is its numerator, not its base ("成功调处…案件248件，成功率达95.4%")
  const stem = (pct.rate ?? '').replace(/率$/, '');
  if (stem.length >= 2 && base.label.includes(stem)) return null;
  if (grim(pct, base.value).possible) return null;
  const r = grimReading(pct, base.value, [{ fig: base, roleArg: base.label.trim() }], `${base.label.trim()} ${num(base.value)}`, [{ id: 'unnamedBase', cost: COST.paragraphBase }]);
  return { check: 'impossible-percentage', anchor: pct, readings: [r], ceiling: 1, sentenceBound: false };
}

/**
 * A share after 其中 with no count of its own ("有5083件发生在事业单位，其中…社会保险类争议，占到…的23.97%"): a whole
 * number of the count before 其中 must give it (1218 / 5083 = 23.96%, 1219 / 5083 = 23.98%). At most inferred.
 */
function partShareClaim(pct: Figure, whole: Figure): Claim | null {
  // (a count written in 万 is rounded, 0.5万 is 4950–5050: no whole-number test over it)
  if (pct.approx || pct.change || !isExact(whole) || !GRIM_BASE_FAMILIES.has(whole.family) || !grimApplies(pct, whole.value)) return null;
  const r = grimReading(pct, whole.value, [{ fig: whole, roleArg: whole.label.trim() }], `${whole.label.trim()} ${num(whole.value)}`, [{ id: 'wholeBeforeList', cost: COST.paragraphBase }]);
  return { check: 'impossible-percentage', anchor: pct, readings: [r], ceiling: 1, sentenceBound: false };
}

const UNNAMED_BASE_FAMILIES = new Set<string>(data.grim.unnamedBaseFamilies);
const GRIM_BASE_FAMILIES = new Set<string>(data.grim.baseFamilies);

/** A bounded rate written at or above this (a year run into 100%: 20230%) reads as a damaged number. */
const DAMAGED_RATE = 1000;

function over100Claim(pct: Figure): Claim | null {
  const def = pct.rateId ? rateById.get(pct.rateId) : undefined;
  if (!def?.bounded || pct.change || pct.kind !== 'percent') return null;
  const ok = !(pct.lo > 100 + 1e-9);
  const rate = pct.rate ?? '';
  const outcome: Outcome = ok
    ? { ok, detail: `${rate} ${pct.text} ≤ 100%` }
    : {
        ok,
        detail: `${rate} ${pct.text} > 100%`,
        messageId: 'impossible-percentage.over100',
        args: { rate, written: pct.text },
        data: { value: pct.value },
        // ten times the bound and more (发放比例到达20230%) is a damaged number more likely than a rate: a soft note
        cap: pct.lo >= DAMAGED_RATE ? 'soft' : undefined,
      };
  if (ok) return null; // nothing to verify: every bounded rate under 100% passes this trivially
  return { check: 'impossible-percentage', anchor: pct, readings: [reading([{ fig: pct, role: 'rate', roleArg: rate }], [], outcome)], ceiling: 0, sentenceBound: true };
}

/** 复议诉讼比值达2.6 beside 行政复议 8745 件 and 行政诉讼 3362 件 of the same stage: 8745 / 3362 = 2.6. */
function ratioClaim(model: FigureModel, r: Figure): Claim | null {
  const res = resolveRatio(model, r);
  if (!res) return null;
  const shown = asWritten(res.value, r.decimals);
  const detail = `${num(res.numerator.value)} / ${num(res.base.value)} = ${shown}（${res.numerator.object} / ${res.base.object}）`;
  const m = matchOf(res.value, r);
  const outcome: Outcome =
    m && m !== 'lastDigit'
      ? { ok: true, detail }
      : {
          ok: false,
          cap: m === 'lastDigit' ? 'inferred' : undefined,
          ...phrase('computedNotWritten', { computed: detail, written: r.text }),
          messageId: 'rate-mismatch.mismatch',
          args: {
            rate: rateName(r),
            written: r.text,
            numerator: num(res.numerator.value),
            denominator: num(res.base.value),
            computed: shown,
            numeratorLabel: res.numerator.object ?? '',
            denominatorLabel: res.base.object ?? '',
          },
          data: { expected: shown, expectedText: shown, numerator: res.numerator.value, denominator: res.base.value, computed: res.value },
        };
  const figures = [
    { fig: r, role: 'rate', roleArg: r.rate ?? '' },
    { fig: res.numerator, role: 'numerator', roleArg: res.numerator.object ?? '' },
    { fig: res.base, role: 'denominator', roleArg: res.base.object ?? '' },
  ];
  return { check: 'rate-mismatch', anchor: r, readings: [reading(figures, [], outcome)], ceiling: 0, sentenceBound: true };
}

/** At most this many shares after one 分别占 pair with the counts before them. */
const MAX_RESPECTIVELY = 12;

/** The shares of each line with the count each is of (the count just before it, or by position after 分别占). */
function sharePairsByLine(model: FigureModel): Map<number, { share: Figure; count: Figure }[]> {
  const byLine = new Map<number, { share: Figure; count: Figure }[]>();
  const add = (share: Figure, count: Figure) => {
    const list = byLine.get(share.line) ?? [];
    list.push({ share, count });
    byLine.set(share.line, list);
  };
  // "刑事1240件，民事2150件，行政86件，分别占35.7%、61.9%和2.5%": the shares after 分别占 pair by position with the
  // counts just before them
  const respectively = new Set<Figure>();
  const plainShare = (g: Figure | undefined, f: Figure) => !!g && g.sentence === f.sentence && g.kind === 'percent' && !g.prior && !g.change && !g.approx;
  const plainCount = (g: Figure | undefined, f: Figure) => !!g && g.sentence === f.sentence && g.kind === 'count' && !g.prior && !g.change && !g.approx;
  for (const f of model.figures) {
    if (f.rateId !== '占比' || !RESPECTIVELY_SHARE.test(f.label) || !plainShare(f, f)) continue;
    const run = [f];
    while (run.length < MAX_RESPECTIVELY && plainShare(model.figures[f.id + run.length], f)) run.push(model.figures[f.id + run.length]);
    const counts: Figure[] = [];
    while (counts.length < run.length && plainCount(model.figures[f.id - counts.length - 1], f)) counts.unshift(model.figures[f.id - counts.length - 1]);
    if (run.length < 2 || counts.length !== run.length) continue;
    run.forEach((share, k) => {
      respectively.add(share);
      add(share, counts[k]);
    });
  }
  for (const f of model.figures) {
    if (respectively.has(f) || f.rateId !== '占比' || !plainShare(f, f)) continue;
    const c = model.figures[f.id - 1];
    if (!plainCount(c, f)) continue;
    if (f.range.start.character - c.range.end.character > 12) continue;
    add(f, c);
  }
  return byLine;
}

/**
 * Redundancy is evidence: in a list of category counts each with its share ("A类212件，占比28%；…；F类40件，占6.1%"),
 * the base that reproduces most shares (often the list's own sum, or a total stated just before) is the base, even
 * when it is never written beside them; the one share it does not reproduce is the question. A share that matches
 * only when truncated, while the others of the list are rounded, is a soft note.
 */
function consensusReadings(model: FigureModel, byLine: Map<number, { share: Figure; count: Figure }[]>): Map<Figure, Reading> {
  const out = new Map<Figure, Reading>();
  for (const pairs of byLine.values()) {
    // two shares are enough when both are reproduced (bestRounded ≥ 2 below): 简易程序1287件，占48.0%；普通程序1396件，占52.0%
    if (pairs.length < 2) continue;
    const family = pairs[0].count.family;
    if (pairs.some((p) => p.count.family !== family)) continue;
    const sum = pairs.reduce((a, p) => a + p.count.value, 0);
    const max = Math.max(...pairs.map((p) => p.count.value));
    const first = pairs[0].count;
    const candidates: { value: number; figs: Figure[]; label: string }[] = [{ value: sum, figs: pairs.map((p) => p.count), label: pairs.map((p) => num(p.count.value)).join(' + ') }];
    for (const g of [...lineFigures(model, first), ...previousParagraphFigures(model, first)]) {
      if (g.kind === 'count' && g.family === family && !g.prior && !g.change && !g.approx && g.value >= max && g.id < first.id && !pairs.some((p) => p.count === g)) {
        if (!candidates.some((c) => c.value === g.value)) candidates.push({ value: g.value, figs: [g], label: `${g.stageText ?? ''} ${num(g.value)}`.trim() });
      }
    }
    let best: (typeof candidates)[number] | undefined;
    let bestRounded = 0;
    let bestMatches: ReturnType<typeof shareMatch>[] = [];
    for (const c of candidates.slice(0, 8)) {
      const matches = pairs.map((p) => shareMatch(p.count, c.figs, c.value, p.share));
      const rounded = matches.filter((m) => m === 'round').length;
      if (rounded > bestRounded) {
        best = c;
        bestRounded = rounded;
        bestMatches = matches;
      }
    }
    if (!best || bestRounded < 2 || bestRounded < pairs.length * 0.6) continue;
    // shares of a whole list rounded so that they total exactly 100% (the largest remainders get the last units)
    const toHundred = best.value === sum && roundedToHundred(pairs.map((p) => percent(p.count.value, sum)), pairs.map((p) => p.share));
    // the shares that show the list is rounded: rounded up, where truncating would give another value (45.38 → 45.3
    // is truncated; 24.61 → 24.6 is either): without one, a truncated share is as the whole list is written
    const roundedUp = pairs.filter((p, k) => bestMatches[k] === 'round' && roundsUp(percent(p.count.value, best!.value), p.share.decimals)).length;
    // the written shares of the whole list total exactly 100%: one share a last unit away from its count was made up
    // so that they do (52.84% + 13.5% + 26.56% + 3% + 3.2% + 0.9%, where 415 / 1563 = 26.55%)
    const toHundredAsWritten = best.value === sum && Math.abs(pairs.reduce((a, p) => a + p.share.value, 0) - 100) < 1e-6;
    for (const [k, p] of pairs.entries()) {
      const x = percent(p.count.value, best.value);
      const m = toHundred ? 'round' : bestMatches[k];
      const shown = `${asWritten(x, p.share.decimals)}%`;
      const detail = `${num(p.count.value)} / ${num(best.value)} = ${shown}（${best.label}）`;
      const figures = roles({ figs: [p.count] }, { figs: best.figs }, p.share);
      // (what the soft notes below carry for the hover and the data table)
      const data = { expected: asWritten(x, p.share.decimals), expectedText: shown, numerator: p.count.value, denominator: best.value, computed: x };
      let outcome: Outcome;
      if (m === 'round' || (m === 'truncation' && roundedUp === 0)) outcome = { ok: true, detail };
      else if (m === 'truncation')
        outcome = {
          ok: true,
          loose: 'truncation',
          ...phrase('truncated', { computed: `${num(p.count.value)} / ${num(best.value)} = ${asWritten(x, p.share.decimals + 2)}%`, rounded: shown, written: p.share.text }),
          messageId: 'rate-mismatch.truncated',
          args: { rate: rateName(p.share), written: p.share.text, numerator: num(p.count.value), denominator: num(best.value), exact: `${asWritten(x, p.share.decimals + 2)}%`, rounded: shown, others: bestRounded },
          data,
        };
      else if (toHundredAsWritten && Math.abs(x - p.share.value) <= 10 ** -p.share.decimals + 1e-9)
        outcome = {
          ok: true,
          loose: 'plugToHundred',
          ...phrase('computedNotWritten', { computed: detail, written: p.share.text }),
          messageId: 'rate-mismatch.plugToHundred',
          args: { rate: rateName(p.share), written: p.share.text, numerator: num(p.count.value), denominator: num(best.value), computed: shown },
          data,
        };
      else
        outcome = {
          ok: false,
          cap: 'inferred',
          ...phrase('computedNotWritten', { computed: detail, written: p.share.text }),
          ...mismatchMessage(p.share, { value: p.count.value, figs: [p.count], label: `${num(p.count.value)}`, exact: true }, { value: best.value, figs: best.figs, label: best.label, exact: true }),
        };
      out.set(p.share, reading(figures, [{ id: 'consensusBase', cost: COST.consensusBase }], outcome));
    }
  }
  return out;
}

/**
 * A line of several groups, each introduced by its own count ("倾向于假释的136人中，…97人，占71.3%。…52人，占38.2%。
 * 倾向于减刑的57人中，…31人，占54.38%。…46人，占80.7%，其中…12人，占21.05%"): a count of the line that reproduces at least
 * two of the shares after it is the group those shares are over, the one of a 其中 list included (12 / 57 = 21.05%,
 * not 12 / 46). Only passing readings: where a share fits none of them, the other readings decide.
 */
function groupBaseReadings(model: FigureModel, byLine: Map<number, { share: Figure; count: Figure }[]>): Map<Figure, Reading> {
  const out = new Map<Figure, Reading>();
  for (const pairs of byLine.values()) {
    if (pairs.length < 2) continue;
    const last = pairs[pairs.length - 1].count;
    const seen = new Set<number>();
    for (const g of lineFigures(model, last)) {
      if (g.kind !== 'count' || g.prior || g.change || g.approx || g.id >= last.id || seen.has(g.value)) continue;
      seen.add(g.value);
      const after = pairs.filter((p) => p.count.id > g.id && p.count !== g && p.count.family === g.family && p.count.value <= g.value);
      if (after.length < 2) continue;
      const matches = after.map((p) => shareMatch(p.count, [g], g.value, p.share));
      if (matches.filter((m) => m === 'round').length < 2) continue;
      const roundedUp = after.some((p, k) => matches[k] === 'round' && roundsUp(percent(p.count.value, g.value), p.share.decimals));
      for (const [k, p] of after.entries()) {
        const m = matches[k];
        if (out.has(p.share) || !(m === 'round' || (m === 'truncation' && !roundedUp))) continue;
        const x = percent(p.count.value, g.value);
        const detail = `${num(p.count.value)} / ${num(g.value)} = ${asWritten(x, p.share.decimals)}%（${`${g.stageText ?? ''} ${num(g.value)}`.trim()}）`;
        out.set(p.share, reading(roles({ figs: [p.count] }, { figs: [g] }, p.share), [{ id: 'groupBase', cost: COST.consensusBase }], { ok: true, detail }));
      }
    }
  }
  return out;
}

/** Words naming a period between two shares: they are of two periods' bases. */
const PERIOD_NAMED = /(?:19|20)\d{2}年|季度|上半年|下半年|\d{1,2}月/;
/** A count written as the bounds of a band ("11-20人", "100人以上"): a category's name, not a count. */
const SIZE_BAND = /\d\s*[-－—~～至到]\s*\d|以上|以下/;

/**
 * Two shares of one sentence over the same base (neither names another) whose counts go the other way: "乡镇所…3.3万多人，
 * 占51%，街道所…3.4万多人，占49%" — a count no larger than another cannot have the larger share of one base.
 * Inferred (the two shares might be of different bases), at most a warning.
 */
function shareOrderClaims(model: FigureModel, lineText: (line: number) => string): Claim[] {
  const out: Claim[] = [];
  const half = (f: Figure) => 10 ** -f.decimals / 2;
  // each share with the count right before it (approximate ones too: 3.3万多人 is at most 3.4万)
  const bySentence = new Map<number, { share: Figure; count: Figure }[]>();
  for (const f of model.figures) {
    // (not a 分别占 run: its shares pair with the counts by position)
    if (f.rateId !== '占比' || f.kind !== 'percent' || f.prior || f.change || f.target || /分别/.test(f.label)) continue;
    const c = model.figures[f.id - 1];
    if (!c || c.sentence !== f.sentence || c.kind !== 'count' || c.prior || c.change || f.range.start.character - c.range.end.character > 12) continue;
    // (a count in brackets the share is outside of is a note: "合伙所240家（其中分所25家），占80%" is 240's share)
    if (c.bracketed && !f.bracketed) continue;
    // (nor a size band named by its bounds, "11-20人占21.06%", "100人以上占0.99%": no count of anything)
    const text = lineText(c.line);
    if (SIZE_BAND.test(c.text) || /[-－—~～至到]$/.test(text.slice(0, c.range.start.character)) || /^(?:以上|以下|及以上)/.test(text.slice(c.range.end.character))) continue;
    const list = bySentence.get(f.sentence) ?? [];
    list.push({ share: f, count: c });
    bySentence.set(f.sentence, list);
  }
  for (const pairs of bySentence.values()) {
    for (let i = 0; i < pairs.length; i++) {
      for (let j = i + 1; j < pairs.length && j - i <= MAX_RESPECTIVELY; j++) {
        const p = pairs[i];
        const q = pairs[j];
        if (p.count.family !== q.count.family || namedBase(p.share) !== namedBase(q.share)) continue;
        // (nor shares of two periods: "2008年…106件，占收案的37%，…2010年一季度…39件，占收案的40%")
        if (p.share.line === q.count.line && PERIOD_NAMED.test(lineText(p.share.line).slice(p.share.range.end.character, q.count.range.start.character))) continue;
        for (const [a, b] of [
          [p, q],
          [q, p],
        ]) {
          // a's count at most b's, a's share above b's beyond the rounding of either
          // (two exact equal counts with two shares: the share that is off is the rate check's to say)
          const atMost = a.count.approx || b.count.approx ? a.count.hi <= b.count.lo + 1e-9 : a.count.value < b.count.value;
          if (!(atMost && a.share.lo - half(a.share) > b.share.hi + half(b.share) + 1e-9)) continue;
          const computed = `${a.count.text} ≤ ${b.count.text}，${a.share.text} > ${b.share.text}`;
          const figures = [
            { fig: a.share, role: 'rate', roleArg: a.share.rate ?? '' },
            { fig: a.count, role: 'numerator', roleArg: '' },
            { fig: b.share, role: 'rate', roleArg: b.share.rate ?? '' },
            { fig: b.count, role: 'numerator', roleArg: '' },
          ];
          out.push({
            check: 'rate-mismatch',
            anchor: a.share,
            readings: [
              reading(figures, [{ id: 'sameBase', cost: COST.consensusBase }], {
                ok: false,
                cap: 'inferred',
                ...phrase('computedNotWritten', { computed, written: a.share.text }),
                messageId: 'rate-mismatch.shareOrder',
                args: { a: a.count.text, sa: a.share.text, b: b.count.text, sb: b.share.text },
                data: { counts: [a.count.value, b.count.value], shares: [a.share.value, b.share.value] },
              }),
            ],
            ceiling: COST.consensusBase,
            sentenceBound: false,
          });
        }
      }
    }
  }
  return out;
}

/** The base a share names after 占 ("占信访总数的74%" → 信访总数), or '' when it names none of two characters or more. */
function namedBase(share: Figure): string {
  const at = share.label.lastIndexOf('占');
  if (at < 0) return '';
  // (a web mirror's inline pinyin, 總數(shù), is no part of the name)
  const name = share.label.slice(at + 1).replace(INLINE_PINYIN, '').replace(/^[到了比]+/, '').replace(/(?:的比例|的比重|比例|比重|的|为|达|了)+$/, '');
  return name.length >= 2 && /^[\u4e00-\u9fff]+$/.test(name) ? name : '';
}

/**
 * Shares of one line naming the same base ("婚姻家庭矛盾共48件次，占信访总数的74%；…财产权益共6件，约占信访总数的1%"):
 * a count before them that one of them reproduces (信访接待共65起: 48 / 65 = 74%) is the base they name, and the
 * others are read over it too (6 / 65 = 9.2%, not 约1%). Inferred (the base is not in their sentence), at most a warning.
 */
function namedBaseReadings(model: FigureModel): Map<Figure, Reading> {
  const out = new Map<Figure, Reading>();
  const groups = new Map<string, { share: Figure; count: Figure }[]>();
  for (const f of model.figures) {
    if (f.kind !== 'percent' || f.rateId !== '占比' || f.prior || f.change || f.target) continue;
    const c = model.figures[f.id - 1];
    if (!c || c.sentence !== f.sentence || c.kind !== 'count' || c.prior || c.change) continue;
    const name = namedBase(f);
    if (!name) continue;
    const key = `${f.line}|${name}`;
    const list = groups.get(key) ?? [];
    list.push({ share: f, count: c });
    groups.set(key, list);
  }
  for (const pairs of groups.values()) {
    if (pairs.length < 2 || pairs.some((p) => p.count.family !== pairs[0].count.family)) continue;
    const first = pairs[0].count;
    const max = Math.max(...pairs.map((p) => p.count.value));
    const object = pairs[0].share.object;
    let best: { base: Figure; matched: boolean[] } | undefined;
    for (const g of [...lineFigures(model, first), ...previousParagraphFigures(model, first)]) {
      if (g.kind !== 'count' || g.family !== first.family || g.prior || g.change || g.approx || g.value < max || g.id >= first.id) continue;
      if (object && g.object && g.object !== object) continue;
      if (pairs.some((p) => p.count === g)) continue;
      const matched = pairs.map((p) => reproduces(percent(p.count.value, g.value), p.share) || shareMatch(p.count, [g], g.value, p.share) === 'round');
      const n = matched.filter(Boolean).length;
      if (n > 0 && n < pairs.length && (!best || n > best.matched.filter(Boolean).length)) best = { base: g, matched };
    }
    if (!best) continue;
    const base = best.base;
    for (const [k, p] of pairs.entries()) {
      if (best.matched[k]) continue;
      const x = percent(p.count.value, base.value);
      const detail = `${num(p.count.value)} / ${num(base.value)} = ${asWritten(x, p.share.decimals)}%（${base.stageText ?? ''} ${num(base.value)}）`;
      out.set(
        p.share,
        reading(roles({ figs: [p.count] }, { figs: [base] }, p.share), [{ id: 'namedBase', cost: COST.consensusBase }], {
          ok: false,
          cap: 'inferred',
          ...phrase('computedNotWritten', { computed: detail, written: p.share.text }),
          ...mismatchMessage(p.share, { value: p.count.value, figs: [p.count], label: num(p.count.value), exact: true }, { value: base.value, figs: [base], label: `${base.stageText ?? ''} ${num(base.value)}`.trim(), exact: true }),
        }),
      );
    }
  }
  return out;
}

/**
 * How a share matches its count over a base: as matchOf on the values; when the count or the base is rounded (a
 * 万/亿 figure has a width: 42.02万 of 213.14万), any quotient within their widths that rounds to the share matches.
 */
function shareMatch(count: Figure, baseFigs: Figure[], base: number, share: Figure): ReturnType<typeof matchOf> {
  const m = matchOf(percent(count.value, base), share);
  if (m === 'round') return m;
  const bLo = baseFigs.reduce((a, f) => a + f.lo, 0);
  const bHi = baseFigs.reduce((a, f) => a + f.hi, 0);
  if (count.lo === count.hi && bLo === bHi) return m;
  const half = 10 ** -share.decimals / 2;
  const qLo = percent(count.lo, bHi);
  const qHi = bLo > 0 ? percent(count.hi, bLo) : Infinity;
  return qHi >= share.value - half - 1e-9 && qLo <= share.value + half + 1e-9 ? 'round' : m;
}

/** Does rounding `x` at `decimals` give another value than truncating it (24.67 → 24.7, not 24.6)? */
function roundsUp(x: number, decimals: number): boolean {
  const unit = 10 ** decimals;
  return Math.round(x * unit) !== Math.floor(x * unit + 1e-9);
}

/**
 * Are the written shares exactly the exact ones rounded to a 100% total by the largest-remainder method (19.13,
 * 27.10, 28.23, 25.55 → 19.1, 27.1, 28.2, 25.6), with the individually rounded ones not adding up to 100?
 */
function roundedToHundred(exact: number[], shares: Figure[]): boolean {
  const d = shares[0].decimals;
  if (shares.some((f) => f.decimals !== d || f.approx)) return false;
  const unit = 10 ** d;
  const total = 100 * unit;
  const floors = exact.map((x) => Math.floor(x * unit + 1e-9));
  let missing = total - floors.reduce((a, b) => a + b, 0);
  if (missing < 0 || missing > exact.length) return false;
  const order = exact.map((x, i) => ({ i, r: x * unit - floors[i] })).sort((a, b) => b.r - a.r);
  const units = [...floors];
  for (const o of order) if (missing-- > 0) units[o.i]++;
  return units.every((u, i) => Math.abs(u - Math.round(shares[i].value * unit)) < 1e-6) && shares.some((f, i) => Math.abs(f.value - Number(exact[i].toFixed(d))) > 1e-9);
}

/**
 * A share right after a part of a list whose parts add up exactly to its total ("共主动公开信息1032条。其中专栏65条，占
 * 总量的6.3%；…其他渠道85条，占总量的8.3%"): the list says what the whole is, so the share is over that total, also
 * where it is not reproduced (85 / 1032 = 8.2%: a last share made up to 100% is still a question).
 */
function listShareReading(model: FigureModel, pct: Figure): Reading | null {
  if (pct.rateId !== '占比' || pct.approx || pct.prior || pct.change) return null;
  const c = model.figures[pct.id - 1];
  if (!c || c.sentence !== pct.sentence || c.kind !== 'count' || c.prior || c.change || c.approx) return null;
  const b = listWithPart(model, c.id);
  if (!b) return null;
  const total = model.figures[b.total];
  const parts = b.parts.map((id) => model.figures[id]);
  if (total.approx || parts.some((p) => p.approx || p.family !== total.family) || Math.abs(parts.reduce((a, p) => a + p.value, 0) - total.value) > 1e-9) return null;
  const n: Term = { value: c.value, figs: [c], label: num(c.value), exact: true };
  const base: Term = { value: total.value, figs: [total], label: `${total.stageText ?? ''} ${num(total.value)}`.trim(), exact: true, right: true };
  const outcome = rateOutcome(pct, n, base);
  return reading(roles(n, base, pct), [{ id: 'listTotalBase', cost: COST.otherTotal }], outcome.ok ? outcome : { ...outcome, cap: outcome.cap ?? 'inferred', ...mismatchMessage(pct, n, base) });
}

/** A rate claim with one more reading (of plausibility `cost`), or a claim of that reading alone. */
function withReading(c: Claim | null, f: Figure, r: Reading | null | undefined, cost: number): Claim | null {
  if (!r) return c;
  if (!c) return { check: 'rate-mismatch', anchor: f, readings: [r], ceiling: cost, sentenceBound: false };
  // (a GRIM claim, no whole count over the base, is moot when another base gives the percentage)
  if (c.check !== 'rate-mismatch' && !(c.check === 'impossible-percentage' && r.outcome.ok)) return c;
  c.readings.push(r);
  c.readings.sort((a, b) => a.cost - b.cost);
  c.ceiling = Math.max(c.ceiling, cost);
  return c;
}

export function rateClaims(model: FigureModel, lineText: (line: number) => string): Claim[] {
  const out: Claim[] = [];
  const pairs = sharePairsByLine(model);
  const consensus = consensusReadings(model, pairs);
  const groups = groupBaseReadings(model, pairs);
  out.push(...shareOrderClaims(model, lineText));
  const named = namedBaseReadings(model);
  for (const f of model.figures) {
    if (f.kind === 'ratio') {
      const c = ratioClaim(model, f);
      if (c) out.push(c);
      continue;
    }
    // (a percentage after 同比下降 / 增长 is a change, not the rate named before it: 结案率同比分别下降4.80%; one of the
    // previous period, 与上年的受理率87.92%基本持平, is no rate of this period's counts)
    if (f.kind !== 'percent' || f.target || f.change || f.prior) continue;
    if (!f.rateId) {
      // a share of a 分别占 list after the first has no rate word of its own
      const agreed = consensus.get(f);
      if (agreed) out.push({ check: 'rate-mismatch', anchor: f, readings: [agreed], ceiling: COST.consensusBase, sentenceBound: false });
      continue;
    }
    const over = over100Claim(f);
    if (over) {
      out.push(over);
      continue;
    }
    const res = resolveRate(model, f);
    let c = rateClaim(model, f, res) ?? partialClaim(f, res) ?? grimClaim(model, f, res);
    // the consensus base of a list of shares, and the total of the list a share's count is a part of, are more
    // plausible readings of this share (or its only ones)
    c = withReading(c, f, consensus.get(f), COST.consensusBase);
    c = withReading(c, f, listShareReading(model, f), COST.otherTotal);
    c = withReading(c, f, named.get(f), COST.consensusBase);
    c = withReading(c, f, groups.get(f), COST.consensusBase);
    if (c) out.push(besideCountSoftens(model, c));
  }
  return out;
}

/**
 * "受理137起…结案132起；案外调解争议111起，调解率达66.1%，结案率达97.9%": when the rate's counts are stated before a
 * semicolon and the rate's own part of the sentence states another count of theirs that no reading uses, the rate may
 * take that count in too ((132 + 111) / (137 + 111) = 97.98%): a rate none of the readings gives is then only soft
 * evidence.
 */
function besideCountSoftens(model: FigureModel, c: Claim): Claim {
  const pct = c.anchor;
  const seg = pct.segment ?? 0;
  if (seg === 0 || pct.kind !== 'percent') return c;
  const used = new Set(c.readings.flatMap((r) => r.figures.map((x) => x.fig)));
  const counts = [...used].filter((f) => f.kind === 'count');
  if (counts.length === 0 || counts.some((f) => f.sentence !== pct.sentence || (f.segment ?? 0) >= seg)) return c;
  const beside = model.sentences[pct.sentence].figures.some((id) => {
    const g = model.figures[id];
    return g.id < pct.id && (g.segment ?? 0) === seg && g.kind === 'count' && !used.has(g) && !g.prior && !g.change && !g.average && counts.some((f) => f.family === g.family);
  });
  return beside ? softened(c) : c;
}
