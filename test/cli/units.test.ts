// The command line's pure parts: decoding, exit codes, line format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exitCodeFor } from '../../server/src/cli/commands/check';
import { countResults } from '../../server/src/cli/formatters';
import { formatDiagnosticLine, summaryLine } from '../../server/src/cli/formatters/text';
import { decodeReport } from '../../server/src/host/read';

const diag = (severity: 1 | 2 | 3 | 4) => ({
  range: { start: { line: 4, character: 2 }, end: { line: 4, character: 4 } },
  severity,
  code: 'heading-numbering',
  source: 'fazhi-report',
  message: '标题序号不连续',
});

test('exit code: 1 with any error-severity diagnostic, 2 with any unreadable file, else 0', () => {
  assert.equal(exitCodeFor(countResults([{ path: 'a', diagnostics: [diag(2), diag(4)] }], 0)), 0);
  assert.equal(exitCodeFor(countResults([{ path: 'a', diagnostics: [diag(2), diag(1)] }], 0)), 1);
  assert.equal(exitCodeFor(countResults([{ path: 'a', diagnostics: [diag(1)] }], 1)), 2);
  assert.equal(exitCodeFor(countResults([], 0)), 0);
});

test('summary counts information and hints together as 提示', () => {
  const c = countResults([{ path: 'a', diagnostics: [diag(1), diag(2), diag(3), diag(4)] }, { path: 'b', diagnostics: [] }], 0);
  assert.equal(summaryLine(c, 'zh-cn'), '检查了 2 个文件：1 个错误，1 个警告，2 个提示');
  assert.equal(summaryLine(c, 'en'), 'Checked 2 files: 1 error, 1 warning, 2 hints');
});

test('text line: 1-based line and column', () => {
  assert.equal(formatDiagnosticLine('r.txt', diag(1)), 'r.txt:5:3 error heading-numbering 标题序号不连续');
  assert.equal(formatDiagnosticLine('r.txt', diag(4)), 'r.txt:5:3 hint heading-numbering 标题序号不连续');
});

test('decoding: UTF-8 with and without BOM, UTF-16 LE/BE with BOM, GB18030, binary, undecodable', () => {
  const text = '法治政府建设\r\n一、甲\n';
  const utf8 = Buffer.from(text, 'utf8');
  assert.deepEqual(decodeReport(utf8), { ok: true, text, encoding: 'utf-8' });
  assert.deepEqual(decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])), { ok: true, text, encoding: 'utf-8-bom' });
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.deepEqual(decodeReport(le), { ok: true, text, encoding: 'utf-16le' });
  const be = Buffer.from(le);
  be.swap16();
  assert.deepEqual(decodeReport(be), { ok: true, text, encoding: 'utf-16be' });
  // 法治 in GBK.
  assert.deepEqual(decodeReport(Buffer.from([0xb7, 0xa8, 0xd6, 0xce])), { ok: true, text: '法治', encoding: 'gb18030' });
  const binary = decodeReport(Buffer.from([0x41, 0x00, 0x42]));
  assert.equal(binary.ok, false);
  assert.match(binary.ok ? '' : binary.reason.zh, /二进制/);
  const garbage = decodeReport(Buffer.from([0x41, 0xff, 0xff, 0x80]));
  assert.equal(garbage.ok, false);
  assert.match(garbage.ok ? '' : garbage.reason.en, /encoding/);
  assert.deepEqual(decodeReport(Buffer.alloc(0)), { ok: true, text: '', encoding: 'utf-8' });
});
