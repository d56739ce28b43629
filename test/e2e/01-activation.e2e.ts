// Activation: the installed extension is the one under test, it declares only lazy activation events, it starts
// for a report file and checks it, and it leaves an ordinary text file alone.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, describeDiagnostics, documentSymbols, openInEditor, ours, sleep, waitFor, waitForDiagnostics } from './helpers';

const suiteLoaded = Date.now();
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
      `[e2e] activation: ${activeAtLoad ? 'already active when the suite loaded (workspaceContains at start-up)' : 'not active when the suite loaded'}; ` +
        `active ${active - suiteLoaded} ms after the suite loaded (${active - opened} ms after opening the draft); ` +
        `first diagnostics ${firstDiagnostics - opened} ms after opening the draft`,
    );

    // The notes have a numbering gap (一、二、四) that a check would report; they must stay unchecked.
    await sleep(1000);
    assert.deepStrictEqual(ours(notes.uri), [], `notes.txt must not be checked, got:\n  ${describeDiagnostics(ours(notes.uri))}`);
    const symbols = await documentSymbols(notes.uri);
    assert.strictEqual(symbols?.length ?? 0, 0, 'notes.txt must have no outline from the extension');
  });
});
