// `check --format github`: one GitHub Actions workflow command per finding (::error / ::warning / ::notice with
// file, line, col, endLine, endColumn and title), values escaped as the runner requires, then the summary line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { annotation, escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { lines, runCli } from './run';
import { GAP, tempDir, writeFiles } from './tmp';

const rel = (name: string) => path.join('test', 'fixtures', 'cli', name);
const COMMAND = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([a-z-]+)::(.+)$/;

test('github: the numbering gap as a ::warning with its place, code and related heading', () => {
  const r = runCli(['check', '--format', 'github', rel('utf8-bom.txt')]);
  assert.equal(r.stderr, '');
  const out = lines(r.stdout);
  assert.ok(
    out.includes(
      '::warning file=test/fixtures/cli/utf8-bom.txt,line=6,col=1,endLine=6,endColumn=3,title=heading-numbering::' +
        '标题序号不连续：“四、”前应为“三、”（同级上一个是“二、”）。%0Atest/fixtures/cli/utf8-bom.txt:4:1 同级上一个标题',
    ),
    out.join('\n'),
  );
  // every line but the summary is a workflow command
  for (const l of out.slice(0, -1)) assert.match(l, COMMAND);
  assert.match(out[out.length - 1], /^检查了 1 个文件：0 个错误，\d+ 个警告，\d+ 个提示$/);
  assert.equal(r.code, 0);
});

test('github: error → ::error (exit 1), information → ::notice', () => {
  const dir = tempDir();
  writeFiles(dir, {
    '.fazhi-report.json': JSON.stringify({ rules: { 'heading-numbering': 'error', 'missing-section': 'information' } }),
    'r.txt': GAP,
  });
  const r = runCli(['check', '--format', 'github', 'r.txt'], dir);
  const cmds = lines(r.stdout).map((l) => COMMAND.exec(l)).filter((m) => m !== null);
  assert.deepEqual(cmds.filter((m) => m![7] === 'heading-numbering').map((m) => m![1]), ['error']);
  const ms = cmds.filter((m) => m![7] === 'missing-section');
  assert.ok(ms.length > 0);
  for (const m of ms) assert.equal(m![1], 'notice');
  assert.equal(r.code, 1);
});

test('github: a file name with , and : is escaped in the file property', () => {
  const dir = tempDir();
  writeFiles(dir, { '报告,第1版:草稿.txt': GAP });
  const r = runCli(['check', '--format', 'github', '报告,第1版:草稿.txt'], dir);
  const hn = lines(r.stdout).find((l) => l.includes('title=heading-numbering'));
  assert.ok(hn?.startsWith('::warning file=报告%2C第1版%3A草稿.txt,line=6,col=1,endLine=6,endColumn=3,title=heading-numbering::'), hn);
  // the related place inside the message keeps its : (only % CR LF are escaped in the message)
  assert.ok(hn?.endsWith('%0A报告,第1版:草稿.txt:4:1 同级上一个标题'), hn);
});

test('github escaping: % CR LF in data; also : and , in properties', () => {
  assert.equal(escapeData('50%\r\n下一行: a,b'), '50%25%0D%0A下一行: a,b');
  assert.equal(escapeProperty('50%\r\n下一行: a,b'), '50%25%0D%0A下一行%3A a%2Cb');
  const line = annotation(
    { path: 'x', absolute: path.join(process.cwd(), 'a,b.txt'), diagnostics: [] },
    { range: { start: { line: 0, character: 2 }, end: { line: 1, character: 0 } }, severity: 4, code: 'unbacked-metric', message: '增长100%\n再看' },
    { locale: 'zh-cn', cwd: process.cwd() },
  );
  assert.equal(line, '::notice file=a%2Cb.txt,line=1,col=3,endLine=2,endColumn=1,title=unbacked-metric::增长100%25%0A再看');
});
