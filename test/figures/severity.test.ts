// Default severities of the figure checks and their softer variants, and the data a quick fix will use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { analyzeWith, figureFindings } from './common';

function only(text: string) {
  const f = figureFindings(analyzeWith(text));
  assert.equal(f.length, 1, JSON.stringify(f.map((x) => x.message)));
  return f[0];
}

test('funnel-order: an inversion is an error, one carry-over can explain is information and says so', () => {
  const e = only('2023年全区共收到行政复议申请84件，受理91件。');
  assert.deepEqual([e.code, e.severity], ['funnel-order', 'error']);
  assert.equal(e.message, '受理 91 件多于收到 84 件：同一事项的后一环节不应多于前一环节，请核对数字。');
  assert.equal(e.related?.length, 2);
  const i = only('全区一审行政诉讼案件发案217件、一审结案237件。');
  assert.deepEqual([i.code, i.severity], ['funnel-order', 'information']);
});

test('breakdown-sum: parts over the total are an error, a complete list short of it a warning', () => {
  const e = only('全年承办行政复议和诉讼案件121件，其中复议案件83件、诉讼案件48件。');
  assert.deepEqual([e.code, e.severity], ['breakdown-sum', 'error']);
  assert.match(e.message, /83 \+ 48 = 131 件，超过总数 121 件/);
  assert.equal(e.related?.length, 3);
  // every part above a mistyped total: the whole list is shown, and it stays an error
  const all = only('全年破获团伙案件3起，其中重大案件14起，一般案件8起，督办案件2起。');
  assert.deepEqual([all.code, all.severity], ['breakdown-sum', 'error']);
  assert.match(all.message, /14 \+ 8 \+ 2 = 24 起，超过总数 3 起/);
  // a count in another measure word after the parts is no part of the list: the message adds the parts only
  const unit = only('全年主动公开政府信息40条，其中公文类信息9条、非公文类信息50条，作出行政处罚决定7件。');
  assert.deepEqual([unit.code, unit.severity], ['breakdown-sum', 'warning']);
  assert.match(unit.message, /9 \+ 50 = 59 条，超过总数 40 条/);
  const w = only('共受理行政复议申请100件，其中维持44件、驳回8件、其他类型20件。');
  assert.deepEqual([w.code, w.severity], ['breakdown-sum', 'warning']);
  assert.equal(w.data?.missing, 28);
});

test('rate-mismatch: the message shows the arithmetic; data carries the value at the written precision', () => {
  const e = only('全年新受理行政复议案件130件，审结120件，其中纠错30件，纠错率23.1%。');
  assert.deepEqual([e.code, e.severity], ['rate-mismatch', 'error']);
  assert.match(e.message, /纠错率 23\.1% 与 30 \/ 120 = 25\.0% 不符/);
  assert.match(e.message, /30 \/ 130/);
  // the number divided by stated in another paragraph: still an error (the rate's own base is beside it), and the
  // message names the number that gives the written rate
  const o = only('本年度新收复议申请64件。\n全年审结复议案件60件（含上年结转），其中纠错12件，纠错率约18.8%。');
  assert.deepEqual([o.code, o.severity], ['rate-mismatch', 'error']);
  assert.match(o.message, /12 \/ 60 = 20\.0% 不符/);
  assert.match(o.message, /所写数值等于 12 \/ 64，似误以(新收|收到)为基数/);
  // two other numbers that both give it: none is named
  // (12 / 62 = 19.4%, 12 / 64 = 18.8%: both 19%)
  const two = figureFindings(analyzeWith('本年度收到复议申请64件，受理62件。\n全年审结复议案件60件，其中纠错12件，纠错率19%。')).find((x) => x.code === 'rate-mismatch' || x.code === 'impossible-percentage');
  assert.ok(two && !/似误以/.test(two.message), two?.message);
  assert.equal(e.data?.expected, '25.0');
  const m = only('全年受理调解案件8608起，成功调结8568件，化解率达到98.5%。');
  assert.equal(m.data?.expected, '99.5');
  // counts rounded to 万 are ranges: a rate outside what they can give is a warning, shown in 万 as written
  const wan = only('全省诉前引导调解纠纷达236.45万件，调解成功151.3万件，成功率达71.36%。');
  assert.deepEqual([wan.code, wan.severity], ['rate-mismatch', 'warning']);
  assert.match(wan.message, /151\.3万 \/ 236\.45万 = 63\.99%/);
});

test('impossible-percentage is a warning; change-mismatch an error with the recomputed change', () => {
  const w = only('全年审结行政复议案件13件，纠错率达15.5%。');
  assert.deepEqual([w.code, w.severity], ['impossible-percentage', 'warning']);
  assert.match(w.message, /最接近的是 2 \/ 13 = 15\.4%/);
  assert.match(w.message, /不可能出自 13 件中的整数件/);
  // the message names the base's own unit: persons are not cases
  // a stated numerator that is not the closest whole count is said with what it gives
  const s = only('全年受理各类纠纷1462件，调解成功1173件，调解成功率为82.45%。');
  assert.deepEqual([s.code, s.severity], ['impossible-percentage', 'warning']);
  assert.match(s.message, /1173 \/ 1462 = 80\.23%/);
  assert.match(s.message, /1205 \/ 1462 = 82\.42%/);
  const p = only('全年组织行政执法人员参加执法资格考试46人，通过率为93.38%。');
  assert.deepEqual([p.code, p.severity], ['impossible-percentage', 'warning']);
  assert.match(p.message, /不可能出自 46 人中的整数人/);
  const c = only('市本级新收行政复议申请3326件（2023年为867件），同比增长238.6%。');
  assert.deepEqual([c.code, c.severity], ['change-mismatch', 'error']);
  assert.match(c.message, /\(3326 − 867\) \/ 867 = 283\.6%/);
  assert.equal(c.data?.expected, '283.6');
  // amounts are shown in the unit they are written in, not in yuan
  const money = only('全年罚没收入2,480.6万元，较上年（2,215.3万元）增长18.0%。');
  assert.deepEqual([money.code, money.severity], ['change-mismatch', 'error']);
  assert.match(money.message, /\(2480\.6 − 2215\.3\) \/ 2215\.3 = 12\.0%/);
  const parts = only('全年入库税款总额150亿元，其中入库税款132亿元，滞纳金和罚款28亿元。');
  assert.deepEqual([parts.code, parts.severity], ['breakdown-sum', 'error']);
  assert.match(parts.message, /132 \+ 28 = 160 亿元，超过总数 150 亿元/);
  // differences then changes after 分别, in order; a change that is the difference over the current value says so
  const d = only('全年共发生生产安全事故52起、死亡60人，同比分别增加8起、12人，上升15.38%、25%。');
  assert.deepEqual([d.code, d.severity], ['change-mismatch', 'warning']);
  assert.match(d.message, /8 \/ \(52 − 8\) = 18\.18%/);
  assert.match(d.message, /所写数值等于 8 \/ 52，似误以本期数为基数/);
});

test('conflicting-figure is a warning that links the earlier statement', () => {
  const w = only('2022年全区共收到行政复议申请84件。\n其他工作。\n2022年全区共收到行政复议申请86件。');
  assert.deepEqual([w.code, w.severity, w.range.start.line], ['conflicting-figure', 'warning', 2]);
  assert.equal(w.related?.[0].range.start.line, 0);
});

test('English messages', () => {
  const f = analyze('2023年全区共收到行政复议申请84件，受理91件。', { locale: 'en' }).findings.find((x) => x.code === 'funnel-order')!;
  assert.match(f.message, /91 件 exceeds 收到 84 件|受理 91 件 exceeds/);
});
