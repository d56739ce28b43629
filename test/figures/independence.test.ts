// Checks never write into shared state: switching any one check off leaves every other check's findings exactly
// as they were, on the seeds and the development corpora (verdicts are computed once per analysis, whatever is on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, allRules } from '../../server/src/engine';
import { corpusDir, readText, seedFiles } from '../helpers/paths';
import { segmenter } from './common';

const texts: { name: string; text: string }[] = seedFiles().map((f) => ({ name: path.basename(f), text: readText(f) }));
for (const dir of corpusDir ? [corpusDir, path.join(path.dirname(corpusDir), 'corpus2')] : []) {
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) texts.push({ name: f, text: readText(path.join(dir, f)) });
}

const key = (f: { code: string; severity: string; message: string; range: { start: { line: number; character: number } } }) =>
  `${f.code} ${f.severity} ${f.range.start.line}:${f.range.start.character} ${f.message}`;

test('switching any check off leaves every other check\'s findings unchanged (seeds and corpora)', () => {
  const seg = segmenter();
  const all = texts.map(({ text }) => analyze(text, { segmenter: seg }).findings.map(key));
  let compared = 0;
  for (const rule of allRules) {
    texts.forEach(({ name, text }, i) => {
      const off = analyze(text, { segmenter: seg, rules: { [rule.code]: 'off' } }).findings.map(key);
      const expected = all[i].filter((k) => !k.startsWith(rule.code + ' '));
      assert.deepEqual(off, expected, `${name}: switching ${rule.code} off changed other findings`);
      compared += expected.length;
    });
  }
  assert.ok(compared > 0, 'the texts give findings to compare');
});

test('reading the counted nouns (off in the command line\'s check) changes no finding; without it there are none', () => {
  const seg = segmenter();
  let nouns = 0;
  for (const { name, text } of texts) {
    const withNouns = analyze(text, { segmenter: seg });
    const without = analyze(text, { segmenter: seg, nouns: false });
    assert.deepEqual(without.findings.map(key), withNouns.findings.map(key), name);
    assert.ok((without.figures ?? []).every((f) => f.noun === undefined), `${name}: a noun was read with nouns: false`);
    nouns += (withNouns.figures ?? []).filter((f) => f.noun).length;
  }
  assert.ok(nouns > 100, `only ${nouns} nouns read: the comparison proves little`);
});
