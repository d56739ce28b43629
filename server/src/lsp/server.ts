// The language server: keeps the open documents, checks the ones that are reports, publishes diagnostics and
// answers documentSymbol / foldingRange from the same cached analysis. All checking is the engine's; this file
// only decides what to check, when, and how to hand the results to the client.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type {
  CancellationToken,
  CodeAction,
  CodeActionParams,
  Connection,
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentSymbol,
  FoldingRange,
  Hover,
  HoverParams,
  InitializeParams,
  InitializeResult,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, formatMessage, normalizeLocale, shouldCheck } from '../engine';
import { checkAcross, type AcrossInput } from '../engine/across';

/** The configured severity of across-reports from a rule setting. */
function acrossSeverity(setting: unknown): 'error' | 'warning' | 'information' | 'hint' | 'off' | undefined {
  const v = typeof setting === 'string' ? setting : (setting as { severity?: unknown } | undefined)?.severity;
  return v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off' ? v : undefined;
}
import type { Analysis, Locale, ReportSummary } from '../engine';
import { loadSegmenter, segmenterError, segmenterIfLoaded } from '../segmenter';
import { DIAGNOSTIC_SOURCE, toDiagnostics, toDocumentSymbols, toFoldingRanges } from '../present/convert';
import { DocumentStore } from './documents';
import type { OpenDocument } from './documents';
import { SettingsCache } from './settings';
import type { Settings } from './settings';
import { codeActions, IGNORE_IN_WORKSPACE_COMMAND, ignoreInWorkspace } from './actions';
import { hoverAt } from './hovers';
import { FIGURES_REQUEST, figureRows } from '../present/figure-table';
import type { FiguresParams, FiguresResult } from '../present/figure-table';
import { effectiveSettings, pathToUri, uriToPath, WorkspaceConfigs } from './workspace-config';
import type { DocumentConfig } from './workspace-config';
import { languageOf, readReportFile } from './read-file';
import { fileUriOf, isDocumentPath, isReportView, READ_DOCUMENT_REQUEST, readDocumentText, viewUriOf, withoutEditsTo } from './report-view';
import type { ReadDocumentParams, ReadDocumentResult } from './report-view';
import { defaultProfile } from '../engine';
import { TextDocument as TextDoc } from 'vscode-languageserver-textdocument';
import pkg from '../../../package.json';

/** Typing pauses shorter than this are one edit; a document just opened is checked at once. */
const EDIT_DELAY_MS = 150;
/**
 * The pause actually waited after an edit adapts to the document: three times its last check, between these bounds.
 * A report that checks in 10 ms gets its diagnostics ~40 ms after a keystroke; one that takes 300 ms still waits for
 * a pause in typing, so its checks do not queue behind each other (bench/README.md: typing burst).
 */
const EDIT_DELAY_MIN_MS = 40;
const EDIT_DELAY_PER_CHECK = 3;
/** The segmenter loads synchronously (~1 s): wait a moment after the first diagnostics so they reach the client first. */
const SEGMENTER_DELAY_MS = 200;


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
  const workspaceConfigs = new WorkspaceConfigs();
  /** Pull diagnostics (textDocument/diagnostic) when the client supports them; push otherwise. */
  let pullDiagnostics = false;
  let refreshSupport = false;
  let resourceOperations = false;
  /** The VS Code client asks for fazhiReport/status notifications (the status bar item); other editors never get them. */
  let statusNotifications = false;
  let clientWatchesFiles = false;
  let watchedFilesDynamic = false;
  let rulesDocsBase: string | null | undefined;
  /** Workspace files (and profiles) that currently carry diagnostics about their own errors, and what they say. */
  const configErrorUris = new Map<string, string>();
  /** Files not open in the editor whose diagnostics came from the workspace check. */
  const checkedOnDisk = new Set<string>();
  const diagnosticOptions = () => ({ relatedInformation, rulesDocsBase });

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

  /** The settings, the workspace file and the profile for a document; the workspace file's errors are shown on it. */
  async function configFor(uri: string): Promise<{ s: Settings; dc: DocumentConfig }> {
    const raw = await settings.get(uri);
    let dc: DocumentConfig;
    try {
      // a Word/PDF report's view takes the workspace file of the document it shows
      dc = workspaceConfigs.forDocument(fileUriOf(uri), raw);
    } catch (e) {
      logError(`workspace file for ${uri}`, e);
      dc = { file: null, config: {}, errors: [], target: null };
    }
    showConfigErrors(dc);
    return { s: effectiveSettings(raw, dc.config), dc };
  }

  function showConfigErrors(dc: DocumentConfig): void {
    const byFile = new Map<string, string[]>();
    for (const e of dc.errors) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e.message]);
    if (dc.file && !byFile.has(dc.file)) byFile.set(dc.file, []);
    for (const [file, messages] of byFile) {
      const uri = pathToUri(file);
      const shown = messages.join('\n');
      if ((configErrorUris.get(uri) ?? '') === shown) continue;
      const diagnostics: Diagnostic[] = messages.map((message) => ({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        severity: 1,
        source: DIAGNOSTIC_SOURCE,
        code: 'workspace-file',
        message,
      }));
      for (const m of messages) connection.console.error(`fazhi-report: ${file}: ${m}`);
      if (messages.length) configErrorUris.set(uri, shown);
      else configErrorUris.delete(uri);
      if (!shuttingDown) void connection.sendDiagnostics({ uri, diagnostics }).catch((e: unknown) => logError('publish', e));
    }
  }

  /** The same decision as the command line's (engine/kind.ts shouldCheck): report language, or a text of a known kind. */
  function qualifies(doc: TextDocument, s: Settings): boolean {
    return shouldCheck({ text: doc.getText(), languageId: doc.languageId, detect: s.detectReportsInPlainText }).check;
  }

  /** The analysis of the document's current version, computed once per version (and settings/segmenter state). */
  function analysisOf(entry: OpenDocument, s: Settings, dc?: DocumentConfig): Analysis {
    const version = entry.doc.version;
    if (entry.cached && entry.cached.version === version && entry.cached.generation === generation) {
      return entry.cached.analysis;
    }
    const started = performance.now();
    const analysis = analyzeText(entry.doc.getText(), s, dc);
    entry.lastCheckMs = performance.now() - started;
    entry.cached = { version, generation, analysis };
    return analysis;
  }

  function analyzeText(text: string, s: Settings, dc?: DocumentConfig): Analysis {
    const analysis = analyze(text, {
      locale,
      rules: s.rules,
      segmenter: segmenterIfLoaded() ?? undefined,
      profile: dc?.profile,
      accepted: dc?.config.accepted,
    });
    for (const { code, error } of analysis.ruleErrors) {
      if (loggedRuleErrors.has(code)) continue;
      loggedRuleErrors.add(code);
      connection.console.error(formatMessage(locale, 'rule.error', { code, error }));
    }
    return analysis;
  }

  function sendStatus(uri: string, checking: boolean, isReport: boolean, diagnostics: Diagnostic[] = []): void {
    if (!statusNotifications || shuttingDown) return;
    const counts = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const d of diagnostics) counts[(['error', 'warning', 'information', 'hint'] as const)[(d.severity ?? 1) - 1] ?? 'error']++;
    void connection.sendNotification('fazhiReport/status', { uri, checking, isReport, counts }).catch((e: unknown) => logError('status', e));
  }

  /** The diagnostics of an open document's current version (empty when it is not a report). */
  async function currentDiagnostics(entry: OpenDocument): Promise<{ diagnostics: Diagnostic[]; isReport: boolean }> {
    const { s, dc } = await configFor(entry.doc.uri);
    if (!qualifies(entry.doc, s)) {
      entry.cached = undefined;
      return { diagnostics: [], isReport: false };
    }
    return { diagnostics: toDiagnostics(analysisOf(entry, s, dc).findings, entry.doc.uri, diagnosticOptions()), isReport: true };
  }

  function publish(uri: string, version: number, diagnostics: Diagnostic[]): void {
    if (shuttingDown) return;
    void connection.sendDiagnostics({ uri, version, diagnostics }).catch((e: unknown) => logError('publish', e));
  }

  async function validate(uri: string): Promise<void> {
    const entry = documents.get(uri);
    if (!entry) return;
    if (pullDiagnostics) {
      // The client pulls; refreshing asks it to pull again (settings, the workspace file or the segmenter changed).
      scheduleSegmenter();
      return;
    }
    const version = entry.doc.version;
    const { s, dc } = await configFor(uri);
    // Only the newest version is ever published: if the text moved on while we waited, its own run will follow.
    if (documents.get(uri) !== entry || entry.doc.version !== version) return;
    if (!qualifies(entry.doc, s)) {
      entry.cached = undefined;
      if (entry.hasDiagnostics) publish(uri, version, []);
      entry.hasDiagnostics = false;
      sendStatus(uri, false, false);
      return;
    }
    // checkOn "save": an unsaved edit keeps the last result, whatever asked for the re-check (a setting, the
    // workspace file, the segmenter becoming ready)
    if (s.checkOn === 'save' && entry.savedVersion !== undefined && entry.doc.version > entry.savedVersion) return;
    sendStatus(uri, true, true);
    let diagnostics: Diagnostic[] = [];
    try {
      diagnostics = toDiagnostics(analysisOf(entry, s, dc).findings, uri, diagnosticOptions());
    } catch (e) {
      // Positions from a failed run would be wrong for this version: show nothing rather than stale results.
      logError(`check ${uri}`, e);
    }
    publish(uri, version, diagnostics);
    entry.hasDiagnostics = diagnostics.length > 0;
    sendStatus(uri, false, true, diagnostics);
    scheduleSegmenter();
  }

  function editDelay(entry: OpenDocument | undefined): number {
    const last = entry?.lastCheckMs;
    if (last === undefined) return EDIT_DELAY_MS;
    return Math.round(Math.min(EDIT_DELAY_MS, Math.max(EDIT_DELAY_MIN_MS, EDIT_DELAY_PER_CHECK * last)));
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
    if (pullDiagnostics && refreshSupport && !shuttingDown) {
      void connection.languages.diagnostics.refresh().catch((e: unknown) => logError('diagnostic refresh', e));
    }
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
    const { s, dc } = await configFor(uri);
    const current = documents.get(uri);
    if (!current || !qualifies(current.doc, s)) return null;
    return analysisOf(current, s, dc);
  }

  /** The workspace check: files not open in the editor, read from disk, checked and published. */
  async function checkFiles(uris: string[], token: CancellationToken, withSummary = false) {
    const counts = { error: 0, warning: 0, information: 0, hint: 0 };
    const files: { uri: string; findings: number; error?: string; diagnostics?: Diagnostic[]; text?: string; summary?: ReportSummary }[] = [];
    // the reviewer's summary page (issue 14): each report's diagnostics, text and summary (title, body, year, parts)
    const summaryOf = async (uri: string, text: string, diagnostics: Diagnostic[]) => {
      if (!withSummary) return {};
      const { dc } = await configFor(uri);
      let summary: ReportSummary | undefined;
      let kind: string | undefined;
      try {
        const a = analyze(text, { locale, profile: dc?.profile, summary: true }, []);
        summary = a.summary;
        kind = a.kind?.label[locale];
      } catch (e) {
        logError(`summary ${uri}`, e);
      }
      return { diagnostics, text, summary, kind };
    };
    let checked = 0;
    let cancelled = false;
    for (const uri of uris) {
      if (token.isCancellationRequested || shuttingDown) {
        cancelled = true;
        break;
      }
      checked++;
      if (documents.get(uri)) {
        // open: its diagnostics are the editor's already; count them
        const entry = documents.get(uri)!;
        const { diagnostics, isReport } = await currentDiagnostics(entry);
        if (isReport) files.push({ uri, findings: diagnostics.length, ...(await summaryOf(uri, entry.doc.getText(), diagnostics)) });
        for (const d of diagnostics) counts[(['error', 'warning', 'information', 'hint'] as const)[(d.severity ?? 1) - 1]]++;
        continue;
      }
      const file = uriToPath(uri);
      if (!file) continue;
      // a Word/PDF file: read into text, its findings published on its read-only view (a click opens the view)
      const isDocument = isDocumentPath(file);
      const target = isDocument ? viewUriOf(uri) : uri;
      if (isDocument && documents.get(target)) {
        const { diagnostics, isReport } = await currentDiagnostics(documents.get(target)!);
        if (isReport) files.push({ uri: target, findings: diagnostics.length });
        for (const d of diagnostics) counts[(['error', 'warning', 'information', 'hint'] as const)[(d.severity ?? 1) - 1]]++;
        continue;
      }
      let text: string;
      if (isDocument) {
        const r = await readDocumentText(uri);
        if (!r.ok) {
          files.push({ uri, findings: 0, error: r.message });
          continue;
        }
        text = r.text;
      } else {
        try {
          text = readReportFile(file);
        } catch (e) {
          files.push({ uri, findings: 0, error: e instanceof Error ? e.message : String(e) });
          continue;
        }
      }
      const { s, dc } = await configFor(uri);
      // a document in the workspace is checked when its opening looks like a report (a Word file of minutes is not)
      const doc = TextDoc.create(target, isDocument ? 'plaintext' : languageOf(file), 0, text);
      // a Word or PDF file is judged by its text alone, by the same decision (engine/kind.ts shouldCheck)
      if (isDocument ? !shouldCheck({ text, languageId: 'plaintext', detect: true }).check : !qualifies(doc, s)) {
        if (checkedOnDisk.delete(target)) void connection.sendDiagnostics({ uri: target, diagnostics: [] });
        continue;
      }
      let diagnostics: Diagnostic[] = [];
      try {
        diagnostics = toDiagnostics(analyzeText(text, s, dc).findings, target, diagnosticOptions());
      } catch (e) {
        logError(`check ${uri}`, e);
      }
      files.push({ uri: target, findings: diagnostics.length, ...(await summaryOf(target, text, diagnostics)) });
      for (const d of diagnostics) counts[(['error', 'warning', 'information', 'hint'] as const)[(d.severity ?? 1) - 1]]++;
      checkedOnDisk.add(target);
      await connection.sendDiagnostics({ uri: target, diagnostics });
      // let other requests (typing in an open report) through between files
      await new Promise((r) => setImmediate(r));
    }
    return { checked, reports: files.filter((f) => !f.error).length, cancelled, counts, files };
  }

  connection.onInitialize(
    guard<InitializeParams, InitializeResult>('initialize', () => ({ capabilities: {} }), (params) => {
      locale = normalizeLocale(params.locale ?? undefined);
      const caps = params.capabilities ?? {};
      settings.pullSupported = !!caps.workspace?.configuration;
      relatedInformation = !!caps.textDocument?.publishDiagnostics?.relatedInformation;
      foldingRangeLimit = caps.textDocument?.foldingRange?.rangeLimit;
      dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
      pullDiagnostics = !!caps.textDocument?.diagnostic;
      refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
      resourceOperations =
        !!caps.workspace?.workspaceEdit?.documentChanges && !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create');
      watchedFilesDynamic = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
      const init = (params.initializationOptions ?? {}) as Record<string, unknown>;
      // the client's fazhiReport.messageLanguage setting, when it names a language, wins over the editor's
      if (typeof init.locale === 'string' && init.locale) locale = normalizeLocale(init.locale);
      statusNotifications = init.statusNotifications === true;
      clientWatchesFiles = init.clientWatchesFiles === true;
      if (typeof init.rulesDocsBase === 'string' && init.rulesDocsBase) {
        rulesDocsBase = init.rulesDocsBase.endsWith('/') ? init.rulesDocsBase : init.rulesDocsBase + '/';
      }
      const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
      if (!folders.length && params.rootUri) {
        const root = uriToPath(params.rootUri);
        if (root) folders.push(root);
      }
      workspaceConfigs.folders = folders;
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full, save: { includeText: false } },
          documentSymbolProvider: true,
          foldingRangeProvider: true,
          codeActionProvider: { codeActionKinds: ['quickfix'] },
          hoverProvider: true,
          executeCommandProvider: { commands: [IGNORE_IN_WORKSPACE_COMMAND] },
          ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: 'fazhi-report', version: pkg.version },
      };
    }),
  );

  connection.onInitialized(
    guard('initialized', () => undefined, () => {
      if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
      if (watchedFilesDynamic && !clientWatchesFiles) {
        void connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.fazhi-report.json' }] })
          .catch((e: unknown) => logError('register watcher', e));
      }
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          workspaceConfigs.folders = [
            ...workspaceConfigs.folders.filter((f) => !removed.has(f)),
            ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p),
          ];
          workspaceConfigs.invalidate();
          recheckAll();
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
      if (checkedOnDisk.delete(params.textDocument.uri) && pullDiagnostics) {
        void connection.sendDiagnostics({ uri: params.textDocument.uri, diagnostics: [] });
      }
      schedule(params.textDocument.uri, 0);
    }),
  );

  connection.onDidChangeTextDocument(
    guard('didChange', () => undefined, (params) => {
      const entry = documents.change(params);
      if (entry) {
        // checkOn "save": wait for didSave (the pushed diagnostics stay until then)
        void settings
          .get(params.textDocument.uri)
          .then((raw) => {
            const s = effectiveSettings(raw, workspaceConfigs.forDocument(params.textDocument.uri, raw).config);
            if (s.checkOn !== 'save') schedule(params.textDocument.uri, editDelay(documents.get(params.textDocument.uri)));
          })
          .catch((e: unknown) => logError('didChange', e));
      }
    }),
  );

  connection.onDidSaveTextDocument(
    guard('didSave', () => undefined, (params) => {
      const entry = documents.get(params.textDocument.uri);
      if (entry) entry.savedVersion = entry.doc.version;
      // pull mode, checkOn "save": clients pull on change, not on save (VS Code's default), so ask for a pull
      if (pullDiagnostics && refreshSupport && entry?.lastPulled && !shuttingDown) {
        void connection.languages.diagnostics.refresh().catch((e: unknown) => logError('diagnostic refresh', e));
      }
      schedule(params.textDocument.uri, 0);
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', () => undefined, () => {
      workspaceConfigs.invalidate();
      recheckAll();
    }),
  );

  connection.onCodeAction(
    guard<CodeActionParams, CodeAction[]>('codeAction', () => [], async (params) => {
      const uri = params.textDocument.uri;
      const entry = documents.get(uri);
      if (!entry) return [];
      const { s, dc } = await configFor(uri);
      const current = documents.get(uri);
      if (!current || !qualifies(current.doc, s)) return [];
      const findings = analysisOf(current, s, dc).findings;
      const actions = codeActions(
        {
          doc: current.doc,
          locale,
          findings,
          diagnostics: toDiagnostics(findings, uri, diagnosticOptions()),
          workspaceFile: dc.target,
          resourceOperations,
        },
        params.range,
        params.context?.only,
      );
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
      workspaceConfigs.invalidate();
      recheckAll();
      return file;
    }),
  );

  connection.onHover(
    guard<HoverParams, Hover | null>('hover', () => null, async (params) => {
      const uri = params.textDocument.uri;
      const analysis = await outlineFor(uri);
      const entry = documents.get(uri);
      if (!analysis || !entry) return null;
      const { dc } = await configFor(uri);
      return hoverAt(entry.doc.getText(), analysis, params.position, locale, dc.profile ?? defaultProfile);
    }),
  );

  connection.onRequest(
    FIGURES_REQUEST,
    guard<FiguresParams, FiguresResult | null>('figures', () => null, async (params) => {
      const uri = params.textDocument.uri;
      const analysis = await outlineFor(uri);
      return { uri, isReport: !!analysis, locale, rows: figureRows(analysis?.figures, locale, analysis?.tables ?? []) };
    }),
  );

  connection.onRequest(
    'fazhiReport/checkFiles',
    async (params: { uris?: unknown; summary?: unknown }, token: CancellationToken) => {
      try {
        const uris = Array.isArray(params?.uris) ? params.uris.filter((u): u is string => typeof u === 'string') : [];
        return await checkFiles(uris, token, params?.summary === true);
      } catch (e) {
        logError('checkFiles', e);
        return { checked: 0, reports: 0, cancelled: false, counts: { error: 0, warning: 0, information: 0, hint: 0 }, files: [] };
      }
    },
  );

  // Checks across reports (engine/across) for the workspace check: the reports' texts come from the client (it has
  // them from checkFiles), each is analysed with its settings, and the findings come back by URI, their related
  // places in other files included. The client shows them in a collection of its own and in the summary page.
  connection.onRequest('fazhiReport/checkAcross', async (params: { files?: unknown }) => {
    try {
      const files = Array.isArray(params?.files)
        ? params.files.filter((f): f is { uri: string; text: string } => !!f && typeof (f as { uri?: unknown }).uri === 'string' && typeof (f as { text?: unknown }).text === 'string')
        : [];
      const inputs: AcrossInput[] = [];
      let severity: ReturnType<typeof acrossSeverity> | undefined;
      for (const f of files) {
        const { s, dc } = await configFor(f.uri);
        severity ??= acrossSeverity(s.rules?.['across-reports']);
        inputs.push({ file: f.uri, text: f.text, analysis: analyzeText(f.text, s, dc) });
      }
      const found = checkAcross(inputs, { locale, segmenter: segmenterIfLoaded() ?? undefined, severity, profile: undefined });
      return { files: [...found].map(([uri, findings]) => ({ uri, diagnostics: toDiagnostics(findings, uri, { ...diagnosticOptions(), uriOf: (u) => u }) })) };
    } catch (e) {
      logError('checkAcross', e);
      return { files: [] };
    }
  });

  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    try {
      const entry = documents.get(uri);
      if (!entry) return { kind: 'full', items: [] };
      const { s } = await configFor(uri);
      // checkOn "save": an unsaved edit keeps the last result
      if (s.checkOn === 'save' && entry.lastPulled && entry.savedVersion !== undefined && entry.doc.version > entry.savedVersion) {
        return { kind: 'full', items: entry.lastPulled };
      }
      // "checking" only for a report: a plain-text file that is not one must not flash the status bar item
      if (qualifies(entry.doc, s)) sendStatus(uri, true, true);
      const { diagnostics, isReport } = await currentDiagnostics(entry);
      entry.lastPulled = diagnostics;
      sendStatus(uri, false, isReport, diagnostics);
      scheduleSegmenter();
      return { kind: 'full', items: diagnostics };
    } catch (e) {
      logError(`diagnostic ${uri}`, e);
      return { kind: 'full', items: [] };
    }
  });

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
