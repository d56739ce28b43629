// The manifest side of opening Word/WPS/PDF files as reports: the command, its Chinese title, the explorer menu
// for exactly those extensions, the palette entry, the activation on the view's scheme, and pdf.js in the .vsix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPORT_VIEW_SCHEME } from '../../server/src/lsp/report-view-protocol';
import { repoRoot } from '../helpers/paths';

const json = (p: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, p), 'utf8'));
const manifest = json('package.json');

test('fazhiReport.openAsReport: titled 以报告方式打开 in Chinese, in the palette and in the explorer menu of .docx/.doc/.wps/.pdf only', () => {
  const cmd = manifest.contributes.commands.find((c: { command: string }) => c.command === 'fazhiReport.openAsReport');
  assert.ok(cmd);
  const key = cmd.title.replace(/^%|%$/g, '');
  assert.match(json('package.nls.zh-cn.json')[key], /^以报告方式打开/);
  assert.match(json('package.nls.json')[key], /^Open as Report/);
  assert.ok(manifest.contributes.menus.commandPalette.some((m: { command: string; when?: string }) => m.command === cmd.command && !m.when));
  const entry = manifest.contributes.menus['explorer/context'].find((m: { command: string }) => m.command === cmd.command);
  const re = /resourceExtname =~ \/(.+)\/i/.exec(entry.when);
  assert.ok(re, entry.when);
  const ext = new RegExp(re[1], 'i');
  for (const e of ['.docx', '.DOC', '.wps', '.pdf']) assert.ok(ext.test(e), e);
  for (const e of ['.txt', '.md', '.docxx', '.xlsx']) assert.ok(!ext.test(e), e);
  assert.ok(manifest.activationEvents.includes(`onFileSystem:${REPORT_VIEW_SCHEME}`));
});

test('the .vsix whitelist ships pdf.js (loaded at run time, not bundled): its legacy build, worker and CJK character maps', () => {
  const ignore = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n');
  for (const line of ['!node_modules/pdfjs-dist/package.json', '!node_modules/pdfjs-dist/legacy/build/pdf.mjs', '!node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', '!node_modules/pdfjs-dist/cmaps/*.bcmap']) {
    assert.ok(ignore.includes(line), line);
  }
  for (const f of ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'cmaps/UniGB-UCS2-H.bcmap']) {
    assert.ok(fs.existsSync(path.join(repoRoot, 'node_modules', 'pdfjs-dist', f)), f);
  }
});
