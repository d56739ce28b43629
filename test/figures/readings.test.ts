// Readings, asserted as structure (which relation, which reading held, under which assumptions), not as display
// strings; and the hover, the figure table and `fazhi-report figures` show the reading a figure was verified under.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { extractFigures } from '../../server/src/engine/figures/extract';
import { ReportDocument } from '../../server/src/engine/document';
import { figureMarkdown } from '../../server/src/present/figure-hover';
import { figureRows } from '../../server/src/present/figure-table';
import type { Verdict } from '../../server/src/engine/figures/readings';
import { segmenter } from './common';

function verdicts(text: string): Verdict[] {
  return extractFigures(new ReportDocument(text), segmenter()).verdicts;
}
const values = (v: Verdict, role: string, holding = true) =>
  (holding ? v.holding! : v.reported!).figures.filter((x) => x.role === role).map((x) => x.fig.value);
const assumed = (v: Verdict) => v.holding!.assumptions.map((a) => a.id);

test('a 其中 list belongs to the total its parts add up to, not to the nearest count', () => {
  const [v] = verdicts('全年召开新闻发布会36场、政策吹风会9场。其中，新闻发布会包括法治宣传系列8场、惠企政策系列12场、例行发布会16场。').filter((x) => x.claim.check === 'breakdown-sum');
  assert.ok(v.holding && !v.reported);
  assert.deepEqual(values(v, 'total'), [36]);
  assert.deepEqual(assumed(v), ['otherTotal']);
  // the nearest count (9) was read first, and did not hold
  assert.equal(v.plausible[0].outcome.ok, false);
  assert.deepEqual(v.plausible[0].figures.filter((x) => x.role === 'total').map((x) => x.fig.value), [9]);
});

test('the whole set before the list is its total (180 + 72 + 8 = 197 + 63)', () => {
  const [v] = verdicts('全区共应诉一审行政案件180件，二审72件，再审申请8件。其中区政府作为共同被告的197件、单独被告的63件。').filter((x) => x.claim.check === 'breakdown-sum');
  assert.deepEqual(assumed(v), ['wholeSet']);
  assert.deepEqual(values(v, 'total').sort((a, b) => a - b), [8, 72, 180]);
});

test('a later-stage figure ends the list (D4): 成功化解 is not a part of the 受理 list', () => {
  const [v] = verdicts('全年受理矛盾纠纷5000件，其中婚姻家庭纠纷2000件，邻里纠纷1800件，成功化解4900件。').filter((x) => x.claim.check === 'breakdown-sum');
  assert.deepEqual(assumed(v), ['listEndsAtStage']);
  assert.deepEqual(values(v, 'part'), [2000, 1800]);
  assert.equal(analyze('全年受理矛盾纠纷5000件，其中婚姻家庭纠纷2000件，邻里纠纷1800件，成功化解4900件。').findings.filter((f) => f.code === 'breakdown-sum').length, 0);
});

test('a rate over counts of another sentence is inferred: reported as a warning, not an error', () => {
  const [v] = verdicts('全年办理行政复议案件70件，办结60件，其中调解终止15件，维持30件。复议决定履行率100%，调解率为30%。').filter((x) => x.claim.check === 'rate-mismatch' && x.reported);
  assert.equal(v.strength, 'inferred');
  assert.deepEqual(values(v, 'numerator', false), [15]);
  assert.deepEqual(values(v, 'denominator', false), [60]);
  assert.deepEqual(v.reported!.assumptions.map((a) => a.id), ['numeratorOtherSentence', 'paragraphBase']);
  const f = analyze('全年办理行政复议案件70件，办结60件，其中调解终止15件，维持30件。复议决定履行率100%，调解率为30%。').findings.find((x) => x.code === 'rate-mismatch')!;
  assert.equal(f.severity, 'warning');
  assert.equal(f.related?.length, 3);
});

test('the strength of the evidence caps the configured severity and never raises it', () => {
  const text = '全年办理行政复议案件70件，办结60件，其中调解终止15件，维持30件。复议决定履行率100%，调解率为30%。';
  const at = (sev: 'error' | 'warning' | 'information' | 'hint') => analyze(text, { rules: { 'rate-mismatch': sev } }).findings.find((x) => x.code === 'rate-mismatch')!.severity;
  assert.equal(at('error'), 'warning');
  assert.equal(at('warning'), 'warning');
  assert.equal(at('information'), 'information');
  assert.equal(at('hint'), 'hint');
  const carry = '2022年，全区一审行政诉讼案件发案217件、一审结案237件。';
  const note = (sev: 'error' | 'warning') => analyze(carry, { rules: { 'funnel-order': sev } }).findings.find((x) => x.code === 'funnel-order')!.severity;
  assert.equal(note('error'), 'information');
  assert.equal(note('warning'), 'information');
});

test('hover, figure table and figures command show the reading a figure was verified under', () => {
  const text = '全年召开新闻发布会36场、政策吹风会9场。其中，新闻发布会包括法治宣传系列8场、惠企政策系列12场、例行发布会16场。';
  const a = analyze(text, { segmenter: segmenter() });
  const f36 = a.figures!.find((f) => f.value === 36)!;
  assert.match(figureMarkdown(f36, 'zh-cn'), /读法：总数是列举前的另一个数/);
  assert.match(figureMarkdown(f36, 'en'), /reading: the total is another count before the list/);
  const row = figureRows(a.figures, 'zh-cn').find((r) => r.value === 36)!;
  assert.ok(row.checks.some((c) => c.ok && c.detail.includes('8 + 12 + 16 = 36场') && c.detail.includes('读法：总数是列举前的另一个数')), JSON.stringify(row.checks));
});

test('in English, the figure evidence and the related roles are English (only the document\'s own words stay Chinese)', () => {
  const texts = [
    '全年审结行政复议案件78件，其中维持44件、驳回8件、撤销0件、调解和解20件。',
    '全年受理行政复议案件120件，较上年100件下降20%。',
    '2022年，全区一审行政诉讼案件发案217件、一审结案237件。',
    '全年审结行政复议案件138件，其中直接纠错28件，纠错率约17.6%。',
    '本年度主动公开政府信息24条。\n其中，机构职能3条，占13%；政策文件7条，占29%；工作动态11条，占45%；财政信息3条，占13%。',
  ];
  const prose = /列举未必完整|所写|不符|没有整数|同一指标|含上期|数值一致|四舍五入|截断|读法|分项|总数|分子|分母|本期|上期|变化|前一环节|后一环节/;
  for (const text of texts) {
    const a = analyze(text, { segmenter: segmenter(), locale: 'en' });
    for (const f of a.findings.filter((x) => x.code !== 'missing-section' && x.code !== 'unbacked-metric')) {
      for (const r of f.related ?? []) assert.doesNotMatch(r.message, prose, `${text}: related "${r.message}"`);
      assert.doesNotMatch(f.message, prose, `${text}: message "${f.message}"`);
    }
    for (const row of figureRows(a.figures, 'en')) for (const c of row.checks) assert.doesNotMatch(c.detail, prose, `${text}: "${c.detail}"`);
    for (const fig of a.figures ?? []) assert.doesNotMatch(figureMarkdown(fig, 'en').replace(/`[^`]*`/g, ''), prose);
  }
});

test('a figure in a table cell shows its row and column labels in the figure table; a table share is backed', () => {
  const text = '一、案件情况\n全年新收行政复议案件如下表：\n\n| 单位 | 新收 | 占比 |\n| 市场监管局 | 21件 | 35.6% |\n| 公安分局 | 13件 | 22.0% |\n| 合计 | 34件 | 57.6% |\n';
  const a = analyze(text, { segmenter: segmenter() });
  const rows = figureRows(a.figures, 'zh-cn', a.tables ?? []);
  assert.equal(rows.find((r) => r.text === '35.6%')?.label, '市场监管局 / 占比');
  assert.equal(rows.find((r) => r.text === '13件')?.cell, '公安分局 / 新收');
  assert.deepEqual(a.findings.filter((f) => f.code === 'unbacked-metric').map((f) => f.range.start.line), []);
});
