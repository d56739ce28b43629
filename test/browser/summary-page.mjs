// The reviewer's summary page in a real browser (headless Chromium, driven by playwright-core): run by .ci/run after
// `npm test`, and by `npm run test:summary-page`. Not part of `npm test` because it needs a system browser
// (Debian's chromium; installed here with apt when running as root, as CI does); without one it says so and
// exits 3 — NOT RUN is never reported as passing.
//
// It checks `fazhi-report check seeds [../shared/corpus ../shared/corpus2] test/fixtures/summary --format html`:
//   - the page loads with no console error, no page error and no request other than the page itself;
//   - one overview row and one report section per file; the check, body and sort controls show the rows they should
//     (expected counts are read from the HTML source and the JSON output, not from the page's own script);
//   - a report containing <script> and an onerror attribute shows them as text and runs neither;
//   - under print media the controls are hidden and each report starts a new page;
//   - the English page (--locale en) is in English.
// With --screenshot it writes docs/images/summary.png (for the README).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (s) => process.stdout.write(`[summary-page] ${s}\n`);
const failures = [];
const check = (ok, what) => {
  log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

function findChromium() {
  return [process.env.FAZHI_E2E_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean).find((c) => fs.existsSync(c));
}

function installChromium() {
  if (process.getuid?.() !== 0 || spawnSync('apt-get', ['--version']).status !== 0) return;
  log('apt-get install chromium fonts-wqy-microhei');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei'], { stdio: 'inherit', env });
}

let chromium = findChromium();
if (!chromium) {
  installChromium();
  chromium = findChromium();
}
if (!chromium) {
  process.stdout.write('\n[summary-page] NOT RUN: no Chromium (install Debian chromium, or set FAZHI_E2E_CHROMIUM). This is not a pass.\n');
  process.exit(3);
}

const cli = path.join(root, 'bin', 'fazhi-report.js');
if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
  log('dist/cli.js missing: run npm ci (or node scripts/build.mjs) first');
  process.exit(1);
}
const folders = ['seeds', '../shared/corpus', '../shared/corpus2', 'test/fixtures/summary'].filter((f) => fs.existsSync(path.join(root, f)));
log(`folders: ${folders.join(' ')}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-summary-'));
const run = (args) => spawnSync(process.execPath, [cli, 'check', ...folders, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
const pageZh = path.join(tmp, '审核汇总.html');
const pageEn = path.join(tmp, 'summary-en.html');
const rz = run(['--format', 'html', '-o', pageZh]);
const re = run(['--format', 'html', '--locale', 'en', '-o', pageEn]);
const rj = run(['--format', 'json']);
check(rz.status === 0 || rz.status === 1, `check --format html -o exits 0 or 1 (got ${rz.status}: ${rz.stderr.slice(0, 300)})`);
check(fs.existsSync(pageZh) && fs.existsSync(pageEn), 'the pages were written');
const json = JSON.parse(rj.stdout);
const files = json.files.length;
const source = fs.readFileSync(pageZh, 'utf8');

// expected counts from the source and the JSON, independent of the page's script
const rowAttrs = [...source.matchAll(/<tr class="row"([^>]*)>/g)].map((m) => m[1]);
const attr = (a, name) => {
  const m = new RegExp(` ${name}="([^"]*)"`).exec(a);
  return m ? m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : '';
};
const byCheck = new Map();
for (const f of json.files) for (const code of new Set(f.diagnostics.map((d) => String(d.code)))) byCheck.set(code, (byCheck.get(code) ?? 0) + 1);
const [someCheck, someCheckCount] = [...byCheck.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).find(([, n]) => n < files) ?? [...byCheck.entries()][0];
const findingsOfCheck = json.files.reduce((n, f) => n + f.diagnostics.filter((d) => String(d.code) === someCheck).length, 0);
const bodies = new Map();
for (const a of rowAttrs) {
  const b = attr(a, 'data-body');
  if (b) bodies.set(b, (bodies.get(b) ?? 0) + 1);
}
const [someBody, someBodyCount] = [...bodies.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
const maxErrors = Math.max(...rowAttrs.map((a) => Number(attr(a, 'data-errors'))));

const { chromium: pw } = require('playwright-core');
const browser = await pw.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  const errors = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(pageZh).href;
  await page.goto(url, { waitUntil: 'load' });
  check(errors.length === 0, `no console or page error (${errors.slice(0, 3).join(' | ')})`);
  check(requests.every((u) => u === url), `no request but the page itself (${requests.filter((u) => u !== url).slice(0, 3).join(' ')})`);
  const visibleRows = () => page.locator('tr.row:not(.hidden)').count();
  const visibleReports = () => page.locator('section.report:not(.hidden)').count();
  check((await visibleRows()) === files && (await visibleReports()) === files, `${files} rows and ${files} report sections shown`);
  check((await page.locator('h1').textContent()) === '法治政府建设年度报告审核汇总', 'the heading is Chinese');

  // filter by check
  await page.selectOption('#f-check', someCheck);
  check((await visibleRows()) === someCheckCount, `check ${someCheck}: ${someCheckCount} rows (got ${await visibleRows()})`);
  check((await visibleReports()) === someCheckCount, `check ${someCheck}: ${someCheckCount} report sections`);
  const shownFindings = await page.locator('section.report:not(.hidden) li.finding:not(.hidden)').count();
  check(shownFindings === findingsOfCheck, `check ${someCheck}: its ${findingsOfCheck} findings shown, no other (got ${shownFindings})`);
  check((await page.locator('#shown').textContent()).includes(`${someCheckCount} / ${files}`), 'the count line follows the filter');
  await page.selectOption('#f-check', '');
  // filter by body
  if (someBody) {
    await page.selectOption('#f-body', someBody);
    check((await visibleRows()) === someBodyCount, `body ${someBody}: ${someBodyCount} rows (got ${await visibleRows()})`);
    await page.selectOption('#f-body', '');
  } else check(false, 'some report has a body');
  check((await visibleRows()) === files, 'clearing the filters shows every row again');
  // sort by errors: the first row has the most errors
  await page.selectOption('#f-sort', 'errors');
  const firstErrors = Number(await page.locator('tr.row').first().getAttribute('data-errors'));
  check(firstErrors === maxErrors, `sorted by errors: first row has ${maxErrors} errors (got ${firstErrors})`);
  const firstSection = await page.locator('section.report').first().getAttribute('data-index');
  check(firstSection === (await page.locator('tr.row').first().getAttribute('data-index')), 'report sections follow the sort');
  await page.selectOption('#f-sort', 'file');
  check((await page.locator('tr.row').first().getAttribute('data-index')) === '0', 'sorted by file again: first row is the first file');

  // escaping: the fixture's <script> and onerror are text
  const pwned = await page.evaluate(() => window.__pwned);
  check(pwned === undefined, 'markup inside a report runs no script');
  const quoted = await page.locator('blockquote', { hasText: '<script>window.__pwned = 1</script>' }).count();
  check(quoted >= 1, 'the sentence with <script> is shown as text');

  // print layout
  await page.emulateMedia({ media: 'print' });
  const print = await page.evaluate(() => ({
    controls: getComputedStyle(document.querySelector('.controls')).display,
    breakBefore: getComputedStyle(document.querySelector('section.report')).breakBefore,
  }));
  check(print.controls === 'none', 'print: the controls are hidden');
  check(print.breakBefore === 'page', `print: each report starts a page (${print.breakBefore})`);
  const pdf = await page.pdf({ format: 'A4' });
  check(pdf.length > 1000 && pdf.subarray(0, 4).toString() === '%PDF', `print to A4 PDF (${pdf.length} bytes)`);
  await page.emulateMedia({ media: 'screen' });

  if (process.argv.includes('--screenshot')) {
    const out = path.join(root, 'docs', 'images', 'summary.png');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: false });
    log(`screenshot: ${path.relative(root, out)}`);
  }

  // English
  const en = await browser.newPage();
  const enErrors = [];
  en.on('console', (m) => m.type() === 'error' && enErrors.push(m.text()));
  en.on('pageerror', (e) => enErrors.push(String(e)));
  await en.goto(pathToFileURL(pageEn).href, { waitUntil: 'load' });
  check((await en.locator('h1').textContent()) === 'Rule-of-law annual reports: review summary' && enErrors.length === 0, '--locale en: English heading, no error');
} finally {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
if (failures.length) {
  log(`${failures.length} failed`);
  process.exit(1);
}
log('all passed');
