// A readable, stable text form of an outline, for pinned expectations and review diffs:
//   one node per line, two spaces per level, "name  [kind L<start>-<end>]" (1-based lines);
//   run-in enumerations (一是…) are written "· name" with their line.
import type { OutlineNode } from '../../server/src/engine/types';

export function renderOutline(roots: OutlineNode[]): string {
  const out: string[] = [];
  const walk = (list: OutlineNode[], indent: string) => {
    for (const n of list) {
      const lines = `L${n.range.start.line + 1}-${n.range.end.line + 1}`;
      if (n.kind === 'runin') out.push(`${indent}· ${n.name}  [L${n.range.start.line + 1}]`);
      else out.push(`${indent}${n.name}  [${n.kind} ${lines}]`);
      walk(n.children, indent + '  ');
    }
  };
  walk(roots, '');
  return out.join('\n') + '\n';
}
