// Backing stated elsewhere in the report, looked for only where a coincidence is unlikely:
//   - shares of one sentence, each after its own count, that one count of the report gives all of (公安交管类380件，占比
//     34%，市场监管类297件，占比27%… — 380 / 1113 and 297 / 1113, 1113 being the 收到 of an earlier paragraph): two
//     shares at least, every one of them from the same base;
//   - a rate named after its stages whose numerator is in its sentence, over a count of the base's stage anywhere in
//     the report (直接纠错236件，纠错率24.2% — 236 / 977, 审结977件 being stated further on): the conventional base,
//     and the written value, at once.
import type { Figure, FigureModel } from '../../figures/model';
import { countsInValueRange, isExact, reproduces, wholeRange } from '../../figures/arith';

/** A share and the count it is of (the numerator), as unbacked-metric reads them (givenSide: rateCount). */
export interface SharePair {
  share: Figure;
  count: Figure;
}

/** The fewest shares that must share one base for it to back them. */
export const MIN_SHARES_ON_ONE_BASE = 2;

/** A count of the report that gives every share of `pairs` from its own count, or undefined. */
export function commonBase(model: FigureModel, pairs: SharePair[]): Figure | undefined {
  if (pairs.length < MIN_SHARES_ON_ONE_BASE) return undefined;
  const family = pairs[0].count.family;
  if (pairs.some((p) => p.count.family !== family || !isExact(p.count) || p.share.approx)) return undefined;
  const largest = Math.max(...pairs.map((p) => p.count.value));
  const counts = new Set(pairs.map((p) => p.count));
  return countsInValueRange(model, wholeRange(pairs[0].count, pairs[0].share)).find(
    (d) =>
      d.family === family && isExact(d) && d.value >= largest && !counts.has(d) &&
      pairs.every((p) => reproduces((p.count.value / d.value) * 100, p.share)),
  );
}

/**
 * Does `count` over `base` give the written share, the counts read as the ranges they are written to (25.8万起 of
 * 28.1万起, 31.5亿元 of 36亿元), rounded or truncated at the share's precision?
 */
function givesShare(count: Figure, base: Figure, share: Figure): boolean {
  if (base.lo <= 0) return false;
  const unit = 10 ** -share.decimals;
  const lo = (count.lo / base.hi) * 100;
  const hi = (count.hi / base.lo) * 100;
  return hi >= share.value - unit / 2 - 1e-9 && lo < share.value + unit - 1e-9;
}

/** The fewest parallel items whose counts' sum is taken as their shares' whole. */
export const MIN_PARALLEL_ITEMS = 3;

/**
 * Parallel items of a paragraph, each a count followed by its share, whose shares are all of the counts' sum, kind by
 * kind (起 with 起, 人 with 人): 39.1万起 + 25.3万起 + 1.7万起 = 66.1万起 gives 59.1%, 38.3% and 2.6%. True when every
 * share of `f`'s kind does, among at least MIN_PARALLEL_ITEMS items.
 */
export function sharesOfTheirSum(pairs: SharePair[], f: Figure): boolean {
  const own = pairs.find((p) => p.share === f);
  if (!own) return false;
  const kind = pairs.filter((p) => p.count.family === own.count.family && p.share.kind === 'percent');
  if (kind.length < MIN_PARALLEL_ITEMS) return false;
  const whole = { lo: kind.reduce((a, p) => a + p.count.lo, 0), hi: kind.reduce((a, p) => a + p.count.hi, 0) } as Figure;
  return kind.every((p) => givesShare(p.count, whole, p.share));
}

/**
 * Counts of one statement elsewhere, in the order of `pairs`, each giving its pair's share from the pair's count in
 * the same unit family (共接报火灾28.1万起，亡1390人，伤881人，直接财产损失36亿元 ⟶ 非重点单位火灾25.8万起，亡1317人，伤810人，
 * 损失31.5亿元，分别占总数的91.8%、94.7%、91.9%和87.6%): every pair, from one sentence.
 */
export function respectiveBases(model: FigureModel, pairs: SharePair[]): boolean {
  if (pairs.length < MIN_SHARES_ON_ONE_BASE || pairs.some((p) => p.share.approx || p.count.approx)) return false;
  const own = pairs[0].share.sentence;
  // (only sentences holding a count that gives the first share can match them all)
  const sentences = new Set(countsInValueRange(model, wholeRange(pairs[0].count, pairs[0].share)).map((d) => d.sentence));
  for (const index of sentences) {
    const sent = model.sentences[index];
    if (sent.index === own || sent.figures.length < pairs.length) continue;
    // the counts of the sentence, matched to the pairs in order
    let k = 0;
    for (const id of sent.figures) {
      const d = model.figures[id];
      if (k < pairs.length && d.kind === 'count' && !d.prior && !d.change && d.family === pairs[k].count.family && d.value >= pairs[k].count.value && givesShare(pairs[k].count, d, pairs[k].share)) k++;
    }
    if (k === pairs.length) return true;
  }
  return false;
}

/**
 * A count of one of `baseStages` anywhere in the report (of the same object when both name one) that gives the rate
 * from `numerator`: the rate's conventional base, stated elsewhere.
 */
export function baseStatedElsewhere(model: FigureModel, rate: Figure, numerator: Figure, baseStages: ReadonlySet<string>): Figure | undefined {
  if (!isExact(numerator) || rate.change || rate.prior) return undefined;
  return countsInValueRange(model, wholeRange(numerator, rate)).find(
    (d) =>
      !!d.stage && baseStages.has(d.stage) && d.family === numerator.family && isExact(d) && d.value >= numerator.value &&
      (!rate.object || !d.object || d.object === rate.object) && reproduces((numerator.value / d.value) * 100, rate),
  );
}

/**
 * Shares of a table each right under its own count (a flattened table, a cell per line: 咨询类 | 19651 | 51.11% | …,
 * the total 38447 in another cell of it or stated in the text), and the numbers that give at least
 * MIN_SHARES_ON_ONE_BASE of them at once: the shares such a number gives. Two tables side by side may have two totals,
 * so each base backs the shares it gives, not all of them. `basesIn`: the numbers that may be a base, within a range.
 */
export function sharesGivenByOneBase(pairs: { share: Figure; count: number }[], basesIn: (range: [number, number]) => number[]): Set<Figure> {
  const out = new Set<Figure>();
  const usable = pairs.filter((p) => !p.share.approx && p.count > 0);
  if (usable.length < MIN_SHARES_ON_ONE_BASE) return out;
  // the shares each base gives (bases looked up by the values that could give each share)
  const given = new Map<number, Figure[]>();
  for (const p of usable) {
    for (const d of new Set(basesIn(wholeRange({ lo: p.count, hi: p.count }, p.share)))) {
      if (d <= 0 || p.count >= d || !reproduces((p.count / d) * 100, p.share)) continue;
      const list = given.get(d);
      if (list) list.push(p.share);
      else given.set(d, [p.share]);
    }
  }
  for (const shares of given.values()) if (shares.length >= MIN_SHARES_ON_ONE_BASE) for (const f of shares) out.add(f);
  return out;
}
