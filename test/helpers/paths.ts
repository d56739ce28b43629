// Where things are, wherever the compiled tests run from (out/ or another TEST_OUT folder at the repository root).
import fs from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'seeds'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root not found from ' + start);
    dir = up;
  }
  return dir;
}

export const repoRoot = findRoot(__dirname);
export const seedsDir = path.join(repoRoot, 'seeds');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
/** The 22 real texts shared with the project (read-only, beside the repository); null when not present. */
export const corpusDir: string | null = (() => {
  const p = path.resolve(repoRoot, '..', 'shared', 'corpus');
  return fs.existsSync(p) ? p : null;
})();
export const distDir = path.join(repoRoot, 'dist');

export function seedFiles(): string[] {
  return fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(seedsDir, f));
}

export function readText(p: string): string {
  return fs.readFileSync(p, 'utf8');
}
