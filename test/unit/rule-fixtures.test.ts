// Every fixture under test/fixtures/rules/<code>/ is checked and its findings of that code must be exactly the
// ones marked in the file with {{code}} (see test/helpers/fixtures.ts). A file named *-ok.txt must mark none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/engine';
import { fixtureFiles, keys, loadFixture } from '../helpers/fixtures';
import { fixturesDir } from '../helpers/paths';

const rulesDir = path.join(fixturesDir, 'rules');
const codes = fs.readdirSync(rulesDir).filter((d) => fs.statSync(path.join(rulesDir, d)).isDirectory());

test('there are rule fixtures', () => {
  assert.ok(codes.includes('heading-numbering'), 'heading-numbering fixtures missing');
});

for (const code of codes) {
  for (const file of fixtureFiles(path.join(rulesDir, code))) {
    test(`${code}: ${path.basename(file)}`, () => {
      const { text, expected } = loadFixture(file);
      const relevant = expected.filter((e) => e.code === code);
      if (/-ok\.(txt|md)$/.test(file)) assert.equal(relevant.length, 0, 'an -ok fixture must not expect findings');
      else assert.ok(relevant.length > 0, 'a fixture not named *-ok must expect at least one finding');
      const found = analyze(text).findings.filter((f) => f.code === code);
      assert.deepEqual(keys(found.map((f) => ({ line: f.range.start.line, code: f.code }))), keys(relevant));
    });
  }
}
