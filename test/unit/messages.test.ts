// The message catalogs (server/data/messages/zh-cn.json, en.json): the same keys and placeholders in both
// languages, every message id the code uses exists, and no key is dead. Ids are found in the code as string
// literals ('rate-mismatch.mismatch') and as template prefixes (`figures.role.${role}` uses every figures.role.* key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/paths';
import { projectFiles } from '../helpers/source-files';

const catalog = (l: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'server', 'data', 'messages', `${l}.json`), 'utf8')) as Record<string, string>;
const zh = catalog('zh-cn');
const en = catalog('en');
const keys = Object.keys(zh);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const sources = projectFiles(['server/src', 'client/src', 'scripts'], /\.(ts|mjs)$/)
  .map((f) => fs.readFileSync(path.join(repoRoot, f), 'utf8'))
  .join('\n');
/** Every quoted string of the code, and the literal heads of template strings (`a.b.${x}` → "a.b."). */
const literals = new Set([...sources.matchAll(/'([^'\n\\]{1,80})'|"([^"\n\\]{1,80})"|`([^`\n\\]{1,80})`/g)].map((m) => m[1] ?? m[2] ?? m[3]));
const prefixes = [...sources.matchAll(/`([a-z][\w.-]*\.)\$\{/g)].map((m) => m[1]);

test('both catalogs have the same keys, each with the same placeholders, none empty', () => {
  assert.deepEqual(Object.keys(en).sort(), [...keys].sort());
  for (const k of keys) {
    assert.ok(zh[k] && en[k], `empty message ${k}`);
    assert.deepEqual(placeholders(en[k]), placeholders(zh[k]), `placeholders of ${k}`);
  }
});

test('every message id written in the code exists in the catalogs', () => {
  const used = [...sources.matchAll(/(?:messageId:\s*|formatMessage\([^,()]+,\s*)'([a-z][\w-]*(?:\.[\w-]+)+)'/g)].map((m) => m[1]);
  assert.ok(used.length > 50, `only ${used.length} ids found: the pattern is broken`);
  const missing = [...new Set(used)].filter((id) => !(id in zh));
  assert.deepEqual(missing, []);
});

test('no dead key: every key is written in the code or made from a prefix the code uses', () => {
  const dead = keys.filter((k) => !literals.has(k) && !prefixes.some((p) => k.startsWith(p)));
  assert.deepEqual(dead, []);
});
