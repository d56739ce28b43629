// Reading a report from disk for the workspace check (files that are not open in the editor), with the same
// decoder as the command line: UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK; a binary file is refused
// with a clear reason. The language the editor would give it is guessed from its name.
import path from 'node:path';
import { readReport } from '../host/read';
import { languageOfName } from '../engine/kind';

export function readReportFile(file: string): string {
  const r = readReport(file);
  if (!r.ok) throw new Error(`${r.reason.zh} / ${r.reason.en}`);
  return r.text;
}

/** The language VS Code gives the file with this extension installed (package.json contributes.languages). */
export function languageOf(file: string): string {
  return languageOfName(path.basename(file));
}
