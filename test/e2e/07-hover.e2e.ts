// Hover on a figure: how the number was read and the checks it took part in (vscode.executeHoverProvider).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { lineStartingWith, openInEditor, rangeText, waitFor } from './helpers';

function hoverText(h: vscode.Hover): string {
  return h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

describe('hover', () => {
  it('on “91件” (受理 after 收到84件): the figure, and the failed stage-order check funnel-order', async () => {
    const doc = await openInEditor('草稿-数据与结构-法治政府建设报告.txt');
    const line = lineStartingWith(doc, '(一)做好行政复议工作');
    const ch = doc.lineAt(line).text.indexOf('91件');
    const at = new vscode.Position(line, ch + 1);
    const hovers = await waitFor(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at),
      (hs) => (hs ?? []).some((h) => hoverText(h).includes('funnel-order')),
      'a hover naming funnel-order',
    );
    const ours = hovers.filter((h) => hoverText(h).includes('funnel-order'));
    assert.strictEqual(ours.length, 1);
    const text = hoverText(ours[0]);
    assert.ok(text.includes('91件'), text);
    assert.ok(/✗[^\n]*funnel-order/.test(text), `the failed check is marked ✗:\n${text}`);
    assert.ok(ours[0].range, 'the hover covers the figure');
    assert.strictEqual(rangeText(ours[0].range as vscode.Range), rangeText(new vscode.Range(line, ch, line, ch + 3)));
  });

  it('gives nothing between figures', async () => {
    const doc = await openInEditor('草稿-数据与结构-法治政府建设报告.txt');
    const line = lineStartingWith(doc, '(一)做好行政复议工作');
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 4))) ?? [];
    assert.deepStrictEqual(hovers.map(hoverText).filter((t) => t.includes('fazhi') || t.includes('Figure') || t.includes('数据')), []);
  });
});
