// Rules as data only works if the data is read: every setting-like key (an ASCII name, at the top level or one
// level down) of server/data/*.json is used by the code. A key the code ignores looks like configuration and
// changes nothing (figures.json had four such keys). "$…" keys are comments; keys that are words of the vocabulary
// (Chinese) are data, not settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/paths';
import { projectFiles } from '../helpers/source-files';

const dataDir = path.join(repoRoot, 'server', 'data');
const code = projectFiles(['server/src'], /\.ts$/)
  .map((f) => fs.readFileSync(path.join(repoRoot, f), 'utf8'))
  .join('\n');
const used = new Set(code.match(/[A-Za-z_][A-Za-z0-9_]*/g));
const SKIP = new Set(['profile.json']); // written by `fazhi-report learn`, read through its validator

test('every setting-like key of server/data/*.json is read by the code', () => {
  const dead: string[] = [];
  for (const name of fs.readdirSync(dataDir).filter((f) => f.endsWith('.json') && !SKIP.has(f))) {
    const data = JSON.parse(fs.readFileSync(path.join(dataDir, name), 'utf8')) as Record<string, unknown>;
    const visit = (obj: Record<string, unknown>, at: string, depth: number) => {
      for (const [k, v] of Object.entries(obj)) {
        if (k.startsWith('$') || !/^[A-Za-z][A-Za-z0-9]*$/.test(k)) continue;
        if (!used.has(k)) dead.push(`${name}: ${at}${k}`);
        if (depth < 1 && v && typeof v === 'object' && !Array.isArray(v)) visit(v as Record<string, unknown>, `${at}${k}.`, depth + 1);
      }
    };
    visit(data, '', 0);
  }
  assert.deepEqual(dead, []);
});
