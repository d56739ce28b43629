// Numbers as Chinese reports write them, read from one (width-normalised) line in a single left-to-right pass.
//
//   84件  2.6万余件  15468.7万元  1,234人  ８４件 (full width is folded by the document model)
//   三十五件  一百零二件  两千余人  近万件  百分之九十九点五
//   99.5%  7.01个百分点  增长近3倍  比值达2.6  3至5件
//
// Every function here is a hand-written scanner (no regular expressions), so the cost is linear in the line
// length whatever the input: 100,000 digits in a row are one token read once.
//
// What this file does NOT decide: whether a number is a metric. It returns every numeric token with what follows
// it (unit or percent sign) and what surrounds it; extract.ts drops years, dates, document numbers, codes, etc.

export type NumberKind = 'count' | 'percent' | 'points' | 'multiple' | 'ratio' | 'bare';

export interface NumberToken {
  /** Offsets in the line (UTF-16), from the approximation prefix (if any) to the end of the unit/suffix. */
  start: number;
  end: number;
  /** Offsets of the digits themselves. */
  numStart: number;
  numEnd: number;
  /** The value as written, scaled by 万/亿 (2.6万 → 26000). */
  value: number;
  /** Upper end of a written range (3至5件 → value 3, rangeTo 5). */
  rangeTo?: number;
  /** Digits after the decimal point as written ("31%" → 0, "31.0%" → 1). */
  decimals: number;
  /** Scale applied (1, 10000, 100000000). */
  scale: number;
  kind: NumberKind;
  /** Measure word as written ("件", "人次", "万元"), "%" / "个百分点" / "倍" for the other kinds, "" for bare numbers. */
  unit: string;
  /** Approximation words as written, before and after ("近", "余", "以上"). */
  approxPrefix?: string;
  approxSuffix?: string;
  chinese: boolean;
}

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 10000, 亿: 100000000 };

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
const CN_NUMERALS = new Set([...Object.keys(CN_DIGIT), ...Object.keys(CN_SMALL_UNIT), ...Object.keys(CN_BIG_UNIT)]);
const CN_NUMERAL_CODES = new Set([...CN_NUMERALS].map((c) => c.charCodeAt(0)));
/**
 * The characters that can start a number (a digit or a Chinese numeral), as a table by character code: the scan
 * skips to the next one in a plain loop (several times faster than a regular expression's class of them).
 */
const NUMBER_START = new Uint8Array(0x10000);
for (const c of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ...CN_NUMERALS]) NUMBER_START[c.charCodeAt(0)] = 1;
const LONE_WORD_CODES = new Set(['一', '二', '两'].map((c) => c.charCodeAt(0)));
const LONE_UNIT_CODES = new Set(['十', '百', '千', '万', '亿'].map((c) => c.charCodeAt(0)));
export function isCnNumeral(c: string | undefined): boolean {
  return c !== undefined && CN_NUMERALS.has(c);
}

/**
 * Value of a Chinese numeral string (三十五 → 35, 一百零二 → 102, 两千 → 2000, 十五 → 15, 九十九点五 → 99.5,
 * 2万 is handled by the caller). Returns null when the string is not a well-formed numeral.
 */
export function parseChineseNumber(s: string): { value: number; decimals: number } | null {
  if (!s) return null;
  const dot = s.indexOf('点');
  if (dot >= 0) {
    const int = parseChineseNumber(s.slice(0, dot));
    const frac = s.slice(dot + 1);
    if (!int || !frac) return null;
    let digits = '';
    for (const c of frac) {
      if (!(c in CN_DIGIT)) return null;
      digits += String(CN_DIGIT[c]);
    }
    return { value: Number(`${int.value}.${digits}`), decimals: digits.length };
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastUnit = 0;
  for (const c of s) {
    if (c in CN_DIGIT) {
      if (digit >= 0 && CN_DIGIT[c] !== 0 && digit !== 0) {
        // Two digits in a row: only "一二三" style digit strings (二〇二三), read positionally.
        return parseDigitString(s);
      }
      digit = CN_DIGIT[c];
    } else if (c in CN_SMALL_UNIT) {
      const u = CN_SMALL_UNIT[c];
      section += (digit < 0 ? (u === 10 ? 1 : -Infinity) : digit) * u;
      if (!Number.isFinite(section)) return null;
      digit = -1;
      lastUnit = u;
    } else if (c in CN_BIG_UNIT) {
      const u = CN_BIG_UNIT[c];
      total = (total + section + Math.max(digit, 0)) * u;
      section = 0;
      digit = -1;
      lastUnit = u;
    } else return null;
  }
  // 两千五 = 2500: a trailing digit after a unit counts one step down.
  if (digit > 0 && lastUnit >= 100 && !s.includes('零')) section += (digit * lastUnit) / 10;
  else if (digit > 0) section += digit;
  return { value: total + section, decimals: 0 };
}

function parseDigitString(s: string): { value: number; decimals: number } | null {
  let v = '';
  for (const c of s) {
    if (!(c in CN_DIGIT)) return null;
    v += String(CN_DIGIT[c]);
  }
  return { value: Number(v), decimals: 0 };
}

/** The first and the last characters of the entries of a word set (most positions start or end none: no substring). */
const edgeCodes = new WeakMap<ReadonlySet<string>, { first: Set<number>; last: Set<number> }>();
function edgesOf(words: ReadonlySet<string>): { first: Set<number>; last: Set<number> } {
  let e = edgeCodes.get(words);
  if (!e) {
    e = { first: new Set(), last: new Set() };
    for (const w of words) {
      e.first.add(w.charCodeAt(0));
      e.last.add(w.charCodeAt(w.length - 1));
    }
    edgeCodes.set(words, e);
  }
  return e;
}

/** Longest entry of `words` that starts at `s[i]`, or ''. `maxLen` bounds the work per position. */
export function matchAt(s: string, i: number, words: ReadonlySet<string>, maxLen: number): string {
  if (!edgesOf(words).first.has(s.charCodeAt(i))) return '';
  for (let n = Math.min(maxLen, s.length - i); n > 0; n--) {
    const w = s.substr(i, n);
    if (words.has(w)) return w;
  }
  return '';
}

/** Longest entry of `words` that ends at `s[end-1]`, or ''. */
export function matchBefore(s: string, end: number, words: ReadonlySet<string>, maxLen: number): string {
  if (!edgesOf(words).last.has(s.charCodeAt(end - 1))) return '';
  for (let n = Math.min(maxLen, end); n > 0; n--) {
    const w = s.substr(end - n, n);
    if (words.has(w)) return w;
  }
  return '';
}

export interface ScanVocabulary {
  units: ReadonlySet<string>;
  unitMaxLen: number;
  prefixes: ReadonlySet<string>;
  prefixMaxLen: number;
  suffixes: ReadonlySet<string>;
  suffixMaxLen: number;
  /** Money units with their scale (万元 → 10000): the value is read in 元. Longer ones win over `units`. */
  moneyUnits: ReadonlyMap<string, number>;
  /** Magnitude characters after a number (万 → 10000, 亿), unless they begin a money unit (万元). */
  magnitudes: ReadonlyMap<string, number>;
}

const MAX_DIGITS = 18; // longer digit runs are not quantities (IDs, pathological input): read and skipped

/**
 * Every numeric token of a (normalised) line. Chinese numerals count only when a unit, 倍, 个百分点 or 百分之
 * comes with them, and a lone 一 never does (一是, 一件事, 一把手 are words, not figures).
 */
export function scanNumbers(s: string, vocab: ScanVocabulary): NumberToken[] {
  const out: NumberToken[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    // fast path on char codes: most characters start no number (no string allocated per character)
    const code = s.charCodeAt(i);
    if (NUMBER_START[code] !== 1) {
      i++;
      while (i < n && NUMBER_START[s.charCodeAt(i)] !== 1) i++;
      continue;
    }
    // a lone 一/二/两 (一是, 统一, 两法衔接) or 十/百/千/万/亿 with nothing numeric after it: rejected without
    // building anything (these are the most frequent characters of the text that start no figure)
    if (code >= 0x4e00 && !CN_NUMERAL_CODES.has(s.charCodeAt(i + 1)) && !isDigit(s[i + 1])) {
      if (LONE_WORD_CODES.has(code) || (LONE_UNIT_CODES.has(code) && !(code === 0x767e && s.startsWith('百分之', i)) && !matchBefore(s, i, vocab.prefixes, vocab.prefixMaxLen))) {
        i++;
        continue;
      }
    }
    let percentWord = false;
    let start = i;
    if (code === 0x767e && s.startsWith('百分之', i) && (isDigit(s[i + 3]) || isCnNumeral(s[i + 3]))) {
      percentWord = true;
      i += 3;
      start = i - 3;
    }
    const numStart = i;
    let value: number;
    let decimals = 0;
    let chinese = false;
    if (isDigit(s[i])) {
      let j = i;
      while (j < n && isDigit(s[j])) j++;
      // thousands separators: 1,234,567 (exactly three digits after each comma, and no digit after the group)
      if (j - i <= 3) {
        while (s[j] === ',' && isDigit(s[j + 1]) && isDigit(s[j + 2]) && isDigit(s[j + 3]) && !isDigit(s[j + 4])) j += 4;
        // a space as the thousands separator (审结3 147件): groups of exactly three digits, the last one followed by a unit,
        // or by one more space and the unit, as a web copy spaces a unit off ("4 338 家机构")
        if (s[j] === ' ') {
          let g = j;
          while (s[g] === ' ' && isDigit(s[g + 1]) && isDigit(s[g + 2]) && isDigit(s[g + 3]) && !isDigit(s[g + 4])) g += 4;
          if (g > j && (s[g] === '%' || unitAt(s, g, vocab) || (s[g] === ' ' && unitAt(s, g + 1, vocab)))) j = g;
        }
      }
      let k = j;
      if (s[k] === '.' && isDigit(s[k + 1])) {
        k++;
        while (k < n && isDigit(s[k])) k++;
        decimals = k - j - 1;
      }
      const raw = s.slice(i, k).replace(/[, ]/g, '');
      i = k;
      if (raw.length > MAX_DIGITS + 1) continue; // pathological run: not a quantity
      value = Number(raw);
    } else {
      chinese = true;
      let j = i;
      while (j < n && (isCnNumeral(s[j]) || (s[j] === '点' && isCnNumeral(s[j + 1]) && j > i))) j++;
      if (j - i > 12) {
        i = j;
        continue;
      }
      let text = s.slice(i, j);
      // 近万件 / 两千余人: a trailing 万/亿 is a magnitude read below, unless the numeral is the magnitude alone
      let parsed = parseChineseNumber(text);
      while (!parsed && text.length > 1) {
        text = text.slice(0, -1);
        parsed = parseChineseNumber(text);
      }
      if (!parsed) {
        i = j;
        continue;
      }
      j = i + text.length;
      // a lone 十/百/千/万/亿 is a word (十大行动, 和解万家) unless an approximation asks for it (近万件)
      if (text.length === 1 && text in { 十: 1, 百: 1, 千: 1, 万: 1, 亿: 1 }) {
        if (!matchBefore(s, i, vocab.prefixes, vocab.prefixMaxLen)) {
          i = j;
          continue;
        }
        parsed = { value: text === '十' ? 10 : text === '百' ? 100 : text === '千' ? 1000 : text === '万' ? 10000 : 100000000, decimals: 0 };
      }
      value = parsed.value;
      decimals = parsed.decimals;
      i = j;
      if (text === '一' || text === '两' || text === '二') {
        // a lone 一/两 is a word (一件事, 两法衔接); only 百分之一 etc. keep it
        if (!percentWord) continue;
      }
    }
    const numEnd = i;
    // a web copy's space between the number and its unit or magnitude ("225 条", "61723 件", "3.5 万元")
    if (!chinese && (s[i] === ' ' || s[i] === '\u3000' || s[i] === '\u00a0')) {
      let j = i;
      while (j < n && j - i < 2 && (s[j] === ' ' || s[j] === '\u3000' || s[j] === '\u00a0')) j++;
      if (s[j] === '%' || vocab.magnitudes.has(s[j]) || unitAt(s, j, vocab)) i = j;
    }
    let scale = 1;
    let approxSuffix = '';
    // 余/多 before the magnitude or the unit: 2.6万余件, 1000余人, 1261余万元, 10多个
    const more1 = matchAt(s, i, vocab.suffixes, vocab.suffixMaxLen);
    if (more1 === '余' || more1 === '多') {
      approxSuffix = more1;
      i += 1;
    }
    const magnitude = vocab.magnitudes.get(s[i]);
    if (magnitude !== undefined && !moneyUnitAt(s, i, vocab)) {
      scale = magnitude;
      i++;
      const more2 = s[i] === '余' || s[i] === '多' ? s[i] : '';
      if (more2 && !approxSuffix) {
        approxSuffix = more2;
        i++;
      }
    }
    // a range: 3至5件, 3-5件, 3~5件
    let rangeTo: number | undefined;
    if ((s[i] === '至' || s[i] === '-' || s[i] === '~' || s[i] === '到') && isDigit(s[i + 1]) && !chinese) {
      let j = i + 1;
      while (j < n && isDigit(s[j]) && j - i < 16) j++;
      if (s[j] === '.' && isDigit(s[j + 1])) {
        j++;
        while (j < n && isDigit(s[j]) && j - i < 32) j++;
      }
      const to = Number(s.slice(i + 1, j));
      // only a range when a unit follows (2022-2035年 is not one)
      const u = unitAt(s, j, vocab);
      if (u && to > value) {
        rangeTo = to * scale;
        i = j;
      }
    }
    let kind: NumberKind = 'bare';
    let unit = '';
    if (percentWord) {
      kind = 'percent';
      unit = '%';
    } else if (s[i] === '%' || s[i] === '‰') {
      kind = 'percent';
      unit = s[i];
      i++;
    } else if (s.startsWith('个百分点', i)) {
      kind = 'points';
      unit = '个百分点';
      i += 4;
    } else if (s.startsWith('百分点', i)) {
      kind = 'points';
      unit = '百分点';
      i += 3;
    } else if (s[i] === '倍') {
      kind = 'multiple';
      unit = '倍';
      i++;
    } else {
      const u = unitAt(s, i, vocab);
      if (u) {
        kind = 'count';
        unit = u;
        scale *= vocab.moneyUnits.get(u) ?? 1;
        i += u.length;
      }
    }
    if (chinese && kind === 'bare') continue;
    if (kind === 'count' && !approxSuffix) {
      const suf = matchAt(s, i, vocab.suffixes, vocab.suffixMaxLen);
      if (suf && suf !== '余' && suf !== '多') {
        approxSuffix = suf;
        i += suf.length;
      }
    } else if ((kind === 'percent' || kind === 'multiple' || kind === 'points') && !approxSuffix) {
      const suf = matchAt(s, i, vocab.suffixes, vocab.suffixMaxLen);
      if (suf === '以上' || suf === '左右' || suf === '以下' || suf === '以内' || suf === '上下') {
        approxSuffix = suf;
        i += suf.length;
      }
    }
    const approxPrefix = percentWord ? '' : matchBefore(s, start, vocab.prefixes, vocab.prefixMaxLen);
    if (approxPrefix) start -= approxPrefix.length;
    out.push({
      start,
      end: i,
      numStart: percentWord ? numStart - 3 : numStart,
      numEnd,
      value: value * scale,
      rangeTo,
      decimals,
      scale,
      kind,
      unit,
      approxPrefix: approxPrefix || undefined,
      approxSuffix: approxSuffix || undefined,
      chinese,
    });
  }
  return out;
}

/** A money unit of more than one character at i (万元, 亿元), or ''. */
function moneyUnitAt(s: string, i: number, vocab: ScanVocabulary): string {
  for (const u of vocab.moneyUnits.keys()) if (u.length > 1 && s.startsWith(u, i)) return u;
  return '';
}

function unitAt(s: string, i: number, vocab: ScanVocabulary): string {
  return moneyUnitAt(s, i, vocab) || matchAt(s, i, vocab.units, vocab.unitMaxLen);
}

/** Round half up at `decimals` places, as a printed number (no binary noise: 99.535 → "99.5" at 1 place is fine). */
export function formatFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return String(x);
  const f = 10 ** decimals;
  const r = Math.round(x * f + 1e-9) / f;
  return r.toFixed(decimals);
}

/** A number for a message: integers plainly, others with at most `maxDecimals` places and no trailing zeros. */
export function formatPlain(x: number, maxDecimals = 4): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : String(x);
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toFixed(maxDecimals)));
}
