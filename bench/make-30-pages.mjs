// The 30-page documents of the reading benchmark (bench/run.mjs, part "readers"): the five example reports and the
// made-up report of test/fixtures/docs/ one after another, and seed 000 again to fill 30 pages, as a .docx with Word's automatic numbering for 一、/（一） (built by
// test/fixtures/docs/make-docs.mjs's docx()), and that .docx printed to PDF by LibreOffice (30 pages of A4 at the
// 3号 size of 公文). The .docx is rebuilt by the bench itself; the PDF is committed (bench/fixtures/report-30pages.pdf)
// because making it needs LibreOffice. Usage: node bench/make-30-pages.mjs   (needs soffice on PATH)
import { readFileSync, writeFileSync, mkdtempSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert, docx } from '../test/fixtures/docs/make-docs.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SOURCES = [
  ...['000_6793ac9eb53e21ba', '001_a6771d8e547a4f81', '002_ab064c072fb254ba', '003_e7e9fa6d3e319639', '004_3494c2d356bae27b'].map((s) => `seeds/${s}.txt`),
  'test/fixtures/docs/report.txt',
  'seeds/000_6793ac9eb53e21ba.txt',
];

export function thirtyPageText() {
  return SOURCES.map((f) => readFileSync(path.join(root, f), 'utf8').trim()).join('\n') + '\n';
}

export function thirtyPageDocx() {
  return docx(thirtyPageText(), true);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  const src = path.join(tmp, 'report-30pages.docx');
  writeFileSync(src, thirtyPageDocx());
  convert(src, 'pdf', tmp);
  copyFileSync(path.join(tmp, 'report-30pages.pdf'), path.join(root, 'bench', 'fixtures', 'report-30pages.pdf'));
  console.log('written bench/fixtures/report-30pages.pdf');
}
