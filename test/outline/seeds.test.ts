// The outline of the five seeds and of every corpus text, pinned (names and nesting) in
// test/fixtures/outline/, plus the properties the issue names, asserted directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ReportDocument } from '../../server/src/engine/document';
import { parseOutline } from '../../server/src/engine/outline/parse';
import type { OutlineNode } from '../../server/src/engine/types';
import { renderOutline } from '../helpers/outline-text';
import { corpusDir, fixturesDir, readText, seedFiles } from '../helpers/paths';
import { matchSnapshot } from '../helpers/snapshot';

const outlineOf = (file: string) => parseOutline(new ReportDocument(readText(file)));
const seed = (prefix: string) => seedFiles().find((f) => path.basename(f).startsWith(prefix))!;
const names = (list: OutlineNode[]) => list.filter((n) => n.kind !== 'runin').map((n) => n.name);

for (const file of seedFiles()) {
  test(`seed outline pinned: ${path.basename(file)}`, () => {
    const pinned = path.join(fixturesDir, 'outline', 'seeds', path.basename(file, '.txt') + '.outline.txt');
    matchSnapshot(pinned, renderOutline(outlineOf(file).roots));
  });
}

test('seed 001: four top-level parts, 1.–4. under 一, run-in 一是… under each', () => {
  const o = outlineOf(seed('001'));
  assert.deepEqual(names(o.roots), [
    '一、推进法治政府建设的主要举措和成效',
    '二、推进法治政府建设存在的不足和原因',
    '三、党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况',
    '四、2024年度推进法治政府建设的主要安排',
  ]);
  const first = o.roots[0];
  assert.deepEqual(names(first.children).map((n) => n.slice(0, 2)), ['1.', '2.', '3.', '4.']);
  // "1.坚持“学”字为先,…走深走实。深入学习…" is named by its heading part only
  assert.equal(first.children[0].name, '1.坚持“学”字为先,引领法治政府建设走深走实');
  const runins = first.children[0].children.filter((n) => n.kind === 'runin');
  assert.deepEqual(runins.map((n) => n.name), ['一是强化深学细悟', '二是强化顶层谋划', '三是强化以督促改']);
});

test('seed 002: the title is the root; chrome is not a heading; the plan after 六 is an implicit section', () => {
  const o = outlineOf(seed('002'));
  assert.equal(o.roots.length, 1);
  const root = o.roots[0];
  assert.equal(root.kind, 'title');
  assert.equal(root.name, '无锡市锡山区人民政府2022年法治政府建设工作报告');
  const top = root.children;
  assert.deepEqual(top.map((n) => n.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、', '20']);
  const six = top[5];
  assert.equal(six.children.length, 3, '六 keeps only its own （一）…（三）');
  const plan = top[6];
  assert.equal(plan.kind, 'implicit');
  assert.match(plan.name, /^2023年,我区将认真落实/);
  assert.deepEqual(plan.children.map((n) => n.name.slice(0, 3)), ['(一)', '(二)', '(三)', '(四)', '(五)']);
  assert.ok(plan.range.start.line > six.range.end.line, 'the implicit section starts after 六 ends');
  for (const line of [0, 4, 74, 76]) assert.ok(o.chromeLines.has(line), `line ${line + 1} is chrome`);
  const all = o.nodes.map((n) => n.name).join('\n');
  assert.doesNotMatch(all, /当前位置|发布时间|网站地图|版权所有/);
});

test('seed 004: news style, title root and the unnumbered title lines as headings, no chrome', () => {
  const o = outlineOf(seed('004'));
  assert.equal(o.newsStyle, true);
  assert.equal(o.roots.length, 1);
  assert.equal(o.roots[0].name, '市南区奋力谱写法治政府建设新篇章');
  assert.deepEqual(names(o.roots[0].children), [
    '指标引领做足“绣花”功夫',
    '用心打造“最好”营商环境',
    '权力始终在“阳光”下运行',
    '牢牢扎紧重大决策法律“围栏”',
    '推行“三项制度”提升执法水平',
    '贯通法治政府建设“最后一公里”',
    '“枫桥经验”走出“市南实践”',
    '法治宣传“多点开花”',
  ]);
  const all = o.nodes.map((n) => n.name).join('\n');
  assert.doesNotMatch(all, /打开APP|小贴士|责任编辑|最热评论|客户端/);
});

test('seed 000 and 003: half-width (一) headings and run-in text cut at the first 。', () => {
  const o0 = outlineOf(seed('000'));
  assert.equal(o0.roots.length, 5);
  assert.equal(o0.roots[0].children[0].name, '(一)加强法治政府建设组织领导');
  assert.equal(o0.roots[4].name, '五、2023年工作重点');
  const o3 = outlineOf(seed('003'));
  assert.deepEqual(names(o3.roots), ['一、工作进展和成效', '二、存在问题和不足', '三、下一步工作打算']);
  assert.equal(o3.roots[0].children.filter((n) => n.kind === 'paren-cn').length, 6);
});

test('every section range contains its children and its selection range; siblings do not overlap', () => {
  const files = [...seedFiles(), ...(corpusDir ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(corpusDir!, f)) : [])];
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  for (const file of files) {
    const check = (list: OutlineNode[], parent: OutlineNode | null) => {
      for (let i = 0; i < list.length; i++) {
        const n = list[i];
        assert.ok(before(n.range.start, n.selectionRange.start) && before(n.selectionRange.end, n.range.end), `${file}: ${n.name}`);
        if (parent) assert.ok(before(parent.range.start, n.range.start) && before(n.range.end, parent.range.end), `${file}: ${n.name} inside ${parent.name}`);
        if (i > 0) assert.ok(before(list[i - 1].range.end, n.range.start), `${file}: ${n.name} after ${list[i - 1].name}`);
        check(n.children, n);
      }
    };
    check(outlineOf(file).roots, null);
  }
});

test('corpus: every outline pinned, and no heading is made from a body sentence', (t) => {
  if (!corpusDir) {
    t.diagnostic('SKIPPED: ../shared/corpus is not present; the corpus outlines were not checked');
    t.skip('corpus absent');
    return;
  }
  const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(files.length, 22);
  let all = '';
  for (const f of files) {
    const o = outlineOf(path.join(corpusDir, f));
    all += `=== ${f}${o.newsStyle ? ' (news style)' : ''}\n` + renderOutline(o.roots);
    for (const n of o.nodes) {
      if (n.kind === 'runin' || n.kind === 'implicit') continue;
      // a heading's name never carries a sentence end: run-in text is cut off, and unnumbered lines with 。 are body
      assert.doesNotMatch(n.name, /。/, `${f}: ${n.name}`);
      if (n.kind === 'news') assert.ok(n.name.length <= 30, `${f}: ${n.name}`);
    }
  }
  matchSnapshot(path.join(fixturesDir, 'outline', 'corpus.outline.txt'), all);
});
