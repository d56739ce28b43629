// A check's name is written by hand in few places: its rule file and the registry, then at most 4 more files of
// product code and data (its messages in the two catalogs, and the module where its relation is read). Everything
// that lists every check — settings, their descriptions, the schema, the tables of checks, the test lists — is
// generated from the registry or read from its tags. Comments, documentation and tests are prose or assertions about
// a check, not lists to keep in step, and are not counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { allRules } from '../../server/src/engine';
import { generatedFiles } from '../../scripts/generated-files';
import { repoRoot } from '../helpers/paths';
import { projectFiles } from '../helpers/source-files';

const MAX_PLACES = 4;
const read = (p: string) => fs.readFileSync(path.join(repoRoot, p), 'utf8');

/** Product code and data: what a contributor has to keep in step by hand. */
function handWrittenFiles(): string[] {
  const tracked = projectFiles(['server/src', 'client/src', 'scripts', 'server/data', 'bench', 'syntaxes', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'schemas'], /\.(ts|mjs|js|json)$/);
  const generated = new Set(generatedFiles(read).map((f) => f.path));
  return tracked.filter((f) => !generated.has(f) && f !== 'server/src/engine/rules/index.ts');
}

/** The text of a file without its comments (// and /* *\/ in code, "$…" keys in JSON). */
export function withoutComments(file: string, text: string): string {
  if (file.endsWith('.json')) {
    const strip = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('$')).map(([k, x]) => [k, strip(x)])) : v;
    try {
      return JSON.stringify(strip(JSON.parse(text)));
    } catch {
      return text;
    }
  }
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

test('comments are not counted, code and JSON values are', () => {
  assert.equal(withoutComments('a.ts', "const a = 1; // funnel-order\n/* rate-mismatch */ const b = 'x';").includes('-'), false);
  assert.ok(withoutComments('a.ts', "const url = 'https://x/y'; const c = 'table-sum';").includes('table-sum'));
  assert.ok(!withoutComments('a.json', '{"$comment": "plan-year", "a": 1}').includes('plan-year'));
  assert.ok(withoutComments('a.json', '{"a": ["plan-year"]}').includes('plan-year'));
});

test(`every check's name is written by hand in at most ${MAX_PLACES} places besides its rule file and the registry`, () => {
  const files = handWrittenFiles().map((f) => ({ f, text: withoutComments(f, read(f)) }));
  const over: string[] = [];
  for (const rule of allRules) {
    const own = `server/src/engine/rules/${rule.code}.ts`;
    const name = new RegExp(`(?<![a-z-])${rule.code}(?![a-z-])`);
    const places = files.filter(({ f, text }) => f !== own && name.test(text)).map(({ f }) => f);
    if (places.length > MAX_PLACES) over.push(`${rule.code}: ${places.length} — ${places.join(', ')}`);
  }
  assert.deepEqual(over, []);
});
