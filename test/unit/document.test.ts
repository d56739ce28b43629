import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReportDocument, normalizeWidth } from '../../server/src/engine/document';

test('lines split on CRLF, LF and CR alike, offsets point into the original text', () => {
  const doc = new ReportDocument('一、甲\r\n（一）乙\r(二)丙\n');
  assert.deepEqual(doc.lines.map((l) => l.text), ['一、甲', '（一）乙', '(二)丙', '']);
  assert.deepEqual(doc.lines.map((l) => l.offset), [0, 5, 10, 15]);
  assert.deepEqual(doc.positionAt(6), { line: 1, character: 1 });
});

test('width normalisation keeps length and folds full-width digits and brackets', () => {
  const s = '（１）受理８４件，占９９．５％　';
  const n = normalizeWidth(s);
  assert.equal(n.length, s.length);
  assert.equal(n, '(1)受理84件,占99.5% ');
});

test('a traditional-script text reads with its vocabulary characters folded to simplified, offsets unchanged', () => {
  const doc = new ReportDocument('全年審結行政復議案件98件，糾錯率為12.2%。\n死亡人數減少2人。');
  assert.equal(doc.lines[0].norm, '全年审结行政复议案件98件,纠错率为12.2%。');
  assert.equal(doc.lines[0].norm.length, doc.lines[0].text.length);
  assert.equal(doc.lines[1].norm, '死亡人数减少2人。');
  // a simplified text is not folded: 著 (著作) and a stray traditional form in a quotation stay as written
  const simplified = new ReportDocument('出版《行政復議》著作2部，审结案件98件。');
  assert.equal(simplified.lines[0].norm, '出版《行政復議》著作2部,审结案件98件。');
});
