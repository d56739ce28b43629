// The standard extension-test entry: VS Code (through @vscode/test-electron) or code-server (through the smoke-test
// driver payload) loads this module in the extension host and awaits run(). It runs every compiled *.e2e.js suite
// beside it with mocha and rejects when a test fails, which makes the runner exit non-zero.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { prepareScreenshot } from './screenshot';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    // The first test waits for the language server to start; every wait inside a test has its own, shorter limit.
    timeout: 60_000,
  });
  if (process.env.FAZHI_E2E_GREP) mocha.grep(process.env.FAZHI_E2E_GREP);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.e2e.js'))
    .sort();
  if (files.length === 0) throw new Error(`no *.e2e.js suites in ${__dirname}`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  // `npm run screenshot`: no tests, a clean workbench for the picture only.
  const screenshotOnly = !!process.env.FAZHI_E2E_SCREENSHOT_ONLY;
  const failures = screenshotOnly ? 0 : await new Promise<number>((resolve, reject) => {
    try {
      mocha.run((n) => resolve(n));
    } catch (e) {
      reject(e);
    }
  });
  if (!screenshotOnly) console.log(`[e2e] result: ${failures === 0 ? 'all tests passed' : `${failures} test(s) failed`}`);
  // The code-server runner asks for a picture of the workbench after the tests (it takes it when told the view is ready).
  if (process.env.FAZHI_E2E_SCREENSHOT) {
    try {
      await prepareScreenshot();
    } catch (e) {
      console.error(`[e2e] could not prepare the screenshot: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
