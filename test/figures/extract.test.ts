// Extraction on seed sentences: unit, object, stage, rate, lists; what the checks will relate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReportDocument } from '../../server/src/engine/document';
import { extractFigures, quoteMask } from '../../server/src/engine/figures/extract';
import { segmenter } from './common';

function model(text: string, seg = false) {
  return extractFigures(new ReportDocument(text), seg ? segmenter() : undefined);
}
const brief = (f: { text: string; object?: string; stage?: string; rate?: string }) =>
  [f.text, f.object ?? '', f.stage ?? '', f.rate ?? ''].join('/');

test('funnel stages with the object carried along the sentence (seed 000)', () => {
  const m = model('2022年全区共收到行政复议84件,受理71件,已审结62件,参加市政府行政复议36件,无复议撤改案件。');
  assert.deepEqual(m.figures.map(brief), ['84件/行政复议/收到/', '71件/行政复议/受理/', '62件/行政复议/审结/', '36件/行政复议/参加/']);
  assert.equal(m.figures[1].objectInherited, true);
});

test('一审结案 is 一审 + 结案, not 审结 of something else; 应当/实际出庭 (seed 000)', () => {
  const m = model('全区一审行政诉讼案件发案217件、一审结案237件;行政诉讼机关负责人应当出庭185件、实际出庭185件,机关负责人出庭率保持100%水平。');
  assert.deepEqual(m.figures.map(brief), [
    '217件/行政诉讼/发案/',
    '237件/行政诉讼/审结/',
    '185件/行政诉讼/应当出庭/',
    '185件/行政诉讼/实际出庭/',
    '100%/行政诉讼//出庭率',
  ]);
});

test('其中 list with outcomes, and rates named before and after the number (seed 002)', () => {
  const m = model('共受理行政复议申请100件,审结78件,其中维持44件、驳回8件,调解和解20件,撤销2件、确认违法3件、责令履行1件,行政复议案件直接纠错率7.69%,综合化解率达33.38%,按时办结率100%。持续保持100%出庭率。');
  const stages = m.figures.map((f) => f.stage ?? f.rate);
  assert.deepEqual(stages, ['受理', '审结', '维持', '驳回', '调解和解', '撤销', '确认违法', '责令履行', '直接纠错率', '综合化解率', '按时办结率', '出庭率']);
  assert.equal(m.breakdowns.length, 1);
  const b = m.breakdowns[0];
  assert.equal(m.figures[b.total].text, '78件');
  assert.deepEqual(b.parts.map((id) => m.figures[id].value), [44, 8, 20, 2, 3, 1]);
});

test('分别 lists give each figure its name', () => {
  const m = model('全年收到、受理、审结行政复议案件分别为84件、71件、62件。');
  assert.deepEqual(m.figures.map(brief), ['84件/行政复议/收到/', '71件/行政复议/受理/', '62件/行政复议/审结/']);
});

test('"…中" antecedents: the 审结 stated before is the total (corpus 033)', () => {
  const m = model('行政诉讼案件40宗,审结27宗,占67.5%;在已审结的案件中,胜诉24宗,撤诉3宗,胜诉率100%。');
  const b = m.breakdowns.find((x) => x.trigger === '中');
  assert.ok(b);
  assert.equal(m.figures[b.total].text, '27宗');
  assert.deepEqual(b.parts.map((id) => m.figures[id].text), ['24宗', '3宗']);
});

test('implicit enumerations that add up are lists too (seed 001: 399份 = 60 + 13 + 326)', () => {
  const m = model('对区政府2011年起出台的399份行政规范性文件进行全面清理,决定继续有效的60件,需要修改的13件,失效、废止的326件,清理结果在区政府门户网站公布。');
  const b = m.breakdowns.find((x) => x.trigger === 'implicit');
  assert.ok(b);
  assert.equal(m.figures[b.total].text, '399份');
  assert.equal(b.parts.length, 3);
});

test('prior-period values and changes (corpus 035)', () => {
  const m = model('市本级新收行政复议申请3326件(2023年为867件),同比增长283.6%,复议诉讼比值达9.1。');
  assert.deepEqual(
    m.figures.map((f) => [f.text, !!f.prior, f.change ?? '']),
    [
      ['3326件', false, ''],
      ['867件', true, ''],
      ['283.6%', false, 'up'],
      ['9.1', false, ''],
    ],
  );
});

test('the segmenter only adds the counted noun; it changes nothing the checks read', () => {
  const text = '96件信访积案被成功化解,其中3年以上“骨头案”61件、5年以上的“钉子案”19件、10年以上的“无解案”16件。';
  const a = model(text, false);
  const b = model(text, true);
  const strip = (m: ReturnType<typeof model>) =>
    JSON.stringify({ f: m.figures.map(({ noun: _n, ...rest }) => rest), b: m.breakdowns });
  assert.equal(strip(a), strip(b));
  assert.ok(b.figures[0].noun!.startsWith('信访积案'));
  assert.equal(a.figures[0].noun, undefined);
});

test('labels are cut into words only where another figure shares the rest of the metric key (conflicting-figure)', () => {
  const cut = segmenter();
  const asked: string[] = [];
  const counting = (s: string) => {
    asked.push(s);
    return cut(s);
  };
  // 受理 of 行政复议 twice (the names differ by the filler 共: only the words meet), 审结 and 办结率 once each
  const text = '本年度共受理行政复议申请100件，审结78件。\n本年度受理行政复议申请90件，按期办结率为95%。';
  const m = extractFigures(new ReportDocument(text), counting, undefined, { nouns: false });
  assert.deepEqual(asked.sort(), ['本年度共受理行政复议申请', '本年度受理行政复议申请']);
  const conflict = m.verdicts.filter((v) => v.claim.check === 'conflicting-figure' && v.reported);
  assert.deepEqual(conflict.map((v) => v.claim.anchor.text), ['90件']);
});

test('quoted spans: a number inside 《》 or “” closed on its line is covered, one outside or in a quote left open is not', () => {
  const s = '依据《条例》第12条和“三个100%”要求，受理案件45件，另有“未闭合的引号里12件';
  const spans = quoteMask(s)!;
  const at = (t: string) => s.indexOf(t);
  assert.equal(spans.covers(at('条例')), true);
  assert.equal(spans.covers(at('100%')), true);
  assert.equal(spans.covers(at('》')), true);
  assert.equal(spans.covers(at('12条')), false);
  assert.equal(spans.covers(at('45件')), false);
  assert.equal(spans.covers(at('12件')), false);
  assert.equal(quoteMask('受理案件45件，审结40件。'), null);
});
