// The PDF reader (lines rejoined into paragraphs, page furniture removed, tables as pipe rows, scans refused) and
// the .doc reader (Word 97–2003 tables as pipe rows), on laid-out lines made up here and on the committed fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dropPageFurniture, linesOfPage, paragraphsOf, type LayoutLine } from '../../server/src/host/readers/pdf';
import { docBodyToText } from '../../server/src/host/readers/doc';
import { readDocumentBytes, readDocumentFile, whereText } from '../../server/src/host/readers';
import { fixturesDir } from '../helpers/paths';

const docs = path.join(fixturesDir, 'docs');
const SIZE = 16;
const LEFT = 80;
const RIGHT = 520;

/** A laid-out line: `full` reaches the right margin, `indent` starts two characters in. */
function line(text: string, page: number, o: { full?: boolean; indent?: boolean; cells?: string[] } = {}): LayoutLine {
  const x0 = o.indent ? LEFT + 2 * SIZE : LEFT;
  return { text, cells: o.cells ?? [text], x0, x1: o.full ? RIGHT : x0 + SIZE * text.length * 0.5, size: SIZE, page };
}

test('PDF: a line that reaches the margin continues on the next; a heading, an indented line or a short line starts anew', () => {
  const pages = [
    [
      line('一、主要举措和成效', 1, { indent: true }),
      line('（一）推进依法行政。全年共收到行政复议申请', 1, { indent: true, full: true }),
      line('120件，受理110件，审结98件，依法纠错12件，纠', 1, { full: true }),
      line('错率为12.2%。', 1),
      line('（二）严格规范执法。组织执法培训4期，全面落实', 1, { indent: true, full: true }),
    ],
    [line('行政执法三项制度。', 2), line('1.加强执法监督。', 2, { indent: true })],
  ];
  const r = paragraphsOf(pages);
  assert.equal(
    r.text,
    ['一、主要举措和成效', '（一）推进依法行政。全年共收到行政复议申请120件，受理110件，审结98件，依法纠错12件，纠错率为12.2%。', '（二）严格规范执法。组织执法培训4期，全面落实行政执法三项制度。', '1.加强执法监督。'].join('\n'),
  );
  // a paragraph is found on the page where it starts
  assert.deepEqual(r.lines.map((l) => l.page), [1, 1, 1, 2]);
});

test('PDF: page numbers in their usual forms and a running header repeated on most pages are removed', () => {
  const forms = ['— 1 —', '-2-', '第3页', '第 4 页 共 5 页', '5/5'];
  const body = ['依法行政工作稳步推进。', '行政复议体制改革落地。', '执法监督持续加强。', '法治宣传深入基层。', '明年工作安排如下。'];
  const pages = forms.map((n, i) => [line('清河县人民政府办公室文件', i + 1), line(body[i], i + 1, { indent: true }), line(n, i + 1)]);
  const kept = dropPageFurniture(pages).flat().map((l) => l.text);
  assert.deepEqual(kept, body);
  // a heading that happens to be the first line of one page only is not furniture
  const once = dropPageFurniture([[line('一、主要举措', 1), line('正文。', 1)], [line('正文。', 2), line('二、不足', 2)], [line('正文三。', 3)]]);
  assert.equal(once[0][0].text, '一、主要举措');
});

test('PDF: pieces on one baseline make a line; wide gaps split it into cells; two such lines in a row are a table', () => {
  const piece = (str: string, x: number, y: number) => ({ str, x, y, w: SIZE * str.length, size: SIZE });
  const lines = linesOfPage(
    [
      piece('按类别统计如下：', 80, 700),
      piece('类别', 80, 680), piece(' ', 112, 680), piece('数量', 180, 680), piece('占比', 280, 680),
      piece('行政处罚', 80, 660), piece('62', 180, 660), piece('51.7%', 280, 660),
      // pdf.js splits "2023 年" with a space piece: the space is layout, not text
      piece('2023', 80, 640), piece(' ', 112, 640), piece('年', 120, 640), piece('工作总结。', 136, 640),
    ],
    1,
  );
  assert.deepEqual(lines.map((l) => l.cells), [['按类别统计如下：'], ['类别', '数量', '占比'], ['行政处罚', '62', '51.7%'], ['2023年工作总结。']]);
  assert.equal(paragraphsOf([lines]).text, '按类别统计如下：\n\n| 类别 | 数量 | 占比 |\n| 行政处罚 | 62 | 51.7% |\n\n2023年工作总结。');
});

test('report.pdf (LibreOffice, two pages): the same text as the report, its table as pipe rows, no header or page number', async () => {
  const r = await readDocumentFile(path.join(docs, 'report.pdf'));
  assert.ok(r.ok, JSON.stringify(!r.ok && r.reason));
  const expected = fs.readFileSync(path.join(docs, 'report.txt'), 'utf8').replace(/\n$/, '').split('\n');
  const got = r.doc.text.split('\n');
  // LibreOffice prints the tracked deletion 始终 and the footnote at the foot of page 1: the two known differences
  const differences = got.filter((l) => !expected.includes(l));
  assert.deepEqual(differences.map((l) => l.slice(0, 12)), ['2023年，清河县人民政', '脚注：数据截至2023年']);
  assert.ok(got.includes('| 行政处罚 | 62 | 51.7% |'));
  assert.doesNotMatch(r.doc.text, /页眉|—\s*\d\s*—/);
  const plan = got.findIndex((l) => l.startsWith('四、'));
  assert.equal(r.doc.lines[plan].page, 2);
  assert.equal(whereText(r.doc, plan, 'zh-cn'), '第2页');
  assert.equal(whereText(r.doc, plan, 'en'), 'p. 2');
});

test('a scanned PDF (an image, no text) is refused with one clear reason', async () => {
  const r = await readDocumentFile(path.join(docs, 'scanned.pdf'));
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.reason.zh, /没有文字层.*扫描件/);
  const cut = await readDocumentFile(path.join(fixturesDir, 'cli', 'binary.txt'));
  assert.equal(cut.ok, false);
});

test('a PDF cut short or with a broken body is one clear "damaged" reason', async () => {
  const bytes = fs.readFileSync(path.join(docs, 'report.pdf'));
  for (const broken of [bytes.subarray(0, Math.floor(bytes.length / 3)), Buffer.from('%PDF-1.4\n这不是 PDF 的内容\n')]) {
    const r = await readDocumentBytes(broken);
    assert.equal(r.ok ? '' : r.reason.zh, 'PDF 文件已损坏或不完整，无法读取');
  }
});

test('.doc: table rows (each cell closed by a tab) become pipe rows with blank lines around; other lines stay', () => {
  const r = docBodyToText('统计如下：\n类别\t数量\t\n行政处罚\t62\t\n其他\t\t\n正文。\n');
  assert.equal(r.text, '统计如下：\n\n| 类别 | 数量 |\n| 行政处罚 | 62 |\n| 其他 |  |\n\n正文。');
  assert.deepEqual(r.lines.map((l) => l.paragraph), [1, 2, 2, 3, 4, 5, 5]);
});

test('report.doc (Word 97–2003 from LibreOffice, typed numbers): the same text as the report', async () => {
  const r = await readDocumentFile(path.join(docs, 'report.doc'));
  assert.ok(r.ok);
  assert.equal(r.doc.kind, 'doc');
  assert.equal(r.doc.text, fs.readFileSync(path.join(docs, 'report.txt'), 'utf8').replace(/\n$/, ''));
  assert.deepEqual(r.doc.warnings, []);
});
