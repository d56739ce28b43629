// Editing: the diagnostics follow the text. Renumber “三、” to “四、” in seed 001 → a heading-numbering warning
// appears on that marker; put “三、” back → it goes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, codeOf, describeDiagnostics, lineStartingWith, openInEditor, rangeText, sleep, waitForDiagnostics } from './helpers';

describe('editing', () => {
  after(closeAllWithoutSaving);

  it('introducing a numbering gap shows heading-numbering, removing it clears it', async () => {
    const doc = await openInEditor('2023年法治政府建设报告.txt');
    const numbering = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'heading-numbering');
    // Seed 001 is numbered correctly; give the server a moment to have published for it, then check.
    await sleep(500);
    assert.deepStrictEqual(numbering(vscode.languages.getDiagnostics(doc.uri)), [], 'seed 001 starts without numbering problems');

    const line = lineStartingWith(doc, '三、党政主要负责人');
    const marker = new vscode.Range(line, 0, line, 1);
    const gap = new vscode.WorkspaceEdit();
    gap.replace(doc.uri, marker, '四');
    assert.ok(await vscode.workspace.applyEdit(gap), 'edit applied');
    assert.ok(doc.lineAt(line).text.startsWith('四、党政'));

    const after = await waitForDiagnostics(doc.uri, (ds) => numbering(ds).length > 0, 'heading-numbering after the edit');
    const found = numbering(after);
    assert.strictEqual(found.length, 1, describeDiagnostics(after));
    assert.strictEqual(rangeText(found[0].range), rangeText(new vscode.Range(line, 0, line, 2)));
    assert.ok(found[0].message.includes('三、'), found[0].message);

    const fix = new vscode.WorkspaceEdit();
    fix.replace(doc.uri, marker, '三');
    assert.ok(await vscode.workspace.applyEdit(fix), 'edit applied');
    await waitForDiagnostics(doc.uri, (ds) => numbering(ds).length === 0, 'heading-numbering to disappear after the fix');
  });
});
