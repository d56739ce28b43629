// Ranking claims: a vague place (前列, 前茅, 领先 …) after a ranking verb (排名, 位列, 居 …), on a subject that is
// measured by a number (考核, 测评, 指数, 满意度 …). A stated place (第一, 第2名, 前三) can be checked and is not
// vague; a slogan or a plan (力争…走在前列, 推动…走在全省前列, 围绕…走在全国前列的目标) is not a claim of achievement.
import data from '../../../../data/unbacked.json';
import { alternation } from '../../regex';

const R = data.ranking;
const alt = alternation;

const SCOPE = '(?:全[国省市区县州盟]|全[国省市区县][同各]?[类级]?[^，,。；;、]{0,6}?中|同[类级][^，,。；;、]{0,6}?中|[^，,。；;、]{0,4}?)';
/** verb + optional scope (全省, 全市同类单位中) + vague place. */
export const RANKING = new RegExp(`(?:${alt(R.verbs)})${SCOPE}(?:${alt(R.vaguePlaces)})|${alt(R.standalone)}`, 'g');
const SUBJECT = new RegExp(alt(R.measurableSubjects));
const INTENT_SENTENCE = new RegExp(alt(R.intentWords.sentence));
const INTENT_CLAUSE = new RegExp(alt(R.intentWords.clause));
const AFTER = new RegExp(`^(?:${alt(R.after)})`);
const STATED_PLACE_LATER = new RegExp(R.statedPlaceLater);
const LONG_VERBS = R.verbs.filter((v) => v.length >= 2);
const CLAUSE_START = /[，,；;：:]/;

export interface RankingHit {
  at: number;
  text: string;
}

/** Vague ranking claims of one sentence s[start, end) that deserve a note (no figure in the sentence is checked here). */
export function rankingClaims(s: string, start: number, end: number): RankingHit[] {
  const out: RankingHit[] = [];
  const sentence = s.slice(start, end);
  RANKING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RANKING.exec(sentence)) !== null) {
    if (m[0].length === 0) {
      RANKING.lastIndex++;
      continue;
    }
    const before = sentence.slice(Math.max(0, m.index - 80), m.index);
    let clauseFrom = before.length;
    while (clauseFrom > 0 && !CLAUSE_START.test(before[clauseFrom - 1])) clauseFrom--;
    const clause = before.slice(clauseFrom);
    if (INTENT_SENTENCE.test(before) || INTENT_CLAUSE.test(clause)) continue;
    if (AFTER.test(sentence.slice(m.index + m[0].length))) continue;
    // the place stated in the rest of the sentence (进入全省第一方阵，分别位列全省第1、第7)
    if (STATED_PLACE_LATER.test(sentence.slice(m.index + m[0].length))) continue;
    // the subject that is ranked: measurable by a number, in the clause or the sentence before the verb
    if (!SUBJECT.test(clause + m[0]) && !SUBJECT.test(before)) continue;
    // 排名走在全市前列: the claim is the last verb's phrase
    let skip = 0;
    for (const v of LONG_VERBS) {
      const i = m[0].lastIndexOf(v);
      if (i > skip) skip = i;
    }
    out.push({ at: start + m.index + skip, text: m[0].slice(skip) });
  }
  return out;
}
