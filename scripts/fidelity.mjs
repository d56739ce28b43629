// npm run fidelity — how faithful the figure checks are on the annotated development set.
//
// Reads ../shared/corpus2/GOLD.md (every checkable relation in ../shared/corpus2 and ../shared/corpus, each marked
// AGREES, GOLD (a real contradiction, with its strength), TRAP (looks wrong, is right) or UNVERIFIABLE), checks every
// text of both folders with the built checker (dist/), and prints per check:
//   - GOLD found: a GOLD relation with a finding on it (its range or one of its related figures falls inside the
//     relation's anchor), at error/warning level, or at information level for a soft GOLD (the issue's rule:
//     information when only truncation or the last digit separates the figures); the level is printed;
//   - false alarms: error/warning findings on no GOLD relation (each listed, with the relation it sits on, if any);
//   - TRAPs flagged: findings (any level) on a TRAP relation.
// Information-level figure findings are counted apart. `--json` prints the same as JSON (the tests read it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const shared = path.resolve(root, '..', 'shared');

/**
 * The figure checks measured here (error/warning findings of these codes are claims about figures): the checks the
 * registry tags `arithmetic`, within one report (not `across`), as the built checker lists them in its SARIF rules.
 */
export function figureCodes() {
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', '--format', 'sarif', path.join(root, 'seeds')], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules;
  return rules.filter((x) => x.properties?.tags?.includes('arithmetic') && !x.properties.tags.includes('across')).map((x) => x.id);
}
export const FIGURE_CODES = figureCodes();

/** GOLD.md rows: { folder, file, line, col, endLine, endCol, kind, snippet, verdict, strength, text } (1-based). */
export function readGold(goldPath = path.join(shared, 'corpus2', 'GOLD.md')) {
  const md = fs.readFileSync(goldPath, 'utf8');
  const rows = [];
  let folder = 'corpus2';
  for (const line of md.split('\n')) {
    if (/^## Existing corpus/.test(line)) folder = 'corpus';
    if (!/^\| \d+ \|/.test(line)) continue;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim().replace(/\\\|/g, '|'));
    const [, file, at, kind, snippet, , verdictCell] = cells;
    const m = /^(\d+):(\d+)$/.exec(at);
    if (!m) continue;
    const v = /\*\*(AGREES|GOLD|TRAP|UNVERIFIABLE)[^*]*\*\*/.exec(verdictCell);
    if (!v) continue;
    const strength = /GOLD \(([^)]+)\)/.exec(verdictCell)?.[1];
    const parts = snippet.split('⏎');
    const l = Number(m[1]);
    const c = Number(m[2]);
    const endLine = l + parts.length - 1;
    const endCol = parts.length === 1 ? c + [...parts[0]].length : [...parts[parts.length - 1]].length + 1;
    rows.push({ folder, file, line: l, col: c, endLine, endCol, kind, snippet, verdict: v[1], strength, text: verdictCell });
  }
  return rows;
}

/** Is a 0-based LSP position inside a relation's anchor (1-based line/col, end exclusive), with a little slack? */
function inside(rel, pos, slack = 2) {
  const line = pos.line + 1;
  const col = pos.character + 1;
  if (line < rel.line || line > rel.endLine) return false;
  if (line === rel.line && col < rel.col - slack) return false;
  if (line === rel.endLine && col >= rel.endCol + slack) return false;
  return true;
}

export function relationsOf(finding, rels) {
  const places = [finding.range.start, ...(finding.related ?? []).map((r) => r.range.start)];
  // the primary place first: a finding sits on the relation its own range is in
  const primary = rels.filter((r) => inside(r, finding.range.start));
  if (primary.length) return primary;
  return rels.filter((r) => places.some((p) => inside(r, p)));
}

/** Check every text of both folders with the command line (JSON: the LSP diagnostics); [{ folder, file, findings }]. */
export function runChecker() {
  const out = [];
  for (const folder of ['corpus2', 'corpus']) {
    const dir = path.join(shared, folder);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', '--format', 'json', ...files.map((f) => path.join(dir, f))], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (r.status === 2 || !r.stdout) throw new Error(`the checker failed on ${folder}: ${r.stderr}`);
    const json = JSON.parse(r.stdout);
    for (const f of json.files) {
      const sev = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
      out.push({
        folder,
        file: path.basename(f.path),
        findings: f.diagnostics.map((d) => ({
          code: d.code,
          severity: sev[d.severity],
          message: d.message,
          range: d.range,
          related: (d.relatedInformation ?? []).map((x) => ({ range: x.location.range, message: x.message })),
        })),
      });
    }
  }
  return out;
}

export function measure(files = runChecker(), gold = readGold()) {
  const byFile = new Map();
  for (const r of gold) {
    const k = `${r.folder}/${r.file}`;
    if (!byFile.has(k)) byFile.set(k, []);
    byFile.get(k).push(r);
  }
  const perCode = {};
  const codeStats = (c) => (perCode[c] ??= { goldFound: 0, falseAlarms: 0, falseErrors: 0, trapsFlagged: 0, information: 0 });
  const falseAlarms = [];
  const trapsFlagged = [];
  const information = [];
  const foundGold = new Set();
  const foundLevel = new Map();
  for (const { folder, file, findings } of files) {
    const rels = byFile.get(`${folder}/${file}`) ?? [];
    for (const f of findings) {
      if (!FIGURE_CODES.includes(f.code)) continue;
      const on = relationsOf(f, rels);
      const where = `${folder}/${file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const entry = { where, code: f.code, severity: f.severity, message: f.message, on: on.map((r) => `${r.kind} ${r.verdict}${r.strength ? ` (${r.strength})` : ''} @${r.line}:${r.col}`) };
      const s = codeStats(f.code);
      for (const r of on.filter((r) => r.verdict === 'GOLD')) {
        const level = foundLevel.get(r);
        if (!level || ['error', 'warning', 'information'].indexOf(f.severity) < ['error', 'warning', 'information'].indexOf(level)) foundLevel.set(r, f.severity);
      }
      if (on.some((r) => r.verdict === 'TRAP')) {
        s.trapsFlagged++;
        trapsFlagged.push(entry);
      }
      if (f.severity === 'error' || f.severity === 'warning') {
        const gold = on.filter((r) => r.verdict === 'GOLD');
        if (gold.length) {
          s.goldFound++;
        } else {
          s.falseAlarms++;
          if (f.severity === 'error') s.falseErrors++;
          falseAlarms.push(entry);
        }
      } else {
        s.information++;
        information.push(entry);
      }
    }
  }
  const golds = gold.filter((r) => r.verdict === 'GOLD');
  for (const r of golds) {
    const level = foundLevel.get(r);
    if (level === 'error' || level === 'warning' || (level === 'information' && /^soft/.test(r.strength ?? ''))) foundGold.add(r);
  }
  return {
    gold: golds.map((r) => ({ where: `${r.folder}/${r.file}:${r.line}:${r.col}`, kind: r.kind, strength: r.strength, snippet: r.snippet, found: foundGold.has(r), level: foundLevel.get(r) })),
    perCode,
    falseAlarms,
    trapsFlagged,
    information,
    totals: {
      relations: gold.length,
      goldRelations: golds.length,
      goldFound: golds.filter((r) => foundGold.has(r)).length,
      strongMediumGold: golds.filter((r) => r.strength === 'strong' || r.strength === 'medium').length,
      strongMediumFound: golds.filter((r) => (r.strength === 'strong' || r.strength === 'medium') && foundGold.has(r)).length,
      falseAlarms: falseAlarms.length,
      falseErrors: falseAlarms.filter((x) => x.severity === 'error').length,
      trapsFlagged: trapsFlagged.length,
      information: information.length,
    },
  };
}

function print(m) {
  const t = m.totals;
  console.log(`Fidelity on ../shared/corpus2 + ../shared/corpus (${t.relations} annotated relations, ${t.goldRelations} GOLD)`);
  console.log('');
  console.log('| check | GOLD found (findings) | false alarms (err+warn) | of them errors | TRAPs flagged | information notes |');
  console.log('|---|---|---|---|---|---|');
  for (const [code, s] of Object.entries(m.perCode).sort()) {
    console.log(`| ${code} | ${s.goldFound} | ${s.falseAlarms} | ${s.falseErrors} | ${s.trapsFlagged} | ${s.information} |`);
  }
  console.log('');
  console.log(`GOLD relations found: ${t.goldFound} of ${t.goldRelations} (strong/medium: ${t.strongMediumFound} of ${t.strongMediumGold})`);
  console.log(`False alarms (error/warning on no GOLD relation): ${t.falseAlarms} (${t.falseErrors} errors)`);
  console.log(`TRAPs flagged (any level): ${t.trapsFlagged}; information-level figure notes: ${t.information}`);
  console.log('');
  console.log('GOLD relations:');
  for (const g of m.gold) console.log(`  ${g.found ? 'FOUND ' : 'missed'} ${g.strength.padEnd(16)} ${(g.level ?? '-').padEnd(11)} ${g.where}  ${g.kind}: ${g.snippet}`);
  if (m.falseAlarms.length) {
    console.log('\nFalse alarms:');
    for (const x of m.falseAlarms) console.log(`  ${x.where} ${x.severity} ${x.code}: ${x.message}${x.on.length ? `  [on ${x.on.join('; ')}]` : ''}`);
  }
  if (m.trapsFlagged.length) {
    console.log('\nTRAPs flagged:');
    for (const x of m.trapsFlagged) console.log(`  ${x.where} ${x.severity} ${x.code}: ${x.message}  [on ${x.on.join('; ')}]`);
  }
  if (process.argv.includes('--verbose') && m.information.length) {
    console.log('\nInformation notes:');
    for (const x of m.information) console.log(`  ${x.where} ${x.code}: ${x.message}${x.on.length ? `  [on ${x.on.join('; ')}]` : ''}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!fs.existsSync(path.join(shared, 'corpus2', 'GOLD.md'))) {
    console.error('../shared/corpus2/GOLD.md not found: the fidelity harness needs the development set beside the repository.');
    process.exit(2);
  }
  const m = measure();
  if (process.argv.includes('--json')) console.log(JSON.stringify(m, null, 2));
  else print(m);
}
