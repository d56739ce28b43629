// Round brackets in a stretch of a line, ( ) and （ ）: the one scan that list parts (extract.ts), the current value
// of a change (readings/change.ts) and the stages of a funnel (readings/order.ts) share.

/**
 * Scans text[from, to) starting with `depth` brackets open: the brackets still open at `to` (never below zero), and
 * whether a bracket opened before the stretch was closed in it (the figure just before `from` sits inside brackets).
 */
export function scanBrackets(text: string, from: number, to: number, depth = 0): { depth: number; closedOutside: boolean } {
  let closedOutside = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) depth++;
    else if (c === 0x29 || c === 0xff09) {
      if (depth > 0) depth--;
      else closedOutside = true;
    }
  }
  return { depth, closedOutside };
}
