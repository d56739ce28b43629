// Fixtures with their expected findings written inside them (markdownlint style), read by test/rules/fixtures.test.ts.
//
// Markers, at the end of a line:  {{code[:severity][@column][:±n]}}
//   {{code}}             this line has one finding with that code;
//   {{code:warning}}     … and its severity is warning (error, warning, information, hint);
//   {{code@12}}          … and it starts at column 12 of its line (1-based, in characters);
//   {{code:+1}}          … on the next line (-2: two lines up); the parts combine: {{code:warning@5:-1}}.
// Several markers may follow each other; the same marker twice means two findings. Markers (and the spaces before
// them) are removed before the text is checked, and since they sit at the end of a line every other character
// keeps its position.
//
// Configuration header, optional, on the first line only:
//   <!-- fazhi-report-configure-file {"rules":{"unbacked-metric":"off"}} -->
// Its JSON has the shape of the workspace file .fazhi-report.json (engine/config.ts), validated the same way; the
// fixture is checked with those settings. The header line is blanked (kept as an empty line, so line numbers hold).
import fs from 'node:fs';
import path from 'node:path';
import { allRules, validateWorkspaceConfig, type AnalyzeOptions, type WorkspaceConfig } from '../../server/src/engine';

export interface Expected {
  line: number; // 0-based
  code: string;
  severity?: string;
  /** 1-based start column, when the marker states one. */
  column?: number;
}

export interface Fixture {
  text: string;
  expected: Expected[];
  /** The settings of the configuration header ({} without one). */
  config: WorkspaceConfig;
}

const MARKER = /[ \t]*\{\{([a-z][a-z0-9-]*)(?::(error|warning|information|hint))?(?:@(\d+))?(?::([+-]\d+))?\}\}/g;
const HEADER = /^<!--\s*fazhi-report-configure-file\s+([\s\S]*?)\s*-->\s*$/;
/** The keys of .fazhi-report.json a fixture may set: the ones analyze() takes as options. */
const FIXTURE_KEYS = ['rules', 'accepted'];

/** The configuration header of a first line, or null when the line is none. Throws on a malformed header. */
export function parseHeader(firstLine: string): WorkspaceConfig | null {
  if (!firstLine.includes('fazhi-report-configure-file')) return null;
  const m = HEADER.exec(firstLine.trim());
  if (!m) throw new Error(`malformed configuration header (expected <!-- fazhi-report-configure-file {…} -->): ${firstLine}`);
  let value: unknown;
  try {
    value = JSON.parse(m[1]);
  } catch (e) {
    throw new Error(`configuration header is not JSON: ${(e as Error).message}`);
  }
  const extra = value && typeof value === 'object' ? Object.keys(value).filter((k) => !FIXTURE_KEYS.includes(k)) : [];
  if (extra.length) throw new Error(`configuration header: a fixture may set only ${FIXTURE_KEYS.join(', ')}, not ${extra.join(', ')}`);
  const { config, errors } = validateWorkspaceConfig(value, allRules.map((r) => r.code));
  if (errors.length) throw new Error(`configuration header: ${errors.join('; ')}`);
  return config;
}

export function parseFixture(source: string): Fixture {
  const expected: Expected[] = [];
  const raw = source.split('\n');
  let config: WorkspaceConfig = {};
  const header = parseHeader(raw[0] ?? '');
  if (header) {
    config = header;
    raw[0] = raw[0].endsWith('\r') ? '\r' : '';
  }
  raw.forEach((line, i) => {
    if (i > 0 && line.includes('fazhi-report-configure-file')) throw new Error(`line ${i + 1}: a configuration header belongs on the first line`);
  });
  const lines = raw.map((line, i) =>
    line.replace(MARKER, (_m, code: string, severity: string | undefined, column: string | undefined, shift: string | undefined) => {
      if (column !== undefined && Number(column) < 1) throw new Error(`line ${i + 1}: {{${code}@${column}}}: columns start at 1`);
      expected.push({
        line: i + (shift ? Number(shift) : 0),
        code,
        ...(severity ? { severity } : {}),
        ...(column !== undefined ? { column: Number(column) } : {}),
      });
      return '';
    }),
  );
  lines.forEach((line, i) => {
    if (/\{\{[^}]*\}\}/.test(line)) throw new Error(`line ${i + 1}: a marker that is not {{code[:severity][@column][:±n]}} at the end of the line: ${line}`);
  });
  return { text: lines.join('\n'), expected, config };
}

export function loadFixture(file: string): Fixture {
  return parseFixture(fs.readFileSync(file, 'utf8'));
}

/** The analyze() options a fixture's header asks for. */
export function fixtureOptions(f: Fixture): AnalyzeOptions {
  return {
    ...(f.config.rules ? { rules: f.config.rules } : {}),
    ...(f.config.accepted ? { accepted: f.config.accepted } : {}),
  };
}

/** A fixture that must get no finding: its name ends in -ok. */
export const isOkFixture = (file: string): boolean => /-ok\.(txt|md)$/.test(file);

/** All fixture files (.txt, .md) under a folder, recursively, sorted. */
export function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(name)) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

export interface Found {
  line: number; // 0-based
  character: number; // 0-based
  code: string;
  severity: string;
}

/**
 * The markers that state a severity or a column, against the findings: "line:code: … expected, … found" strings.
 * Each marker is paired with a distinct finding of its line and code (a finding that fits every stated detail
 * first), so two markers on one line may state two different columns.
 */
export function detailMismatches(expected: Expected[], found: Found[]): string[] {
  const out: string[] = [];
  const used = new Set<Found>();
  const fits = (e: Expected, f: Found) =>
    (e.severity === undefined || f.severity === e.severity) && (e.column === undefined || f.character + 1 === e.column);
  const specific = [...expected].sort((a, b) => Number(b.severity !== undefined) + Number(b.column !== undefined) - Number(a.severity !== undefined) - Number(a.column !== undefined));
  const unpaired: Expected[] = [];
  for (const e of specific) {
    const match = found.find((f) => f.line === e.line && f.code === e.code && !used.has(f) && fits(e, f));
    if (match) used.add(match);
    else if (e.severity !== undefined || e.column !== undefined) unpaired.push(e);
  }
  // the markers no finding fits: paired with the findings left on their line, leftmost first
  const byColumn = [...found].sort((a, b) => a.character - b.character);
  for (const e of unpaired) {
    const f = byColumn.find((x) => x.line === e.line && x.code === e.code && !used.has(x));
    if (!f) continue; // a missing finding is reported by the line:code comparison
    used.add(f);
    const want = [e.severity, e.column !== undefined ? `column ${e.column}` : undefined].filter(Boolean).join(' ');
    out.push(`${e.line + 1}:${e.code}: ${want} expected, ${f.severity} found at column ${f.character + 1}`);
  }
  return out;
}

/** "line:code" strings, sorted, for a readable deep-equal diff. */
export function keys(items: { line: number; code: string }[]): string[] {
  return items.map((e) => `${e.line + 1}:${e.code}`).sort();
}
