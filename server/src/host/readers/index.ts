// Reading Word, WPS and PDF files into the text the engine checks. Node-side (file formats, zip, pdf.js): the
// engine stays text in, findings out. The format is recognised by the file's first bytes, not its name, because
// office systems often save one format under another's extension (a .doc that is really a .docx, or RTF).
import { formatMessage } from '../../engine/messages';
import fs from 'node:fs';
import path from 'node:path';
import type { Bilingual } from '../read';
import { readDoc } from './doc';
import { readDocx } from './docx';
import { readPdf } from './pdf';
import { UnreadableDocument, type ReadDocument, type ReadResult } from './types';

export type { DocumentKind, ReadDocument, ReadResult, SourceLine } from './types';

/** Extensions read as documents rather than as text. */
export const DOCUMENT_EXTENSIONS = ['.docx', '.doc', '.wps', '.pdf'];

export function isDocumentFile(file: string): boolean {
  return DOCUMENT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

const RTF = { zh: '这是 RTF 格式文件，暂不支持；请另存为 .docx 再检查', en: 'an RTF file, not supported: save it as .docx' };
const UNKNOWN = { zh: '不是 Word（.docx/.doc）、WPS 或 PDF 文件，无法读取', en: 'not a Word (.docx/.doc), WPS or PDF file' };
const EMPTY = { zh: '文件是空的', en: 'the file is empty' };

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Reads a document already in memory (the format recognised by its first bytes). */
export async function readDocumentBytes(bytes: Buffer): Promise<ReadResult> {
  try {
    if (bytes.length === 0) return { ok: false, reason: EMPTY };
    let doc: ReadDocument;
    if (startsWith(bytes, [0x50, 0x4b])) doc = readDocx(bytes);
    else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) doc = await readDoc(bytes);
    else if (bytes.subarray(0, 1024).includes(Buffer.from('%PDF-'))) doc = await readPdf(bytes);
    else if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { ok: false, reason: RTF };
    else return { ok: false, reason: UNKNOWN };
    return { ok: true, doc };
  } catch (e) {
    if (e instanceof UnreadableDocument) return { ok: false, reason: e.reason };
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: { zh: `读取出错（${msg}）`, en: `read error (${msg})` } };
  }
}

function ioReason(e: unknown): Bilingual {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { zh: '文件不存在', en: 'no such file' };
  if (code === 'EISDIR') return { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' };
  if (code === 'EACCES' || code === 'EPERM') return { zh: '没有读取权限', en: 'permission denied' };
  const msg = e instanceof Error ? e.message : String(e);
  return { zh: `读取出错（${msg}）`, en: `read error (${msg})` };
}

export async function readDocumentFile(file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (e) {
    return { ok: false, reason: ioReason(e) };
  }
  return readDocumentBytes(bytes);
}

/** "第3页" / "第12段" / "第1个表格第2行" (or "p. 3" / "para. 12" / "table 1, row 2") for a line of the extracted text, '' when unknown. */
export function whereText(doc: Pick<ReadDocument, 'kind' | 'lines'>, line: number, locale: 'zh-cn' | 'en'): string {
  const src = doc.lines[line];
  if (!src) return '';
  if (doc.kind === 'pdf' && src.page) return formatMessage(locale, 'where.page', { page: src.page });
  if (src.table) return formatMessage(locale, 'where.tableRow', { table: src.table.index, row: src.table.row });
  return formatMessage(locale, 'where.paragraph', { paragraph: src.paragraph });
}
