// Word, WPS and PDF reports over the protocol: the client's read-only view (scheme fazhi-report-doc) gets its text
// from fazhiReport/readDocument, is checked like any report (diagnostics, outline, hover, figure table) but offers
// no quick fix that edits its text; the workspace check reads documents and publishes on their views.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { fileUriOf, viewUriOf, withoutEditsTo } from '../../server/src/lsp/report-view';
import type { ReadDocumentResult } from '../../server/src/lsp/report-view';
import { fixturesDir } from '../helpers/paths';
import { EditorClient, fileUri, tempWorkspace } from './editor-client';

const docs = path.join(fixturesDir, 'docs');
let folder: string;
let client: EditorClient;

before(async () => {
  folder = tempWorkspace();
  for (const f of ['report.docx', 'report.pdf', 'scanned.pdf', 'damaged.docx']) fs.copyFileSync(path.join(docs, f), path.join(folder, f));
  fs.writeFileSync(path.join(folder, '会议纪要.docx'), fs.readFileSync(path.join(docs, 'report.docx')).subarray(0, 0));
  client = await EditorClient.start({ workspaceFolder: folder });
});
after(() => client.kill());

test('view uris: the same path under the view scheme, and back', () => {
  const file = fileUri('/tmp/清河县/报告 2023.docx');
  assert.equal(viewUriOf(file), file.replace('file://', 'fazhi-report-doc:'));
  assert.equal(fileUriOf(viewUriOf(file)), file);
  assert.equal(fileUriOf('file:///a.txt'), 'file:///a.txt');
  assert.deepEqual(
    withoutEditsTo('fazhi-report-doc:/a.docx', [
      { title: 'edit the view', edit: { changes: { 'fazhi-report-doc:/a.docx': [] } } },
      { title: 'edit the workspace file', edit: { changes: { 'file:///w/.fazhi-report.json': [] } } },
      { title: 'a command', command: { title: 'x', command: 'y' } },
    ]).map((a) => a.title),
    ['edit the workspace file', 'a command'],
  );
});

test('a .docx opened as a report: text from the server, its outline, diagnostics and hover; no quick fix edits the view', async () => {
  const view = viewUriOf(fileUri(path.join(folder, 'report.docx')));
  const read = await client.connection.sendRequest<ReadDocumentResult>('fazhiReport/readDocument', { uri: view });
  assert.ok(read.ok);
  assert.equal(read.text, fs.readFileSync(path.join(docs, 'report.txt'), 'utf8').replace(/\n$/, ''));
  client.open(view, read.text);
  const diagnostics = await client.published(view);
  const funnel = diagnostics.find((d) => d.code === 'funnel-order');
  assert.ok(funnel, JSON.stringify(diagnostics.map((d) => d.code)));
  assert.equal(funnel.range.start.line, 5);
  const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: view } });
  assert.deepEqual(
    symbols[0].children?.map((s) => s.name.slice(0, 2)),
    ['一、', '二、', '三、', '四、'],
  );
  const hover = await client.hover(view, funnel.range.start.line, funnel.range.start.character + 1);
  assert.ok(hover, 'a hover on the figure');
  const figures = await client.connection.sendRequest<{ isReport: boolean; rows: unknown[] }>('fazhiReport/figures', { textDocument: { uri: view } });
  assert.equal(figures.isReport, true);
  assert.ok(figures.rows.length > 5);
  for (const d of diagnostics) {
    const actions = await client.codeActions(view, d);
    for (const a of actions) assert.ok(!a.edit?.changes?.[view], `no edit of the read-only view: ${a.title}`);
  }
  // the same finding in a typed file does offer the comment that edits the text (so the filter above did something)
  const typed = fileUri(path.join(folder, 'typed.fzbg.txt'));
  client.open(typed, read.text);
  const typedFunnel = (await client.published(typed)).find((d) => d.code === 'funnel-order')!;
  assert.ok((await client.codeActions(typed, typedFunnel)).some((a) => a.edit?.changes?.[typed]));
});

test('readDocument: a scanned PDF or a damaged .docx is one clear line', async () => {
  const scanned = await client.connection.sendRequest<ReadDocumentResult>('fazhiReport/readDocument', { uri: viewUriOf(fileUri(path.join(folder, 'scanned.pdf'))) });
  assert.equal(scanned.ok, false);
  assert.match(!scanned.ok ? scanned.message : '', /^无法读取 .*scanned\.pdf：PDF 中没有文字层/);
  const damaged = await client.connection.sendRequest<ReadDocumentResult>('fazhiReport/readDocument', { uri: viewUriOf(fileUri(path.join(folder, 'damaged.docx'))) });
  assert.match(!damaged.ok ? damaged.message : '', /文件已损坏/);
});

test('the workspace check reads Word and PDF files, publishes on their views, and lists unreadable ones with their reason', async () => {
  const names = ['report.pdf', 'scanned.pdf', 'damaged.docx', '会议纪要.docx'];
  const uris = names.map((n) => fileUri(path.join(folder, n)));
  const r = await client.connection.sendRequest<{ checked: number; files: { uri: string; findings: number; error?: string }[]; counts: Record<string, number> }>(
    'fazhiReport/checkFiles',
    { uris },
  );
  assert.equal(r.checked, 4);
  const pdfView = viewUriOf(uris[0]);
  assert.deepEqual(r.files.find((f) => f.uri === pdfView)?.error, undefined);
  assert.ok((client.lastPublished(pdfView) ?? []).some((d) => d.code === 'funnel-order'));
  assert.equal(client.lastPublished(uris[0]), undefined, 'nothing published on the binary file itself');
  const errors = r.files.filter((f) => f.error).map((f) => path.basename(f.uri));
  assert.deepEqual(errors.sort(), ['damaged.docx', 'scanned.pdf', encodeURIComponent('会议纪要') + '.docx'].sort());
  assert.equal(r.counts.error, 2);
});
