// The editor's workspace check and `fazhi-report check folder/` agree on which files are reports: both ask
// engine/kind.ts shouldCheck. A folder of a report, a news item, meeting notes, an INDEX.md and a file named as a
// report (法治政府建设 in its name: the report language, always checked).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EditorClient, fileUri, tempWorkspace } from './editor-client';
import { fixturesDir, repoRoot } from '../helpers/paths';

const kinds = (name: string) => fs.readFileSync(path.join(fixturesDir, 'kinds', name), 'utf8');

test('the workspace check and check folder/ check the same files', async () => {
  const folder = tempWorkspace();
  const files: Record<string, string> = {
    'report.txt': kinds('annual-formal.txt'),
    'court.md': kinds('court.txt'),
    'notes.txt': kinds('meeting-notes.txt'),
    'INDEX.md': '# 材料目录\n\n- report.txt：年度报告\n',
    '某县法治政府建设情况汇总.txt': kinds('meeting-notes.txt'),
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  const c = await EditorClient.start({ workspaceFolder: folder });
  let editor: string[];
  try {
    const uris = Object.keys(files).map((n) => fileUri(path.join(folder, n)));
    const r = await c.connection.sendRequest<{ files: { uri: string }[] }>('fazhiReport/checkFiles', { uris });
    editor = r.files.map((f) => path.basename(fileURLToPath(f.uri))).sort();
  } finally {
    c.kill();
  }
  const cli = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'fazhi-report.js'), 'check', folder, '--format', 'json'], { encoding: 'utf8' });
  const checked = (JSON.parse(cli.stdout) as { files: { path: string }[] }).files.map((f) => path.basename(f.path)).sort();
  assert.deepEqual(editor, ['court.md', 'report.txt', '某县法治政府建设情况汇总.txt']);
  assert.deepEqual(checked, editor);
});
