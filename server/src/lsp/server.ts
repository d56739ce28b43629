// The language server: keeps the open documents, checks the ones that are reports, publishes diagnostics and
// answers documentSymbol / foldingRange from the same cached analysis. All checking is the engine's; this file
// only decides what to check, when, and how to hand the results to the client.
import {
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type {
  Connection,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  InitializeParams,
  InitializeResult,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, formatMessage, looksLikeReport, normalizeLocale } from '../engine';
import type { Analysis, Locale } from '../engine';
import { loadSegmenter, segmenterError, segmenterIfLoaded } from '../segmenter';
import { toDiagnostics, toDocumentSymbols, toFoldingRanges } from './convert';
import { DocumentStore } from './documents';
import type { OpenDocument } from './documents';
import { SettingsCache } from './settings';
import type { Settings } from './settings';
import pkg from '../../../package.json';

/** Typing pauses shorter than this are one edit; a document just opened is checked at once. */
const EDIT_DELAY_MS = 150;
/** The segmenter loads synchronously (~1 s): wait a moment after the first diagnostics so they reach the client first. */
const SEGMENTER_DELAY_MS = 200;

const REPORT_LANGUAGE = 'fazhi-report';
// 'text' is what Neovim and Emacs call plain text; VS Code says 'plaintext'.
const SNIFFED_LANGUAGES = new Set(['plaintext', 'text', 'markdown']);

export function startServer(connection: Connection): void {
  const documents = new DocumentStore();
  const settings = new SettingsCache(connection);
  let locale: Locale = 'zh-cn';
  let relatedInformation = false;
  let foldingRangeLimit: number | undefined;
  let generation = 0;
  let segmenterScheduled = false;
  let shuttingDown = false;
  let dynamicConfiguration = false;
  const loggedRuleErrors = new Set<string>();

  const logError = (where: string, e: unknown): void => {
    const detail = e instanceof Error ? e.stack || e.message : String(e);
    try {
      connection.console.error(`fazhi-report: ${where}: ${detail}`);
    } catch {
      // The connection itself is gone; nothing left to tell.
    }
  };

  /** Every handler goes through this: an exception is logged and answered with the empty result. */
  function guard<P, R>(where: string, fallback: () => R, fn: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await fn(params);
      } catch (e) {
        logError(where, e);
        return fallback();
      }
    };
  }

  function qualifies(doc: TextDocument, s: Settings): boolean {
    if (doc.languageId === REPORT_LANGUAGE) return true;
    if (!SNIFFED_LANGUAGES.has(doc.languageId)) return false;
    return s.detectReportsInPlainText && looksLikeReport(doc.getText());
  }

  /** The analysis of the document's current version, computed once per version (and settings/segmenter state). */
  function analysisOf(entry: OpenDocument, s: Settings): Analysis {
    const version = entry.doc.version;
    if (entry.cached && entry.cached.version === version && entry.cached.generation === generation) {
      return entry.cached.analysis;
    }
    const analysis = analyze(entry.doc.getText(), {
      locale,
      rules: s.rules,
      segmenter: segmenterIfLoaded() ?? undefined,
    });
    for (const { code, error } of analysis.ruleErrors) {
      if (loggedRuleErrors.has(code)) continue;
      loggedRuleErrors.add(code);
      connection.console.error(formatMessage(locale, 'rule.error', { code, error }));
    }
    entry.cached = { version, generation, analysis };
    return analysis;
  }

  function publish(uri: string, version: number, diagnostics: Diagnostic[]): void {
    if (shuttingDown) return;
    void connection.sendDiagnostics({ uri, version, diagnostics }).catch((e: unknown) => logError('publish', e));
  }

  async function validate(uri: string): Promise<void> {
    const entry = documents.get(uri);
    if (!entry) return;
    const version = entry.doc.version;
    const s = await settings.get(uri);
    // Only the newest version is ever published: if the text moved on while we waited, its own run will follow.
    if (documents.get(uri) !== entry || entry.doc.version !== version) return;
    if (!qualifies(entry.doc, s)) {
      entry.cached = undefined;
      if (entry.hasDiagnostics) publish(uri, version, []);
      entry.hasDiagnostics = false;
      return;
    }
    let diagnostics: Diagnostic[] = [];
    try {
      diagnostics = toDiagnostics(analysisOf(entry, s).findings, uri, { relatedInformation });
    } catch (e) {
      // Positions from a failed run would be wrong for this version: show nothing rather than stale results.
      logError(`check ${uri}`, e);
    }
    publish(uri, version, diagnostics);
    entry.hasDiagnostics = diagnostics.length > 0;
    scheduleSegmenter();
  }

  function schedule(uri: string, delay: number): void {
    const entry = documents.get(uri);
    if (!entry || shuttingDown) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      validate(uri).catch((e: unknown) => logError(`check ${uri}`, e));
    }, delay);
  }

  function recheckAll(): void {
    generation++;
    for (const [uri] of documents.all()) schedule(uri, 0);
  }

  // The first diagnostics never wait for word segmentation: it is loaded after them, then everything is re-checked.
  function scheduleSegmenter(): void {
    if (segmenterScheduled) return;
    segmenterScheduled = true;
    setTimeout(() => {
      if (shuttingDown) return;
      try {
        if (loadSegmenter()) recheckAll();
        else connection.console.info(`fazhi-report: word segmentation unavailable (${segmenterError() ?? 'unknown'}); checking without it`);
      } catch (e) {
        logError('segmenter', e);
      }
    }, SEGMENTER_DELAY_MS);
  }

  /** The analysis behind documentSymbol / foldingRange, or null for a document we leave alone. */
  async function outlineFor(uri: string): Promise<Analysis | null> {
    const entry = documents.get(uri);
    if (!entry) return null;
    const s = await settings.get(uri);
    const current = documents.get(uri);
    if (!current || !qualifies(current.doc, s)) return null;
    return analysisOf(current, s);
  }

  connection.onInitialize(
    guard<InitializeParams, InitializeResult>('initialize', () => ({ capabilities: {} }), (params) => {
      locale = normalizeLocale(params.locale ?? undefined);
      const caps = params.capabilities ?? {};
      settings.pullSupported = !!caps.workspace?.configuration;
      relatedInformation = !!caps.textDocument?.publishDiagnostics?.relatedInformation;
      foldingRangeLimit = caps.textDocument?.foldingRange?.rangeLimit;
      dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full },
          documentSymbolProvider: true,
          foldingRangeProvider: true,
        },
        serverInfo: { name: 'fazhi-report', version: pkg.version },
      };
    }),
  );

  connection.onInitialized(
    guard('initialized', () => undefined, () => {
      if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    }),
  );
  connection.onDidOpenTextDocument(
    guard('didOpen', () => undefined, (params) => {
      documents.open(params);
      settings.forget(params.textDocument.uri);
      schedule(params.textDocument.uri, 0);
    }),
  );

  connection.onDidChangeTextDocument(
    guard('didChange', () => undefined, (params) => {
      if (documents.change(params)) schedule(params.textDocument.uri, EDIT_DELAY_MS);
    }),
  );

  connection.onDidCloseTextDocument(
    guard('didClose', () => undefined, (params) => {
      const entry = documents.close(params);
      settings.forget(params.textDocument.uri);
      if (entry?.hasDiagnostics) publish(params.textDocument.uri, entry.doc.version, []);
    }),
  );

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', () => undefined, (params) => {
      settings.changed(params?.settings);
      recheckAll();
    }),
  );

  connection.onDocumentSymbol(
    guard<{ textDocument: { uri: string } }, DocumentSymbol[]>('documentSymbol', () => [], async (params) => {
      const analysis = await outlineFor(params.textDocument.uri);
      return analysis ? toDocumentSymbols(analysis.outline) : [];
    }),
  );

  connection.onFoldingRanges(
    guard<{ textDocument: { uri: string } }, FoldingRange[]>('foldingRange', () => [], async (params) => {
      const analysis = await outlineFor(params.textDocument.uri);
      if (!analysis) return [];
      const ranges = toFoldingRanges(analysis.outline);
      return foldingRangeLimit !== undefined && foldingRangeLimit >= 0 ? ranges.slice(0, foldingRangeLimit) : ranges;
    }),
  );

  connection.onShutdown(() => {
    shuttingDown = true;
    documents.clearTimers();
  });

  connection.listen();
}
