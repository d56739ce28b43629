// Suppression comments, accepted findings and the workspace file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, allRules, findDirectives, sentenceAt, validateWorkspaceConfig } from '../../server/src/engine';
import { repoRoot } from '../helpers/paths';

const gap = ['一、主要举措和成效', '全年办理案件20件。', '三、存在的不足和原因', '基层力量薄弱。'];
const numberingFindings = (text: string) => analyze(text).findings.filter((f) => f.code === 'heading-numbering').map((f) => f.range.start.line);

test('a gap is found without a directive', () => {
  assert.deepEqual(numberingFindings(gap.join('\n')), [2]);
});

test('disable-next-line (HTML and line-comment forms, English and Chinese) silences the next line only', () => {
  for (const directive of [
    '<!-- fazhi-report-disable-next-line heading-numbering -->',
    '// fazhi-report-disable-next-line heading-numbering',
    '<!-- 法治报告检查：忽略下一行 heading-numbering -->',
    '<!-- fazhi-report-disable-next-line -->',
  ]) {
    const text = [gap[0], gap[1], directive, gap[2], gap[3]].join('\n');
    assert.deepEqual(numberingFindings(text), [], directive);
  }
  // another check's name does not silence this one
  const other = [gap[0], gap[1], '<!-- fazhi-report-disable-next-line rate-mismatch -->', gap[2], gap[3]].join('\n');
  assert.deepEqual(numberingFindings(other), [3]);
});

test('disable-line, disable…enable blocks and disable-file', () => {
  assert.deepEqual(numberingFindings([gap[0], gap[1], gap[2] + ' <!-- fazhi-report-disable-line -->', gap[3]].join('\n')), []);
  const block = ['<!-- fazhi-report-disable heading-numbering -->', gap[0], gap[1], gap[2], '<!-- fazhi-report-enable heading-numbering -->', '五、下一年度安排'].join('\n');
  assert.deepEqual(numberingFindings(block), [5]);
  assert.deepEqual(numberingFindings(['<!-- fazhi-report-disable-file heading-numbering -->', ...gap].join('\n')), []);
});

test('directives are masked: positions unchanged, never read as a heading or figure; unterminated comments are text', () => {
  const text = '<!-- fazhi-report-disable-next-line -->\n一、甲';
  const m = findDirectives(text);
  assert.equal(m.text.length, text.length);
  assert.equal(m.text.split('\n')[1], '一、甲');
  assert.equal(m.directives.length, 1);
  assert.equal(findDirectives('<!-- fazhi-report-disable-next-line ' + 'x'.repeat(100000)).directives.length, 0);
  assert.equal(findDirectives('<!-- fazhi-report-disable-lines -->').directives.length, 0);
});

test('an accepted finding (check + its sentence) is silenced until the sentence changes', () => {
  const text = gap.join('\n');
  const f = analyze(text).findings.find((x) => x.code === 'heading-numbering')!;
  const sentence = sentenceAt(text.split('\n')[f.range.start.line], f.range.start.character);
  assert.equal(sentence, '三、存在的不足和原因');
  assert.equal(analyze(text, { accepted: [{ rule: 'heading-numbering', text: sentence }] }).findings.filter((x) => x.code === 'heading-numbering').length, 0);
  assert.equal(analyze(text.replace('三、存在', '三、仍存在'), { accepted: [{ rule: 'heading-numbering', text: sentence }] }).findings.filter((x) => x.code === 'heading-numbering').length, 1);
});

test('the workspace file is validated field by field, and the schema names every check', () => {
  const codes = allRules.map((r) => r.code);
  const ok = validateWorkspaceConfig({ rules: { 'unbacked-metric': 'off' }, checkOn: 'save', accepted: [{ rule: 'rate-mismatch', text: '纠错率25%。' }] }, codes);
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.config.rules?.['unbacked-metric'], 'off');
  const bad = validateWorkspaceConfig({ rules: { nosuch: 'error', 'plan-year': 'loud' }, checkOn: 'never', run: 'rm -rf /' }, codes);
  assert.equal(bad.errors.length, 4, bad.errors.join('\n'));
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'fazhi-report.schema.json'), 'utf8'));
  assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), [...codes].sort());
});
