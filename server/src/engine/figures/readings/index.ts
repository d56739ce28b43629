// Every written relation of a report as claims with their readings (readings/{sum,rate,order,change,same}.ts), and
// their verdicts, computed once per analysis whatever checks are on. The figure checks only report verdicts; the
// hover, the figure table and `fazhi-report figures` show, for each figure, the relations it took part in and the
// reading under which each was verified (Figure.checks, filled here and nowhere else).
import type { FigureModel } from '../model';
import { recordCheck } from '../model';
import { changeClaims } from './change';
import { orderClaims } from './order';
import { rateClaims } from './rate';
import { sameClaims } from './same';
import { sumClaims } from './sum';
import type { Claim, Strength, Verdict } from './types';

export type { Claim, Reading, Verdict, Strength } from './types';

function verdictOf(claim: Claim): Verdict {
  const plausible = claim.readings.filter((r) => r.cost <= claim.ceiling).sort((a, b) => a.cost - b.cost);
  const holding = plausible.find((r) => r.outcome.ok && !r.outcome.loose) ?? plausible.find((r) => r.outcome.ok);
  if (holding) {
    // it holds, but only loosely (carry-over not said): a soft note that asks the writer to say so
    if (holding.outcome.loose && holding.outcome.messageId) return { claim, plausible, holding, reported: holding, strength: 'soft' };
    return { claim, plausible, holding };
  }
  const failing = plausible.filter((r) => r.outcome.messageId);
  if (!failing.length) return { claim, plausible };
  // of the cheapest readings, the one that fails by least: "1211 > 820 + 310 + 12", not "1211 > 12"
  let reported = failing[0];
  for (const r of failing) if (r.cost === reported.cost && (r.outcome.excess ?? Infinity) < (reported.outcome.excess ?? Infinity)) reported = r;
  let strength: Strength = claim.sentenceBound && reported.cost === 0 && plausible.filter((r) => r.cost === 0).length <= 2 ? 'strong' : 'inferred';
  if (reported.outcome.cap === 'inferred' && strength === 'strong') strength = 'inferred';
  if (reported.outcome.cap === 'soft') strength = 'soft';
  return { claim, plausible, reported, strength };
}

/** Claims and verdicts of a figure model; fills each figure's `checks` from the verdicts. */
export function readFigures(model: FigureModel, lineText: (line: number) => string): Verdict[] {
  const rates = rateClaims(model, lineText).map(verdictOf);
  // a rate that its own counts reproduce, by those counts (readings/same.ts: two such rates of different counts are
  // rates of two things, not one metric stated twice)
  const backing = new Map<number, string>();
  for (const v of rates) {
    if (v.holding && !v.reported && v.claim.check === 'rate-mismatch') {
      backing.set(v.claim.anchor.id, v.holding.figures.filter((x) => x.fig !== v.claim.anchor).map((x) => x.fig.value).join('/'));
    }
  }
  const verdicts: Verdict[] = [
    ...orderClaims(model, lineText).map(verdictOf),
    ...sumClaims(model, lineText).map(verdictOf),
    ...rates,
    ...changeClaims(model, lineText).map(verdictOf),
    ...sameClaims(model, lineText, backing).map(verdictOf),
  ];
  // a copy that lost its per cent signs (and with them, often, its zeros) is no firm evidence of any contradiction
  if (model.damagedCopy) for (const v of verdicts) if (v.reported) v.strength = 'soft';
  for (const v of verdicts) {
    const r = v.holding ?? v.reported;
    if (!r) continue;
    const ok = !!v.holding && !v.reported;
    const assumptions = r.assumptions.map((a) => a.id);
    for (const { fig } of r.figures) recordCheck(fig, v.claim.check, ok, r.outcome.detail, assumptions, r.outcome.detailEn);
  }
  return verdicts;
}
