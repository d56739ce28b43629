// The figures of a report as the command line prints them (`fazhi-report figures`): one record per figure with how
// it was read and the checks it took part in (JSON), or a tab-separated table with a summary line (text). The same
// checks and readings as the editor's figure table (figure-table.ts) and hover (figure-hover.ts).
import { formatMessage, type Figure, type Locale } from '../engine';
import { figureChecks, figureNumber } from './figure-table';

export interface FigureRecord {
  line: number;
  column: number;
  text: string;
  kind: Figure['kind'];
  value: number;
  /** Bounds of an approximate figure or a range (null for ∞). */
  lo: number;
  hi: number | null;
  approx: boolean;
  decimals: number;
  unit: string;
  object: string;
  stage: string;
  rate: string;
  noun: string;
  label: string;
  section: string;
  prior: boolean;
  change: string;
  checks: { code: string; ok: boolean; detail: string; reading?: string[] }[];
}

export function figureRecords(figures: Figure[], locale: Locale): FigureRecord[] {
  return figures.map((f) => ({
    line: f.line + 1,
    column: f.range.start.character + 1,
    text: f.text,
    kind: f.kind,
    value: f.value,
    lo: f.lo,
    hi: Number.isFinite(f.hi) ? f.hi : null,
    approx: f.approx,
    decimals: f.decimals,
    unit: f.unit,
    object: f.object ?? '',
    stage: f.stage ?? '',
    rate: f.rate ?? '',
    noun: f.noun ?? '',
    label: f.label,
    section: f.section ?? '',
    prior: !!f.prior,
    change: f.change ?? '',
    checks: figureChecks(f, locale),
  }));
}

const n = (x: number | null) => figureNumber(x ?? Infinity);

function valueText(r: FigureRecord): string {
  return r.approx || r.hi !== r.lo ? `${n(r.lo)}～${n(r.hi)}` : n(r.value);
}

function checksText(r: FigureRecord, locale: Locale): string {
  if (r.checks.length === 0) return formatMessage(locale, 'figures.text.noChecks', {});
  return r.checks.map((c) => `${c.ok ? '✓' : '✗'}${c.code} ${c.detail}`).join(formatMessage(locale, 'figures.text.checkSeparator', {}));
}

function cells(r: FigureRecord, locale: Locale): string[] {
  const unit = r.kind === 'count' ? r.unit : r.kind === 'percent' ? '%' : r.unit;
  return [String(r.line), String(r.column), r.text, valueText(r), unit, r.object, r.stage, r.rate, r.noun, checksText(r, locale)];
}

export function figuresText(records: FigureRecord[], locale: Locale): string {
  if (records.length === 0) return formatMessage(locale, 'figures.text.none', {}) + '\n';
  const rows = records.map((r) => cells(r, locale));
  let out = formatMessage(locale, 'figures.text.header', {}).split(',').join('\t') + '\n';
  for (const row of rows) out += row.join('\t') + '\n';
  const checked = records.filter((r) => r.checks.length > 0).length;
  const failed = records.filter((r) => r.checks.some((c) => !c.ok)).length;
  out += formatMessage(locale, 'figures.text.summary', { count: records.length, checked, failed }) + '\n';
  return out;
}

