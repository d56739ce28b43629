// The workspace file (.fazhi-report.json) and the settings over the protocol: rules, checkOn, accepted findings and
// profile are applied per document; changing the file (didChangeWatchedFiles) or a setting re-checks open documents;
// a broken file is reported on itself and never stops checking.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EditorClient, fileUri, tempWorkspace } from './editor-client';
import { FULL, GAP } from './editor-texts';

let folder: string;
let client: EditorClient;
const workspaceFile = () => path.join(folder, '.fazhi-report.json');

before(async () => {
  folder = tempWorkspace();
  fs.mkdirSync(path.join(folder, 'sub'));
  client = await EditorClient.start({ workspaceFolder: folder });
});
after(() => client.kill());

function newPublish(uri: string, since: number) {
  return client.until(`a new publish for ${uri}`, () => client.diagnostics.slice(since).reverse().find((p) => p.uri === uri)?.diagnostics);
}

test('rules in the workspace file turn a check off or change its severity; editing the file re-checks', async () => {
  const file = path.join(folder, 'sub', 'a.fzbg.txt');
  fs.writeFileSync(file, GAP);
  const uri = fileUri(file);
  client.open(uri, GAP);
  const first = await client.published(uri);
  assert.deepEqual(first.map((d) => d.code).sort(), ['heading-numbering', 'rate-mismatch']);
  let since = client.diagnostics.length;
  fs.writeFileSync(workspaceFile(), JSON.stringify({ rules: { 'rate-mismatch': 'off', 'heading-numbering': 'error' } }));
  client.watchedFileChanged(workspaceFile(), 1);
  const second = await newPublish(uri, since);
  assert.ok(!second.some((d) => d.code === 'rate-mismatch'), 'rate-mismatch off');
  assert.deepEqual(second.filter((d) => d.code === 'heading-numbering').map((d) => d.severity), [1]);
  since = client.diagnostics.length;
  fs.writeFileSync(workspaceFile(), JSON.stringify({ accepted: [{ rule: 'heading-numbering', text: '五、2024年度推进法治政府建设的主要安排' }] }));
  client.watchedFileChanged(workspaceFile(), 2);
  const third = await newPublish(uri, since);
  assert.deepEqual(third.map((d) => d.code), ['rate-mismatch'], 'the accepted finding is silenced, the rules back to default');
  since = client.diagnostics.length;
  fs.rmSync(workspaceFile());
  client.watchedFileChanged(workspaceFile(), 3);
  const fourth = await newPublish(uri, since);
  assert.deepEqual(fourth.map((d) => d.code).sort(), ['heading-numbering', 'rate-mismatch']);
});

test('a broken workspace file: its errors are diagnostics on the file itself, checking goes on with the rest', async () => {
  const file = path.join(folder, 'sub', 'b.fzbg.txt');
  const uri = fileUri(file);
  fs.writeFileSync(workspaceFile(), '{ "rules": { "rate-mismatch": "of" }, "checkOn": "type", ');
  client.watchedFileChanged(workspaceFile(), 1);
  client.open(uri, GAP);
  const diags = await client.published(uri);
  assert.deepEqual(diags.map((d) => d.code).sort(), ['heading-numbering', 'rate-mismatch']);
  const onFile = await client.until('diagnostics on the workspace file', () =>
    client.diagnostics.find((p) => p.uri === fileUri(workspaceFile()) && p.diagnostics.length > 0),
  );
  assert.match(String(onFile.diagnostics[0].message), /不是有效的 JSON/);
  // invalid values: reported, the valid parts used
  const since = client.diagnostics.length;
  fs.writeFileSync(workspaceFile(), JSON.stringify({ rules: { 'rate-mismatch': 'of', 'heading-numbering': 'off' }, profile: 'missing.json' }));
  client.watchedFileChanged(workspaceFile(), 2);
  const after = await newPublish(uri, since);
  assert.deepEqual(after.map((d) => d.code), ['rate-mismatch'], 'heading-numbering off, the invalid severity ignored');
  const fileDiags = await client.until('new diagnostics on the workspace file', () =>
    client.diagnostics.slice(since).reverse().find((p) => p.uri === fileUri(workspaceFile()) && p.diagnostics.length > 0),
  );
  const messages = fileDiags.diagnostics.map((d) => String(d.message)).join('\n');
  assert.match(messages, /rules\.rate-mismatch/);
  assert.match(messages, /无法读取配置档案/);
  // fixed: the file's diagnostics are cleared
  const since2 = client.diagnostics.length;
  fs.writeFileSync(workspaceFile(), '{}');
  client.watchedFileChanged(workspaceFile(), 2);
  await client.until('cleared', () => client.diagnostics.slice(since2).find((p) => p.uri === fileUri(workspaceFile()) && p.diagnostics.length === 0));
  fs.rmSync(workspaceFile());
  client.watchedFileChanged(workspaceFile(), 3);
});

test('a setting change (per-rule severity) re-checks open documents', async () => {
  fs.rmSync(workspaceFile(), { force: true });
  const uri = fileUri(path.join(folder, 'c.fzbg.txt'));
  client.open(uri, GAP);
  const first = await client.published(uri);
  assert.ok(first.some((d) => d.code === 'heading-numbering' && d.severity === 2));
  const since = client.diagnostics.length;
  client.config = { detectReportsInPlainText: true, rules: { 'heading-numbering': 'hint', 'rate-mismatch': 'off' } };
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const second = await newPublish(uri, since);
  assert.ok(!second.some((d) => d.code === 'rate-mismatch'), 'rate-mismatch off');
  assert.deepEqual(second.filter((d) => d.code === 'heading-numbering').map((d) => d.severity), [4]);
  client.config = { detectReportsInPlainText: true };
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
});

test('checkOn "save": edits are not checked until the document is saved', async () => {
  const c = await EditorClient.start({ config: { detectReportsInPlainText: true, checkOn: 'save' } });
  try {
    const uri = 'file:///save/a.fzbg.txt';
    c.open(uri, FULL);
    assert.deepEqual((await c.published(uri)).map((d) => d.code), ['rate-mismatch']);
    const version = c.setText(uri, GAP);
    await new Promise((r) => setTimeout(r, 600));
    assert.ok(!c.diagnostics.some((p) => p.uri === uri && p.version === version), 'not checked while typing');
    c.save(uri);
    assert.deepEqual((await c.published(uri, version)).map((d) => d.code).sort(), ['heading-numbering', 'rate-mismatch']);
  } finally {
    c.kill();
  }
});

test('a learned profile named in the settings is used; a missing one is reported and the default used', async () => {
  const c = await EditorClient.start({ workspaceFolder: folder, config: { detectReportsInPlainText: true, profile: 'nope/profile.json' } });
  try {
    const uri = fileUri(path.join(folder, 'd.fzbg.txt'));
    c.open(uri, GAP);
    assert.deepEqual((await c.published(uri)).map((d) => d.code).sort(), ['heading-numbering', 'rate-mismatch']);
    const p = await c.until('profile error', () => c.diagnostics.find((x) => x.uri.endsWith('profile.json') && x.diagnostics.length > 0));
    assert.match(String(p.diagnostics[0].message), /无法读取配置档案/);
  } finally {
    c.kill();
  }
});
