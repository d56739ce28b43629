// Where a missing part conventionally goes, and the heading that fits the document's numbering there:
// after the last present part that precedes it in the regulation's order (the plan last), numbered one more than
// the top-level heading before it, with the later top-level headings renumbered when they would clash.
import skeleton from '../../../data/sections.json';
import type { ReportDocument } from '../document';
import { toChineseOrdinal } from '../numerals';
import type { OutlineNode, Range } from '../types';
import type { Sections } from './detect';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Insertion {
  /** The top-level section after which the part goes (undefined: before the first one). */
  after?: OutlineNode;
  /** The heading inserted, numbered to fit. */
  heading: string;
  edits: TextEdit[];
}

/** The regulation's order of the parts (sections.json skeletonOrder). */
const ORDER: readonly string[] = skeleton.skeletonOrder;

function orderIndex(id: string): number {
  const i = ORDER.indexOf(id);
  return i < 0 ? ORDER.indexOf('plan') - 0.5 : i; // learned expected parts go before the plan
}

export function headingFor(id: string, template: string, year: number | null): string {
  return template
    .replace('{nextYear}年度', year ? `${year + 1}年度` : '下一年度')
    .replace('{year}年度', year ? `${year}年度` : '')
    .replace('{nextYear}', year ? String(year + 1) : '下一')
    .replace('{year}', year ? String(year) : '');
}

export function planInsertion(doc: ReportDocument, s: Sections, id: string, text: string): Insertion {
  const top = s.top;
  const want = orderIndex(id);
  // the top-level section of the latest present part that conventionally precedes this one
  const topSet = new Set(top);
  const latestPart = new Map<OutlineNode, number>();
  for (const x of s.hits) {
    if (x.top && x.via !== 'paragraph') latestPart.set(x.top, Math.max(latestPart.get(x.top) ?? -1, orderIndex(x.type)));
  }
  let after: OutlineNode | undefined;
  for (const h of s.hits) {
    if (orderIndex(h.type) >= want || h.type === id) continue;
    const node = h.top ?? (h.node && topSet.has(h.node) ? h.node : undefined);
    if (!node) continue;
    // never after a part that conventionally comes later (the plan stays last)
    if ((latestPart.get(node) ?? -1) > want) continue;
    if (!after || node.range.start.line > after.range.start.line) after = node;
  }
  const numbered = top.filter((n) => n.kind === 'cn');
  const style = numbered[0];
  const edits: TextEdit[] = [];
  let marker = '';
  if (style) {
    const ordinal = after && after.kind === 'cn' && after.ordinal ? after.ordinal + 1 : after ? numbered.filter((n) => n.range.start.line <= after!.range.start.line).length + 1 : 1;
    const sep = style.marker?.slice(-1) === '.' ? '.' : style.marker?.endsWith('．') ? '．' : '、';
    marker = toChineseOrdinal(ordinal) + sep;
    let next = ordinal + 1;
    for (const n of numbered) {
      if (after && n.range.start.line <= after.range.start.line) continue;
      if ((n.ordinal ?? 0) < ordinal) continue;
      const sel = n.selectionRange.start;
      const len = n.marker?.length ?? 0;
      edits.push({ range: { start: sel, end: { line: sel.line, character: sel.character + len } }, newText: toChineseOrdinal(next) + sep });
      next++;
    }
  } else {
    const md = top.find((n) => n.kind === 'markdown');
    if (md?.marker) marker = md.marker + ' ';
  }
  const heading = marker + text;
  let line: number;
  let prefix = '';
  if (after) {
    line = after.range.end.line + 1;
    if (line >= doc.lineCount) {
      line = doc.lineCount - 1;
      prefix = '\n';
    }
  } else {
    line = top[0] ? top[0].range.start.line : doc.lineCount - 1;
  }
  const at = prefix ? doc.endOf(line) : { line, character: 0 };
  const body = prefix ? `${prefix}${heading}\n` : `${heading}\n\n`;
  // edits must not overlap: when the heading goes right before a heading that is renumbered, one edit does both
  const clash = edits.findIndex((e) => e.range.start.line === at.line && e.range.start.character === at.character);
  if (clash >= 0) edits[clash] = { range: edits[clash].range, newText: body + edits[clash].newText };
  else edits.unshift({ range: { start: at, end: at }, newText: body });
  return { after, heading, edits };
}

