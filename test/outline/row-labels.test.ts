// A table flattened to one cell per line: a numbered line followed by bare numbers labels a row, it is no heading
// (outline/parse.ts markRowLabels).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReportDocument } from '../../server/src/engine/document';
import { parseOutline } from '../../server/src/engine/outline/parse';

const names = (text: string) => parseOutline(new ReportDocument(text)).nodes.map((n) => n.name);

test('numbered row labels of a flattened table, each followed by its bare numbers, are not headings', () => {
  const text = ['某局2023年政府信息公开工作年度报告', '一、总体情况', '本年度共主动公开信息120条。', '二、办理结果', '本年度收到申请5件。', '（一）予以公开', '3', '0', '0', '（二）部分公开', '1', '0', '0', '（三）不予公开', '1', '0', '0', '1.属于国家秘密', '0', '0', '0', '2.其他法律行政法规禁止公开'].join('\n');
  const got = names(text);
  assert.ok(got.some((n) => n.startsWith('二、')), got.join(' | '));
  assert.ok(!got.some((n) => /^（[一二三]）|^[12]\./.test(n)), got.join(' | '));
});

test('a heading followed by text stays a heading', () => {
  const got = names(['某局2023年工作报告', '一、主要做法', '（一）完善制度', '全年制定制度3项。', '（二）加强培训', '2', '全年培训4次。'].join('\n'));
  assert.ok(got.some((n) => n.startsWith('（一）')) && got.some((n) => n.startsWith('（二）')), got.join(' | '));
});
