// Chinese numerals for heading ordinals (一 … 九百九十九): reading them, and writing the ordinal a fix inserts.

import { parseChineseNumber } from './figures/numbers';

/**
 * Value of a heading ordinal written in Chinese numerals (十二 → 12, 二十 → 20, 一百零二 → 102), read by the figure
 * reader; NaN when it is not one. Digit strings (一二三, 二〇二三) are years or codes, never ordinals.
 */
export function parseChineseOrdinal(s: string): number {
  if (!s || (s.length > 1 && !/[十百]/.test(s))) return NaN;
  const r = parseChineseNumber(s);
  return r && Number.isInteger(r.value) ? r.value : NaN;
}

const NAMES = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 3 → 三, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function toChineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return NAMES[n];
  if (n < 20) return '十' + (n % 10 ? NAMES[n % 10] : '');
  if (n < 100) return NAMES[Math.floor(n / 10)] + '十' + (n % 10 ? NAMES[n % 10] : '');
  const rest = n % 100;
  const head = NAMES[Math.floor(n / 100)] + '百';
  if (rest === 0) return head;
  if (rest < 10) return head + '零' + NAMES[rest];
  return head + NAMES[Math.floor(rest / 10)] + '十' + (rest % 10 ? NAMES[rest % 10] : '');
}
