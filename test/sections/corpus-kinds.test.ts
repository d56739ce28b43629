// On the real texts beside the repository (../shared/corpus and ../shared/corpus2, whose INDEX.md give each file's
// level and whether it is complete): the kind decided agrees with the index, and no complete non-report (news
// items, statistics reports, yearbook entries, court texts …) gets a per-part missing-section warning. Skipped,
// loudly, when the folders are absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/engine';
import { repoRoot } from '../helpers/paths';
import { segmenter } from '../helpers/engine';

const folders = ['corpus', 'corpus2'].map((f) => path.resolve(repoRoot, '..', 'shared', f)).filter((p) => fs.existsSync(path.join(p, 'INDEX.md')));
const REPORT_LEVELS = new Set(['县区', '市', '省', '部门']);
const EXPECTED: Record<string, string[]> = {
  新闻: ['news'],
  '法院/新闻': ['court', 'news'],
  法院: ['court'],
  '部委/新闻': ['news'],
  专项: ['statistics'],
  执法统计: ['statistics'],
  信息公开年报: ['statistics'],
  年鉴条目: ['yearbook'],
  解读: ['policy-reading'],
};

interface Row {
  file: string;
  level: string;
  complete: boolean;
  text: string;
}

function rows(folder: string): Row[] {
  const index = fs.readFileSync(path.join(folder, 'INDEX.md'), 'utf8').split('\n');
  const header = index.find((l) => l.startsWith('| File'))!.split('|').map((s) => s.trim());
  const levelAt = header.indexOf('Level');
  const completeAt = header.indexOf('Complete?');
  return fs
    .readdirSync(folder)
    .filter((f) => /^\d.*\.txt$/.test(f))
    .sort()
    .map((file) => {
      const cols = index.find((l) => l.startsWith(`| ${file} `))!.split('|').map((s) => s.trim());
      return { file, level: cols[levelAt], complete: /complete/i.test(cols[completeAt]) && !/^partial/i.test(cols[completeAt]), text: fs.readFileSync(path.join(folder, file), 'utf8') };
    });
}

test('real texts: the kind agrees with the index for at least 95% of the files; no complete non-report gets a per-part warning', { skip: folders.length ? false : 'SKIPPED: ../shared/corpus and ../shared/corpus2 are absent' }, () => {
  let agree = 0;
  let total = 0;
  const disagree: string[] = [];
  const warned: string[] = [];
  for (const folder of folders) {
    for (const r of rows(folder)) {
      const a = analyze(r.text, { segmenter: segmenter! });
      const kind = a.kind!.id;
      const expected = REPORT_LEVELS.has(r.level) ? ['annual-report', 'partial-draft'] : EXPECTED[r.level] ?? [];
      total++;
      if (expected.includes(kind)) agree++;
      else disagree.push(`${r.file} ${r.level} → ${kind}`);
      const perPart = a.findings.filter((f) => f.code === 'missing-section' && f.severity === 'warning');
      if (!REPORT_LEVELS.has(r.level) && r.complete && perPart.length) warned.push(`${r.file}: ${perPart.length}`);
    }
  }
  assert.deepEqual(warned, [], 'complete non-reports with per-part missing-section warnings');
  assert.ok(agree >= total * 0.95, `kind agrees with the index on ${agree}/${total}: ${disagree.join('; ')}`);
});
