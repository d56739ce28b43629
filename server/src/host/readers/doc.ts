// .doc and .wps (the Word 97–2003 binary format in an OLE compound file; WPS Office writes its .wps files in the
// same format). Read with word-extractor (pure JavaScript, reads the WordDocument stream's piece table). What it
// gives is the body text with Word's marks translated: a paragraph per line, table cells ended by a tab, a row
// by the line end. Automatic numbering is not part of that text (it lives in the list tables), so a .doc whose
// headings are numbered by Word shows them without their 一、/（一）: the reader says so when it sees that no
// paragraph carries a number while the file has lists.
import type WordExtractorClass from 'word-extractor';
import { pipeRow, TextBuilder, UnreadableDocument, type ReadDocument } from './types';

const NOT_WORD = {
  zh: '不是 Word 97–2003 格式的 .doc/.wps（可能是旧版 WPS 或其他软件的格式），无法读取；请在 WPS 或 Word 中另存为 .docx 后再检查',
  en: 'not a Word 97–2003 .doc/.wps (perhaps an old WPS or another program\'s format); save it as .docx in WPS or Word and check that',
};
const DAMAGED = { zh: '文件已损坏，无法读取 Word 97–2003 正文', en: 'damaged file: the Word 97–2003 body cannot be read' };

/** Turns word-extractor's table rows (every cell ended by a tab, the row by the line end) into pipe rows. */
export function docBodyToText(body: string): { text: string; lines: { paragraph: number }[] } {
  const out = new TextBuilder();
  const raw = body.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  let inTable = false;
  raw.forEach((line, i) => {
    const paragraph = i + 1;
    // a row: two or more cells, each closed by a tab (Word's cell mark)
    const isRow = /\t$/.test(line) && (line.match(/\t/g)?.length ?? 0) >= 2;
    if (isRow) {
      if (!inTable) out.blank({ paragraph });
      inTable = true;
      const cells = line.split('\t');
      cells.pop();
      out.push(pipeRow(cells), { paragraph });
      return;
    }
    if (inTable) {
      out.blank({ paragraph });
      inTable = false;
    }
    out.push(line.replace(/\s+$/, ''), { paragraph });
  });
  if (inTable) out.blank({ paragraph: raw.length });
  return { text: out.text(), lines: out.lines };
}

/**
 * word-extractor, required when a .doc/.wps file is first read: it loads Node's zip and stream modules, which a folder
 * of plain-text reports (and each thread of a folder check) need not start.
 */
let extractorClass: typeof WordExtractorClass | undefined;
function wordExtractor(): typeof WordExtractorClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (extractorClass ??= require('word-extractor') as typeof WordExtractorClass);
}

export async function readDoc(bytes: Buffer): Promise<ReadDocument> {
  let body: string;
  try {
    const WordExtractor = wordExtractor();
    const doc = await new WordExtractor().extract(bytes);
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new UnreadableDocument(/Word document|magic|type of file/i.test(msg) ? NOT_WORD : DAMAGED);
  }
  const { text, lines } = docBodyToText(body);
  const warnings = ['.doc/.wps 中由 Word 自动编号生成的标题序号读不出；序号若是自动编号，请另存为 .docx 再检查 / automatic numbers of a .doc are not read: save it as .docx if its headings are numbered automatically'];
  // when the headings carry typed numbers the warning is noise
  if (/^\s*[一二三四五六七八九十]+[、．.]/m.test(text)) warnings.length = 0;
  return { kind: 'doc', text, lines, warnings };
}
