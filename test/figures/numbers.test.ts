// Number parsing: every form the issue lists, and numbers that are not metrics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeWidth, ReportDocument } from '../../server/src/engine/document';
import { parseChineseNumber, scanNumbers } from '../../server/src/engine/figures/numbers';
import { scanVocabulary } from '../../server/src/engine/figures/vocab';
import { extractFigures } from '../../server/src/engine/figures/extract';

function one(text: string) {
  const toks = scanNumbers(normalizeWidth(text), scanVocabulary).filter((t) => t.kind !== 'bare');
  assert.equal(toks.length, 1, `${text}: ${JSON.stringify(toks)}`);
  return toks[0];
}

function figs(text: string) {
  return extractFigures(new ReportDocument(text)).figures;
}

test('Chinese numerals', () => {
  assert.equal(parseChineseNumber('三十五')?.value, 35);
  assert.equal(parseChineseNumber('一百零二')?.value, 102);
  assert.equal(parseChineseNumber('两千')?.value, 2000);
  assert.equal(parseChineseNumber('十五')?.value, 15);
  assert.equal(parseChineseNumber('两千五')?.value, 2500);
  assert.equal(parseChineseNumber('三十万')?.value, 300000);
  assert.deepEqual(parseChineseNumber('九十九点五'), { value: 99.5, decimals: 1 });
  assert.equal(parseChineseNumber('二〇二三')?.value, 2023);
  assert.equal(parseChineseNumber('甲'), null);
});

test('Arabic, full-width, thousands separators, decimals, units', () => {
  assert.deepEqual([one('收到84件').value, one('收到84件').unit, one('收到84件').kind], [84, '件', 'count']);
  assert.equal(one('收到８４件').value, 84);
  assert.equal(one('受理1,234件').value, 1234);
  assert.equal(one('受理1,234,567人次').value, 1234567);
  assert.equal(one('受理1,234,567人次').unit, '人次');
  assert.equal(one('处罚53.2381万元').value, 532381);
  assert.equal(one('处罚53.2381万元').decimals, 4);
  assert.equal(one('核减金额15468.7万元').value, 154687000);
  assert.equal(one('总标的1.2亿元').value, 120000000);
});

test('万/亿 magnitudes and approximations become bounds', () => {
  const t = one('办理证明事项2.6万余件');
  assert.equal(t.value, 26000);
  assert.equal(t.approxSuffix, '余');
  const [f] = figs('共办理证明事项2.6万余件。');
  assert.deepEqual([f.lo, f.hi, f.approx], [26000, 27000, true]);
  const [g] = figs('组建两千余人的队伍。');
  assert.deepEqual([g.value, g.lo, g.hi, g.unit], [2000, 2000, 3000, '人']);
  const [h] = figs('成功化解矛盾纠纷近万件。');
  assert.deepEqual([h.value, h.hi, h.approx], [10000, 10000, true]);
  assert.ok(h.lo < 10000);
  const [i] = figs('开展活动约30场。');
  assert.ok(i.lo < 30 && i.hi > 30);
  const [j] = figs('成功率达98%以上。');
  assert.deepEqual([j.lo, j.hi], [98, Infinity]);
  const [k] = figs('超2万人次参与。');
  assert.deepEqual([k.lo, k.hi], [20000, Infinity]);
  const [l] = figs('培训300余人。');
  assert.deepEqual([l.lo, l.hi], [300, 400]);
  const [m] = figs('10多个单位受到表彰。');
  assert.deepEqual([m.lo, m.hi, m.unit], [10, 20, '个']);
  const [n] = figs('挽回损失5000余万元。');
  assert.deepEqual([n.value, n.unit], [50000000, '万元']);
  const [r] = figs('每期培训3至5人。');
  assert.deepEqual([r.lo, r.hi], [3, 5]);
  const [q] = figs('开展活动三十五场，接待群众一百零二人。');
  assert.deepEqual([q.value, q.unit], [35, '场']);
});

test('percentages, percentage points, ratios and multiples', () => {
  assert.deepEqual([one('化解率99.5%').value, one('化解率99.5%').kind, one('化解率99.5%').decimals], [99.5, 'percent', 1]);
  assert.equal(one('化解率99.5％').value, 99.5);
  const w = one('化解率百分之九十九点五');
  assert.deepEqual([w.value, w.kind, w.decimals], [99.5, 'percent', 1]);
  assert.deepEqual([one('同比下降7.01个百分点').kind, one('同比下降7.01个百分点').value], ['points', 7.01]);
  assert.deepEqual([one('增长了近3倍').kind, one('增长了近3倍').approxPrefix], ['multiple', '近']);
  // precision as written: 31% and 31.0% differ
  assert.equal(one('占比31%').decimals, 0);
  assert.equal(one('占比31.0%').decimals, 1);
  const [ratio] = figs('复议诉讼比值达2.6，同比增长76.5%。');
  assert.deepEqual([ratio.kind, ratio.value], ['ratio', 2.6]);
});

test('numbers that are not metrics', () => {
  const none = [
    '2024年2月8日',
    '咸安法办发〔2023〕10号',
    '根据第二十五条规定',
    '《法治政府建设实施纲要(2021—2025年)》',
    '12345政务服务便民热线',
    '“12348”法律服务专线',
    '推动政务服务“5+8+3+N”个“高效办成一件事”',
    '1.坚持“学”字为先',
    '（一）加强组织领导',
    '十一、其他',
    '全市PM2.5浓度创新低',
    '高效办成一件事',
    '两法衔接',
    '十九届五中全会',
    '连续17年开展',
    '排名第37位',
    '3年以上',
    '24小时自助',
    '和解万家、金牌调解员',
  ];
  for (const text of none) assert.deepEqual(figs(text).map((f) => f.text), [], text);
});

test('pathological digit runs are skipped, not read as quantities', () => {
  const long = '1'.repeat(100000) + '件';
  assert.deepEqual(figs(long), []);
});

test('a count written in 万/亿 is rounded at its last digit: its bounds have that width, and it is not exact', () => {
  const [f] = figs('受理诉求42.02万件。');
  const r = (x: number) => Math.round(x * 1000) / 1000;
  assert.deepEqual([r(f.value), r(f.lo), r(f.hi), f.approx], [420200, 420150, 420250, false]);
  const [g] = figs('受理诉求3万件。');
  assert.deepEqual([g.lo, g.hi], [25000, 35000]);
  // an approximation word sets the bounds itself
  const [h] = figs('受理诉求2.6万余件。');
  assert.deepEqual([h.lo, h.hi], [26000, 27000]);
  // a count written in full is exact
  const [k] = figs('受理诉求420200件。');
  assert.deepEqual([k.lo, k.hi], [420200, 420200]);
});

test('web copies: a space between a number and its unit, and a space as the thousands separator before a unit', () => {
  const [a] = figs('通知公告318 条。');
  assert.deepEqual([a.value, a.kind, a.unit], [318, 'count', '条']);
  const [b] = figs('全年审结3 147件。');
  assert.deepEqual([b.value, b.kind, b.unit], [3147, 'count', '件']);
  // and a unit spaced off after the groups, as a web copy writes it
  const [d] = figs('4 338 家机构中，鉴定机构2 606家。');
  assert.deepEqual([d.value, d.kind, d.unit], [4338, 'count', '家']);
  const [c] = figs('占比12.5 %。');
  assert.deepEqual([c.value, c.kind], [12.5, 'percent']);
  // without a unit after it, a space separates two numbers
  const plain = figs('编号 3 147 号文件，共2件。');
  assert.ok(!plain.some((f) => f.value === 3147), JSON.stringify(plain.map((f) => f.value)));
});
