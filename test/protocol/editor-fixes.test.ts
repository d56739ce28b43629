// Quick fixes over the protocol, applied as an editor applies them (the WorkspaceEdit to the text, then didChange;
// files on disk written, then didChangeWatchedFiles) and re-checked: the finding is gone and nothing else changed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { EditorClient, fileUri, key, tempWorkspace } from './editor-client';
import { FULL, GAP, MISSING } from './editor-texts';

let client: EditorClient;
let n = 0;
before(async () => {
  client = await EditorClient.start({ locale: 'zh-cn' });
});
after(() => client.kill());

const others = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code !== code).map(key).sort();

async function openAndWait(text: string, languageId = 'fazhi-report', ext = '.fzbg.txt'): Promise<{ uri: string; diags: Diagnostic[] }> {
  const uri = `file:///fixes/doc${++n}${ext}`;
  client.open(uri, text, languageId);
  return { uri, diags: await client.published(uri) };
}

for (const [name, text, code, expected] of [
  ['rate-mismatch: the rate replaced by the value its counts give, at the written precision', FULL, 'rate-mismatch', '化解率达到99.5%。'],
  ['heading-numbering: renumbered', GAP, 'heading-numbering', '四、2024年度推进法治政府建设的主要安排'],
  ['missing-section: the heading inserted, numbered to fit', MISSING, 'missing-section', '三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况'],
] as const) {
  test(`quick fix ${name}`, async () => {
    const { uri, diags } = await openAndWait(text);
    const d = diags.find((x) => x.code === code);
    assert.ok(d, `${code} is reported: ${JSON.stringify(diags.map((x) => x.code))}`);
    const actions = await client.codeActions(uri, d);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `a preferred fix: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics?.map((x) => x.code), [code]);
    client.applyEdit(fix.edit);
    assert.ok(client.texts.get(uri)!.text.includes(expected), client.texts.get(uri)!.text);
    const afterFix = await client.published(uri);
    assert.equal(afterFix.filter((x) => x.code === code).length, 0, 'the finding is gone');
    assert.deepEqual(others(afterFix, code), others(diags, code), 'nothing else changed');
  });
}

test('only one fix is preferred per finding, and every finding offers suppress and (in a file) ignore-in-workspace', async () => {
  const { uri, diags } = await openAndWait(GAP);
  for (const d of diags) {
    const actions = await client.codeActions(uri, d);
    assert.ok(actions.filter((a) => a.isPreferred).length <= 1);
    assert.ok(actions.some((a) => a.title.startsWith('在此行之前加忽略注释')), 'suppress');
    assert.ok(actions.some((a) => a.title.startsWith('在本工作区忽略')), 'ignore in workspace');
  }
});

for (const [languageId, ext, comment] of [
  ['plaintext', '.txt', '// fazhi-report-disable-next-line'],
  ['markdown', '.md', '<!-- fazhi-report-disable-next-line'],
] as const) {
  test(`suppress on this line (${languageId}): the comment is inserted above, the finding is gone, the rest unchanged`, async () => {
    const base = await openAndWait(GAP, languageId, ext);
    assert.ok(base.diags.length >= 2);
    for (const d of base.diags) {
      const { uri, diags } = await openAndWait(GAP, languageId, ext);
      const action = (await client.codeActions(uri, diags.find((x) => key(x) === key(d))!)).find((a) =>
        a.title.startsWith('在此行之前加忽略注释'),
      ) as CodeAction;
      client.applyEdit(action.edit!);
      const lines = client.texts.get(uri)!.text.split('\n');
      assert.ok(lines[d.range.start.line].startsWith(`${comment} ${d.code}`), lines[d.range.start.line]);
      const afterFix = await client.published(uri);
      assert.equal(afterFix.filter((x) => x.code === d.code).length, diags.filter((x) => x.code === d.code).length - 1);
      assert.deepEqual(afterFix.map(key).sort(), diags.filter((x) => x !== diags.find((y) => key(y) === key(d))).map(key).sort());
    }
  });
}

for (const resourceOperations of [true, false]) {
  test(`ignore in this workspace (${resourceOperations ? 'a WorkspaceEdit creating .fazhi-report.json' : 'a command the server runs'})`, async () => {
    const folder = tempWorkspace();
    fs.mkdirSync(path.join(folder, 'drafts'));
    const file = path.join(folder, 'drafts', '报告.fzbg.txt');
    fs.writeFileSync(file, GAP);
    const c = await EditorClient.start({ workspaceFolder: folder, resourceOperations });
    try {
      const uri = fileUri(file);
      c.open(uri, GAP);
      const diags = await c.published(uri);
      const d = diags.find((x) => x.code === 'rate-mismatch')!;
      const action = (await c.codeActions(uri, d)).find((a) => a.title.startsWith('在本工作区忽略'))!;
      const before = c.diagnostics.length;
      const workspaceFile = path.join(folder, '.fazhi-report.json');
      if (resourceOperations) {
        assert.ok(action.edit && !action.command);
        c.applyEdit(action.edit);
        c.watchedFileChanged(workspaceFile, 1);
      } else {
        assert.equal(action.command?.command, 'fazhiReport.ignoreInWorkspace');
        await c.connection.sendRequest('workspace/executeCommand', { command: action.command!.command, arguments: action.command!.arguments });
      }
      const json = JSON.parse(fs.readFileSync(workspaceFile, 'utf8')) as { accepted: unknown[] };
      assert.deepEqual(json.accepted, [{ rule: 'rate-mismatch', text: '全年受理调解案件8608起，成功调结8568件，化解率达到98.5%。' }]);
      const afterFix = await c.until('a re-check', () => c.diagnostics.slice(before).reverse().find((p) => p.uri === uri)?.diagnostics);
      assert.equal(afterFix.filter((x) => x.code === 'rate-mismatch').length, 0);
      assert.deepEqual(others(afterFix, 'rate-mismatch'), others(diags, 'rate-mismatch'));
    } finally {
      c.kill();
    }
  });
}

test('an untitled buffer gets no ignore-in-workspace fix (there is no folder to write to)', async () => {
  const uri = 'untitled:Untitled-1';
  client.open(uri, FULL, 'fazhi-report');
  const diags = await client.published(uri);
  const actions = await client.codeActions(uri, diags[0]);
  assert.ok(actions.some((a) => a.title.startsWith('在此行之前加忽略注释')));
  assert.ok(!actions.some((a) => a.title.startsWith('在本工作区忽略')));
});
