// Temporary folders for command-line tests that write (--fix) or need a folder layout of their own
// (.fazhi-report.json files, a .git marker). Each test gets a fresh folder under the system temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];
// Removed when the test file's process ends (kept while it runs, for the spawned command lines).
process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'fazhi-cli-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
}

/** A report with a numbering gap at the end: 一、二、四、 (heading-numbering on line 6, plus missing-section warnings). */
export const GAP = '某某市2023年法治政府建设情况报告\n一、甲项工作\n内容。\n二、乙项工作\n内容。\n四、丁项工作\n内容。\n';
