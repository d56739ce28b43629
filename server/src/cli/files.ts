// Which files a command works on, and how their paths are shown.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Extensions picked up when a folder is given. */
const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.docx', '.doc', '.wps', '.pdf']);

export interface Target {
  /** The path as shown to the user (as given, or relative to the current folder). */
  display: string;
  absolute: string;
  /** Named on the command line (always checked), not found in a folder (checked when it reads as a report). */
  explicit?: boolean;
}

/** The repository root: the nearest folder above `from` holding package.json and seeds/ (dist/.. for the bundle). */
export function findRepoRoot(from: string = __dirname): string | null {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'seeds'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

const uris = new Map<string, string>();

/** The file: URI of a path (kept: the checks across reports link the same few files from many findings). */
export function fileUri(absolute: string): string {
  let uri = uris.get(absolute);
  if (uri === undefined) {
    uri = pathToFileURL(absolute).href;
    if (uris.size < 100_000) uris.set(absolute, uri);
  }
  return uri;
}

function walk(dir: string, display: string, out: Target[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // An unreadable sub-folder is skipped; the folder itself was readable.
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$') || e.name === 'node_modules') continue;
    const abs = path.join(dir, e.name);
    const shown = path.join(display, e.name);
    if (e.isDirectory()) walk(abs, shown, out);
    else if (e.isFile() && REPORT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push({ display: shown, absolute: abs });
  }
}

/**
 * Files given directly are taken whatever their extension (the user asked for them; a missing one becomes a read
 * error later); folders are searched recursively for .txt, .md, .docx, .doc, .wps and .pdf files (Word's lock
 * files "~$name.docx" skipped), of which the check command keeps those that read as reports (engine/kind.ts
 * shouldCheck, as the editor's workspace check does) unless --all.
 */
export function expandTargets(args: string[]): Target[] {
  const out: Target[] = [];
  for (const arg of args) {
    const absolute = path.resolve(arg);
    let isDir = false;
    try {
      isDir = fs.statSync(absolute).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) walk(absolute, arg, out);
    else out.push({ display: arg, absolute, explicit: true });
  }
  return out;
}
