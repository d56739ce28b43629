// The project's own files under some folders (paths from the repository root, forward slashes), read from the disk
// so that a file not yet committed is seen too. node_modules, dot-folders and the build folders at the root (dist, out, out-*) are skipped.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

export function projectFiles(folders: string[], ext: RegExp): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(repoRoot, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isFile()) {
      if (ext.test(rel)) out.push(rel);
      return;
    }
    for (const name of fs.readdirSync(abs).sort()) {
      if (name.startsWith('.') || name === 'node_modules' || (!rel && (name === 'dist' || /^out(-|$)/.test(name)))) continue;
      walk(rel ? `${rel}/${name}` : name);
    }
  };
  for (const f of folders) walk(f);
  return out;
}
