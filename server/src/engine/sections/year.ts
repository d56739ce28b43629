// The year a report is about: from its title ("…2022年法治政府建设工作报告"), else its opening sentence
// ("2023年,咸安区…", "…现将咸安区2023年度法治政府建设工作报告如下"), else the year its first section speaks of most.
import type { ReportDocument } from '../document';
import type { Outline } from '../outline/outline';
import type { OutlineNode, Range } from '../types';

export interface ReportYear {
  year: number;
  source: 'title' | 'opening' | 'content';
  range: Range;
}

const YEAR = /(?<![\d.])((?:19|20)\d{2})\s*年/g;

function firstYear(text: string): { year: number; index: number; length: number } | null {
  YEAR.lastIndex = 0;
  const m = YEAR.exec(text);
  return m ? { year: Number(m[1]), index: m.index, length: m[0].length } : null;
}

export function findReportYear(doc: ReportDocument, outline: Outline): ReportYear | null {
  const root = titleNode(outline);
  if (root) {
    const line = root.selectionRange.start.line;
    const y = firstYear(doc.lines[line].norm) ?? (root.selectionRange.end.line !== line ? firstYear(doc.lines[root.selectionRange.end.line].norm) : null);
    if (y) {
      const l = firstYear(doc.lines[line].norm) ? line : root.selectionRange.end.line;
      return { year: y.year, source: 'title', range: span(l, y.index, y.length) };
    }
  }
  // the opening paragraph: the first content line that is neither heading nor chrome
  const headingLines = new Set(outline.nodes.map((n) => n.selectionRange.start.line));
  for (const line of doc.lines) {
    if (outline.chromeLines.has(line.index) || headingLines.has(line.index) || !line.norm.trim()) continue;
    const text = line.norm;
    const lead = text.length - text.trimStart().length;
    const m = /^((?:19|20)\d{2})\s*年/.exec(text.slice(lead));
    if (m) return { year: Number(m[1]), source: 'opening', range: span(line.index, lead, m[0].length) };
    const w = /现将.{0,20}?((?:19|20)\d{2})\s*年度?.{0,12}(法治|依法行政)/.exec(text);
    if (w) {
      const at = w.index + w[0].indexOf(w[1]);
      return { year: Number(w[1]), source: 'opening', range: span(line.index, at, w[1].length + 1) };
    }
    if (text.length > 60) break;
  }
  // the year the first section speaks of most
  const first = topLevel(outline)[0];
  if (!first) return null;
  const counts = new Map<number, { n: number; range: Range }>();
  for (let l = first.range.start.line; l <= first.range.end.line; l++) {
    const text = doc.lines[l].norm;
    YEAR.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = YEAR.exec(text)) !== null) {
      const y = Number(m[1]);
      const c = counts.get(y);
      if (c) c.n++;
      else counts.set(y, { n: 1, range: span(l, m.index, m[0].length) });
    }
  }
  let best: ReportYear | null = null;
  let bestN = 0;
  for (const [year, c] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (c.n > bestN) {
      best = { year, source: 'content', range: c.range };
      bestN = c.n;
    }
  }
  return bestN >= 2 ? best : null;
}

/** The document's title node: a title line, or a Markdown draft's single top heading ("# 某区2023年…报告") over the rest. */
export function titleNode(outline: Outline): OutlineNode | null {
  if (outline.roots.length !== 1) return null;
  const root = outline.roots[0];
  if (root.kind === 'title') return root;
  if (root.kind === 'markdown' && root.marker === '#' && root.children.some((c) => c.kind !== 'runin')) return root;
  return null;
}

export function topLevel(outline: Outline): OutlineNode[] {
  const title = titleNode(outline);
  return (title ? title.children : outline.roots).filter((n) => n.kind !== 'runin');
}

function span(line: number, start: number, length: number): Range {
  return { start: { line, character: start }, end: { line, character: start + length } };
}
