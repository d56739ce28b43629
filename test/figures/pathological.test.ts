// Pathological input: the figure extraction and checks stay linear (hand-written scanners, capped labels and
// windows, lookups bounded by figures rather than by paragraph length). No wall-clock bound: each input is checked
// at 1× and 4× its size and the CPU time must grow about linearly (a quadratic path grows 16×; the bound is 10×, times under 20 ms counted as 20 ms).
// The 1×/2×/4× series with absolute times is printed by `npm run bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { rules } from '../../server/src/engine/rules';
import { FIGURE_CODES } from './common';
import { readText, seedFiles } from '../helpers/paths';

const figureRules = rules.filter((r) => FIGURE_CODES.includes(r.code));
/** CPU time of one check, the best of `runs` (the least disturbed by the other core's load). */
function cpuOf(text: string, runs = 3, only = figureRules): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const u0 = process.cpuUsage();
    const a = analyze(text, {}, only);
    const u = process.cpuUsage(u0);
    assert.deepEqual(a.ruleErrors, []);
    best = Math.min(best, (u.user + u.system) / 1000);
  }
  return best;
}

/** `make(n)` at n and 4n: the time may grow at most `limit`× (linear: 4×; quadratic: 16×). */
function linear(name: string, make: (n: number) => string, n: number, limit = 10, only = figureRules, runs = 3): void {
  const small = cpuOf(make(n), runs, only);
  const large = cpuOf(make(4 * n), runs, only);
  // below a few milliseconds the ratio is noise: measure the larger sizes instead
  const ratio = large / Math.max(small, 20);
  assert.ok(ratio < limit, `${name}: ${small.toFixed(0)} ms at ${n}, ${large.toFixed(0)} ms at ${4 * n} (×${ratio.toFixed(1)}): super-linear`);
}

test('100,000 digits in a row', () => {
  linear('digits', (n) => '受理' + '9'.repeat(n) + '件，审结1件。', 25000);
  linear('digits with commas', (n) => '受理' + '1,234'.repeat(n / 5) + '件。', 25000);
  linear('digits with dots', (n) => '1.'.repeat(n / 2) + '5%', 25000);
});

test('a long line: the five seeds run together with no line break', () => {
  const seeds = seedFiles().map(readText).join('').replace(/\r?\n/g, '');
  linear('seeds line', (n) => seeds.repeat(n), 4);
});

test('rates and shares that look for their base anywhere in the report look it up by value (many of them, many counts)', () => {
  // a rate its own base does not give (rate-mismatch names a count of the report that gives it), and shares without
  // a base in their sentence (unbacked-metric looks for one count that gives them all), once per paragraph
  const unit = '全年新收复议申请64件，审结复议案件60件，其中纠错12件，纠错率18.8%。公安类21件，占比35%，城管类17件，占比28%；行政处罚2100，占33.9%；政府信息公开1060，占17.1%。\n';
  // (every check: unbacked-metric is not one of the arithmetic ones; the quadratic path showed from about 200,000
  // characters on — 33 s at 400,000 — so the sizes are large and each is checked once: linear, it is about 4×)
  linear('rates with bases elsewhere', (n) => unit.repeat(Math.ceil(n / unit.length)), 100000, 10, rules, 1);
});

test('dense figures in one sentence and as short sentences grow linearly (rates look back a bounded number of figures)', () => {
  const unit = '受理行政复议84件，其中维持44件、驳回8件，中，审结78件，综合化解率33.38%，较上年100件增长20%，分别为1件、2件，';
  linear('dense line', (n) => unit.repeat(Math.ceil(n / unit.length)), 12500);
  const rates = '应当出庭185件、实际出庭170件，纠错率7.69%，调解率20%，';
  linear('dense rates', (n) => rates.repeat(Math.ceil(n / rates.length)), 12500);
  // parts of the previous period, carried-over counts and later stages above earlier ones, all in one sentence
  const periods = '去年同期收案20件，结案5件，结案率25%；受理30件，其中旧存10件，新收15件，办结40件；';
  linear('dense periods and stages', (n) => periods.repeat(Math.ceil(n / periods.length)), 12500);
  const short = '收到84件，受理91件。';
  linear('dense sentences', (n) => short.repeat(Math.ceil(n / short.length)), 12500);
});

test('unbalanced brackets and quotes', () => {
  linear('open titles', (n) => '《'.repeat(n) + '受理84件' + '“'.repeat(n) + '〔2023'.repeat(n / 5), 25000);
  linear('close titles', (n) => '》'.repeat(n) + '（'.repeat(n) + '审结1件' + '）'.repeat(10), 25000);
  linear('chinese numerals', (n) => '一二三四五六七八九十百千万亿'.repeat(n / 14) + '件', 25000);
  linear('其中 and 中', (n) => '其中'.repeat(n / 2) + '中，'.repeat(n / 2) + '分别'.repeat(n / 2), 25000);
});
