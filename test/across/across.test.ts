// Checks across reports: two consecutive years of one body are paired by title, body and year; a prior-year figure
// that contradicts last year's report is one finding on this year's line, linking last year's; the same folder
// without the contradiction gives none; plan items of last year never mentioned this year are information notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/engine';
import { bodyKey, checkAcross, identify, pairReports } from '../../server/src/engine/across';
import { fixturesDir } from '../helpers/paths';
import { segmenter } from '../figures/common';

function folder(name: string) {
  const dir = path.join(fixturesDir, 'across', name);
  return fs.readdirSync(dir).sort().map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    return { file: f, text, analysis: analyze(text, { segmenter: segmenter() }) };
  });
}

test('bodies are compared by their last administrative unit and department; a title may start with the year', () => {
  assert.equal(bodyKey('天津市静海区人民政府'), '静海区');
  assert.equal(bodyKey('静海区'), '静海区');
  assert.equal(bodyKey('浙江省杭州市滨江区司法局'), '滨江区司法局');
  assert.equal(bodyKey('杭州市'), '杭州市');
  assert.notEqual(bodyKey('某某区司法局'), bodyKey('某某区人民政府'));
  const a = identify('a', '2020年某某区法治政府建设情况报告\n一、主要举措和成效\n');
  const b = identify('b', '某市某某区人民政府关于2021年法治政府建设报告\n');
  assert.deepEqual([a.body, a.year, b.year], ['某某区', 2020, 2021]);
  assert.deepEqual(pairReports([b, a]).consecutive, [[0, 1]]);
});

test('a report is read as a body and a year from its title, and consecutive years of one body are paired', () => {
  const a = identify('a.txt', '某某区人民政府关于2023年法治政府建设工作情况的报告\n一、主要举措和成效\n');
  assert.deepEqual({ body: a.body, year: a.year }, { body: '某某区人民政府', year: 2023 });
  const b = identify('b.txt', '某某区司法局2024年法治政府建设年度报告\n');
  assert.deepEqual({ body: b.body, year: b.year }, { body: '某某区司法局', year: 2024 });
  const ids = [identify('x', '某某区人民政府关于2024年法治政府建设工作情况的报告'), a, b];
  assert.deepEqual(pairReports(ids).consecutive, [[0, 1]]);
  // (the pairs in any order: the named one and the one found by body)
  assert.deepEqual(pairReports(ids, [{ current: 'b.txt', previous: 'a.txt' }]).consecutive.sort(), [[0, 1], [2, 1]]);
});

test('this year\'s 较上年 figure contradicting last year\'s report: one finding on this year\'s line, linking last year\'s', () => {
  const found = checkAcross(folder('contradiction'), { segmenter: segmenter() });
  const mine = (found.get('2024.txt') ?? []).filter((f) => f.data?.prior !== undefined);
  assert.equal(mine.length, 1);
  const f = mine[0];
  assert.equal(f.code, 'across-reports');
  assert.equal(f.severity, 'warning');
  assert.equal(f.range.start.line, 3);
  assert.match(f.message, /84件/);
  assert.match(f.message, /90件/);
  const other = f.related!.find((r) => r.file === '2023.txt')!;
  assert.equal(other.range.start.line, 3);
  assert.equal(found.get('2023.txt'), undefined, 'last year\'s report gets nothing');
});

test('the same folder without the contradiction gives no figure finding across reports', () => {
  const found = checkAcross(folder('consistent'), { segmenter: segmenter() });
  const figures = [...found.values()].flat().filter((f) => f.data?.prior !== undefined || f.data?.lastYear !== undefined || f.data?.values);
  assert.deepEqual(figures, []);
});

test('last year\'s plan items never mentioned this year are information notes; mentioned ones are not', () => {
  const notes = (checkAcross(folder('contradiction'), { segmenter: segmenter() }).get('2024.txt') ?? []).filter((f) => f.data?.item);
  assert.deepEqual(notes.map((f) => [f.severity, f.data?.item]), [['information', '开展法治督察专项行动，督促整改问题清单']]);
  assert.equal(notes[0].related![0].file, '2023.txt');
  assert.equal(notes[0].related![0].range.start.line, 11);
  const none = (checkAcross(folder('consistent'), { segmenter: segmenter() }).get('2024.txt') ?? []).filter((f) => f.data?.item);
  assert.deepEqual(none, []);
});

test('a change with no prior written is recomputed from last year\'s figure', () => {
  const inputs = folder('consistent').map((x) =>
    x.file === '2024.txt' ? { ...x, text: x.text.replace('较上年84件增长14.3%', '同比增长20%') } : x,
  );
  inputs[1].analysis = analyze(inputs[1].text, { segmenter: segmenter() });
  const found = (checkAcross(inputs, { segmenter: segmenter() }).get('2024.txt') ?? []).filter((f) => f.data?.lastYear !== undefined);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /应为 14%/);
  assert.match(found[0].message, /20%/);
});

test('switched off, nothing is checked across reports', () => {
  assert.equal(checkAcross(folder('contradiction'), { severity: 'off' }).size, 0);
});

test('two reports of one body and year: a figure of another year named in its sentence is not the same metric', () => {
  const report = (file: string, title: string, body: string) => {
    const text = `${title}\n\n一、主要举措和成效\n${body}\n二、存在的不足和原因\n基层力量仍然不足。\n`;
    return { file, text, analysis: analyze(text, { segmenter: segmenter() }) };
  };
  const sameYear = (inputs: ReturnType<typeof report>[]) =>
    [...checkAcross(inputs, { segmenter: segmenter() }).values()].flat().filter((f) => f.data?.values !== undefined);
  const district = report('a.txt', '某某县司法局关于2023年度法治政府建设情况的报告', '2023年，全县收到行政复议申请186件，受理180件。');
  // a second version of the report recalls the year before: not a figure of 2023
  const recalled = report('b.txt', '某某县司法局关于2023年度法治政府建设情况的报告', '回顾2022年，全县收到行政复议申请154件，受理150件；2023年工作更进一步。');
  assert.deepEqual(sameYear([district, recalled]), []);
  // the same year stated differently is still found, on both reports
  const differs = report('c.txt', '某某县司法局关于2023年度法治政府建设情况的报告', '2023年，全县收到行政复议申请168件，受理160件。');
  assert.ok(sameYear([district, differs]).length >= 2);
});
