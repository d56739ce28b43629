// Word's automatic numbering (word/numbering.xml): what number a paragraph shows, as Word draws it. A paragraph
// names a list instance (w:numId) and a level (w:ilvl); the instance points at an abstract definition whose levels
// give the start value, the number format (decimal, chineseCounting 一二三, ideographTraditional 甲乙丙…) and the
// text around it ("%1、", "（%1）", "%1.%2"). As in Word, list instances of one abstract definition share their
// counters (the numbering goes on from one to the next) unless an instance restarts a level (w:startOverride, what
// Word's "Restart at 1" writes); a number at one level restarts the deeper levels.

export interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** w:isLgl: every %n of this level shown as a decimal (legal numbering 1.1.1). */
  legal: boolean;
  /** What follows the number: a tab (Word's default), a space or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
}

export interface ListInstance {
  /** The abstract definition: instances of one share their counters. */
  abstractId: string;
  /** The levels, with the instance's overrides applied. */
  levels: Level[];
  /** Levels the instance restarts (w:startOverride) when it is first used. */
  restarts: number[];
}

export interface NumberingDefinitions {
  /** numId → its list instance. */
  instances: Map<string, ListInstance>;
}

const DIGITS = '〇一二三四五六七八九';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (the way Chinese headings count). */
export function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    const head = DIGITS[Math.floor(n / 100)] + '百';
    if (rest === 0) return head;
    return head + (rest < 10 ? '零' + DIGITS[rest] : rest < 20 ? '一' + chineseCounting(rest) : chineseCounting(rest));
  }
  return String(n);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let s = '';
  for (const [v, r] of table) while (n >= v) (s += r), (n -= v);
  return s;
}

function letter(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: 27 → AA, 28 → BB
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One number in one of Word's formats (ST_NumberFormat); unknown formats fall back to decimal. */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
    case 'ideographDigital':
      return numFmt === 'chineseLegalSimplified' ? chineseCounting(n).replace(/./g, (c) => LEGAL[c] ?? c) : chineseCounting(n);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return DIZHI[(n - 1) % 12] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

const LEGAL: Record<string, string> = {
  一: '壹', 二: '贰', 三: '叁', 四: '肆', 五: '伍', 六: '陆', 七: '柒', 八: '捌', 九: '玖', 十: '拾', 百: '佰', 〇: '零',
};

/** Counters of every list instance, advanced paragraph by paragraph in document order. */
export class NumberingState {
  private readonly counters = new Map<string, number[]>();
  private readonly used = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /**
   * The number drawn before a paragraph of list `numId` at level `ilvl`, with what follows it, or null when the
   * list or level is not defined, numbering is switched off (numId 0), or the level is a bullet.
   */
  next(numId: string, ilvl: number): string | null {
    if (numId === '0') return null;
    const instance = this.defs.instances.get(numId);
    const levels = instance?.levels;
    const level = levels?.[ilvl];
    if (!instance || !levels || !level) return null;
    let c = this.counters.get(instance.abstractId);
    if (!c) {
      c = levels.map((l) => l.start - 1);
      this.counters.set(instance.abstractId, c);
    }
    if (!this.used.has(numId)) {
      this.used.add(numId);
      for (const r of instance.restarts) c[r] = levels[r].start - 1;
    }
    c[ilvl] = (c[ilvl] ?? level.start - 1) + 1;
    // a number at this level restarts every deeper level
    for (let d = ilvl + 1; d < levels.length; d++) c[d] = levels[d].start - 1;
    if (level.numFmt === 'bullet') return null;
    const text = level.lvlText.replace(/%([1-9])/g, (_m, k: string) => {
      const i = Number(k) - 1;
      const l = levels[i];
      if (!l) return '';
      // a higher level not yet used shows its start value, as Word does
      const value = i === ilvl ? c![i] : Math.max(c![i], l.start);
      return formatNumber(value, level.legal && i !== ilvl ? 'decimal' : level.legal ? 'decimal' : l.numFmt);
    });
    if (!text) return null;
    return text + separator(text, level.suffix);
  }
}

/**
 * What follows the number in the text: Word draws a tab or a space; "一、" and "（一）" already end in punctuation,
 * so nothing is added there (the same text a drafter types), and one space after "1" or "第一章".
 */
function separator(text: string, suffix: Level['suffix']): string {
  if (suffix === 'nothing') return '';
  return /[、，,.．:：)）\]】」』]$/.test(text) ? '' : ' ';
}
