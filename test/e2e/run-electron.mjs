#!/usr/bin/env node
// npm run test:e2e — the end-to-end suite (test/e2e/*.e2e.ts) in desktop VS Code through @vscode/test-electron.
// VS Code is downloaded into .vscode-test/ (version: VSCODE_VERSION, default stable) unless one is given with
// VSCODE_EXECUTABLE=/path/to/code or --vscode-path /path/to/code. The extension is loaded from this working tree
// (extensionDevelopmentPath); the workspace is a temporary copy of test/e2e/workspace/.
// On Linux without a display, run it under xvfb-run. Where VS Code cannot be downloaded (no access to
// update.code.visualstudio.com), it stops with exit code 2 and points to `npm run test:e2e:server`, which runs the
// same suite in code-server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');

const args = process.argv.slice(2);
const given = args.includes('--vscode-path') ? args[args.indexOf('--vscode-path') + 1] : process.env.VSCODE_EXECUTABLE;
const version = process.env.VSCODE_VERSION || 'stable';

const sh = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[e2e:electron] ${path.basename(cmd)} ${argv.join(' ')} failed`);
    process.exit(r.status || 1);
  }
};

sh(process.execPath, ['scripts/build.mjs', '--no-learn']);
fs.rmSync(path.join(root, 'out-e2e-test'), { recursive: true, force: true });
sh(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'test/e2e/tsconfig.json']);

let vscodeExecutablePath = given;
if (vscodeExecutablePath) {
  if (!fs.existsSync(vscodeExecutablePath)) {
    console.error(`[e2e:electron] VS Code not found at ${vscodeExecutablePath}`);
    process.exit(2);
  }
} else {
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode(version);
  } catch (e) {
    console.error(`
[e2e:electron] Could not download VS Code ${version}: ${e instanceof Error ? e.message : e}
[e2e:electron] This machine cannot reach update.code.visualstudio.com. Either
[e2e:electron]   - run the same suite in code-server instead:   npm run test:e2e:server
[e2e:electron]   - or point at an installed VS Code:           VSCODE_EXECUTABLE=/path/to/code npm run test:e2e
`);
    process.exit(2);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-report-e2e-electron-'));
let code = 1;
try {
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none' }, null, 2),
  );
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('[e2e:electron] no DISPLAY: if VS Code fails to start, run this under xvfb-run');
  }
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out-e2e-test', 'index.js'),
    launchArgs: [workspace, '--user-data-dir', userData, '--extensions-dir', path.join(tmp, 'extensions'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  code = 0;
  console.log('[e2e:electron] end-to-end suite passed');
} catch (e) {
  console.error(`[e2e:electron] end-to-end suite FAILED: ${e instanceof Error ? e.message : e}`);
  code = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
