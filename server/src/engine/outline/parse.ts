// The outline parser: finds the headings of a report and builds the section tree.
//
// Steps, each a function below:
//   1. classify lines: blank, page chrome (breadcrumbs, 发布时间, ICP …), numbered or Markdown heading, content;
//   2. the document title (possibly over two or three lines: org name + 关于…报告, or …工作 + 情况报告);
//   3. news style: when a text has no 一、/（一） structure, its short unnumbered title lines are its headings;
//   4. the tree, by rank (一、 > （一） > 1. > （1）), where a numbering restart under the same parent opens an
//      implicit section named from its opening paragraph (seed 002: the plan's （一）…（五） after 六、);
//   5. section ranges (heading to the last content line before the next heading of its rank or higher);
//   6. run-in enumerations 一是…二是… as children of the section they sit in.
// Everything is a single pass or a linear scan per line: no input makes it quadratic.
import config from '../../../data/outline.json';
import type { ReportDocument } from '../document';
import { parseChineseOrdinal } from '../numerals';
import type { HeadingKind, OutlineNode, Range } from '../types';
import type { Heading, Outline } from './outline';
import { tableLines } from '../tables';

const CHROME = config.chrome.map((p) => new RegExp(p));
const TITLE_KEYWORDS = new RegExp(config.titleKeywords);
const TITLE_ORG_LINE = new RegExp(config.titleOrgLine);
const TITLE_CONTINUATION = new RegExp(config.titleContinuation);
const SIGNATURE = new RegExp(config.signature);
const SENTENCE_PUNCT = new RegExp(config.sentencePunctuation);
const HEADING_END = new RegExp(config.headingEnd);

const CN = '一二三四五六七八九十百零〇两';
const RE_CN = new RegExp(`^([${CN}]{1,4})[ \\t]*[、.][ \\t]*`);
const RE_PAREN_CN = new RegExp(`^\\([ \\t]*([${CN}]{1,4})[ \\t]*\\)[ \\t]*`);
// (a digit after the dot is a decimal, 1.5%, unless it starts a year: "1.2023年10月，受理…" is heading 1.)
const RE_ARABIC = /^(\d{1,3})[ \t]*[.、](?!(?!(?:19|20)\d{2}\s*年)\d)[ \t]*/;
// (1) — or 1) where a web copy lost the opening bracket
const RE_PAREN_ARABIC = /^\(?[ \t]*(\d{1,3})[ \t]*\)[ \t]*/;
const RE_MARKDOWN = /^(#{1,6})[ \t]+/;
const RE_FENCE = /^(```|~~~)/;
const RE_BRACKET = /^【([^】\s]{1,12})】(?=\S)/;
const RE_RUNIN = /(^|[。；;，,：:\s“"（(])([一二三四五六七八九十]{1,3})是/g;
const RE_CLAUSE_END = /[，,。；;：:！!？?]/;

/** Rank decides nesting: a heading is a child of the nearest earlier heading of smaller rank. */
const RANK: Record<HeadingKind, number> = {
  title: 0,
  markdown: 0, // + level (1–6)
  news: 11,
  cn: 11,
  implicit: 11, // takes the rank of the section it stands beside
  'paren-cn': 12,
  arabic: 13,
  'paren-arabic': 14,
  bracket: 15,
  runin: 16,
};

const NUMBERED: ReadonlySet<HeadingKind> = new Set(['cn', 'paren-cn', 'arabic', 'paren-arabic']);

export function isNumbered(kind: HeadingKind): boolean {
  return NUMBERED.has(kind);
}

interface LineInfo {
  /** Index of the first non-space character. */
  lead: number;
  /** Normalised text from `lead`, right-trimmed. */
  content: string;
  blank: boolean;
  chrome: boolean;
  /** A table row or cell (server/src/engine/tables/): never a heading or a title. */
  table?: boolean;
  heading: Heading | null;
  /** Markdown heading level, when kind is markdown. */
  mdLevel?: number;
}

interface Node extends OutlineNode {
  rank: number;
  startLine: number;
  endLine: number;
  /** Heading line with text after the heading part (run-in body). */
  hasRunInText: boolean;
  parent: Node | null;
  children: Node[];
}

/**
 * A list bullet a web copy puts before a numbered heading ("  • 一、全省12345…"): lead, like spaces. Before anything
 * else (page details "• 公示", "• 2021-01-29") it stays: such lines are the page's, not the report's.
 */
const BULLETS = new Set([0x2022, 0x25cf, 0x25aa, 0x25a0, 0x25c6, 0x25cb, 0x00b7]);
const NUMBERED_AFTER_BULLET = /^[ \t]*(?:[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.、](?!\d))/;

function leadOf(norm: string): number {
  let i = 0;
  while (i < norm.length) {
    const c = norm.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0xfeff || c === 0x200b) i++;
    else if (BULLETS.has(c) && NUMBERED_AFTER_BULLET.test(norm.slice(i + 1, i + 12))) i++;
    else break;
  }
  return i;
}

function rightTrim(s: string): string {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x200b) end--;
    else break;
  }
  return end === s.length ? s : s.slice(0, end);
}

function isChrome(content: string): boolean {
  if (content.length > 80 || content.includes('。')) return false;
  return CHROME.some((re) => re.test(content));
}

/** A long line or one that reads as prose: a paragraph, not a title. */
function isBody(info: LineInfo): boolean {
  return !info.blank && !info.chrome && !info.heading && (info.content.length > 60 || info.content.includes('。'));
}

/** Where the heading part of a heading line ends: the first 。/；/：, else the end of the line. */
function headingCut(content: string, from: number): number {
  const m = HEADING_END.exec(content.slice(from));
  return m ? from + m.index : content.length;
}

function makeHeading(
  line: number,
  kind: HeadingKind,
  raw: string,
  info: LineInfo,
  markerLen: number,
  ordinal?: number,
): Heading {
  const cut = headingCut(info.content, markerLen);
  let end = info.lead + cut;
  // keep the name free of trailing spaces
  while (end > info.lead && /\s/.test(raw[end - 1])) end--;
  let name = raw.slice(info.lead, end);
  if (name.length > config.maxNameChars) name = name.slice(0, config.maxNameChars) + '…';
  const marker = raw.slice(info.lead, info.lead + markerLen).trim();
  return { line, kind, ordinal, marker, name, start: info.lead, end };
}

function matchHeading(line: number, raw: string, info: LineInfo, markdownDoc: boolean): Heading | null {
  const c = info.content;
  let m: RegExpExecArray | null;
  if (markdownDoc && (m = RE_MARKDOWN.exec(c))) {
    info.mdLevel = m[1].length;
    const h = makeHeading(line, 'markdown', raw, info, m[0].length);
    // a Markdown heading is named by its whole text, without the closing #s
    let end = info.lead + c.length;
    while (end > info.lead + m[0].length && raw[end - 1] === '#') end--;
    while (end > info.lead && /\s/.test(raw[end - 1])) end--;
    h.end = end;
    h.name = raw.slice(info.lead + m[0].length, end);
    if (h.name.length > config.maxNameChars) h.name = h.name.slice(0, config.maxNameChars) + '…';
    h.marker = m[1];
    // "## 二、存在的不足": the number inside a Markdown heading is checked like any other
    const inner = c.slice(m[0].length);
    const innerInfo: LineInfo = { ...info, lead: info.lead + m[0].length, content: inner };
    const numbered = matchHeading(line, raw, innerInfo, false);
    if (numbered && numbered.ordinal !== undefined && numbered.marker && isNumbered(numbered.kind)) {
      h.numbering = { kind: numbered.kind, ordinal: numbered.ordinal, marker: numbered.marker, character: numbered.start };
    }
    return h;
  }
  if ((m = RE_CN.exec(c))) {
    const n = parseChineseOrdinal(m[1]);
    if (n > 0 && c.length > m[0].length) return makeHeading(line, 'cn', raw, info, m[0].length, n);
  }
  if ((m = RE_PAREN_CN.exec(c))) {
    const n = parseChineseOrdinal(m[1]);
    if (n > 0 && c.length > m[0].length) return makeHeading(line, 'paren-cn', raw, info, m[0].length, n);
  }
  if ((m = RE_ARABIC.exec(c))) {
    const n = Number(m[1]);
    if (n > 0 && c.length > m[0].length && !/^(?:[%个件次]|人次|人(?![\u4e00-\u9fff]))/.test(c.slice(m[0].length))) {
      return makeHeading(line, 'arabic', raw, info, m[0].length, n);
    }
  }
  if ((m = RE_PAREN_ARABIC.exec(c))) {
    const n = Number(m[1]);
    if (n > 0 && c.length > m[0].length) return makeHeading(line, 'paren-arabic', raw, info, m[0].length, n);
  }
  if ((m = RE_BRACKET.exec(c))) {
    const h = makeHeading(line, 'bracket', raw, info, m[0].length);
    h.name = m[1];
    h.start = info.lead + 1;
    h.end = info.lead + 1 + m[1].length;
    h.marker = '【】';
    return h;
  }
  return null;
}

/** How far back a table row may hold the number a following line continues. */
const TABLE_NUMBERING_LOOKBACK = 12;

/**
 * The last line of a text cut inside a table: a numbered line right after a table whose rows hold the number before
 * it ("三、本年度办理结果 | (一)予以公开 | 0 …" then "(二)部分公开…", the row's pipes lost where the copy ends) is a
 * row label of that table, not a heading. A numbered line with more text after it is a heading as usual.
 */
function continuesTableNumbering(doc: ReportDocument, infos: LineInfo[], h: Heading): boolean {
  if (h.ordinal === undefined || h.ordinal < 2 || !isNumbered(h.kind)) return false;
  for (let l = h.line + 1; l < doc.lineCount; l++) if (doc.lines[l].norm.trim()) return false;
  let k = infos.length - 1;
  while (k >= 0 && infos[k].blank) k--;
  if (k < 0 || !infos[k].table) return false;
  for (let j = k; j >= 0 && k - j < TABLE_NUMBERING_LOOKBACK; j--) {
    if (!infos[j].table && !infos[j].blank) break;
    for (const cell of doc.lines[j].norm.split('|')) {
      const content = cell.trim();
      if (!content) continue;
      const info: LineInfo = { lead: 0, content, blank: false, chrome: false, heading: null };
      const prev = matchHeading(j, content, info, false);
      if (prev && prev.kind === h.kind && prev.ordinal === h.ordinal - 1) return true;
    }
  }
  return false;
}

/** A table of contents: at most this many lines, each of at most this many characters. */
const CONTENTS_MAX_LINES = 80;
const CONTENTS_ENTRY_MAX = 40;

function classifyLines(doc: ReportDocument, markdownDoc: boolean): LineInfo[] {
  const infos: LineInfo[] = [];
  let inFence = false;
  const tables = tableLines(doc);
  for (const line of doc.lines) {
    const lead = leadOf(line.norm);
    const content = rightTrim(line.norm.slice(lead));
    const info: LineInfo = { lead, content, blank: content.length === 0, chrome: false, heading: null };
    if (!info.blank) {
      if (markdownDoc && RE_FENCE.test(content)) {
        inFence = !inFence;
      } else if (!inFence) {
        info.chrome = isChrome(content);
        // a table row ("1 | 行政处罚 | 62") or a cell of a flattened table ("一、本年新收政府信息公开申请数量") is content
        if (!info.chrome && tables.has(line.index)) info.table = true;
        else if (!info.chrome) info.heading = matchHeading(line.index, line.text, info, markdownDoc);
        if (info.heading && continuesTableNumbering(doc, infos, info.heading)) {
          info.heading = null;
          info.table = true;
        }
      }
    }
    infos.push(info);
  }
  joinBareMarkers(doc, infos);
  markRowLabels(infos);
  markContents(infos);
  markTrailingChrome(infos);
  return infos;
}

/** Lines looked at after a heading: when each of them is a bare number, the "heading" labels a row of a table. */
const ROW_VALUES = 3;

/**
 * A numbered line followed by lines that are each a bare number ("(二)部分公开", then "0", "0", "0" …): the row label of
 * a table flattened to one cell per line (the standard 依申请公开 table of a web copy), not a heading.
 */
function markRowLabels(infos: LineInfo[]): void {
  const bare = (info: LineInfo) => /^[\d.,，%]+$/.test(info.content);
  for (let i = 0; i < infos.length; i++) {
    if (!infos[i].heading) continue;
    let seen = 0;
    let j = i + 1;
    for (; j < infos.length && seen < ROW_VALUES; j++) {
      if (infos[j].blank) continue;
      if (!bare(infos[j])) break;
      seen++;
    }
    // (the last row of a copy cut off after its label: a bare number before it, nothing after it)
    let before = i - 1;
    while (before >= 0 && infos[before].blank) before--;
    const lastRow = j >= infos.length && before >= 0 && bare(infos[before]);
    if (seen === ROW_VALUES || lastRow) {
      infos[i].heading = null;
      infos[i].table = true;
    }
  }
}

/**
 * A table of contents ("目 录", then the headings, then the body opening with the first of them again): its lines are
 * no headings of the body (its "四、" is not the one before the body's "二、"). Only where the first entry comes again
 * within CONTENTS_MAX_LINES short lines: a 目录 line with no repeat is left as it is.
 */
function markContents(infos: LineInfo[]): void {
  const at = infos.findIndex((x) => !x.blank && x.content.replace(/[\s\u3000]/g, '') === '目录');
  if (at < 0) return;
  let first = -1;
  for (let i = at + 1; i < infos.length && i - at <= CONTENTS_MAX_LINES; i++) {
    const info = infos[i];
    if (info.blank) continue;
    if (info.content.length > CONTENTS_ENTRY_MAX || info.content.includes('。')) return;
    if (first < 0) first = i;
    else if (info.content === infos[first].content) {
      for (let j = at; j < i; j++) {
        if (infos[j].blank) continue;
        infos[j].chrome = true;
        infos[j].heading = null;
      }
      return;
    }
  }
}

/**
 * A number alone on its line ("2." then "人员编制" on the next: a web or PDF copy broke the heading after its marker)
 * is the heading of the line after it, when that line is text (not a heading, table row, page chrome or a figure).
 */
function joinBareMarkers(doc: ReportDocument, infos: LineInfo[]): void {
  for (let i = 0; i + 1 < infos.length; i++) {
    const info = infos[i];
    if (info.blank || info.chrome || info.table || info.heading || info.content.length > 8) continue;
    const next = infos[i + 1];
    if (next.blank || next.chrome || next.table || next.heading || /^[\d.%]/.test(next.content)) continue;
    // the marker with the next line's text after it, read as one heading line
    const joined: LineInfo = { ...info, content: info.content + next.content, heading: null };
    const h = matchHeading(i, doc.lines[i].text, joined, false);
    if (!h || !isNumbered(h.kind) || h.ordinal === undefined) continue;
    const markerLen = info.content.length;
    const cut = headingCut(next.content, 0);
    let name = info.content + next.content.slice(0, cut);
    if (name.length > config.maxNameChars) name = name.slice(0, config.maxNameChars) + '…';
    info.heading = { line: i, kind: h.kind, ordinal: h.ordinal, marker: h.marker, name, start: info.lead, end: info.lead + markerLen };
  }
}

/** Page furniture at the end (最热评论, 表情, "0", 版权所有 …): from the first chrome line after which only short lines follow. */
function markTrailingChrome(infos: LineInfo[]): void {
  let candidate = -1;
  for (let i = infos.length - 1; i >= 0; i--) {
    const info = infos[i];
    if (info.blank) continue;
    if (info.chrome) {
      candidate = i;
      continue;
    }
    if (info.heading || info.content.length > 40 || info.content.includes('。')) break;
  }
  if (candidate < 0) return;
  for (let i = candidate; i < infos.length; i++) {
    if (!infos[i].blank) {
      infos[i].chrome = true;
      infos[i].heading = null;
    }
  }
}

/** The title: the first short lines before any paragraph or heading, one of them naming the report. */
function findTitle(doc: ReportDocument, infos: LineInfo[]): Heading | null {
  const block: number[] = [];
  for (let i = 0; i < infos.length && block.length < 4; i++) {
    const info = infos[i];
    if (info.blank || info.chrome) continue;
    if (info.table) break;
    if (info.heading && info.heading.kind !== 'bracket') break;
    if (info.content.length > 80 || info.content.includes('。') || /[:：]$/.test(info.content)) break;
    block.push(i);
  }
  const k = block.findIndex((i) => TITLE_KEYWORDS.test(infos[i].content) && !SIGNATURE.test(infos[i].content));
  if (k < 0) return null;
  let first = k;
  let last = k;
  if (k > 0 && TITLE_ORG_LINE.test(infos[block[k - 1]].content) && !TITLE_ORG_LINE.test(infos[block[k]].content)) {
    first = k - 1;
  }
  if (
    k + 1 < block.length &&
    !/(报告|情况|篇章)$/.test(infos[block[k]].content) &&
    TITLE_CONTINUATION.test(infos[block[k + 1]].content)
  ) {
    last = k + 1;
  }
  if (last - first + 1 > config.maxTitleLines) return null;
  const lines = block.slice(first, last + 1);
  const firstInfo = infos[lines[0]];
  const lastLine = lines[lines.length - 1];
  const lastInfo = infos[lastLine];
  const name = lines.map((i) => doc.lines[i].text.slice(infos[i].lead).trim()).join('');
  for (const i of lines) infos[i].heading = null;
  return {
    line: lines[0],
    kind: 'title',
    name,
    start: firstInfo.lead,
    end: lastInfo.lead + lastInfo.content.length,
    // the title may span lines: remember the last one for the selection range
    marker: lastLine === lines[0] ? undefined : `lines:${lastLine}`,
  };
}

/** News style (seed 004): no 一、/（一） structure, but short unnumbered lines that introduce paragraphs. */
function findNewsHeadings(infos: LineInfo[], titleLines: Set<number>): number[] {
  let numbered = 0;
  for (const info of infos) {
    if (info.heading && (info.heading.kind === 'cn' || info.heading.kind === 'paren-cn' || info.heading.kind === 'markdown')) {
      numbered++;
    }
  }
  if (numbered >= 2) return [];
  const found: number[] = [];
  const neighbour = (from: number, step: number): LineInfo | null => {
    for (let j = from + step; j >= 0 && j < infos.length; j += step) {
      if (!infos[j].blank && !infos[j].chrome) return infos[j];
    }
    return null;
  };
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i];
    if (info.blank || info.chrome || info.heading || info.table || titleLines.has(i)) continue;
    const c = info.content;
    if (c.length < config.newsHeading.minChars || c.length > config.newsHeading.maxChars) continue;
    if (SENTENCE_PUNCT.test(c) || SIGNATURE.test(c) || /^[-—–•·*]/.test(c)) continue;
    if ((c.match(/[\u4e00-\u9fff]/g) ?? []).length < 4) continue;
    const next = neighbour(i, 1);
    const prev = neighbour(i, -1);
    if (!next || !isBody(next)) continue;
    if (prev && !isBody(prev) && !titleLines.has(infos.indexOf(prev))) continue;
    found.push(i);
  }
  return found.length >= 2 ? found : [];
}

function toRange(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

function newNode(h: Heading, rank: number, doc: ReportDocument, info: LineInfo | null): Node {
  let selEndLine = h.line;
  if (h.kind === 'title' && h.marker?.startsWith('lines:')) selEndLine = Number(h.marker.slice(6));
  const selection = toRange(h.line, h.start, selEndLine, h.end);
  return {
    name: h.name,
    kind: h.kind,
    depth: 0,
    ordinal: h.ordinal,
    marker: h.kind === 'title' ? undefined : h.marker,
    ...(h.numbering ? { numbering: h.numbering } : {}),
    range: toRange(h.line, 0, selEndLine, doc.lines[selEndLine].text.length),
    selectionRange: selection,
    children: [],
    rank,
    startLine: h.line,
    endLine: selEndLine,
    hasRunInText: info ? info.lead + info.content.length > h.end + 1 : false,
    parent: null,
  };
}

/** Name of an implicit section: the opening of its paragraph, up to the first 。/；/：, shortened. */
function implicitName(text: string): string {
  const t = text.trim();
  const m = HEADING_END.exec(t);
  let name = m ? t.slice(0, m.index) : t;
  if (name.length > config.implicitNameChars) name = name.slice(0, config.implicitNameChars) + '…';
  return name;
}

export function parseOutline(doc: ReportDocument, options: { markdown?: boolean } = {}): Outline {
  const markdownDoc = options.markdown ?? doc.lines.some((l) => RE_MARKDOWN.test(l.norm));
  const infos = classifyLines(doc, markdownDoc);
  const chromeLines = new Set<number>();
  infos.forEach((info, i) => info.chrome && chromeLines.add(i));

  const title = findTitle(doc, infos);
  const titleLines = new Set<number>();
  if (title) {
    const last = title.marker?.startsWith('lines:') ? Number(title.marker.slice(6)) : title.line;
    for (let i = title.line; i <= last; i++) titleLines.add(i);
  }
  const newsLines = findNewsHeadings(infos, titleLines);
  for (const i of newsLines) {
    const raw = doc.lines[i].text;
    const info = infos[i];
    info.heading = { line: i, kind: 'news', name: raw.slice(info.lead).trim(), start: info.lead, end: info.lead + info.content.length };
  }

  // 4. the tree
  const roots: Node[] = [];
  const stack: Node[] = [];
  let titleNode: Node | null = null;
  if (title) {
    titleNode = newNode(title, RANK.title, doc, null);
    roots.push(titleNode);
    stack.push(titleNode);
  }
  let previousHeadingLine = title ? title.line : -1;
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i];
    const h = info.heading;
    if (!h || titleLines.has(i)) continue;
    const rank = h.kind === 'markdown' ? RANK.markdown + (info.mdLevel ?? 1) : RANK[h.kind];
    while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
    let parent: Node | null = stack.length ? stack[stack.length - 1] : null;
    if (isNumbered(h.kind) && h.ordinal === 1 && parent && parent !== titleNode && parent.kind !== 'markdown') {
      const last = lastOfKind(parent.children, h.kind);
      if (last && (last.ordinal ?? 0) >= 2) {
        // a restart under the same parent: the numbering opens a new, unheaded section beside the parent
        stack.pop();
        const implicit = openImplicit(doc, infos, i, previousHeadingLine, parent.rank);
        const grand = stack.length ? stack[stack.length - 1] : null;
        attach(implicit, grand, roots);
        stack.push(implicit);
        parent = implicit;
      }
    }
    const node = newNode(h, rank, doc, info);
    attach(node, parent, roots);
    stack.push(node);
    previousHeadingLine = i;
  }

  // 5. ranges
  const lastContent = lastContentLine(infos);
  setRanges(roots, lastContent, infos, doc);

  // 6. run-in enumerations
  addRunIns(doc, infos, roots, titleLines);

  const nodes: OutlineNode[] = [];
  const finish = (list: Node[], depth: number) => {
    for (const n of list) {
      n.depth = depth;
      nodes.push(n);
      finish(n.children, depth + 1);
    }
  };
  finish(roots, 1);
  const clean = (n: Node): OutlineNode => ({
    name: n.name,
    kind: n.kind,
    depth: n.depth,
    ...(n.ordinal !== undefined ? { ordinal: n.ordinal } : {}),
    ...(n.marker !== undefined ? { marker: n.marker } : {}),
    ...(n.numbering ? { numbering: n.numbering } : {}),
    range: n.range,
    selectionRange: n.selectionRange,
    children: n.children.map(clean),
  });
  const cleanRoots = roots.map(clean);
  const flat: OutlineNode[] = [];
  const walk = (list: OutlineNode[]) => list.forEach((n) => (flat.push(n), walk(n.children)));
  walk(cleanRoots);
  return { roots: cleanRoots, nodes: flat, chromeLines, newsStyle: newsLines.length > 0 };
}

function lastOfKind(children: Node[], kind: HeadingKind): Node | undefined {
  for (let i = children.length - 1; i >= 0; i--) if (children[i].kind === kind) return children[i];
  return undefined;
}

function attach(node: Node, parent: Node | null, roots: Node[]): void {
  node.parent = parent;
  (parent ? parent.children : roots).push(node);
}

/**
 * The implicit section opened by a numbering restart at line `at`. It starts at the paragraph that introduces the
 * restarted items ("2023年,我区将认真落实…"), when there is one that is not simply the body of the heading before.
 */
function openImplicit(doc: ReportDocument, infos: LineInfo[], at: number, previousHeading: number, rank: number): Node {
  let intro = -1;
  let bodyLines = 0;
  for (let j = at - 1; j > previousHeading; j--) {
    const info = infos[j];
    if (info.blank || info.chrome) continue;
    if (intro < 0) intro = j;
    bodyLines++;
  }
  const prevInfo = previousHeading >= 0 ? infos[previousHeading] : null;
  const prevHasRunIn =
    prevInfo?.heading != null && prevInfo.lead + prevInfo.content.length > prevInfo.heading.end + 1;
  const useIntro = intro >= 0 && (bodyLines >= 2 || prevHasRunIn);
  const line = useIntro ? intro : at;
  const info = infos[line];
  const raw = doc.lines[line].text;
  const name = useIntro ? implicitName(raw.slice(info.lead)) : infos[at].heading?.name ?? '';
  const selEnd = useIntro ? info.lead + Math.min(info.content.length, headingCut(info.content, 0)) : (infos[at].heading?.end ?? raw.length);
  const node: Node = {
    name,
    kind: 'implicit',
    depth: 0,
    range: toRange(line, 0, line, raw.length),
    selectionRange: toRange(line, info.lead, line, selEnd),
    children: [],
    rank,
    startLine: line,
    endLine: line,
    hasRunInText: false,
    parent: null,
  };
  return node;
}

function lastContentLine(infos: LineInfo[]): number {
  for (let i = infos.length - 1; i >= 0; i--) if (!infos[i].blank && !infos[i].chrome) return i;
  return 0;
}

/** Each section runs to the last content line before its next sibling (or its parent's end). */
function setRanges(list: Node[], limit: number, infos: LineInfo[], doc: ReportDocument): void {
  for (let k = 0; k < list.length; k++) {
    const node = list[k];
    let end = k + 1 < list.length ? list[k + 1].startLine - 1 : limit;
    while (end > node.endLine && (infos[end].blank || infos[end].chrome)) end--;
    if (end < node.endLine) end = node.endLine;
    node.endLine = end;
    node.range = toRange(node.startLine, 0, end, doc.lines[end].text.length);
    setRanges(node.children, end, infos, doc);
  }
}

/** 一是…二是…三是… inside the paragraphs of a section become its children, named by their first clause. */
function addRunIns(doc: ReportDocument, infos: LineInfo[], roots: Node[], titleLines: Set<number>): void {
  // owner[i]: the innermost section containing line i
  const owner: (Node | null)[] = new Array(infos.length).fill(null);
  const paint = (list: Node[]) => {
    for (const n of list) {
      for (let i = n.startLine; i <= n.endLine; i++) owner[i] = n;
      paint(n.children);
    }
  };
  paint(roots);

  interface Seq {
    owner: Node;
    items: { node: Node; line: number; col: number }[];
  }
  let seq: Seq | null = null;
  const touched = new Set<Node>();
  // `limit`: where the next enumeration starts, when it starts on the same line as this one's last item
  const close = (limit?: { line: number; col: number }) => {
    if (!seq) return;
    const items = seq.items;
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      const next = items[k + 1] ?? (limit && limit.line === it.line ? { line: limit.line, col: limit.col } : undefined);
      let endLine = it.line;
      let endCol = doc.lines[it.line].text.length;
      if (next) {
        if (next.line === it.line) {
          endCol = next.col;
          while (endCol > it.col && /[\s]/.test(doc.lines[it.line].text[endCol - 1])) endCol--;
        } else {
          endLine = next.line - 1;
          while (endLine > it.line && (infos[endLine].blank || infos[endLine].chrome)) endLine--;
          endCol = doc.lines[endLine].text.length;
        }
      }
      it.node.range = toRange(it.line, it.col, endLine, endCol);
      it.node.endLine = endLine;
      seq.owner.children.push(it.node);
    }
    touched.add(seq.owner);
    seq = null;
  };

  for (let i = 0; i < infos.length; i++) {
    const info = infos[i];
    const own = owner[i];
    if (info.blank || info.chrome || titleLines.has(i)) continue;
    if (!own) continue;
    if (seq && seq.owner !== own) close();
    const norm = doc.lines[i].norm;
    const from = info.heading ? info.heading.end : info.lead;
    RE_RUNIN.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = RE_RUNIN.exec(norm)) !== null) {
      const col = m.index + m[1].length;
      if (col < from) continue;
      const n = parseChineseOrdinal(m[2]);
      const expected: number = seq ? seq.items.length + 1 : 1;
      if (n === 1) {
        close({ line: i, col });
        seq = { owner: own, items: [] };
      } else if (!seq || n !== expected) {
        continue;
      }
      const raw = doc.lines[i].text;
      const rest = raw.slice(col);
      const cm = RE_CLAUSE_END.exec(rest);
      let name = (cm ? rest.slice(0, cm.index) : rest).trim();
      if (name.length > 30) name = name.slice(0, 30) + '…';
      const node: Node = {
        name,
        kind: 'runin',
        depth: 0,
        ordinal: n,
        marker: m[2] + '是',
        range: toRange(i, col, i, raw.length),
        selectionRange: toRange(i, col, i, col + name.replace(/…$/, '').length),
        children: [],
        rank: RANK.runin,
        startLine: i,
        endLine: i,
        hasRunInText: false,
        parent: own,
      };
      (seq as Seq | null)?.items.push({ node, line: i, col });
    }
    // a new heading line closes the enumeration of the section before it
    const nextInfo = infos[i + 1];
    if (seq && nextInfo?.heading && !titleLines.has(i + 1)) close();
  }
  close();
  for (const n of touched) {
    n.children.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
  }
}
