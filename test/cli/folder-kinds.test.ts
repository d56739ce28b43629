// `fazhi-report check folder/` checks what the editor's workspace check checks (engine/kind.ts shouldCheck): a folder
// with meeting notes, an INDEX.md and a report checks only the report; --all forces every file; a file named on the
// command line is always checked. Defect D5 of the code review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lines, runCli } from './run';
import { tempDir, writeFiles } from './tmp';
import { fixturesDir } from '../helpers/paths';

const kinds = (name: string) => fs.readFileSync(path.join(fixturesDir, 'kinds', name), 'utf8');

const folderFiles = (): Record<string, string> => ({
  'report.txt': kinds('annual-formal.txt'),
  'notes.txt': kinds('meeting-notes.txt'),
  'INDEX.md': '# 材料目录\n\n| 文件 | 说明 |\n|---|---|\n| report.txt | 年度报告 |\n',
  'news.md': kinds('news.txt'),
});

function checkedFiles(stdout: string): string[] {
  return (JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => path.basename(f.path)).sort();
}

test('check folder/: only the texts that read as reports (the report and the news item), a note names the skipped ones', () => {
  const dir = tempDir();
  writeFiles(dir, folderFiles());
  const json = runCli(['check', dir, '--format', 'json']);
  assert.equal(json.code, 1, json.stderr); // the news item's funnel error
  assert.deepEqual(checkedFiles(json.stdout), ['news.md', 'report.txt']);
  assert.match(json.stderr, /跳过 2 个不像报告的文件（.*INDEX\.md、.*notes\.txt）/);
  const text = runCli(['check', dir, '--max-warnings', '0']);
  assert.ok(!/notes\.txt:\d/.test(text.stdout), text.stdout);
  assert.ok(lines(text.stdout).some((l) => /^fazhi-report: 跳过 2 个/.test(l)), 'the note is printed with the text output');
});

test('check folder/ --all checks every .txt and .md; a file named on the command line is always checked', () => {
  const dir = tempDir();
  writeFiles(dir, folderFiles());
  const all = runCli(['check', dir, '--all', '--format', 'json']);
  assert.deepEqual(checkedFiles(all.stdout), ['INDEX.md', 'news.md', 'notes.txt', 'report.txt']);
  assert.ok(!/跳过/.test(all.stderr));
  const named = runCli(['check', path.join(dir, 'notes.txt'), '--format', 'json']);
  assert.deepEqual(checkedFiles(named.stdout), ['notes.txt']);
  const diags = (JSON.parse(named.stdout) as { files: { diagnostics: { code: string; severity: number; message: string }[] }[] }).files[0].diagnostics;
  assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['missing-section', 3]], 'one information note, not four warnings');
  assert.match(diags[0].message, /未识别为法治政府建设年度报告/);
});
