// npm run package: bundles the programs (scripts/build.mjs --no-learn: packaging never rewrites the committed
// profile; it is inlined into dist/server.js like all of server/data), then packs the extension with @vscode/vsce into
// fazhi-report-<version>.vsix at the repository root, and prints its size and contents.
//   - What goes in is decided by .vscodeignore (a whitelist: bundles, manifest, grammar, nodejieba's binary and dictionaries).
//   - The .vsix is marked for this platform (e.g. linux-x64): it carries a native module built here.
//   - No LICENSE file exists in the repository (package.json says MIT), hence --skip-license; no repository URL yet,
//     hence --allow-missing-repository and --no-rewrite-relative-links (README's relative links stay as they are).
// Usage: node scripts/package.mjs [--out file.vsix]
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const out = path.resolve(root, outArg >= 0 ? args[outArg + 1] : `${pkg.name}-${pkg.version}.vsix`);
const target = `${process.platform}-${process.arch}`;

const run = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`package: ${path.basename(cmd)} ${argv.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
};

const binary = path.join(root, 'node_modules/nodejieba/build/Release/nodejieba.node');
if (!existsSync(binary)) {
  console.error(`package: ${path.relative(root, binary)} is missing; run npm ci (it builds nodejieba from source) first`);
  process.exit(1);
}
run(process.execPath, ['scripts/build.mjs', '--no-learn']);
run(process.execPath, [
  path.join(root, 'node_modules/@vscode/vsce/vsce'),
  'package',
  '--target', target,
  '--out', out,
  '--skip-license',
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
]);
const size = statSync(out).size;
console.log(`package: ${path.relative(root, out)} ${(size / 1024 / 1024).toFixed(2)} MB (${size} bytes), target ${target}`);
