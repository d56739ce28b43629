// The built server over stdio, on the five seed reports: outline, folding and diagnostics must be exactly the
// engine's results through the shared conversion.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine';
import { toDocumentSymbols } from '../../server/src/present/convert';
import { assertEngineDiagnostics } from './expect';
import { readText, seedFiles } from '../helpers/paths';
import { TestClient } from './lsp-client';
import { containmentProblems, countNodes, countSymbols, multiLineSections } from './symbols';

const seeds = seedFiles().map((file) => ({ file, uri: pathToFileURL(file).href, text: readText(file) }));
let client: TestClient;

before(async () => {
  client = await TestClient.start({ locale: 'zh-cn' });
  for (const s of seeds) client.open(s.uri, s.text);
});

after(async () => {
  client.kill();
});

test('initialize announces full sync, document symbols and folding ranges', () => {
  const caps = client.initializeResult?.capabilities;
  // Other capabilities (save, code actions, …) may be added; these are the ones this suite relies on.
  const sync = caps?.textDocumentSync;
  assert.ok(sync && typeof sync === 'object');
  assert.equal(sync.openClose, true);
  assert.equal(sync.change, 1);
  assert.equal(caps?.documentSymbolProvider, true);
  assert.equal(caps?.foldingRangeProvider, true);
  assert.equal(client.initializeResult?.serverInfo?.name, 'fazhi-report');
});

test('there are five seeds', () => {
  assert.equal(seeds.length, 5);
});

for (const seed of seeds) {
  const name = path.basename(seed.file);

  test(`${name}: documentSymbol is the engine outline through the shared conversion`, async () => {
    const symbols = await client.symbols(seed.uri);
    const outline = analyze(seed.text, { locale: 'zh-cn' }).outline;
    assert.ok(Array.isArray(symbols));
    assert.deepEqual(symbols, toDocumentSymbols(outline));
    assert.ok(countNodes(outline) > 0, 'a seed report has headings');
    assert.equal(countSymbols(symbols), countNodes(outline));
    assert.deepEqual(containmentProblems(symbols), []);
    for (const s of symbols) assert.ok(s.name.trim().length > 0);
  });

  test(`${name}: one folding range per multi-line section`, async () => {
    const ranges = await client.folding(seed.uri);
    const expected = multiLineSections(analyze(seed.text).outline);
    assert.ok(expected.length > 0);
    assert.deepEqual(
      (ranges ?? []).map((r) => [r.startLine, r.endLine]),
      expected,
    );
    assert.ok((ranges ?? []).every((r) => r.kind === 'region'));
  });

  test(`${name}: diagnostics are published for version 1, from fazhi-report, as the engine finds them`, async () => {
    const published = await client.waitForDiagnostics(seed.uri, (p) => p.version === 1);
    assert.ok(published.diagnostics.every((d) => d.source === 'fazhi-report'));
    // The first run never waits for word segmentation, but a later seed may already see it loaded: either is right.
    assertEngineDiagnostics(published.diagnostics, seed.text, seed.uri);
  });
}

test('shutdown and exit end the server with code 0', async () => {
  const c = await TestClient.start();
  assert.equal(await c.stop(), 0);
});
