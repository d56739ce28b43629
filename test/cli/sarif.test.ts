// `check --format sarif`: a SARIF 2.1.0 log, validated against the SARIF 2.1.0 JSON schema (test/fixtures/sarif/,
// see SOURCE.md there), with the driver, rules, levels, regions and related places pinned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { allRules } from '../../server/src/engine';
import { fixturesDir, repoRoot } from '../helpers/paths';
import { runCli } from './run';
import { GAP, tempDir, writeFiles } from './tmp';

const schema = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
// unicodeRegExp: false: the schema's `language` pattern (^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$) has a lone `]`,
// legal in a plain JavaScript regular expression but not with the u flag ajv uses by default.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function assertValid(log: Json): void {
  const ok = validate(log);
  assert.ok(ok, 'valid SARIF 2.1.0: ' + ajv.errorsText(validate.errors, { separator: '\n' }));
}

const rel = (name: string) => path.join('test', 'fixtures', 'cli', name);

test('the schema check is real: a log without its version is rejected', () => {
  const r = runCli(['check', '--format', 'sarif', rel('utf8-bom.txt')]);
  const log = JSON.parse(r.stdout);
  delete log.version;
  assert.equal(validate(log), false);
  const bad = JSON.parse(r.stdout);
  bad.runs[0].results[0].level = 'severe';
  assert.equal(validate(bad), false);
});

test('sarif: valid SARIF 2.1.0 for several files, with the driver and every check as a rule', () => {
  const files = ['utf8-bom.txt', 'crlf.txt', 'utf16le.txt', 'gbk.txt', 'clean.txt', 'errors.txt'].map(rel);
  const r = runCli(['check', '--format', 'sarif', ...files]);
  assert.equal(r.stderr, '');
  const log = JSON.parse(r.stdout) as Json;
  assertValid(log);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.name, 'fazhi-report');
  assert.equal(driver.version, pkg.version);
  assert.match(driver.informationUri, /^file:\/\/.*\/README\.md$/);
  assert.deepEqual(driver.rules.map((x: Json) => x.id), allRules.map((x) => x.code));
  const hn = driver.rules.find((x: Json) => x.id === 'heading-numbering');
  assert.equal(hn.shortDescription.text, '标题序号不连续');
  assert.equal(hn.helpUri, pathToFileURL(path.join(repoRoot, 'docs', 'rules', 'heading-numbering.md')).href);
  assert.equal(hn.defaultConfiguration.level, 'warning');
  assert.equal(driver.rules.find((x: Json) => x.id === 'rate-mismatch').defaultConfiguration.level, 'error');
  assert.equal(driver.rules.find((x: Json) => x.id === 'section-order').defaultConfiguration.level, 'note');
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(repoRoot).href + '/');
  // every result names a known rule by id and index, and a file given on the command line
  for (const res of run.results) {
    assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
    assert.ok(files.includes(res.locations[0].physicalLocation.artifactLocation.uri), res.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(['error', 'warning', 'note'].includes(res.level));
  }
  // the exit code is the text format's: errors.txt has error-severity findings
  assert.ok(run.results.some((x: Json) => x.level === 'error'));
  assert.equal(r.code, 1);
});

test('sarif: the numbering gap as a result: level, 1-based region, relative uri, related location', () => {
  const r = runCli(['check', '--format', 'sarif', rel('utf8-bom.txt')]);
  const log = JSON.parse(r.stdout) as Json;
  assertValid(log);
  const res = log.runs[0].results.find((x: Json) => x.ruleId === 'heading-numbering');
  assert.equal(res.level, 'warning');
  assert.match(res.message.text, /^标题序号不连续：“四、”前应为“三、”/);
  assert.deepEqual(res.locations[0].physicalLocation, {
    artifactLocation: { uri: 'test/fixtures/cli/utf8-bom.txt', uriBaseId: '%SRCROOT%' },
    region: { startLine: 6, startColumn: 1, endLine: 6, endColumn: 3 },
  });
  assert.deepEqual(res.relatedLocations, [
    {
      id: 1,
      physicalLocation: {
        artifactLocation: { uri: 'test/fixtures/cli/utf8-bom.txt', uriBaseId: '%SRCROOT%' },
        region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 7 },
      },
      message: { text: '同级上一个标题' },
    },
  ]);
});

test('sarif: levels follow the configured severities; Chinese file names are percent-encoded; --locale en', () => {
  const dir = tempDir();
  writeFiles(dir, {
    '.fazhi-report.json': JSON.stringify({ rules: { 'heading-numbering': 'information', 'missing-section': 'error' } }),
    '报告 草稿/某市报告.txt': GAP,
  });
  const r = runCli(['check', '--format', 'sarif', '--locale', 'en', '报告 草稿'], dir);
  const log = JSON.parse(r.stdout) as Json;
  assertValid(log);
  const results = log.runs[0].results;
  assert.equal(results.find((x: Json) => x.ruleId === 'heading-numbering').level, 'note');
  assert.equal(results.find((x: Json) => x.ruleId === 'missing-section').level, 'error');
  assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, '%E6%8A%A5%E5%91%8A%20%E8%8D%89%E7%A8%BF/%E6%9F%90%E5%B8%82%E6%8A%A5%E5%91%8A.txt');
  assert.equal(log.runs[0].tool.driver.rules[0].shortDescription.text, 'Heading numbers out of sequence');
  assert.match(results.find((x: Json) => x.ruleId === 'heading-numbering').message.text, /numbering/i);
  assert.equal(r.code, 1);
});

test('sarif: a file outside the working folder gets an absolute file: URI; no files, no results, still valid', () => {
  const dir = tempDir();
  writeFiles(dir, { 'r.txt': GAP });
  const r = runCli(['check', '--format', 'sarif', path.join(dir, 'r.txt')]);
  const log = JSON.parse(r.stdout) as Json;
  assertValid(log);
  const loc = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
  assert.deepEqual(loc, { uri: pathToFileURL(path.join(dir, 'r.txt')).href });
  const empty = runCli(['check', '--format', 'sarif', dir + '/none'], dir);
  assert.equal(empty.code, 2); // the file does not exist: a read error, but stdout is still a valid log
  const emptyLog = JSON.parse(empty.stdout) as Json;
  assertValid(emptyLog);
  assert.deepEqual(emptyLog.runs[0].results, []);
});

test('FAZHI_REPORT_RULES_DOCS points the rule pages and the tool page at a web address', async () => {
  const { spawnSync } = await import('node:child_process');
  const { binPath } = await import('./run');
  const p = spawnSync(process.execPath, [binPath, 'check', '--format', 'sarif', rel('clean.txt')], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, FAZHI_REPORT_RULES_DOCS: 'https://example.org/fazhi-report/docs/rules' },
  });
  const log = JSON.parse(p.stdout) as Json;
  assertValid(log);
  assert.equal(log.runs[0].tool.driver.informationUri, 'https://example.org/fazhi-report/README.md');
  assert.equal(log.runs[0].tool.driver.rules[0].helpUri, 'https://example.org/fazhi-report/docs/rules/heading-numbering.md');
});
