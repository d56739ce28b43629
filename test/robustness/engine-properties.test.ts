// Property-based tests of the engine (fast-check): any string in — report fragments, numbering markers, digits,
// brackets, CR/LF/CRLF, NUL, lone surrogates, arbitrary Unicode — findings out, no exception, every range inside
// the document, the same output for the same input, and a well-formed outline. With and without the segmenter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine';
import { segmenter } from '../helpers/engine';
import { readText, seedFiles } from '../helpers/paths';
import { assertAnalysisWellFormed } from './invariants';

// A fixed seed keeps `npm test` reproducible; FC_SEED / FC_RUNS explore further (FC_RUNS=3000 FC_SEED=… npm test robustness).
const NUM_RUNS = Number(process.env.FC_RUNS) || 150;
const SEED = Number(process.env.FC_SEED) || 20261123;
const seedLines = seedFiles().flatMap((f) => readText(f).split(/\r?\n/)).filter((l) => l.trim());

const fragments = [
  // numbering markers of every level, well-formed and not
  '一、', '二、', '四、', '十一、', '（一）', '(二)', '（三）', '1.', '2、', '１．', '（1）', '(2)', '一是', '二是', '三是',
  '# ', '## ', '### 二、', '【行政应诉】', '第一条', '第十二条',
  // report words and figures
  '法治政府建设', '年度报告', '工作报告', '全年共办理行政复议案件', '受理', '办结', '审结', '其中', '分别为', '同比增长',
  '较上年', '个百分点', '综合化解率', '主要负责人', '存在的不足', '下一步工作安排', '2023年', '2024年', '十四五',
  '84件', '2.6万余件', '15468.7万元', '1,234人', '99.5%', '百分之九十九点五', '三十五件', '一百零二件', '近万件', '增长近3倍',
  '100%', '120%', '0.0%', '3至5件', '〔2023〕12号',
  // punctuation, brackets (balanced or not), whitespace
  '。', '，', '；', '：', '、', '！', '？', '《', '》', '“', '”', '‘', '’', '（', '）', '(', ')', '【', '】', '〔', '〕',
  ' ', '　', '\t',
  // line ends of every kind, control characters and broken UTF-16
  '\n', '\r\n', '\r', '\n\n', '\0', '\u0001', '\uFEFF', '\u2028', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '😀',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...fragments) },
  { weight: 2, arbitrary: fc.stringMatching(/^[0-9.,%]{1,12}$/) },
  { weight: 2, arbitrary: fc.constantFrom(...seedLines) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);
const reportLike = fc.array(piece, { maxLength: 80 }).map((xs) => xs.join(''));
const anyText = fc.oneof({ weight: 4, arbitrary: reportLike }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) });

test('any text: findings out, no exception, ranges inside, outline well formed (with and without the segmenter)', () => {
  fc.assert(
    fc.property(anyText, fc.boolean(), (text, withSegmenter) => {
      const a = analyze(text, withSegmenter ? { segmenter: segmenter! } : {});
      assertAnalysisWellFormed(text, a);
    }),
    { numRuns: NUM_RUNS, seed: SEED },
  );
});

test('any text: the same input gives the same output', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const first = analyze(text, { segmenter: segmenter! });
      const again = analyze(text, { segmenter: segmenter! });
      assert.deepStrictEqual(again, first);
      // and a copy of the string (not the same object) too
      assert.deepStrictEqual(analyze((' ' + text).slice(1), { segmenter: segmenter! }), first);
    }),
    { numRuns: Math.ceil(NUM_RUNS / 2), seed: SEED },
  );
});

test('line ends do not matter: the same report with LF, CRLF or CR gives the same findings and outline', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...seedLines), { minLength: 1, maxLength: 30 }), fc.constantFrom('\r\n', '\r'), (lines, eol) => {
      const lf = analyze(lines.join('\n'), { segmenter: segmenter! });
      const other = analyze(lines.join(eol), { segmenter: segmenter! });
      assert.deepStrictEqual(other.findings, lf.findings);
      assert.deepStrictEqual(other.outline, lf.outline);
    }),
    { numRuns: Math.ceil(NUM_RUNS / 3), seed: SEED },
  );
});

test('the seeds themselves satisfy the invariants', () => {
  for (const f of seedFiles()) {
    const text = readText(f);
    assertAnalysisWellFormed(text, analyze(text, { segmenter: segmenter! }));
    assertAnalysisWellFormed(text, analyze(text));
  }
});

// Found by the property above with more runs (FC_RUNS=3000): when a second 一是…二是… enumeration starts on the
// same line as the end of a first one, the first one's last item used to run to the end of the line and overlap
// the second enumeration's items (outline/parse.ts addRunIns).
test('run-in enumerations: a second 一是 on the same line does not overlap the first enumeration', () => {
  const text = '一、总体情况\n一是甲。二是乙。三是丙。一是丁。二是戊。';
  assertAnalysisWellFormed(text, analyze(text));
});
