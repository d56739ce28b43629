// What must hold for ANY analysis, whatever the text: every range inside the document with start ≤ end, the outline
// nested and ordered. Shared by the property tests and the pathological inputs.
import assert from 'node:assert/strict';
import type { Analysis, OutlineNode, Position, Range } from '../../server/src/engine';

/** Line lengths as LSP counts them: lines end at CRLF, LF or CR; characters are UTF-16 code units. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);

function isPosition(x: unknown): x is Position {
  return !!x && typeof x === 'object' && typeof (x as Position).line === 'number' && typeof (x as Position).character === 'number';
}
function isRange(x: unknown): x is Range {
  return !!x && typeof x === 'object' && isPosition((x as Range).start) && isPosition((x as Range).end);
}

export function assertPositionInside(p: Position, lines: number[], where: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${where}: non-integer position ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < lines.length, `${where}: line ${p.line} outside 0..${lines.length - 1}`);
  assert.ok(p.character >= 0 && p.character <= lines[p.line], `${where}: character ${p.character} outside line ${p.line} (length ${lines[p.line]})`);
}

export function assertRangeInside(r: Range, lines: number[], where: string): void {
  assertPositionInside(r.start, lines, where + '.start');
  assertPositionInside(r.end, lines, where + '.end');
  assert.ok(before(r.start, r.end), `${where}: start after end ${JSON.stringify(r)}`);
}

/** Every range anywhere in the result (findings, related locations, outline, figures, fix data…). */
export function assertAllRangesInside(a: unknown, lines: number[]): number {
  let count = 0;
  const seen = new Set<unknown>();
  const walk = (x: unknown, where: string): void => {
    if (!x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (isRange(x)) {
      assertRangeInside(x, lines, where);
      count++;
      return;
    }
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${where}[${i}]`));
    else for (const [k, v] of Object.entries(x)) walk(v, `${where}.${k}`);
  };
  walk(a, 'analysis');
  return count;
}

const inside = (inner: Range, outer: Range): boolean => before(outer.start, inner.start) && before(inner.end, outer.end);

/** Children inside their parent, the heading (selectionRange) inside its section, siblings in order without overlap. */
export function assertOutlineWellFormed(roots: OutlineNode[], lines: number[]): void {
  const walk = (nodes: OutlineNode[], parent: OutlineNode | null, path: string): void => {
    nodes.forEach((n, i) => {
      const where = `${path}/${i}:${n.kind}`;
      assertRangeInside(n.range, lines, where + '.range');
      assertRangeInside(n.selectionRange, lines, where + '.selectionRange');
      assert.ok(inside(n.selectionRange, n.range), `${where}: selectionRange outside range`);
      assert.equal(typeof n.name, 'string', `${where}: name`);
      if (parent) {
        assert.ok(inside(n.range, parent.range), `${where}: outside its parent ${JSON.stringify(parent.range)} ${JSON.stringify(n.range)}`);
        assert.ok(n.depth > parent.depth, `${where}: depth ${n.depth} not below parent's ${parent.depth}`);
      }
      if (i > 0) {
        const prev = nodes[i - 1];
        assert.ok(before(prev.range.end, n.range.start), `${where}: overlaps or precedes its previous sibling ${JSON.stringify(prev.range)} ${JSON.stringify(n.range)}`);
      }
      walk(n.children, n, where);
    });
  };
  walk(roots, null, '');
}

export function assertAnalysisWellFormed(text: string, a: Analysis): void {
  const lines = lineLengths(text);
  assert.ok(Array.isArray(a.findings) && Array.isArray(a.outline) && Array.isArray(a.ruleErrors));
  assert.deepEqual(a.ruleErrors, [], 'no check threw');
  for (const f of a.findings) {
    assert.equal(typeof f.code, 'string');
    assert.equal(typeof f.message, 'string');
    assert.ok(f.message.length > 0, `${f.code}: empty message`);
  }
  assertAllRangesInside(a, lines);
  assertOutlineWellFormed(a.outline, lines);
}
