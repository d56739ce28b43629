import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { looksLikeReport } from '../../server/src/engine';
import { readText, seedFiles } from '../helpers/paths';

test('the annual-report seeds look like reports when opened as plain text (000 has no 报告 in its opening)', () => {
  for (const f of seedFiles().filter((x) => !path.basename(x).startsWith('004'))) assert.ok(looksLikeReport(readText(f)), f);
});

test('texts that merely mention 法治政府建设, or have numbered parts about something else, do not', () => {
  assert.equal(looksLikeReport('会议纪要\n会议听取了法治政府建设工作汇报。\n一、研究了财政预算。\n二、研究了人事安排。'), false);
  assert.equal(looksLikeReport('今天天气很好。我们讨论了法治政府建设。'), false);
  assert.equal(looksLikeReport('购物清单\n一、苹果\n二、梨'), false);
  assert.equal(looksLikeReport('某县2023年法治政府建设情况报告\n2023年,全县…'), true);
});
