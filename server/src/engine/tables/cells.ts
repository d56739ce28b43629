// What one table cell says: a count ("62", "62件", "1,234", "11817.5"), a percentage ("35.6%", "-30.0%"), nothing
// ("", " ", "-", "—", "/"), or text. Hand-written scanner: no regular expression runs on a cell longer than a label.
import figuresVocab from '../../../data/figures.json';
import type { Range } from '../types';
import type { Cell, CellKind } from './model';

const UNITS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(figuresVocab.units).filter(([k]) => !k.startsWith('$'))),
  万元: 'money',
  亿元: 'money',
};
const MAX_UNIT = 4;
const EMPTY = new Set(['', '-', '—', '——', '–', '/', '／', '\\', '无', '—/—', '--', '…']);

/** The unit family of a measure word (件/宗/起 → item, 万元 → money), undefined when it is not one. */
export function unitFamily(unit: string | undefined): string | undefined {
  if (!unit) return undefined;
  if (unit === '%') return 'percent';
  return UNITS[unit];
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Parses a cell's (width-normalised, trimmed) text. */
export function readCell(text: string, range: Range): Cell {
  const t = text.trim();
  if (EMPTY.has(t)) return { text: t, kind: 'empty', range };
  let i = 0;
  let signed = false;
  let negative = false;
  if (t[0] === '-' || t[0] === '+' || t[0] === '−') {
    signed = true;
    negative = t[0] !== '+';
    i = 1;
  }
  const start = i;
  let digits = '';
  let decimals = 0;
  let seenDot = false;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isDigitCode(c)) {
      digits += t[i];
      if (seenDot) decimals++;
    } else if (t[i] === '.' && !seenDot && i > start && i + 1 < t.length && isDigitCode(t.charCodeAt(i + 1))) {
      seenDot = true;
      digits += '.';
    } else if (t[i] === ',' && !seenDot && i > start && /^\d{3}(\D|$)/.test(t.slice(i + 1, i + 5))) {
      // thousands separator
    } else break;
  }
  if (!digits || digits === '.') return { text: t, kind: 'text', range };
  let rest = t.slice(i).trim();
  let value = Number(digits) * (negative ? -1 : 1);
  let kind: CellKind = 'count';
  let unit: string | undefined;
  if (rest === '%' || rest === '％') {
    kind = 'percent';
    unit = '%';
    rest = '';
  } else if (rest) {
    if (rest.length > MAX_UNIT) return { text: t, kind: 'text', range };
    if (rest.startsWith('万') && rest !== '万元') {
      value *= 10000;
      rest = rest.slice(1);
    }
    if (rest && !UNITS[rest]) return { text: t, kind: 'text', range };
    unit = rest || undefined;
  }
  if (kind === 'count' && signed && negative && !unit) {
    // "-5" in a change column: a signed count
  }
  return { text: t, kind, value, decimals, unit, signed: signed || undefined, range };
}

const PAREN_UNIT = /[(（]\s*(?:单位\s*[:：]\s*)?([^()（）]{1,6}?)\s*[)）]\s*$/;

/** The unit a header label names ("数量（件）" → 件, "占比(%)" → %, "罚没金额(万元)" → 万元). */
export function headerUnit(label: string): string | undefined {
  const m = PAREN_UNIT.exec(label);
  if (m) {
    const u = m[1].trim();
    if (u === '%' || u === '％' || u === '百分比') return '%';
    if (UNITS[u]) return u;
  }
  if (/[%％]\s*$/.test(label)) return '%';
  return undefined;
}
