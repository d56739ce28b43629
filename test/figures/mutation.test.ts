// Mutation tests: consistent sentences of the seeds (and of the corpus when present) with one number changed
// must make the right check fire on that line, where the original raised nothing of that code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { corpusDir, readText, seedFiles } from '../helpers/paths';
import { analyzeWith, figureFindings } from './common';

interface Mutation {
  file: string; // seed prefix, or corpus file name
  line: number; // 1-based
  from: string;
  to: string;
  code: string;
  /** Insert a copy of the mutated line after this line instead of replacing it (conflicting-figure). */
  copyAfter?: number;
}

const mutations: Mutation[] = [
  { file: '000', line: 13, from: '受理71件', to: '受理91件', code: 'funnel-order' },
  { file: '000', line: 13, from: '收到行政复议84件', to: '收到行政复议64件', code: 'funnel-order' },
  { file: '000', line: 14, from: '实际出庭185件', to: '实际出庭195件', code: 'funnel-order' },
  { file: '000', line: 14, from: '实际出庭185件', to: '实际出庭175件', code: 'rate-mismatch' },
  { file: '001', line: 16, from: '化解率达到99.5%', to: '化解率达到98.5%', code: 'rate-mismatch' },
  { file: '001', line: 16, from: '成功调结8568件', to: '成功调结8468件', code: 'rate-mismatch' },
  { file: '001', line: 13, from: '诉讼案件48件', to: '诉讼案件58件', code: 'breakdown-sum' },
  { file: '001', line: 18, from: '“无解案”16件', to: '“无解案”26件', code: 'breakdown-sum' },
  { file: '001', line: 14, from: '通过94人', to: '通过99人', code: 'funnel-order' },
  { file: '000', line: 13, from: '收到行政复议84件', to: '收到行政复议86件', code: 'conflicting-figure', copyAfter: 19 },
  { file: '002', line: 59, from: '维持44件', to: '维持54件', code: 'breakdown-sum' },
  { file: '002', line: 59, from: '直接纠错率7.69%', to: '直接纠错率8.97%', code: 'rate-mismatch' },
  { file: '002', line: 59, from: '直接纠错率7.69%', to: '直接纠错率7.96%', code: 'impossible-percentage' },
  { file: '002', line: 59, from: '审结78件', to: '审结80件', code: 'impossible-percentage' },
  { file: '002', line: 57, from: '调解成功13534起', to: '调解成功13434起', code: 'rate-mismatch' },
  { file: '002', line: 59, from: '持续保持100%出庭率', to: '持续保持101%出庭率', code: 'impossible-percentage' },
  { file: '003', line: 12, from: '完成整改2047条', to: '完成整改2247条', code: 'funnel-order' },
  { file: '003', line: 8, from: '议题49件', to: '议题59件', code: 'breakdown-sum' },
  { file: '035_wenzhou_fuyi_2024.txt', line: 11, from: '283.6%', to: '238.6%', code: 'change-mismatch' },
  { file: '035_wenzhou_fuyi_2024.txt', line: 11, from: '(2023年为867件)', to: '(2023年为876件)', code: 'change-mismatch' },
  { file: '033_xiuying_nianjian_2021.txt', line: 1, from: '撤诉3宗', to: '撤诉2宗', code: 'rate-mismatch' },
  { file: '033_xiuying_nianjian_2021.txt', line: 1, from: '胜诉24宗', to: '胜诉26宗', code: 'breakdown-sum' },
];

function source(file: string): string | null {
  if (/^\d{3}$/.test(file)) return readText(seedFiles().find((f) => path.basename(f).startsWith(file))!);
  if (!corpusDir) return null;
  return fs.readFileSync(path.join(corpusDir, file), 'utf8');
}

for (const m of mutations) {
  test(`mutation ${m.file}:${m.line} ${m.from} → ${m.to} fires ${m.code}`, (t) => {
    const text = source(m.file);
    if (text === null) {
      t.skip(`corpus not present (${m.file})`);
      return;
    }
    const lines = text.split(/\r\n|\n|\r/);
    const original = lines[m.line - 1];
    assert.ok(original.includes(m.from), `${m.from} not on line ${m.line}`);
    // findings of the code on the line, at error or warning level, identified by position and message
    const at = (code: string, a: ReturnType<typeof analyzeWith>, line: number) =>
      figureFindings(a)
        .filter((f) => f.code === code && f.range.start.line === line - 1 && f.severity !== 'information')
        .map((f) => `${f.range.start.character}:${f.message}`);
    const before = new Set(at(m.code, analyzeWith(text), m.line));
    let target = m.line;
    if (m.copyAfter) {
      // the same metric restated further on with another value
      const copy = original.replace(m.from, m.to);
      lines.splice(m.copyAfter, 0, copy);
      target = m.copyAfter + 1;
    } else lines[m.line - 1] = original.replace(m.from, m.to);
    const mutated = analyzeWith(lines.join('\n'));
    const fired = at(m.code, mutated, target).filter((k) => m.copyAfter || !before.has(k));
    assert.ok(fired.length >= 1, `${m.code} did not fire on line ${target}: ${JSON.stringify(figureFindings(mutated).map((f) => f.message))}`);
    for (const f of figureFindings(mutated).filter((x) => x.code === m.code && x.range.start.line === target - 1)) {
      assert.ok(/\d/.test(f.message) && (f.related?.length ?? 0) > 0);
    }
  });
}
