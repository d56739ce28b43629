// `check --fix`: applies the fixes that are safe without a human (Finding.data.fixes entries with `safe: true`;
// today the renumbering of headings after a gap or a repeat) and writes the file back as it was saved: same
// encoding (UTF-8 with or without BOM, UTF-16, GB18030), same line endings. Fixes that need a judgement (a rate
// replaced by the value its counts give: the count may be the wrong figure; an inserted heading: it needs a
// text) are only offered in the editor.
//
// Never loses the user's text: the new bytes go to a temporary file in the same folder, which then replaces the
// original in one rename; the file is not written at all unless re-encoding the original text gives back exactly
// the original bytes (so nothing the fix did not touch can change) and the new bytes decode to the fixed text.
import fs from 'node:fs';
import path from 'node:path';
import type { Analysis, AnalyzeOptions, Finding, Range } from '../engine';
import { analyze } from '../engine';
import { decodeReport, type Bilingual } from '../host/read';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
  safe?: boolean;
}

export interface AppliedFix {
  code: string;
  title: string;
}

/** How many rounds of fix → re-check at most (a renumbering can reveal a second gap at another level). */
export const MAX_FIX_PASSES = 10;

export function safeFixes(findings: Finding[]): { code: string; fix: Fix }[] {
  const out: { code: string; fix: Fix }[] = [];
  for (const f of findings) {
    const fixes = f.data?.fixes;
    if (!Array.isArray(fixes)) continue;
    for (const fix of fixes as Fix[]) {
      if (fix && fix.safe === true && Array.isArray(fix.edits) && fix.edits.length > 0) out.push({ code: f.code, fix });
    }
  }
  return out;
}

/** Offsets of the starts of lines, splitting on CRLF, CR and LF as the engine does. */
function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) starts.push(m.index + m[0].length);
  return starts;
}

function offsetAt(text: string, starts: number[], p: Range['start']): number | null {
  if (p.line < 0 || p.line >= starts.length || p.character < 0) return null;
  const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  const offset = starts[p.line] + p.character;
  return offset <= lineEnd ? offset : null;
}

/** The line ending the file mostly uses ("\n" when it has none). */
export function dominantEol(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  return crlf > lf && crlf >= cr ? '\r\n' : cr > lf ? '\r' : '\n';
}

/**
 * Applies whole fixes that do not overlap one another (in document order; a fix overlapping one already taken
 * waits for the next round, where it is computed afresh). Line breaks in new text follow the file's own.
 */
export function applyFixes(text: string, fixes: { code: string; fix: Fix }[]): { text: string; applied: AppliedFix[] } {
  const starts = lineStarts(text);
  const eol = dominantEol(text);
  const taken: { start: number; end: number; newText: string }[] = [];
  const applied: AppliedFix[] = [];
  const resolved = fixes
    .map(({ code, fix }) => {
      const edits = fix.edits.map((e) => {
        const start = offsetAt(text, starts, e.range.start);
        const end = offsetAt(text, starts, e.range.end);
        return start === null || end === null || end < start ? null : { start, end, newText: e.newText.replace(/\r\n|\r|\n/g, eol) };
      });
      return { code, fix, edits };
    })
    .filter((x) => x.edits.every((e) => e !== null))
    .sort((a, b) => Math.min(...a.edits.map((e) => e!.start)) - Math.min(...b.edits.map((e) => e!.start)));
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end ? true : a.start === b.start && (a.start === a.end || b.start === b.end);
  for (const r of resolved) {
    const edits = r.edits as { start: number; end: number; newText: string }[];
    const selfOverlap = edits.some((e, i) => edits.some((o, j) => i < j && overlaps(e, o)));
    if (selfOverlap || edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...edits);
    applied.push({ code: r.code, title: r.fix.title });
  }
  taken.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of taken) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, applied };
}

/** Fix, re-check, repeat until nothing safe is left to fix or the text stops changing (at most MAX_FIX_PASSES). */
export function fixText(text: string, options: AnalyzeOptions): { text: string; analysis: Analysis; applied: AppliedFix[] } {
  let current = text;
  let analysis = analyze(current, options);
  const applied: AppliedFix[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = safeFixes(analysis.findings);
    if (fixes.length === 0) break;
    const r = applyFixes(current, fixes);
    if (r.applied.length === 0 || r.text === current) break;
    current = r.text;
    applied.push(...r.applied);
    analysis = analyze(current, options);
  }
  return { text: current, analysis, applied };
}

// --- writing back in the file's own encoding ---

const BOMS: Record<string, number[]> = { 'utf-8-bom': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

/** The bytes of `text` in one of the encodings decodeReport() names; null when it cannot be encoded. */
export function encodeReport(text: string, encoding: string): Buffer | null {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from(BOMS[encoding]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from(BOMS[encoding]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from(BOMS[encoding]), le.swap16()]);
    }
    case 'gb18030': {
      // TextEncoder only writes UTF-8; iconv-lite (pure JavaScript, no native code) writes GB18030. Loaded only here.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const iconv = require('iconv-lite') as { encode(s: string, enc: string): Buffer };
      return iconv.encode(text, 'gb18030');
    }
    default:
      return null;
  }
}

export type WriteOutcome = { ok: true } | { ok: false; reason: Bilingual };

const CANNOT_ROUND_TRIP = (encoding: string): Bilingual => ({
  zh: `按原编码（${encoding}）重新写出会改变文件中未修改的内容，为保护原文未写入；请在编辑器中手动修改，或另存为 UTF-8 后再用 --fix`,
  en: `writing it back in its encoding (${encoding}) would change text the fix did not touch, so it was not written; fix it by hand in the editor, or save it as UTF-8 and run --fix again`,
});

/**
 * Writes the fixed text over `file`, whose current bytes are `original` (decoded as `encoding`, giving
 * `originalText`). Refuses (and leaves the file as it was) when the encoding does not give back the original bytes
 * or the file changed on disk since it was read.
 */
export function writeFixed(file: string, original: Buffer, originalText: string, encoding: string, fixed: string): WriteOutcome {
  let before: Buffer | null;
  let after: Buffer | null;
  try {
    before = encodeReport(originalText, encoding);
    after = encodeReport(fixed, encoding);
  } catch {
    return { ok: false, reason: CANNOT_ROUND_TRIP(encoding) };
  }
  if (!before || !after || !before.equals(original)) return { ok: false, reason: CANNOT_ROUND_TRIP(encoding) };
  const check = decodeReport(after);
  if (!check.ok || check.text !== fixed || check.encoding !== encoding) return { ok: false, reason: CANNOT_ROUND_TRIP(encoding) };
  let target = file;
  try {
    target = fs.realpathSync(file); // a symbolic link stays a link: its target is what gets replaced
  } catch {
    // keep the path as given
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.fazhi-report-${process.pid}-${Date.now()}.tmp`);
  try {
    const now = fs.readFileSync(target);
    if (!now.equals(original)) {
      return { ok: false, reason: { zh: '文件在检查期间被改动，未写入', en: 'the file changed while it was being checked; not written' } };
    }
    const mode = fs.statSync(target).mode & 0o7777;
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      fs.writeSync(fd, after);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    return { ok: true };
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more to clean up
    }
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: { zh: `写入失败，原文件未改动（${msg}）`, en: `could not write; the file is unchanged (${msg})` } };
  }
}
