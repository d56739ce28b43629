// Makes V8's code caches of the command line's bundle (bin/load-cli.js reads them): dist/cli.main.cache with the
// engine's default settings, for the main thread, and dist/cli.folder.cache with a folder check's settings
// (server/src/cli/tuning.ts), for its worker threads. Each is made in a process of its own (the settings are the
// process's), by checking the seeds there, so that the functions a check runs are in the cache compiled. Run by
// scripts/build.mjs after bundling; a cache that could not be made only makes the checker start slower.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const KINDS = ['main', 'folder'];

/** Makes the cache `kind` in this process. */
async function make(kind) {
  const { loadCli } = require(path.join(root, 'bin', 'load-cli.js'));
  const { exports: cli, write } = loadCli(kind, { produce: true });
  if (kind === 'folder') cli.tuneForFolder();
  const silent = { out: () => {}, err: () => {} };
  // --jobs 1: the checks run in this thread, as in each worker
  await cli.main(['check', path.join(root, 'seeds'), '--jobs', '1', '--locale', 'zh-cn'], silent);
  await cli.main(['check', path.join(root, 'seeds'), '--jobs', '1', '--locale', 'en', '--format', 'json'], silent);
  write();
}

export function makeCodeCaches() {
  for (const kind of KINDS) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), kind], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) process.stderr.write(`代码缓存未生成 / code cache not made (${kind}): ${r.stderr}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const kind = process.argv[2];
  if (KINDS.includes(kind)) await make(kind);
  else makeCodeCaches();
}
