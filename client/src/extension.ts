// The VS Code side: starts the language server (dist/server.js) over node IPC and hands it the documents that may
// be reports; adds what only the editor can do: commands (workspace check, figure table, skeleton, restart), the
// status bar item and the file watcher of .fazhi-report.json. Checking, fixes and hovers are the server's.
// Every string a user sees goes through vscode.l10n.t (English source, Chinese in l10n/bundle.l10n.zh-cn.json);
// the pieces that can be tested without VS Code live in skeleton.ts, status.ts and figure-view.ts.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { FigureRow } from '../../server/src/present/figure-table';
import { figuresCsv } from '../../server/src/present/figure-table';
import { figuresHtml } from './figure-view';
import { defaultReportYear, skeleton, validateYear } from './skeleton';
import { countDiagnostics, statusView, workspaceSummary } from './status';
import {
  CHECK_ACROSS_REQUEST,
  CHECK_FILES_REQUEST,
  FIGURES_REQUEST,
  READ_DOCUMENT_REQUEST,
  REPORT_VIEW_SCHEME,
  STATUS_NOTIFICATION,
} from '../../server/src/shared/protocol';
import type {
  CheckAcrossParams,
  CheckAcrossResult,
  CheckFilesParams,
  CheckFilesResult,
  FiguresParams,
  FiguresResult,
  ReadDocumentResult,
  StatusParams,
} from '../../server/src/shared/protocol';

/** Word, WPS and PDF files: opened as a read-only report view (fazhiReport.openAsReport) and in the workspace check. */
const DOCUMENT_EXTENSIONS = ['docx', 'doc', 'wps', 'pdf'];
import { renderSummaryPage, type SummaryReport } from '../../server/src/summary/page';

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

const SOURCE = 'fazhi-report';
/** Files sent to the server per workspace-check request: progress moves and cancellation is honoured between them. */
const CHUNK = 10;

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;
const serverStatus = new Map<string, { checking: boolean; isReport: boolean }>();
const figurePanels = new Map<string, vscode.WebviewPanel>();
let summaryPanel: vscode.WebviewPanel | undefined;
let acrossCollection: vscode.DiagnosticCollection | undefined;

function displayName(): string {
  return t('Rule-of-Law Report Checker');
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Plain text and Markdown go to the server too: it checks only those whose opening looks like a report
    // (fazhiReport.detectReportsInPlainText). Untitled buffers are included so a pasted draft is checked.
    documentSelector: [
      { language: 'fazhi-report' },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      // the read-only view of a Word/WPS/PDF report (its text as the server's readers extract it)
      { language: 'fazhi-report', scheme: REPORT_VIEW_SCHEME },
    ],
    synchronize: {
      configurationSection: 'fazhiReport',
      // the workspace file: the server re-reads it and re-checks open reports when it changes
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.fazhi-report.json'),
    },
    initializationOptions: { statusNotifications: true, clientWatchesFiles: true, locale: messageLanguage() },
  };
  return new LanguageClient('fazhiReport', displayName(), serverOptions, clientOptions);
}

/** fazhiReport.messageLanguage: "auto" follows VS Code's display language; "zh-cn" / "en" fix it. */
function messageLanguage(): string {
  const v = vscode.workspace.getConfiguration('fazhiReport').get<string>('messageLanguage', 'auto');
  return v === 'zh-cn' || v === 'en' ? v : vscode.env.language;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  await client.start();
  client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => {
    serverStatus.set(p.uri, { checking: p.checking, isReport: p.isReport });
    updateStatus();
  });
}

// ---- status bar ----

function updateStatus(): void {
  if (!statusItem) return;
  const editor = vscode.window.activeTextEditor;
  const uri = editor?.document.uri.toString();
  const state = uri ? serverStatus.get(uri) : undefined;
  const diagnostics = editor ? vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === SOURCE) : [];
  const view = statusView(
    { isReport: !!state?.isReport, checking: !!state?.checking, counts: countDiagnostics(diagnostics.map((d) => d.severity)) },
    t,
  );
  if (!view.visible) {
    statusItem.hide();
    return;
  }
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.backgroundColor = view.severe ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  statusItem.show();
}

// ---- commands ----

async function checkWorkspace(): Promise<void> {
  const c = client;
  if (!c) return;
  const files = await vscode.workspace.findFiles(`**/*.{txt,md,markdown,${DOCUMENT_EXTENSIONS.join(',')}}`, '**/{node_modules,.git,out,dist}/**');
  if (files.length === 0) {
    void vscode.window.showInformationMessage(t('No reports (.txt, .md, Word, WPS or PDF files) in the workspace.'));
    return;
  }
  const total: CheckFilesResult = { checked: 0, reports: 0, cancelled: false, counts: { error: 0, warning: 0, information: 0, hint: 0 }, files: [] };
  const reports: SummaryReport[] = [];
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Checking the reports in the workspace'), cancellable: true },
    async (progress, token) => {
      for (let i = 0; i < files.length; i += CHUNK) {
        if (token.isCancellationRequested) {
          total.cancelled = true;
          break;
        }
        const chunk = files.slice(i, i + CHUNK).map((u) => u.toString());
        let r: CheckFilesResult;
        try {
          r = await c.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: chunk, summary: true } satisfies CheckFilesParams, token);
        } catch (e) {
          // cancelled while the request was on its way: stop with what was checked so far
          if (token.isCancellationRequested) {
            total.cancelled = true;
            break;
          }
          throw e;
        }
        if (!r) break;
        total.checked += r.checked;
        total.reports += r.files.filter((f) => !f.error).length;
        total.cancelled ||= r.cancelled;
        for (const k of Object.keys(total.counts) as (keyof CheckFilesResult['counts'])[]) total.counts[k] += r.counts[k];
        for (const f of r.files) {
          if (f.error || !f.diagnostics) continue;
          reports.push({ path: vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri)), uri: f.uri, diagnostics: f.diagnostics, text: f.text, summary: f.summary, kind: f.kind });
        }
        progress.report({ increment: (100 * chunk.length) / files.length, message: t('{0} of {1} files', total.checked, files.length) });
      }
    },
  );
  if (reports.length > 1 && !total.cancelled) await checkAcrossReports(c, reports);
  if (reports.length > 0) showSummary(reports, workspaceSummary(total, files.length, t));
  const open = t('Open Problems panel');
  const choice = await vscode.window.showInformationMessage(workspaceSummary(total, files.length, t), open);
  if (choice === open) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/**
 * Checks across reports (same body, consecutive years; the server's engine/across): their findings go to a
 * diagnostic collection of the extension's own (the server's own diagnostics per file are left as they are) and
 * into the summary page.
 */
async function checkAcrossReports(c: LanguageClient, reports: SummaryReport[]): Promise<void> {
  const withText = reports.filter((r) => typeof r.text === 'string');
  let result: CheckAcrossResult | undefined;
  try {
    result = await c.sendRequest<CheckAcrossResult>(CHECK_ACROSS_REQUEST, { files: withText.map((r) => ({ uri: r.uri, text: r.text as string })) } satisfies CheckAcrossParams);
  } catch {
    return;
  }
  acrossCollection ??= vscode.languages.createDiagnosticCollection('fazhi-report-across');
  acrossCollection.clear();
  for (const f of result?.files ?? []) {
    const report = reports.find((r) => r.uri === f.uri);
    if (report) report.diagnostics = [...report.diagnostics, ...f.diagnostics];
    acrossCollection.set(
      vscode.Uri.parse(f.uri),
      f.diagnostics.map((d) => {
        const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
        const sev = [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Hint][(d.severity ?? 2) - 1];
        const v = new vscode.Diagnostic(range, typeof d.message === 'string' ? d.message : d.message.value, sev);
        // the check's code, linked to its page as the server's other diagnostics are
        if (d.code !== undefined) v.code = d.codeDescription?.href ? { value: String(d.code), target: vscode.Uri.parse(d.codeDescription.href) } : String(d.code);
        v.source = 'fazhi-report';
        v.relatedInformation = (d.relatedInformation ?? []).map(
          (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(r.location.uri), new vscode.Range(r.location.range.start.line, r.location.range.start.character, r.location.range.end.line, r.location.range.end.character)), r.message),
        );
        return v;
      }),
    );
  }
}

/** The reviewer's summary page of the workspace check (the page of `check --format html`), each finding a link to its place. */
function showSummary(reports: SummaryReport[], countsLine: string): void {
  const locale = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
  // only the places the page shows may be opened from it
  const allowed = new Set<string>();
  for (const r of reports) {
    allowed.add(r.uri);
    for (const d of r.diagnostics) for (const ri of d.relatedInformation ?? []) allowed.add(ri.location.uri);
  }
  if (!summaryPanel) {
    summaryPanel = vscode.window.createWebviewPanel('fazhiReport.summary', t('Review summary'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: true,
    });
    summaryPanel.onDidDispose(() => (summaryPanel = undefined));
    summaryPanel.webview.onDidReceiveMessage(async (m: { type?: unknown; uri?: unknown; line?: unknown; character?: unknown; endLine?: unknown; endCharacter?: unknown }) => {
      if (m?.type !== 'open' || typeof m.uri !== 'string' || !summaryAllowed.has(m.uri)) return;
      const n = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : 0);
      const range = new vscode.Range(n(m.line), n(m.character), n(m.endLine), n(m.endCharacter));
      try {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(m.uri));
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection: range, preserveFocus: false });
      } catch {
        void vscode.window.showWarningMessage(t('Cannot open {0}', m.uri));
      }
    });
  }
  summaryAllowed = allowed;
  summaryPanel.title = t('Review summary');
  summaryPanel.webview.html = renderSummaryPage(reports, { locale, nonce: nonce(), countsLine });
  summaryPanel.reveal();
}
let summaryAllowed = new Set<string>();

async function figuresOf(document: vscode.TextDocument): Promise<FiguresResult | undefined> {
  if (!client) return undefined;
  const r = await client.sendRequest<FiguresResult | null>(FIGURES_REQUEST, { textDocument: { uri: document.uri.toString() } } satisfies FiguresParams);
  if (!r || !r.isReport) {
    void vscode.window.showWarningMessage(t('This file is not checked as a rule-of-law report.'));
    return undefined;
  }
  return r;
}

async function exportCsv(document: vscode.TextDocument, rows: FigureRow[], locale: FiguresResult['locale']): Promise<void> {
  const base = document.uri.scheme === 'file' ? document.uri.fsPath.replace(/\.(fzbg\.txt|txt|md|markdown)$/i, '') : 'report';
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(`${base}.${t('figures')}.csv`),
    filters: { CSV: ['csv'] },
    saveLabel: t('Export CSV'),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(figuresCsv(rows, locale), 'utf8'));
  void vscode.window.showInformationMessage(t('Figure table exported to {0}', target.fsPath));
}

async function exportFiguresCsv(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return;
  const r = await figuresOf(document);
  if (r) await exportCsv(document, r.rows, r.locale);
}

function nonce(): string {
  let s = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

async function showFigures(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return;
  const r = await figuresOf(document);
  if (!r) return;
  const key = document.uri.toString();
  const title = t('Figure table: {0}', document.uri.path.split('/').pop() ?? '');
  let panel = figurePanels.get(key);
  if (!panel) {
    panel = vscode.window.createWebviewPanel('fazhiReport.figures', title, vscode.ViewColumn.Beside, { enableScripts: true });
    figurePanels.set(key, panel);
    panel.onDidDispose(() => figurePanels.delete(key));
  }
  let rows = r.rows;
  panel.title = title;
  panel.webview.html = figuresHtml(rows, title, t, nonce(), panel.webview.cspSource);
  panel.webview.onDidReceiveMessage(async (m: { type: string; line?: number; character?: number }) => {
    if (m.type === 'csv') await exportCsv(document, rows, r.locale);
    else if (m.type === 'reveal' && typeof m.line === 'number') {
      const pos = new vscode.Position(m.line, m.character ?? 0);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos) });
    }
  });
  panel.reveal(undefined, true);
  // keep the table current while the report is edited
  const sub = vscode.workspace.onDidChangeTextDocument(async (e) => {
    if (e.document !== document || !figurePanels.has(key)) return;
    const fresh = await client?.sendRequest<FiguresResult | null>(FIGURES_REQUEST, { textDocument: { uri: key } } satisfies FiguresParams);
    if (fresh?.isReport && figurePanels.get(key) === panel) {
      rows = fresh.rows;
      panel.webview.html = figuresHtml(rows, title, t, nonce(), panel.webview.cspSource);
    }
  });
  panel.onDidDispose(() => sub.dispose());
}

// ---- Word, WPS and PDF reports: a read-only view of their text ----

/** The view's text comes from the server, which holds the readers; a file that cannot be read is one clear line. */
class ReportViewProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (!client) throw new Error(t('The rule-of-law report server is not running.'));
    const r = await client.sendRequest<ReadDocumentResult>(READ_DOCUMENT_REQUEST, { uri: uri.toString() });
    if (!r.ok) {
      void vscode.window.showErrorMessage(r.message);
      throw new Error(r.message);
    }
    for (const w of r.warnings) void vscode.window.showWarningMessage(w);
    return r.text;
  }

  /** The document changed on disk: its open view is read again (and so re-checked). */
  refresh(file: vscode.Uri): void {
    const view = file.with({ scheme: REPORT_VIEW_SCHEME });
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === view.toString())) this.changed.fire(view);
  }
}

async function openAsReport(target?: vscode.Uri): Promise<void> {
  let file = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!file || file.scheme !== 'file' || !DOCUMENT_EXTENSIONS.includes(file.path.split('.').pop()?.toLowerCase() ?? '')) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { [t('Word, WPS or PDF report')]: DOCUMENT_EXTENSIONS },
      openLabel: t('Open as Report'),
    });
    if (!picked?.length) return;
    file = picked[0];
  }
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(file.with({ scheme: REPORT_VIEW_SCHEME }));
  } catch {
    return; // the provider has shown why
  }
  if (document.languageId !== 'fazhi-report') document = await vscode.languages.setTextDocumentLanguage(document, 'fazhi-report');
  await vscode.window.showTextDocument(document, { preview: false });
}

async function insertSkeleton(): Promise<void> {
  const value = await vscode.window.showInputBox({
    title: t('Insert a blank report skeleton'),
    prompt: t('Which year is the report about?'),
    value: String(defaultReportYear()),
    validateInput: (v) => validateYear(v, t),
  });
  if (value === undefined) return;
  const year = Number(value.trim());
  const editor = vscode.window.activeTextEditor;
  if (editor && !editor.document.isClosed) {
    const markdown = editor.document.languageId === 'markdown';
    await editor.edit((b) => b.insert(editor.selection.active, skeleton(year, markdown)));
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'fazhi-report', content: skeleton(year) });
  await vscode.window.showTextDocument(document);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  statusItem = vscode.window.createStatusBarItem('fazhiReport.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = displayName();
  statusItem.command = 'workbench.actions.view.problems';
  const views = new ReportViewProvider();
  const documentWatcher = vscode.workspace.createFileSystemWatcher(`**/*.{${DOCUMENT_EXTENSIONS.join(',')}}`);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(REPORT_VIEW_SCHEME, views),
    documentWatcher,
    documentWatcher.onDidChange((u) => views.refresh(u)),
    statusItem,
    vscode.commands.registerCommand('fazhiReport.restartServer', async () => {
      if (client) await client.restart();
      else await startClient(context);
    }),
    vscode.commands.registerCommand('fazhiReport.checkWorkspace', checkWorkspace),
    vscode.commands.registerCommand('fazhiReport.showFigures', showFigures),
    vscode.commands.registerCommand('fazhiReport.exportFiguresCsv', exportFiguresCsv),
    vscode.commands.registerCommand('fazhiReport.insertSkeleton', insertSkeleton),
    vscode.commands.registerCommand('fazhiReport.openAsReport', openAsReport),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) updateStatus();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => serverStatus.delete(d.uri.toString())),
    // the message language is fixed when the server starts: a new client (and server) speaks the new one
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('fazhiReport.messageLanguage')) return;
      if (client) await client.stop();
      await startClient(context);
    }),
  );
  await startClient(context);
  updateStatus();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
