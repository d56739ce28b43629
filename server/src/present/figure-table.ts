// The figure table (数据核查表) of a report: one row per figure with what it was read as and the checks it passed
// or failed. Served as `fazhiReport/figures` (shared/protocol.ts) for the editor's table and CSV export; built from Analysis.figures,
// the same engine data as the command line's `figures` output.
import { cellAt, describeReading, formatMessage, type Figure, type Locale, type Table } from '../engine';

/** A figure in a table cell: its row and column labels. */
function cellLabels(tables: Table[], f: Figure): { cell?: string } {
  if (!tables.length) return {};
  const at = cellAt(tables, f.range.start.line, f.range.start.character);
  if (!at) return {};
  const label = [at.rowLabel, at.columnLabel].filter((x) => x).join(' / ');
  return label ? { cell: label } : {};
}

export interface FigureRow {
  line: number;
  character: number;
  text: string;
  kind: Figure['kind'];
  value: number;
  lo: number;
  hi: number;
  unit: string;
  object: string;
  stage: string;
  rate: string;
  label: string;
  prior: boolean;
  /** In a table: its row and column labels ("市场监管局 / 2020年"). */
  cell?: string;
  /** passed: every check held; failed: at least one did not; unchecked: in no check. */
  status: 'passed' | 'failed' | 'unchecked';
  checks: { code: string; ok: boolean; detail: string }[];
}

/** A figure's value or bound for display: integers plainly, others to at most four places, ∞ for no bound. */
export function figureNumber(x: number): string {
  if (x === Infinity) return '∞';
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(4)));
}

/** The checks a figure took part in: code, outcome, and the arithmetic with the reading it was verified under. */
export function figureChecks(f: Figure, locale: Locale): { code: string; ok: boolean; detail: string; reading?: string[] }[] {
  return f.checks.map((c) => ({
    code: c.code,
    ok: c.ok,
    detail: (locale === 'en' ? c.detailEn ?? c.detail : c.detail) + describeReading(locale, c.assumptions),
    ...(c.assumptions?.length ? { reading: c.assumptions } : {}),
  }));
}

/** One row per figure; each check's detail ends with the reading it was verified under, in `locale`. */
export function figureRows(figures: Figure[] | undefined, locale: Locale = 'zh-cn', tables: Table[] = []): FigureRow[] {
  return (figures ?? []).map((f) => {
    const inTable = cellLabels(tables, f);
    return {
      ...inTable,
      line: f.range.start.line,
      character: f.range.start.character,
      text: f.text,
      kind: f.kind,
      value: f.value,
      lo: f.lo,
      hi: f.hi,
      unit: f.unit,
      object: f.object ?? '',
      stage: f.stageText ?? f.stage ?? '',
      rate: f.rate ?? '',
      // in a table, the label is the cell's row and column (what the number is), not the cells before it
      label: inTable.cell ?? f.label,
      prior: !!f.prior,
      status: f.checks.length === 0 ? 'unchecked' : f.checks.some((c) => !c.ok) ? 'failed' : 'passed',
      checks: figureChecks(f, locale).map(({ code, ok, detail }) => ({ code, ok, detail })),
    };
  });
}

/** The column names of the CSV export, in the reader's language (figures.csvHeader in the message catalogs). */
export const CSV_HEADER: Record<Locale, string[]> = {
  'zh-cn': formatMessage('zh-cn', 'figures.csvHeader', {}).split(','),
  en: formatMessage('en', 'figures.csvHeader', {}).split(','),
};

export function statusLabel(status: FigureRow['status'], locale: Locale): string {
  return formatMessage(locale, `figures.status.${status}`, {});
}

export function checksText(row: FigureRow): string {
  return row.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.code}: ${c.detail}`).join('; ');
}

function csvCell(v: string | number | boolean): string {
  let s = String(v);
  // a cell a spreadsheet would run as a formula is quoted as text
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The table as CSV for Excel and WPS: UTF-8 with a byte-order mark (so Chinese opens correctly), CRLF line ends,
 * 1-based lines and columns as a drafter counts them.
 */
export function figuresCsv(rows: FigureRow[], locale: Locale): string {
  const lines = [CSV_HEADER[locale].map(csvCell).join(',')];
  for (const r of rows) {
    lines.push(
      [r.line + 1, r.character + 1, r.text, r.kind, r.value, r.lo, r.hi, r.unit, r.object, r.stage, r.rate, r.label, r.prior ? 'Y' : '', statusLabel(r.status, locale), checksText(r)]
        .map(csvCell)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
