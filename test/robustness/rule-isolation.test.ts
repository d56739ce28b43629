// A check that throws is isolated: the other checks' findings are still returned (and published), and the error
// names the rule once. In the engine through analyze's rule list; in the server through a bundle of the real
// server built by this test with one extra rule appended to the registry at bundle time (esbuild plugin), so the
// production code has no test hook.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine';
import type { Rule } from '../../server/src/engine/rule';
import { rules as realRules } from '../../server/src/engine/rules';
import { segmenter } from '../helpers/engine';
import { readText, repoRoot, seedFiles } from '../helpers/paths';
import { assertEngineDiagnostics } from '../protocol/expect';
import { sleep, TestClient } from '../protocol/lsp-client';

const TRIGGER = '【测试：抛出异常】';
const seeds = seedFiles().map(readText);

const throwing: Rule = {
  code: 'test-throws',
  tags: [],
  defaultSeverity: 'warning',
  check() {
    throw new Error('thrown on purpose');
  },
};
const throwsMidway: Rule = {
  code: 'test-throws-after-reporting',
  tags: [],
  defaultSeverity: 'warning',
  check(ctx) {
    ctx.report({ messageId: 'rule.error', args: { code: 'x', error: 'y' }, range: ctx.doc.lineRange(0) });
    throw new TypeError('half done');
  },
};

test('engine: a throwing check is named once in ruleErrors and the real checks still report', () => {
  for (const text of seeds) {
    const expected = analyze(text, { segmenter: segmenter! });
    const got = analyze(text, { segmenter: segmenter! }, [throwing, ...realRules]);
    assert.deepEqual(got.findings, expected.findings);
    assert.deepEqual(got.outline, expected.outline);
    assert.deepEqual(got.ruleErrors, [{ code: 'test-throws', error: 'thrown on purpose' }]);
  }
});

test('engine: wherever it sits in the list, and however many throw, each is named once', () => {
  const text = seeds[2];
  const expected = analyze(text, { segmenter: segmenter! }).findings;
  const mid = Math.floor(realRules.length / 2);
  const list = [...realRules.slice(0, mid), throwing, ...realRules.slice(mid), throwsMidway];
  const got = analyze(text, { segmenter: segmenter! }, list);
  assert.deepEqual(
    got.ruleErrors.map((e) => e.code),
    ['test-throws', 'test-throws-after-reporting'],
  );
  // what a check reported before it threw is kept or dropped, but the real checks' findings are all there
  assert.deepEqual(got.findings.filter((f) => !f.code.startsWith('test-')), expected);
  // a check that throws on every run keeps being isolated, run after run
  for (let i = 0; i < 3; i++) assert.equal(analyze(text, {}, list).ruleErrors.length, 2);
});

// ---- the server ----

const bundle = path.join(__dirname, 'server-with-throwing-rule.js');
let client: TestClient | undefined;
after(() => client?.kill());

async function buildServerWithThrowingRule(): Promise<void> {
  await build({
    entryPoints: [path.join(repoRoot, 'server', 'src', 'lsp', 'main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'nodejieba'],
    logLevel: 'error',
    absWorkingDir: repoRoot,
    plugins: [
      {
        name: 'append-throwing-rule',
        setup(b) {
          b.onLoad({ filter: /[\\/]engine[\\/]rules[\\/]index\.ts$/ }, (args) => ({
            loader: 'ts',
            contents:
              readFileSync(args.path, 'utf8') +
              `\nrules.push({ code: 'test-throws', tags: [], defaultSeverity: 'warning', check(ctx) { if (ctx.doc.text.includes(${JSON.stringify(TRIGGER)})) throw new Error('thrown on purpose'); } });\n`,
          }));
        },
      },
    ],
  });
}

test('server: the other checks are published and the error is logged once with the rule\'s name', async () => {
  await buildServerWithThrowingRule();
  client = await TestClient.start({ args: [bundle, '--stdio'] });
  const logsNaming = () => client!.logs.filter((l) => l.includes('test-throws')).length;
  const uri = pathToFileURL(path.join(repoRoot, 'seeds', 'throwing.fzbg.txt')).href;
  // an ordinary report: the rule does not throw, nothing is logged
  client.open(uri, seeds[0]);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.equal(logsNaming(), 0);
  // the trigger: the other checks' diagnostics still come, the error is logged once…
  const texts: string[] = [];
  for (let v = 2; v <= 4; v++) {
    const text = seeds[v % seeds.length] + '\n' + TRIGGER + '\n';
    texts.push(text);
    client.change(uri, v, text);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === v, 30000);
    assert.ok(p.diagnostics.length > 0, 'the real checks still report');
    assertEngineDiagnostics(p.diagnostics, text, uri);
  }
  // …also in a second document, and after the dictionary arrived and everything was re-checked
  const uri2 = uri.replace('throwing', 'throwing-2');
  client.open(uri2, seeds[1] + TRIGGER);
  await client.waitForDiagnostics(uri2, (p) => p.version === 1);
  await sleep(2500);
  const last = client.publishesFor(uri).at(-1)!;
  assert.equal(last.version, 4);
  assertEngineDiagnostics(last.diagnostics, texts[2], uri);
  assert.equal(logsNaming(), 1, `logged once: ${client.logs.filter((l) => l.includes('test-throws')).join(' | ')}`);
  assert.ok(client.logs.some((l) => l.includes('test-throws') && l.includes('thrown on purpose')));
  assert.equal(await client.stop(), 0);
});
