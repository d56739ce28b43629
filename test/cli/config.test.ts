// `check` honours the workspace file .fazhi-report.json (nearest above each file, up to the working folder's
// repository root; or named with --config): its rules, accepted findings and profile; --profile replaces the
// profile; invalid files give one clear line on stderr and exit 2 before anything is checked. Suppression
// comments (applied by the engine) work end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixturesDir } from '../helpers/paths';
import { lines, runCli } from './run';
import { GAP, tempDir, writeFiles } from './tmp';

interface Diag {
  code: string;
  severity: number;
  message: string;
}

function diagnostics(args: string[], cwd: string): Diag[] {
  const r = runCli(['check', '--format', 'json', ...args], cwd);
  assert.equal(r.stderr, '', r.stderr);
  return (JSON.parse(r.stdout) as { files: { diagnostics: Diag[] }[] }).files.flatMap((f) => f.diagnostics);
}
const codes = (ds: Diag[]) => ds.map((d) => d.code);

test('workspace file: a rule turned off, another made an error; the nearest file wins', () => {
  const dir = tempDir();
  writeFiles(dir, {
    'r.txt': GAP,
    '.fazhi-report.json': JSON.stringify({ rules: { 'heading-numbering': 'off' } }),
    'sub/r.txt': GAP,
    'sub/.fazhi-report.json': JSON.stringify({ rules: { 'heading-numbering': 'error' } }),
    'other/r.txt': GAP,
  });
  assert.ok(!codes(diagnostics(['r.txt'], dir)).includes('heading-numbering'));
  assert.ok(!codes(diagnostics(['other/r.txt'], dir)).includes('heading-numbering'), 'other/ has no file of its own: the parent one applies');
  const sub = diagnostics(['sub/r.txt'], dir).filter((d) => d.code === 'heading-numbering');
  assert.deepEqual(sub.map((d) => d.severity), [1]);
  assert.equal(runCli(['check', 'sub/r.txt'], dir).code, 1);
  // from another working folder the same files get the same settings (found from the file, not the cwd)
  assert.ok(!codes(diagnostics([path.join(dir, 'r.txt')], path.join(dir, 'sub'))).includes('heading-numbering'));
});

test('workspace file: an accepted finding (check + the sentence as written) is silenced, others stay', () => {
  const dir = tempDir();
  writeFiles(dir, { 'r.txt': GAP });
  const before = diagnostics(['r.txt'], dir);
  assert.ok(codes(before).includes('heading-numbering'));
  writeFiles(dir, { '.fazhi-report.json': JSON.stringify({ accepted: [{ rule: 'heading-numbering', text: '四、丁项工作', note: '原文如此' }] }) });
  const after = diagnostics(['r.txt'], dir);
  assert.deepEqual(codes(after), codes(before).filter((c) => c !== 'heading-numbering'));
});

test('--config names the workspace file, wherever it is, for every file', () => {
  const dir = tempDir();
  writeFiles(dir, {
    'r.txt': GAP,
    '.fazhi-report.json': JSON.stringify({ rules: { 'missing-section': 'off' } }),
    'settings/ci.json': JSON.stringify({ rules: { 'heading-numbering': 'off' } }),
  });
  const ds = codes(diagnostics(['--config', 'settings/ci.json', 'r.txt'], dir));
  assert.ok(!ds.includes('heading-numbering'));
  assert.ok(ds.includes('missing-section'), 'the nearby .fazhi-report.json is not used when --config is given');
});

test('the search stops at the working folder’s repository root: a file above the repository is not used', () => {
  const dir = tempDir();
  writeFiles(dir, {
    '.fazhi-report.json': JSON.stringify({ rules: { 'heading-numbering': 'off' } }),
    'repo/.git/HEAD': 'ref: refs/heads/main\n',
    'repo/docs/r.txt': GAP,
  });
  assert.ok(codes(diagnostics(['docs/r.txt'], path.join(dir, 'repo'))).includes('heading-numbering'));
  // outside any repository the search goes on up to the filesystem root, so the same file is used
  writeFiles(dir, { 'plain/r.txt': GAP });
  assert.ok(!codes(diagnostics(['plain/r.txt'], dir)).includes('heading-numbering'));
});

test('a profile: from the workspace file (relative to it), and --profile replacing it', () => {
  const dir = tempDir();
  writeFiles(dir, { 'r.txt': GAP });
  fs.mkdirSync(path.join(dir, 'profiles'));
  const learned = runCli(['learn', path.join(fixturesDir, 'learn', 'ducha'), '-o', path.join(dir, 'profiles', 'ducha.json')], dir);
  assert.equal(learned.code, 0, learned.stderr);
  const expectedPart = (ds: Diag[]) => ds.some((d) => d.code === 'missing-section' && /法治督察整改情况/.test(d.message));
  assert.ok(!expectedPart(diagnostics(['r.txt'], dir)), 'the default profile does not expect the part');
  assert.ok(expectedPart(diagnostics(['--profile', 'profiles/ducha.json', 'r.txt'], dir)), '--profile');
  writeFiles(dir, { '.fazhi-report.json': JSON.stringify({ profile: 'profiles/ducha.json' }) });
  assert.ok(expectedPart(diagnostics(['r.txt'], dir)), 'profile named in the workspace file');
  assert.ok(expectedPart(diagnostics([path.join(dir, 'r.txt')], fixturesDir)), 'resolved against the workspace file, not the cwd');
  // --profile replaces the workspace file's profile (here with a missing file: an error, so it was used)
  const r = runCli(['check', '--profile', 'none.json', 'r.txt'], dir);
  assert.equal(r.code, 2);
});

const INVALID: [string, string | null, RegExp][] = [
  ['not JSON', '{ "rules": ', /^fazhi-report: 工作区设置文件 \.fazhi-report\.json 有误：\.fazhi-report\.json 不是有效的 JSON \/ is not valid JSON: /],
  ['an unknown check', JSON.stringify({ rules: { 'no-such-check': 'off' } }), /有误：rules：没有名为 “no-such-check” 的检查 \/ no check named "no-such-check"$/],
  ['a bad severity and a bad key', JSON.stringify({ rules: { 'heading-numbering': 'loud' }, colour: 1 }), /有误：未知的设置项 “colour” \/ unknown key "colour"；rules\.heading-numbering：/],
  ['an array', '[]', /有误：\.fazhi-report\.json 应是一个 JSON 对象 \/ must be a JSON object$/],
];

for (const [what, content, message] of INVALID) {
  test(`an invalid workspace file (${what}): one line on stderr, exit 2, nothing checked`, () => {
    const dir = tempDir();
    writeFiles(dir, { 'r.txt': GAP, '.fazhi-report.json': content! });
    for (const format of ['text', 'json', 'sarif']) {
      const r = runCli(['check', '--format', format, 'r.txt'], dir);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(lines(r.stderr).length, 1, r.stderr);
      assert.match(r.stderr.trimEnd(), message);
      assert.doesNotMatch(r.stderr, /内部错误|internal error|\n\s+at /);
    }
  });
}

test('--config with a missing file, --profile with a missing or invalid file: one line, exit 2', () => {
  const dir = tempDir();
  writeFiles(dir, { 'r.txt': GAP, 'bad-profile.json': JSON.stringify({ version: 99 }) });
  const cases: [string[], RegExp][] = [
    [['--config', 'nope.json'], /^fazhi-report: 工作区设置文件 nope\.json 有误：无法读取 .*nope\.json \/ cannot read it: /],
    [['--profile', 'nope.json'], /^fazhi-report: 配置档案有误 \/ invalid profile: 无法读取配置档案 .*nope\.json \/ cannot read profile: /],
    [['--profile', 'bad-profile.json'], /^fazhi-report: 配置档案有误 \/ invalid profile: .*bad-profile\.json：/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(['check', ...args, 'r.txt'], dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.equal(lines(r.stderr).length, 1, r.stderr);
    assert.match(r.stderr.trimEnd(), message);
  }
});

test('suppression comments work end to end: HTML comment in Markdown, line comment and Chinese form in plain text', () => {
  const dir = tempDir();
  const withComment = (comment: string) => GAP.replace('四、丁项工作', `${comment}\n四、丁项工作`);
  writeFiles(dir, {
    'plain.txt': GAP,
    'html.md': withComment('<!-- fazhi-report-disable-next-line heading-numbering -->'),
    'line.txt': withComment('// fazhi-report-disable-next-line heading-numbering'),
    'chinese.txt': withComment('// 法治报告检查：忽略下一行 heading-numbering'),
    'other.txt': withComment('// fazhi-report-disable-next-line rate-mismatch'),
  });
  const plain = codes(diagnostics(['plain.txt'], dir));
  assert.ok(plain.includes('heading-numbering'));
  for (const f of ['html.md', 'line.txt', 'chinese.txt']) {
    const ds = codes(diagnostics([f], dir));
    assert.ok(!ds.includes('heading-numbering'), f);
    assert.ok(ds.includes('missing-section'), `${f}: only the named check is silenced`);
  }
  assert.ok(codes(diagnostics(['other.txt'], dir)).includes('heading-numbering'), 'a comment for another check silences nothing here');
  // and --fix leaves a suppressed finding alone
  runCli(['check', '--fix', 'line.txt'], dir);
  assert.equal(fs.readFileSync(path.join(dir, 'line.txt'), 'utf8'), withComment('// fazhi-report-disable-next-line heading-numbering'));
});
