// The heading hover reads the report's parts from the analysis (engine sectionsOf), detected at most once per
// analysis, instead of parsing the document again on every hover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, defaultProfile, sectionsOf } from '../../server/src/engine';
import { headingHover } from '../../server/src/lsp/hovers';

const REPORT = [
  '某某县人民政府关于2024年法治政府建设情况的报告',
  '一、2024年推进法治政府建设的主要举措和成效',
  '全年办理行政复议案件30件，组织执法人员培训4期。',
  '二、存在的不足和原因',
  '个别部门执法程序还不够规范，主要是培训覆盖不够。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '县政府主要负责同志专题研究法治政府建设工作3次。',
  '四、2025年推进法治政府建设的主要安排',
  '继续完善行政执法监督制度。',
].join('\n');

test('sectionsOf: the parts of the analysed text, the same object each time; none for an analysis not from analyze()', () => {
  const a = analyze(REPORT);
  const s = sectionsOf(a);
  assert.ok(s);
  assert.equal(sectionsOf(a), s);
  assert.ok(s.hits.some((h) => h.line === 3 && h.type === 'shortcomings'), JSON.stringify(s.hits));
  assert.equal(sectionsOf({ ...a }), undefined);
});

test('the heading hover takes the parts from the analysis, not from parsing the text again', () => {
  const a = analyze(REPORT);
  const fromText = headingHover(REPORT, a, { line: 3, character: 2 }, defaultProfile, 'zh-cn');
  assert.match(fromText ?? '', /^本节识别为：.*不足/);
  // given no text at all, the hover still knows the part: it did not read the text
  assert.equal(headingHover('', a, { line: 3, character: 2 }, defaultProfile, 'zh-cn'), fromText);
  // an analysis that analyze() did not return is read from its text, as before
  assert.equal(headingHover(REPORT, { ...a }, { line: 3, character: 2 }, defaultProfile, 'zh-cn'), fromText);
});
