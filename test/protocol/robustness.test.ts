// Bad input must get an answer, never a crash or a hang: empty, binary, huge, heading-heavy documents, unknown
// documents and malformed parameters. The last test proves the same server process still answers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine';
import { toDocumentSymbols } from '../../server/src/present/convert';
import { readText, seedFiles } from '../helpers/paths';
import { TestClient } from './lsp-client';
import { countSymbols } from './symbols';

let client: TestClient;
before(async () => {
  client = await TestClient.start();
});
after(() => client.kill());

const cases: [string, string][] = [
  ['empty', ''],
  ['nul-bytes', '法治政府建设情况报告\0\0\0一、\0甲\n'.repeat(200)],
  ['five-megabyte-line', '法治'.repeat(5 * 1024 * 512)],
  ['ten-thousand-headings', '一、a\n'.repeat(10000)],
];

for (const [name, text] of cases) {
  test(`${name}: diagnostics and an outline come back`, async () => {
    const uri = `file:///bad/${name}.fzbg.txt`;
    client.open(uri, text);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 1, 60000);
    assert.ok(Array.isArray(p.diagnostics));
    assert.ok(p.diagnostics.every((d) => d.source === 'fazhi-report'));
    const symbols = await client.symbols(uri);
    assert.ok(Array.isArray(symbols));
    const expected = toDocumentSymbols(analyze(text).outline);
    assert.equal(countSymbols(symbols), countSymbols(expected));
    assert.ok(Array.isArray(await client.folding(uri)));
  });
}

test('ten thousand headings: one symbol each, and the repeats are reported', async () => {
  const uri = 'file:///bad/ten-thousand-headings.fzbg.txt';
  assert.equal(countSymbols((await client.symbols(uri)) ?? []), 10000);
  const p = await client.waitForDiagnostics(uri, (x) => x.version === 1, 60000);
  assert.ok(p.diagnostics.length > 0);
});

test('a request for a document that was never opened answers empty', async () => {
  assert.deepEqual(await client.symbols('file:///nowhere/never-opened.txt'), []);
  assert.deepEqual(await client.folding('file:///nowhere/never-opened.txt'), []);
});

test('malformed parameters are answered, not fatal', async () => {
  const c = client.connection;
  assert.deepEqual(await c.sendRequest('textDocument/documentSymbol', {}), []);
  assert.deepEqual(await c.sendRequest('textDocument/foldingRange', { textDocument: null }), []);
  assert.deepEqual(await c.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 42 } }), []);
  c.sendNotification('textDocument/didOpen', {});
  c.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///bad/x.txt' } });
  c.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.txt', version: 2 }, contentChanges: [{ text: 'x' }] });
  c.sendNotification('textDocument/didChange', {});
  c.sendNotification('textDocument/didClose', {});
  c.sendNotification('workspace/didChangeConfiguration', null);
  // An unknown method gets an error reply (MethodNotFound), the server keeps running.
  await assert.rejects(c.sendRequest('fazhi/unknown', {}));
});

test('after all of that the server still answers a real request correctly', async () => {
  const file = seedFiles()[0];
  const uri = pathToFileURL(file).href;
  client.open(uri, readText(file));
  const symbols = await client.symbols(uri);
  assert.deepEqual(symbols, toDocumentSymbols(analyze(readText(file)).outline));
  assert.ok((symbols ?? []).length > 0);
  assert.equal(client.process.exitCode, null, 'server process still alive');
  assert.equal(await client.stop(), 0);
});
