// Every fix the engine offers on a rule fixture, applied and re-checked (markdownlint's fix round-trip). Fixes live in
// Finding.data.fixes: { title, edits, preferred?, safe? }. Only fixtures whose findings carry a fix get a round-trip:
//  - each fix alone removes its finding, changes the text and brings no new kind of finding;
//  - applying the fixes one after the other (the preferred one of each finding) leaves nothing fixable.
// Every check marked `fixable` in the registry has a fixture that exercises its fixes, and no other check's
// findings carry fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { allRules, type AnalyzeOptions, type Finding } from '../../server/src/engine';
import { applyEdits, check } from '../helpers/engine';
import { fixtureFiles, fixtureOptions, loadFixture } from '../helpers/fixtures';
import { fixturesDir } from '../helpers/paths';

interface Fix { title: string; edits: { range: Finding['range']; newText: string }[]; preferred?: boolean; safe?: boolean }
const fixesOf = (f: Finding) => ((f.data?.fixes as Fix[] | undefined) ?? []);
const rulesDir = path.join(fixturesDir, 'rules');

/** The checks that say they offer fixes (Rule.fixable in the registry). */
const fixableCodes = allRules.filter((r) => r.fixable).map((r) => r.code);

interface Case { name: string; folder: string; text: string; options: AnalyzeOptions; fixable: Finding[] }
const cases: Case[] = [];
for (const code of allRules.map((r) => r.code)) {
  for (const file of fixtureFiles(path.join(rulesDir, code))) {
    const fixture = loadFixture(file);
    const options = fixtureOptions(fixture);
    const fixable = check(fixture.text, options).filter((f) => fixesOf(f).length > 0);
    if (fixable.length) cases.push({ name: path.relative(rulesDir, file).split(path.sep).join('/'), folder: code, text: fixture.text, options, fixable });
  }
}

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

test('the checks that offer fixes are the ones the registry marks fixable', () => {
  assert.ok(fixableCodes.includes('heading-numbering') && fixableCodes.includes('rate-mismatch'), fixableCodes.join(','));
  // a fixture finding with a fix comes from one of them
  const strays = cases.flatMap((c) => c.fixable.map((f) => f.code)).filter((c) => !fixableCodes.includes(c));
  assert.deepEqual([...new Set(strays)], []);
});

test('every check that offers fixes has a fixture of its own folder whose finding carries its fix', () => {
  const exercised = new Set(cases.flatMap((c) => c.fixable.filter((f) => f.code === c.folder).map((f) => f.code)));
  assert.deepEqual(fixableCodes.filter((c) => !exercised.has(c)), []);
});

for (const c of cases) {
  test(`fix round-trip ${c.name}`, () => {
    const before = check(c.text, c.options);
    for (const finding of c.fixable) {
      for (const fix of fixesOf(finding)) {
        const fixed = applyEdits(c.text, fix.edits);
        assert.notEqual(fixed, c.text, `${fix.title} changes the text`);
        const after = check(fixed, c.options);
        const same = after.filter((x) => x.code === finding.code && x.range.start.line === finding.range.start.line && x.message === finding.message);
        assert.equal(same.length, 0, `${fix.title}: the finding is gone`);
        // nothing else appeared, except findings a fix is expected to leave (a fixed rate can still be unbacked)
        const newCodes = after.map((x) => x.code).filter((code) => !before.some((b) => b.code === code));
        assert.deepEqual(newCodes, [], `${fix.title}: no new kind of finding`);
      }
    }
    // all of them, one after the other, re-checking in between (a fix moves the positions of later ones)
    let text = c.text;
    let remaining = c.fixable;
    for (let step = 0; remaining.length && step < 2 * c.fixable.length + 2; step++) {
      const fixes = fixesOf(remaining[0]);
      text = applyEdits(text, (fixes.find((x) => x.preferred) ?? fixes[0]).edits);
      remaining = check(text, c.options).filter((f) => fixesOf(f).length > 0);
    }
    assert.deepEqual(remaining.map((f) => `${f.range.start.line + 1}:${f.code} ${f.message}`), [], 'nothing fixable remains');
  });
}
