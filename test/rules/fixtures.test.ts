// The one runner for the rule fixtures test/fixtures/rules/<code>/*.{txt,md} (format: test/helpers/fixtures.ts).
// For every registered check with a folder, each fixture is checked with the word segmenter and without it:
//  - with it, the findings are exactly the marked ones for the folder's own code, for every code marked in the
//    file, and for every figure check (tag 'figures' in the registry), which stays silent unless marked;
//  - severities and columns are asserted where a marker states them;
//  - without the segmenter the findings (line, column, code) are a subset of those with it (coarser, never wrong);
//  - a fixture named *-ok expects no finding at all; any other expects at least one of its own code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { allRules, analyze, type Finding } from '../../server/src/engine';
import { segmenter } from '../helpers/engine';
import { detailMismatches, fixtureFiles, fixtureOptions, isOkFixture, keys, loadFixture, type Found } from '../helpers/fixtures';
import { fixturesDir } from '../helpers/paths';

const rulesDir = path.join(fixturesDir, 'rules');
const registered = allRules.map((r) => r.code);
const figureCodes = allRules.filter((r) => r.tags.includes('figures')).map((r) => r.code);
/** Checks that compare two reports and so cannot be run on one fixture; they have their own tests (test/across/). */
const NOT_ON_ONE_TEXT = ['across-reports'];

const found = (f: Finding): Found => ({ line: f.range.start.line, character: f.range.start.character, code: f.code, severity: f.severity });
const position = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1}:${f.code}`;

test('every fixture folder is named after a registered check', () => {
  const folders = fs.readdirSync(rulesDir).filter((d) => fs.statSync(path.join(rulesDir, d)).isDirectory());
  assert.deepEqual(folders.filter((d) => !registered.includes(d)), []);
});

test('every registered check except the ones across reports has a fixture with a finding and an -ok fixture', () => {
  const lacking: string[] = [];
  for (const code of registered.filter((c) => !NOT_ON_ONE_TEXT.includes(c))) {
    const files = fixtureFiles(path.join(rulesDir, code));
    if (!files.some((f) => !isOkFixture(f))) lacking.push(`${code}: no fixture with a finding`);
    if (!files.some(isOkFixture)) lacking.push(`${code}: no -ok fixture`);
  }
  assert.deepEqual(lacking, []);
});

test('the figure checks are read from the registry tags', () => {
  assert.ok(figureCodes.includes('rate-mismatch') && figureCodes.includes('unbacked-metric'), figureCodes.join(','));
  assert.ok(!figureCodes.includes('heading-numbering') && !figureCodes.includes('missing-section'));
});

for (const code of registered) {
  for (const file of fixtureFiles(path.join(rulesDir, code))) {
    const name = path.relative(rulesDir, file).split(path.sep).join('/');
    test(`fixture ${name}`, () => {
      const fixture = loadFixture(file);
      const { text, expected } = fixture;
      const unknown = expected.filter((e) => !registered.includes(e.code)).map((e) => e.code);
      assert.deepEqual(unknown, [], 'markers name registered checks');
      if (isOkFixture(file)) assert.deepEqual(keys(expected), [], 'an -ok fixture expects no finding');
      else assert.ok(expected.some((e) => e.code === code), `a fixture not named *-ok expects at least one ${code} finding`);

      const compared = new Set([code, ...figureCodes, ...expected.map((e) => e.code)]);
      const options = fixtureOptions(fixture);
      const withSeg = analyze(text, { ...options, segmenter: segmenter! }).findings.filter((f) => compared.has(f.code));
      assert.deepEqual(keys(withSeg.map(found)), keys(expected), withSeg.map((f) => `${position(f)} ${f.message}`).join('\n'));
      assert.deepEqual(detailMismatches(expected, withSeg.map(found)), [], 'stated severities and columns');

      const withKeys = new Set(withSeg.map(position));
      const without = analyze(text, options).findings.filter((f) => compared.has(f.code));
      for (const f of without) assert.ok(withKeys.has(position(f)), `without the segmenter ${position(f)} is raised but not with it`);

      // a figure finding shows its figures and links each of them
      for (const f of withSeg.filter((x) => figureCodes.includes(x.code) && x.code !== 'unbacked-metric')) {
        assert.ok(/\d/.test(f.message), `message without numbers: ${f.message}`);
        assert.ok((f.related?.length ?? 0) >= 1, `no related figures: ${f.message}`);
      }
    });
  }
}
