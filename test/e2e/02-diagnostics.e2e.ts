// Diagnostics as a drafter sees them: code, range, severity and related information, for drafts with known faults.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, lineStartingWith, openInEditor, rangeText, waitForDiagnostics } from './helpers';

describe('diagnostics', () => {
  it('a draft with a heading-numbering gap (一、二、四) gets one heading-numbering warning on “四、”, pointing at “二、”', async () => {
    const doc = await openInEditor('草稿-2023年法治政府建设报告.txt');
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'heading-numbering'), 'heading-numbering');
    const numbering = ds.filter((d) => codeOf(d) === 'heading-numbering');
    assert.strictEqual(numbering.length, 1, `expected exactly one heading-numbering diagnostic:\n  ${describeDiagnostics(ds)}`);
    const d = numbering[0];

    const four = lineStartingWith(doc, '四、2024年度');
    const two = lineStartingWith(doc, '二、推进法治政府建设存在的不足和原因');
    assert.strictEqual(rangeText(d.range), rangeText(new vscode.Range(four, 0, four, 2)), 'the range is the marker “四、”');
    assert.strictEqual(doc.getText(d.range), '四、');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(d.source, 'fazhi-report');
    assert.ok(d.message.includes('三、') && d.message.includes('四、'), `the message names the expected and found markers: ${d.message}`);

    assert.ok(d.relatedInformation, 'related information is sent (VS Code supports it)');
    assert.strictEqual(d.relatedInformation.length, 1);
    const rel = d.relatedInformation[0];
    assert.strictEqual(rel.location.uri.toString(), doc.uri.toString());
    assert.strictEqual(rangeText(rel.location.range), rangeText(new vscode.Range(two, 0, two, doc.lineAt(two).text.length)), 'related: the previous heading “二、…”');
    assert.ok(rel.message.length > 0);

    // The code links to the rule's page, a file inside the installed extension (packed into the .vsix).
    assert.ok(typeof d.code === 'object' && d.code !== null, 'the code carries a link (codeDescription)');
    const target = (d.code as { value: string | number; target: vscode.Uri }).target;
    assert.ok(target.path.endsWith('/docs/rules/heading-numbering.md'), target.toString());
    const stat = await vscode.workspace.fs.stat(target);
    assert.ok(stat.size > 0, `${target.toString()} exists in the installed extension`);
  });

  it('a draft with a figure contradiction, a missing section and an unbacked rate gets funnel-order, missing-section and unbacked-metric', async () => {
    const doc = await openInEditor('草稿-数据与结构-法治政府建设报告.txt');
    const wanted = ['funnel-order', 'missing-section', 'unbacked-metric'];
    const ds = await waitForDiagnostics(doc.uri, (d) => wanted.every((c) => d.some((x) => codeOf(x) === c)), wanted.join(', '));
    const only = (code: string): vscode.Diagnostic => {
      const found = ds.filter((d) => codeOf(d) === code);
      assert.strictEqual(found.length, 1, `expected one ${code}:\n  ${describeDiagnostics(ds)}`);
      return found[0];
    };
    /** The range of `needle` on the line that starts with `linePrefix`. */
    const at = (linePrefix: string, needle: string): vscode.Range => {
      const line = lineStartingWith(doc, linePrefix);
      const ch = doc.lineAt(line).text.indexOf(needle);
      assert.ok(ch >= 0, `“${needle}” on line ${line}`);
      return new vscode.Range(line, ch, line, ch + needle.length);
    };

    // 收到行政复议申请84件,受理91件: more accepted than received.
    const funnel = only('funnel-order');
    assert.strictEqual(funnel.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(rangeText(funnel.range), rangeText(at('(一)做好行政复议工作', '91件')));
    assert.ok(funnel.message.includes('91') && funnel.message.includes('84'), funnel.message);
    assert.deepStrictEqual(
      (funnel.relatedInformation ?? []).map((r) => [r.location.uri.toString(), rangeText(r.location.range)]),
      [
        [doc.uri.toString(), rangeText(at('(一)做好行政复议工作', '84件'))],
        [doc.uri.toString(), rangeText(at('(一)做好行政复议工作', '91件'))],
      ],
      'related information: the earlier stage (收到 84件) and the later one (受理 91件)',
    );

    // No part on shortcomings and their causes: reported on the section after which it belongs.
    const missing = only('missing-section');
    assert.strictEqual(missing.severity, vscode.DiagnosticSeverity.Warning);
    const one = lineStartingWith(doc, '一、推进法治政府建设的主要举措和成效');
    assert.strictEqual(rangeText(missing.range), rangeText(new vscode.Range(one, 0, one, doc.lineAt(one).text.length)));
    assert.ok(missing.message.includes('二、推进法治政府建设存在的不足和原因'), missing.message);

    // 合格率均达到100% with no counts behind it.
    const unbacked = only('unbacked-metric');
    assert.strictEqual(unbacked.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(rangeText(unbacked.range), rangeText(at('(二)提升执法水平', '100%')));
    assert.ok(unbacked.message.includes('合格率'), unbacked.message);
  });
});
