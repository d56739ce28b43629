// The summary page as the editor's webview shows it: a strict CSP (a nonce, nothing inline without it, nothing
// loaded), and each finding and related place a link carrying the file and range the extension opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSummaryPage, sentenceBounds } from '../../server/src/summary/page';

const uri = 'file:///w/%E6%8A%A5%E5%91%8A.txt';
const other = 'file:///w/last-year.txt';
const page = renderSummaryPage(
  [
    {
      path: '报告.txt',
      uri,
      text: '标题\n全年共审结案件40件，其中维持30件、撤销15件。下一句。\n',
      diagnostics: [
        {
          range: { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } },
          severity: 1,
          code: 'breakdown-sum',
          message: '分项之和 30 + 15 = 45 件，超过总数 40 件。',
          relatedInformation: [{ location: { uri: other, range: { start: { line: 3, character: 2 }, end: { line: 3, character: 5 } } }, message: '上年：84件' }],
        },
      ],
    },
  ],
  { locale: 'zh-cn', nonce: 'abc123' },
);

test('webview page: CSP by nonce only, no unsafe-inline, nothing loaded', () => {
  assert.match(page, /content="default-src &#39;none&#39;; style-src &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;; img-src data:"/);
  assert.doesNotMatch(page, /unsafe-inline/);
  assert.match(page, /<style nonce="abc123">/);
  assert.match(page, /<script nonce="abc123">/);
  assert.equal((page.match(/<script/g) ?? []).length, 1);
});

test('webview page: the finding and its related place in another report are links with file and range', () => {
  assert.match(page, /<a class="where" data-uri="file:\/\/\/w\/%E6%8A%A5%E5%91%8A.txt" data-line="1" data-character="7" data-end-line="1" data-end-character="10" href="#">第 2 行第 8 列<\/a>/);
  assert.match(page, /data-uri="file:\/\/\/w\/last-year.txt" data-line="3" data-character="2"[^>]*>\/w\/last-year.txt 第 4 行第 3 列<\/a> 上年：84件/);
  assert.match(page, /<blockquote>全年共审结案件<mark>40件<\/mark>，其中维持30件、撤销15件。…<\/blockquote>/);
  assert.match(page, /vscode\.postMessage\(\{ type: 'open'/);
});

test('sentenceBounds: from the previous stop to the next, cut around the finding in a very long line', () => {
  const line = '甲。乙丙丁40件戊。己';
  assert.deepEqual(sentenceBounds(line, 4, 7), { from: 2, to: 10 });
  const long = 'x'.repeat(1000);
  const b = sentenceBounds(long, 500, 503);
  assert.ok(b.to - b.from <= 240 && b.from <= 500 && b.to >= 503);
});
