// `fazhi-report figures <file> [--format text|json|csv]`: every figure of a report with how it was read (value or
// bounds, unit, object, stage or rate) and the checks it took part in — the reviewer's 数据核查表.
// CSV is the same table the editor exports (server/src/present/figure-table.ts): a UTF-8 BOM so that Excel and WPS
// open the Chinese columns correctly, CRLF line ends, 1-based positions.
import path from 'node:path';
import { analyze } from '../../engine';
import { loadSegmenter } from '../../segmenter';
import { parseCommon, UsageError, type Format } from '../args';
import type { CliIO } from '../io';
import { readErrorLine, readInput, readWarningLines } from '../../host/read';
import type { Command } from './command';
// one CSV layout for the command line and the editor's export (BOM, CRLF, formula-looking cells made text)
import { figureRows, figuresCsv } from '../../present/figure-table';
import { figureRecords, figuresText } from '../../present/figure-records';

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
