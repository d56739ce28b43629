// A table of contents before the body: its entries are no headings of the body (outline/parse.ts markContents).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReportDocument } from '../../server/src/engine/document';
import { parseOutline } from '../../server/src/engine/outline/parse';
import type { OutlineNode } from '../../server/src/engine/types';

const flat = (text: string) => parseOutline(new ReportDocument(text)).nodes.map((n: OutlineNode) => `${n.selectionRange.start.line}:${n.name}`);

const contents = ['某局2024年度行政执法工作报告', '目  录', '第一部分 总体情况', '一、基本情况', '二、主要做法', '三、统计数据', '第一部分 总体情况'];

test('the entries of a table of contents are not headings; the body after the first entry comes again has its own', () => {
  const nodes = flat([...contents, '二、主要做法', '全面落实行政执法三项制度。'].join('\n'));
  assert.ok(!nodes.some((n) => /^[2-5]:/.test(n)), nodes.join(' | '));
  assert.ok(nodes.some((n) => n.startsWith('7:二、')), nodes.join(' | '));
});

test('a 目录 line whose first entry never comes again leaves the lines after it as they are', () => {
  const nodes = flat(['某局2024年度行政执法工作报告', '目录', '一、基本情况', '全局共有执法人员52名。', '二、主要做法', '全面落实行政执法三项制度。'].join('\n'));
  assert.ok(nodes.some((n) => n.startsWith('2:一、')), nodes.join(' | '));
  assert.ok(nodes.some((n) => n.startsWith('4:二、')), nodes.join(' | '));
});
