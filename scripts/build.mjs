// Builds the three programs of the product with esbuild (fast start-up: one file each, no module resolution at run time):
//   dist/extension.js  the VS Code client (vscode is provided by the editor)
//   dist/server.js     the language server (LSP over stdio or node IPC)
//   dist/cli.js        the command line (`fazhi-report`)
// nodejieba stays external: it is a native module with its dictionaries beside it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['vscode', 'nodejieba'],
};

const bundleAll = () =>
  Promise.all([
    build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' }),
    build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
    build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  ]);

await bundleAll();

// the reduced segmentation dictionary (dist/jieba/), before anything segments
const { buildDict } = await import('./build-dict.mjs');
buildDict();

// The default profile is learned from seeds/ (server/data/profile.json, committed). The build relearns it; when the
// learned profile differs from the committed one (the seeds, the section cues or the figure extraction changed),
// the file is rewritten, the bundles that inline it are rebuilt, and the change shows up in review.
// `--no-learn` (used by npm test) leaves the file alone, so the test that relearns it can compare with the committed one.
if (!process.argv.includes('--no-learn')) {
  const profile = path.join(root, 'server', 'data', 'profile.json');
  const before = existsSync(profile) ? readFileSync(profile, 'utf8') : '';
  const r = spawnSync(process.execPath, ['dist/cli.js', 'learn', 'seeds', '-o', profile], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 1);
  }
  if (readFileSync(profile, 'utf8') !== before) {
    process.stderr.write('server/data/profile.json 已按 seeds/ 重新学习并更新 / relearned from seeds/ and updated\n');
    await bundleAll();
  }
}

// V8's code caches of dist/cli.js (bin/load-cli.js), made from the final bundle
const { makeCodeCaches } = await import('./code-cache.mjs');
makeCodeCaches();
