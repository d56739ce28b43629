// The one stop rule for workspace files (host/config.ts), as the editor and the command line use it: the search
// upwards ends at the innermost root containing the report (a workspace folder; the command line's repository root),
// and runs on when no root contains it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigResolver } from '../../server/src/host/config';
import { SettingsResolver } from '../../server/src/cli/settings';
import { tempDir, writeFiles } from '../cli/tmp';

const rules = (severity: string) => JSON.stringify({ rules: { 'heading-numbering': severity } });

test('the search stops at the innermost root: a workspace file above it is not used; without a root it is', () => {
  const dir = tempDir('fazhi-config-');
  writeFiles(dir, { '.fazhi-report.json': rules('off'), 'repo/sub/报告.txt': '报告' });
  const report = path.join(dir, 'repo', 'sub', '报告.txt');
  assert.equal(new ConfigResolver([path.join(dir, 'repo')]).forDocument(report).file, null);
  assert.equal(new ConfigResolver([]).forDocument(report).file, path.join(dir, '.fazhi-report.json'));
  // a root that does not contain the report does not stop its search
  assert.equal(new ConfigResolver([path.join(dir, 'other')]).forDocument(report).file, path.join(dir, '.fazhi-report.json'));
  // the innermost of nested roots decides
  writeFiles(dir, { 'repo/.fazhi-report.json': rules('warning') });
  assert.equal(new ConfigResolver([dir, path.join(dir, 'repo', 'sub')]).forDocument(report).file, null);
  assert.equal(new ConfigResolver([dir, path.join(dir, 'repo')]).forDocument(report).file, path.join(dir, 'repo', '.fazhi-report.json'));
});

test('the editor and the command line pick the same workspace file by the same rule (their roots: workspace folder, repository)', () => {
  const dir = tempDir('fazhi-config-');
  writeFiles(dir, { '.fazhi-report.json': rules('off'), 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/a/报告.txt': '报告' });
  const repo = path.join(dir, 'repo');
  const report = path.join(repo, 'a', '报告.txt');
  const cli = () => new SettingsResolver({ cwd: repo }).forFile(report).workspaceFile;
  const editor = () => new ConfigResolver([repo]).forDocument(report).file;
  assert.equal(cli(), null);
  assert.equal(editor(), null);
  writeFiles(dir, { 'repo/a/.fazhi-report.json': rules('warning') });
  assert.equal(cli(), path.join(repo, 'a', '.fazhi-report.json'));
  assert.equal(editor(), path.join(repo, 'a', '.fazhi-report.json'));
});

test('a workspace file is read once until invalidated; a broken one gives its errors and an empty configuration', () => {
  const dir = tempDir('fazhi-config-');
  writeFiles(dir, { '.fazhi-report.json': rules('off'), '报告.txt': '报告' });
  const r = new ConfigResolver([dir]);
  const report = path.join(dir, '报告.txt');
  assert.deepEqual(r.forDocument(report).config.rules, { 'heading-numbering': 'off' });
  writeFiles(dir, { '.fazhi-report.json': '{ not json' });
  assert.deepEqual(r.forDocument(report).config.rules, { 'heading-numbering': 'off' }, 'cached until invalidate()');
  r.invalidate();
  const broken = r.forDocument(report);
  assert.deepEqual(broken.config, {});
  assert.equal(broken.errors.length, 1);
  assert.equal(broken.errors[0].file, path.join(dir, '.fazhi-report.json'));
  assert.match(broken.errors[0].message, /不是有效的 JSON \/ is not valid JSON/);
});

test('profiles: the workspace file\'s is relative to that file and wins over the setting\'s, which is relative to the root', () => {
  const dir = tempDir('fazhi-config-');
  writeFiles(dir, { 'a/报告.txt': '报告', 'a/.fazhi-report.json': JSON.stringify({ profile: 'missing-a.json' }) });
  const report = path.join(dir, 'a', '报告.txt');
  const withFile = new ConfigResolver([dir]).forDocument(report, 'missing-setting.json');
  assert.deepEqual(withFile.errors.map((e) => e.file), [path.join(dir, 'a', '.fazhi-report.json')]);
  assert.match(withFile.errors[0].message, new RegExp(path.join(dir, 'a', 'missing-a.json').replace(/[\\.]/g, '\\$&')));
  const other = path.join(dir, 'b', '报告.txt');
  writeFiles(dir, { 'b/报告.txt': '报告' });
  const withSetting = new ConfigResolver([dir]).forDocument(other, 'missing-setting.json');
  assert.deepEqual(withSetting.errors.map((e) => e.file), [path.join(dir, 'missing-setting.json')]);
  // the "ignore in this workspace" fix writes to the root's workspace file when none was found
  assert.equal(withSetting.target, path.join(dir, '.fazhi-report.json'));
});
