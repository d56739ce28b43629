// Rule documentation (issue 5): one page per check code under docs/rules/, and the examples on each page are tested
// (Harper / Weir style). A fenced block whose info string has `pass` or `fail` is an example:
//
//   ```text fail                 must give at least one finding with the page's code
//   ```text fail information     … and every such finding has this severity
//   ```text pass                 must give no finding with the page's code (other checks may speak)
//
// `markdown` may stand for `text`. Blocks written for people, not the checker, carry neither word.
// Configuration blocks are checked too: ```json fazhi-report (a .fazhi-report.json) must be valid, its "rules" must
// turn the page's first fail example off (or to the severity given), and its "accepted" entries must silence that
// example; ```json vscode-settings (a settings.json) may only name fazhiReport.rules.<code> keys with valid values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, allRules, validateWorkspaceConfig, type AnalyzeOptions } from '../../server/src/engine';
import { check, segmenter } from '../helpers/engine';
import { checkAcross } from '../../server/src/engine/across';
import { repoRoot } from '../helpers/paths';

const docsDir = path.join(repoRoot, 'docs', 'rules');
const defaults = Object.fromEntries(allRules.map((r) => [r.code, r.defaultSeverity])) as Record<string, string>;
const codes = allRules.map((r) => r.code);
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

interface Block {
  info: string[];
  body: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

/** Fenced blocks (``` or longer backtick fences) of a Markdown page. */
function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j].startsWith(fence) && lines[j].slice(fence.length).trim() === '')) body.push(lines[j++]);
    assert.ok(j < lines.length, `unclosed code fence at line ${i + 1}`);
    out.push({ info: open[2].trim().split(/\s+/).filter(Boolean), body: body.join('\n') + '\n', line: i + 1 });
    i = j;
  }
  return out;
}

const pages = fs.existsSync(docsDir) ? fs.readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort() : [];
const pageOf = (code: string) => path.join(docsDir, `${code}.md`);
const examplesOf = (code: string) =>
  blocks(fs.readFileSync(pageOf(code), 'utf8')).filter((b) => b.info.includes('pass') || b.info.includes('fail'));
/**
 * The findings of one code for an example. An example of several reports (lines "=== 文件名 ===" before each) is
 * checked as a folder: each report alone, then across the reports (engine/across), as the command line does.
 */
const ofCode = (text: string, code: string, options: AnalyzeOptions = {}) => {
  const parts = text.split(/^=== (.+?) ===\n/m);
  if (parts.length < 3) return check(text, options).filter((f) => f.code === code);
  const files: { file: string; text: string }[] = [];
  for (let i = 1; i + 1 < parts.length; i += 2) files.push({ file: parts[i], text: parts[i + 1] });
  const findings = files.flatMap((f) => check(f.text, options));
  const setting = options.rules?.['across-reports'];
  const severity = typeof setting === 'string' ? setting : setting?.severity;
  const inputs = files.map((f) => ({ ...f, analysis: analyze(f.text, { ...options, segmenter: segmenter! }) }));
  for (const list of checkAcross(inputs, { segmenter: segmenter!, severity }).values()) {
    findings.push(...list.filter((f) => !(options.accepted ?? []).some((a) => a.rule === f.code)));
  }
  return findings.filter((f) => f.code === code);
};

test('the engine runs with the word segmenter, as in the editor', () => {
  assert.ok(segmenter);
});

test('every registered check has a page in docs/rules/', () => {
  const missing = codes.filter((c) => !fs.existsSync(pageOf(c)));
  assert.deepEqual(missing, [], `no documentation page for: ${missing.join(', ')} (write docs/rules/<code>.md)`);
});

test('every page in docs/rules/ belongs to a check code (no stale or misspelt pages)', () => {
  const stray = pages.map((p) => p.replace(/\.md$/, '')).filter((p) => !codes.includes(p));
  assert.deepEqual(stray, [], `pages without a check: ${stray.join(', ')}`);
});

test('the index (docs/rules/README.md) links every page', () => {
  const index = fs.readFileSync(path.join(docsDir, 'README.md'), 'utf8');
  for (const c of codes) assert.ok(index.includes(`(${c}.md)`), `docs/rules/README.md does not link ${c}.md`);
});

for (const code of codes) {
  test(`${code}: the page states the rule's default severity`, (t) => {
    if (!fs.existsSync(pageOf(code))) return t.skip('no page (reported above)');
    const page = fs.readFileSync(pageOf(code), 'utf8');
    const zh = /默认级别[:：]\s*`([a-z]+)`/.exec(page);
    const en = /Default severity:\s*`([a-z]+)`/.exec(page);
    assert.ok(zh && en, 'the page says 默认级别：`…` and Default severity: `…`');
    assert.equal(zh![1], defaults[code]);
    assert.equal(en![1], defaults[code]);
  });

  test(`${code}: at least one pass and one fail example, each behaving as labelled`, (t) => {
    if (!fs.existsSync(pageOf(code))) return t.skip('no page (reported above)');
    const examples = examplesOf(code);
    assert.ok(examples.some((b) => b.info.includes('fail')), 'the page has a ```text fail example');
    assert.ok(examples.some((b) => b.info.includes('pass')), 'the page has a ```text pass example');
    const wrong: string[] = [];
    for (const b of examples) {
      const fail = b.info.includes('fail');
      assert.ok(!(fail && b.info.includes('pass')), `line ${b.line}: pass or fail, not both`);
      assert.ok(['text', 'markdown'].includes(b.info[0]), `line ${b.line}: info string starts with text or markdown`);
      const found = ofCode(b.body, code);
      const shown = found.map((f) => `${f.range.start.line + 1}:${f.severity} ${f.message}`).join(' | ');
      if (fail && found.length === 0) wrong.push(`line ${b.line} (fail): no ${code} finding\n${b.body}`);
      if (!fail && found.length > 0) wrong.push(`line ${b.line} (pass): ${shown}\n${b.body}`);
      const severity = b.info.find((w) => SEVERITIES.includes(w));
      if (fail && severity && found.some((f) => f.severity !== severity)) wrong.push(`line ${b.line} (fail ${severity}): ${shown}`);
    }
    assert.deepEqual(wrong, [], 'examples that do not behave as labelled');
  });

  test(`${code}: configuration blocks are valid and do what the page says`, (t) => {
    if (!fs.existsSync(pageOf(code))) return t.skip('no page (reported above)');
    const all = blocks(fs.readFileSync(pageOf(code), 'utf8'));
    const firstFail = all.find((b) => b.info.includes('fail'));
    assert.ok(firstFail);
    const contributed = contributedRuleSettings();
    let workspaceBlocks = 0;
    for (const b of all.filter((x) => x.info[0] === 'json')) {
      const json = JSON.parse(b.body) as Record<string, unknown>;
      if (b.info.includes('vscode-settings')) {
        for (const [key, value] of Object.entries(json)) {
          const m = /^fazhiReport\.rules\.([a-z-]+)$/.exec(key);
          assert.ok(m && codes.includes(m[1]), `line ${b.line}: ${key} is not fazhiReport.rules.<code>`);
          assert.ok([...SEVERITIES, 'off'].includes(value as string), `line ${b.line}: ${key} = ${String(value)}`);
          if (contributed) assert.ok(contributed.includes(key), `line ${b.line}: package.json does not contribute ${key}`);
        }
      } else if (b.info.includes('fazhi-report')) {
        workspaceBlocks++;
        const { config, errors } = validateWorkspaceConfig(json, codes);
        assert.deepEqual(errors, [], `line ${b.line}: .fazhi-report.json example is invalid`);
        const setting = config.rules?.[code];
        if (setting) {
          const found = ofCode(firstFail!.body, code, { rules: config.rules });
          if (setting === 'off') assert.equal(found.length, 0, `line ${b.line}: "${code}": "off" leaves findings`);
          else assert.ok(found.length > 0 && found.every((f) => f.severity === setting), `line ${b.line}: severity ${setting} not applied`);
        }
        const accepted = (config.accepted ?? []).filter((a) => a.rule === code);
        if (accepted.length) {
          assert.ok(ofCode(firstFail!.body, code).length > 0);
          assert.deepEqual(ofCode(firstFail!.body, code, { accepted }), [], `line ${b.line}: the accepted sentence does not silence the first fail example (line ${firstFail!.line})`);
        }
      } else assert.fail(`line ${b.line}: a json block says fazhi-report or vscode-settings`);
    }
    assert.ok(workspaceBlocks > 0, 'the page shows .fazhi-report.json');
  });
}

/** The fazhiReport.rules.* settings package.json contributes, or null while it contributes none. */
function contributedRuleSettings(): string[] | null {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const conf = pkg.contributes?.configuration;
  const list = (Array.isArray(conf) ? conf : conf ? [conf] : []).flatMap((c: { properties?: Record<string, unknown> }) => Object.keys(c.properties ?? {}));
  const rules = list.filter((k: string) => k.startsWith('fazhiReport.rules.'));
  return rules.length ? rules : null;
}

test('the index: its configuration blocks are valid, its accepted sentence and its suppression example work', () => {
  const all = blocks(fs.readFileSync(path.join(docsDir, 'README.md'), 'utf8'));
  for (const b of all.filter((x) => x.info[0] === 'json')) {
    const json = JSON.parse(b.body) as Record<string, unknown>;
    if (b.info.includes('vscode-settings')) {
      for (const [key, value] of Object.entries(json)) {
        assert.match(key, /^fazhiReport\.rules\.[a-z-]+$/);
        assert.ok(codes.includes(key.slice('fazhiReport.rules.'.length)), key);
        assert.ok([...SEVERITIES, 'off'].includes(value as string), `${key} = ${String(value)}`);
      }
      continue;
    }
    assert.ok(b.info.includes('fazhi-report'), `line ${b.line}: a json block says fazhi-report or vscode-settings`);
    const { config, errors } = validateWorkspaceConfig(json, codes);
    assert.deepEqual(errors, [], `line ${b.line}`);
    for (const a of config.accepted ?? []) {
      assert.ok(ofCode(a.text, a.rule).length > 0, `line ${b.line}: the accepted sentence alone gives no ${a.rule} finding`);
      assert.deepEqual(ofCode(a.text, a.rule, { accepted: [a] }), [], `line ${b.line}: accepting it does not silence it`);
    }
  }
  // the suppression example: silent as written, and each check it names speaks once the comments are taken out
  const example = all.find((b) => b.info[0] === 'text' && /fazhi-report-disable|法治报告检查/.test(b.body));
  assert.ok(example, 'the index shows the suppression comments in a text block');
  const named = [...new Set([...example!.body.matchAll(/(?:disable(?:-next-line|-line)?|忽略下一行|忽略本行)\s+([a-z][a-z-]+)/g)].map((m) => m[1]))];
  assert.ok(named.length >= 2);
  const bare = example!.body
    .split('\n')
    .filter((l) => !/^\s*(\/\/|<!--.*-->\s*$)/.test(l))
    .map((l) => l.replace(/\s*<!--.*?-->/g, ''))
    .join('\n');
  for (const code of named) {
    assert.deepEqual(ofCode(example!.body, code), [], `the example still shows ${code}`);
    assert.ok(ofCode(bare, code).length > 0, `without its comments the example shows no ${code}: it proves nothing`);
  }
});

test('a page example is checked exactly as the engine checks any text (no hidden options)', () => {
  const text = '全年受理行政复议案件120件，较上年100件下降20%。\n';
  assert.deepEqual(
    check(text).map((f) => f.code),
    analyze(text, { segmenter: segmenter! }).findings.map((f) => f.code),
  );
});

test('every check has its title in both message catalogs (rule.<code>.title: SARIF and rule info), figure checks their hover name', () => {
  const catalogs = ['zh-cn', 'en'].map((l) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'server', 'data', 'messages', `${l}.json`), 'utf8')) as Record<string, string>);
  const missing: string[] = [];
  for (const c of codes) for (const [i, cat] of catalogs.entries()) if (!cat[`rule.${c}.title`]) missing.push(`${['zh-cn', 'en'][i]}: rule.${c}.title`);
  for (const c of allRules.filter((r) => r.tags.includes('figures')).map((r) => r.code)) {
    for (const [i, cat] of catalogs.entries()) if (!cat[`rule.${c}.name`]) missing.push(`${['zh-cn', 'en'][i]}: rule.${c}.name`);
  }
  assert.deepEqual(missing, []);
});
