// The command line on Word, WPS and PDF files: the same report typed as text, as .docx with Word's automatic
// numbering, as .doc and as a text PDF gives the same outline and the same findings; a scanned PDF and a damaged
// .docx each get one line on stderr and exit 2 while the other files are still checked; folders include documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fixturesDir } from '../helpers/paths';
import { lines, runCli } from './run';

const docs = path.join(fixturesDir, 'docs');
const doc = (name: string) => path.join('test', 'fixtures', 'docs', name);

function findings(file: string): string[] {
  const r = runCli(['check', doc(file), '--format', 'json']);
  assert.notEqual(r.code, 2, r.stderr);
  const json = JSON.parse(r.stdout) as { files: { diagnostics: Diagnostic[] }[] };
  return json.files[0].diagnostics.map((d) => `${String(d.code)} ${typeof d.message === 'string' ? d.message : ''}`);
}

/** The outline's headings without their positions (which differ: a .docx line is a paragraph, a PDF one too). */
function outline(file: string): string[] {
  const r = runCli(['outline', doc(file)]);
  assert.equal(r.code, 0, r.stderr);
  return lines(r.stdout).map((l) => l.replace(/\s+（第.*）$/, ''));
}

const TYPED_OUTLINE = outline('report.txt');
const TYPED_FINDINGS = findings('report.txt');

test('the typed report has the findings the documents are compared on: a funnel inversion and a wrong rate', () => {
  assert.ok(TYPED_FINDINGS.some((f) => f.startsWith('funnel-order 受理 135 件多于收到 120 件')));
  assert.ok(TYPED_FINDINGS.some((f) => f.startsWith('rate-mismatch 纠错率 15.3%')));
  assert.deepEqual(
    TYPED_OUTLINE.filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().slice(0, 2)),
    ['一、', '二、', '三、', '四、'],
  );
});

for (const file of ['report.docx', 'report.doc', 'report.pdf']) {
  test(`${file}: the same outline and the same findings as the report typed as text`, () => {
    assert.deepEqual(outline(file), TYPED_OUTLINE);
    assert.deepEqual(findings(file), TYPED_FINDINGS);
  });
}

test('text output of a document: positions in the extracted text, the paragraph (Word) or page (PDF) in brackets', () => {
  const w = runCli(['check', doc('report.docx')]);
  assert.match(w.stdout, /^test\/fixtures\/docs\/report\.docx:6:34 error funnel-order .* \[第6段\]$/m);
  const p = runCli(['check', doc('report.pdf'), '--locale', 'en']);
  assert.match(p.stdout, /^test\/fixtures\/docs\/report\.pdf:\d+:\d+ error funnel-order .* \[p\. 1\]$/m);
  const o = runCli(['outline', doc('report.docx')]);
  assert.match(o.stdout, /^ {2}四、2024年推进法治政府建设的主要安排 {2}（第 19 行，第\d+段）$/m);
});

test('a scanned PDF and a damaged .docx: one line each on stderr, exit 2, and the other files still checked', () => {
  const r = runCli(['check', doc('scanned.pdf'), doc('damaged.docx'), doc('report.docx')]);
  assert.equal(r.code, 2);
  const err = lines(r.stderr);
  assert.equal(err.length, 2, r.stderr);
  assert.match(err[0], /^fazhi-report: 无法读取 test\/fixtures\/docs\/scanned\.pdf：PDF 中没有文字层（可能是扫描件或图片）.* \/ cannot read .*no text layer/);
  assert.match(err[1], /^fazhi-report: 无法读取 test\/fixtures\/docs\/damaged\.docx：文件已损坏/);
  // no wall of missing-section warnings for the scan: it was not checked at all
  assert.doesNotMatch(r.stdout, /scanned\.pdf:/);
  assert.match(r.stdout, /report\.docx:6:34 error funnel-order/);
  assert.match(r.stdout, /检查了 1 个文件：2 个错误.*；2 个文件无法读取$/m);
});

test('a folder: its .docx, .doc and .pdf files are checked beside .txt (Word lock files ~$… skipped); --fix never writes a document', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-docs-'));
  for (const f of ['report.docx', 'report.doc', 'report.pdf']) fs.copyFileSync(path.join(docs, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, '~$report.docx'), 'lock');
  const before = fs.readFileSync(path.join(dir, 'report.docx'));
  const r = runCli(['check', dir, '--fix', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const json = JSON.parse(r.stdout) as { files: { path: string }[] };
  assert.deepEqual(json.files.map((f) => path.basename(f.path)), ['report.doc', 'report.docx', 'report.pdf']);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'report.docx')), before);
});

test('a .wps in the Word 97–2003 format and a .doc that is really a .docx are read by what they are, not by their name', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-names-'));
  fs.copyFileSync(path.join(docs, 'report.doc'), path.join(dir, '报告.wps'));
  fs.copyFileSync(path.join(docs, 'report.docx'), path.join(dir, '报告（另存）.doc'));
  fs.writeFileSync(path.join(dir, '旧格式.doc'), '{\\rtf1\\ansi 法治政府建设情况报告}');
  const r = runCli(['check', dir, '--format', 'json']);
  assert.equal(r.code, 2);
  const json = JSON.parse(r.stdout) as { files: { path: string; diagnostics: Diagnostic[] }[] };
  for (const f of json.files) {
    assert.deepEqual(f.diagnostics.map((d) => `${String(d.code)} ${typeof d.message === 'string' ? d.message : ''}`), TYPED_FINDINGS, f.path);
  }
  assert.equal(json.files.length, 2);
  assert.match(r.stderr, /^fazhi-report: 无法读取 .*旧格式\.doc：这是 RTF 格式文件，暂不支持；请另存为 \.docx 再检查 \/ cannot read/m);
});

test('learn from a folder of .docx reports gives the same profile as from the same reports as text', () => {
  const asDocx = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-learn-docx-'));
  const asText = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-learn-txt-'));
  for (const name of ['a', 'b', 'c']) {
    fs.copyFileSync(path.join(docs, 'report.docx'), path.join(asDocx, `${name}.docx`));
    fs.copyFileSync(path.join(docs, 'report.txt'), path.join(asText, `${name}.txt`));
  }
  const d = runCli(['learn', asDocx]);
  const t = runCli(['learn', asText]);
  assert.equal(d.code, 0, d.stderr);
  const profile = JSON.parse(d.stdout) as { reports: number };
  assert.equal(profile.reports, 3);
  // the profile names the files it learned from; apart from the names it is the same
  assert.equal(d.stdout.replace(/\.docx/g, '.txt'), t.stdout);
});
