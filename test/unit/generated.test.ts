// The files generated from the registry of checks (scripts/generated-files.ts) are up to date: the settings of
// package.json and their descriptions, the workspace file's schema, and the tables of checks in docs/rules/README.md
// and README.md. A stale one fails here (run `node scripts/generate.mjs`), and so does CI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allRules } from '../../server/src/engine';
import type { Rule } from '../../server/src/engine/rule';
import { generatedFiles, levelText } from '../../scripts/generated-files';
import { repoRoot } from '../helpers/paths';

const read = (p: string) => fs.readFileSync(path.join(repoRoot, p), 'utf8');

test('every generated file is up to date with the registry of checks (node scripts/generate.mjs)', () => {
  const files = generatedFiles(read);
  assert.deepEqual(
    files.map((f) => f.path),
    ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'schemas/fazhi-report.schema.json', 'docs/rules/README.md', 'README.md'],
  );
  const stale = files.filter((f) => read(f.path) !== f.content).map((f) => f.path);
  assert.deepEqual(stale, [], `stale: ${stale.join(', ')} — run node scripts/generate.mjs`);
});

test('a check added to the registry appears in every generated file; nothing else changes', () => {
  const extra: Rule = { code: 'empty-section', tags: ['outline'], defaultSeverity: 'information', check() {} };
  const before = generatedFiles(read);
  const after = generatedFiles(read, [...allRules, extra]);
  for (let i = 0; i < before.length; i++) {
    assert.notEqual(after[i].content, before[i].content, `${before[i].path} does not follow the registry`);
    assert.ok(after[i].content.includes('empty-section'), before[i].path);
  }
  const pkg = JSON.parse(after[0].content);
  assert.equal(pkg.contributes.configuration.properties['fazhiReport.rules.empty-section'].default, 'information');
  // the other settings are untouched, in place
  const old = JSON.parse(before[0].content);
  for (const [k, v] of Object.entries(old.contributes.configuration.properties)) {
    assert.deepEqual(pkg.contributes.configuration.properties[k], v, k);
  }
});

test('the level column is made from the default and the softer variants', () => {
  const funnel = allRules.find((r) => r.code === 'funnel-order')!;
  assert.equal(levelText(funnel, 'zh-cn'), '错误（可由上年结转解释的：提示）');
  assert.equal(levelText(funnel, 'en'), 'error (explained by carry-over from the previous year: information)');
  const order = allRules.find((r) => r.code === 'section-order')!;
  assert.equal(levelText(order, 'zh-cn'), '提示');
});

test('generate.mjs --check fails on a stale copy and names the file; without --check it rewrites it', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-generated-'));
  try {
    for (const p of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'schemas/fazhi-report.schema.json', 'docs/rules/README.md', 'README.md']) {
      fs.mkdirSync(path.dirname(path.join(tmp, p)), { recursive: true });
      fs.copyFileSync(path.join(repoRoot, p), path.join(tmp, p));
    }
    const schemaPath = path.join(tmp, 'schemas', 'fazhi-report.schema.json');
    const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
    schema.properties.rules.propertyNames.enum.pop();
    fs.writeFileSync(schemaPath, JSON.stringify(schema, null, 2) + '\n');
    const readme = path.join(tmp, 'README.md');
    fs.writeFileSync(readme, fs.readFileSync(readme, 'utf8').replace('| 警告 |', '| 错误 |'));
    const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/generate.mjs', '--root', tmp, ...args], { cwd: repoRoot, encoding: 'utf8' });
    const stale = run('--check');
    assert.equal(stale.status, 1);
    assert.match(stale.stderr, /schemas\/fazhi-report\.schema\.json/);
    assert.match(stale.stderr, /README\.md/);
    assert.doesNotMatch(stale.stderr, /package\.json/);
    assert.equal(run().status, 0);
    assert.equal(run('--check').status, 0);
    assert.equal(fs.readFileSync(readme, 'utf8'), read('README.md'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
