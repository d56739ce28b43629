// Which documents the server checks, edits and versions, settings and locale — against the built server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { assertEngineDiagnostics } from './expect';
import { readText, seedFiles } from '../helpers/paths';
import { TestClient, sleep } from './lsp-client';

// A report opening plus a numbering gap (一、二、四、): the heading-numbering check reports it.
const GAP_REPORT = '某某市2023年法治政府建设情况报告\n一、甲项工作\n内容。\n二、乙项工作\n内容。\n四、丁项工作\n内容。\n';
const NOT_A_REPORT = '购物清单\n一、苹果\n二、香蕉\n四、梨\n';

let client: TestClient;
before(async () => {
  client = await TestClient.start({ locale: 'zh-cn' });
});
after(() => client.kill());

test('a plain-text document that does not look like a report is left alone', async () => {
  client.open('file:///notes/shopping.txt', NOT_A_REPORT, 'plaintext');
  // Opened after it, so it is checked after it: once its diagnostics arrive, the first one's turn has passed.
  client.open('file:///notes/marker.fzbg.txt', GAP_REPORT, 'fazhi-report');
  await client.waitForDiagnostics('file:///notes/marker.fzbg.txt');
  await sleep(200);
  assert.ok(client.publishesFor('file:///notes/shopping.txt').every((p) => p.diagnostics.length === 0));
  assert.deepEqual(await client.symbols('file:///notes/shopping.txt'), []);
  assert.deepEqual(await client.folding('file:///notes/shopping.txt'), []);
});

test('the same gap in a fazhi-report document is found', async () => {
  const p = await client.waitForDiagnostics('file:///notes/marker.fzbg.txt');
  const numbering = p.diagnostics.filter((d) => d.code === 'heading-numbering');
  assert.equal(numbering.length, 1);
  assert.equal(numbering[0].severity, 2);
  assert.equal(numbering[0].range.start.line, 5);
});

test('plain-text and Markdown documents that look like reports are checked', async () => {
  client.open('file:///drafts/a.txt', GAP_REPORT, 'plaintext');
  client.open('file:///drafts/b.md', GAP_REPORT, 'markdown');
  for (const uri of ['file:///drafts/a.txt', 'file:///drafts/b.md']) {
    const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
    assert.equal(p.version, 1);
    assertEngineDiagnostics(p.diagnostics, GAP_REPORT, uri);
    assert.ok(((await client.symbols(uri)) ?? []).length > 0);
  }
});

test('other languages are never checked, even when they look like reports', async () => {
  client.open('file:///src/report.js', GAP_REPORT, 'javascript');
  client.open('file:///src/after.fzbg.txt', GAP_REPORT, 'fazhi-report');
  await client.waitForDiagnostics('file:///src/after.fzbg.txt');
  await sleep(200);
  assert.deepEqual(client.publishesFor('file:///src/report.js'), []);
  assert.deepEqual(await client.symbols('file:///src/report.js'), []);
});

test('a plain-text document that stops looking like a report has its diagnostics cleared', async () => {
  const uri = 'file:///drafts/c.txt';
  client.open(uri, GAP_REPORT, 'plaintext');
  await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
  client.change(uri, 2, NOT_A_REPORT);
  const cleared = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(cleared.diagnostics, []);
});

test('rapid edits: only the newest version is published, with its own results', async () => {
  const uri = 'file:///drafts/edit.fzbg.txt';
  const seed = readText(seedFiles()[1]);
  client.open(uri, seed);
  client.change(uri, 2, seed + '\n补充。\n');
  client.change(uri, 3, GAP_REPORT);
  const p = await client.waitForDiagnostics(uri, (x) => x.version === 3);
  assertEngineDiagnostics(p.diagnostics, GAP_REPORT, uri);
  await sleep(400);
  const versions = client.publishesFor(uri).map((x) => x.version);
  assert.ok(!versions.includes(2), `version 2 was superseded within the debounce, got ${versions.join(',')}`);
  assert.equal(versions[versions.length - 1], 3);
  // The outline follows the newest text too.
  const symbols = await client.symbols(uri);
  assert.equal(symbols?.[0]?.name, analyze(GAP_REPORT).outline[0].name);
});

test('an older version arriving late is ignored', async () => {
  const uri = 'file:///drafts/late.fzbg.txt';
  client.open(uri, GAP_REPORT, 'fazhi-report', 5);
  await client.waitForDiagnostics(uri, (p) => p.version === 5);
  client.change(uri, 4, NOT_A_REPORT + '三、重复\n三、重复\n');
  await sleep(400);
  assert.deepEqual(client.publishesFor(uri).map((p) => p.version), [5]);
});

test('turning fazhiReport.detectReportsInPlainText off clears plain-text reports; on again re-checks them', async () => {
  const uri = 'file:///drafts/setting.txt';
  client.open(uri, GAP_REPORT, 'plaintext');
  await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  const before = client.publishesFor(uri).length;
  client.config = { detectReportsInPlainText: false };
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await client.waitForDiagnostics(uri, (p) => client.publishesFor(uri).indexOf(p) >= before && p.diagnostics.length === 0);
  assert.deepEqual(await client.symbols(uri), []);
  client.config = { detectReportsInPlainText: true };
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const again = await client.waitForDiagnostics(uri, (p) => client.publishesFor(uri).indexOf(p) > before && p.diagnostics.length > 0);
  assert.ok(again.diagnostics.some((d) => d.code === 'heading-numbering'));
});

test('closing a document clears its diagnostics', async () => {
  const uri = 'file:///drafts/close.fzbg.txt';
  client.open(uri, GAP_REPORT);
  await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const last = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  assert.deepEqual(last.diagnostics, []);
  assert.deepEqual(await client.symbols(uri), []);
});

test('locale en and a client without relatedInformation support: English messages, no related information', async () => {
  const en = await TestClient.start({ locale: 'en-US', capabilities: {} });
  try {
    const uri = 'file:///drafts/en.fzbg.txt';
    en.open(uri, GAP_REPORT);
    const p = await en.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
    assertEngineDiagnostics(p.diagnostics, GAP_REPORT, uri, { locale: 'en', relatedInformation: false });
    const enNumbering = p.diagnostics.find((d) => d.code === 'heading-numbering');
    assert.match(String(enNumbering?.message), /numbering/i);
    assert.ok(p.diagnostics.every((d) => d.relatedInformation === undefined));
    // And the zh-cn client with the capability gets them, in Chinese.
    const zh = await client.waitForDiagnostics('file:///notes/marker.fzbg.txt');
    const zhNumbering = zh.diagnostics.find((d) => d.code === 'heading-numbering');
    assert.match(String(zhNumbering?.message), /标题序号/);
    assert.ok((zhNumbering?.relatedInformation ?? []).length > 0);
    assert.equal(zhNumbering?.relatedInformation?.[0].location.uri, 'file:///notes/marker.fzbg.txt');
  } finally {
    en.kill();
  }
});
