// Writes the files generated from the registry of checks (scripts/generated-files.ts says which and how):
//   node scripts/generate.mjs                 rewrite the stale ones
//   node scripts/generate.mjs --check         exit 1, naming each stale file, when one is out of date (npm test runs
//                                             the same comparison in test/unit/generated.test.ts)
//   node scripts/generate.mjs --root <dir>    work on the copies of the files under another folder
// The TypeScript registry is bundled in memory with esbuild (a dev dependency), so no build is needed first.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Module from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const check = args.includes('--check');
const rootArg = args.indexOf('--root');
const root = rootArg >= 0 ? path.resolve(args[rootArg + 1]) : repo;

const out = await build({
  entryPoints: [path.join(repo, 'scripts', 'generated-files.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
  external: ['nodejieba'],
});
const mod = new Module(path.join(repo, 'scripts', 'generated-files.js'));
mod.paths = Module._nodeModulePaths(path.join(repo, 'scripts'));
mod._compile(out.outputFiles[0].text, mod.id);
const { generatedFiles } = mod.exports;

const read = (p) => readFileSync(path.join(root, p), 'utf8');
const stale = [];
for (const f of generatedFiles(read)) {
  if (read(f.path) === f.content) continue;
  stale.push(f.path);
  if (!check) writeFileSync(path.join(root, f.path), f.content);
}
if (check && stale.length) {
  process.stderr.write(
    `以下文件与检查注册表不一致，请运行 node scripts/generate.mjs / out of date with the registry of checks, run node scripts/generate.mjs:\n` +
      stale.map((p) => `  ${p}\n`).join(''),
  );
  process.exit(1);
}
for (const p of stale) process.stdout.write(`${p} updated\n`);
