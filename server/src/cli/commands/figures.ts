// `fazhi-report figures <file> [--format text|json|csv]`: every figure of a report with how it was read (value or
// bounds, unit, object, stage or rate) and the checks it took part in — the reviewer's 数据核查表.
// CSV is the same table the editor exports (server/src/present/figure-table.ts): a UTF-8 BOM so that Excel and WPS
// open the Chinese columns correctly, CRLF line ends, 1-based positions.
import path from 'node:path';
import { analyze, describeReading } from '../../engine';
import type { Figure, Locale } from '../../engine';
import { loadSegmenter } from '../../segmenter';
import { parseCommon, UsageError, type Format } from '../args';
import type { CliIO } from '../io';
import { readErrorLine, readInput, readWarningLines } from '../../host/read';
import type { Command } from './command';
// one CSV layout for the command line and the editor's export (BOM, CRLF, formula-looking cells made text)
import { figureRows, figuresCsv } from '../../present/figure-table';

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
    checks: f.checks.map((c) => ({ code: c.code, ok: c.ok, detail: (locale === 'en' ? c.detailEn ?? c.detail : c.detail) + describeReading(locale, c.assumptions), ...(c.assumptions?.length ? { reading: c.assumptions } : {}) })),
  }));
}

const n = (x: number | null) => (x === null ? '∞' : Number.isInteger(x) ? String(x) : String(Number(x.toFixed(4))));

function valueText(r: FigureRecord): string {
  return r.approx || r.hi !== r.lo ? `${n(r.lo)}～${n(r.hi)}` : n(r.value);
}

function checksText(r: FigureRecord, locale: Locale): string {
  if (r.checks.length === 0) return locale === 'en' ? '-' : '—';
  return r.checks.map((c) => `${c.ok ? '✓' : '✗'}${c.code} ${c.detail}`).join('；');
}

const HEAD = {
  'zh-cn': ['行', '列', '原文', '数值', '单位', '对象', '环节', '比率', '名目', '核对'],
  en: ['line', 'column', 'text', 'value', 'unit', 'object', 'stage', 'rate', 'noun', 'checks'],
};

function cells(r: FigureRecord, locale: Locale): string[] {
  const unit = r.kind === 'count' ? r.unit : r.kind === 'percent' ? '%' : r.unit;
  return [String(r.line), String(r.column), r.text, valueText(r), unit, r.object, r.stage, r.rate, r.noun, checksText(r, locale)];
}

export function figuresText(records: FigureRecord[], locale: Locale): string {
  if (records.length === 0) return locale === 'en' ? '(no figures found)\n' : '（没有找到数据）\n';
  const rows = records.map((r) => cells(r, locale));
  let out = HEAD[locale].join('\t') + '\n';
  for (const row of rows) out += row.join('\t') + '\n';
  const checked = records.filter((r) => r.checks.length > 0).length;
  const failed = records.filter((r) => r.checks.some((c) => !c.ok)).length;
  out +=
    locale === 'en'
      ? `${records.length} figures, ${checked} checked, ${failed} in a failed check\n`
      : `共 ${records.length} 个数据，${checked} 个参与核对，${failed} 个核对未通过\n`;
  return out;
}

export const figures: Command = {
  name: 'figures',
  usage: 'figures <文件 / file> [--format text|json|csv] [--locale zh-cn|en]',
  summary: { zh: '列出报告中的全部数据及核对结果（数据核查表）', en: 'list every figure of a report and the checks it took part in' },
  async run(args: string[], io: CliIO): Promise<number> {
    const opts = parseCommon(args, { formats: ['text', 'json', 'csv'] as unknown as Format[] });
    if (opts.positionals.length !== 1) {
      throw new UsageError('figures 需要且只需要一个文件', 'figures takes exactly one file');
    }
    const [file] = opts.positionals;
    const read = await readInput(path.resolve(file));
    if (!read.ok) {
      io.err(readErrorLine(file, read.reason) + '\n');
      return 2;
    }
    for (const line of readWarningLines(file, read.doc)) io.err(line + '\n');
    // With word segmentation the table also shows the counted noun (名目); the checks do not depend on it.
    const segmenter = loadSegmenter() ?? undefined;
    const analysis = analyze(read.text, { locale: opts.locale, segmenter });
    const records = figureRecords(analysis.figures ?? [], opts.locale);
    const format = opts.format as string;
    if (format === 'json') io.out(JSON.stringify({ path: file, figures: records }, null, 2) + '\n');
    else if (format === 'csv') io.out(figuresCsv(figureRows(analysis.figures, opts.locale, analysis.tables ?? []), opts.locale));
    else io.out(figuresText(records, opts.locale));
    return 0;
  },
};
