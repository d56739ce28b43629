// Folding: one range per multi-line section, from the same outline (vscode.executeFoldingRangeProvider).
import * as assert from 'assert';
import { documentSymbols, foldingRanges, openInEditor, waitFor } from './helpers';
import type * as vscode from 'vscode';

describe('folding', () => {
  it('seed 001 folds each numbered part and each multi-line sub-heading', async () => {
    const doc = await openInEditor('2023年法治政府建设报告.txt');
    const ranges = (await waitFor(() => foldingRanges(doc.uri), (r) => !!r && r.length > 0, 'folding ranges')) as vscode.FoldingRange[];
    const pairs = ranges.map((r) => `${r.start}-${r.end}`);
    // 一 (lines 1–17) and its four numbered sub-headings, 二, 三, 四 (0-based lines)
    for (const expected of ['1-17', '2-5', '6-9', '10-13', '14-17', '18-20', '21-22', '23-26']) {
      assert.ok(pairs.includes(expected), `folding range ${expected} missing from ${pairs.join(', ')}`);
    }
    // Every range is a section of the outline, none spans a single line.
    const symbols = (await documentSymbols(doc.uri)) ?? [];
    const sections = new Set<string>();
    const walk = (ss: vscode.DocumentSymbol[]): void =>
      ss.forEach((s) => {
        sections.add(`${s.range.start.line}-${s.range.end.line}`);
        walk(s.children);
      });
    walk(symbols);
    for (const r of ranges) {
      assert.ok(r.end > r.start, `range ${r.start}-${r.end} spans more than one line`);
      assert.ok(sections.has(`${r.start}-${r.end}`), `range ${r.start}-${r.end} is an outline section`);
    }
  });

  it('an unrelated text file gets no folding ranges from the extension', async () => {
    const doc = await openInEditor('notes.txt');
    const ranges = await foldingRanges(doc.uri);
    assert.strictEqual(ranges?.length ?? 0, 0, `notes.txt: ${JSON.stringify(ranges)}`);
  });
});
