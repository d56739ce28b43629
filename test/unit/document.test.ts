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
