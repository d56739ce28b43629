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
  });
});
