// The manifest and the translations: package.json's per-check settings are generated from the registry of checks
// (scripts/generate.mjs; test/unit/generated.test.ts fails when stale), every %key% it uses exists in English and Chinese, every client string has its
// Chinese translation, and every contributed command is registered by the extension.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/paths';
import { allRules } from '../../server/src/engine';

const read = (p: string) => fs.readFileSync(path.join(repoRoot, p), 'utf8');
const json = (p: string) => JSON.parse(read(p)) as Record<string, unknown>;
const manifest = json('package.json') as {
  l10n?: string;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, { default?: unknown; enum?: string[]; scope?: string; description?: string; markdownDescription?: string }> };
    jsonValidation?: { fileMatch: string; url: string }[];
  };
};

test('one resource-scoped setting per check, default = the rule\'s default, enum error…off', () => {
  const props = manifest.contributes.configuration.properties;
  for (const rule of allRules) {
    const p = props[`fazhiReport.rules.${rule.code}`];
    assert.ok(p, rule.code);
    assert.equal(p.default, rule.defaultSeverity);
    assert.deepEqual(p.enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.equal(p.scope, 'resource');
  }
  assert.equal(Object.keys(props).filter((k) => k.startsWith('fazhiReport.rules.')).length, allRules.length);
  for (const key of ['fazhiReport.profile', 'fazhiReport.checkOn', 'fazhiReport.detectReportsInPlainText']) {
    assert.equal(props[key]?.scope, 'resource', key);
  }
  assert.deepEqual(props['fazhiReport.checkOn'].enum, ['type', 'save']);
});

test('every %key% of package.json exists in package.nls.json and package.nls.zh-cn.json (and the two have the same keys)', () => {
  const en = json('package.nls.json');
  const zh = json('package.nls.zh-cn.json');
  const used = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(used.length > 20);
  for (const k of used) {
    assert.ok(typeof en[k] === 'string' && en[k], `package.nls.json: ${k}`);
    assert.ok(typeof zh[k] === 'string' && zh[k], `package.nls.zh-cn.json: ${k}`);
    assert.match(String(zh[k]), /[\u4e00-\u9fff]/, `Chinese text for ${k}`);
  }
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
});

test('every vscode.l10n.t string of the client has a Chinese translation in l10n/bundle.l10n.zh-cn.json', () => {
  assert.equal(manifest.l10n, './l10n');
  const bundle = json('l10n/bundle.l10n.zh-cn.json');
  const dir = path.join(repoRoot, 'client', 'src');
  const strings = new Set<string>();
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    // l10n.t('…') and the t('…') the pure modules receive (the same function)
    for (const m of src.matchAll(/\b(?:l10n\.)?t\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(m[1]);
    assert.doesNotMatch(src, /\bt\(\s*[`"]/, `${f}: translated strings are written in single quotes so this test sees them`);
  }
  assert.ok(strings.size > 20);
  for (const s of strings) {
    assert.ok(typeof bundle[s] === 'string', `missing zh-cn translation: ${s}`);
    const placeholders = (x: string) => [...x.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    assert.deepEqual(placeholders(String(bundle[s])), placeholders(s), `placeholders of ${s}`);
  }
});

test('every contributed command is registered by the extension, with a category and an nls title', () => {
  const src = read('client/src/extension.ts');
  for (const c of manifest.contributes.commands) {
    assert.ok(src.includes(`registerCommand('${c.command}'`), c.command);
    assert.equal(c.category, '%config.title%');
    assert.match(c.title, /^%command\.[\w.]+%$/);
  }
});

test('jsonValidation: .fazhi-report.json → the schema in the repository', () => {
  const v = manifest.contributes.jsonValidation ?? [];
  const entry = v.find((x) => x.fileMatch === '.fazhi-report.json');
  assert.ok(entry);
  assert.ok(fs.existsSync(path.join(repoRoot, entry.url)), entry.url);
});
