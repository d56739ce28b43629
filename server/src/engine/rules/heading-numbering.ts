// heading-numbering: numbering within a level should run 1, 2, 3 … without gaps or repeats
// (一、二、四 skips 三; （一）（一） repeats). A restart at 1 under a new parent, or one that opens an implicit
// section (the parser has already made that a new parent), is not a fault; nor is arabic numbering that continues
// across parents (1. 2. under （一）, then 3. under （二）), a convention of some reports.
import { toChineseOrdinal } from '../numerals';
import { formatMessage } from '../messages';
import type { Rule, RuleContext } from '../rule';
import type { HeadingKind, OutlineNode } from '../types';
import { escapeRegExp } from '../regex';
import outlineData from '../../../data/outline.json';
import { titleNode } from '../sections/year';

/** Text a web copy left out (……此处隐藏838个字……): headings may be missing there (outline.json elision). */
const ELISION = new RegExp(outlineData.elision);

/** Is text left out between the two headings (lines [from, to])? Then their numbering cannot be compared. */
function elidedBetween(ctx: RuleContext, prev: OutlineNode, node: OutlineNode): boolean {
  for (let l = prev.selectionRange.start.line; l < node.selectionRange.start.line; l++) if (ELISION.test(ctx.doc.lines[l].norm)) return true;
  return false;
}

const CHECKED: ReadonlySet<HeadingKind> = new Set(['cn', 'paren-cn', 'arabic', 'paren-arabic']);

/** The marker for `n` in the style of `like` (same brackets, same separator, same digit width). */
export function markerLike(like: string, kind: HeadingKind, n: number): string {
  const cn = toChineseOrdinal(n);
  const fullWidth = /[０-９]/.test(like);
  const digits = fullWidth ? String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : String(n);
  switch (kind) {
    case 'cn':
      return like.replace(/^[一二三四五六七八九十百零〇两]+/, cn);
    case 'paren-cn':
      return like.replace(/[一二三四五六七八九十百零〇两]+/, cn);
    case 'arabic':
    case 'paren-arabic':
      return like.replace(/[0-9０-９]+/, digits);
    default:
      return like;
  }
}

/**
 * The nearest place, in lines [from, to) searched backwards, where `marker` is written after `before` (a class of
 * characters) and, when `then` is given, followed by a character of it: a heading number that is not at a line start.
 */
function markerWithin(ctx: RuleContext, from: number, to: number, before: string, marker: string, then = ''): { line: number; character: number } | null {
  const re = new RegExp(`[${before}]\\s*(${escapeRegExp(marker)})${then ? `(?=[${then}])` : ''}`);
  for (let l = to - 1; l >= Math.max(0, from); l--) {
    const m = re.exec(ctx.doc.lines[l].norm);
    if (m) return { line: l, character: m.index + m[0].length - m[1].length };
  }
  return null;
}

/** Lines searched between two headings for the missing one written at the end of a paragraph. */
const GLUED_SPAN = 200;

/**
 * The missing heading written at the end of the paragraph before, after its last sentence or bracket ("（备注：……）二、
 * 数据分析"): a copy joined the two lines. Not a gap in the numbering but a heading not on a line of its own.
 */
function gluedHeading(ctx: RuleContext, prev: OutlineNode, node: OutlineNode, marker: string): { line: number; character: number } | null {
  const from = prev.selectionRange.start.line + 1;
  const to = node.selectionRange.start.line;
  return to - from > GLUED_SPAN ? null : markerWithin(ctx, from, to, '。；;）)', marker, '\\u4e00-\\u9fff');
}

/** The softer note that the heading `expected` is written at `at`, at the end of a line, not on a line of its own. */
function reportGlued(ctx: RuleContext, expected: string, at: { line: number; character: number }): void {
  ctx.report({
    messageId: 'heading-numbering.glued',
    variant: 'glued',
    args: { expected, line: at.line + 1 },
    range: { start: at, end: { line: at.line, character: at.character + expected.length } },
  });
}

/** Lines looked back for a first item run in after a label ("填表说明：1.统计范围…" before "2.…"). */
const RUN_IN_SPAN = 3;

/** The first item written after a label and a colon on a line just before the second ("填表说明：1.…"). */
function runInFirst(ctx: RuleContext, node: OutlineNode, marker: string): boolean {
  const line = node.selectionRange.start.line;
  return markerWithin(ctx, line - RUN_IN_SPAN, line, ':：', marker) !== null;
}

/** The line of the first heading with a number (-1: none): the outline is in text order, a parent before its children. */
function firstNumberedLine(nodes: OutlineNode[]): number {
  for (const n of nodes) {
    const v = numberedView(n);
    if (v.marker) return v.selectionRange.start.line;
    const inner = firstNumberedLine(n.children);
    if (inner >= 0) return inner;
  }
  return -1;
}

/** Kinds of text that are reports (a numbering that starts late is a slip there, not a cut). */
const REPORT_KINDS = new Set(['annual-report', 'partial-draft']);

export const headingNumbering: Rule = {
  code: 'heading-numbering',
  tags: ['outline'],
  defaultSeverity: 'warning',
  variants: [
    { id: 'glued', softer: 1 },
    { id: 'excerpt', softer: 1 },
  ],
  fixable: true,
  check(ctx: RuleContext) {
    const lastSeen = new Map<HeadingKind, number>();
    // the first numbered heading of a text with no title that reads as no report (an excerpt may start anywhere)
    const excerptLine = !titleNode(ctx.outline) && !!ctx.kind && !REPORT_KINDS.has(ctx.kind.id) ? firstNumberedLine(ctx.outline.roots) : -1;
    const visit = (siblings: OutlineNode[]) => {
      const previous = new Map<HeadingKind, OutlineNode>();
      const position = new Map<HeadingKind, number>();
      const views = siblings.map(numberedView);
      const renumbered = new Set<HeadingKind>();
      // one finding; the first of a level's findings gets the fix that renumbers it and every later heading of its
      // kind at this level consecutively (one fix mends them all); later findings get a fix for their own marker,
      // so 10,000 misnumbered headings cost 10,000 edits, not 50 million
      const flag = (i: number, messageId: string, expectedOrdinal: number, prev?: OutlineNode, variant?: string) => {
        const node = views[i];
        const found = node.marker!;
        const expected = markerLike(found, node.kind, expectedOrdinal);
        const edits: { range: ReturnType<typeof markerRange>; newText: string }[] = [];
        if (renumbered.has(node.kind)) {
          edits.push({ range: markerRange(node), newText: expected });
        } else {
          renumbered.add(node.kind);
          let next = expectedOrdinal;
          for (let j = i; j < views.length; j++) {
            const v = views[j];
            if (v.kind !== node.kind || !v.marker) continue;
            if (v.ordinal !== next) edits.push({ range: markerRange(v), newText: markerLike(v.marker, v.kind, next) });
            next++;
          }
        }
        ctx.report({
          messageId,
          variant,
          args: { found, expected, previous: prev?.marker ?? '' },
          range: markerRange(node),
          related: prev ? [{ range: prev.selectionRange, messageId: 'heading-numbering.related.previous' }] : undefined,
          data: {
            expectedOrdinal,
            expected,
            found,
            fixes: [{ title: formatMessage(ctx.locale, 'heading-numbering.fix', { expected }), edits, preferred: true, safe: true }],
          },
        });
      };
      views.forEach((node, i) => {
        const n = node.ordinal;
        if (CHECKED.has(node.kind) && n !== undefined && node.marker) {
          const prev = previous.get(node.kind);
          // after a slip (（一）（一）（三）), a number that fits its position is right again
          const pos = (position.get(node.kind) ?? (prev ? 0 : n - 1)) + 1;
          position.set(node.kind, pos);
          if (!prev) {
            const continued = (lastSeen.get(node.kind) ?? 0) + 1;
            if (n !== 1 && n !== continued && !(n === 2 && runInFirst(ctx, node, markerLike(node.marker, node.kind, 1)))) {
              // the first heading written at the end of the line before, even of a title ("…行业现状分析一、律师")
              const first = markerLike(node.marker, node.kind, 1);
              const line = node.selectionRange.start.line;
              const glued = n === 2 ? markerWithin(ctx, line - GLUED_SPAN, line, '\\u4e00-\\u9fff。；;）)', first, '\\u4e00-\\u9fff') : null;
              if (glued) reportGlued(ctx, first, glued);
              // (a text with no title that reads as no report, "八、毒品案件侦查" opening a page of a longer one, is
              // likely an excerpt: its numbering may be right where it was cut from)
              else flag(i, 'heading-numbering.first', 1, undefined, line === excerptLine ? 'excerpt' : undefined);
            }
          } else if (prev.ordinal !== undefined && n !== prev.ordinal + 1 && n !== pos && n !== 1 && !elidedBetween(ctx, prev, node)) {
            const missing = markerLike(node.marker, node.kind, prev.ordinal + 1);
            const glued = n === prev.ordinal + 2 ? gluedHeading(ctx, prev, node, missing) : null;
            if (glued) reportGlued(ctx, missing, glued);
            else flag(i, n === prev.ordinal ? 'heading-numbering.repeat' : 'heading-numbering.gap', prev.ordinal + 1, prev);
          } else if (prev.ordinal !== undefined && n === 1 && prev.ordinal === 1) {
            flag(i, 'heading-numbering.repeat', 2, prev);
          }
          previous.set(node.kind, node);
          lastSeen.set(node.kind, n);
        }
        visit(siblings[i].children);
      });
    };
    visit(ctx.outline.roots);
  },
};

/** A Markdown heading carrying a number is checked as that numbered heading ("## 二、…" as 二、). */
function numberedView(node: OutlineNode): OutlineNode {
  const n = node.numbering;
  if (node.kind !== 'markdown' || !n) return node;
  const line = node.selectionRange.start.line;
  return {
    ...node,
    kind: n.kind,
    ordinal: n.ordinal,
    marker: n.marker,
    selectionRange: { start: { line, character: n.character }, end: node.selectionRange.end },
  };
}

function markerRange(node: OutlineNode) {
  const s = node.selectionRange.start;
  return { start: s, end: { line: s.line, character: s.character + (node.marker?.length ?? 1) } };
}
