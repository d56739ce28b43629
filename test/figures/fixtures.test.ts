// The figure fixtures (test/fixtures/rules/<figure code>/*.txt) checked against all six figure codes at once:
// a fixture for one check must not make another figure check fire unless it says so with its own marker.
// Each fixture is checked with the segmenter and without it; without it the findings must be a subset
// (figures may be coarser before nodejieba is loaded, never wrong).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fixtureFiles, keys, loadFixture, severityMismatches } from '../helpers/fixtures';
import { fixturesDir } from '../helpers/paths';
import { FIGURE_CODES, analyzeWith, figureFindings, findingKey } from './common';

const files = FIGURE_CODES.flatMap((code) => fixtureFiles(path.join(fixturesDir, 'rules', code)));

test('every figure check has fixtures, with and without findings', () => {
  for (const code of FIGURE_CODES) {
    const mine = files.filter((f) => f.includes(`${path.sep}${code}${path.sep}`));
    assert.ok(mine.some((f) => !f.endsWith('-ok.txt')), `${code}: no fixture with a finding`);
  }
  assert.ok(files.filter((f) => f.endsWith('-ok.txt')).length >= 10);
});

for (const file of files) {
  const name = path.relative(path.join(fixturesDir, 'rules'), file);
  test(`figures: ${name}`, () => {
    const { text, expected } = loadFixture(file);
    const wanted = expected.filter((e) => FIGURE_CODES.includes(e.code));
    const withSeg = figureFindings(analyzeWith(text, true));
    assert.deepEqual(keys(withSeg.map((f) => ({ line: f.range.start.line, code: f.code }))), keys(wanted));
    assert.deepEqual(severityMismatches(wanted, withSeg.map((f) => ({ line: f.range.start.line, code: f.code, severity: f.severity }))), []);
    const without = figureFindings(analyzeWith(text, false)).map(findingKey);
    const withKeys = new Set(withSeg.map(findingKey));
    for (const k of without) assert.ok(withKeys.has(k), `without the segmenter ${k} is raised but not with it`);
    // every finding shows its figures and links each of them
    for (const f of withSeg) {
      assert.ok(/\d/.test(f.message), `message without numbers: ${f.message}`);
      assert.ok((f.related?.length ?? 0) >= 1, `no related figures: ${f.message}`);
    }
  });
}
