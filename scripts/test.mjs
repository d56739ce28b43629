// The whole test suite, as `npm test` and `.ci/run` run it:
//   1. type-check everything (tsc), compile tests and sources to out/ (so tests import the engine directly);
//   2. bundle the programs to dist/ (protocol and CLI tests start dist/server.js and dist/cli.js as real processes);
//   3. run the TextMate grammar tests (vscode-tmgrammar-test) on test/grammar/*;
//   4. run every out/test/**/*.test.js with node's test runner.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// TEST_OUT lets several people (or helpers) run the suite side by side without sharing a compile folder.
const outDir = process.env.TEST_OUT || 'out';
rmSync(path.join(root, outDir), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.json', '--outDir', outDir]);
run(process.execPath, ['scripts/build.mjs', '--no-learn']);

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js')) files.push(path.relative(root, p));
  }
};
walk(path.join(root, outDir, 'test'));
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
// grammar tests first, so that the node test runner's summary is the last thing printed
if (!only.length && existsSync(path.join(root, 'test', 'grammar'))) {
  run(bin('vscode-tmgrammar-test'), ['-g', 'syntaxes/fazhi-report.tmLanguage.json', 'test/grammar/*.txt']);
}
run(process.execPath, ['--test', '--test-reporter=spec', ...selected]);
