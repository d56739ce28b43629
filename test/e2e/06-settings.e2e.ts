// Settings: fazhiReport.detectReportsInPlainText decides whether a plain-text file that merely looks like a report
// (not named like one) is checked. Turning it off removes its diagnostics and outline; turning it on brings them back.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, codeOf, documentSymbols, openInEditor, ours, waitForDiagnostics } from './helpers';

const SECTION = 'fazhiReport';
const KEY = 'detectReportsInPlainText';

describe('settings', () => {
  after(async () => {
    await vscode.workspace.getConfiguration(SECTION).update(KEY, undefined, vscode.ConfigurationTarget.Global);
    await closeAllWithoutSaving();
  });

  it('detectReportsInPlainText=false drops the diagnostics of a report-like plain-text file; true brings them back', async () => {
    assert.strictEqual(vscode.workspace.getConfiguration(SECTION).get(KEY), true, 'default is on');
    const doc = await openInEditor('plain-draft.txt');
    assert.strictEqual(doc.languageId, 'plaintext', 'not named like a report: plain text');
    const withGap = (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'heading-numbering');
    await waitForDiagnostics(doc.uri, withGap, 'heading-numbering on the report-like plain-text file');
    assert.ok(((await documentSymbols(doc.uri)) ?? []).length > 0, 'it has an outline while detected');

    await vscode.workspace.getConfiguration(SECTION).update(KEY, false, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'the diagnostics to go when detection is off');
    // (The outline is not re-checked here: VS Code caches document symbols per document version, so a settings
    // change alone does not make it ask again.)
    assert.deepStrictEqual(ours(doc.uri), []);

    await vscode.workspace.getConfiguration(SECTION).update(KEY, true, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(doc.uri, withGap, 'the diagnostics to come back when detection is on again');
  });
});
