// The report's summary (analyze with summary: true): title, body, year and how each required part is present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, bodyFromOpening, bodyFromTitle } from '../../server/src/engine';
import { segmenter } from '../helpers/engine';

test('bodyFromTitle: the body before 关于 or the year; none when the title names none', () => {
  assert.equal(bodyFromTitle('某某市司法局关于2023年度法治政府建设情况的报告'), '某某市司法局');
  assert.equal(bodyFromTitle('某某区人民政府2024年法治政府建设年度情况报告'), '某某区人民政府');
  assert.equal(bodyFromTitle('中共某某区委员会 某某区人民政府关于2024年法治政府建设工作情况报告'), '中共某某区委员会 某某区人民政府');
  assert.equal(bodyFromTitle('某某市司法局_关于2020年法治政府建设情况的报告'), '某某市司法局');
  assert.equal(bodyFromTitle('【政策解读】关于《某某县人民政府关于2023年度报告》的解读'), null);
  assert.equal(bodyFromTitle('关于2024年度某某市行政复议工作的报告'), null);
  assert.equal(bodyFromTitle('根据《某某办公厅关于做好2020年统计工作的通知》要求'), null);
  assert.equal(bodyFromTitle('2020年某某区法治政府建设情况报告'), null);
});

test('bodyFromOpening: "2023年，某某区坚持…"; not 我县 / 全市', () => {
  assert.equal(bodyFromOpening('2023年，某某区坚持以习近平法治思想为指引，推进各项工作。'), '某某区');
  assert.equal(bodyFromOpening('2024年，在区委、区政府的正确领导下，某某区司法局深入贯彻落实各项部署。'), '某某区司法局');
  assert.equal(bodyFromOpening('2021年，我县坚持以习近平新时代中国特色社会主义思想为指导。'), null);
  assert.equal(bodyFromOpening('全年共办理案件40件。'), null);
});

const REPORT = [
  '某某县交通运输局2023年法治政府建设年度报告',
  '一、2023年推进法治政府建设的主要举措和成效',
  '全年共办理行政许可1200件。一年来工作虽有进展，但仍存在一些问题和不足：执法人员力量不足。',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '局主要负责人认真履行第一责任人职责。',
  '三、2024年推进法治政府建设的主要安排',
  '持续深化依法行政。',
].join('\n');

test('summary: title, body, year, and each required part as heading, paragraph or missing', () => {
  const a = analyze(REPORT, { segmenter: segmenter!, summary: true });
  const s = a.summary!;
  assert.equal(s.title, '某某县交通运输局2023年法治政府建设年度报告');
  assert.equal(s.body, '某某县交通运输局');
  assert.equal(s.year, 2023);
  const presence = Object.fromEntries(s.parts.map((p) => [p.id, p.presence]));
  assert.equal(presence.achievements, 'heading');
  assert.equal(presence.responsibility, 'heading');
  assert.equal(presence.plan, 'heading');
  assert.equal(presence.shortcomings, 'paragraph');
  assert.equal(presence.causes, 'missing');
  assert.ok(s.parts.every((p) => p.label.length > 0));
  assert.equal(s.parts.find((p) => p.id === 'achievements')!.line, 1);
  // without the option, no summary (and no extra work)
  assert.equal(analyze(REPORT, { segmenter: segmenter! }).summary, undefined);
});
