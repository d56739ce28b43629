// Pinned text expectations (outlines, findings). A test compares the produced text with the committed file;
// with UPDATE_SNAPSHOTS=1 the file is rewritten instead (review the diff before committing it).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

export function matchSnapshot(file: string, actual: string): void {
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `missing pinned file ${file} (run with UPDATE_SNAPSHOTS=1 and review it)`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `output differs from ${path.basename(file)}`);
}
