// After the tests, for the code-server runner's picture: seed 002 open in the editor, the Problems panel
// showing its findings and the Outline view expanded. The runner takes the screenshot when it reads the marker.
import * as vscode from 'vscode';
import { closeAllWithoutSaving, openInEditor, sleep, waitForDiagnostics } from './helpers';

export const SCREENSHOT_READY = '[e2e] screenshot-ready';

export async function prepareScreenshot(): Promise<void> {
  await closeAllWithoutSaving();
  const name = process.env.FAZHI_E2E_SCREENSHOT_FILE || '2022年锡山区法治政府建设工作报告.txt';
  const doc = await openInEditor(name);
  await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, `diagnostics of ${name}`).catch(() => undefined);
  await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders').then(undefined, () => undefined);
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
  await vscode.commands.executeCommand('outline.focus');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const editor = vscode.window.activeTextEditor;
  const first = vscode.languages.getDiagnostics(doc.uri)[0];
  if (editor && first) {
    await vscode.window.showTextDocument(doc, { preview: false });
    editor.selection = new vscode.Selection(first.range.start, first.range.start);
    editor.revealRange(first.range, vscode.TextEditorRevealType.InCenter);
  }
  // The Outline view asks for the symbols itself; give it time to show them expanded.
  await sleep(3000);
  console.log(SCREENSHOT_READY);
  // Keep the workbench as it is while the runner takes the picture.
  await sleep(Number(process.env.FAZHI_E2E_SCREENSHOT_HOLD_MS || 5000));
}
