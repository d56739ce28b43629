// Reading a report from disk for the workspace check (files that are not open in the editor): UTF-8 with or
// without BOM, UTF-16 with BOM. The language the editor would give it is guessed from its name.
import fs from 'node:fs';
import path from 'node:path';

export function readReportFile(file: string): string {
  const b = fs.readFileSync(file);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    const swapped = Buffer.from(b.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return b.toString('utf8').replace(/^\uFEFF/, '');
}

/** The language VS Code gives the file with this extension installed (package.json contributes.languages). */
export function languageOf(file: string): string {
  const name = path.basename(file);
  if (/\.fzbg\.txt$/i.test(name) || /法治政府建设.*\.(txt|md)$/i.test(name)) return 'fazhi-report';
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  return 'plaintext';
}
