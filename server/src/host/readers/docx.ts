// .docx (Office Open XML): a zip of XML parts. Read with fflate (unzip) and @xmldom/xmldom (DOM), both pure
// JavaScript. The text is the document body as printed:
//   - one paragraph per line, with the numbers Word's automatic numbering draws (numbering.xml, see numbering.ts),
//     also when the number comes from the paragraph's style (Heading 1 linked to a list);
//   - tracked changes as the document now reads: insertions and moved-to text kept, deletions and moved-from dropped;
//   - tables as `| a | b |` rows, one row per line, a blank line before and after; a merged cell's text stands in
//     its first cell, the cells it covers are left empty (so a column's sum never counts a value twice);
//   - footnotes, endnotes, comments, headers and footers left out (they are other parts of the zip);
//   - hidden text (w:vanish), field codes, drawings and text boxes left out.
// Heading styles (Heading 1–4, 标题 1–4, or an outline level 1–4) are noted in the line sources.
import { unzipSync } from 'fflate';
import type { DOMParser as XmlParser, Document, Element } from '@xmldom/xmldom';
import { NumberingState, type Level, type ListInstance, type NumberingDefinitions } from './numbering';
import { pipeRow, TextBuilder, UnreadableDocument, type ReadDocument, type SourceLine } from './types';

type El = Element;

const DAMAGED = { zh: '文件已损坏或不是有效的 .docx（无法解压）', en: 'damaged file or not a valid .docx (cannot unzip)' };
const NO_BODY = { zh: '文件已损坏：找不到正文（word/document.xml）', en: 'damaged file: no document body (word/document.xml)' };
const BAD_XML = { zh: '文件已损坏：正文 XML 无法解析', en: 'damaged file: the document XML cannot be parsed' };

function children(el: El | null | undefined, name?: string): El[] {
  const out: El[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!name || (n as El).localName === name)) out.push(n as El);
  }
  return out;
}

function child(el: El | null | undefined, name: string): El | null {
  if (!el) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as El).localName === name) return n as El;
  return null;
}

/** w:val and the like, whatever the namespace prefix. */
function attr(el: El | null | undefined, name: string): string | null {
  if (!el) return null;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i];
    if (a.localName === name || a.name === name) return a.value;
  }
  return null;
}

/** An on/off property (<w:vanish/>, <w:vanish w:val="false"/>). */
function isOn(el: El | null): boolean {
  if (!el) return false;
  const v = attr(el, 'val');
  return v === null || !/^(false|0|off)$/i.test(v);
}

/**
 * The XML parser, required when a Word file is first read: a folder of plain-text reports (and each thread of a
 * folder check) does not pay its start-up.
 */
let parserClass: typeof XmlParser | undefined;
function xmlParser(): typeof XmlParser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (parserClass ??= (require('@xmldom/xmldom') as typeof import('@xmldom/xmldom')).DOMParser);
}

function parseXml(xml: string, onError: () => never): Document {
  let failed = false;
  const doc = new (xmlParser())({
    onError: (level: string) => {
      if (level === 'fatalError' || level === 'error') failed = true;
    },
  }).parseFromString(xml, 'text/xml') as unknown as Document;
  if (failed || !doc.documentElement) onError();
  return doc;
}

// ---- styles ----

interface StyleInfo {
  name: string;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
}

function readStyles(doc: Document | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!doc) return styles;
  for (const s of children(doc.documentElement, 'style')) {
    if (attr(s, 'type') !== 'paragraph') continue;
    const id = attr(s, 'styleId');
    if (!id) continue;
    const pPr = child(s, 'pPr');
    const numPr = child(pPr, 'numPr');
    const outline = attr(child(pPr, 'outlineLvl'), 'val');
    styles.set(id, {
      name: attr(child(s, 'name'), 'val') ?? id,
      basedOn: attr(child(s, 'basedOn'), 'val') ?? undefined,
      numId: attr(child(numPr, 'numId'), 'val') ?? undefined,
      ilvl: numPr && child(numPr, 'ilvl') ? Number(attr(child(numPr, 'ilvl'), 'val')) : undefined,
      outlineLevel: outline !== null ? Number(outline) : undefined,
    });
  }
  return styles;
}

/** A style property, looked up along the basedOn chain. */
function styleProp<K extends keyof StyleInfo>(styles: Map<string, StyleInfo>, id: string | null, key: K): StyleInfo[K] | undefined {
  for (let depth = 0; id && depth < 20; depth++) {
    const s = styles.get(id);
    if (!s) return undefined;
    if (s[key] !== undefined) return s[key];
    id = s.basedOn ?? null;
  }
  return undefined;
}

/** 1–4 for Heading 1–4 / 标题 1–4 (by name, then by outline level), else undefined. */
function headingLevel(styles: Map<string, StyleInfo>, styleId: string | null, outlineLvl: number | undefined): number | undefined {
  const level = (n: number | undefined) => (n !== undefined && n >= 1 && n <= 4 ? n : undefined);
  if (outlineLvl !== undefined) return level(outlineLvl + 1);
  for (let id = styleId, depth = 0; id && depth < 20; depth++) {
    const s = styles.get(id);
    if (!s) break;
    const m = /^(?:heading|标题)\s*(\d)$/i.exec(s.name.trim());
    if (m) return level(Number(m[1]));
    if (s.outlineLevel !== undefined) return level(s.outlineLevel + 1);
    id = s.basedOn ?? null;
  }
  return undefined;
}

// ---- numbering ----

function readLevels(abs: El): Level[] {
  const levels: Level[] = [];
  for (const lvl of children(abs, 'lvl')) {
    const i = Number(attr(lvl, 'ilvl') ?? levels.length);
    levels[i] = levelOf(lvl);
  }
  for (let i = 0; i < 9; i++) levels[i] ??= { start: 1, numFmt: 'decimal', lvlText: `%${i + 1}.`, legal: false, suffix: 'tab' };
  return levels;
}

function levelOf(lvl: El, base?: Level): Level {
  const start = attr(child(lvl, 'start'), 'val');
  const fmt = attr(child(lvl, 'numFmt'), 'val');
  const text = attr(child(lvl, 'lvlText'), 'val');
  const suff = attr(child(lvl, 'suff'), 'val');
  return {
    start: start !== null ? Number(start) : (base?.start ?? 1),
    numFmt: fmt ?? base?.numFmt ?? 'decimal',
    lvlText: text ?? base?.lvlText ?? '',
    legal: child(lvl, 'isLgl') ? isOn(child(lvl, 'isLgl')) : (base?.legal ?? false),
    suffix: suff === 'space' || suff === 'nothing' ? suff : suff === 'tab' ? 'tab' : (base?.suffix ?? 'tab'),
  };
}

function readNumbering(doc: Document | null): NumberingDefinitions {
  const instances = new Map<string, ListInstance>();
  if (!doc) return { instances };
  const abstracts = new Map<string, El>();
  for (const a of children(doc.documentElement, 'abstractNum')) {
    const id = attr(a, 'abstractNumId');
    if (id !== null) abstracts.set(id, a);
  }
  const resolveAbstract = (id: string, depth = 0): Level[] | null => {
    const a = abstracts.get(id);
    if (!a) return null;
    // an abstract definition that only links to a numbering style: follow it to the list the style names
    const link = attr(child(a, 'numStyleLink'), 'val');
    if (link && depth < 5 && children(a, 'lvl').length === 0) {
      for (const other of abstracts.values()) {
        if (attr(child(other, 'styleLink'), 'val') === link) return readLevels(other);
      }
    }
    return readLevels(a);
  };
  for (const num of children(doc.documentElement, 'num')) {
    const numId = attr(num, 'numId');
    const absId = attr(child(num, 'abstractNumId'), 'val');
    if (numId === null || absId === null) continue;
    const base = resolveAbstract(absId);
    if (!base) continue;
    const levels = base.map((l) => ({ ...l }));
    const restarts: number[] = [];
    for (const o of children(num, 'lvlOverride')) {
      const i = Number(attr(o, 'ilvl') ?? -1);
      if (!(i >= 0 && i < levels.length)) continue;
      const lvl = child(o, 'lvl');
      if (lvl) levels[i] = levelOf(lvl, levels[i]);
      const so = attr(child(o, 'startOverride'), 'val');
      if (so !== null) {
        levels[i].start = Number(so);
        restarts.push(i);
      }
    }
    instances.set(numId, { abstractId: absId, levels, restarts });
  }
  return { instances };
}

// ---- body ----

/** Elements whose content is the document as it now reads (tracked insertions, moves, content controls, links…). */
const TRANSPARENT = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'sdt', 'sdtContent', 'fldSimple', 'dir', 'bdo']);
/** Elements left out: deletions, moved-from text, properties, drawings and text boxes, alternate content. */
const SKIPPED = new Set(['del', 'moveFrom', 'pPr', 'rPr', 'sdtPr', 'sdtEndPr', 'drawing', 'pict', 'object', 'AlternateContent', 'commentRangeStart', 'commentRangeEnd', 'bookmarkStart', 'bookmarkEnd', 'proofErr']);

class BodyReader {
  readonly out = new TextBuilder();
  paragraph = 0;
  readonly warnings = new Set<string>();
  private readonly numbering: NumberingState;

  constructor(
    private readonly styles: Map<string, StyleInfo>,
    defs: NumberingDefinitions,
  ) {
    this.numbering = new NumberingState(defs);
  }

  block(el: El): void {
    for (const c of children(el)) {
      const name = c.localName ?? '';
      if (name === 'p') this.para(c);
      else if (name === 'tbl') this.table(c);
      else if (TRANSPARENT.has(name)) this.block(c);
      // sectPr, bookmarks, deleted blocks: nothing printed
    }
  }

  /** The number drawn before the paragraph ("一、"), from its own numPr or its style's, or ''. */
  private numberOf(p: El, styleId: string | null): string {
    const numPr = child(child(p, 'pPr'), 'numPr');
    let numId = attr(child(numPr, 'numId'), 'val') ?? undefined;
    const ilvlOwn = attr(child(numPr, 'ilvl'), 'val');
    let ilvl = ilvlOwn !== null ? Number(ilvlOwn) : undefined;
    if (numId === undefined) numId = styleProp(this.styles, styleId, 'numId');
    if (ilvl === undefined) ilvl = styleProp(this.styles, styleId, 'ilvl') ?? 0;
    if (numId === undefined) return '';
    return this.numbering.next(numId, ilvl) ?? '';
  }

  /** A paragraph's printed text (number included) and its heading level. */
  paraText(p: El): { text: string; heading?: number } {
    const pPr = child(p, 'pPr');
    const styleId = attr(child(pPr, 'pStyle'), 'val');
    const outline = attr(child(pPr, 'outlineLvl'), 'val');
    const number = this.numberOf(p, styleId);
    const text = this.runs(p);
    const heading = headingLevel(this.styles, styleId, outline !== null ? Number(outline) : undefined);
    // the number is drawn even before an empty paragraph, but a numbered blank line is noise for the checks
    return { text: text.trim() ? number + text : text, heading };
  }

  /** A paragraph whose mark was deleted (tracked): its text runs on into the next paragraph, as Word now shows it. */
  private joined: { text: string; paragraph: number } | null = null;

  private para(p: El): void {
    this.paragraph++;
    let text: string;
    let heading: number | undefined;
    let paragraph = this.paragraph;
    if (this.joined) {
      // the joined paragraph keeps the first one's number and style: the second's list number is not drawn
      text = this.joined.text + this.runs(p);
      paragraph = this.joined.paragraph;
      this.joined = null;
    } else {
      ({ text, heading } = this.paraText(p));
    }
    if (child(child(child(p, 'pPr'), 'rPr'), 'del')) {
      this.joined = { text, paragraph };
      return;
    }
    const source: SourceLine = heading ? { paragraph, heading } : { paragraph };
    this.out.push(text.replace(/\s+$/, ''), source);
  }

  /** Whatever is still waiting for a next paragraph (a deleted mark on the last one) is printed. */
  finish(): void {
    if (this.joined) this.out.push(this.joined.text.replace(/\s+$/, ''), { paragraph: this.joined.paragraph });
    this.joined = null;
  }

  /** The text of a paragraph's runs, in order, through insertions, links, fields and content controls. */
  private runs(el: El): string {
    let s = '';
    // complex fields: between begin and separate is the field code (hidden), between separate and end its result
    const fields: ('code' | 'result')[] = [];
    const inCode = () => fields.includes('code');
    const visit = (node: El) => {
      for (const c of children(node)) {
        const name = c.localName ?? '';
        if (SKIPPED.has(name)) continue;
        if (name === 'r') {
          if (isOn(child(child(c, 'rPr'), 'vanish'))) continue;
          for (const item of children(c)) {
            switch (item.localName ?? '') {
              case 'fldChar': {
                const type = attr(item, 'fldCharType');
                if (type === 'begin') fields.push('code');
                else if (type === 'separate' && fields.length) fields[fields.length - 1] = 'result';
                else if (type === 'end') fields.pop();
                break;
              }
              case 't':
                if (!inCode()) s += item.textContent ?? '';
                break;
              case 'tab':
              case 'ptab':
                if (!inCode()) s += '\t';
                break;
              case 'br':
              case 'cr':
                if (!inCode() && attr(item, 'type') !== 'page' && attr(item, 'type') !== 'column') s += '\n';
                break;
              case 'noBreakHyphen':
                s += '-';
                break;
              default:
                break; // rPr, delText, instrText, footnote references, drawings, symbols
            }
          }
        } else if (TRANSPARENT.has(name) || name === 'fldSimple') {
          visit(c);
        }
      }
    };
    visit(el);
    return s;
  }

  private tables = 0;
  private rowInTable = 0;

  private table(tbl: El): void {
    const first = this.paragraph + 1;
    this.tables++;
    this.rowInTable = 0;
    this.out.blank({ paragraph: first });
    for (const tr of children(tbl)) {
      if (tr.localName !== 'tr') {
        if (TRANSPARENT.has(tr.localName ?? '')) for (const inner of children(tr, 'tr')) this.row(inner);
        continue;
      }
      this.row(tr);
    }
    this.out.blank({ paragraph: this.paragraph });
  }

  private row(tr: El): void {
    // a deleted row (tracked change) is no longer part of the table
    if (child(child(tr, 'trPr'), 'del')) return;
    const cells: string[] = [];
    let firstParagraph = 0;
    const addCell = (tc: El) => {
      const tcPr = child(tc, 'tcPr');
      const span = Number(attr(child(tcPr, 'gridSpan'), 'val') ?? 1) || 1;
      const vMerge = child(tcPr, 'vMerge');
      const continued = vMerge !== null && attr(vMerge, 'val') !== 'restart';
      const parts: string[] = [];
      for (const c of children(tc)) {
        if (c.localName === 'p') {
          this.paragraph++;
          firstParagraph ||= this.paragraph;
          parts.push(this.paraText(c).text.trim());
        } else if (c.localName === 'tbl') {
          // a table inside a cell: its cells' text, in order, in this cell
          for (const p of Array.from(c.getElementsByTagNameNS('*', 'p')) as El[]) {
            this.paragraph++;
            parts.push(this.paraText(p).text.trim());
          }
          this.warnings.add('表格中嵌有表格，内层表格的文字并入所在单元格 / a nested table was flattened into its cell');
        } else if (TRANSPARENT.has(c.localName ?? '')) {
          for (const p of children(c, 'p')) {
            this.paragraph++;
            parts.push(this.paraText(p).text.trim());
          }
        }
      }
      cells.push(continued ? '' : parts.filter(Boolean).join(' '));
      for (let k = 1; k < span; k++) cells.push('');
    };
    for (const c of children(tr)) {
      if (c.localName === 'tc') addCell(c);
      else if (TRANSPARENT.has(c.localName ?? '')) for (const tc of children(c, 'tc')) addCell(tc);
    }
    if (cells.length === 0) return;
    this.out.push(pipeRow(cells), { paragraph: firstParagraph || this.paragraph, table: { index: this.tables, row: ++this.rowInTable } });
  }
}

export function readDocx(bytes: Uint8Array): ReadDocument {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/numbering.xml' || f.name === 'word/styles.xml' || f.name === '[Content_Types].xml' });
  } catch {
    throw new UnreadableDocument(DAMAGED);
  }
  const main = files['word/document.xml'];
  if (!main) throw new UnreadableDocument(NO_BODY);
  const decode = (b: Uint8Array | undefined) => (b ? new TextDecoder('utf-8').decode(b) : null);
  const doc = parseXml(decode(main)!, () => {
    throw new UnreadableDocument(BAD_XML);
  });
  const optional = (name: string) => {
    const xml = decode(files[name]);
    if (xml === null) return null;
    try {
      return parseXml(xml, () => {
        throw new Error('bad xml');
      });
    } catch {
      return null;
    }
  };
  const warnings: string[] = [];
  const numberingDoc = optional('word/numbering.xml');
  if (files['word/numbering.xml'] && !numberingDoc) warnings.push('自动编号定义（numbering.xml）无法解析，标题编号未读出 / numbering.xml could not be parsed: automatic numbers left out');
  const reader = new BodyReader(readStyles(optional('word/styles.xml')), readNumbering(numberingDoc));
  const body = child(doc.documentElement as unknown as El, 'body');
  if (!body) throw new UnreadableDocument(NO_BODY);
  reader.block(body);
  reader.finish();
  return { kind: 'docx', text: reader.out.text(), lines: reader.out.lines, warnings: [...warnings, ...reader.warnings] };
}
