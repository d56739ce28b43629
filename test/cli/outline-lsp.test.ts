// `fazhi-report outline` and `fazhi-report lsp` as separate processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze } from '../../server/src/engine';
import type { OutlineNode } from '../../server/src/engine';
import { toDocumentSymbols } from '../../server/src/present/convert';
import { readText, seedFiles } from '../helpers/paths';
import { TestClient } from '../protocol/lsp-client';
import { binPath, lines, runCli } from './run';

const seed = seedFiles()[1];

test('outline --format json is the DocumentSymbol[] the server returns', () => {
  const r = runCli(['outline', '--format', 'json', seed]);
  assert.equal(r.code, 0);
  const expected = toDocumentSymbols(analyze(readText(seed)).outline);
  assert.ok(expected.length > 0);
  assert.deepEqual(JSON.parse(r.stdout), expected);
});

test('outline text: one indented line per heading, with its 1-based line number', () => {
  const r = runCli(['outline', seed]);
  assert.equal(r.code, 0);
  const flat: { node: OutlineNode; level: number }[] = [];
  const walk = (ns: OutlineNode[], level: number) => {
    for (const node of ns) {
      flat.push({ node, level });
      walk(node.children, level + 1);
    }
  };
  walk(analyze(readText(seed)).outline, 0);
  const out = lines(r.stdout);
  assert.equal(out.length, flat.length);
  out.forEach((l, i) => {
    const { node, level } = flat[i];
    assert.equal(/^ */.exec(l)?.[0].length, level * 2, l);
    assert.ok(l.trimStart().includes(node.name.replace(node.marker ?? '', '')), l);
    assert.ok(l.endsWith(`（第 ${node.selectionRange.start.line + 1} 行）`), l);
  });
});

test('outline needs exactly one file', () => {
  assert.equal(runCli(['outline']).code, 2);
  assert.equal(runCli(['outline', seed, seed]).code, 2);
  const missing = runCli(['outline', 'nope.txt']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /无法读取 nope\.txt：文件不存在/);
});

test('lsp --stdio runs the language server in the command-line process', async () => {
  const client = await TestClient.start({ args: [binPath, 'lsp', '--stdio'] });
  try {
    assert.equal(client.initializeResult?.capabilities.documentSymbolProvider, true);
    const uri = 'file:///x/' + path.basename(seed);
    client.open(uri, readText(seed));
    const p = await client.waitForDiagnostics(uri);
    assert.equal(p.version, 1);
    assert.deepEqual(await client.symbols(uri), toDocumentSymbols(analyze(readText(seed)).outline));
    assert.equal(await client.stop(), 0);
  } finally {
    client.kill();
  }
});

test('lsp rejects unknown flags with exit 2', () => {
  const r = runCli(['lsp', '--tcp']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /lsp 不认识参数“--tcp”/);
});

test('outline of a folder is a read error, not a search', () => {
  const r = runCli(['outline', 'seeds']);
  assert.equal(r.code, 2);
  assert.deepEqual(lines(r.stderr), ['fazhi-report: 无法读取 seeds：这是文件夹，不是文件 / cannot read seeds: is a folder, not a file']);
});
