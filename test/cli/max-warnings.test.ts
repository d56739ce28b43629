// `check --max-warnings N`: exit 1 when there are more than N warnings (as ESLint and markdownlint-cli do), with
// one line on stderr; at or below N the exit code is the usual one; a bad N is a usage error (exit 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, runCli } from './run';
import { GAP, tempDir, writeFiles } from './tmp';

function setup(): { dir: string; warnings: number } {
  const dir = tempDir();
  writeFiles(dir, { 'r.txt': GAP });
  const r = runCli(['check', '--format', 'json', 'r.txt'], dir);
  const diags = JSON.parse(r.stdout).files[0].diagnostics as { severity: number }[];
  const warnings = diags.filter((d) => d.severity === 2).length;
  assert.ok(warnings >= 2, 'the gap report has several warnings');
  assert.equal(diags.filter((d) => d.severity === 1).length, 0, 'and no errors');
  return { dir, warnings };
}

test('--max-warnings: at the limit exit 0, one below it exit 1 with one stderr line', () => {
  const { dir, warnings } = setup();
  const at = runCli(['check', '--max-warnings', String(warnings), 'r.txt'], dir);
  assert.equal(at.code, 0);
  assert.equal(at.stderr, '');
  const below = runCli(['check', '--max-warnings', String(warnings - 1), 'r.txt'], dir);
  assert.equal(below.code, 1);
  assert.deepEqual(lines(below.stderr), [
    `fazhi-report: 警告 ${warnings} 个，超过 --max-warnings 上限 ${warnings - 1} / ${warnings} warnings, more than --max-warnings ${warnings - 1}`,
  ]);
  // the report itself is printed as usual
  assert.equal(below.stdout, at.stdout);
  const zero = runCli(['check', '--max-warnings=0', '--format', 'sarif', 'r.txt'], dir);
  assert.equal(zero.code, 1);
  JSON.parse(zero.stdout); // stdout is still one valid document
});

test('--max-warnings counts warnings only: errors still exit 1, hints never count', () => {
  const dir = tempDir();
  writeFiles(dir, {
    '.fazhi-report.json': JSON.stringify({ rules: { 'missing-section': 'hint', 'heading-numbering': 'error' } }),
    'r.txt': GAP,
  });
  const r = runCli(['check', '--max-warnings', '0', 'r.txt'], dir);
  assert.equal(r.code, 1); // the error
  assert.equal(r.stderr, ''); // but no warnings over the limit
  writeFiles(dir, { '.fazhi-report.json': JSON.stringify({ rules: { 'missing-section': 'hint' } }) });
  const ok = runCli(['check', '--max-warnings', '1', 'r.txt'], dir);
  assert.equal(ok.code, 0); // one warning (heading-numbering), limit 1
});

test('--max-warnings needs a whole number ≥ 0', () => {
  for (const bad of ['-1', 'abc', '1.5', '']) {
    const r = runCli(['check', `--max-warnings=${bad}`, 'r.txt']);
    assert.equal(r.code, 2, bad);
    assert.match(lines(r.stderr)[0], /^fazhi-report: --max-warnings 应为不小于 0 的整数/);
  }
});
