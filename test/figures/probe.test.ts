// The probe texts (test/probe/: passages written for this project in the style of the kinds of text the checker
// meets, never seen while the readings were built) and the judgement of every finding on them
// (test/probe/verdicts.tsv). The findings of today must be exactly the judged rows still standing (after = same,
// new or "not fixed"): a false alarm fixed stays fixed, and a new finding fails until someone judges it. Every
// passage of errors.txt and round2-errors.txt holds one real error and must keep a finding at warning level or above.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/paths';
import { analyzeWith } from './common';

const dir = path.join(repoRoot, 'test', 'probe');
const CODES = ['funnel-order', 'breakdown-sum', 'rate-mismatch', 'impossible-percentage', 'change-mismatch', 'conflicting-figure', 'unbacked-metric'];

function rows(): { key: string; verdict: string; after: string }[] {
  const out: { key: string; verdict: string; after: string }[] = [];
  const lines = fs.readFileSync(path.join(dir, 'verdicts.tsv'), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    if (!line.trim()) continue;
    const cells = line.split('\t');
    assert.equal(cells.length, 7, `a probe verdict has 7 cells: ${line}`);
    const [file, at, code, severity, verdict, after, reason] = cells;
    assert.ok(['right', 'wrong', 'debatable'].includes(verdict), `verdict: ${line}`);
    assert.ok(['same', 'new', 'fixed', 'gone', 'not fixed'].includes(after), `after: ${line}`);
    assert.ok(reason.trim(), `reason: ${line}`);
    if (CODES.includes(code)) out.push({ key: [file, at, code, severity].join('\t'), verdict, after });
  }
  return out;
}

function findings(file: string): string[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return analyzeWith(text)
    .findings.filter((f) => CODES.includes(f.code))
    .map((f) => [file, String(f.range.start.line + 1), f.code, f.severity].join('\t'));
}

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

test('probe texts: the findings are exactly the judged ones still standing, and no fixed false alarm returns', () => {
  const found = files.flatMap(findings).sort();
  const standing = rows()
    .filter((r) => r.after !== 'fixed' && r.after !== 'gone')
    .map((r) => r.key)
    .sort();
  assert.deepEqual(found, standing);
});

// errors.txt (round 1) and round2-errors.txt: every file of passages that each hold one real error
const errorFiles = files.filter((f) => /^(?:.*-)?errors\.txt$/.test(f));

test('probe texts: there are two error files', () => {
  assert.deepEqual(errorFiles, ['errors.txt', 'round2-errors.txt']);
});

for (const file of errorFiles) {
  test(`probe texts: every passage of ${file} keeps a finding at warning level or above`, () => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const passages = text.split('\n').flatMap((l, i) => (l.trim() ? [i] : []));
    assert.ok(passages.length >= 8);
    const flagged = new Set(
      analyzeWith(text)
        .findings.filter((f) => CODES.includes(f.code) && (f.severity === 'error' || f.severity === 'warning'))
        .map((f) => f.range.start.line),
    );
    assert.deepEqual(passages.filter((l) => !flagged.has(l)), []);
  });
}
