// Every figure-check finding on the seeds and the development corpora carries a verdict in test/verdicts/figures.tsv
// (right / wrong / unjudged, with the reason). A new finding without a verdict fails, and so does a verdict whose
// finding is gone: the findings are judged, never blessed. Wrong ones are counted, and at most two warnings may be
// wrong (none at error level). The corpora parts are skipped, loudly, only when ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { corpusDir, readText, repoRoot, seedFiles } from '../helpers/paths';
import { analyzeWith, FIGURE_CODES } from './common';

const verdictFile = path.join(repoRoot, 'test', 'verdicts', 'figures.tsv');
const corpus2Dir = corpusDir ? path.join(path.dirname(corpusDir), 'corpus2') : null;

interface Row {
  key: string;
  verdict: string;
  reason: string;
}

function readVerdicts(): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const line of fs.readFileSync(verdictFile, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const cells = line.split('\t');
    assert.equal(cells.length, 7, `a verdict line has 7 tab-separated cells: ${line}`);
    const [place, at, code, severity, figure, verdict, reason] = cells;
    assert.ok(['right', 'wrong', 'unjudged'].includes(verdict), `unknown verdict "${verdict}" in: ${line}`);
    assert.ok(reason.trim().length > 0, `a verdict needs its reason: ${line}`);
    const key = [place, at, code, severity, figure].join('\t');
    rows.set(key, { key, verdict, reason });
  }
  return rows;
}

function findingsOf(place: string, text: string): string[] {
  const lines = text.split('\n');
  return analyzeWith(text, true)
    .findings.filter((f) => FIGURE_CODES.includes(f.code))
    .map((f) => {
      const line = lines[f.range.start.line] ?? '';
      const figure = line.slice(f.range.start.character, f.range.end.character);
      return [place, `${f.range.start.line + 1}:${f.range.start.character + 1}`, f.code, f.severity, figure].join('\t');
    });
}

test('every figure finding on the seeds and corpora has a verdict, and every verdict its finding', (t) => {
  if (!corpusDir || !corpus2Dir || !fs.existsSync(corpus2Dir)) {
    console.warn('\n!!! ../shared/corpus or corpus2 is absent: the figure verdicts are SKIPPED (not counted) !!!\n');
    t.skip('corpora absent');
    return;
  }
  const found: string[] = [];
  for (const f of seedFiles()) found.push(...findingsOf(`seeds/${path.basename(f)}`, readText(f)));
  for (const [name, dir] of [['corpus', corpusDir], ['corpus2', corpus2Dir]] as const) {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) found.push(...findingsOf(`${name}/${f}`, readText(path.join(dir, f))));
  }
  const verdicts = readVerdicts();
  const unjudged = found.filter((k) => !verdicts.has(k));
  const gone = [...verdicts.keys()].filter((k) => !found.includes(k));
  const wrong = found.map((k) => verdicts.get(k)).filter((r): r is Row => !!r && r.verdict === 'wrong');
  console.log(`figure findings: ${found.length}; right ${found.filter((k) => verdicts.get(k)?.verdict === 'right').length}, wrong ${wrong.length}, unjudged ${found.filter((k) => verdicts.get(k)?.verdict === 'unjudged').length}`);
  assert.deepEqual(unjudged, [], 'findings with no verdict in test/verdicts/figures.tsv: judge each (right/wrong/unjudged + reason)');
  assert.deepEqual(gone, [], 'verdicts whose finding is gone: remove them from test/verdicts/figures.tsv');
  const wrongErrors = wrong.filter((r) => r.key.split('\t')[3] === 'error');
  assert.deepEqual(wrongErrors.map((r) => r.key), [], 'no error-level finding may be wrong');
  assert.ok(wrong.filter((r) => r.key.split('\t')[3] === 'warning').length <= 2, `at most two wrong warnings: ${wrong.map((r) => r.key).join('; ')}`);
});
