// A report as the engine sees it: its lines (split on CRLF, LF or CR), with a normalised copy of each line for
// matching. Normalisation maps full-width ASCII (０-９, （, ）, ．, ％ …), the small form variants (﹔, ﹐ …) and the
// ideographic space to their half-width forms, and the traditional forms of the engine's vocabulary characters to their simplified ones
// (data/traditional.json: 減少 → 减少, 審結 → 审结), one code unit for one code unit, so every offset in the
// normalised text is an offset in the original: matches on the normalised text give ranges in the user's text
// without any mapping table.

import traditional from '../../data/traditional.json';
import type { Position, Range } from './types';

export interface Line {
  /** 0-based line number. */
  index: number;
  /** The line as written (no line terminator). */
  text: string;
  /** Same length as `text`, full-width forms folded to half-width and traditional characters to simplified. */
  norm: string;
  /** Offset of the line's first character in the whole text. */
  offset: number;
}

const WIDE = /[\uff01-\uff5e\u3000\ufe50-\ufe6b]/g;
/** The small form variants some typesetting uses for punctuation (﹔ for ；: "罚款21400元﹔受理群众举报12件"). */
const SMALL: Record<string, string> = { '\ufe50': ',', '\ufe51': '、', '\ufe52': '.', '\ufe54': ';', '\ufe55': ':', '\ufe56': '?', '\ufe57': '!', '\ufe59': '(', '\ufe5a': ')', '\ufe5b': '{', '\ufe5c': '}', '\ufe5d': '〔', '\ufe5e': '〕', '\ufe5f': '#', '\ufe60': '&', '\ufe61': '*', '\ufe62': '+', '\ufe63': '-', '\ufe64': '<', '\ufe65': '>', '\ufe66': '=', '\ufe68': '\\', '\ufe69': '$', '\ufe6a': '%', '\ufe6b': '@' };
const fold = (c: string) => (c === '\u3000' ? ' ' : c >= '\ufe50' && c <= '\ufe6b' ? SMALL[c] ?? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const SIMPLIFIED = new Map<string, string>();
for (const group of traditional.pairs) for (const pair of group.split(' ')) if (pair.length === 2) SIMPLIFIED.set(pair[0], pair[1]);
const TRADITIONAL = new RegExp(`[${[...SIMPLIFIED.keys()].join('')}]`, 'g');
const simplify = (c: string) => SIMPLIFIED.get(c) ?? c;
/**
 * Characters that a traditional-script text of any length has (為, 國, 數 …): a text with none is read without the
 * folding, whose class of 275 characters costs a tenth of the analysis on a folder of simplified reports.
 */
const TRADITIONAL_MARKERS = new Uint8Array(0x10000);
for (const c of traditional.markers) TRADITIONAL_MARKERS[c.charCodeAt(0)] = 1;

/** Does the text have one of the TRADITIONAL_MARKERS? (A loop over a table: several times faster than a class of them.) */
function hasTraditionalMarker(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (TRADITIONAL_MARKERS[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Folds full-width forms to half-width and, with `traditionalScript`, traditional characters to simplified. */
export function normalizeWidth(s: string, traditionalScript = true): string {
  // regular-expression passes (no per-character string building): fast on a 5 MB line
  const half = s.replace(WIDE, fold);
  return traditionalScript ? half.replace(TRADITIONAL, simplify) : half;
}

/** The shortest line taken for hard-wrapped prose (headings, captions and table rows are shorter or end otherwise). */
const WRAPPED_LINE_MIN = 20;
/** How a line broken off mid-sentence ends: in a word, a number or after a comma (not a sentence end, a bracket, a cell). */
const WRAPPED_END = /[\u4e00-\u9fff\d,，、]$/;

/** Is `line` (as given) prose that a copy broke off mid-sentence: long, ending in a word, a number or a comma, no cells? */
export function hardWrapped(line: string): boolean {
  return line.length >= WRAPPED_LINE_MIN && WRAPPED_END.test(line) && !/[|\t]/.test(line);
}

export class ReportDocument {
  readonly text: string;
  readonly lines: Line[];
  /** The text has traditional characters (TRADITIONAL_MARKERS): its lines are read with them folded to simplified. */
  private readonly traditionalScript: boolean;

  constructor(text: string) {
    this.text = text;
    this.lines = [];
    this.traditionalScript = hasTraditionalMarker(text);
    const re = /\r\n|\r|\n/g;
    let start = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      this.pushLine(text.slice(start, m.index), start);
      start = m.index + m[0].length;
    }
    this.pushLine(text.slice(start), start);
  }

  private pushLine(text: string, offset: number): void {
    this.lines.push({ index: this.lines.length, text, norm: normalizeWidth(text, this.traditionalScript), offset });
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Position of the end of a line (after its last character). */
  endOf(line: number): Position {
    return { line, character: this.lines[line].text.length };
  }

  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: this.endOf(line) };
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = this.lines[lo];
    return { line: lo, character: Math.max(0, Math.min(offset - line.offset, line.text.length)) };
  }
}
