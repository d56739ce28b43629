// `check --fix`: only the fixes marked safe are applied (heading renumbering), the file is written back in its own
// encoding and line endings, byte for byte as expected, through a temporary file that does not stay behind; a file
// that cannot be written back faithfully is left untouched with one clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixture, lines, runCli } from './run';
import { GAP, tempDir, writeFiles } from './tmp';
import { applyFixes, dominantEol, encodeReport } from '../../server/src/cli/fix';
import { decodeReport } from '../../server/src/host/read';

const FIX = fixture('fix');
const CASES = ['gap-utf8-lf.txt', 'gap-utf8bom-crlf.txt', 'gap-gb18030-crlf.txt', 'gap-utf16le-crlf.txt'];

// Stored as .input and .expected (not .txt) so that checking the fixture folder does not pick them up.
const input = (name: string) => path.join(FIX, name.replace(/\.txt$/, '.input'));
const expectedBytes = (name: string) => fs.readFileSync(path.join(FIX, name.replace(/\.txt$/, '.expected')));

function copyToTemp(names: string[]): string {
  const dir = tempDir();
  for (const n of names) fs.copyFileSync(input(n), path.join(dir, n));
  return dir;
}

for (const name of CASES) {
  test(`--fix ${name}: renumbered, same encoding and line endings, byte for byte`, () => {
    const dir = copyToTemp([name]);
    const r = runCli(['check', '--fix', name], dir);
    assert.equal(r.stderr, '');
    // two safe fixes: （三）→（二） at the second level, 四、→三、 at the first
    assert.equal(lines(r.stdout)[0], `${name}：已自动修复 2 处（heading-numbering：从“（二）”起重新编号；heading-numbering：从“三、”起重新编号）`);
    const after = fs.readFileSync(path.join(dir, name));
    assert.ok(after.equals(expectedBytes(name)), 'the fixed file is exactly the expected bytes');
    // the remaining findings are those of the fixed text: no heading-numbering left, the unsafe insert not applied
    assert.doesNotMatch(r.stdout, / heading-numbering /);
    assert.match(r.stdout, / missing-section /);
    assert.equal(r.code, 0);
    // no temporary file left beside it
    assert.deepEqual(fs.readdirSync(dir), [name]);
  });
}

test('--fix is idempotent: a second run changes nothing and reports no fix', () => {
  const dir = copyToTemp(['gap-utf8bom-crlf.txt']);
  runCli(['check', '--fix', 'gap-utf8bom-crlf.txt'], dir);
  const once = fs.readFileSync(path.join(dir, 'gap-utf8bom-crlf.txt'));
  const mtime = fs.statSync(path.join(dir, 'gap-utf8bom-crlf.txt')).mtimeMs;
  const r = runCli(['check', '--fix', 'gap-utf8bom-crlf.txt'], dir);
  assert.doesNotMatch(r.stdout, /已自动修复/);
  assert.ok(fs.readFileSync(path.join(dir, 'gap-utf8bom-crlf.txt')).equals(once));
  assert.equal(fs.statSync(path.join(dir, 'gap-utf8bom-crlf.txt')).mtimeMs, mtime, 'not rewritten');
});

test('--fix only applies safe fixes: the missing-section heading insert (not safe) is left to a person', () => {
  const dir = tempDir();
  writeFiles(dir, { 'r.txt': GAP });
  const before = runCli(['check', '--format', 'json', 'r.txt'], dir);
  const diags = JSON.parse(before.stdout).files[0].diagnostics as { code: string; data?: { fixes?: { safe?: boolean }[] } }[];
  assert.ok(diags.some((d) => d.code === 'missing-section' && (d.data?.fixes?.length ?? 0) > 0 && d.data!.fixes!.every((f) => f.safe !== true)));
  const r = runCli(['check', '--fix', 'r.txt'], dir);
  assert.equal(fs.readFileSync(path.join(dir, 'r.txt'), 'utf8'), GAP.replace('四、丁项工作', '三、丁项工作'));
  assert.match(r.stdout, /r\.txt：已自动修复 1 处/);
});

test('--fix with --format json: the fix note goes to stderr, stdout stays one JSON document of the fixed file', () => {
  const dir = tempDir();
  writeFiles(dir, { 'r.txt': GAP });
  const r = runCli(['check', '--fix', '--format', 'json', '--locale', 'en', 'r.txt'], dir);
  const parsed = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
  assert.equal(parsed.files[0].path, 'r.txt');
  assert.ok(!parsed.files[0].diagnostics.some((d) => d.code === 'heading-numbering'));
  assert.equal(r.stderr, 'r.txt: fixed 1 (heading-numbering: Renumber from 三、)\n');
});

test('--fix refuses a GB18030 file that would not encode back to its own bytes: untouched, one message, exit 2', () => {
  const name = 'gap-gb18030-noroundtrip.txt';
  const dir = copyToTemp([name]);
  const r = runCli(['check', '--fix', name], dir);
  assert.equal(r.code, 2);
  assert.ok(fs.readFileSync(path.join(dir, name)).equals(fs.readFileSync(input(name))), 'the file is untouched');
  assert.deepEqual(fs.readdirSync(dir), [name]);
  assert.deepEqual(lines(r.stderr), [
    `fazhi-report: 未能修复 ${name}：按原编码（gb18030）重新写出会改变文件中未修改的内容，为保护原文未写入；请在编辑器中手动修改，或另存为 UTF-8 后再用 --fix / could not fix ${name}: writing it back in its encoding (gb18030) would change text the fix did not touch, so it was not written; fix it by hand in the editor, or save it as UTF-8 and run --fix again`,
  ]);
  // its findings are still reported, as the file is on disk
  assert.match(r.stdout, / heading-numbering /);
  assert.match(lines(r.stdout).pop() ?? '', /；1 个文件未能修复$/);
});

test('--fix on a folder fixes every report in it and keeps file modes', () => {
  const dir = copyToTemp(['gap-utf8-lf.txt', 'gap-gb18030-crlf.txt']);
  fs.chmodSync(path.join(dir, 'gap-utf8-lf.txt'), 0o640);
  const r = runCli(['check', '--fix', '.'], dir);
  assert.equal(r.code, 0);
  for (const n of ['gap-utf8-lf.txt', 'gap-gb18030-crlf.txt']) {
    assert.ok(fs.readFileSync(path.join(dir, n)).equals(expectedBytes(n)));
  }
  assert.equal(fs.statSync(path.join(dir, 'gap-utf8-lf.txt')).mode & 0o777, 0o640);
});

test('applyFixes: overlapping fixes wait for the next round; new line breaks follow the file', () => {
  const text = 'ab\r\ncd\r\n';
  const r = applyFixes(text, [
    { code: 'x', fix: { title: 'one', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, newText: 'A\nB' }], safe: true } },
    { code: 'y', fix: { title: 'two', edits: [{ range: { start: { line: 0, character: 1 }, end: { line: 1, character: 1 } }, newText: '' }], safe: true } },
    { code: 'z', fix: { title: 'three', edits: [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, newText: '!' }], safe: true } },
  ]);
  assert.deepEqual(r.applied.map((a) => a.title), ['one', 'three']);
  assert.equal(r.text, 'A\r\nB\r\ncd!\r\n');
  assert.equal(dominantEol('a\nb\r\nc\r\n'), '\r\n');
  assert.equal(dominantEol('no breaks'), '\n');
});

test('encodeReport writes each encoding decodeReport reads, BOM included', () => {
  const text = '一、标题\r\n正文〇１２％。\r\n';
  for (const enc of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030']) {
    const bytes = encodeReport(text, enc)!;
    const back = decodeReport(bytes);
    assert.deepEqual(back, { ok: true, text, encoding: enc }, enc);
  }
  assert.equal(encodeReport(text, 'latin1'), null);
});
