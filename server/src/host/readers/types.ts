// What a reader hands back: the text the engine checks, and where each of its lines came from in the file.
import type { Bilingual } from '../read';

export type DocumentKind = 'docx' | 'doc' | 'pdf';

/** Where one line of the extracted text came from: the file's paragraph (1-based) and, for PDF, its page. */
export interface SourceLine {
  paragraph: number;
  page?: number;
  /** Heading level 1–4 when the paragraph has a heading style (Heading 1–4 / 标题 1–4) or outline level. */
  heading?: number;
  /** A Word table row: which table of the document (1-based) and which of its rows. */
  table?: { index: number; row: number };
}

export interface ReadDocument {
  kind: DocumentKind;
  /** The text as printed: one paragraph per line, automatic numbers drawn, tables as `| a | b |` rows. */
  text: string;
  /** One entry per line of `text` (lines split on \n). */
  lines: SourceLine[];
  /** Things the reader could not render faithfully (one line each, Chinese first). */
  warnings: string[];
}

export type ReadResult = { ok: true; doc: ReadDocument } | { ok: false; reason: Bilingual };

/** A reader's refusal: caught by readDocumentFile() and turned into a one-line reason. */
export class UnreadableDocument extends Error {
  constructor(readonly reason: Bilingual) {
    super(`${reason.zh} / ${reason.en}`);
  }
}

/** Lines built up by a reader, with their source, joined into a ReadDocument. */
export class TextBuilder {
  private readonly out: string[] = [];
  readonly lines: SourceLine[] = [];

  push(text: string, source: SourceLine): void {
    // a line break inside a paragraph (Word's manual line break) stays a line of the same paragraph
    for (const part of text.split('\n')) {
      this.out.push(part);
      this.lines.push(source);
    }
  }

  /** A blank line (around tables), unless the text already ends with one. */
  blank(source: SourceLine): void {
    if (this.out.length === 0 || this.out[this.out.length - 1] === '') return;
    this.push('', source);
  }

  get length(): number {
    return this.out.length;
  }

  text(): string {
    return this.out.join('\n');
  }
}

/** A table row in the form the table parser reads: `| a | b | c |`, cells trimmed, a pipe inside a cell made full-width. */
export function pipeRow(cells: string[]): string {
  return '| ' + cells.map((c) => c.replace(/\s+/g, ' ').trim().replace(/\|/g, '｜')).join(' | ') + ' |';
}
