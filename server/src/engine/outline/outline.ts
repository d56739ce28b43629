// Outline: the heading tree of a report. (Parser being written; see parse.ts.)
import type { ReportDocument } from '../document';
import type { HeadingKind, OutlineNode } from '../types';

/** A heading as found on its line, before the tree is built. */
export interface Heading {
  line: number;
  kind: HeadingKind;
  ordinal?: number;
  marker?: string;
  /** The heading's name (heading part only, without run-in body text). */
  name: string;
  /** For a Markdown heading that carries a 一、/（一）/1. number. */
  numbering?: { kind: HeadingKind; ordinal: number; marker: string; character: number };
  /** Character span of the heading text (marker + name) on its line. */
  start: number;
  end: number;
}

export interface Outline {
  /** The tree, as documentSymbol returns it (a title line, when present, is the single root). */
  roots: OutlineNode[];
  /** Every node in document order (pre-order). */
  nodes: OutlineNode[];
  /** Lines that are web-page chrome (breadcrumbs, 发布时间, ICP …), not report content. */
  chromeLines: Set<number>;
  /** True when the text is news-style: unnumbered title lines instead of 一、/（一） headings. */
  newsStyle: boolean;
}
