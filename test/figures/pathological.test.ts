// Pathological input: the figure extraction and checks stay linear (hand-written scanners, capped labels and
// windows, no backtracking regular expressions). Generous bounds: these guard against quadratic blow-ups only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { rules } from '../../server/src/engine/rules';
import { FIGURE_CODES } from './common';
import { readText, seedFiles } from '../helpers/paths';

const figureRules = rules.filter((r) => FIGURE_CODES.includes(r.code));
const BOUND_MS = 2000;

function timed(name: string, text: string, bound = BOUND_MS): void {
  const t0 = performance.now();
  const a = analyze(text, {}, figureRules);
  const ms = performance.now() - t0;
  assert.deepEqual(a.ruleErrors, [], name);
  assert.ok(ms < bound, `${name}: ${ms.toFixed(0)} ms`);
}

test('100,000 digits in a row', () => {
  timed('digits', '受理' + '9'.repeat(100000) + '件，审结1件。');
  timed('digits with commas', '受理' + '1,234'.repeat(20000) + '件。');
  timed('digits with dots', '1.'.repeat(50000) + '5%');
});

test('a 5 MB line: the five seeds run together with no line break', () => {
  const seeds = seedFiles().map(readText).join('').replace(/\r?\n/g, '');
  const text = seeds.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(seeds)));
  // measured 1.3–3.5 s on a loaded 2-core machine; anything quadratic takes many minutes
  timed('5MB report line', text, 15000);
});

test('dense figures: 200,000 characters of lists, rates and changes in one sentence, and as short sentences', () => {
  const unit = '受理行政复议84件，其中维持44件、驳回8件，中，审结78件，综合化解率33.38%，较上年100件增长20%，分别为1件、2件，';
  timed('dense line', unit.repeat(Math.ceil(200000 / unit.length)), 10000);
  const short = '收到84件，受理91件。';
  timed('dense sentences', short.repeat(Math.ceil(200000 / short.length)), 10000);
});

test('unbalanced brackets and quotes', () => {
  timed('open titles', '《'.repeat(100000) + '受理84件' + '“'.repeat(100000) + '〔2023'.repeat(20000));
  timed('close titles', '》'.repeat(100000) + '（'.repeat(100000) + '审结1件' + '）'.repeat(10));
  timed('chinese numerals', '一二三四五六七八九十百千万亿'.repeat(10000) + '件');
  timed('其中 and 中', '其中'.repeat(50000) + '中，'.repeat(50000) + '分别'.repeat(50000));
});
