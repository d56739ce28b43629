// Pull and push diagnostics, rule links (codeDescription), both locales, hovers, the figure table request and the
// workspace check, against the built server over stdio.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EditorClient, fileUri, tempWorkspace } from './editor-client';
import { FULL, GAP, MISSING } from './editor-texts';
import { repoRoot } from '../helpers/paths';
import { allRules } from '../../server/src/engine';

const codes = allRules.map((r) => r.code);

test('pull diagnostics: a client with textDocument.diagnostic pulls them, nothing is pushed', async () => {
  const c = await EditorClient.start({ pull: true });
  try {
    assert.ok((c as unknown as { connection: unknown }).connection);
    const uri = 'file:///pull/a.fzbg.txt';
    c.open(uri, GAP);
    const items = await c.pull(uri);
    assert.deepEqual(items.map((d) => d.code).sort(), ['heading-numbering', 'rate-mismatch']);
    c.setText(uri, FULL);
    assert.deepEqual((await c.pull(uri)).map((d) => d.code), ['rate-mismatch']);
    // a plain-text file that is not a report: empty
    c.open('file:///pull/list.txt', '购物清单\n一、苹果\n三、梨\n', 'plaintext');
    assert.deepEqual(await c.pull('file:///pull/list.txt'), []);
    // a setting change asks the client to pull again
    c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.until('a diagnostic refresh', () => c.refreshes.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!c.diagnostics.some((p) => p.uri === uri), 'no push in pull mode');
  } finally {
    c.kill();
  }
});

test('push diagnostics: a client without textDocument.diagnostic gets publishDiagnostics; no diagnosticProvider', async () => {
  const c = await EditorClient.start({ pull: false });
  try {
    const uri = 'file:///push/a.fzbg.txt';
    c.open(uri, GAP);
    assert.deepEqual((await c.published(uri)).map((d) => d.code).sort(), ['heading-numbering', 'rate-mismatch']);
  } finally {
    c.kill();
  }
});

test('every diagnostic links its rule page (codeDescription.href → docs/rules/<code>.md of the installation)', async () => {
  const c = await EditorClient.start({});
  try {
    const uri = 'file:///links/a.fzbg.txt';
    c.open(uri, MISSING.replace('三、2024', '五、2024'));
    const ds = await c.published(uri);
    assert.ok(ds.length >= 3);
    for (const d of ds) {
      const href = d.codeDescription?.href;
      assert.ok(href, `${d.code} has codeDescription`);
      assert.equal(fileURLToPath(href), path.join(repoRoot, 'docs', 'rules', `${d.code}.md`));
    }
  } finally {
    c.kill();
  }
  const c2 = await EditorClient.start({ initializationOptions: { rulesDocsBase: 'https://example.org/fazhi/rules' } });
  try {
    const uri = 'file:///links/b.fzbg.txt';
    c2.open(uri, FULL);
    const [d] = await c2.published(uri);
    assert.equal(d.codeDescription?.href, 'https://example.org/fazhi/rules/rate-mismatch.md');
  } finally {
    c2.kill();
  }
  assert.ok(codes.length > 5);
});

test('locale: the same finding in Chinese (zh-cn) and English (en), and the quick fix titles too', async () => {
  const zh = await EditorClient.start({ locale: 'zh-cn' });
  const en = await EditorClient.start({ locale: 'en' });
  try {
    const uri = 'file:///locale/a.fzbg.txt';
    zh.open(uri, GAP);
    en.open(uri, GAP);
    const [dz, de] = [await zh.published(uri), await en.published(uri)];
    const hz = dz.find((d) => d.code === 'heading-numbering')!;
    const he = de.find((d) => d.code === 'heading-numbering')!;
    assert.match(String(hz.message), /标题序号不连续/);
    assert.doesNotMatch(String(he.message), /标题序号不连续/);
    assert.match(String(he.message), /numbering/i);
    const az = (await zh.codeActions(uri, hz)).map((a) => a.title);
    const ae = (await en.codeActions(uri, he)).map((a) => a.title);
    assert.ok(az.some((t) => t.startsWith('在此行之前加忽略注释')));
    assert.ok(ae.some((t) => t.startsWith('Suppress heading-numbering')));
  } finally {
    zh.kill();
    en.kill();
  }
});

test('hover: a figure shows what it was read as and the checks it failed; a heading the part it was recognised as', async () => {
  const c = await EditorClient.start({ locale: 'zh-cn' });
  try {
    const uri = 'file:///hover/a.fzbg.txt';
    c.open(uri, FULL);
    await c.published(uri);
    const rate = await c.hover(uri, 2, 31);
    const value = (rate?.contents as { value: string }).value;
    assert.match(value, /98\.5%/);
    assert.match(value, /✗ `rate-mismatch`/);
    const count = await c.hover(uri, 2, 9);
    assert.match((count?.contents as { value: string }).value, /8608/);
    const heading = await c.hover(uri, 3, 3);
    assert.match((heading?.contents as { value: string }).value, /本节识别为：存在的不足、不足的原因/);
    const plan = await c.hover(uri, 7, 3);
    assert.match((plan?.contents as { value: string }).value, /本节识别为：下一年度的主要安排/);
    assert.equal(await c.hover(uri, 8, 1), null, 'plain text: no hover');
    // the missing part: what is expected and what the fix inserts
    const m = 'file:///hover/m.fzbg.txt';
    c.open(m, MISSING);
    const d = (await c.published(m)).find((x) => x.code === 'missing-section')!;
    const mh = (await c.hover(m, d.range.start.line, d.range.start.character + 1))?.contents as { value: string };
    assert.match(mh.value, /缺少的部分.*第一责任人/);
    assert.match(mh.value, /快速修复会插入标题：三、党政主要负责人/);
  } finally {
    c.kill();
  }
  const en = await EditorClient.start({ locale: 'en' });
  try {
    const uri = 'file:///hover/a.fzbg.txt';
    en.open(uri, FULL);
    await en.published(uri);
    assert.match(((await en.hover(uri, 3, 3))?.contents as { value: string }).value, /Recognised as: shortcomings/);
  } finally {
    en.kill();
  }
});

test('fazhiReport/figures: one row per figure with what it was read as and its checks', async () => {
  const c = await EditorClient.start({});
  try {
    const uri = 'file:///figures/a.fzbg.txt';
    c.open(uri, FULL);
    await c.published(uri);
    const r = await c.connection.sendRequest<{ isReport: boolean; rows: { text: string; line: number; status: string; checks: { code: string; ok: boolean }[] }[] }>(
      'fazhiReport/figures',
      { textDocument: { uri } },
    );
    assert.equal(r.isReport, true);
    assert.deepEqual(r.rows.map((x) => x.text), ['8608起', '8568件', '98.5%']);
    const pct = r.rows[2];
    assert.equal(pct.status, 'failed');
    assert.ok(pct.checks.some((x) => x.code === 'rate-mismatch' && !x.ok));
    c.open('file:///figures/list.txt', '购物清单\n苹果3个\n', 'plaintext');
    const none = await c.connection.sendRequest<{ isReport: boolean; rows: unknown[] }>('fazhiReport/figures', { textDocument: { uri: 'file:///figures/list.txt' } });
    assert.deepEqual([none.isReport, none.rows], [false, []]);
  } finally {
    c.kill();
  }
});

test('fazhiReport/checkFiles: unopened reports are read, checked and published; other files skipped; a summary', async () => {
  const folder = tempWorkspace();
  const files = {
    'a.fzbg.txt': GAP,
    'b.md': FULL,
    'notes.txt': '购物清单\n一、苹果\n三、梨\n',
    '2023年法治政府建设情况报告.txt': MISSING,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  const c = await EditorClient.start({ workspaceFolder: folder });
  try {
    const uris = Object.keys(files).map((n) => fileUri(path.join(folder, n)));
    const r = await c.connection.sendRequest<{ checked: number; reports: number; cancelled: boolean; counts: Record<string, number>; files: { uri: string; findings: number }[] }>(
      'fazhiReport/checkFiles',
      { uris: [...uris, fileUri(path.join(folder, 'gone.txt'))] },
    );
    assert.equal(r.checked, 5);
    assert.equal(r.cancelled, false);
    assert.deepEqual(r.files.filter((f) => f.findings > 0).map((f) => path.basename(fileURLToPath(f.uri))).sort(), ['2023年法治政府建设情况报告.txt', 'a.fzbg.txt', 'b.md']);
    assert.equal(r.counts.error, 3);
    assert.deepEqual(c.lastPublished(uris[0])?.map((d) => d.code).sort(), ['heading-numbering', 'rate-mismatch']);
    assert.equal(c.lastPublished(uris[2]), undefined, 'not a report: nothing published');
  } finally {
    c.kill();
  }
});

test('fazhiReport/checkFiles with summary: each report comes with its diagnostics, text and summary (the review page)', async () => {
  const folder = tempWorkspace();
  fs.writeFileSync(path.join(folder, 'a.fzbg.txt'), GAP);
  fs.writeFileSync(path.join(folder, 'notes.txt'), '购物清单\n一、苹果\n三、梨\n');
  const c = await EditorClient.start({ workspaceFolder: folder });
  try {
    const uris = ['a.fzbg.txt', 'notes.txt'].map((n) => fileUri(path.join(folder, n)));
    type File = { uri: string; findings: number; diagnostics?: { code: string }[]; text?: string; summary?: { year: number | null; parts: { presence: string }[] } };
    const r = await c.connection.sendRequest<{ files: File[] }>('fazhiReport/checkFiles', { uris, summary: true });
    assert.equal(r.files.length, 1, 'only the report');
    const f = r.files[0];
    assert.equal(f.text, GAP);
    assert.equal(f.diagnostics?.length, f.findings);
    assert.ok(f.diagnostics?.some((d) => d.code === 'heading-numbering'));
    assert.equal(f.summary?.year, 2023);
    assert.ok((f.summary?.parts.length ?? 0) >= 5);
    const plain = await c.connection.sendRequest<{ files: File[] }>('fazhiReport/checkFiles', { uris });
    assert.equal(plain.files[0].text, undefined, 'without summary: no text sent back');
  } finally {
    c.kill();
  }
});

test('pull diagnostics with checkOn "save": an unsaved edit keeps the last result, saving brings the new one', async () => {
  const c = await EditorClient.start({ pull: true, config: { detectReportsInPlainText: true, checkOn: 'save' } });
  try {
    const uri = 'file:///pull/save.fzbg.txt';
    c.open(uri, FULL);
    assert.deepEqual((await c.pull(uri)).map((d) => d.code), ['rate-mismatch']);
    c.setText(uri, GAP);
    assert.deepEqual((await c.pull(uri)).map((d) => d.code), ['rate-mismatch'], 'not re-checked before the save');
    c.save(uri);
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual((await c.pull(uri)).map((d) => d.code).sort(), ['heading-numbering', 'rate-mismatch']);
  } finally {
    c.kill();
  }
});

test('fazhiReport/checkFiles can be cancelled: it stops between files and says so', async () => {
  const folder = tempWorkspace();
  const uris: string[] = [];
  const big = Array.from({ length: 40 }, () => GAP).join('\n');
  for (let i = 0; i < 40; i++) {
    const f = path.join(folder, `r${i}.fzbg.txt`);
    fs.writeFileSync(f, big);
    uris.push(fileUri(f));
  }
  const c = await EditorClient.start({ workspaceFolder: folder });
  try {
    const { CancellationTokenSource } = await import('vscode-languageserver-protocol/node');
    const source = new CancellationTokenSource();
    const pending = c.connection.sendRequest<{ checked: number; cancelled: boolean }>('fazhiReport/checkFiles', { uris }, source.token);
    await c.until('the first file published', () => c.diagnostics.length > 0);
    source.cancel();
    const r = await pending.catch((e: unknown) => ({ checked: -1, cancelled: true, error: e }));
    assert.equal(r.cancelled, true);
    assert.ok(r.checked < uris.length, `stopped early (${r.checked} of ${uris.length})`);
    // still serving
    c.open('file:///after/cancel.fzbg.txt', FULL);
    assert.deepEqual((await c.published('file:///after/cancel.fzbg.txt')).map((d) => d.code), ['rate-mismatch']);
  } finally {
    c.kill();
  }
});

test('fazhiReport/status (only when asked for in initializationOptions): checking, then the counts; never "checking" for a non-report', async () => {
  for (const pull of [false, true]) {
    const c = await EditorClient.start({ pull, initializationOptions: { statusNotifications: true } });
    try {
      const uri = 'file:///status/a.fzbg.txt';
      c.open(uri, GAP);
      if (pull) await c.pull(uri);
      const done = await c.until('status done', () => c.statuses.find((s) => s.uri === uri && !s.checking));
      assert.ok(c.statuses.some((s) => s.uri === uri && s.checking), 'a checking status first');
      assert.deepEqual([done.isReport, done.counts.error, done.counts.warning], [true, 1, 1]);
      const list = 'file:///status/list.txt';
      c.open(list, '购物清单\n一、苹果\n', 'plaintext');
      if (pull) await c.pull(list);
      const other = await c.until('status of the list', () => c.statuses.find((s) => s.uri === list));
      assert.equal(other.isReport, false);
      assert.ok(!c.statuses.some((s) => s.uri === list && s.checking));
    } finally {
      c.kill();
    }
  }
  const quiet = await EditorClient.start({});
  try {
    quiet.open('file:///status/b.fzbg.txt', GAP);
    await quiet.published('file:///status/b.fzbg.txt');
    assert.deepEqual(quiet.statuses, [], 'other editors get no custom notifications');
  } finally {
    quiet.kill();
  }
});
