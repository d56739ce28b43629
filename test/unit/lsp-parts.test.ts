// The parts the language server is wired from, tested without a connection: the client's features read once into an
// immutable record, the adaptive pause after an edit, and the presentation shared with the command line (counts by
// severity, the workspace file's errors as diagnostics).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_FEATURES, readClientFeatures, serverCapabilities } from '../../server/src/lsp/capabilities';
import { EDIT_DELAY_MIN_MS, EDIT_DELAY_MS, editDelay } from '../../server/src/lsp/scheduler';
import { configErrorDiagnostics, countBySeverity } from '../../server/src/present/convert';
import { countResults } from '../../server/src/cli/formatters/formatter';
import type { Diagnostic } from 'vscode-languageserver';

test('client features: read once, frozen; the client\'s message language wins over the editor\'s; the docs base ends in "/"', () => {
  const f = readClientFeatures({
    processId: null,
    rootUri: 'file:///w/root',
    locale: 'zh-cn',
    capabilities: {
      textDocument: { diagnostic: {}, publishDiagnostics: { relatedInformation: true }, foldingRange: { rangeLimit: 5 } },
      workspace: { configuration: true, diagnostics: { refreshSupport: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
    },
    initializationOptions: { locale: 'en', statusNotifications: true, rulesDocsBase: 'https://example.org/rules' },
  });
  assert.ok(Object.isFrozen(f));
  assert.equal(f.locale, 'en');
  assert.equal(f.pullDiagnostics, true);
  assert.equal(f.refreshSupport, true);
  assert.equal(f.relatedInformation, true);
  assert.equal(f.resourceOperations, true);
  assert.equal(f.configurationPull, true);
  assert.equal(f.foldingRangeLimit, 5);
  assert.equal(f.statusNotifications, true);
  assert.equal(f.clientWatchesFiles, false);
  assert.equal(f.rulesDocsBase, 'https://example.org/rules/');
  assert.deepEqual(f.workspaceFolders, ['/w/root'], 'no workspace folders: the root');
  assert.deepEqual(serverCapabilities(f).diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });

  const bare = readClientFeatures({ processId: null, rootUri: null, capabilities: {}, locale: 'en-US' });
  assert.equal(bare.locale, 'en');
  assert.equal(bare.pullDiagnostics, false);
  assert.equal(bare.rulesDocsBase, undefined);
  assert.equal(serverCapabilities(bare).diagnosticProvider, undefined, 'push mode: no diagnostic provider');
  assert.equal(NO_FEATURES.locale, 'zh-cn');
});

test('the pause after an edit: 150 ms before the first check, then 3 × the last check between 40 and 150 ms', () => {
  assert.equal(editDelay(undefined), EDIT_DELAY_MS);
  assert.equal(editDelay({ lastCheckMs: undefined } as never), EDIT_DELAY_MS);
  assert.equal(editDelay({ lastCheckMs: 2 } as never), EDIT_DELAY_MIN_MS);
  assert.equal(editDelay({ lastCheckMs: 20 } as never), 60);
  assert.equal(editDelay({ lastCheckMs: 400 } as never), EDIT_DELAY_MS);
});

const d = (severity: Diagnostic['severity']): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', severity });

test('counts by severity: one function for the status bar, the workspace check and the command line\'s summary', () => {
  const all = [d(1), d(2), d(2), d(3), d(4), d(4), d(4)];
  assert.deepEqual(countBySeverity(all), { error: 1, warning: 2, information: 1, hint: 3 });
  const into = { error: 1, warning: 0, information: 0, hint: 0 };
  assert.equal(countBySeverity([d(1)], into), into, 'adds to the counts given');
  assert.deepEqual(into, { error: 2, warning: 0, information: 0, hint: 0 });
  assert.deepEqual(countResults([{ diagnostics: all }, { diagnostics: [d(1)] }], 1), { files: 2, errors: 2, warnings: 2, hints: 4, unreadable: 1 });
});

test('a workspace file\'s errors: one error diagnostic each at its start, code workspace-file', () => {
  const ds = configErrorDiagnostics(['第一处 / first', '第二处 / second']);
  assert.deepEqual(ds.map((x) => [x.severity, x.code, x.source, x.message, x.range.start.line, x.range.end.character]), [
    [1, 'workspace-file', 'fazhi-report', '第一处 / first', 0, 1],
    [1, 'workspace-file', 'fazhi-report', '第二处 / second', 0, 1],
  ]);
  assert.deepEqual(configErrorDiagnostics([]), []);
});
