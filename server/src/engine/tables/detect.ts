// Finds the tables of a report (see model.ts for the four forms). One pass classifies every line; a second groups
// consecutive lines of one form. Rows of pipe and tab tables are explicit; the rows of a flattened table (one line
// or one cell per line) are recovered from its header: the header's width n is the number of text cells before the
// first number (or one less, when the last of them is the first row's label), and the cells that follow must fall
// into rows of n whose text cells (the row labels) come first and whose other cells are numbers or blanks.
//
// What is not a table: a line of prose (a cell with 。 or a line over 40 characters in the one-cell-per-line form),
// page chrome ("简体 | 繁体": no number), a run of short lines whose numbers do not fall into rows.
// Every step is a linear scan; the row search tries at most eight header widths per block of text cells and stops at
// the first row that breaks the pattern, so no input makes it quadratic.
import type { ReportDocument } from '../document';
import type { Range } from '../types';
import { headerUnit, readCell } from './cells';
import type { Cell, Column, Row, Table, TableFormat } from './model';

const MAX_CELL_LINE = 40;
/** Work counter (lines classified, cells compared): lets a test check growth without timing anything. */
let steps = 0;
const MAX_CAPTIONS = 3;
const MAX_WIDTH = 30;
const LONE_TOTAL = /^(合\s*计|总\s*计|小\s*计|总\s*数|共\s*计)/;

type LineKind = 'blank' | 'space' | 'pipe' | 'pipesep' | 'tab' | 'spaced' | 'cell' | 'prose';

interface RawCell {
  text: string;
  line: number;
  start: number;
  end: number;
}

interface LineClass {
  kind: LineKind;
  cells?: RawCell[];
}

function rng(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Splits `s` (one line, positions from `base`) on `sep`, trimming each piece; offsets are the trimmed piece's. */
function split(s: string, sep: string, line: number, base: number): RawCell[] {
  const out: RawCell[] = [];
  let from = 0;
  for (;;) {
    const at = s.indexOf(sep, from);
    const end = at < 0 ? s.length : at;
    let a = from;
    let b = end;
    while (a < b && /\s/.test(s[a])) a++;
    while (b > a && /\s/.test(s[b - 1])) b--;
    out.push({ text: s.slice(a, b), line, start: base + a, end: base + b });
    if (at < 0) break;
    from = at + sep.length;
  }
  return out;
}

const SEPARATOR_ROW = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

function classify(norm: string, line: number): LineClass {
  steps += 1 + (norm.length >> 6);
  let a = 0;
  let b = norm.length;
  while (a < b && /\s/.test(norm[a])) a++;
  while (b > a && /\s/.test(norm[b - 1])) b--;
  if (a === b) return { kind: norm.length ? 'space' : 'blank' };
  // a sentence end makes a line prose in every form (checked first: a 5 MB line is never split into cells)
  if (norm.indexOf('。', a) >= 0) return { kind: 'prose' };
  const t = norm.slice(a, b);
  if (t.includes('|')) {
    if (/^\|+$/.test(t)) return { kind: 'pipesep' };
    if (SEPARATOR_ROW.test(t)) return { kind: 'pipesep' };
    let s = a;
    let e = b;
    if (norm[s] === '|') s++;
    if (norm[e - 1] === '|' && e - 1 >= s) e--;
    const cells = split(norm.slice(s, e), '|', line, s);
    if (cells.some((c) => c.text.includes('。'))) return { kind: 'prose' };
    if (cells.length >= 2) return { kind: 'pipe', cells };
    // "规章 |": one cell per line, each closed by a pipe
    if (cells[0].text.length <= MAX_CELL_LINE) return { kind: 'cell', cells };
    return { kind: 'prose' };
  }
  if (t.includes('\t')) {
    const cells = split(t, '\t', line, a);
    if (cells.length >= 2 && !cells.some((c) => c.text.includes('。'))) return { kind: 'tab', cells };
  }
  const spaced = spacedCells(t, line, a);
  if (spaced) return { kind: 'spaced', cells: spaced };
  if (t.length > MAX_CELL_LINE || t.includes('。') || /[:：]$/.test(t)) return { kind: 'prose' };
  return { kind: 'cell', cells: [{ text: t, line, start: a, end: b }] };
}

/** What sets the cells of a spaced row apart: two or more spaces (a full-width space is folded to one). */
const CELL_GAP = /[ \u00a0]{2,}/g;
/** Punctuation of prose: a piece holding one is a clause, not a cell. */
const CLAUSE_MARK = /[，,；;：:]/;

/** The cells of a spaced row ("2022年   34   58   491"): three or more short pieces, none a clause; else null. */
function spacedCells(t: string, line: number, base: number): RawCell[] | null {
  CELL_GAP.lastIndex = 0;
  if (!CELL_GAP.test(t)) return null;
  const out: RawCell[] = [];
  let from = 0;
  CELL_GAP.lastIndex = 0;
  for (let m = CELL_GAP.exec(t); ; m = CELL_GAP.exec(t)) {
    const end = m ? m.index : t.length;
    const text = t.slice(from, end);
    if (text.length > MAX_CELL_LINE || CLAUSE_MARK.test(text)) return null;
    out.push({ text, line, start: base + from, end: base + end });
    if (!m) break;
    from = m.index + m[0].length;
  }
  return out.length >= 3 ? out : null;
}

const numeric = (c: Cell) => c.kind === 'count' || c.kind === 'percent';

/** A cell read from the width-normalised text, its text as the user wrote it (same offsets). */
function toCell(r: RawCell, doc: ReportDocument): Cell {
  const cell = readCell(r.text, rng(r.line, r.start, r.end));
  cell.text = doc.lines[r.line].text.slice(r.start, r.end);
  return cell;
}

function emptyCellAfter(c: Cell): Cell {
  return { text: '', kind: 'empty', range: rng(c.range.end.line, c.range.end.character, c.range.end.character) };
}

/** A leading line a flattened table may carry before its header: 表一, a caption, a unit note. */
function isCaption(c: Cell): boolean {
  if (c.kind !== 'text' || HEADING_LIKE.test(c.text)) return false;
  return c.text.length >= 5 || /表|单位|情况|统计|数量|条|项/.test(c.text);
}

/** A numbered heading (二、主动公开政府信息情况) stays a heading, even right above a table. */
const HEADING_LIKE = /^([一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.](?!\d)|#)/;

/** Columns' labels and units from header rows (a caption row, with only its first cell filled, names no column). */
function buildColumns(header: Cell[][], rows: Row[], width: number): Column[] {
  // a header row names the columns only when it has about as many cells as the rows have filled columns: a row of
  // merged cells spanning several columns (申请人情况 | 自然人 | 法人或其他组织 …) would put labels over the wrong data
  let filled = 0;
  for (let j = 0; j < width; j++) if (rows.some((r) => r.cells[j] && r.cells[j].kind !== 'empty')) filled++;
  const labelRows = header.filter((h) => {
    const n = h.filter((c) => c.text.trim()).length;
    return n >= 2 && n >= filled - 1;
  });
  const columns: Column[] = [];
  for (let j = 0; j < width; j++) {
    let label = '';
    for (let k = labelRows.length - 1; k >= 0 && !label; k--) label = labelRows[k][j]?.text ?? '';
    let unit = headerUnit(label);
    if (!unit) {
      for (const r of rows) {
        const c = r.cells[j];
        if (c && numeric(c) && c.unit) {
          unit = c.unit;
          break;
        }
      }
    }
    columns.push(unit ? { label, unit } : { label });
  }
  // a caption's unit ("行政许可实施数量（宗）") applies to columns that name none
  const captionUnit = header
    .filter((h) => h.filter((c) => c.text).length === 1)
    .map((h) => headerUnit(h[0].text))
    .find((u) => u);
  if (captionUnit) for (const c of columns) if (!c.unit && c.label) c.unit = captionUnit;
  return columns;
}

const isYear = (c: Cell) => c.kind === 'count' && !c.unit && !c.decimals && !c.signed && c.value! >= 1990 && c.value! <= 2100;

function labelColumnOf(rows: Row[], width: number, header: Cell[][]): number {
  // rows named by years (2023 / 2024 / 合计, or under a 年度 header) are labelled by their first column
  const first = rows.map((r) => r.cells[0]).filter((c) => c && numeric(c));
  if (first.length >= 2 && first.every(isYear) && (rows.some((r) => r.cells[0]?.kind === 'text') || header.some((h) => /年/.test(h[0]?.text ?? '')))) {
    return 0;
  }
  for (let j = 0; j < width; j++) {
    let text = 0;
    let num = 0;
    for (const r of rows) {
      const c = r.cells[j];
      if (!c) continue;
      if (c.kind === 'text') text++;
      else if (numeric(c)) num++;
    }
    if (text > 0 && num === 0) return j;
  }
  return -1;
}

function makeTable(format: TableFormat, header: Cell[][], body: Cell[][], startLine: number, endLine: number): Table | null {
  steps += body.length + header.length;
  const width = Math.max(...header.map((h) => h.length), ...body.map((b) => b.length));
  if (width < 2 || body.length === 0) return null;
  const rows: Row[] = body.map((cells) => {
    const padded = cells.slice();
    while (padded.length < width) padded.push(emptyCellAfter(padded[padded.length - 1]));
    return { label: '', cells: padded };
  });
  if (!rows.some((r) => r.cells.some(numeric))) return null;
  const labelColumn = labelColumnOf(rows, width, header);
  if (labelColumn >= 0) for (const r of rows) r.label = r.cells[labelColumn].text;
  const columns = buildColumns(header, rows, width);
  const table: Table = { format, startLine, endLine, labelColumn, columns, rows };
  if (header.length) table.header = header.map((h) => h.map((c) => c.text));
  return table;
}

/** Tables of explicit rows (pipe or tab lines): header rows are rows without a number; a row without a number after
 *  numbered rows starts the next table (the statutory 信息公开 tables stack several under one another). */
function fromRows(format: TableFormat, lines: { line: number; cells: Cell[] }[], out: Table[]): void {
  let header: { line: number; cells: Cell[] }[] = [];
  let body: { line: number; cells: Cell[] }[] = [];
  const flush = () => {
    if (body.length) {
      const first = header.length ? header[0].line : body[0].line;
      const t = makeTable(format, header.map((h) => h.cells), body.map((b) => b.cells), first, body[body.length - 1].line);
      if (t) out.push(t);
    }
    header = [];
    body = [];
  };
  for (const l of lines) {
    if (l.cells.every((c) => c.kind === 'empty')) continue;
    // a header of years ("| 单位 | 2024 | 2025 |") above the rows names columns; it holds no counts
    if (!body.length && isYearHeader(l.cells)) {
      header.push(l);
      continue;
    }
    const hasNumber = l.cells.some((c, j) => j > 0 && numeric(c)) || (l.cells.length > 1 && numeric(l.cells[0]) && l.cells.some((c, j) => j > 0 && c.kind === 'text'));
    if (hasNumber) body.push(l);
    else {
      if (body.length) flush();
      header.push(l);
    }
  }
  flush();
}

/**
 * The lines of a spaced table, when they make one: at least two rows with numbers, all of one width (a blank cell
 * leaves no trace between spaces, so rows of another width cannot be aligned); a header row of that width, or of
 * one more when its first two cells are the corner cell of a diagonal header ("类型  年度", merged back into one).
 * Other header rows are dropped.
 */
function spacedRows(lines: { line: number; cells: Cell[] }[]): { line: number; cells: Cell[] }[] | null {
  const hasNumber = (cells: Cell[]) => cells.some(numeric);
  const body = lines.filter((l) => hasNumber(l.cells));
  if (body.length < 2) return null;
  const width = body[0].cells.length;
  if (body.some((l) => l.cells.length !== width)) return null;
  const out: { line: number; cells: Cell[] }[] = [];
  for (const l of lines) {
    if (hasNumber(l.cells)) out.push(l);
    else if (l.cells.length === width) out.push(l);
    else if (l.cells.length === width + 1 && l.cells[0].kind === 'text' && l.cells[1].kind === 'text') {
      const [a, b] = l.cells;
      const corner: Cell = { text: `${a.text}/${b.text}`, kind: 'text', range: { start: a.range.start, end: b.range.end } };
      out.push({ line: l.line, cells: [corner, ...l.cells.slice(2)] });
    }
  }
  return out;
}

function isYearHeader(cells: Cell[]): boolean {
  const nums = cells.filter(numeric);
  return nums.length >= 1 && nums.every(isYear) && cells.some((c) => c.kind === 'text');
}

type Pattern = ('T' | 'N')[];

function patternOf(cells: Cell[], from: number, n: number): Pattern | null {
  if (from + n > cells.length) return null;
  const p: Pattern = [];
  steps += n;
  for (let j = 0; j < n; j++) p.push(cells[from + j].kind === 'text' ? 'T' : 'N');
  return p;
}

/** Row labels first (after an optional 序号 number), then numbers or blanks, at least one a number. */
function validPattern(p: Pattern, cells: Cell[], from: number): boolean {
  let j = 0;
  if (p[0] === 'N' && p[1] === 'T') j = 1;
  while (j < p.length && p[j] === 'T') j++;
  if (j === p.length) return false;
  for (let k = j; k < p.length; k++) if (p[k] === 'T') return false;
  for (let k = j; k < p.length; k++) if (numeric(cells[from + k])) return true;
  return false;
}

function matches(cells: Cell[], from: number, p: Pattern): boolean {
  if (from + p.length > cells.length) return false;
  steps += p.length;
  for (let j = 0; j < p.length; j++) if ((cells[from + j].kind === 'text') !== (p[j] === 'T')) return false;
  return true;
}

/** Tables of a flattened cell sequence (one line of " | " cells, or one cell per line). */
function fromSequence(format: TableFormat, cells: Cell[], out: Table[]): void {
  // textRun[i]: how many text cells follow from i (so that trying each start in a block of text stays linear)
  const textRun = new Array<number>(cells.length + 1).fill(0);
  for (let i = cells.length - 1; i >= 0; i--) textRun[i] = cells[i].kind === 'text' ? textRun[i + 1] + 1 : 0;
  const window = MAX_WIDTH + MAX_CAPTIONS + 1;
  let pos = 0;
  while (pos < cells.length) {
    if (cells[pos].kind !== 'text') {
      pos++;
      continue;
    }
    const h = textRun[pos];
    if (h > window) {
      // a header is at most MAX_WIDTH cells after at most MAX_CAPTIONS captions: skip the text before that
      pos += h - window;
      continue;
    }
    let best: { s: number; n: number; k: number } | null = null;
    for (let s = 0; s <= MAX_CAPTIONS && s < h; s++) {
      if (s > 0 && !isCaption(cells[pos + s - 1])) break;
      for (const n of [h - s, h - s - 1]) {
        if (n < 2 || n > MAX_WIDTH) continue;
        const bodyStart = pos + s + n;
        const p = patternOf(cells, bodyStart, n);
        if (!p || !validPattern(p, cells, bodyStart)) continue;
        // a text cell naming a unit ("罚没金额（万元）") is a column header, not the first row's label
        if (n === h - s - 1 && headerUnit(cells[bodyStart].text)) continue;
        let k = 1;
        while (matches(cells, bodyStart + k * n, p)) k++;
        const next = bodyStart + k * n;
        if (k === 1 && next < cells.length && !(p.includes('T') && cells[next].kind === 'text')) continue;
        // a lone 合计 row under a header is a header broken over lines plus its total, not a table of one row
        if (k === 1 && p[0] === 'T' && LONE_TOTAL.test(cells[bodyStart].text.trim())) continue;
        // numbered headings over a line or two of bare numbers are an outline, not a one-row table
        if (k === 1 && cells.slice(pos + s, bodyStart).some((c) => HEADING_LIKE.test(c.text.trim()))) continue;
        if (!best || k > best.k) best = { s, n, k };
      }
    }
    if (!best) {
      // the header may start further on, after a heading or a caption line; never inside a header whose cells a
      // web copy broke over several lines ("没收违法" / "所得、没收"): those cells do not fall into rows
      pos += HEADING_LIKE.test(cells[pos].text) || isCaption(cells[pos]) ? 1 : h;
      continue;
    }
    const headerStart = pos + best.s;
    const bodyStart = headerStart + best.n;
    const header: Cell[][] = [];
    for (let j = pos; j < headerStart; j++) header.push([cells[j]]);
    header.push(cells.slice(headerStart, bodyStart));
    const body: Cell[][] = [];
    for (let r = 0; r < best.k; r++) body.push(cells.slice(bodyStart + r * best.n, bodyStart + (r + 1) * best.n));
    const end = bodyStart + best.k * best.n;
    const t = makeTable(format, header, body, cells[pos].range.start.line, cells[end - 1].range.start.line);
    if (t) out.push(t);
    pos = end;
  }
}

export function detectTables(doc: ReportDocument): Table[] {
  const classes = doc.lines.map((l) => classify(l.norm, l.index));
  const out: Table[] = [];
  const n = classes.length;
  /** Line `k`'s cells as a row, and the rows of lines i to j (exclusive). */
  const rowAt = (k: number) => ({ line: k, cells: classes[k].cells!.map((r) => toCell(r, doc)) });
  const rowsFrom = (i: number, j: number) => Array.from({ length: j - i }, (_, k) => rowAt(i + k));
  let i = 0;
  while (i < n) {
    const c = classes[i];
    if (c.kind === 'pipe') {
      const lines: { line: number; cells: Cell[] }[] = [];
      let j = i;
      // a whitespace-only line inside the rows is a masked suppression comment (<!-- fazhi-report-disable-next-line -->)
      const inside = (k: number) =>
        classes[k].kind === 'pipesep' || (classes[k].kind === 'space' && k + 1 < n && classes[k + 1].kind === 'pipe');
      while (j < n && (classes[j].kind === 'pipe' || (j > i && inside(j)))) {
        if (classes[j].kind === 'pipe') lines.push(rowAt(j));
        j++;
      }
      if (lines.length === 1) fromSequence('inline', lines[0].cells, out);
      else fromRows('pipe', lines, out);
      i = j;
    } else if (c.kind === 'tab') {
      let j = i + 1;
      const width = c.cells!.length;
      while (j < n && classes[j].kind === 'tab' && classes[j].cells!.length === width) j++;
      if (j - i >= 2) fromRows('tab', rowsFrom(i, j), out);
      i = j;
    } else if (c.kind === 'spaced') {
      let j = i;
      while (j < n && classes[j].kind === 'spaced') j++;
      const rows = spacedRows(rowsFrom(i, j));
      if (rows) fromRows('spaced', rows, out);
      i = j;
    } else if (c.kind === 'cell') {
      // one cell per line: cells separated by blank lines, lone pipes, or nothing; whitespace-only lines are blank cells
      const cells: Cell[] = [];
      let j = i;
      let blanks = 0;
      while (j < n) {
        const k = classes[j].kind;
        if (k === 'cell') cells.push(toCell(classes[j].cells![0], doc));
        else if (k === 'space') cells.push({ text: '', kind: 'empty', range: rng(j, 0, doc.lines[j].text.length) });
        else if (k !== 'blank' && k !== 'pipesep') break;
        blanks = k === 'blank' ? blanks + 1 : 0;
        if (blanks >= 3) break;
        j++;
      }
      while (cells.length && cells[cells.length - 1].kind === 'empty') cells.pop();
      if (cells.length >= 4) fromSequence('cells', cells, out);
      i = j;
    } else i++;
  }
  return out;
}

/** detectTables with its work counted (lines classified, cells compared, rows built), for growth tests. */
export function detectionSteps(doc: ReportDocument): number {
  steps = 0;
  detectTables(doc);
  return steps;
}
