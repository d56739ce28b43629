// The figure hover (server/src/present/figure-hover.ts) and `fazhi-report figures` (server/src/cli/commands/figures.ts),
// run in-process on seed 002; and the segmenter rule on every seed and corpus file: findings without nodejieba
// are a subset of the findings with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { figureAt, figureMarkdown } from '../../server/src/present/figure-hover';
import type { Analysis } from '../../server/src/engine';

/** What the language server's hover shows on a figure: the figure under the cursor and its Markdown. */
function figureHover(a: Analysis, position: { line: number; character: number }, locale: 'zh-cn' | 'en' = 'zh-cn') {
  const f = figureAt(a, position);
  return f ? { contents: { value: figureMarkdown(f, locale) }, range: f.range } : null;
}
import { figures as figuresCommand } from '../../server/src/cli/commands/figures';
import { corpusDir, readText, seedFiles } from '../helpers/paths';
import { analyzeWith, findingKey } from './common';

const seed002 = seedFiles().find((f) => path.basename(f).startsWith('002'))!;

function capture() {
  let out = '';
  let err = '';
  return { io: { out: (s: string) => void (out += s), err: (s: string) => void (err += s) }, get: () => ({ out, err }) };
}

test('hover on 33.38% shows how it was read and the failed check; off a figure there is no hover', () => {
  const a = analyzeWith(readText(seed002));
  const f = a.figures!.find((x) => x.text === '33.38%')!;
  const h = figureHover(a, { line: f.range.start.line, character: f.range.start.character + 2 });
  assert.ok(h);
  const md = (h.contents as { value: string }).value;
  assert.match(md, /33\.38/);
  assert.match(md, /综合化解率/);
  assert.match(md, /行政复议/);
  assert.match(md, /✗ .*impossible-percentage/);
  assert.match(md, /26 \/ 78 = 33\.33%/);
  assert.deepEqual(h.range, f.range);
  const g = a.figures!.find((x) => x.text === '78件')!;
  const md2 = (figureHover(a, g.range.start)!.contents as { value: string }).value;
  assert.match(md2, /审结/);
  assert.match(md2, /✓ .*breakdown-sum.*44 \+ 8 \+ 20 \+ 2 \+ 3 \+ 1 = 78件/);
  assert.match(md2, /✓ .*funnel-order/);
  assert.equal(figureHover(a, { line: 0, character: 0 }), null);
  const en = (figureHover(a, g.range.start, 'en')!.contents as { value: string }).value;
  assert.match(en, /Checks/);
});

test('figures --format json lists every figure with value, bounds, unit, object, stage, line and checks', async () => {
  const c = capture();
  const code = await figuresCommand.run([seed002, '--format', 'json'], c.io);
  assert.equal(code, 0);
  const out = JSON.parse(c.get().out) as { figures: { line: number; text: string; unit: string; object: string; stage: string; rate: string; lo: number; hi: number | null; checks: { code: string; ok: boolean }[] }[] };
  const a = analyzeWith(readText(seed002));
  assert.equal(out.figures.length, a.figures!.length);
  const f78 = out.figures.find((f) => f.text === '78件' && f.line === 59)!;
  assert.deepEqual([f78.unit, f78.object, f78.stage], ['件', '行政复议', '审结']);
  assert.ok(f78.checks.some((c2) => c2.code === 'breakdown-sum' && c2.ok));
  const bad = out.figures.find((f) => f.text === '33.38%')!;
  assert.equal(bad.rate, '综合化解率');
  assert.ok(bad.checks.some((c2) => c2.code === 'impossible-percentage' && !c2.ok));
  // no years, dates or document numbers among them
  assert.ok(!out.figures.some((f) => /年|月|日|号/.test(f.text)));
});

test('figures --format csv (BOM, header, one row per figure) and text (table and summary)', async () => {
  const c = capture();
  assert.equal(await figuresCommand.run([seed002, '--format', 'csv'], c.io), 0);
  const csv = c.get().out;
  // the same table the editor exports
  assert.ok(csv.startsWith('\ufeff行,列,数据,类型,数值,下限,上限,单位,对象,环节,比率,前文,上期数,核对结果,核对明细\r\n'));
  const n = analyzeWith(readText(seed002)).figures!.length;
  assert.equal(csv.trim().split('\r\n').length, n + 1);
  assert.match(csv, /\r\n59,177,33\.38%,percent,33\.38,33\.38,33\.38,%,行政复议,,综合化解率,.*,未通过,✗ impossible-percentage: /);
  const t = capture();
  assert.equal(await figuresCommand.run([seed002], t.io), 0);
  assert.match(t.get().out, /^行\t列\t原文/);
  assert.match(t.get().out, /共 53 个数据，\d+ 个参与核对，\d+ 个核对未通过\n$/);
  const u = capture();
  await assert.rejects(() => figuresCommand.run([seed002, '--format', 'sarif'], u.io));
  const m = capture();
  assert.equal(await figuresCommand.run(['/nonexistent/report.txt'], m.io), 2);
});

test('without the segmenter, the findings on the seeds and the corpus are a subset of those with it', () => {
  const files = [...seedFiles(), ...(corpusDir ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(corpusDir!, f)) : [])];
  for (const file of files) {
    const text = readText(file);
    const withSeg = new Set(analyzeWith(text, true).findings.map(findingKey));
    for (const k of analyzeWith(text, false).findings.map(findingKey)) {
      assert.ok(withSeg.has(k), `${path.basename(file)}: ${k} only without the segmenter`);
    }
  }
});
