// PDF with a text layer, read with Mozilla's pdf.js (pdfjs-dist, legacy build for Node: no worker thread, no
// network, no font loading). pdf.js gives positioned pieces of text; this file rebuilds the report from them:
//   - pieces on one baseline make a line, left to right; a wide gap between pieces splits the line into cells, and
//     two or more consecutive lines with cells are a table, written as `| a | b |` rows with blank lines around;
//   - page numbers ("— 3 —", "-3-", "第3页", "第 3 页 共 10 页", "3/10") and running headers and footers (a line
//     at the top or bottom of most pages) are removed;
//   - lines are rejoined into paragraphs: Chinese PDFs wrap mid-sentence, so a line that reaches the right margin
//     continues on the next one unless that one starts a heading (一、 （一） 1. （1） 第一章) or is indented
//     (the two-character first-line indent of 公文).
// A PDF with (almost) no text is a scan: it is refused with one clear line instead of being checked as empty.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { pipeRow, TextBuilder, UnreadableDocument, type ReadDocument } from './types';

const SCANNED = {
  zh: 'PDF 中没有文字层（可能是扫描件或图片），无法检查；请先做文字识别（OCR），或提供 Word 原文件',
  en: 'the PDF has no text layer (a scan or an image): run OCR first, or check the Word original',
};
const DAMAGED = { zh: 'PDF 文件已损坏或不完整，无法读取', en: 'damaged or incomplete PDF file' };
const PASSWORD = { zh: 'PDF 有打开密码，无法读取', en: 'the PDF is password-protected' };
const NO_LIBRARY = { zh: '缺少读取 PDF 所需的 pdfjs-dist，请重新安装', en: 'pdfjs-dist, needed to read PDF, is missing: reinstall' };

/** One line of a page as laid out. */
export interface LayoutLine {
  text: string;
  /** the line split at wide gaps (more than one entry: maybe a table row) */
  cells: string[];
  x0: number;
  x1: number;
  /** font size (height of the text) */
  size: number;
  page: number;
}

interface Piece {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

const HEADING = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[)）]|第[一二三四五六七八九十]{1,3}[章节部分])/;
const SENTENCE_END = /[。！？!?；;：:…”’」』）)]$/;
const PAGE_NUMBER = /^(?:[-—–－‒~～\s]*\d{1,4}[-—–－‒~～\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

const isWide = (s: string) => /[\u3000-\u9fff\uff00-\uffef]/.test(s);

/** The pieces of one page grouped into lines, top to bottom. */
export function linesOfPage(pieces: Piece[], page: number): LayoutLine[] {
  // footnote marks: a few small digits raised above the text (the page's usual size is the most common one)
  const sizes = new Map<number, number>();
  for (const p of pieces) if (p.str.trim()) sizes.set(Math.round(p.size), (sizes.get(Math.round(p.size)) ?? 0) + p.str.length);
  const usual = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const mark = (p: Piece) => p.size < 0.7 * usual && /^\s*[0-9*①-⑳]{1,3}\s*$/.test(p.str);
  const sorted = pieces.filter((p) => p.str.length > 0 && !mark(p)).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Piece[][] = [];
  for (const p of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - p.y) < Math.max(2, 0.5 * Math.min(row[0].size, p.size || row[0].size))) row.push(p);
    else rows.push([p]);
  }
  const out: LayoutLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((p) => p.size || 10));
    const cells: string[] = [];
    let cell = '';
    let end = -Infinity;
    let space = false;
    for (const p of row) {
      // pdf.js inserts pieces of white space where it sees a gap: they say "a gap", their width says nothing
      if (!p.str.trim()) {
        space = true;
        continue;
      }
      const gap = p.x - end;
      if (cell && gap > 2 * size) {
        cells.push(cell);
        cell = '';
      } else if (cell && (space || gap > 0.25 * size) && !(isWide(cell.slice(-1)) || isWide(p.str[0]))) {
        cell += ' ';
      }
      cell += p.str;
      space = false;
      end = Math.max(end, p.x + p.w);
    }
    cells.push(cell);
    const trimmed = cells.map((c) => tidy(c)).filter((c) => c.length > 0);
    if (trimmed.length === 0) continue;
    out.push({ text: trimmed.join(' '), cells: trimmed, x0: row[0].x, x1: end, size, page });
  }
  return out;
}

/** Spaces a PDF puts between Chinese and Latin letters or digits ("2023 年", "120 件") are layout, not text. */
function tidy(s: string): string {
  return s
    .replace(/([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[0-9A-Za-z%.])/g, '$1')
    .replace(/([0-9A-Za-z%.])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g, '$1')
    .replace(/([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g, '$1')
    .trim();
}

const key = (s: string) => s.replace(/\s+/g, '').replace(/\d+/g, '#');

/** Removes page numbers and the lines repeated at the top or bottom of most pages. */
export function dropPageFurniture(pages: LayoutLine[][]): LayoutLine[][] {
  const EDGE = 2;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const l of [...lines.slice(0, EDGE), ...lines.slice(-EDGE)]) seen.add(key(l.text));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = (l: LayoutLine) => {
    const n = counts.get(key(l.text)) ?? 0;
    return n >= 2 && n > pages.length / 2;
  };
  return pages.map((lines) =>
    lines.filter((l, i) => {
      const atEdge = i < EDGE || i >= lines.length - EDGE;
      // a line that is only a number is a page number wherever it stands; "第3页" and "— 3 —" at the edges
      return !(/^\d{1,4}$/.test(l.text.trim()) || (atEdge && (PAGE_NUMBER.test(l.text.trim()) || repeated(l))));
    }),
  );
}

/** Lines rejoined into paragraphs, tables written as pipe rows. */
export function paragraphsOf(pages: LayoutLine[][]): { text: string; lines: { paragraph: number; page: number }[] } {
  const all = pages.flat();
  const out = new TextBuilder();
  if (all.length === 0) return { text: '', lines: [] };
  // the text block's margins: the most common left edge, and the right edge most full lines reach
  const round = (x: number) => Math.round(x);
  const mode = (xs: number[]) => {
    const c = new Map<number, number>();
    for (const x of xs) c.set(round(x), (c.get(round(x)) ?? 0) + 1);
    return [...c.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  };
  const left = mode(all.map((l) => l.x0));
  const rights = all.map((l) => l.x1).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)];
  const indentSeen = all.some((l) => l.x0 > left + 1.2 * l.size && l.x0 < left + 3 * l.size);

  // table rows: two or more consecutive lines split into cells, on one page
  const isTableRow = new Array<boolean>(all.length).fill(false);
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j].cells.length >= 2 && all[j].page === all[i].page) j++;
    if (j - i >= 2) for (let k = i; k < j; k++) isTableRow[k] = true;
    i = Math.max(j, i + 1);
  }

  let paragraph = 0;
  let current = '';
  let currentPage = 0;
  const flush = () => {
    if (!current) return;
    out.push(current, { paragraph: ++paragraph, page: currentPage });
    current = '';
  };
  for (let i = 0; i < all.length; i++) {
    const l = all[i];
    if (isTableRow[i]) {
      flush();
      if (!isTableRow[i - 1]) out.blank({ paragraph: paragraph + 1, page: l.page });
      out.push(pipeRow(l.cells), { paragraph: ++paragraph, page: l.page });
      if (!isTableRow[i + 1]) out.blank({ paragraph, page: l.page });
      continue;
    }
    const prev = i > 0 && !isTableRow[i - 1] ? all[i - 1] : null;
    const continues =
      current !== '' &&
      prev !== null &&
      prev.x1 >= right - 1.5 * prev.size &&
      !HEADING.test(l.text) &&
      !(indentSeen && l.x0 > left + 1.2 * l.size) &&
      !(!indentSeen && SENTENCE_END.test(prev.text));
    if (continues) {
      const glue = /[A-Za-z0-9,.;:]$/.test(current) && /^[A-Za-z0-9]/.test(l.text) ? ' ' : '';
      current += glue + l.text;
    } else {
      flush();
      current = l.text;
      currentPage = l.page;
    }
  }
  flush();
  return { text: out.text(), lines: out.lines as { paragraph: number; page: number }[] };
}

// ---- pdf.js ----

interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
  GlobalWorkerOptions: { workerSrc: string };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }>;
  destroy(): Promise<void>;
}

let pdfjs: Promise<{ lib: PdfJs; dir: string }> | undefined;

/** The folder holding pdfjs-dist: beside the bundle (dist/../node_modules) or found by Node's resolution. */
function pdfjsDir(): string | null {
  try {
    return path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
  } catch {
    const beside = path.join(__dirname, '..', 'node_modules', 'pdfjs-dist');
    return fs.existsSync(beside) ? beside : null;
  }
}

// a dynamic import that TypeScript's CommonJS output and esbuild leave alone (pdf.js is an ES module); where
// bin/load-cli.js compiled the command line's bundle itself (with V8's code cache), an import() inside it has no
// loader, and that file's own is used
type ImportEsm = (url: string) => Promise<unknown>;
const importEsm: ImportEsm =
  ((globalThis as Record<symbol, unknown>)[Symbol.for('fazhi-report.import')] as ImportEsm | undefined) ?? (new Function('url', 'return import(url)') as ImportEsm);

async function loadPdfJs(): Promise<{ lib: PdfJs; dir: string }> {
  const dir = pdfjsDir();
  if (!dir) throw new UnreadableDocument(NO_LIBRARY);
  // pdf.js 4 reaches Node's modules through process.getBuiltinModule (Node ≥ 20.16); older Electron hosts lack it
  const proc = process as unknown as { getBuiltinModule?: (name: string) => unknown };
  if (!proc.getBuiltinModule) proc.getBuiltinModule = (name: string) => createRequire(__filename)(name.replace(/^node:/, ''));
  // its start-up notes about canvas polyfills (rendering only, not text) go to console.log: keep stdout clean
  const log = console.log;
  console.log = () => undefined;
  try {
    const lib = (await importEsm(pathToFileURL(path.join(dir, 'legacy', 'build', 'pdf.mjs')).href)) as PdfJs;
    lib.GlobalWorkerOptions.workerSrc = pathToFileURL(path.join(dir, 'legacy', 'build', 'pdf.worker.mjs')).href;
    return { lib, dir };
  } finally {
    console.log = log;
  }
}

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  pdfjs ??= loadPdfJs().catch((e) => {
    pdfjs = undefined;
    throw e;
  });
  const { lib, dir } = await pdfjs;
  const task = lib.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer it is given
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string } | undefined)?.name;
    throw new UnreadableDocument(name === 'PasswordException' ? PASSWORD : DAMAGED);
  }
  try {
    const pages: LayoutLine[][] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items as { str?: string; transform?: number[]; width?: number; height?: number }[]) {
        if (typeof item.str !== 'string' || !item.transform) continue;
        const [a, b, c, d, e, f] = item.transform;
        void a;
        void b;
        chars += item.str.replace(/\s+/g, '').length;
        pieces.push({ str: item.str, x: e, y: f, w: item.width ?? 0, size: item.height || Math.hypot(c, d) || 10 });
      }
      pages.push(linesOfPage(pieces, n));
      page.cleanup();
    }
    // a scan carries at most a few stray characters (a stamp's text, a page number) per page
    if (chars < Math.max(20, 10 * doc.numPages)) throw new UnreadableDocument(SCANNED);
    const { text, lines } = paragraphsOf(dropPageFurniture(pages));
    return { kind: 'pdf', text, lines, warnings: [] };
  } catch (e) {
    if (e instanceof UnreadableDocument) throw e;
    throw new UnreadableDocument(DAMAGED);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
