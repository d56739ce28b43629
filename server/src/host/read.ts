// Reading a report from disk the way drafters actually save them: UTF-8 (with or without BOM), UTF-16 with BOM
// (Windows Notepad "Unicode"), or GB18030/GBK (older Chinese Windows tools). Line endings are left as they are:
// the engine splits CRLF, LF and CR alike, and keeping the text untouched keeps columns true to the file.
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { isDocumentFile, readDocumentFile, type ReadDocument } from './readers';

/** A reason in both languages, Chinese first: drafters read the first half, tools and colleagues the second. */
export interface Bilingual {
  zh: string;
  en: string;
}

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: Bilingual };

/** How much of the start of a file is looked at for NUL bytes when deciding it is binary. */
const SNIFF_BYTES = 8192;

const BINARY: Bilingual = { zh: '看起来是二进制文件，不是文本报告', en: 'binary file, not a text report' };
const UNKNOWN_ENCODING: Bilingual = {
  zh: '无法识别文本编码（不是 UTF-8、UTF-16 或 GB18030）',
  en: 'unknown text encoding (not UTF-8, UTF-16 or GB18030)',
};

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    // TextDecoder drops a leading BOM of its own encoding (ignoreBOM defaults to false).
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeReport(bytes: Uint8Array): Decoded {
  const decoded = (encoding: string, label: string): Decoded => {
    const text = tryDecode(encoding, bytes);
    return text === null ? { ok: false, reason: UNKNOWN_ENCODING } : { ok: true, text, encoding: label };
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decoded('utf-8', 'utf-8-bom');
  // UTF-16 text is full of NUL bytes, so its BOM must be recognised before the binary test.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded('utf-16le', 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded('utf-16be', 'utf-16be');
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { ok: false, reason: BINARY };
  // the common case, checked and decoded natively (a fatal TextDecoder is several times slower on a folder of reports)
  if (isUtf8(bytes)) return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), encoding: 'utf-8' };
  // Not UTF-8: GB18030 is a superset of GBK and GB2312, so one decoder covers all three.
  return decoded('gb18030', 'gb18030');
}

function ioReason(e: unknown): Bilingual {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { zh: '文件不存在', en: 'no such file' };
    case 'EISDIR':
      return { zh: '这是文件夹，不是文件', en: 'is a folder, not a file' };
    case 'EACCES':
    case 'EPERM':
      return { zh: '没有读取权限', en: 'permission denied' };
    default: {
      const msg = e instanceof Error ? e.message : String(e);
      return { zh: `读取出错（${msg}）`, en: `read error (${msg})` };
    }
  }
}

export function readReport(file: string): Decoded {
  return readReportBytes(file).decoded;
}

/** readReport() with the bytes read (for `check --fix`, which writes the file back in the same encoding). */
export function readReportBytes(file: string): { decoded: Decoded; bytes?: Buffer } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { decoded: { ok: false, reason: ioReason(e) } };
  }
  return { decoded: decodeReport(bytes), bytes };
}

/** The single line printed on stderr for a file that could not be read. */
export function readErrorLine(file: string, reason: Bilingual): string {
  return `fazhi-report: 无法读取 ${file}：${reason.zh} / cannot read ${file}: ${reason.en}`;
}

/** A file as the commands check it: a text report decoded, or a Word/WPS/PDF document read into text. */
export type Input =
  | { ok: true; text: string; encoding?: string; bytes?: Buffer; doc?: ReadDocument }
  | { ok: false; reason: Bilingual };

/** Reads a report of any supported kind: .docx/.doc/.wps/.pdf through the document readers, anything else as text. */
export async function readInput(file: string): Promise<Input> {
  if (isDocumentFile(file)) {
    const r = await readDocumentFile(file);
    return r.ok ? { ok: true, text: r.doc.text, doc: r.doc } : r;
  }
  const { decoded, bytes } = readReportBytes(file);
  return decoded.ok ? { ok: true, text: decoded.text, encoding: decoded.encoding, bytes } : decoded;
}

/** The notes a reader left about a document (one stderr line each). */
export function readWarningLines(file: string, doc: ReadDocument | undefined): string[] {
  return (doc?.warnings ?? []).map((w) => `fazhi-report: ${file}：${w}`);
}
