// The language server's wiring: which handler answers what. Checking is the engine's; what applies to a document
// and its cached analysis are checker.ts's; when documents are checked is scheduler.ts's; pushing and pulling their
// diagnostics is publish.ts's; what the client can do is capabilities.ts's; the workspace check is
// workspace-check.ts's; the custom methods are named in shared/protocol.ts. Every handler is guarded: an exception is logged
// and answered with the empty result, never a crash.
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification } from 'vscode-languageserver/node';
import type {
  CodeAction,
  CodeActionParams,
  Connection,
  DocumentDiagnosticReport,
  DocumentSymbol,
  FoldingRange,
  Hover,
  HoverParams,
  InitializeParams,
  InitializeResult,
} from 'vscode-languageserver/node';
import { defaultProfile } from '../engine';
import { uriToPath } from '../host/config';
import { toDiagnostics, toDocumentSymbols, toFoldingRanges } from '../present/convert';
import { figureRows } from '../present/figure-table';
import {
  CHECK_ACROSS_REQUEST,
  CHECK_FILES_REQUEST,
  FIGURES_REQUEST,
  READ_DOCUMENT_REQUEST,
} from '../shared/protocol';
import type { FiguresParams, FiguresResult, ReadDocumentParams, ReadDocumentResult } from '../shared/protocol';
import { codeActions, IGNORE_IN_WORKSPACE_COMMAND, ignoreInWorkspace } from './actions';
import { NO_FEATURES, readClientFeatures, serverCapabilities, type ClientFeatures } from './capabilities';
import { Checker } from './checker';
import { DocumentStore } from './documents';
import { hoverAt } from './hovers';
import { isReportView, readDocumentText, withoutEditsTo } from './report-view';
import { editDelay, Scheduler } from './scheduler';
import { Publisher } from './publish';
import { SettingsCache } from './settings';
import { emptyCheckFilesResult, WorkspaceCheck } from './workspace-check';
import pkg from '../../../package.json';

export function startServer(connection: Connection): void {
  let features: ClientFeatures = NO_FEATURES;
  const documents = new DocumentStore();
  const settings = new SettingsCache(connection);

  const logError = (where: string, e: unknown): void => {
    const detail = e instanceof Error ? e.stack || e.message : String(e);
    try {
      connection.console.error(`fazhi-report: ${where}: ${detail}`);
    } catch {
      // The connection itself is gone; nothing left to tell.
    }
  };
  const scheduler: Scheduler = new Scheduler(documents, {
    validate: (uri): Promise<void> => publisher.validate(uri),
    refreshDiagnostics,
    info: (message) => connection.console.info(message),
    logError,
  });
  const checker = new Checker(connection, documents, settings, scheduler, () => features, logError);
  const workspace = new WorkspaceCheck(connection, documents, checker, () => scheduler.shuttingDown);
  const publisher = new Publisher(connection, documents, checker, scheduler, () => features);

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

  /** A pull-mode client is asked to pull again (settings, the workspace file or the segmenter changed). */
  function refreshDiagnostics(): void {
    if (features.pullDiagnostics && features.refreshSupport && !scheduler.shuttingDown) {
      void connection.languages.diagnostics.refresh().catch((e: unknown) => logError('diagnostic refresh', e));
    }
  }

  connection.onInitialize(
    guard<InitializeParams, InitializeResult>('initialize', () => ({ capabilities: {} }), (params) => {
      features = readClientFeatures(params);
      settings.pullSupported = features.configurationPull;
      checker.configs.roots = [...features.workspaceFolders];
      return { capabilities: serverCapabilities(features), serverInfo: { name: 'fazhi-report', version: pkg.version } };
    }),
  );

  connection.onInitialized(
    guard('initialized', () => undefined, () => {
      if (features.dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
      if (features.watchedFilesDynamic && !features.clientWatchesFiles) {
        void connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.fazhi-report.json' }] })
          .catch((e: unknown) => logError('register watcher', e));
      }
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
          checker.configs.roots = [...checker.configs.roots.filter((f) => !removed.has(f)), ...added];
          checker.configs.invalidate();
          scheduler.recheckAll();
        });
      } catch (e) {
        logError('workspace folders', e);
      }
    }),
  );

  connection.onDidOpenTextDocument(
    guard('didOpen', () => undefined, (params) => {
      const opened = documents.open(params);
      opened.savedVersion = opened.doc.version;
      settings.forget(params.textDocument.uri);
      // the workspace check's diagnostics give way to the open document's own
      if (workspace.opened(params.textDocument.uri) && features.pullDiagnostics) {
        void connection.sendDiagnostics({ uri: params.textDocument.uri, diagnostics: [] });
      }
      scheduler.schedule(params.textDocument.uri, 0);
    }),
  );

  connection.onDidChangeTextDocument(
    guard('didChange', () => undefined, async (params) => {
      if (!documents.change(params)) return;
      // checkOn "save": wait for didSave (the pushed diagnostics stay until then)
      const { s } = await checker.configFor(params.textDocument.uri);
      if (s.checkOn !== 'save') scheduler.schedule(params.textDocument.uri, editDelay(documents.get(params.textDocument.uri)));
    }),
  );

  connection.onDidSaveTextDocument(
    guard('didSave', () => undefined, (params) => {
      const entry = documents.get(params.textDocument.uri);
      if (entry) entry.savedVersion = entry.doc.version;
      // pull mode, checkOn "save": clients pull on change, not on save (VS Code's default), so ask for a pull
      if (entry?.lastPulled) refreshDiagnostics();
      scheduler.schedule(params.textDocument.uri, 0);
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', () => undefined, () => {
      checker.configs.invalidate();
      scheduler.recheckAll();
    }),
  );

  connection.onCodeAction(
    guard<CodeActionParams, CodeAction[]>('codeAction', () => [], async (params) => {
      const uri = params.textDocument.uri;
      const report = await checker.reportOf(uri);
      if (!report) return [];
      const { findings } = report.analysis;
      const diagnostics = toDiagnostics(findings, uri, checker.diagnosticOptions());
      const context = { doc: report.entry.doc, locale: checker.locale, findings, diagnostics, workspaceFile: report.dc.target, resourceOperations: features.resourceOperations };
      const actions = codeActions(context, params.range, params.context?.only);
      // a Word/PDF report's view is read-only: no fix that edits its text (ignoring in the workspace file stays)
      return isReportView(uri) ? withoutEditsTo(uri, actions) : actions;
    }),
  );

  connection.onRequest(
    READ_DOCUMENT_REQUEST,
    guard<ReadDocumentParams, ReadDocumentResult>(
      'readDocument',
      () => ({ ok: false, message: '读取出错 / read error' }),
      (params) => readDocumentText(typeof params?.uri === 'string' ? params.uri : ''),
    ),
  );

  connection.onExecuteCommand(
    guard<{ command: string; arguments?: unknown[] }, unknown>('executeCommand', () => null, (params) => {
      if (params.command !== IGNORE_IN_WORKSPACE_COMMAND) return null;
      const file = ignoreInWorkspace(params.arguments?.[0]);
      checker.configs.invalidate();
      scheduler.recheckAll();
      return file;
    }),
  );

  connection.onHover(
    guard<HoverParams, Hover | null>('hover', () => null, async (params) => {
      const report = await checker.reportOf(params.textDocument.uri);
      if (!report) return null;
      return hoverAt(report.entry.doc.getText(), report.analysis, params.position, checker.locale, report.dc.profile ?? defaultProfile);
    }),
  );

  connection.onRequest(
    FIGURES_REQUEST,
    guard<FiguresParams, FiguresResult | null>('figures', () => null, async (params) => {
      const uri = params.textDocument.uri;
      const analysis = (await checker.reportOf(uri))?.analysis;
      return { uri, isReport: !!analysis, locale: checker.locale, rows: figureRows(analysis?.figures, checker.locale, analysis?.tables ?? []) };
    }),
  );

  connection.onRequest(CHECK_FILES_REQUEST, (params: { uris?: unknown; summary?: unknown }, token) =>
    workspace.checkFilesRequest(params, token).catch((e: unknown) => {
      logError('checkFiles', e);
      return emptyCheckFilesResult();
    }),
  );

  connection.onRequest(CHECK_ACROSS_REQUEST, (params: { files?: unknown }) =>
    workspace.checkAcross(params).catch((e: unknown) => {
      logError('checkAcross', e);
      return { files: [] };
    }),
  );

  connection.languages.diagnostics.on((params): Promise<DocumentDiagnosticReport> =>
    publisher.pull(params.textDocument.uri).catch((e: unknown) => {
      logError(`diagnostic ${params.textDocument.uri}`, e);
      return { kind: 'full', items: [] };
    }),
  );

  connection.onDidCloseTextDocument(
    guard('didClose', () => undefined, (params) => {
      const entry = documents.close(params);
      settings.forget(params.textDocument.uri);
      if (entry?.hasDiagnostics) publisher.publish(params.textDocument.uri, entry.doc.version, []);
    }),
  );

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', () => undefined, (params) => {
      settings.changed(params?.settings);
      scheduler.recheckAll();
    }),
  );

  connection.onDocumentSymbol(
    guard<{ textDocument: { uri: string } }, DocumentSymbol[]>('documentSymbol', () => [], async (params) => {
      const report = await checker.reportOf(params.textDocument.uri);
      return report ? toDocumentSymbols(report.analysis.outline) : [];
    }),
  );

  connection.onFoldingRanges(
    guard<{ textDocument: { uri: string } }, FoldingRange[]>('foldingRange', () => [], async (params) => {
      const report = await checker.reportOf(params.textDocument.uri);
      if (!report) return [];
      const ranges = toFoldingRanges(report.analysis.outline);
      const limit = features.foldingRangeLimit;
      return limit !== undefined && limit >= 0 ? ranges.slice(0, limit) : ranges;
    }),
  );

  connection.onShutdown(() => scheduler.shutdown());

  connection.listen();
}
