'use strict';
// Loads the command line's bundle (dist/cli.js) with V8's code cache when one made for this very file is beside it:
// compiling the 1.6 MB bundle, and then each function the first time it runs, costs every process and every worker
// thread of a folder check tens of milliseconds that the cache skips. scripts/code-cache.mjs (run by the build) makes
// two caches by checking the seeds: dist/cli.main.cache with the engine's default settings (the main thread) and
// dist/cli.folder.cache with the settings of a folder check (server/src/cli/tuning.ts; the worker threads). V8 takes a
// cache only when made by the same Node version with the same settings; this loader also checks that it was made from
// this very bundle (its SHA-256 heads the file), and compiles as usual whenever the cache is missing, stale or refused.
//
// Three uses: `require('./load-cli').loadCli('main')` (bin/fazhi-report.js); the worker threads of a folder check
// start this file (server/src/cli/pool.ts), which loads the bundle with the folder cache, whose last lines then run
// the worker; `loadCli(kind, { produce: true })` (scripts/code-cache.mjs) compiles without a cache and returns a
// function that writes one.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const vm = require('vm');
const { isMainThread } = require('worker_threads');

const cli = path.join(__dirname, '..', 'dist', 'cli.js');
const HASH_BYTES = 32;
const IMPORT = Symbol.for('fazhi-report.import');
const importEsm = (url) => import(url);

function cacheFile(kind) {
  return path.join(__dirname, '..', 'dist', `cli.${kind}.cache`);
}

/** What the last load did with its cache: 'used', 'refused' (by V8), 'stale' (another bundle), 'none' or 'produced'. */
let lastCache = 'none';

function loadCli(kind, { produce = false } = {}) {
  const bytes = fs.readFileSync(cli);
  const hash = crypto.createHash('sha256').update(bytes).digest();
  let cachedData;
  lastCache = produce ? 'produced' : 'none';
  if (!produce) {
    try {
      const file = fs.readFileSync(cacheFile(kind));
      if (file.length > HASH_BYTES && file.subarray(0, HASH_BYTES).equals(hash)) cachedData = file.subarray(HASH_BYTES);
      else lastCache = 'stale';
    } catch {
      // no cache: compile as usual
    }
  }
  const script = new vm.Script(Module.wrap(bytes.toString('utf8')), { filename: cli, cachedData });
  // import() in a script compiled here has no loader without Node's experimental flags: the bundle reaches pdf.js
  // (an ES module loaded at run time, server/src/host/readers/pdf.ts) through this file's own import()
  globalThis[IMPORT] = importEsm;
  if (cachedData) lastCache = script.cachedDataRejected ? 'refused' : 'used';
  const mod = new Module(cli, module);
  mod.filename = cli;
  mod.paths = Module._nodeModulePaths(path.dirname(cli));
  Module._cache[cli] = mod;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(cli), mod, cli, path.dirname(cli));
  mod.loaded = true;
  if (!produce) return mod.exports;
  // written after a run, the cache holds the functions that run compiled too
  const write = () => fs.writeFileSync(cacheFile(kind), Buffer.concat([hash, script.createCachedData()]));
  return { exports: mod.exports, write };
}

module.exports = { loadCli, cli, cacheFile, lastCache: () => lastCache };

// a worker thread of a folder check (started after the folder settings were applied)
if (!isMainThread && require.main === module) loadCli('folder');
