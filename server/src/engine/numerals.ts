// Chinese numerals for heading ordinals (一 … 九十九, 两, 〇/零). Figures have their own, richer reader.

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Value of a Chinese numeral below 1000 (十二 → 12, 二十 → 20, 一百零二 → 102); NaN when it is not one. */
export function parseChineseOrdinal(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let current = 0;
  let seenUnit = false;
  for (const ch of s) {
    if (ch in DIGITS) {
      current = DIGITS[ch];
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      total += (current || 1) * unit;
      current = 0;
      seenUnit = true;
    } else {
      return NaN;
    }
  }
  if (!seenUnit && s.length > 1) {
    // 一二三 is not a numeral (but 〇 alone or 五 alone is)
    return NaN;
  }
  return total + current;
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
