// The Outline view's data: vscode.executeDocumentSymbolProvider on the seed reports.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { documentSymbols, openInEditor, waitFor } from './helpers';

async function outlineOf(name: string): Promise<vscode.DocumentSymbol[]> {
  const doc = await openInEditor(name);
  assert.strictEqual(doc.languageId, 'fazhi-report');
  const symbols = await waitFor(() => documentSymbols(doc.uri), (s) => !!s && s.length > 0, `the outline of ${name}`);
  return symbols as vscode.DocumentSymbol[];
}

describe('outline', () => {
  it('seed 001: the four numbered parts 一…四 at the top, with their sub-headings', async () => {
    const symbols = await outlineOf('2023年法治政府建设报告.txt');
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      [
        '一、推进法治政府建设的主要举措和成效',
        '二、推进法治政府建设存在的不足和原因',
        '三、党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况',
        '四、2024年度推进法治政府建设的主要安排',
      ],
    );
    assert.deepStrictEqual(
      symbols[0].children.map((s) => s.name),
      [
        '1.坚持“学”字为先,引领法治政府建设走深走实',
        '2.坚持“服”字为要,推动法治化营商环境向好向优',
        '3.坚持“民”字为本,促进政府治理体系提质提效',
        '4.坚持“合”字为重,保障经济社会大局安定稳定',
      ],
    );
    assert.deepStrictEqual(symbols.map((s) => s.range.start.line), [1, 18, 21, 23]);
    for (const s of symbols) assert.ok(s.range.contains(s.selectionRange), `${s.name}: selectionRange inside range`);
  });

  it('seed 002: one root, the title, whose children are 一…六 and the implicit section after them', async () => {
    const symbols = await outlineOf('2022年锡山区法治政府建设工作报告.txt');
    assert.deepStrictEqual(symbols.map((s) => s.name), ['无锡市锡山区人民政府2022年法治政府建设工作报告']);
    const root = symbols[0];
    assert.strictEqual(root.kind, vscode.SymbolKind.File);
    assert.strictEqual(root.selectionRange.start.line, 2);
    assert.deepStrictEqual(
      root.children.map((s) => s.name),
      [
        '一、坚持强化组织领导,夯实法治政府建设基础',
        '二、坚持推动改革创新,促进政务服务质效双升',
        '三、坚持持续制度供给,完善依法行政制度体系',
        '四、坚持程序统一规范,持续优化依法行政环境',
        '五、坚持深化良性互动,不断强化行政权力监督',
        '六、坚持持续多元化解,促进基层治理有力有效',
        '2023年,我区将认真落实中央、省、市有关法治政…',
      ],
    );
    // The implicit section holds the restarted (一)…(五) of the plans for 2023.
    assert.strictEqual(root.children[6].children.length, 5);
    assert.ok(root.children.every((c) => c.kind === vscode.SymbolKind.Module));
  });
});
