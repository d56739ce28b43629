// Fixtures with their expected findings written inside them (markdownlint style).
//
// A marker `{{code}}` at the end of a line says: this line has exactly one finding with that code.
// `{{code:warning}}` also states its severity (error, warning, information, hint);
// `{{code:+1}}` / `{{code:-2}}` / `{{code:warning:+1}}` shift the expected line; several markers may follow each other.
// Markers (and the spaces before them) are removed before the text is checked, and since they sit at the end of
// a line, every other character keeps its position. A fixture with no marker expects no finding at all.
// Only the codes named in `codes` are compared (so a heading-numbering fixture is not disturbed by figure checks).
import fs from 'node:fs';
import path from 'node:path';

export interface Expected {
  line: number; // 0-based
  code: string;
  severity?: string;
}

const MARKER = /[ \t]*\{\{([a-z][a-z0-9-]*)(?::(error|warning|information|hint))?(?::([+-]\d+))?\}\}/g;

export function parseFixture(source: string): { text: string; expected: Expected[] } {
  const expected: Expected[] = [];
  const lines = source.split('\n').map((line, i) =>
    line.replace(MARKER, (_m, code: string, severity: string | undefined, shift: string | undefined) => {
      expected.push({ line: i + (shift ? Number(shift) : 0), code, ...(severity ? { severity } : {}) });
      return '';
    }),
  );
  return { text: lines.join('\n'), expected };
}

export function loadFixture(file: string): { text: string; expected: Expected[] } {
  return parseFixture(fs.readFileSync(file, 'utf8'));
}

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

/** The expectations that state a severity, against the findings' severities: "line:code:expected≠found" strings. */
export function severityMismatches(expected: Expected[], found: { line: number; code: string; severity: string }[]): string[] {
  const out: string[] = [];
  for (const e of expected) {
    if (!e.severity) continue;
    const f = found.find((x) => x.line === e.line && x.code === e.code);
    if (f && f.severity !== e.severity) out.push(`${e.line + 1}:${e.code}: ${e.severity} expected, ${f.severity} found`);
  }
  return out;
}

/** "line:code" strings, sorted, for a readable deep-equal diff. */
export function keys(items: { line: number; code: string }[]): string[] {
  return items.map((e) => `${e.line + 1}:${e.code}`).sort();
}
