// The .docx reader: the text as Word prints it (automatic numbers drawn from numbering.xml, tracked changes as the
// document now reads, tables as pipe rows) and where each line came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../server/src/host/readers/docx';
import { chineseCounting, formatNumber } from '../../server/src/host/readers/numbering';
import { readDocumentBytes, whereText } from '../../server/src/host/readers';
import { fixturesDir } from '../helpers/paths';
import { docx, numberingXml, numPr, p, t } from './docx-build';

const docs = path.join(fixturesDir, 'docs');
const textOf = (bytes: Uint8Array) => readDocx(bytes).text;

/** 一、 at level 0, （一） at level 1, 1. at level 2: the usual ladder of a Chinese report. */
const LADDER = numberingXml(
  [
    [
      { fmt: 'chineseCounting', text: '%1、', suff: 'nothing' },
      { fmt: 'chineseCounting', text: '（%2）', suff: 'nothing' },
      { fmt: 'decimal', text: '%3.', suff: 'tab' },
    ],
  ],
  [{ abstract: 0 }],
);

test('Chinese counting as Word draws it: 十, 十一, 二十, 一百零五', () => {
  assert.deepEqual([1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110].map(chineseCounting), ['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
  assert.equal(formatNumber(3, 'ideographTraditional'), '丙');
  assert.equal(formatNumber(2, 'decimalEnclosedCircle'), '②');
  assert.equal(formatNumber(12, 'decimalFullWidth'), '１２');
  assert.equal(formatNumber(4, 'upperRoman'), 'IV');
});

test('automatic numbering: 一、（一）（二）二、（一）— a new top-level number restarts the level below', () => {
  const body = [
    p(t('主要举措和成效'), numPr(1, 0)),
    p(t('依法履行政府职能'), numPr(1, 1)),
    p(t('完善依法行政制度体系'), numPr(1, 1)),
    p(t('健全立法工作机制'), numPr(1, 2)),
    p(t('正文段落，没有编号。')),
    p(t('存在的不足和原因'), numPr(1, 0)),
    p(t('法治宣传有待加强'), numPr(1, 1)),
  ].join('');
  assert.equal(
    textOf(docx(body, { numbering: LADDER })),
    ['一、主要举措和成效', '（一）依法履行政府职能', '（二）完善依法行政制度体系', '1.健全立法工作机制', '正文段落，没有编号。', '二、存在的不足和原因', '（一）法治宣传有待加强'].join('\n'),
  );
});

test('automatic numbering: the number can come from the paragraph style (Heading 1 linked to a list), numId 0 switches it off', () => {
  const styles =
    '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
    `<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr>${numPr(1, 0)}<w:outlineLvl w:val="0"/></w:pPr></w:style>` +
    '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="标题 2"/><w:basedOn w:val="Normal"/></w:style>';
  const body = [
    p(t('总体情况'), '<w:pStyle w:val="1"/>'),
    p(t('不编号的标题样式段落'), `<w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr>`),
    p(t('主要举措'), '<w:pStyle w:val="1"/>'),
    p(t('小标题'), '<w:pStyle w:val="Sub"/>'),
  ].join('');
  const doc = readDocx(docx(body, { numbering: LADDER, styles }));
  assert.equal(doc.text, '一、总体情况\n不编号的标题样式段落\n二、主要举措\n小标题');
  assert.deepEqual(
    doc.lines.map((l) => l.heading),
    [1, 1, 1, 2],
  );
});

test('automatic numbering: a start override, a level that shows its parent (%1.%2), and 甲乙丙 numbering', () => {
  const numbering = numberingXml(
    [
      [
        { fmt: 'decimal', text: '%1.', suff: 'space' },
        { fmt: 'decimal', text: '%1.%2', suff: 'space' },
      ],
      [{ fmt: 'ideographTraditional', text: '%1、', suff: 'nothing' }],
    ],
    [{ abstract: 0, overrides: [{ ilvl: 0, start: 3 }] }, { abstract: 1 }],
  );
  const body = [p(t('第三项'), numPr(1, 0)), p(t('细项'), numPr(1, 1)), p(t('细项'), numPr(1, 1)), p(t('第四项'), numPr(1, 0)), p(t('甲项'), numPr(2, 0)), p(t('乙项'), numPr(2, 0))].join('');
  assert.equal(textOf(docx(body, { numbering })), '3.第三项\n3.1 细项\n3.2 细项\n4.第四项\n甲、甲项\n乙、乙项');
});

test('automatic numbering: two list instances of one definition continue each other; "restart at 1" (startOverride) restarts', () => {
  const numbering = numberingXml(
    [[{ fmt: 'chineseCounting', text: '%1、', suff: 'nothing' }]],
    [{ abstract: 0 }, { abstract: 0 }, { abstract: 0, overrides: [{ ilvl: 0, start: 1 }] }],
  );
  const body = [p(t('甲'), numPr(1, 0)), p(t('乙'), numPr(2, 0)), p(t('丙'), numPr(1, 0)), p(t('重新开始'), numPr(3, 0)), p(t('接着'), numPr(3, 0))].join('');
  assert.equal(textOf(docx(body, { numbering })), '一、甲\n二、乙\n三、丙\n一、重新开始\n二、接着');
});

test('tracked changes: the document as it now reads (insertions and moved-to text kept, deletions and moved-from dropped)', () => {
  const body = p(
    t('全年办理') +
      '<w:del w:id="1" w:author="a"><w:r><w:delText>一百</w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="a">' + t('120') + '</w:ins>' +
      t('件') +
      '<w:moveFrom w:id="3" w:author="a">' + t('（旧位置）') + '</w:moveFrom>' +
      '<w:moveTo w:id="4" w:author="a">' + t('，均已办结') + '</w:moveTo>' +
      t('。'),
  );
  assert.equal(textOf(docx(body)), '全年办理120件，均已办结。');
});

test('tracked changes: a deleted paragraph mark joins the paragraph with the next one', () => {
  const deletedMark = '<w:rPr><w:del w:id="9" w:author="a"/></w:rPr>';
  const body = p(t('全年收到行政复议申请120件，'), deletedMark) + p(t('受理110件。')) + p(t('下一段。'));
  const doc = readDocx(docx(body));
  assert.equal(doc.text, '全年收到行政复议申请120件，受理110件。\n下一段。');
  assert.deepEqual(doc.lines.map((l) => l.paragraph), [1, 3]);
});

test('field codes and hidden text are not printed; a field result and a hyperlink are', () => {
  const body = p(
    t('见') +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      t('附件1') +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>' +
      '<w:hyperlink w:anchor="x">' + t('及网站') + '</w:hyperlink>' +
      t('。'),
  );
  assert.equal(textOf(docx(body)), '见附件1及网站。');
});

test('a table: one pipe row per table row, a blank line before and after; merged cells stand in their first cell, the rest empty', () => {
  const tc = (s: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(t(s))}</w:tc>`;
  const body =
    p(t('按类别统计如下：')) +
    '<w:tbl>' +
    `<w:tr>${tc('类别')}${tc('数量')}${tc('占比')}</w:tr>` +
    `<w:tr>${tc('行政处罚', '<w:vMerge w:val="restart"/>')}${tc('62')}${tc('51.7%')}</w:tr>` +
    `<w:tr>${tc('', '<w:vMerge/>')}${tc('18')}${tc('15.0%')}</w:tr>` +
    `<w:tr>${tc('合计 | 全部', '<w:gridSpan w:val="2"/>')}${tc('100%')}</w:tr>` +
    '</w:tbl>' +
    p(t('以上数据由县司法局提供。'));
  const doc = readDocx(docx(body));
  assert.equal(
    doc.text,
    ['按类别统计如下：', '', '| 类别 | 数量 | 占比 |', '| 行政处罚 | 62 | 51.7% |', '|  | 18 | 15.0% |', '| 合计 ｜ 全部 |  | 100% |', '', '以上数据由县司法局提供。'].join('\n'),
  );
  // each row points at the paragraph of its first cell: the first row's is the second paragraph of the file
  assert.equal(doc.lines[2].paragraph, 2);
  assert.equal(doc.lines[7].paragraph, doc.lines[5].paragraph + 2);
  assert.equal(whereText(doc, 3, 'zh-cn'), '第1个表格第2行');
  assert.equal(whereText(doc, 3, 'en'), 'table 1, row 2');
  assert.equal(whereText(doc, 7, 'zh-cn'), `第${doc.lines[7].paragraph}段`);
});

test('report.docx: numbers drawn from numbering.xml, not typed; header, footer and footnote left out; the deletion dropped', () => {
  const bytes = fs.readFileSync(path.join(docs, 'report.docx'));
  // the fixture really relies on automatic numbering: no typed 一、 or （一） in its XML
  const { unzipSync } = require('fflate') as typeof import('fflate');
  const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
  assert.doesNotMatch(xml, /[一二三四]、|（[一二三四]）/);
  const doc = readDocx(bytes);
  const expected = fs.readFileSync(path.join(docs, 'report.txt'), 'utf8').replace(/\n$/, '');
  assert.equal(doc.text, expected);
  assert.doesNotMatch(doc.text, /页眉|脚注|始终/);
  assert.equal(doc.lines.length, doc.text.split('\n').length);
});

test('a damaged or foreign file gets one clear reason, never an exception', async () => {
  const damaged = await readDocumentBytes(fs.readFileSync(path.join(docs, 'damaged.docx')));
  assert.equal(damaged.ok, false);
  assert.match(!damaged.ok ? damaged.reason.zh : '', /文件已损坏/);
  const noBody = await readDocumentBytes(Buffer.from(zipSync({ 'a.txt': strToU8('x') })));
  assert.deepEqual(noBody.ok ? null : noBody.reason.en, 'damaged file: no document body (word/document.xml)');
  const badXml = await readDocumentBytes(Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') })));
  assert.equal(badXml.ok, false);
  const rtf = await readDocumentBytes(Buffer.from('{\\rtf1\\ansi 报告}'));
  assert.match(rtf.ok ? '' : rtf.reason.zh, /RTF/);
  const empty = await readDocumentBytes(Buffer.alloc(0));
  assert.equal(empty.ok ? '' : empty.reason.en, 'the file is empty');
});
