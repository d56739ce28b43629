// Can a percentage (or a multiple) be computed from counts the writer gave? Two tiers, so that a paragraph full of
// numbers does not back every percentage by coincidence:
//   A. two counts of the percentage's own sentence (or table row): k / n, or the change between them;
//   B. the count the percentage is about (the nearest count before it in its sentence, or a count of the paragraph
//      whose stage its label names) over a count of the wider scope (paragraph, continued paragraph, table) that is
//      named as a total, or at a precision of at least one decimal (where a coincidence is rare).
import type { Num } from './scope';

export interface Target {
  /** The value as written (percent: 96.5; multiple: 3.6). */
  value: number;
  lo: number;
  hi: number;
  approx: boolean;
  decimals: number;
  /** Percent (compared ×100) or multiple. */
  kind: 'percent' | 'multiple';
  change?: 'up' | 'down';
  /** In a table row: a cell may be a change written without a change word (公安分局 | 6 | 13 | 116.7%). */
  table?: boolean;
}

const EPS = 1e-9;

/** Does a computed value give the written one, rounded or truncated at the written precision? */
export function matches(t: Target, v: number): boolean {
  if (!Number.isFinite(v) || v < 0) return false;
  if (t.approx) {
    const step = 10 ** -t.decimals;
    const hi = Math.min(t.hi, t.value * 1.25 + step);
    return v >= t.lo - step / 2 - EPS && v <= hi + EPS;
  }
  const scale = 10 ** t.decimals;
  const rounded = Math.round(v * scale + EPS) / scale;
  const truncated = Math.floor(v * scale + EPS) / scale;
  return Math.abs(rounded - t.value) < EPS || Math.abs(truncated - t.value) < EPS;
}

function values(t: Target, a: number, b: number): number[] {
  if (b <= 0) return [];
  const k = t.kind === 'percent' ? 100 : 1;
  const out: number[] = [];
  if (t.change === 'up') out.push(((a - b) / b) * k);
  else if (t.change === 'down') out.push(((b - a) / b) * k);
  else {
    if (t.kind !== 'percent' || t.value > 100 || a <= b) out.push((a / b) * k);
    if (t.table) out.push((Math.abs(a - b) / b) * k);
  }
  if (t.kind === 'multiple') out.push(a / b); // 增长3倍 read as a ratio of about 3 or 4
  return out;
}

/** Tier A: two distinct numbers of the same sentence or row. */
export function reproducedWithin(t: Target, own: Num[]): boolean {
  for (let i = 0; i < own.length; i++) {
    for (let j = 0; j < own.length; j++) {
      if (i === j) continue;
      const a = own[i].value;
      const b = own[j].value;
      if (values(t, a, b).some((v) => matches(t, v))) return true;
    }
  }
  // at two decimals a coincidence is rare: a sum of two counts over a third, or over a difference of two
  // (案胜率 = (化解 + 胜诉) / 案件; 结收比 over 受理 − 旧存)
  if (t.decimals >= 2 && !t.approx && own.length <= 12) {
    for (let i = 0; i < own.length; i++) {
      for (let j = 0; j < own.length; j++) {
        if (i === j) continue;
        for (let k = 0; k < own.length; k++) {
          if (k === i || k === j) continue;
          const [a, b, c] = [own[i].value, own[j].value, own[k].value];
          if (i < j && values(t, a + b, c).some((v) => matches(t, v))) return true;
          if (values(t, a, b - c).some((v) => matches(t, v))) return true;
        }
      }
    }
  }
  return false;
}

/** Tier B: the counts the figure is about, over numbers of its wider scope. */
export function reproducedAcross(t: Target, subjects: Num[], scope: Num[]): boolean {
  const fine = t.decimals >= 1 && !t.approx;
  for (const a of subjects) {
    for (const b of scope) {
      if (a.line === b.line && a.at === b.at) continue;
      if (!fine && !b.total) continue;
      // 100% and 0% over a count of the scope say nothing about which count
      if (!t.change && (Math.abs(t.value - 100) < EPS || t.value === 0) && a.value !== 0) continue;
      if (values(t, a.value, b.value).some((v) => matches(t, v))) return true;
    }
  }
  return false;
}
