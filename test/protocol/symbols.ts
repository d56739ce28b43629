// Helpers over DocumentSymbol trees and engine outlines, shared by the protocol and CLI tests.
import type { DocumentSymbol, Range } from 'vscode-languageserver-protocol';
import type { OutlineNode } from '../../server/src/engine';

export function countSymbols(symbols: DocumentSymbol[]): number {
  return symbols.reduce((n, s) => n + 1 + countSymbols(s.children ?? []), 0);
}

export function countNodes(nodes: OutlineNode[]): number {
  return nodes.reduce((n, s) => n + 1 + countNodes(s.children), 0);
}

function leq(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function contains(outer: Range, inner: Range): boolean {
  return leq(outer.start, inner.start) && leq(inner.end, outer.end);
}

/** Descriptions of every place where a symbol's selectionRange or a child lies outside its range. */
export function containmentProblems(symbols: DocumentSymbol[], path = ''): string[] {
  const problems: string[] = [];
  for (const s of symbols) {
    const here = `${path}/${s.name}`;
    if (!contains(s.range, s.selectionRange)) problems.push(`${here}: selectionRange outside range`);
    for (const c of s.children ?? []) {
      if (!contains(s.range, c.range)) problems.push(`${here}: child ${c.name} outside range`);
    }
    problems.push(...containmentProblems(s.children ?? [], here));
  }
  return problems;
}

/** [startLine, endLine] of every multi-line section, straight from the engine's outline (pre-order). */
export function multiLineSections(nodes: OutlineNode[]): [number, number][] {
  const out: [number, number][] = [];
  const visit = (ns: OutlineNode[]) => {
    for (const n of ns) {
      if (n.range.end.line > n.range.start.line) out.push([n.range.start.line, n.range.end.line]);
      visit(n.children);
    }
  };
  visit(nodes);
  return out;
}
