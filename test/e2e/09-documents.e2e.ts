// A Word report in the workspace opened as a report (fazhiReport.openAsReport, the explorer's "以报告方式打开"): a
// read-only view of its text with Word's automatic numbers drawn, its outline, its diagnostics, and no quick fix
// that would edit the view.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, documentSymbols, ours, waitFor, waitForDiagnostics, workspaceUri } from './helpers';

const DOCX = '清河县2023年法治政府建设情况报告.docx';

describe('Word reports', () => {
  it('a .docx opened as a report: its outline (numbers from Word\'s numbering) and a funnel-order diagnostic', async () => {
    await vscode.commands.executeCommand('fazhiReport.openAsReport', workspaceUri(DOCX));
    const editor = await waitFor(
      () => vscode.window.activeTextEditor,
      (e) => !!e && e.document.uri.scheme === 'fazhi-report-doc',
      'the report view to open',
    );
    const doc = editor!.document;
    assert.strictEqual(doc.languageId, 'fazhi-report');
    assert.ok(doc.getText().startsWith('清河县人民政府关于2023年度法治政府建设情况的报告\n'), doc.getText().slice(0, 80));

    const symbols = await waitFor(() => documentSymbols(doc.uri), (s) => !!s && s.length > 0, 'the outline of the .docx');
    assert.deepStrictEqual(
      symbols![0].children.map((s) => s.name.slice(0, 2)),
      ['一、', '二、', '三、', '四、'],
    );

    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'funnel-order'), 'funnel-order on the .docx view');
    const funnel = ours(doc.uri, 'funnel-order');
    assert.strictEqual(funnel.length, 1, describeDiagnostics(diagnostics));
    assert.strictEqual(funnel[0].range.start.line, 5);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, funnel[0].range);
    for (const a of actions ?? []) {
      const edits = a.edit?.get(doc.uri) ?? [];
      assert.strictEqual(edits.length, 0, `no edit of the read-only view: ${a.title}`);
    }
  });
});
