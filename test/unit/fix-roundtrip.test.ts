// Every fix the engine offers, applied to its fixture and re-checked: the finding is gone, nothing else changed
// (markdownlint's fix round-trip). Fixes live in Finding.data.fixes: { title, edits, preferred?, safe? }.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Finding } from '../../server/src/engine';
import { applyEdits, check } from '../helpers/engine';
import { fixtureFiles, loadFixture } from '../helpers/fixtures';
import { fixturesDir } from '../helpers/paths';

interface Fix { title: string; edits: { range: Finding['range']; newText: string }[]; preferred?: boolean; safe?: boolean }
const fixesOf = (f: Finding) => ((f.data?.fixes as Fix[] | undefined) ?? []);

test('heading-numbering: the renumber fix removes the finding and touches only numbering markers', () => {
  const text = '一、主要举措和成效\n全年办理案件20件。\n三、存在的不足和原因\n基层力量薄弱。\n四、下一年度安排\n持续推进。\n';
  const f = check(text).filter((x) => x.code === 'heading-numbering');
  assert.equal(f.length, 1);
  const [fix] = fixesOf(f[0]);
  assert.equal(fix.safe, true);
  const fixed = applyEdits(text, fix.edits);
  assert.equal(fixed, '一、主要举措和成效\n全年办理案件20件。\n二、存在的不足和原因\n基层力量薄弱。\n三、下一年度安排\n持续推进。\n');
  assert.equal(check(fixed).filter((x) => x.code === 'heading-numbering').length, 0);
});

for (const file of fixtureFiles(path.join(fixturesDir, 'rules'))) {
  const code = path.basename(path.dirname(file));
  test(`fix round-trip: ${code}/${path.basename(file)}`, () => {
    const { text } = loadFixture(file);
    const before = check(text);
    for (const finding of before.filter((x) => x.code === code)) {
      for (const fix of fixesOf(finding)) {
        const fixed = applyEdits(text, fix.edits);
        assert.notEqual(fixed, text, `${fix.title} changes the text`);
        const after = check(fixed);
        const same = after.filter((x) => x.code === code && x.range.start.line === finding.range.start.line && x.message === finding.message);
        assert.equal(same.length, 0, `${fix.title}: the finding is gone`);
        // nothing else appeared, except findings a fix is expected to leave (a fixed rate can still be unbacked)
        const newCodes = after.map((x) => x.code).filter((c) => !before.some((b) => b.code === c));
        assert.deepEqual(newCodes, [], `${fix.title}: no new kind of finding`);
      }
    }
  });
}
