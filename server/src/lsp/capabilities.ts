// What the client can do and asked for, read once from `initialize` into one immutable record, and what the server
// answers it can do. The handlers read the record; nothing else looks at the raw capabilities.
import { TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import { normalizeLocale, type Locale } from '../engine';
import { uriToPath } from '../host/config';
import { IGNORE_IN_WORKSPACE_COMMAND } from './actions';

export interface ClientFeatures {
  /** The language of messages: the client's fazhiReport.messageLanguage when it names one, else the editor's. */
  readonly locale: Locale;
  /** workspace/configuration: settings are pulled per document. */
  readonly configurationPull: boolean;
  readonly relatedInformation: boolean;
  readonly foldingRangeLimit: number | undefined;
  readonly dynamicConfiguration: boolean;
  /** Pull diagnostics (textDocument/diagnostic) when the client supports them; push otherwise. */
  readonly pullDiagnostics: boolean;
  readonly refreshSupport: boolean;
  /** WorkspaceEdits may create files (the "ignore in this workspace" fix creates the workspace file). */
  readonly resourceOperations: boolean;
  readonly watchedFilesDynamic: boolean;
  /** The VS Code client asks for fazhiReport/status notifications (the status bar item); other editors never get them. */
  readonly statusNotifications: boolean;
  /** The client watches .fazhi-report.json itself (no watcher registration needed). */
  readonly clientWatchesFiles: boolean;
  /** Where diagnostics link the rule pages (ends in "/"), when the client names it. */
  readonly rulesDocsBase: string | undefined;
  /** The workspace folders at start (absolute paths): the workspace folders, else the root. */
  readonly workspaceFolders: readonly string[];
}

/** Before initialize (a misbehaving client): nothing supported. */
export const NO_FEATURES: ClientFeatures = Object.freeze({
  locale: 'zh-cn',
  configurationPull: false,
  relatedInformation: false,
  foldingRangeLimit: undefined,
  dynamicConfiguration: false,
  pullDiagnostics: false,
  refreshSupport: false,
  resourceOperations: false,
  watchedFilesDynamic: false,
  statusNotifications: false,
  clientWatchesFiles: false,
  rulesDocsBase: undefined,
  workspaceFolders: Object.freeze([]) as readonly string[],
});

export function readClientFeatures(params: InitializeParams): ClientFeatures {
  const caps = params.capabilities ?? {};
  const init = (params.initializationOptions ?? {}) as Record<string, unknown>;
  const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  if (!folders.length && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) folders.push(root);
  }
  const docsBase = typeof init.rulesDocsBase === 'string' && init.rulesDocsBase ? init.rulesDocsBase : undefined;
  return Object.freeze({
    // the client's fazhiReport.messageLanguage setting, when it names a language, wins over the editor's
    locale: normalizeLocale(typeof init.locale === 'string' && init.locale ? init.locale : (params.locale ?? undefined)),
    configurationPull: !!caps.workspace?.configuration,
    relatedInformation: !!caps.textDocument?.publishDiagnostics?.relatedInformation,
    foldingRangeLimit: caps.textDocument?.foldingRange?.rangeLimit,
    dynamicConfiguration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    pullDiagnostics: !!caps.textDocument?.diagnostic,
    refreshSupport: !!caps.workspace?.diagnostics?.refreshSupport,
    resourceOperations: !!caps.workspace?.workspaceEdit?.documentChanges && !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
    watchedFilesDynamic: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    statusNotifications: init.statusNotifications === true,
    clientWatchesFiles: init.clientWatchesFiles === true,
    rulesDocsBase: docsBase === undefined ? undefined : docsBase.endsWith('/') ? docsBase : docsBase + '/',
    workspaceFolders: Object.freeze(folders),
  });
}

export function serverCapabilities(f: ClientFeatures): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full, save: { includeText: false } },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    codeActionProvider: { codeActionKinds: ['quickfix'] },
    hoverProvider: true,
    executeCommandProvider: { commands: [IGNORE_IN_WORKSPACE_COMMAND] },
    ...(f.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
