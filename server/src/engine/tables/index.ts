// The tables module's surface: the tables of a document (found once per document), the cell at a position with its
// row and column labels (for the figure table and hovers), and whether a percentage in a table is backed by the
// table's own counts (for unbacked-metric). Pure engine code: no vscode or LSP imports.
import type { ReportDocument } from '../document';
import type { Position } from '../types';
import { detectTables } from './detect';
import type { Cell, Table } from './model';

export type { Cell, CellKind, Column, Row, Table, TableFormat } from './model';
export { readCell, headerUnit, unitFamily } from './cells';

const cache = new WeakMap<ReportDocument, Table[]>();

/** The tables of a document, detected on first use and kept for the document's lifetime. */
export function tablesOf(doc: ReportDocument): Table[] {
  let t = cache.get(doc);
  if (!t) {
    try {
      t = detectTables(doc);
    } catch {
      // a table the scanner cannot read is prose: the outline and the other checks go on without it
      t = [];
    }
    cache.set(doc, t);
  }
  return t;
}

export interface CellLocation {
  table: Table;
  cell: Cell;
  rowIndex: number;
  columnIndex: number;
  /** The row's label ("" when the table has no label column). */
  rowLabel: string;
  /** The column's label from the header ("" when there is no header). */
  columnLabel: string;
}

function contains(c: Cell, line: number, character: number): boolean {
  const { start, end } = c.range;
  return start.line === line && character >= start.character && character <= end.character;
}

/** The table cell at a position, with its row and column labels; null outside every table cell. */
export function cellAt(tables: Table[], line: number, character: number): CellLocation | null {
  for (const table of tables) {
    if (line < table.startLine || line > table.endLine) continue;
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r];
      for (let j = 0; j < row.cells.length; j++) {
        const cell = row.cells[j];
        if (cell.range.start.line !== line || !contains(cell, line, character)) continue;
        if (cell.range.start.character === cell.range.end.character && cell.kind === 'empty') continue;
        return { table, cell, rowIndex: r, columnIndex: j, rowLabel: row.label, columnLabel: table.columns[j]?.label ?? '' };
      }
    }
  }
  return null;
}

const SHARE_HEADER = /占比|比例|比重|所占|构成/;

/**
 * Is the percentage at `position` a share in a table whose counts it is computed from (a 占比 column beside a
 * count column, a 占比 row under a count row, or a 合计 row of 100%)? unbacked-metric treats such a share as backed by the table's counts.
 */
export function isTableShareBacked(tables: Table[], position: Position): boolean {
  const at = cellAt(tables, position.line, position.character);
  if (!at || at.cell.kind !== 'percent') return false;
  const { table, columnIndex, rowIndex, rowLabel } = at;
  // a share row under a count row (categories across, "数量 | 75件 | 16件…" then "占比 | 49.66% | 10.59%…"): backed
  // by the count in its own column
  if (SHARE_HEADER.test(rowLabel) && table.rows.some((r, i) => i !== rowIndex && r.cells[columnIndex]?.kind === 'count')) return true;
  const hasCounts = table.columns.some(
    (_c, j) => j !== columnIndex && j !== table.labelColumn && table.rows.some((r) => r.cells[j]?.kind === 'count'),
  );
  if (!hasCounts) return false;
  const label = table.columns[columnIndex]?.label ?? '';
  return SHARE_HEADER.test(label) || label === '' || /%|％/.test(label);
}

/**
 * Lines that belong to a table or read as a table row: a line inside a detected table, a line of pipe-separated
 * cells, or a cell closed by a pipe ("一、本年新收政府信息公开申请数量 |"). The outline never takes them for headings.
 */
export function tableLines(doc: ReportDocument): Set<number> {
  const lines = new Set<number>();
  for (const t of tablesOf(doc)) for (let i = t.startLine; i <= t.endLine; i++) lines.add(i);
  for (const l of doc.lines) {
    const s = l.norm;
    const first = s.indexOf('|');
    if (first < 0) continue;
    let a = 0;
    let b = s.length;
    while (a < b && /\s/.test(s[a])) a++;
    while (b > a && /\s/.test(s[b - 1])) b--;
    if (first === a || s[b - 1] === '|' || s.indexOf('|', first + 1) >= 0) lines.add(l.index);
  }
  return lines;
}
