// The open documents, kept by the server itself (full sync) rather than by TextDocuments, so every notification
// handler is ours and can be guarded, and so an out-of-order older version is ignored instead of applied.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
} from 'vscode-languageserver/node';
import type { Analysis } from '../engine';

export interface CachedAnalysis {
  version: number;
  /** Bumped when something other than the text changes the result (settings, the segmenter arriving). */
  generation: number;
  analysis: Analysis;
}

export interface OpenDocument {
  doc: TextDocument;
  /** Pending debounced check. */
  timer?: NodeJS.Timeout;
  /** How long its last analysis took (ms): the pause after an edit adapts to it. */
  lastCheckMs?: number;
  cached?: CachedAnalysis;
  /** Whether non-empty diagnostics are currently shown for it (so they can be cleared when it stops qualifying). */
  hasDiagnostics: boolean;
  /** Version at the last didSave (checkOn "save"). */
  savedVersion?: number;
  /** What the last textDocument/diagnostic answered (pull mode with checkOn "save"). */
  lastPulled?: import('vscode-languageserver').Diagnostic[];
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): [string, OpenDocument][] {
    return [...this.docs.entries()];
  }

  open(params: DidOpenTextDocumentParams): OpenDocument {
    const { uri, languageId, version, text } = params.textDocument;
    const previous = this.docs.get(uri);
    if (previous?.timer) clearTimeout(previous.timer);
    const entry: OpenDocument = {
      doc: TextDocument.create(uri, String(languageId), Number(version) || 0, String(text ?? '')),
      hasDiagnostics: previous?.hasDiagnostics ?? false,
    };
    this.docs.set(uri, entry);
    return entry;
  }

  /** Applies a change; returns undefined for an unknown document or a version older than the one held. */
  change(params: DidChangeTextDocumentParams): OpenDocument | undefined {
    const entry = this.docs.get(params.textDocument.uri);
    if (!entry) return undefined;
    const version = params.textDocument.version;
    if (typeof version === 'number' && version < entry.doc.version) return undefined;
    TextDocument.update(entry.doc, params.contentChanges, typeof version === 'number' ? version : entry.doc.version + 1);
    return entry;
  }

  close(params: DidCloseTextDocumentParams): OpenDocument | undefined {
    const entry = this.docs.get(params.textDocument.uri);
    if (entry?.timer) clearTimeout(entry.timer);
    this.docs.delete(params.textDocument.uri);
    return entry;
  }

  clearTimers(): void {
    for (const entry of this.docs.values()) if (entry.timer) clearTimeout(entry.timer);
  }
}
