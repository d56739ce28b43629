// The language server under abuse, over a real stdio connection to the built server (dist/server.js --stdio):
// malformed JSON-RPC, unknown documents, versions out of order, 1,000 rapid edits, didClose in the middle of a
// check. After each, the same process still answers a documentSymbol on a seed correctly and publishes the final
// state; its memory after 1,000 edits is measured against the baseline (/proc/<pid>/status) and printed.
import { after, before, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine';
import { toDocumentSymbols } from '../../server/src/present/convert';
import { readText, seedFiles } from '../helpers/paths';
import { assertEngineDiagnostics } from '../protocol/expect';
import { sleep, TestClient } from '../protocol/lsp-client';

let client: TestClient;
const seeds = seedFiles();
const seedText = readText(seeds[1]);
const seedUri = pathToFileURL(seeds[1]).href;

function rssMB(pid: number): { rss: number; hwm: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** The server is alive, answers a documentSymbol on the seed with the engine's outline, and says so quickly. */
async function stillAnswers(t: TestContext, after: string): Promise<void> {
  assert.equal(client.process.exitCode, null, `server process alive after ${after}`);
  const t0 = performance.now();
  const symbols = await client.symbols(seedUri);
  t.diagnostic(`documentSymbol after ${after}: ${(performance.now() - t0).toFixed(1)} ms`);
  assert.deepEqual(symbols, toDocumentSymbols(analyze(seedText).outline), `outline of the seed after ${after}`);
}

/** The last publish for `uri` is for `version` and equals the engine's diagnostics for `text`. */
async function publishesFinal(uri: string, version: number, text: string): Promise<void> {
  const p = await client.waitForDiagnostics(uri, (x) => x.version === version, 30000);
  // a re-check (the segmenter arriving) may publish the same version again: wait until things settle
  await sleep(400);
  const last = client.publishesFor(uri).at(-1)!;
  assert.equal(last.version, version, 'the final version is the last one published');
  assert.ok(p);
  assertEngineDiagnostics(last.diagnostics, text, uri);
}

before(async () => {
  client = await TestClient.start();
  client.open(seedUri, seedText);
  // the dictionary is loaded after the first diagnostics, then everything is re-checked
  await client.waitForDiagnostics(seedUri, (p) => p.version === 1);
  const deadline = Date.now() + 20000;
  while (client.publishesFor(seedUri).length < 2 && Date.now() < deadline) await sleep(50);
});
after(() => client.kill());

test('garbage bytes with a valid Content-Length header, and a body that is not JSON', async (t) => {
  const stdin = client.process.stdin!;
  const garbage = Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x22, 0x80, 0x81, 0x0a, 0x0d, 0xc3, 0x28, 0x5b]);
  stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${garbage.length}\r\n\r\n`), garbage]));
  const notJson = Buffer.from('this is not JSON {{{ 法治 ]]', 'utf8');
  stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${notJson.length}\r\n\r\n`), notJson]));
  const notRpc = Buffer.from(JSON.stringify([1, 2, 3]));
  stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${notRpc.length}\r\n\r\n`), notRpc]));
  const noMethod = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 999999 }));
  stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${noMethod.length}\r\n\r\n`), noMethod]));
  await stillAnswers(t, 'malformed messages');
});

test('an unknown method and wrong params are answered or ignored, not fatal', async (t) => {
  const c = client.connection;
  await assert.rejects(c.sendRequest('fazhi/noSuchMethod', { x: 1 }));
  c.sendNotification('fazhi/noSuchNotification', { x: 1 });
  assert.deepEqual(await c.sendRequest('textDocument/documentSymbol', { textDocument: 5 }), []);
  // parameters by position: the JSON-RPC layer answers InvalidParams (-32602), or the handler answers empty
  const positional = await c.sendRequest('textDocument/documentSymbol', []).then(
    (r) => ({ result: r }),
    (e: { code?: number }) => ({ error: e.code }),
  );
  assert.ok('error' in positional ? positional.error === -32602 : Array.isArray(positional.result) && positional.result.length === 0, JSON.stringify(positional));
  assert.deepEqual(await c.sendRequest('textDocument/foldingRange', { textDocument: { uri: null } }), []);
  c.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///abuse/a.txt', languageId: 'fazhi-report', version: 'x', text: 42 } });
  c.sendNotification('textDocument/didChange', { textDocument: { uri: seedUri, version: 'x' }, contentChanges: 'not an array' });
  c.sendNotification('textDocument/didChange', { textDocument: { uri: seedUri }, contentChanges: [{ range: 'bad', text: 5 }] });
  c.sendNotification('textDocument/didClose', { textDocument: 7 });
  c.sendNotification('workspace/didChangeConfiguration', { settings: 'nonsense' });
  await stillAnswers(t, 'wrong params');
});

test('requests for documents that were never opened answer empty', async (t) => {
  assert.deepEqual(await client.symbols('file:///abuse/never-opened.fzbg.txt'), []);
  assert.deepEqual(await client.folding('file:///abuse/never-opened.fzbg.txt'), []);
  client.change('file:///abuse/never-opened.fzbg.txt', 3, '一、标题');
  client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///abuse/never-opened.fzbg.txt' } });
  await stillAnswers(t, 'unknown documents');
  assert.equal(client.publishesFor('file:///abuse/never-opened.fzbg.txt').length, 0, 'nothing published for a document never opened');
});

test('a change for an older version after a newer one is ignored; the newest is published', async (t) => {
  const uri = 'file:///abuse/out-of-order.fzbg.txt';
  const newest = seedText + '\n二、新增一节\n';
  client.open(uri, seedText, 'fazhi-report', 1);
  client.change(uri, 5, newest);
  client.change(uri, 3, '一、旧版本\n三、跳号\n');
  await publishesFinal(uri, 5, newest);
  assert.deepEqual(await client.symbols(uri), toDocumentSymbols(analyze(newest).outline));
  await stillAnswers(t, 'versions out of order');
});

test('1,000 rapid edits: the last version is published, memory returns near its baseline', async (t) => {
  const pid = client.process.pid!;
  const uri = 'file:///abuse/rapid.fzbg.txt';
  client.open(uri, seedText, 'fazhi-report', 1);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  // warm-up, so the baseline includes what any editing session allocates once
  for (let v = 2; v <= 21; v++) client.change(uri, v, seedText + '。'.repeat(v));
  await client.waitForDiagnostics(uri, (p) => p.version === 21);
  await sleep(500);
  const baseline = rssMB(pid);
  const publishedBefore = client.publishesFor(uri).length;
  let text = seedText;
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) {
    // typing in the middle of the report, now and then deleting
    const at = Math.floor(seedText.length / 2);
    text = i % 10 === 9 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + '法治'[i % 2] + text.slice(at);
    client.change(uri, 22 + i, text);
  }
  const last = 22 + 999;
  await publishesFinal(uri, last, text);
  const elapsed = performance.now() - t0;
  await sleep(1500);
  const afterEdits = rssMB(pid);
  const published = client.publishesFor(uri).length - publishedBefore;
  t.diagnostic(`1,000 edits sent and the last one published in ${elapsed.toFixed(0)} ms; ${published} publishes (debounced)`);
  t.diagnostic(`server RSS: baseline ${baseline.rss.toFixed(0)} MB, after 1,000 edits ${afterEdits.rss.toFixed(0)} MB (peak ${afterEdits.hwm.toFixed(0)} MB)`);
  console.log(`server RSS before / after 1,000 edits: ${baseline.rss.toFixed(0)} MB / ${afterEdits.rss.toFixed(0)} MB (peak ${afterEdits.hwm.toFixed(0)} MB)`);
  assert.ok(published < 1000, 'edits are debounced, not each checked');
  assert.ok(afterEdits.rss < 2 * baseline.rss + 100, `RSS ${afterEdits.rss.toFixed(0)} MB vs baseline ${baseline.rss.toFixed(0)} MB`);
  await stillAnswers(t, '1,000 edits');
});

test('didClose in the middle of a check: nothing is left shown for the closed document', async (t) => {
  const uri = 'file:///abuse/closed-mid-check.fzbg.txt';
  // about 1 MB of report: its check takes long enough to close the document while it runs
  const big = seeds.map(readText).join('\n').repeat(40);
  client.open(uri, big);
  await sleep(80);
  client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const t0 = performance.now();
  await stillAnswers(t, 'didClose during a check');
  t.diagnostic(`answered ${(performance.now() - t0).toFixed(0)} ms after the didClose`);
  await sleep(500);
  const last = client.publishesFor(uri).at(-1);
  assert.ok(!last || last.diagnostics.length === 0, 'the last publish for a closed document is empty');
  assert.deepEqual(await client.symbols(uri), [], 'a closed document has no outline');
  // reopen and close in a burst, with edits in between
  for (let i = 0; i < 20; i++) {
    client.open(uri, seedText + '\n'.repeat(i), 'fazhi-report', 1);
    client.change(uri, 2, seedText + '一、'.repeat(i));
    client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await sleep(600);
  const final = client.publishesFor(uri).at(-1);
  assert.ok(!final || final.diagnostics.length === 0, 'still nothing shown after open/close bursts');
  await stillAnswers(t, 'open/close bursts');
});

test('after all of that: the seed\'s final state is published and the server shuts down cleanly', async (t) => {
  const v = 1000;
  const edited = seedText.replace('一、', '三、');
  client.change(seedUri, v, edited);
  await publishesFinal(seedUri, v, edited);
  client.change(seedUri, v + 1, seedText);
  await publishesFinal(seedUri, v + 1, seedText);
  await stillAnswers(t, 'everything');
  assert.equal(await client.stop(), 0);
});
