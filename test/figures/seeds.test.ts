// The quality bar on the five seeds: exactly one error/warning finding from the figure checks (seed 002's
// 综合化解率 33.38% beside 审结 78 件), while the consistent relations of domain.md are extracted and verified.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Analysis, Figure } from '../../server/src/engine';
import { readText, seedFiles } from '../helpers/paths';
import { analyzeWith, figureFindings } from './common';

const seeds = new Map<string, Analysis>();
function seed(prefix: string): Analysis {
  if (!seeds.has(prefix)) {
    const file = seedFiles().find((f) => path.basename(f).startsWith(prefix));
    assert.ok(file, `seed ${prefix} missing`);
    seeds.set(prefix, analyzeWith(readText(file), true));
  }
  return seeds.get(prefix)!;
}

function fig(a: Analysis, line: number, text: string, nth = 0): Figure {
  const found = (a.figures ?? []).filter((f) => f.line === line - 1 && f.text === text);
  assert.ok(found[nth], `figure ${text} not extracted on line ${line}`);
  return found[nth];
}

function verified(f: Figure, code: string, detail?: string): void {
  const ok = f.checks.filter((c) => c.code === code && c.ok);
  assert.ok(ok.length > 0, `${f.text} (line ${f.line + 1}) was not verified by ${code}: ${JSON.stringify(f.checks)}`);
  if (detail) assert.ok(ok.some((c) => c.detail.includes(detail)), `${f.text}: no ${code} check "${detail}" in ${JSON.stringify(ok)}`);
}

test('the five seeds raise exactly one figure finding at error or warning level: seed 002 33.38%', () => {
  const serious = seedFiles().flatMap((file) => {
    const a = seed(path.basename(file).slice(0, 3));
    return figureFindings(a)
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => `${path.basename(file).slice(0, 3)}:${f.range.start.line + 1}:${f.code}:${a.figures!.find((x) => x.range.start.line === f.range.start.line && x.range.start.character === f.range.start.character)?.text}`);
  });
  assert.deepEqual(serious, ['002:59:impossible-percentage:33.38%']);
  const f = figureFindings(seed('002')).find((x) => x.code === 'impossible-percentage')!;
  assert.match(f.message, /33\.38%/);
  assert.match(f.message, /78/);
  assert.match(f.message, /26 \/ 78 = 33\.33%/);
  assert.equal(f.data?.closest, '33.33');
  assert.equal(f.data?.expected, '33.33'); // (纠错 6 + 调解和解 20) / 审结 78
  assert.ok((f.related?.length ?? 0) >= 3);
});

test('seed 000: 收到 84 ≥ 受理 71 ≥ 审结 62; 应当出庭 185 ≥ 实际出庭 185, 出庭率 100%; 发案 217 < 结案 237 is a carry-over note', () => {
  const a = seed('000');
  for (const t of ['84件', '71件', '62件']) verified(fig(a, 13, t), 'funnel-order');
  verified(fig(a, 13, '84件'), 'funnel-order', '收到 84件 ≥ 受理 71件');
  verified(fig(a, 13, '71件'), 'funnel-order', '受理 71件 ≥ 已审结 62件');
  verified(fig(a, 14, '185件', 1), 'funnel-order');
  verified(fig(a, 14, '100%'), 'rate-mismatch', '185 / 185 = 100%');
  const note = figureFindings(a).filter((f) => f.code === 'funnel-order');
  assert.deepEqual(note.map((f) => [f.range.start.line + 1, f.severity]), [[14, 'information']]);
  assert.match(note[0].message, /结案 237 件多于发案 217 件/);
  assert.match(note[0].message, /结转/);
});

test('seed 001: 化解率 99.5% = 8568 / 8608; 121 = 73 + 48; 399 = 60 + 13 + 326; 96 = 61 + 19 + 16; 参加 96 ≥ 通过 94', () => {
  const a = seed('001');
  verified(fig(a, 16, '99.5%'), 'rate-mismatch', '8568 / 8608 = 99.5%');
  verified(fig(a, 16, '8608起'), 'rate-mismatch');
  verified(fig(a, 16, '8568件'), 'funnel-order');
  verified(fig(a, 13, '121件'), 'breakdown-sum', '73 + 48 = 121件');
  verified(fig(a, 10, '399份'), 'breakdown-sum', '60 + 13 + 326 = 399份');
  verified(fig(a, 18, '96件'), 'breakdown-sum', '61 + 19 + 16 = 96件');
  verified(fig(a, 14, '94人'), 'funnel-order', '参加 96人 ≥ 通过 94人');
  // nested parts (委托调解 1034, 司法确认 791 inside 8608) are not summed as disjoint
  verified(fig(a, 16, '791件'), 'breakdown-sum');
});

test('seed 002: 直接纠错率 7.69% = (2 + 3 + 1) / 78; 78 = 44 + 8 + 20 + 2 + 3 + 1; 成功率 99.99% = 13534 / 13536', () => {
  const a = seed('002');
  verified(fig(a, 59, '7.69%'), 'rate-mismatch', '6 / 78 = 7.69%');
  verified(fig(a, 59, '7.69%'), 'rate-mismatch', '纠错 2 + 3 + 1 / 审结 78');
  verified(fig(a, 59, '78件'), 'breakdown-sum', '44 + 8 + 20 + 2 + 3 + 1 = 78件');
  verified(fig(a, 59, '100件'), 'funnel-order', '受理 100件 ≥ 审结 78件');
  verified(fig(a, 57, '99.99%'), 'rate-mismatch', '13534 / 13536 = 99.99%');
  const bad = fig(a, 59, '33.38%').checks.find((c) => c.code === 'impossible-percentage');
  assert.equal(bad?.ok, false);
});

test('seed 003: 排查 2145 ≥ 整改 2047; 75 = 49 + 14 + 8 + 2 + 2; 优秀案卷 28 占比 31% and 62 占比 69% of 90 本', () => {
  const a = seed('003');
  verified(fig(a, 12, '2047条'), 'funnel-order', '排查 2145条 ≥ 完成整改 2047条');
  verified(fig(a, 8, '75件'), 'breakdown-sum', '49 + 14 + 8 + 2 + 2 = 75件');
  verified(fig(a, 10, '31%'), 'rate-mismatch', '28 / 90 = 31%');
  verified(fig(a, 10, '69%'), 'rate-mismatch', '62 / 90 = 69%');
  verified(fig(a, 10, '90本'), 'breakdown-sum', '28 + 62 = 90本');
});

test('unbacked rates are left alone by the figure checks (seed 001 参考率、合格率; seed 003 调解成功率 99%, 纠错率 2022年为28.12%)', () => {
  const a1 = seed('001');
  assert.deepEqual(fig(a1, 4, '100%').checks, []);
  const a3 = seed('003');
  assert.deepEqual(fig(a3, 14, '99%').checks, []);
  assert.deepEqual(fig(a3, 14, '28.12%').checks, []);
});
