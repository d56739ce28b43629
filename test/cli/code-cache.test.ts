// bin/load-cli.js loads dist/cli.js with the code cache the build made (scripts/code-cache.mjs), and compiles as usual
// when the cache was made from another bundle: the output is the same either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './tmp';
import { repoRoot } from '../helpers/paths';

/** Runs a script with node in `cwd`, without NODE_OPTIONS (engine flags of its own would make V8 refuse any cache). */
function node(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What loadCli did with the cache of `kind` in a fresh process of the tree `root` (with a folder's settings for 'folder'). */
function cacheUse(root: string, kind: 'main' | 'folder'): string {
  const script = `const l = require(${JSON.stringify(path.join(root, 'bin', 'load-cli.js'))});
    const cli = l.loadCli('main');
    if (${JSON.stringify(kind)} === 'folder') { cli.tuneForFolder(); l.loadCli('folder'); }
    process.stdout.write(l.lastCache());`;
  const r = node(['-e', script], root);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

/** A copy of the command line (bin/, dist/cli.js, its caches and dictionary) that can be changed. */
function copyOfCli(): string {
  const root = tempDir('fazhi-code-cache-');
  fs.cpSync(path.join(repoRoot, 'bin'), path.join(root, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(root, 'dist'));
  for (const f of fs.readdirSync(path.join(repoRoot, 'dist'))) {
    if (f === 'cli.js' || f.endsWith('.cache') || f === 'jieba') fs.cpSync(path.join(repoRoot, 'dist', f), path.join(root, 'dist', f), { recursive: true });
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

test('the build made a code cache for the main thread and one for the workers of a folder check, and V8 takes both', () => {
  assert.equal(cacheUse(repoRoot, 'main'), 'used');
  assert.equal(cacheUse(repoRoot, 'folder'), 'used');
});

test('a cache made from another bundle is not used, and the check prints the same', () => {
  const root = copyOfCli();
  const args = ['bin/fazhi-report.js', 'check', path.join(repoRoot, 'seeds'), '--format', 'json'];
  const withCache = node(args, root);
  assert.equal(cacheUse(root, 'main'), 'used');
  // the bundle changed, its length not (V8 checks the length of the source only): the loader does not use the cache
  const file = path.join(root, 'dist', 'cli.js');
  const bundle = fs.readFileSync(file, 'utf8');
  assert.ok(bundle.includes('Bundled license information'));
  fs.writeFileSync(file, bundle.replace('Bundled license information', 'Bundled licence information'));
  assert.equal(cacheUse(root, 'main'), 'stale');
  const stale = node(args, root);
  assert.equal(stale.code, withCache.code);
  assert.equal(stale.stdout, withCache.stdout);
  assert.equal(JSON.parse(stale.stdout).files.length, 5, 'the five seeds are checked');
  // no cache at all: compiled as usual
  for (const f of fs.readdirSync(path.join(root, 'dist'))) if (f.endsWith('.cache')) fs.rmSync(path.join(root, 'dist', f));
  assert.equal(cacheUse(root, 'main'), 'none');
  assert.equal(node(args, root).stdout, withCache.stdout);
});
