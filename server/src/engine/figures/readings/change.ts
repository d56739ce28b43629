// Change claims (change-mismatch): a current value X, its prior-period value Y and the change written between them
// ("X件，较上年Y件增长Z%"; "X件(2023年为Y件)，同比增长Z%"; 下降, 增长N倍, N个百分点, 增加N件). Readings:
//   - X and Y of the comparison just before the change, also when another change of the same comparison stands
//     between ("767件，较上年同期867件减少100件，同比下降11.54%": both 100件 and 11.54% are of 767/867);
//   - 分别: "受理4120件（上年3650件），审结4066件（上年3712件），同比分别增长12.88%和9.54%" pairs in order;
//   - the prior value stated after the change ("同比增长25%，上年同期为400件"), also in a 分别 list ("分别较上年增长10.2%
//     和8.4%，上年分别为374件、367件");
//   - the prior value implied by a stated difference ("856.3万元，比上年增加124.5万元，增长17.0%": the prior is
//     856.3 − 124.5, the change 124.5 / 731.8).
// 个百分点 is an absolute difference of two rates; 增长N倍 is X / Y − 1 = N (X / Y = N is accepted too).
import { listWithPart, nextYearOf, writtenTogether, type Figure, type FigureModel, type Sentence } from '../model';
import { asWritten, isExact, matchOf, num, resolveRatio } from '../arith';
import { scanBrackets } from '../brackets';
import { WINDOW } from '../extract';
import { scanVocabulary } from '../vocab';
import data from '../../../../data/figures.json';
import { assuming, COST, phrase, reading, type Assumption, type Claim, type Outcome, type Reading } from './types';

const CODE = 'change-mismatch';

function outcome(x: Figure, y: Figure, c: Figure): Outcome | null {
  if (y.value <= 0 || x.approx || y.approx) return null;
  const up = c.change === 'up';
  let computed: number;
  let formula: string;
  let alt: number | undefined;
  if (c.kind === 'points') {
    if (x.kind !== 'percent' || y.kind !== 'percent') return null;
    computed = up ? x.value - y.value : y.value - x.value;
    formula = up ? `${num(x.value)}% − ${num(y.value)}%` : `${num(y.value)}% − ${num(x.value)}%`;
  } else if (c.kind === 'percent') {
    if (x.kind !== 'count' || y.kind !== 'count') return null; // a rate's "提高5%" may mean points: ambiguous
    computed = ((up ? x.value - y.value : y.value - x.value) / y.value) * 100;
    const { scale } = writtenScale(x, y);
    const v = (n: number) => num(n / scale);
    formula = up ? `(${v(x.value)} − ${v(y.value)}) / ${v(y.value)}` : `(${v(y.value)} − ${v(x.value)}) / ${v(y.value)}`;
  } else if (c.kind === 'multiple') {
    if (x.kind !== 'count' || !up) return null;
    computed = x.value / y.value - 1;
    alt = x.value / y.value;
    formula = `${num(x.value)} / ${num(y.value)} − 1`;
  } else if (c.kind === 'count') {
    if (x.kind !== 'count' || x.family !== c.family || y.family !== c.family) return null;
    computed = up ? x.value - y.value : y.value - x.value;
    formula = up ? `${num(x.value)} − ${num(y.value)}` : `${num(y.value)} − ${num(x.value)}`;
  } else return null;
  let m = matchOf(computed, c) ?? (alt !== undefined ? matchOf(alt, c) : null);
  // amounts rounded at their last digit (9.85亿元 is 9.845–9.855亿元): any change within their widths is as written
  if ((!m || m === 'lastDigit') && c.kind === 'percent' && (x.lo < x.hi || y.lo < y.hi) && y.lo > 0) {
    const [lo, hi] = up ? [(x.lo / y.hi - 1) * 100, (x.hi / y.lo - 1) * 100] : [(1 - x.hi / y.lo) * 100, (1 - x.lo / y.hi) * 100];
    const half = 0.5 * 10 ** -c.decimals;
    if (c.value >= lo - half && c.value <= hi + half) m = 'round';
  }
  const unitText = c.kind === 'percent' ? '%' : c.kind === 'points' ? ' 个百分点' : c.kind === 'multiple' ? ' 倍' : c.unit;
  // a multiple written as a whole number (增长了2倍) is shown to a tenth: 312 / 260 − 1 = 0.2 倍, not "0 倍"
  const shown = `${asWritten(computed, c.kind === 'multiple' ? Math.max(c.decimals, 1) : c.decimals)}${unitText}`;
  const detail = `${formula} = ${shown}`;
  if (m && m !== 'lastDigit') return { ok: true, ...phrase('computedAsWritten', { computed: detail, written: c.text }) };
  return {
    ok: false,
    cap: m === 'lastDigit' ? 'inferred' : undefined,
    ...phrase('computedNotWritten', { computed: detail, written: c.text }),
    messageId: 'change-mismatch.mismatch',
    args: { current: x.text, prior: y.text, verb: c.label.slice(-4), written: c.text, formula, computed: shown },
    data: { expected: asWritten(computed, c.decimals), computed, current: x.value, prior: y.value },
  };
}

/**
 * The change of a ratio from the changes of its two counts: "复议8745件，同比增长75.7%，诉讼3362件，同比下降3.9%，
 * 复议诉讼比值达2.6，同比增长76.5%" — the ratio grew by 1.757 / 0.961 − 1 = 82.8%, whatever the prior counts were.
 */
function ratioChange(model: FigureModel, figs: Figure[], i: number): Reading | null {
  const c = figs[i];
  const r = figs[i - 1];
  if (!r || r.kind !== 'ratio' || c.kind !== 'percent') return null;
  const res = resolveRatio(model, r);
  if (!res) return null;
  const changeAfter = (f: Figure) => {
    const k = figs.indexOf(f);
    const g = figs[k + 1];
    return g && g.change && g.kind === 'percent' && !g.approx ? g : undefined;
  };
  const a = changeAfter(res.numerator);
  const b = changeAfter(res.base);
  if (!a || !b) return null;
  const factor = (g: Figure, v: number) => 1 + ((g.change === 'up' ? 1 : -1) * v) / 100;
  const half = (g: Figure) => 10 ** -g.decimals / 2;
  const sign = c.change === 'up' ? 1 : -1;
  const value = (x: number, y: number) => sign * (x / y - 1) * 100;
  const computed = value(factor(a, a.value), factor(b, b.value));
  // the two changes are rounded: the ratio's change is a range
  const ends = [
    value(factor(a, a.value - half(a)), factor(b, b.value + half(b))),
    value(factor(a, a.value + half(a)), factor(b, b.value - half(b))),
    value(factor(a, a.value - half(a)), factor(b, b.value - half(b))),
    value(factor(a, a.value + half(a)), factor(b, b.value + half(b))),
  ];
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const unit = 10 ** -c.decimals;
  const ok = c.hi + unit / 2 >= lo && c.lo - unit / 2 <= hi;
  const formula = `${factor(a, a.value).toFixed(a.decimals + 2)} / ${factor(b, b.value).toFixed(b.decimals + 2)} − 1`;
  const shown = `${asWritten(computed, c.decimals)}%`;
  const figures = [
    { fig: res.numerator, role: 'numerator', roleArg: res.numerator.object ?? '' },
    { fig: a, role: 'change' },
    { fig: res.base, role: 'denominator', roleArg: res.base.object ?? '' },
    { fig: b, role: 'change' },
    { fig: r, role: 'rate', roleArg: r.rate ?? '' },
    { fig: c, role: 'change' },
  ];
  return reading(figures, [{ id: 'ratioOfChanges', cost: 0 }], ok
    ? { ok, ...phrase('computedAsWritten', { computed: `${formula} = ${shown}`, written: c.text }) }
    : {
        ok,
        cap: 'inferred',
        ...phrase('computedNotWritten', { computed: `${formula} = ${shown}`, written: c.text }),
        messageId: 'change-mismatch.ratio',
        args: { ratio: r.text, rate: r.rate ?? '', a: a.text, b: b.text, formula, computed: shown, written: c.text },
        data: { expected: asWritten(computed, c.decimals), computed, range: [lo, hi] },
      });
}

/**
 * A percentage change right after a difference of the same direction, itself right after the current value of
 * its unit family ("856.3万元，比上年增加124.5万元，增长17.0%"): the prior is X − D (X + D for a decrease), and the
 * change is D over it.
 */
function fromDifference(figs: Figure[], i: number, before?: Figure[]): Reading | null {
  const c = figs[i];
  if (c.kind !== 'percent' || c.lo !== c.hi) return null;
  /** A count of the change's direction: the difference. */
  const isDiff = (f: Figure | undefined): f is Figure => !!f && !!f.change && f.change === c.change && f.kind === 'count' && !f.approx;
  /** A count that may be the current value of a difference `of`. */
  const currentOf = (f: Figure | undefined, of: Figure): f is Figure => !!f && !f.change && !f.prior && f.kind === 'count' && f.family === of.family && !f.approx;
  // the difference right after the change, the current right before it ("审执结7018件，同比上升2.04%，同比增加140件")
  const after = figs[i + 1];
  if (!isDiff(figs[i - 1]) && isDiff(after) && currentOf(figs[i - 1], after)) return differenceReading(figs[i - 1], after, c);
  const d = figs[i - 1];
  if (!isDiff(d)) return null;
  const current = (f: Figure | undefined): f is Figure => currentOf(f, d);
  // the current value before the difference, or right after the change ("较上年减少3260万元，下降14.3%，为1.95亿元"),
  // or, when the sentence of the difference opens with the comparison and names no subject ("受理举报3618件，占27%。
  // 比去年同期增加433件，增长12%"), the last count of the sentence before (past its shares)
  let x = current(figs[i - 2]) ? figs[i - 2] : current(figs[i + 1]) && /[为至到达]$/.test(figs[i + 1].label) ? figs[i + 1] : undefined;
  if (!x && before) {
    // (past the shares that close that sentence: 占27%; a later difference of the sentence only by its stage, below)
    let k = before.length - 1;
    while (k >= 0 && before[k].kind === 'percent' && !before[k].change && !before[k].prior) k--;
    if (current(before[k]) && i === 1) x = before[k];
    // a difference that names its stage is of the count of that stage there ("…受理各类案件1803件，结案894件。与上年
    // 同比，受案增加167件，上升10.21%": 1803, not 894)
    if (d.stage && (!x || x.stage !== d.stage)) {
      const own = before.filter((f) => current(f) && f.stage === d.stage);
      if (own.length === 1) x = own[0];
    }
  }
  if (!x) return null;
  return differenceReading(x, d, c);
}

/**
 * The scale and unit two amounts are shown in: the smaller money unit of the two as written (万元, 亿元), not yuan;
 * 1 and the first one's unit for counts.
 */
function writtenScale(a: Figure, b: Figure): { scale: number; unit: string } {
  const sa = scanVocabulary.moneyUnits.get(a.unit) ?? 1;
  const sb = scanVocabulary.moneyUnits.get(b.unit) ?? 1;
  return sa <= sb ? { scale: sa, unit: a.unit } : { scale: sb, unit: b.unit };
}

/** The change `c` read as the difference `d` over the prior the current `x` and `d` give (X − D, or X + D for a decrease). */
function differenceReading(x: Figure, d: Figure, c: Figure): Reading | null {
  const up = c.change === 'up';
  const prior = up ? x.value - d.value : x.value + d.value;
  if (prior <= 0) return null;
  const computed = (d.value / prior) * 100;
  const m = matchOf(computed, c);
  const { scale, unit: scaleUnit } = writtenScale(d, x);
  const v = (n: number) => num(n / scale);
  const formula = `${v(d.value)} / (${v(x.value)} ${up ? '−' : '+'} ${v(d.value)})`;
  const shown = `${asWritten(computed, c.decimals)}%`;
  const detail = `${formula} = ${shown}`;
  const figures = [
    { fig: x, role: 'current' },
    { fig: d, role: 'change' },
    { fig: c, role: 'change' },
  ];
  const assumptions = [{ id: 'priorFromDifference', cost: COST.priorFromDifference }];
  // the written change is often the difference over the current value, not over the prior: say so when it is
  const overCurrent = matchOf((d.value / x.value) * 100, c);
  const wrongBase = overCurrent === 'round' || overCurrent === 'truncation';
  return inferredReading(figures, assumptions, m, detail, c, {
    messageId: wrongBase ? 'change-mismatch.differenceOverCurrent' : 'change-mismatch.difference',
    args: { current: x.text, difference: d.text, prior: `${v(prior)}${scaleUnit}`, written: c.text, formula, computed: shown, ...(wrongBase ? { wrong: `${v(d.value)} / ${v(x.value)}` } : {}) },
    data: { expected: asWritten(computed, c.decimals), computed, current: x.value, prior },
  });
}

/**
 * The figures of the sentence before on the same line, when this sentence opens with the comparison and names no
 * subject of its own ("…受理举报3618件，占27%。比去年同期增加433件，…"): its difference is of a count there.
 */
function figuresOpenedOn(model: FigureModel, sent: Sentence, text: string): Figure[] | undefined {
  const prev = model.sentences[sent.index - 1];
  if (!prev || prev.line !== sent.line || !/^[\s,，]*(?:比|较|与|同比)/.test(text.slice(sent.start, model.figures[sent.figures[0]].range.start.character))) return undefined;
  return prev.figures.map((id) => model.figures[id]);
}

/**
 * An average annual change over counts named by their years in the sentence ("2021年126件，2022年162件，2023年198件，
 * 年均增长25.4%"): compounded between the first and the last year, (198 / 126)^(1/2) − 1 = 25.4%; the plain average
 * of the yearly changes is accepted too. Which counts are the series is inferred: a mismatch is at most a warning.
 */
function annualAverage(figs: Figure[], i: number): Reading | null {
  const c = figs[i];
  if (c.kind !== 'percent' || c.approx || !/年均/.test(c.label)) return null;
  const series: { year: number; f: Figure }[] = [];
  for (let k = i - 1; k >= 0 && i - k <= WINDOW; k--) {
    const f = figs[k];
    if (f.kind !== 'count' || f.change) continue;
    const m = /(\d{4})\s*年(?!均)\D*$/.exec(f.label);
    if (!m) continue;
    if (f.approx || (series.length && series[0].f.family !== f.family) || series.some((x) => x.year === +m[1])) return null;
    series.unshift({ year: +m[1], f });
  }
  if (series.length < 2) return null;
  series.sort((a, b) => a.year - b.year);
  const first = series[0];
  const last = series[series.length - 1];
  const n = last.year - first.year;
  if (n < 1 || first.f.value <= 0) return null;
  const sign = c.change === 'up' ? 1 : -1;
  const compounded = sign * (Math.pow(last.f.value / first.f.value, 1 / n) - 1) * 100;
  const consecutive = series.length === n + 1;
  const plain = consecutive
    ? (sign * series.slice(1).reduce((a, x, k) => a + (x.f.value / series[k].f.value - 1), 0) * 100) / n
    : undefined;
  const m = matchOf(compounded, c) ?? (plain !== undefined ? matchOf(plain, c) : null);
  const formula = `(${num(last.f.value)} / ${num(first.f.value)})^(1/${n}) − 1`;
  const shown = `${asWritten(compounded, c.decimals)}%`;
  const detail = `${formula} = ${shown}`;
  const figures = [
    { fig: last.f, role: 'current' },
    { fig: first.f, role: 'prior' },
    { fig: c, role: 'change' },
  ];
  const assumptions = [{ id: 'annualAverage', cost: 0 }];
  return inferredReading(figures, assumptions, m, detail, c, {
    messageId: 'change-mismatch.mismatch',
    args: { current: last.f.text, prior: first.f.text, verb: c.label.slice(-4), written: c.text, formula, computed: shown },
    data: { expected: asWritten(compounded, c.decimals), computed: compounded, current: last.f.value, prior: first.f.value },
  });
}

/**
 * A reading whose change was computed from an inferred prior (a stated difference, the years of an average): it holds
 * when the computed change matches as written; otherwise it is reported with at most inferred strength.
 */
function inferredReading(
  figures: Reading['figures'],
  assumptions: Assumption[],
  m: ReturnType<typeof matchOf>,
  detail: string,
  c: Figure,
  failure: Required<Pick<Outcome, 'messageId' | 'args' | 'data'>>,
): Reading {
  if (m && m !== 'lastDigit') return reading(figures, assumptions, { ok: true, ...phrase('computedAsWritten', { computed: detail, written: c.text }) });
  return reading(figures, assumptions, { ok: false, cap: 'inferred', ...phrase('computedNotWritten', { computed: detail, written: c.text }), ...failure });
}

const isCurrent = (f: Figure, like: Figure) => !f.prior && !f.change && f.kind === like.kind && f.family === like.family;

export function changeClaims(model: FigureModel, lineText: (line: number) => string): Claim[] {
  const out: Claim[] = [];
  for (const sent of model.sentences) {
    const figs = sent.figures.map((id) => model.figures[id]);
    if (!figs.some((f) => f.change)) continue;
    const text = lineText(sent.line);
    // (X, Y) pairs of the sentence: a prior value and the current value just before it (or just after, 由Y提高到X),
    // indexed by the prior's position; every look-back is bounded by WINDOW figures (linear on dense sentences)
    const pairAt = new Map<number, { x: Figure; y: Figure; at: number }>();
    const pairs: { x: Figure; y: Figure; at: number }[] = [];
    for (let i = 0; i < figs.length; i++) {
      const y = figs[i];
      if (!y.prior) continue;
      let x: Figure | undefined;
      // the second of a prior written in two units ("去年同期为200件377人"): its current is the current written in the
      // same two units just before ("审结95件134人"), the one of its unit
      const partner = i > 0 && figs[i - 1].prior && writtenTogether(figs[i - 1], y) ? figs[i - 1] : undefined;
      for (let k = partner ? i - 2 : i - 1; k >= 0 && i - k <= WINDOW; k--) {
        const f = figs[k];
        if (f.change) continue;
        if (f.prior) break;
        // a note in brackets (62起（日均8.9起），较上周的81起) is not the current value: the figure before it is
        if (scanBrackets(text, f.range.end.character, y.range.start.character).closedOutside) continue;
        if (isCurrent(f, y)) x = f;
        // (a current in two units: the one of the prior's unit, "审结95件134人，去年同期为200件…")
        else if (k > 0 && writtenTogether(figs[k - 1], f) && isCurrent(figs[k - 1], y)) x = figs[k - 1];
        break;
      }
      if (!x && i + 1 < figs.length && isCurrent(figs[i + 1], y) && (/[到至](?:\d{4}\s*年度?的?)?$/.test(figs[i + 1].label) || nextYearOf(y, figs[i + 1]))) x = figs[i + 1];
      // "716535件，排除新冠疫情相关诉求后，受理量与去年同期777733件相比": the current compared is another, adjusted one
      if (x && ADJUSTED.test(text.slice(x.range.end.character, y.range.start.character))) x = undefined;
      if (x) {
        const p = { x, y, at: i };
        pairAt.set(i, p);
        pairs.push(p);
      }
    }
    // 分别: the changes right after 分别 pair with the comparisons just before them, in order
    const respectively = text.slice(sent.start, sent.end).indexOf('分别');
    const byPosition = new Map<Figure, { x: Figure; y: Figure; at: number }>();
    const currentByPosition = new Map<Figure, Figure>();
    /** 分别 differences then changes: the change's current and difference, by position. */
    const differenceByPosition = new Map<Figure, { x: Figure; d: Figure }>();
    if (respectively >= 0) {
      const from = figs.findIndex((f) => f.change && f.range.start.character > sent.start + respectively);
      if (from >= 0) {
        const run: Figure[] = [];
        for (let i = from; i < figs.length && figs[i].change && run.length < WINDOW; i++) run.push(figs[i]);
        // "共发生事故39起、死亡53人，同比分别增加6起、19人，上升15.38%、35.85%": n differences, then n changes, of the n
        // currents just before, in order; each change is its difference over the prior they give (X − D)
        const n = run.length / 2;
        if (Number.isInteger(n) && n >= 2) {
          const diffs = run.slice(0, n);
          const changes = run.slice(n);
          const currents = figs.slice(from - n, from);
          if (
            currents.length === n &&
            diffs.every((d, k) => d.kind === 'count' && !d.approx && d.change === changes[k].change && currents[k].kind === 'count' && !currents[k].change && !currents[k].prior && currents[k].family === d.family) &&
            changes.every((c) => c.kind === 'percent')
          ) {
            changes.forEach((c, k) => differenceByPosition.set(c, { x: currents[k], d: diffs[k] }));
          }
        }
        const before = pairs.filter((q) => q.at < from && from - q.at <= 4 * WINDOW).slice(-run.length);
        if (run.length >= 2 && before.length === run.length) run.forEach((c, k) => byPosition.set(c, before[k]));
        // the priors after the changes, in the same order ("受理、审结分别为412件、398件，分别较上年增长10.2%和8.4%，
        // 上年分别为374件、367件"): the currents just before the changes pair with them by position
        else if (run.length >= 2 && before.length === 0) {
          const end = from + run.length;
          const priors = figs.slice(end, end + run.length);
          const currents = figs.slice(Math.max(0, from - run.length), from);
          if (
            figs[end]?.prior &&
            priors.length === run.length &&
            currents.length === run.length &&
            priors.every((y, k) => !y.change && isCurrent(currents[k], y))
          ) {
            run.forEach((c, k) => byPosition.set(c, { x: currents[k], y: priors[k], at: end + k }));
          } else if (!figs[end]?.prior && currents.length === run.length && currents.every(wholeCurrent)) {
            // no priors at all ("调解案件11240件、调解成功4560件，同比分别增长29.32%、19.45%"): each current's change must
            // still come from some whole prior
            run.forEach((c, k) => currentByPosition.set(c, currents[k]));
          }
        }
      }
    }
    for (let i = 0; i < figs.length; i++) {
      const c = figs[i];
      if (!c.change) continue;
      const readings: Reading[] = [];
      const roles = (x: Figure, y: Figure) => [
        { fig: x, role: 'current' },
        { fig: y, role: 'prior' },
        { fig: c, role: 'change' },
      ];
      const viaRatio = ratioChange(model, figs, i);
      const paired = byPosition.get(c);
      const differenced = differenceByPosition.get(c);
      if (differenced) {
        const r = differenceReading(differenced.x, differenced.d, c);
        if (r) out.push({ check: CODE, anchor: c, readings: [assuming(r, { id: 'respectively', cost: COST.respectively })], ceiling: 1, sentenceBound: true });
        continue;
      }
      const annual = viaRatio || paired ? null : annualAverage(figs, i);
      if (viaRatio) readings.push(viaRatio);
      else if (annual) readings.push(annual);
      // an average annual change is no change between two values: without its series of years it is not checked
      else if (/年均/.test(c.label)) continue;
      else if (paired) {
        const o = outcome(paired.x, paired.y, c);
        const after = paired.at > i ? [{ id: 'priorAfter', cost: COST.priorAfter }] : [];
        if (o) readings.push(reading(roles(paired.x, paired.y), [{ id: 'respectively', cost: COST.respectively }, ...after], o));
      } else {
        // the comparison just before the change, with only changes of it between
        let p: { x: Figure; y: Figure; at: number } | undefined;
        // (not across a semicolon: "…增幅141%；共查获卷烟4731.55万支，比上年同期的435.96万支增加…，增长9.9倍" compares counts
        // of its own part, in a unit not read as a count)
        for (let k = i - 1; k >= 0 && i - k <= WINDOW && (figs[k].segment ?? 0) === (c.segment ?? 0); k--) {
          const here = pairAt.get(k) ?? (pairAt.get(k - 1)?.x === figs[k] ? pairAt.get(k - 1) : undefined);
          if (here) {
            p = here;
            break;
          }
          if (!figs[k].change) break;
        }
        // a change naming its unit ("同比件数下降38.24%、人数下降53.14%" after "478件635人，去年同期为773件1350人") is
        // of the comparison in that unit
        const unit = UNIT_NAMED.exec(c.label)?.[1];
        if (p && unit && p.x.unit !== unit) {
          const own = pairs.find((q) => q.x.unit === unit && q.x.sentence === p!.x.sentence && Math.abs(q.at - p!.at) <= 1);
          if (own) p = own;
        }
        const o = p && outcome(p.x, p.y, c);
        if (p && o) readings.push(reading(roles(p.x, p.y), [], o));
        // the prior implied by a difference just before: "X万元，比上年增加D万元，增长Z%"
        if (!p) {
          // (the sentence before, for its first difference, or for a later one when the sentence holds only differences
          // and changes: "与上年同比，受案增加167件，上升10.21%，结案增加34件，上升3.95%")
          const onlyChanges = figs.slice(0, i - 1).every((f) => !!f.change);
          const viaDiff = fromDifference(figs, i, i === 1 || onlyChanges ? figuresOpenedOn(model, sent, text) : undefined);
          if (viaDiff) readings.push(viaDiff);
          // "机构为2429家，其中新登记84家，注销90家，比去年减少27家，减少率为1.1%": a current that is a part of a list
          // may be the list's total the comparison speaks of (27 / (2429 + 27) = 1.1%)
          const x = viaDiff?.figures.find((r) => r.role === 'current')?.fig;
          const d = viaDiff?.figures.find((r) => r.role === 'change' && r.fig.kind === 'count')?.fig;
          const whole = x && d && !viaDiff!.outcome.ok ? model.breakdowns.find((b) => b.parts.includes(x.id)) : undefined;
          if (whole && d) {
            const r = differenceReading(model.figures[whole.total], d, c);
            if (r) readings.push(assuming(r, { id: 'listTotalCurrent', cost: 0 }));
          }
        }
        // the prior stated after the change: "X件，同比增长Z%，上年同期为Y件"
        if (!p) {
          const y = figs.slice(i + 1, i + 3).find((f) => f.prior);
          let x: Figure | undefined;
          for (let k = i - 1; k >= 0 && i - k <= WINDOW && !x; k--) if (!figs[k].change && !figs[k].prior) x = figs[k];
          if (x && y && isCurrent(x, y)) {
            const o2 = outcome(x, y, c);
            if (o2) readings.push(reading(roles(x, y), [{ id: 'priorAfter', cost: COST.priorAfter }], o2));
          }
        }
      }
      if (readings.length) out.push({ check: CODE, anchor: c, readings, ceiling: 1, sentenceBound: true });
      else {
        // the current by 分别 position, else the count whose bracket the change is in, else the one the change names
        const x = currentByPosition.get(c);
        const current = x ?? bracketOwner(figs, i, text) ?? namedCurrent(figs, i);
        const g = current
          ? impossibleChange(current, c, c.change === 'up' ? '增长' : '下降', [{ id: x ? 'respectively' : 'namedCurrent', cost: COST.respectively }])
          : wholePriorClaim(model, figs, i, text);
        if (g) out.push(g);
      }
    }
  }
  out.push(...partsPriorsClaims(model, lineText));
  return out;
}

/** Between a count and its own change: "(同比增长", "，较上年下降" (nothing else). */
const OWN_CHANGE_GAP = /^[（(，,]?\s*(?:同比|环比|较上年同期|较去年同期|比上年同期|比去年同期|较上年|较去年|比上年|比去年|与上年相比|与去年相比)?(?:分别)?(?:增长|上升|增加|下降|减少|降低|提高)了?$/;

/** The change written right after a count, as its own ("受理1099件(同比增长65.26%)"): a percentage of the same sentence. */
function ownChange(model: FigureModel, f: Figure, text: string): Figure | undefined {
  const isChange = (g: Figure | undefined): g is Figure => !!g && !!g.change && g.kind === 'percent' && g.sentence === f.sentence && !g.approx && g.line === f.line;
  const end = f.range.end.character;
  // or the change closing the brackets opened right after it ("11件（包括行政非审案件，同比下降8.33%）")
  if (text[end] === '(' || text[end] === '（') {
    const close = text.slice(end + 1).search(/[)）]/);
    if (close < 0) return undefined;
    const closeAt = end + 1 + close;
    let last: Figure | undefined;
    for (let id = f.id + 1; id < model.figures.length && model.figures[id].range.start.character < closeAt && model.figures[id].line === f.line; id++) last = model.figures[id];
    return isChange(last) && /^\s*$/.test(text.slice(last.range.end.character, closeAt)) && !/[(（]/.test(text.slice(end + 1, closeAt)) ? last : undefined;
  }
  const g = model.figures[f.id + 1];
  return isChange(g) && OWN_CHANGE_GAP.test(text.slice(end, g.range.start.character)) ? g : undefined;
}

/**
 * The whole priors a count and its change allow: the change as written may be rounded or truncated at its last digit
 * (增长65.26% is 65.255–65.27%). Null when none is whole, or the change is no percentage of a count.
 */
function priorRange(x: Figure, c: Figure): [number, number] | null {
  if (x.approx || x.lo !== x.hi || x.value <= 0) return null;
  const unit = 10 ** -c.decimals;
  const qLo = Math.max(0, c.value - unit / 2);
  const qHi = c.value + unit;
  let lo: number;
  let hi: number;
  if (c.change === 'up') {
    lo = x.value / (1 + qHi / 100);
    hi = x.value / (1 + qLo / 100);
  } else {
    if (qHi >= 100) return null;
    lo = x.value / (1 - qLo / 100);
    hi = x.value / (1 - qHi / 100);
  }
  const a = Math.ceil(lo - 1e-9);
  const b = Math.floor(hi + 1e-9);
  return a <= b ? [a, b] : null;
}

/** The words of a change at the end of its label: 同比增长, 较上年下降. */
const CHANGE_VERB = /(?:同比|环比|较上年同期|较去年同期|比上年同期|比去年同期|较上年|较去年|比上年|比去年)?(?:增长|上升|增加|下降|减少|降低|提高)了?$/;

const rangeText = ([a, b]: [number, number]) => (a === b ? num(a) : `${num(a)}–${num(b)}`);

/** The words a change names its metric by: "总量上升" → 总量, "醉酒上升" → 醉酒. */
function changeName(c: Figure): string {
  return c.label.replace(CHANGE_VERB, '').replace(/^.*[，,、：:]/, '').replace(/^(?:其中|分别|同比|环比)+/, '').trim();
}
/** Names of a change that say it is of the whole: 总量上升, 总数下降. */
const WHOLE_NAMES = /^(?:总量|总数|总体|合计|总计|共计|全部|整体)$/;

/**
 * The changes of a total and its parts stated in the next sentence, each named by its metric, in the list's order:
 * "…47838起。其中，醉酒驾驶3992起，饮酒驾驶43846起。与去年同期相比，总量上升9.96%，醉酒上升71.40%，饮酒上升4.32%".
 */
function namedChanges(model: FigureModel, total: Figure, parts: Figure[]): Figure[] | null {
  const last = parts[parts.length - 1];
  const next = model.sentences[last.sentence + 1];
  if (!next || next.line !== last.line || next.figures.length !== parts.length + 1) return null;
  const changes = next.figures.map((id) => model.figures[id]);
  if (changes.some((c) => !c.change || c.kind !== 'percent' || c.approx)) return null;
  const names = changes.map(changeName);
  if (!(WHOLE_NAMES.test(names[0]) || (names[0].length >= 2 && total.label.includes(names[0])))) return null;
  for (let k = 0; k < parts.length; k++) if (names[k + 1].length < 2 || !parts[k].label.includes(names[k + 1])) return null;
  return changes;
}

/**
 * A total and every part of its 其中 list each with its own change ("受理各类案件1099件（同比增长65.26%），其中民事案件
 * 698件（同比增长57.20%）、刑事案件73件（同比下降19.78%）…"), the parts adding up to the total exactly: the priors the
 * parts' changes give must add up to the prior the total's change gives (444 + 91 + 12 + 1 + 221 = 769, but 1099 /
 * 1.6526 = 665). Each change read as rounded or truncated; inferred (the list is taken as complete last year too).
 */
function partsPriorsClaims(model: FigureModel, lineText: (line: number) => string): Claim[] {
  const out: Claim[] = [];
  for (const b of model.breakdowns) {
    if (b.parts.length < 2) continue;
    const total = model.figures[b.total];
    const parts = b.parts.map((id) => model.figures[id]);
    if (total.kind !== 'count' || total.prior || total.change || parts.some((p) => p.kind !== 'count' || p.prior || p.change || p.family !== total.family)) continue;
    if (parts.some((p) => p.approx) || total.approx || Math.abs(parts.reduce((a, p) => a + p.value, 0) - total.value) > 1e-9) continue;
    let c = ownChange(model, total, lineText(total.line));
    let changes = parts.map((p) => ownChange(model, p, lineText(p.line)));
    if (!c || changes.some((x) => !x)) {
      const named = namedChanges(model, total, parts);
      if (!named) continue;
      [c, ...changes] = named;
    }
    if (!c) continue;
    const totalPrior = priorRange(total, c);
    const partPriors = parts.map((p, k) => priorRange(p, changes[k]!));
    if (!totalPrior || partPriors.some((r) => !r)) continue;
    const sum: [number, number] = [partPriors.reduce((a, r) => a + r![0], 0), partPriors.reduce((a, r) => a + r![1], 0)];
    const ok = sum[1] >= totalPrior[0] && sum[0] <= totalPrior[1];
    const figures = [
      { fig: total, role: 'total' },
      { fig: c, role: 'change' },
      ...parts.flatMap((p, k) => [
        { fig: p, role: 'part', roleArg: p.stageText ?? '' },
        { fig: changes[k]!, role: 'change' },
      ]),
    ];
    const partsText = `${partPriors.map((r) => rangeText(r!)).join(' + ')} = ${rangeText(sum)}`;
    const computed = `上期各项 ${partsText}；上期总数 ${rangeText(totalPrior)}`;
    const o: Outcome = ok
      ? { ok: true, ...phrase('computedAsWritten', { computed, written: c.text }) }
      : {
          ok: false,
          cap: 'inferred',
          ...phrase('computedNotWritten', { computed, written: c.text }),
          messageId: 'change-mismatch.partsPriors',
          args: { total: total.text, written: `${CHANGE_VERB.exec(c.label)?.[0] ?? ''}${c.text}`, partsPrior: partsText, totalPrior: rangeText(totalPrior) },
          data: { partsPrior: sum, totalPrior },
        };
    out.push({ check: CODE, anchor: c, readings: [reading(figures, [{ id: 'partsPriors', cost: COST.otherTotal }], o)], ceiling: 1, sentenceBound: false });
  }
  return out;
}

/** A change naming the unit of what it compares: 件数, 人数. */
const UNIT_NAMED = /([件人])数[^件人]*$/;

/** Words adjusting the current value before it is compared (排除…后, 扣除…): figures.json changes.adjusted. */
const ADJUSTED = new RegExp(data.changes.adjusted.join('|'));

/** A change written as a plain number and percent sign (not a scan like "1 1.5%"). */
const CLEAN_PERCENT = /^\d+(?:\.\d+)?[%％]$/;
/** Nothing but the words of a change between a count and its percentage: "，与上月相比上升", "，同比下降". */
const CHANGE_ONLY = new RegExp(`^[，,\\s]*(?:${data.changes.wholePriorGap})$`);

/** Above this many whole priors within the written precision, any change is possible: not tested. */
const MAX_PRIORS = 64;

/**
 * The whole priors nearest to giving the written change from `current`, when none of them gives it; null when one
 * does (or too many could: any change is then possible).
 */
function nearestPriors(current: number, c: Figure): { closest: { p: number; v: number }; next?: { p: number; v: number } } | null {
  const sign = c.change === 'up' ? 1 : -1;
  const unit = 10 ** -c.decimals;
  // the priors whose change lies within a unit of the written one either way
  const priorAt = (v: number) => current / (1 + (sign * v) / 100);
  const ends = [priorAt(c.value - unit), priorAt(c.value + unit)].filter((v) => Number.isFinite(v) && v > 0);
  if (ends.length < 2) return null;
  const lo = Math.max(1, Math.floor(Math.min(...ends)));
  const hi = Math.ceil(Math.max(...ends));
  if (hi - lo > MAX_PRIORS) return null;
  let closest: { p: number; v: number } | undefined;
  let next: { p: number; v: number } | undefined;
  for (let p = lo; p <= hi; p++) {
    const v = ((sign * (current - p)) / p) * 100;
    if (v < 0) continue;
    const m = matchOf(v, c);
    if (m === 'round' || m === 'truncation') return null;
    if (!closest || Math.abs(v - c.value) < Math.abs(closest.v - c.value)) {
      next = closest;
      closest = { p, v };
    } else if (!next || Math.abs(v - c.value) < Math.abs(next.v - c.value)) next = { p, v };
  }
  return closest ? { closest, next } : null;
}

/**
 * A percentage change with no prior stated, right after the current count ("收到群众网络投诉共178件，与上月相比上升
 * 44.4%"): some whole number of the prior period must give it (123 → 44.7%, 124 → 43.5%: none gives 44.4%). Only an
 * impossible change is a claim (a possible one verifies nothing); at most inferred, as impossible-percentage.
 */
function wholePriorClaim(model: FigureModel, figs: Figure[], i: number, text: string): Claim | null {
  const c = figs[i];
  const x = figs[i - 1];
  if (c.kind !== 'percent' || !wholeCurrent(x)) return null;
  // only the change words between the count and the change: a change naming its own subject (旧存案件144件），新收案件
  // 同比下降16.04%), after a bracket the count sits in, or after 分别, may be of something else
  const gap = text.slice(x.range.end.character, c.range.start.character);
  if (!CHANGE_ONLY.test(gap)) return null;
  // the last item of an enumeration ("包括咨询1127件、…、表扬1件，较去年同期下降56.76%"): the change may be of the whole
  if (text[x.range.start.character - x.label.length - 1] === '、') return null;
  // or of a 其中 list ("3334件，其中普通程序3000件，简易程序334件，同比上升113.04%": 3334 over 1565)
  const list = listWithPart(model, x.id);
  if (list && list.parts[list.parts.length - 1] === x.id) return null;
  // "99件136人，增加136%": the change may be of the count written right before, in another measure word (99 → 42件)
  const w = figs[i - 2];
  if (w && w.kind === 'count' && w.family !== x.family && isExact(w) && Number.isInteger(w.value) && w.value > 0 && /^\s*$/.test(text.slice(w.range.end.character, x.range.start.character)) && !nearestPriors(w.value, c)) return null;
  return impossibleChange(x, c, gap.replace(/^[，,\s]+/, ''), []);
}

/** The longest note in brackets a change is looked back through for the count the brackets follow. */
const BRACKET_NOTE_MAX = 120;

/**
 * The count a bracket right after it opens for, when the change is inside that bracket ("执行案件315件（包括行政非诉执行
 * 案件7件，同比增长42.53%）": 315, not 7): a count's note in brackets, with its change at the end, is of that count.
 */
function bracketOwner(figs: Figure[], i: number, text: string): Figure | undefined {
  const c = figs[i];
  if (!c.bracketed) return undefined;
  let depth = 0;
  for (let k = c.range.start.character - 1; k >= 0 && c.range.start.character - k <= BRACKET_NOTE_MAX; k--) {
    const ch = text.charCodeAt(k);
    if (ch === 0x29 || ch === 0xff09) depth++;
    else if (ch === 0x28 || ch === 0xff08) {
      if (depth > 0) depth--;
      else {
        const owner = figs.find((f) => f.range.end.character === k && f.line === c.line && f.kind === 'count' && !f.change && !f.prior);
        return owner && owner.id < c.id ? owner : undefined;
      }
    }
  }
  return undefined;
}

/** The words of a change after its metric's name: 受伤人数同比下降 → 受伤人数. */
const CHANGE_WORDS = /[，,、\s]*(?:同比|环比|较上年同期|较上年|比上年|较去年同期|较去年)?(?:分别)?(?:下降|上升|增长|减少|增加|降低|提高)$/;
/** What names a metric as a count of the thing named before it: 受伤人数 → 受伤. */
const COUNT_OF = /(?:人数|起数|件数|次数|数量|数)$/;

/**
 * The count a change names as its metric ("事故9起、死亡6人、受伤7人，…受伤人数同比下降27.3%": 受伤7人): the one earlier
 * count of the sentence whose label is the change's name less 人数/起数/数.
 */
function namedCurrent(figs: Figure[], i: number): Figure | undefined {
  const c = figs[i];
  if (c.kind !== 'percent') return undefined;
  const name = c.label.replace(CHANGE_WORDS, '');
  if (!COUNT_OF.test(name)) return undefined;
  const subject = name.replace(COUNT_OF, '');
  if (subject.length < 2) return undefined;
  const found = figs.slice(0, i).filter((f) => wholeCurrent(f) && f.label === subject);
  return found.length === 1 ? found[0] : undefined;
}

/** A count whose whole number could be a current value of a change (not a scan, not rounded, not approximate). */
function wholeCurrent(x: Figure | undefined): x is Figure {
  return !!x && x.kind === 'count' && !x.prior && !x.change && isExact(x) && x.decimals === 0 && Number.isInteger(x.value) && x.value > 0 && /^\d/.test(x.text);
}

/** The claim that no whole prior gives the change `c` from `x`, or null when one does. */
function impossibleChange(x: Figure, c: Figure, verb: string, extra: Assumption[]): Claim | null {
  if (c.kind !== 'percent' || c.approx || c.value <= 0 || (c.change === 'down' && c.value >= 100) || !CLEAN_PERCENT.test(c.text)) return null;
  const near = nearestPriors(x.value, c);
  if (!near) return null;
  const { closest, next } = near;
  const pairs = [closest, next].filter((q): q is { p: number; v: number } => !!q).sort((a, b) => a.p - b.p);
  const shown = pairs.map((q) => `${num(q.p)} → ${asWritten(q.v, c.decimals)}%`).join('，');
  const outcome: Outcome = {
    ok: false,
    cap: 'inferred',
    ...phrase('noWholePrior', { current: x.text, written: c.text, shown }),
    messageId: 'impossible-percentage.change',
    args: { current: x.text, verb, written: c.text, shown },
    data: { current: x.value, priors: pairs.map((q) => q.p) },
  };
  return {
    check: 'impossible-percentage',
    anchor: c,
    readings: [reading([{ fig: x, role: 'current' }, { fig: c, role: 'change' }], [{ id: 'wholePrior', cost: COST.paragraphBase }, ...extra], outcome)],
    ceiling: 1,
    sentenceBound: false,
  };
}
