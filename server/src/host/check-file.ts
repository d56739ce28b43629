// A file on disk, checked the same way by the command line (`check folder/`) and the editor's workspace check: read
// (host/read.ts: text decoded, or a Word/WPS/PDF document read into text), then checked when it reads as a report.
import { languageOfName, shouldCheck } from '../engine';
import { isDocumentFile } from './readers';

export { readInput, type Input } from './read';

/**
 * Whether a file read from disk is checked as a report (engine/kind.ts shouldCheck): a Word/WPS/PDF document by its
 * text alone; any other file by the language its name gives it (a *.fzbg.txt always) and, for plain text and
 * Markdown, its text. `detect: false` checks plain text only in the report language; `force` checks every file.
 */
export function shouldCheckFile(file: string, text: string, opts: { detect?: boolean; force?: boolean } = {}): boolean {
  if (isDocumentFile(file)) return shouldCheck({ text, languageId: 'plaintext', detect: true, force: opts.force }).check;
  return shouldCheck({ text, languageId: languageOfName(file), detect: opts.detect, force: opts.force }).check;
}
