// `fazhi-report outline <file>`: the heading tree, as an indented list or as the server's DocumentSymbol[].
import { formatMessage } from '../../engine/messages';
import path from 'node:path';
import { analyze } from '../../engine';
import type { Locale, OutlineNode } from '../../engine';
import { toDocumentSymbols } from '../../present/convert';
import { parseCommon, UsageError } from '../args';
import type { CliIO } from '../io';
import { readErrorLine, readInput, readWarningLines } from '../../host/read';
import { whereText, type ReadDocument } from '../../host/readers';
import type { Command } from './command';

/** "一、" and "（一）" run into the name as written; "##" and "1." read better with a space. */
function headingText(node: OutlineNode): string {
  const marker = node.marker?.trim();
  // Names may or may not carry their marker (the parser decides); never print it twice.
  if (!marker || node.name.startsWith(marker)) return node.name;
  return /[#.\w]$/.test(marker) ? `${marker} ${node.name}` : `${marker}${node.name}`;
}

export function formatOutline(roots: OutlineNode[], locale: Locale, doc?: ReadDocument): string {
  let s = '';
  const visit = (nodes: OutlineNode[], indent: string) => {
    for (const node of nodes) {
      const line = node.selectionRange.start.line + 1;
      // a Word/PDF document: also where the heading is in the file (its paragraph, or its page)
      const inFile = doc ? whereText(doc, line - 1, locale) : '';
      const where = inFile ? formatMessage(locale, 'cli.outline.whereIn', { line, where: inFile }) : formatMessage(locale, 'cli.outline.where', { line });
      s += `${indent}${headingText(node)}  ${where}\n`;
      visit(node.children, indent + '  ');
    }
  };
  visit(roots, '');
  return s;
}

export const outline: Command = {
  name: 'outline',
  usage: 'outline <文件 / file> [--format text|json] [--locale zh-cn|en]',
  summary: { zh: '显示报告的标题结构（提纲）', en: "show the report's heading tree" },
  async run(args: string[], io: CliIO): Promise<number> {
    const opts = parseCommon(args);
    if (opts.positionals.length !== 1) {
      throw new UsageError('outline 需要且只需要一个文件', 'outline takes exactly one file');
    }
    // One file, taken as given: a folder is a read error here ("is a folder"), not a search.
    const [file] = opts.positionals;
    const read = await readInput(path.resolve(file));
    if (!read.ok) {
      io.err(readErrorLine(file, read.reason) + '\n');
      return 2;
    }
    for (const line of readWarningLines(file, read.doc)) io.err(line + '\n');
    // The outline does not depend on word segmentation, so its one-second load is skipped here.
    const roots = analyze(read.text, { locale: opts.locale }).outline;
    if (opts.format === 'json') {
      io.out(JSON.stringify(toDocumentSymbols(roots), null, 2) + '\n');
    } else if (roots.length === 0) {
      io.out(formatMessage(opts.locale, 'cli.outline.none', {}) + '\n');
    } else {
      io.out(formatOutline(roots, opts.locale, read.doc));
    }
    return 0;
  },
};
