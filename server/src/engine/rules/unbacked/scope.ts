// Where the counts behind a percentage may stand: its sentence, its paragraph (a line), the paragraph before or
// after when one continues the other, and the table the figure sits in or beside (pipe tables, tab-separated rows,
// flattened tables with one cell per line). Every number there counts, with or without a measure word
// ("受理 120，办结 118"), in parentheses or in a cell.
//
// Cost: each line is scanned once (cached); a figure reads at most NEAR numbers around it and FAR numbers of its
// scope, so the whole check is linear in the document length.
import type { ReportDocument } from '../../document';
import type { Outline } from '../../outline/outline';
import { readLine } from '../../figures/extract';
import data from '../../../../data/unbacked.json';

export interface Num {
  value: number;
  line: number;
  /** Offset of the number in its line. */
  at: number;
  /** Labelled as a total (共/合计/累计 … just before it, or on a 合计 row). */
  total: boolean;
}

/** At most this many numbers of the scope are read per figure. */
export const FAR = 160;
/** A table block is at most this many lines (a longer run of short lines is read in windows). */
const TABLE_MAX = 80;

const TOTAL_WORDS: string[] = [...data.totalWords.words].sort((a, b) => b.length - a.length);
const CONTINUATION = data.continuationStarts.patterns.map((p) => new RegExp(p));
const SENTENCE_FINAL = /[。！？!?；;…”"）)】]$/;
const CAPTION = /^(?:表|附表)[一二三四五六七八九十\d]*|统计表|情况表/;
const NOT_METRIC_AFTER = /^(?:年|月|日|号|时|点|岁|届|版|周年|热线|个?工作日以内?)/;

export class Scope {
  private numbers = new Map<number, Num[]>();
  private info = new Map<number, { blank: boolean; head: string; final: boolean; colon: boolean }>();
  private paragraphs = new Map<number, { start: number; end: number }>();
  private tableOf = new Map<number, { start: number; end: number } | null>();
  readonly headingLines = new Set<number>();

  constructor(private doc: ReportDocument, outline: Outline) {
    for (const n of outline.nodes) if (n.kind !== 'implicit') this.headingLines.add(n.selectionRange.start.line);
  }

  /** The numbers of a line that can be counts: not years, dates, document numbers or codes. Cached. */
  lineNumbers(line: number): Num[] {
    let list = this.numbers.get(line);
    if (list) return list;
    list = [];
    const s = this.doc.lines[line].norm;
    const { tokens, mask } = readLine(this.doc.lines[line]);
    const rowTotal = /^\s*\|?\s*(?:合计|总计|小计|总数|共计)/.test(s.slice(0, 12));
    for (const tok of tokens) {
      // percentages, 个百分点 and 倍 are what is backed, not counts (Chinese numerals come only with a unit)
      if (tok.kind !== 'count' && tok.kind !== 'bare') continue;
      if (mask && mask.covers(tok.numStart)) continue;
      const before = s[tok.numStart - 1];
      if (before === '第' || before === '/' || before === '〔' || isAsciiLetter(before)) continue;
      // a ratio written 3.78:1, and bare decimals (2.15, an index), are not counts
      if (s[tok.numEnd] === ':' || before === ':' || s[tok.numEnd] === '：' || before === '：') continue;
      if (tok.kind === 'bare') {
        if (tok.decimals > 0) continue;
        const after = s.slice(tok.end, tok.end + 6);
        if (NOT_METRIC_AFTER.test(after) || isAsciiLetter(after[0]) || after[0] === '+') continue;
        if (tok.value >= 1900 && tok.value <= 2100 && /^\s*(?:年|-|—|–)/.test(after)) continue;
      }
      list.push({ value: tok.value, line, at: tok.numStart, total: rowTotal || totalBefore(s, tok.numStart) });
    }
    this.numbers.set(line, list);
    return list;
  }

  private isTableLine(line: number): boolean {
    const norm = this.doc.lines[line].norm;
    if (norm.length > 400) return false;
    const t = norm.trim();
    if (!t) return false;
    if (this.headingLines.has(line)) return false;
    if ((t.match(/\|/g)?.length ?? 0) >= 2 || (t.match(/\t/g)?.length ?? 0) >= 2) return true;
    return t.length <= 16 && !/[。，,；;]/.test(t);
  }

  /** The table (a run of at least three table-like lines, blank lines allowed inside) a line belongs to. */
  table(line: number): { start: number; end: number } | null {
    if (this.tableOf.has(line)) return this.tableOf.get(line)!;
    let result: { start: number; end: number } | null = null;
    if (this.isTableLine(line)) {
      let start = line;
      let end = line;
      const blank = (l: number) => this.lineInfo(l).blank;
      while (start > 0 && line - start < TABLE_MAX && (this.isTableLine(start - 1) || (blank(start - 1) && start > 1 && this.isTableLine(start - 2)))) start--;
      while (end < this.doc.lineCount - 1 && end - line < TABLE_MAX && (this.isTableLine(end + 1) || (blank(end + 1) && end + 2 < this.doc.lineCount && this.isTableLine(end + 2)))) end++;
      let cells = 0;
      for (let l = start; l <= end; l++) if (!blank(l)) cells++;
      const numbers = this.countNumbers(start, end);
      if (cells >= 3 && numbers >= 2) result = { start, end };
    }
    this.tableOf.set(line, result);
    return result;
  }

  private countNumbers(start: number, end: number): number {
    let n = 0;
    for (let l = start; l <= end && n < 2; l++) n += this.lineNumbers(l).length;
    return n;
  }

  /** What the paragraph logic needs of a line, read once (a line can be megabytes long). */
  private lineInfo(line: number): { blank: boolean; head: string; final: boolean; colon: boolean } {
    let i = this.info.get(line);
    if (!i) {
      const norm = this.doc.lines[line].norm;
      let a = 0;
      while (a < norm.length && /\s/.test(norm[a])) a++;
      let b = norm.length;
      while (b > a && /\s/.test(norm[b - 1])) b--;
      const tail = norm.slice(Math.max(a, b - 4), b);
      i = { blank: a >= b, head: norm.slice(a, Math.min(b, a + 40)), final: SENTENCE_FINAL.test(tail), colon: /[:：]$/.test(tail) };
      this.info.set(line, i);
    }
    return i;
  }

  private prevContent(line: number): number {
    for (let l = line - 1; l >= 0 && line - l <= 2; l--) if (!this.lineInfo(l).blank) return l;
    return -1;
  }

  private nextContent(line: number): number {
    for (let l = line + 1; l < this.doc.lineCount && l - line <= 2; l++) if (!this.lineInfo(l).blank) return l;
    return -1;
  }

  /** The lines of a figure's paragraph: its line, and the lines before/after it that continue it. */
  paragraph(line: number): { start: number; end: number } {
    const cached = this.paragraphs.get(line);
    if (cached) return cached;
    let start = line;
    let end = line;
    for (let guard = 0; guard < 4; guard++) {
      const p = this.prevContent(start);
      if (p < 0 || this.headingLines.has(p) || this.headingLines.has(start)) break;
      const prev = this.lineInfo(p);
      const cur = this.lineInfo(start);
      if (prev.final && !prev.colon && !CONTINUATION.some((r) => r.test(cur.head))) break;
      start = p;
    }
    for (let guard = 0; guard < 4; guard++) {
      const n = this.nextContent(end);
      if (n < 0 || this.headingLines.has(n)) break;
      if (this.lineInfo(end).final && !CONTINUATION.some((r) => r.test(this.lineInfo(n).head))) break;
      end = n;
    }
    const result = { start, end };
    this.paragraphs.set(line, result);
    return result;
  }

  /** The paragraph before a figure's paragraph in the same section (no heading between), if any. */
  previousParagraph(line: number): { start: number; end: number } | null {
    const para = this.paragraph(line);
    const before = this.prevContent(para.start);
    if (before < 0 || this.headingLines.has(before) || this.headingLines.has(para.start)) return null;
    return this.paragraph(before);
  }

  /**
   * The numbers a percentage on `line` may be computed from, nearest first: its paragraph, and the table it is in
   * or next to (within two lines).
   */
  scopeNumbers(line: number, at: number): Num[] {
    const lines = new Set<number>();
    const para = this.paragraph(line);
    for (let l = para.start; l <= para.end; l++) lines.add(l);
    const addTable = (t: { start: number; end: number } | null) => {
      if (t) for (let l = t.start; l <= t.end; l++) lines.add(l);
    };
    const own = this.table(line);
    addTable(own);
    if (own) {
      // the paragraph just before a table often states its totals
      const p = this.prevContent(own.start);
      if (p >= 0 && !this.headingLines.has(p)) lines.add(p);
    } else {
      const before = this.prevContent(para.start);
      let after = this.nextContent(para.end);
      // a caption (表一：…统计表) may stand between the paragraph and its table
      if (after >= 0 && !this.table(after) && CAPTION.test(this.lineInfo(after).head)) after = this.nextContent(after);
      if (after >= 0) addTable(this.table(after));
      if (before >= 0) {
        addTable(this.table(before));
        // the paragraph before, in the same section, often states the total a share is of
        if (!this.headingLines.has(before) && !this.headingLines.has(para.start)) {
          const prev = this.paragraph(before);
          for (let l = prev.start; l <= prev.end; l++) lines.add(l);
        }
      }
    }
    const all: Num[] = [];
    for (const l of [...lines].sort((a, b) => a - b)) {
      const list = this.lineNumbers(l);
      if (l === line) all.push(...window(list, at, FAR / 2));
      else if (l < line) all.push(...list.slice(-FAR / 20));
      else all.push(...list.slice(0, FAR / 20));
    }
    // nearest first (lines away, then characters away), capped
    const dist = (n: Num) => Math.abs(n.line - line) * 100000 + Math.abs(n.at - at);
    if (all.length > FAR) {
      all.sort((a, b) => dist(a) - dist(b));
      all.length = FAR;
    }
    return all;
  }
}

/** The `half` numbers before and after offset `at` of a line (numbers are in line order): binary search. */
export function window(list: Num[], at: number, half: number): Num[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at < at) lo = mid + 1;
    else hi = mid;
  }
  return list.slice(Math.max(0, lo - half), Math.min(list.length, lo + half));
}

const isAsciiLetter = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const TOTAL_FIRST = new Set(TOTAL_WORDS.map((w) => w.charCodeAt(0)));
const LABEL_STOP = new Set([...'，,；;。、:：'].map((c) => c.charCodeAt(0)));

/** Is the count at `at` named as a total (共/合计/累计 … in the 16 characters of its clause before it)? */
function totalBefore(s: string, at: number): boolean {
  let from = at;
  let candidate = false;
  while (from > 0 && at - from < 16 && !LABEL_STOP.has(s.charCodeAt(from - 1))) {
    from--;
    if (TOTAL_FIRST.has(s.charCodeAt(from))) candidate = true;
  }
  if (!candidate) return false;
  const label = s.slice(from, at);
  return TOTAL_WORDS.some((w) => label.includes(w));
}

