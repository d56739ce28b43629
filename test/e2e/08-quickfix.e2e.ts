// Quick fixes: the preferred code action offered for a diagnostic (vscode.executeCodeActionProvider), applied through
// workspace.applyEdit, removes it; the document is reverted afterwards.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllWithoutSaving, codeOf, describeDiagnostics, lineStartingWith, openInEditor, waitForDiagnostics } from './helpers';

/** The preferred quick fix offered at the diagnostic (the engine's own fix, before "suppress" and "ignore"). */
async function preferredFix(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const all =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    )) ?? [];
  const actions = all.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
  const preferred = actions.filter((a) => a.isPreferred && a.edit);
  assert.strictEqual(preferred.length, 1, `one preferred quick fix with an edit, got: ${JSON.stringify(actions.map((a) => a.title))}`);
  return preferred[0];
}

describe('quick fixes', () => {
  afterEach(closeAllWithoutSaving);

  it('heading-numbering: the renumber fix turns “四、” into “三、” and the diagnostic goes', async () => {
    const doc = await openInEditor('草稿-2023年法治政府建设报告.txt');
    const [d] = (await waitForDiagnostics(doc.uri, (ds) => ds.some((x) => codeOf(x) === 'heading-numbering'), 'heading-numbering')).filter(
      (x) => codeOf(x) === 'heading-numbering',
    );
    const fix = await preferredFix(doc.uri, d);
    assert.ok(fix.title.includes('三、'), fix.title);
    assert.ok(await vscode.workspace.applyEdit(fix.edit as vscode.WorkspaceEdit), `applied “${fix.title}”`);
    const line = lineStartingWith(doc, '三、2024年度');
    assert.ok(line > 0);
    const after = await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => codeOf(x) === 'heading-numbering'), 'heading-numbering to go after the fix');
    assert.ok(!after.some((x) => codeOf(x) === 'heading-numbering'), describeDiagnostics(after));
  });

  it('missing-section: the insert-heading fix adds “二、推进法治政府建设存在的不足和原因” and the diagnostic goes', async () => {
    const doc = await openInEditor('草稿-数据与结构-法治政府建设报告.txt');
    const [d] = (await waitForDiagnostics(doc.uri, (ds) => ds.some((x) => codeOf(x) === 'missing-section'), 'missing-section')).filter(
      (x) => codeOf(x) === 'missing-section',
    );
    const fix = await preferredFix(doc.uri, d);
    assert.ok(fix.title.includes('二、推进法治政府建设存在的不足和原因'), fix.title);
    assert.ok(await vscode.workspace.applyEdit(fix.edit as vscode.WorkspaceEdit), `applied “${fix.title}”`);
    assert.ok(lineStartingWith(doc, '二、推进法治政府建设存在的不足和原因') > 0);
    const after = await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => codeOf(x) === 'missing-section' || codeOf(x) === 'heading-numbering'), 'missing-section to go after the fix');
    assert.ok(after.every((x) => codeOf(x) !== 'missing-section'), describeDiagnostics(after));
  });
});
