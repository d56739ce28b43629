// docs/contributing.md's worked example is code that runs: its `ts contributing-example` block is compiled
// (esbuild), registered as a check beside the real ones, and the page's `text fail` / `text pass` examples must behave
// as labelled. The page's catalog entries are used as the messages. If the page and the engine drift apart, this fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { analyze, allRules } from '../../server/src/engine';
import type { Rule } from '../../server/src/engine/rule';
import { repoRoot } from '../helpers/paths';

const page = fs.readFileSync(path.join(repoRoot, 'docs', 'contributing.md'), 'utf8');
const block = (info: RegExp): string[] => [...page.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].filter((m) => info.test(m[1].trim())).map((m) => m[2]);

function exampleRule(): Rule {
  const [source] = block(/^ts contributing-example$/);
  assert.ok(source, 'the page has a ```ts contributing-example block');
  const js = transformSync(source, { loader: 'ts', format: 'cjs' }).code;
  const module = { exports: {} as Record<string, unknown> };
  // the example imports only types; anything else it asks for is an error in the page
  new Function('module', 'exports', 'require', js)(module, module.exports, (id: string) => {
    throw new Error(`the example requires ${id} at run time`);
  });
  const rule = Object.values(module.exports).find((v) => v && typeof v === 'object' && 'code' in (v as object)) as Rule | undefined;
  assert.ok(rule, 'the example exports a rule');
  return rule!;
}

test('the worked example of docs/contributing.md is a check that behaves as the page says', () => {
  const rule = exampleRule();
  assert.equal(rule.code, 'empty-section');
  assert.ok(!allRules.some((r) => r.code === rule.code), 'the example is not (yet) a shipped check');
  const fails = block(/^text fail$/);
  const passes = block(/^text pass$/);
  assert.ok(fails.length >= 1 && passes.length >= 1);
  for (const text of fails) {
    const found = analyze(text, {}, [rule]).findings;
    assert.equal(found.length, 1, `one finding expected:\n${text}`);
    assert.equal(found[0].code, 'empty-section');
    assert.equal(found[0].range.start.line, 3, 'on the empty heading （二）推进依法决策');
  }
  for (const text of passes) assert.deepEqual(analyze(text, {}, [rule]).findings, [], `no finding expected:\n${text}`);
  // its messages, as the page shows them, name the heading in both languages
  const [zh, en] = block(/^json$/).map((b) => JSON.parse(b) as Record<string, string>);
  assert.match(zh['empty-section.empty'], /\{heading\}/);
  assert.match(en['empty-section.empty'], /\{heading\}/);
});

test('the word example of docs/contributing.md: the stage it adds is the shape figures.json uses', () => {
  const figures = JSON.parse(fs.readFileSync(path.join(repoRoot, 'server', 'data', 'figures.json'), 'utf8'));
  assert.ok(Array.isArray(figures.stages['受理']), 'figures.json has stages.受理 as a list of words');
  assert.match(page, /"登记受理"/);
});
