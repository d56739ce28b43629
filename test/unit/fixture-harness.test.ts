// The fixture format itself (test/helpers/fixtures.ts): markers, columns, the configuration header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/engine';
import { detailMismatches, fixtureOptions, parseFixture, keys } from '../helpers/fixtures';
import { repoRoot } from '../helpers/paths';

test('fixture markers are read with their line shifts and removed from the text', () => {
  const { text, expected, config } = parseFixture('一、甲\n二、乙 {{a-b}}\n四、丁 {{x}}{{y:-1}}\n');
  assert.equal(text, '一、甲\n二、乙\n四、丁\n');
  assert.deepEqual(keys(expected), ['2:a-b', '2:y', '3:x']);
  assert.deepEqual(config, {});
});

test('a marker may state a severity, with or without a line shift; a wrong severity is reported', () => {
  const { text, expected } = parseFixture('甲 {{a-b:warning}}\n乙 {{c:error:-1}}{{d}}\n');
  assert.equal(text, '甲\n乙\n');
  assert.deepEqual(expected, [
    { line: 0, code: 'a-b', severity: 'warning' },
    { line: 0, code: 'c', severity: 'error' },
    { line: 1, code: 'd' },
  ]);
  assert.deepEqual(detailMismatches(expected, [
    { line: 0, character: 0, code: 'a-b', severity: 'error' },
    { line: 0, character: 0, code: 'c', severity: 'error' },
    { line: 1, character: 0, code: 'd', severity: 'hint' },
  ]), ['1:a-b: warning expected, error found at column 1']);
});

test('a marker may state a 1-based column, alone or with a severity and a shift', () => {
  const { expected } = parseFixture('甲乙 {{a@3}}{{b:warning@1:+1}}\n丙\n');
  assert.deepEqual(expected, [
    { line: 0, code: 'a', column: 3 },
    { line: 1, code: 'b', severity: 'warning', column: 1 },
  ]);
  // two markers of one code on one line pair with the two findings whatever their order
  const two = parseFixture('x {{a@5}}{{a@2}}\n').expected;
  assert.deepEqual(detailMismatches(two, [
    { line: 0, character: 1, code: 'a', severity: 'error' },
    { line: 0, character: 4, code: 'a', severity: 'error' },
  ]), []);
  assert.deepEqual(detailMismatches(two, [
    { line: 0, character: 1, code: 'a', severity: 'error' },
    { line: 0, character: 6, code: 'a', severity: 'error' },
  ]), ['1:a: column 5 expected, error found at column 7']);
  assert.throws(() => parseFixture('x {{a@0}}\n'), /columns start at 1/);
});

test('a marker that is not well formed is an error, not silently part of the text', () => {
  assert.throws(() => parseFixture('x {{rate-mismatch:warn}}\n'), /not \{\{code/);
});

test('the configuration header is read, validated and blanked so that line numbers hold', () => {
  const f = parseFixture('<!-- fazhi-report-configure-file {"rules":{"unbacked-metric":"off","funnel-order":"warning"}} -->\n全年受理案件90件。 {{funnel-order:warning}}\n');
  assert.equal(f.text, '\n全年受理案件90件。\n');
  assert.deepEqual(f.config, { rules: { 'unbacked-metric': 'off', 'funnel-order': 'warning' } });
  assert.deepEqual(f.expected, [{ line: 1, code: 'funnel-order', severity: 'warning' }]);
  assert.deepEqual(fixtureOptions(f), { rules: { 'unbacked-metric': 'off', 'funnel-order': 'warning' } });
  assert.throws(() => parseFixture('<!-- fazhi-report-configure-file {"rules":{"no-such-check":"off"}} -->\n'), /no-such-check/);
  assert.throws(() => parseFixture('<!-- fazhi-report-configure-file {"rules": -->\n'), /not JSON/);
  assert.throws(() => parseFixture('<!-- fazhi-report-configure-file {"profile":"p.json"} -->\n'), /only rules, accepted/);
  assert.throws(() => parseFixture('甲\n<!-- fazhi-report-configure-file {} -->\n'), /first line/);
});

test('the header settings change what the engine reports', () => {
  const text = '全年收到行政复议申请84件，受理91件。';
  const on = parseFixture(text);
  const off = parseFixture(`<!-- fazhi-report-configure-file {"rules":{"funnel-order":"off"}} -->\n${text}`);
  const codes = (f: ReturnType<typeof parseFixture>) => analyze(f.text, fixtureOptions(f)).findings.map((x) => x.code);
  assert.ok(codes(on).includes('funnel-order'));
  assert.ok(!codes(off).includes('funnel-order'));
});

test('the fixture format as docs/contributing.md shows it is the one the helper reads', () => {
  const page = fs.readFileSync(path.join(repoRoot, 'docs', 'contributing.md'), 'utf8');
  const headers = [...page.matchAll(/`(<!-- fazhi-report-configure-file [^`]*-->)`/g)].map((m) => m[1]);
  assert.ok(headers.length >= 1, 'the page shows a configuration header');
  for (const h of headers) assert.ok(parseFixture(`${h}\n甲\n`).config.rules, h);
  const markers = [...page.matchAll(/`(\{\{[a-z][a-z-]*[^`]*\}\})`/g)].map((m) => m[1]).filter((m) => !m.includes('[')); // not the grammar line
  assert.ok(markers.some((m) => m.includes('@')), 'the page shows a column');
  for (const m of markers) assert.equal(parseFixture(`甲 ${m}\n乙\n`).expected.length, 1, m);
});
