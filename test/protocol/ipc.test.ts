// VS Code starts the server over node IPC (TransportKind.ipc): the same bundle must speak it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import path from 'node:path';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import type { DocumentSymbol, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/engine';
import { toDocumentSymbols } from '../../server/src/present/convert';
import { distDir, readText, seedFiles } from '../helpers/paths';

test('dist/server.js --node-ipc: initialize, diagnostics, document symbols, shutdown', async () => {
  const child = fork(path.join(distDir, 'server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const published = new Promise<PublishDiagnosticsParams>((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', resolve);
  });
  connection.listen();
  try {
    const init = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(init.capabilities.documentSymbolProvider, true);
    connection.sendNotification('initialized', {});
    const text = readText(seedFiles()[2]);
    const uri = 'file:///ipc/report.txt';
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'fazhi-report', version: 7, text } });
    const p = await published;
    assert.equal(p.uri, uri);
    assert.equal(p.version, 7);
    const symbols = await connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, toDocumentSymbols(analyze(text).outline));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
});
