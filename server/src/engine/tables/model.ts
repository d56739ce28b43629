// The table model: one shape for every way a table reaches the engine.
//
//   pipe    Markdown pipe tables, and Word/PDF tables as the readers render them ("| 类别 | 数量 | 占比 |", one
//           table row per line; the leading and trailing "|" are optional);
//   tab     rows pasted from Word or Excel: two or more consecutive lines with the same number of tab-separated cells;
//   inline  a whole table flattened onto one line of a web copy ("类别 | 数量 | 行政处罚 | 62 | 行政许可 | 18");
//   cells   a table flattened to one cell per line by a web copy, cells separated by blank lines or lone "|"
//           lines, or each ending in " |"; rows are recovered from the header width;
//   spaced  rows of cells set apart by runs of spaces, as a PDF or web page's table pastes ("2022年   34   58   491"):
//           consecutive lines of three or more such cells, every row with numbers of one width.
import type { Range } from '../types';

export type CellKind = 'count' | 'percent' | 'empty' | 'text';

export interface Cell {
  /** The cell as written, trimmed. */
  text: string;
  kind: CellKind;
  /** The number of a count or percent cell ("62件" → 62, "35.6%" → 35.6, "-30.0%" → -30). */
  value?: number;
  /** Digits written after the decimal point. */
  decimals?: number;
  /** Measure word written in the cell ("62件" → "件"); "%" for a percent cell. */
  unit?: string;
  /** A sign written before the number ("-30.0%", "+5"). */
  signed?: boolean;
  range: Range;
}

export interface Row {
  /** The row's label (its text in the label column), "" when the table has none. */
  label: string;
  /** One cell per column (missing cells are empty cells with an empty range at the end of the row). */
  cells: Cell[];
}

export interface Column {
  /** The column's label from the header row(s), "" when there is none. */
  label: string;
  /** Unit from the header ("数量（件）" → 件, "占比（%）" → %, "罚没金额(万元)" → 万元) or from the cells ("62件"). */
  unit?: string;
}

export type TableFormat = 'pipe' | 'tab' | 'inline' | 'cells' | 'spaced';

export interface Table {
  format: TableFormat;
  /** First and last line (0-based) the table occupies, header and caption lines included. */
  startLine: number;
  endLine: number;
  /** The header rows' labels, one array per header row (cells as written). */
  header?: string[][];
  /** Index of the label column (the first column of text cells; 1 after a 序号 column), -1 when there is none. */
  labelColumn: number;
  columns: Column[];
  rows: Row[];
}
