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

const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').length - (fs.readFileSync(file, 'utf8').endsWith('\n') ? 1 : 0);

test('lsp/server.ts is wiring: at most 300 lines (checking, scheduling, capabilities and the workspace check live beside it)', () => {
  const file = path.join(src, 'lsp', 'server.ts');
  const n = lines(file);
  assert.ok(n <= 300, `server/src/lsp/server.ts has ${n} lines (at most 300): move what is not a handler into a module of lsp/`);
});

test('the custom methods are named only in shared/protocol.ts: no "fazhiReport/…" string literal in the client or the server', () => {
  const bad: string[] = [];
  const protocol = path.join(src, 'shared', 'protocol.ts');
  for (const file of [...sources(src), ...sources(path.join(repoRoot, 'client', 'src'))]) {
    if (file === protocol) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['"]fazhiReport\/\w+['"]/g)) bad.push(`${path.relative(repoRoot, file)}: ${m[0]}`);
  }
  assert.deepEqual(bad, []);
  const names = [...fs.readFileSync(protocol, 'utf8').matchAll(/=\s*'(fazhiReport\/\w+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(names, ['fazhiReport/checkAcross', 'fazhiReport/checkFiles', 'fazhiReport/figures', 'fazhiReport/readDocument', 'fazhiReport/status']);
});

test('shared/protocol.ts imports types only (the client bundle takes nothing else from the server through it)', () => {
  const text = fs.readFileSync(path.join(src, 'shared', 'protocol.ts'), 'utf8');
  const imports = [...text.matchAll(/^import\s+(type\s+)?.*$/gm)];
  assert.ok(imports.length > 0);
  assert.deepEqual(imports.filter((m) => !m[1]).map((m) => m[0]), []);
});

test('one resolver of workspace files and profiles: only host/config.ts searches for .fazhi-report.json', () => {
  const bad: string[] = [];
  for (const file of sources(src)) {
    const rel = path.relative(src, file);
    if (rel === path.join('host', 'config.ts') || rel === path.join('host', 'workspace-file.ts')) continue;
    if (/\bfindWorkspaceFile\b|\bloadProfile\b|\bloadWorkspaceConfig\b/.test(fs.readFileSync(file, 'utf8'))) bad.push(rel);
  }
  assert.deepEqual(bad, []);
});
