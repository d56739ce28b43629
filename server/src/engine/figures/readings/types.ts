// Readings: every written relation between figures (a total and its 其中 list, a rate and its counts, two stages of
// one funnel, a change and its two periods, one metric stated twice) is a Claim, read every plausible way. Each
// Reading states what it assumes (a total in the previous sentence, a conventional base found elsewhere in the
// paragraph, a list that ends before a later-stage figure, carry-over …) with a plausibility cost, and carries its
// arithmetic, computed once per analysis whichever checks are on. A check reports a claim only when no plausible
// reading holds, and then the cheapest one, with the strength of the evidence:
//   strong   the sentence itself states both sides and the reading is unique      → the configured severity
//   inferred the reading is inferred (list total, consensus base, another sentence) → one step softer
//   soft     only truncation, the last written digit or an approximation separates → two steps softer
// Of equally cheap readings that all fail, the one most favourable to the writer (least excess) is the one reported.
import type { Figure } from '../model';
import { formatMessage, type MessageArgs } from '../../messages';

/** An outcome's detail in both languages, from the message catalogs (`figures.detail.<id>`). */
export function phrase(id: string, args: Record<string, string | number>): { detail: string; detailEn: string } {
  return { detail: formatMessage('zh-cn', `figures.detail.${id}`, args), detailEn: formatMessage('en', `figures.detail.${id}`, args) };
}

export type Strength = 'strong' | 'inferred' | 'soft';

export interface Assumption {
  /** What the reading takes for granted, as a message key under `figures.assumption.` (zh-cn/en catalogs). */
  id: string;
  cost: number;
}

/** The outcome of a reading's arithmetic. */
export interface Outcome {
  ok: boolean;
  /** It holds only by truncation / within an approximation word's width (ok is true then; the note may be soft). */
  loose?: 'truncation' | 'approximation' | 'carryOver' | 'listJoin' | 'plugToHundred';
  /** The evidence of this outcome is at most this strong (a list that falls short is always inferred). */
  cap?: Strength;
  /** The arithmetic as shown to the reviewer ("8568 / 8608 = 99.5%"), in Chinese, and in English where it has words. */
  detail: string;
  detailEn?: string;
  /** Message id and args when a check reports this reading. */
  messageId?: string;
  args?: MessageArgs;
  data?: Record<string, unknown>;
  /** How far beyond what the reading allows (parts over a total, in its unit): of equally plausible readings that
   * fail, the one that fails by least is reported — the argument that is hardest to dispute. */
  excess?: number;
}

export interface Reading {
  /** Figures the reading relates, each with its role (a key under `figures.role.`, shown in relatedInformation). */
  figures: { fig: Figure; role: string; roleArg?: string }[];
  assumptions: Assumption[];
  cost: number;
  outcome: Outcome;
}

export interface Claim {
  /** The check that reports this claim when no plausible reading holds. */
  check: string;
  /** Where the finding is shown. */
  anchor: Figure;
  readings: Reading[];
  /** Readings costlier than this are not plausible enough to rescue the claim, nor to report on. */
  ceiling: number;
  /** The cheapest reading keeps its sentence-bound evidence (both sides in the anchor's sentence, unique reading). */
  sentenceBound: boolean;
}

export interface Verdict {
  claim: Claim;
  /** The plausible readings (cost within the ceiling), cheapest first. */
  plausible: Reading[];
  /** A plausible reading that holds (the cheapest), if any. */
  holding?: Reading;
  /** When none holds: the reading reported (the cheapest plausible one) and the strength of the evidence. */
  reported?: Reading;
  strength?: Strength;
}

export function reading(figures: Reading['figures'], assumptions: Assumption[], outcome: Outcome): Reading {
  return { figures, assumptions, cost: assumptions.reduce((a, x) => a + x.cost, 0), outcome };
}

/** The reading `r` with one more assumption (its cost added). */
export function assuming(r: Reading, assumption: Assumption): Reading {
  return reading(r.figures, [...r.assumptions, assumption], r.outcome);
}

/** The claim `c` with every reading that fails reported as soft evidence at most. */
export function softened(c: Claim): Claim {
  return { ...c, readings: c.readings.map((r) => (r.outcome.ok || r.outcome.cap === 'soft' ? r : { ...r, outcome: { ...r.outcome, cap: 'soft' } })) };
}

/** Assumption costs, in one place: a newcomer tunes charity here. */
export const COST = {
  none: 0,
  /** the total of a 其中 list is in the previous sentence / is not the nearest number */
  otherTotal: 1,
  /** the list ends before a later-stage figure, or a part is nested in another */
  listEndsAtStage: 1,
  /** the list ends where its parts have made up the total exactly and its form changes (the sum is the evidence) */
  listEndsAtTotal: 0,
  /** the whole set (several counts before the list added up) is the list's total */
  wholeSet: 1,
  /** a conventional base found elsewhere in the paragraph (another sentence) */
  paragraphBase: 1,
  /** a base of another kind than the rate's name implies */
  otherBase: 2,
  /** the base is a total stated far away in the document */
  documentBase: 2,
  /** carry-over from the previous period explains a later stage above an earlier one */
  carryOver: 1,
  /** figures paired across a 分别 list by position */
  respectively: 0,
  /** the prior value is stated after the change */
  priorAfter: 1,
  /** the prior value is the current one less the stated difference */
  priorFromDifference: 1,
  /** a list's shares are over the base that reproduces most of them */
  consensusBase: 1,
} as const;
