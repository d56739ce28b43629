// Activation: the installed extension is the one under test, it declares only lazy activation events, it starts
// for a report file and checks it, and it leaves an ordinary text file alone.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, describeDiagnostics, documentSymbols, openInEditor, ours, sleep, waitFor, waitForDiagnostics } from './helpers';

const activeAtLoad = vscode.extensions.getExtension(EXTENSION_ID)?.isActive ?? false;

describe('activation', () => {
  it('is installed with lazy activation events only (never "*")', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    console.log(`[e2e] extension under test: ${ext.id} ${ext.packageJSON.version} from ${ext.extensionPath}`);
    // The code-server runner installs the .vsix and says where it must have landed: prove the packaged extension is tested.
    const expected = process.env.FAZHI_E2E_EXTENSIONS_DIR;
    if (expected) {
      assert.strictEqual(path.dirname(ext.extensionPath), expected, 'the extension should be the one installed from the .vsix');
    }
    const events: string[] = ext.packageJSON.activationEvents ?? [];
    assert.ok(events.length > 0, 'activationEvents must be declared');
    assert.ok(!events.includes('*'), `activationEvents must stay lazy, got ${JSON.stringify(events)}`);
    assert.ok(!events.includes('onStartupFinished'), `activationEvents must stay lazy, got ${JSON.stringify(events)}`);
  });

  it('activates for a report file and checks it; an unrelated text file gets nothing', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);

    // The unrelated file first: whatever opens it, it must never be checked.
    const notes = await openInEditor('notes.txt');
    assert.strictEqual(notes.languageId, 'plaintext');

    const opened = Date.now();
    const draft = await openInEditor('草稿-2023年法治政府建设报告.txt');
    assert.strictEqual(draft.languageId, 'fazhi-report', 'a file named like a report opens in the report language');
    await waitFor(() => ext.isActive, (v) => v, 'the extension to be active', 30_000);
    const active = Date.now();
    await waitForDiagnostics(draft.uri, (ds) => ds.length > 0, 'the first diagnostics of the draft', 30_000);
    const firstDiagnostics = Date.now();
    console.log(
      `[e2e] activation: ${
        activeAtLoad
          ? 'already active when the suite loaded (activated at start-up by workspaceContains)'
          : `active ${active - opened} ms after opening the draft`
      }; first diagnostics ${firstDiagnostics - opened} ms after opening the draft`,
    );

    // The notes have a numbering gap (一、二、四) that a check would report; they must stay unchecked.
    await sleep(1000);
    assert.deepStrictEqual(ours(notes.uri), [], `notes.txt must not be checked, got:\n  ${describeDiagnostics(ours(notes.uri))}`);
    const symbols = await documentSymbols(notes.uri);
    assert.strictEqual(symbols?.length ?? 0, 0, 'notes.txt must have no outline from the extension');
  });

  it('restarts its language server on fazhiReport.restartServer, and the diagnostics come back', async () => {
    const draft = await openInEditor('草稿-2023年法治政府建设报告.txt');
    await waitForDiagnostics(draft.uri, (ds) => ds.length > 0, 'diagnostics before the restart');
    // Proof that the server really went away and came back: its diagnostics are cleared, then published again.
    let cleared = false;
    const watch = vscode.languages.onDidChangeDiagnostics(() => {
      if (ours(draft.uri).length === 0) cleared = true;
    });
    const t0 = Date.now();
    await vscode.commands.executeCommand('fazhiReport.restartServer');
    const restarted = Date.now();
    // The client clears what the old server published; the new one must publish it again.
    const ds = await waitForDiagnostics(
      draft.uri,
      (d) => cleared && d.some((x) => codeOf(x) === 'heading-numbering'),
      'diagnostics to be cleared by the stop and published again by the new server',
    ).finally(() => watch.dispose());
    const back = Date.now();
    assert.ok(cleared && ds.length > 0);
    console.log(`[e2e] activation: language server restart ${restarted - t0} ms (stop, start, initialize); diagnostics back ${back - t0} ms after the command`);
  });
});
