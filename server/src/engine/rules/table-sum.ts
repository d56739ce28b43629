// table-sum (表格合计与占比): the arithmetic of a table (server/src/engine/tables/), recomputed.
//
//   - a 合计/总计/小计 row against the rows above it (or below it, when it comes first), column by column;
//   - a 合计/总计 column against the count columns before it (or after it) in each row;
//   - a share column (占比/比例/比重) against a count column and its base (the 合计 row, else the column's sum),
//     rounded or truncated at the written precision; shares without counts must add up to 100% within the
//     rounding residue of their written digits (35.6 + 22.0 + … = 100.1 is residue, not an error);
//   - a change column (同比/增减) against the this-year and last-year columns (years or 本年/上年 in the headers);
//   - a table without a 合计 whose zero cells present it as a complete breakdown, against the total stated in the
//     line that introduces it ("新收案件120件，按类别分列如下：").
// It reports only when no plausible reading holds: blank cells may be zero or unknown, a 合计 may cover the rows
// above or below it, shares may be over another base common to every row. Error when the table states both sides
// (rows of a pipe or tab table, no blank cell involved); warning when a side is inferred (a flattened web table, a
// column sum standing in for the 合计, a total from the text).
import type { Rule, RuleContext, RuleReport } from '../rule';
import { num } from '../figures/arith';
import { formatFixed } from '../figures/numbers';
import { tablesOf, unitFamily, type Cell, type Row, type Table } from '../tables';
import figuresData from '../../../data/figures.json';

const CODE = 'table-sum';
const EPS = 1e-9;

// the words of rows and columns: figures.json "tables"
const W = figuresData.tables;
const TOTAL = new RegExp(W.totalRow);
const SUB_ROW = new RegExp(W.subRow);
const SHARE = new RegExp(W.share);
const CHANGE = new RegExp(W.change);
const PRIOR = new RegExp(W.prior);
const CURRENT = new RegExp(W.current);
const SEQUENCE = new RegExp(W.sequence);
const YEAR = /((?:19|20)\d{2})/;

type Role = 'count' | 'share' | 'change' | 'rate' | 'other';

interface ColumnInfo {
  index: number;
  label: string;
  role: Role;
  family: string;
  year?: number;
  prior: boolean;
  current: boolean;
  total: boolean;
}

function totalKind(label: string): 'sub' | 'total' | null {
  const m = TOTAL.exec(label.trim());
  if (!m) return null;
  return m[1].replace(/\s/g, '') === '小计' ? 'sub' : 'total';
}

const isNum = (c: Cell | undefined): c is Cell & { value: number } =>
  !!c && (c.kind === 'count' || c.kind === 'percent') && c.value !== undefined;

function classifyColumns(table: Table): ColumnInfo[] {
  const body = table.rows.filter((r) => !totalKind(r.label));
  return table.columns.map((col, j) => {
    const label = col.label;
    const info: ColumnInfo = {
      index: j,
      label,
      role: 'other',
      family: unitFamily(col.unit) ?? 'item',
      prior: PRIOR.test(label),
      current: CURRENT.test(label),
      total: totalKind(label) !== null,
    };
    const y = YEAR.exec(label);
    if (y) info.year = Number(y[1]);
    if (j === table.labelColumn) return info;
    const cells = (body.length ? body : table.rows).map((r) => r.cells[j]).filter((c) => c && c.kind !== 'empty');
    if (!cells.length) return info;
    if (col.unit !== '%' && cells.every((c) => c.kind === 'count')) {
      const sequence =
        SEQUENCE.test(label.trim()) ||
        (j < Math.max(0, table.labelColumn) && cells.length >= 2 && cells.every((c, k) => c.value === k + 1));
      if (sequence) return info;
      info.role = CHANGE.test(label) && !info.total ? 'change' : 'count';
    } else if (cells.every((c) => c.kind === 'percent' || (col.unit === '%' && c.kind === 'count'))) {
      if (CHANGE.test(label)) info.role = 'change';
      else if (SHARE.test(label)) info.role = 'share';
      else if (/率/.test(label)) info.role = 'rate';
      else info.role = 'share';
      info.family = 'percent';
    }
    return info;
  });
}

function tolerance(cells: Cell[]): number {
  if (cells.every((c) => !c.decimals)) return EPS;
  return cells.reduce((a, c) => a + (c.decimals ? 10 ** -c.decimals / 2 : 0), 0) + EPS;
}

/** Is `x` what the writer prints as `p` at its precision (rounded half up, or truncated)? */
function reproduces(x: number, written: number, decimals: number): boolean {
  const u = 10 ** -decimals;
  return Math.abs(x - written) <= u / 2 + EPS || (x >= written - EPS && x < written + u - EPS);
}

const pct = (x: number, decimals: number) => formatFixed(x, Math.max(decimals, 1));

interface Ctx {
  ctx: RuleContext;
  table: Table;
  cols: ColumnInfo[];
  explicit: boolean;
}

function related(cell: Cell, messageId: string, label: string): NonNullable<RuleReport['related']>[number] {
  return { range: cell.range, messageId, args: { label, text: cell.text } };
}

function colName(t: Ctx, j: number): string {
  return t.cols[j].label || `#${j + 1}`;
}

function rowName(r: Row, k: number): string {
  return r.label || `#${k + 1}`;
}

const LEVELS: [RegExp, number][] = [
  [/^[一二三四五六七八九十]{1,3}[、.]/, 1],
  [/^[(（][一二三四五六七八九十]{1,3}[)）]/, 2],
  [/^\d{1,2}[、.](?!\d)/, 3],
  [/^[(（]\d{1,2}[)）]/, 4],
];

function levelOf(label: string): number {
  const t = label.trim();
  for (const [re, level] of LEVELS) if (re.test(t)) return level;
  return 0;
}

/** The rows of the outermost numbering level, when the rows are numbered at more than one level. */
function topLevel(rows: Row[], reading: number[]): number[] | null {
  const levels = reading.map((i) => levelOf(rows[i].label));
  const numbered = levels.filter((l) => l > 0);
  if (numbered.length < 2) return null;
  const min = Math.min(...numbered);
  if (numbered.every((l) => l === min)) return null;
  return reading.filter((_, k) => levels[k] === min);
}

/** Totals rows against their rows, column by column. */
function checkTotalRows(t: Ctx): void {
  const { table } = t;
  const rows = table.rows;
  const countCols = t.cols.filter((c) => c.role === 'count' || c.role === 'share');
  let segmentStart = 0; // first row after the previous total of any kind
  let majorStart = 0; // first row after the previous 合计/总计
  for (let k = 0; k < rows.length; k++) {
    const kind = totalKind(rows[k].label);
    if (!kind) continue;
    const readings: number[][] = [];
    const plain = (from: number, to: number) => {
      const out: number[] = [];
      for (let i = from; i < to; i++) if (!totalKind(rows[i].label) && !SUB_ROW.test(rows[i].label.trim())) out.push(i);
      return out;
    };
    if (kind === 'sub') readings.push(plain(segmentStart, k));
    else {
      readings.push(plain(majorStart, k));
      const subs: number[] = [];
      for (let i = majorStart; i < k; i++) if (totalKind(rows[i].label) === 'sub') subs.push(i);
      if (subs.length) readings.push(subs);
    }
    if (readings[0].length === 0) {
      // the 合计 row comes first: it totals the rows below it, up to the next total
      let end = k + 1;
      while (end < rows.length && !totalKind(rows[end].label)) end++;
      readings[0] = plain(k + 1, end);
    }
    // rows numbered at two levels (一、… with （一）… under it): the top level alone is another reading
    const top = topLevel(rows, readings[0]);
    if (top) readings.push(top);
    for (const col of countCols) {
      const total = rows[k].cells[col.index];
      if (!isNum(total)) continue;
      if (col.role === 'share') continue; // shares are checked against 100% below
      checkSum(t, readings, (i) => rows[i].cells[col.index], total, (i) => rowName(rows[i], i), {
        messageId: 'table-sum.rowTotal',
        args: { column: colName(t, col.index), label: rows[k].label },
      });
    }
    segmentStart = k + 1;
    if (kind === 'total') majorStart = k + 1;
  }
}

/** 合计 columns against the count columns beside them, row by row. */
function checkTotalColumns(t: Ctx): void {
  const { table, cols } = t;
  for (const tc of cols) {
    if (!tc.total || tc.role !== 'count') continue;
    const same = (c: ColumnInfo) => c.role === 'count' && !c.total && c.family === tc.family;
    const left: number[] = [];
    for (let j = tc.index - 1; j >= 0 && j !== table.labelColumn; j--) {
      if (cols[j].total) break;
      if (same(cols[j])) left.unshift(j);
    }
    const right: number[] = [];
    for (let j = tc.index + 1; j < cols.length; j++) {
      if (cols[j].total || !same(cols[j])) break;
      right.push(j);
    }
    const readings = [left, right].filter((r) => r.length >= 2);
    if (!readings.length) continue;
    table.rows.forEach((row, k) => {
      const total = row.cells[tc.index];
      if (!isNum(total)) return;
      // the row's last count the sum of the others (1 | 0 | 0 | 0 | 0 | 11 | 12): its total stands last, whatever the
      // flattened header says (a group header, 法人或其他组织 over five columns, shifts the labels)
      if (lastIsSumOfOthers(row.cells.filter((c, j) => j !== table.labelColumn && isNum(c)) as (Cell & { value: number })[])) return;
      checkSum(t, readings, (j) => row.cells[j], total, (j) => colName(t, j), {
        messageId: 'table-sum.columnTotal',
        args: { row: rowName(row, k), column: tc.label },
      });
    });
  }
}

/** Three counts or more, the last of them the sum of the others. */
function lastIsSumOfOthers(cells: (Cell & { value: number })[]): boolean {
  if (cells.length < 3) return false;
  const last = cells[cells.length - 1];
  const sum = cells.slice(0, -1).reduce((a, c) => a + c.value, 0);
  return Math.abs(sum - last.value) <= tolerance(cells);
}

/** One total against one or more readings of its parts: reports when no reading adds up. */
function checkSum(
  t: Ctx,
  readings: number[][],
  cellOf: (i: number) => Cell | undefined,
  total: Cell & { value: number },
  nameOf: (i: number) => string,
  message: { messageId: string; args: Record<string, string> },
): void {
  let first: { parts: Cell[]; names: string[]; sum: number; blanks: number } | null = null;
  for (const reading of readings) {
    const parts: Cell[] = [];
    const names: string[] = [];
    let blanks = 0;
    let other = false;
    for (const i of reading) {
      const c = cellOf(i);
      if (!c || c.kind === 'empty') {
        blanks++;
        continue;
      }
      if (!isNum(c)) {
        other = true;
        break;
      }
      parts.push(c);
      names.push(nameOf(i));
    }
    if (other || parts.length === 0) return; // text in a part: not a sum this check can read
    const sum = parts.reduce((a, c) => a + c.value!, 0);
    const tol = tolerance([...parts, total]);
    if (Math.abs(sum - total.value) <= tol) return;
    if (sum < total.value && blanks > 0) return; // blank cells may hold what is missing
    if (!first) first = { parts, names, sum, blanks };
  }
  if (!first) return;
  const { parts, names, sum, blanks } = first;
  const exceeds = sum > total.value;
  const inferred = !(t.explicit && blanks === 0);
  t.ctx.report({
    messageId: message.messageId,
    args: {
      ...message.args,
      expr: parts.map((c) => num(c.value!)).join(' + '),
      sum: num(sum),
      total: num(total.value),
      relation: exceeds ? '>' : '<',
    },
    range: total.range,
    ...(inferred ? { variant: 'inferred' } : {}),
    related: [related(total, 'table-sum.related.total', ''), ...parts.map((c, i) => related(c, 'table-sum.related.part', names[i]))],
    data: { total: total.value, sum, parts: parts.map((c) => c.value) },
  });
}

/** The base of a count column: its 合计 row when the table has one, else the sum of its rows. */
function baseOf(t: Ctx, j: number): { value: number; cell?: Cell; stated: boolean } | null {
  const rows = t.table.rows;
  const totals = rows.filter((r) => totalKind(r.label) === 'total');
  if (totals.length === 1) {
    const c = totals[0].cells[j];
    if (isNum(c)) return { value: c.value, cell: c, stated: true };
    return null;
  }
  if (totals.length > 1 || rows.some((r) => totalKind(r.label))) return null;
  let sum = 0;
  for (const r of rows) {
    if (SUB_ROW.test(r.label.trim())) continue;
    const c = r.cells[j];
    if (isNum(c)) sum += c.value;
  }
  return sum > 0 ? { value: sum, stated: false } : null;
}

/** Share columns against their counts and base. */
function checkShares(t: Ctx): void {
  const { table, cols } = t;
  for (const sc of cols) {
    if (sc.role !== 'share') continue;
    const shareRows = table.rows
      .map((r, k) => ({ r, k, c: r.cells[sc.index] }))
      .filter((x) => isNum(x.c) && !totalKind(x.r.label));
    if (shareRows.length < 2) continue;
    const counts = cols.filter((c) => c.role === 'count' && !c.total);
    if (!counts.length) {
      checkShareSum(t, sc, shareRows.filter((x) => !SUB_ROW.test(x.r.label.trim())).map((x) => x.c as Cell & { value: number }));
      continue;
    }
    interface Candidate {
      col: ColumnInfo;
      base: { value: number; cell?: Cell; stated: boolean };
      failing: typeof shareRows;
      commonBase: boolean;
    }
    const candidates: Candidate[] = [];
    for (const cc of counts) {
      const base = baseOf(t, cc.index);
      if (!base) continue;
      const failing = shareRows.filter((x) => {
        const n = x.r.cells[cc.index];
        if (!isNum(n)) return false; // blank count: nothing to recompute
        return !reproduces((100 * n.value) / base.value, x.c.value!, x.c.decimals ?? 0);
      });
      candidates.push({ col: cc, base, failing, commonBase: failing.length > 0 && commonBaseExists(shareRows, cc.index) });
    }
    if (!candidates.length) continue;
    if (candidates.some((c) => c.failing.length === 0 || c.commonBase)) continue;
    candidates.sort(
      (a, b) => a.failing.length - b.failing.length || Math.abs(a.col.index - sc.index) - Math.abs(b.col.index - sc.index),
    );
    const best = candidates[0];
    // a column that fails on most rows is not the share's column: the shares are over something the table does not show
    if (best.failing.length * 2 > shareRows.length) continue;
    const inferred = !(t.explicit && best.base.stated && candidates.length === 1);
    for (const x of best.failing) {
      const n = x.r.cells[best.col.index] as Cell & { value: number };
      const share = x.c as Cell & { value: number };
      const exact = (100 * n.value) / best.base.value;
      t.ctx.report({
        messageId: 'table-sum.share',
        args: {
          row: rowName(x.r, x.k),
          column: sc.label || colName(t, sc.index),
          share: share.text,
          numerator: num(n.value),
          base: num(best.base.value),
          computed: pct(exact, share.decimals ?? 0),
          countColumn: colName(t, best.col.index),
        },
        range: share.range,
        ...(inferred ? { variant: 'inferred' } : {}),
        related: [
          related(n, 'table-sum.related.numerator', rowName(x.r, x.k)),
          ...(best.base.cell ? [related(best.base.cell, 'table-sum.related.base', '')] : []),
        ],
        data: { share: share.value, numerator: n.value, base: best.base.value },
      });
    }
  }
}

/** Is there one base every row's share reproduces (shares over a base the table does not state)? */
function commonBaseExists(rows: { r: Row; c: Cell | undefined }[], j: number): boolean {
  let lo = 0;
  let hi = Infinity;
  let used = 0;
  for (const x of rows) {
    const n = x.r.cells[j];
    const p = x.c!;
    if (!isNum(n) || n.value <= 0) continue;
    const u = 10 ** -(p.decimals ?? 0);
    const pLo = p.value! - u / 2;
    const pHi = p.value! + u;
    if (pHi <= 0) return false;
    lo = Math.max(lo, (100 * n.value) / pHi);
    hi = Math.min(hi, pLo > 0 ? (100 * n.value) / pLo : Infinity);
    used++;
  }
  if (used < 2) return false;
  return Math.floor(hi + EPS) >= Math.ceil(lo - EPS) && hi >= lo;
}

/** Shares without counts: when a 合计 row states 100% (or none is given), the rows must add up to 100 ± residue. */
function checkShareSum(t: Ctx, sc: ColumnInfo, shares: (Cell & { value: number })[]): void {
  const totalRow = t.table.rows.find((r) => totalKind(r.label) === 'total');
  const stated = totalRow?.cells[sc.index];
  if (!isNum(stated) || Math.abs(stated.value - 100) > 0.5) return;
  const sum = shares.reduce((a, c) => a + c.value, 0);
  const tol = shares.reduce((a, c) => a + 10 ** -(c.decimals ?? 0) / 2, 0) + EPS;
  if (Math.abs(sum - 100) <= tol) return;
  t.ctx.report({
    messageId: 'table-sum.sharesSum',
    args: { column: sc.label || colName(t, sc.index), expr: shares.map((c) => num(c.value)).join(' + '), sum: num(Math.round(sum * 1e6) / 1e6) },
    range: stated.range,
    ...(t.explicit ? {} : { variant: 'inferred' }),
    related: shares.map((c) => related(c, 'table-sum.related.part', '')),
    data: { sum },
  });
}

/** Change columns against this year's and last year's columns. */
function checkChanges(t: Ctx): void {
  const { table, cols } = t;
  const counts = cols.filter((c) => c.role === 'count' && !c.total);
  for (const ch of cols) {
    if (ch.role !== 'change') continue;
    const fam = ch.family === 'percent' ? null : ch.family;
    const pool = counts.filter((c) => !fam || c.family === fam);
    let prior: ColumnInfo | undefined;
    let current: ColumnInfo | undefined;
    let stated = false;
    const withYears = pool.filter((c) => c.year !== undefined);
    if (withYears.length >= 2) {
      withYears.sort((a, b) => a.year! - b.year!);
      prior = withYears[0];
      current = withYears[withYears.length - 1];
      stated = prior.year !== current.year;
    } else {
      prior = pool.find((c) => c.prior);
      current = pool.find((c) => c.current) ?? (prior ? undefined : undefined);
      if (prior && current) stated = true;
      else if (prior && !current) {
        const others = pool.filter((c) => c !== prior && !c.prior);
        if (others.length === 1) current = others[0];
      }
    }
    if (!prior || !current || prior === current) continue;
    const asPercent = ch.family === 'percent';
    table.rows.forEach((row, k) => {
      const w = row.cells[ch.index];
      const p = row.cells[prior!.index];
      const c = row.cells[current!.index];
      if (!isNum(w) || !isNum(p) || !isNum(c)) return;
      if (asPercent && p.value === 0) return;
      const exact = asPercent ? ((c.value - p.value) / p.value) * 100 : c.value - p.value;
      const d = w.decimals ?? 0;
      const ok = w.signed
        ? reproduces(exact, w.value, d) || (w.value < 0 && reproduces(-exact, -w.value, d) && exact < 0)
        : reproduces(Math.abs(exact), Math.abs(w.value), d);
      if (ok) return;
      t.ctx.report({
        messageId: asPercent ? 'table-sum.change' : 'table-sum.changeCount',
        args: {
          row: rowName(row, k),
          column: ch.label,
          written: w.text,
          current: num(c.value),
          prior: num(p.value),
          computed: asPercent ? `${exact >= 0 ? '+' : ''}${pct(exact, d)}%` : `${exact >= 0 ? '+' : ''}${num(exact)}`,
        },
        range: w.range,
        ...(t.explicit && stated ? {} : { variant: 'inferred' }),
        related: [
          related(c, 'table-sum.related.current', colName(t, current!.index)),
          related(p, 'table-sum.related.prior', colName(t, prior!.index)),
        ],
        data: { written: w.value, computed: exact },
      });
    });
  }
}

const INTRO_END = new RegExp(W.introEnd);

/**
 * A breakdown table without a 合计: its zero cells say every category is listed, so its one count column must add up
 * to the total the introducing line states ("全年新收行政复议案件120件，按案件类别分列如下：").
 */
function checkStatedTotal(t: Ctx): void {
  const { table, cols, ctx } = t;
  if (table.rows.some((r) => totalKind(r.label)) || table.labelColumn < 0) return;
  const counts = cols.filter((c) => c.role === 'count' && !c.total);
  if (counts.length !== 1 || cols.some((c) => c.total)) return;
  const col = counts[0];
  const cells = table.rows.map((r) => r.cells[col.index]);
  if (cells.some((c) => !isNum(c)) || !cells.some((c) => c.value === 0) || cells.length < 3) return;
  let intro = -1;
  for (let i = table.startLine - 1; i >= 0 && i >= table.startLine - 3; i--) {
    if (ctx.doc.lines[i].norm.trim()) {
      intro = i;
      break;
    }
  }
  if (intro < 0 || !INTRO_END.test(ctx.doc.lines[intro].norm)) return;
  const model = ctx.figures;
  if (!model) return;
  const stated = model.figures.filter(
    (f) => f.range.start.line === intro && f.kind === 'count' && !f.approx && (unitFamily(f.unit) ?? 'item') === col.family,
  );
  if (stated.length !== 1) return;
  const total = stated[0];
  const sum = cells.reduce((a, c) => a + c!.value!, 0);
  if (Math.abs(sum - total.value) <= EPS) return;
  ctx.report({
    messageId: 'table-sum.statedTotal',
    args: { column: colName(t, col.index), expr: cells.map((c) => num(c!.value!)).join(' + '), sum: num(sum), total: total.text },
    range: total.range,
    variant: 'inferred',
    related: cells.map((c, i) => related(c!, 'table-sum.related.part', rowName(table.rows[i], i))),
    data: { total: total.value, sum },
  });
}

/** Does the header name the same columns again (a long list set out in several column groups)? */
function wrappedColumns(table: Table): boolean {
  const labels = table.columns.map((c) => c.label.replace(/\s/g, '')).filter((l) => l !== '');
  return new Set(labels).size < labels.length;
}

export const tableSum: Rule = {
  code: CODE,
  tags: ['arithmetic', 'figures', 'tables'],
  defaultSeverity: 'error',
  variants: [{ id: 'inferred', softer: 1 }],
  check(ctx) {
    for (const table of tablesOf(ctx.doc)) {
      const t: Ctx = { ctx, table, cols: classifyColumns(table), explicit: table.format === 'pipe' || table.format === 'tab' };
      // a list wrapped into several column groups (省份 | 数量 | 省份 | 数量 …): a total row totals all the groups, often
      // over more than one piece of the table, so no single column's sum is its reading
      if (!wrappedColumns(table)) checkTotalRows(t);
      checkTotalColumns(t);
      checkShares(t);
      checkChanges(t);
      checkStatedTotal(t);
    }
  },
};
