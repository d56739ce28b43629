// fazhiReport/checkAcross over the protocol (the workspace check's last step): two consecutive years of one body,
// this year's 较上年 figure contradicting last year's report → one across-reports diagnostic on this year's line,
// its related place in last year's file; without the contradiction, none; malformed input answers, never throws.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { EditorClient, fileUri, tempWorkspace } from './editor-client';
import { fixturesDir } from '../helpers/paths';

let client: EditorClient;
before(async () => {
  client = await EditorClient.start({ workspaceFolder: tempWorkspace() });
});
after(() => client.kill());

const files = (name: string) =>
  ['2023.txt', '2024.txt'].map((f) => {
    const p = path.join(fixturesDir, 'across', name, f);
    return { uri: fileUri(p), text: fs.readFileSync(p, 'utf8') };
  });

test('checkAcross: a contradicting prior-year figure is one diagnostic linking last year\'s file; none without it', async () => {
  const [y2023, y2024] = files('contradiction');
  const r = await client.connection.sendRequest<{ files: { uri: string; diagnostics: Diagnostic[] }[] }>('fazhiReport/checkAcross', { files: [y2023, y2024] });
  const mine = r.files.find((f) => f.uri === y2024.uri)!.diagnostics.filter((d) => (d.data as { prior?: number })?.prior !== undefined);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].code, 'across-reports');
  assert.equal(mine[0].range.start.line, 3);
  assert.ok(mine[0].relatedInformation!.some((x) => x.location.uri === y2023.uri && x.location.range.start.line === 3));
  const ok = await client.connection.sendRequest<{ files: { uri: string; diagnostics: Diagnostic[] }[] }>('fazhiReport/checkAcross', { files: files('consistent') });
  assert.deepEqual(ok.files.flatMap((f) => f.diagnostics).filter((d) => (d.data as { prior?: number })?.prior !== undefined), []);
  const bad = await client.connection.sendRequest<{ files: unknown[] }>('fazhiReport/checkAcross', { files: [{ uri: 1 }, null, 'x'] });
  assert.deepEqual(bad.files, []);
});
