// A readable snapshot of the findings of the section and outline checks on the seeds and on the corpus: file,
// line:column, severity, code, message. Any change in behaviour shows up as a diff of test/snapshots/findings-*.txt
// in review. The figure checks' findings are not snapshotted but judged one by one: test/verdicts/figures.tsv
// (verdicts.test.ts), so a false alarm is counted, never blessed.
//   UPDATE_SNAPSHOTS=1 TEST_OUT=out-fig node scripts/test.mjs snapshot     rewrites them.
// The corpus part is skipped, loudly, only when ../shared/corpus is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { corpusDir, readText, repoRoot, seedFiles } from '../helpers/paths';
import { analyzeWith, FIGURE_CODES } from './common';

const snapshotsDir = path.join(repoRoot, 'test', 'snapshots');

function render(title: string, files: { name: string; text: string }[]): string {
  const out: string[] = [
    `# ${title}`,
    '# Every finding of every check (segmenter loaded). Regenerate: UPDATE_SNAPSHOTS=1 TEST_OUT=out-fig node scripts/test.mjs snapshot',
    '',
  ];
  for (const { name, text } of files) {
    const a = analyzeWith(text, true);
    const shown = a.findings.filter((f) => !FIGURE_CODES.includes(f.code));
    out.push(`## ${name}  (${a.figures?.length ?? 0} figures, ${shown.length} findings of the section and outline checks)`);
    for (const f of shown) {
      const at = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      out.push(`${at} ${f.severity} ${f.code}: ${f.message}`);
      for (const r of f.related ?? []) out.push(`    ↳ ${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`);
    }
    if (a.ruleErrors.length) out.push(`!! rule errors: ${JSON.stringify(a.ruleErrors)}`);
    out.push('');
  }
  return out.join('\n');
}

function compare(file: string, actual: string): void {
  const p = path.join(snapshotsDir, file);
  const update = process.env.UPDATE_SNAPSHOTS === '1';
  if (update || !fs.existsSync(p)) {
    fs.mkdirSync(snapshotsDir, { recursive: true });
    fs.writeFileSync(p, actual);
    if (!update) assert.fail(`snapshot ${file} was missing and has been written: review and commit it`);
    return;
  }
  const expected = fs.readFileSync(p, 'utf8');
  if (expected !== actual) {
    const a = actual.split('\n');
    const e = expected.split('\n');
    const diff: string[] = [];
    for (let i = 0; i < Math.max(a.length, e.length) && diff.length < 40; i++) {
      if (a[i] !== e[i]) diff.push(`line ${i + 1}\n  - ${e[i] ?? '(none)'}\n  + ${a[i] ?? '(none)'}`);
    }
    assert.fail(`findings differ from test/snapshots/${file} (UPDATE_SNAPSHOTS=1 to accept):\n${diff.join('\n')}`);
  }
}

test('snapshot: every finding on the seeds', () => {
  const files = seedFiles().map((f) => ({ name: `seeds/${path.basename(f)}`, text: readText(f) }));
  compare('findings-seeds.txt', render('Findings on the seeds', files));
});

const corpusFiles = corpusDir
  ? fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: `corpus/${f}`, text: fs.readFileSync(path.join(corpusDir!, f), 'utf8') }))
  : [];

test('snapshot: every finding on the corpus', (t) => {
  if (!corpusDir) {
    console.warn('\n!!! ../shared/corpus is absent: the corpus snapshot is SKIPPED (not counted) !!!\n');
    t.skip('corpus absent');
    return;
  }
  compare('findings-corpus.txt', render('Findings on the corpus (../shared/corpus)', corpusFiles));
});

test('no error-level figure finding on any corpus file (the corpus arithmetic is sound where checked)', (t) => {
  if (!corpusDir) {
    console.warn('\n!!! ../shared/corpus is absent: the corpus error check is SKIPPED (not counted) !!!\n');
    t.skip('corpus absent');
    return;
  }
  // Findings the arithmetic really supports would be listed here with the reason; there are none.
  const allowed = new Set<string>();
  const errors = corpusFiles.flatMap(({ name, text }) =>
    analyzeWith(text, true)
      .findings.filter((f) => FIGURE_CODES.includes(f.code) && f.severity === 'error')
      .map((f) => `${name}:${f.range.start.line + 1}:${f.code}: ${f.message}`),
  );
  assert.deepEqual(errors.filter((e) => !allowed.has(e)), []);
});
