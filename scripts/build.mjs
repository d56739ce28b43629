// Builds the three programs of the product with esbuild (fast start-up: one file each, no module resolution at run time):
//   dist/extension.js  the VS Code client (vscode is provided by the editor)
//   dist/server.js     the language server (LSP over stdio or node IPC)
//   dist/cli.js        the command line (`fazhi-report`)
// nodejieba stays external: it is a native module with its dictionaries beside it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

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

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
]);
