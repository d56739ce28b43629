// The layers: the engine imports neither vscode nor the LSP nor Node's file system; the command line and the language
// server never import each other (what both need lives in present/ and host/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/paths';

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) out.push(p);
    }
  };
  walk(dir);
  return out;
}
const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
const src = path.join(repoRoot, 'server', 'src');

test('cli/ never imports lsp/, and lsp/ never imports cli/', () => {
  const bad: string[] = [];
  for (const [from, forbidden] of [['cli', 'lsp'], ['lsp', 'cli']] as const) {
    for (const file of sources(path.join(src, from))) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = path.relative(src, path.resolve(path.dirname(file), spec));
        if (target === forbidden || target.startsWith(forbidden + path.sep)) bad.push(`${path.relative(repoRoot, file)} → ${spec}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('the engine imports no vscode, no LSP and no Node file system', () => {
  const bad: string[] = [];
  for (const file of sources(path.join(src, 'engine'))) {
    for (const spec of importsOf(file)) {
      if (/^(vscode|vscode-languageserver|vscode-languageclient|node:fs|fs|node:child_process)/.test(spec)) bad.push(`${path.relative(repoRoot, file)} → ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});
