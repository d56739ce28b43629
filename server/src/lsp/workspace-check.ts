// The workspace check (fazhiReport/checkFiles) and the checks across reports (fazhiReport/checkAcross): files not open
// in the editor are read from disk and checked when they read as reports, as the command line does (host/check-file.ts),
// and their diagnostics published.
import type { CancellationToken, Connection, Diagnostic } from 'vscode-languageserver/node';
import { analyze } from '../engine';
import type { ReportSummary } from '../engine';
import { acrossSeverity, checkAcross, type AcrossInput } from '../engine/across';
import { segmenterIfLoaded } from '../segmenter';
import { uriToPath } from '../host/config';
import { readInput, shouldCheckFile } from '../host/check-file';
import { countBySeverity, toDiagnostics } from '../present/convert';
import type { CheckAcrossResult, CheckedFile, CheckFilesResult } from '../shared/protocol';
import type { Checker } from './checker';
import type { DocumentStore } from './documents';
import { isDocumentPath, viewUriOf } from './report-view';

export const emptyCheckFilesResult = (): CheckFilesResult => ({ checked: 0, reports: 0, cancelled: false, counts: { error: 0, warning: 0, information: 0, hint: 0 }, files: [] });

export class WorkspaceCheck {
  /** Files not open in the editor whose diagnostics came from the workspace check. */
  private readonly checkedOnDisk = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly checker: Checker,
    private readonly stopping: () => boolean,
  ) {}

  /** An opened document's own diagnostics replace the workspace check's: true when it had some. */
  opened(uri: string): boolean {
    return this.checkedOnDisk.delete(uri);
  }

  /** The request's parameters as sent (anything else is ignored). */
  async checkFilesRequest(params: { uris?: unknown; summary?: unknown } | undefined, token: CancellationToken): Promise<CheckFilesResult> {
    const uris = Array.isArray(params?.uris) ? params.uris.filter((u): u is string => typeof u === 'string') : [];
    return this.checkFiles(uris, token, params?.summary === true);
  }

  /** The workspace check: files not open in the editor, read from disk, checked and published. */
  async checkFiles(uris: string[], token: CancellationToken, withSummary = false): Promise<CheckFilesResult> {
    const { checker } = this;
    const locale = checker.locale;
    const counts = emptyCheckFilesResult().counts;
    const files: CheckedFile[] = [];
    // the reviewer's summary page: each report's diagnostics, text and summary (title, body, year, parts)
    const summaryOf = async (uri: string, text: string, diagnostics: Diagnostic[]) => {
      if (!withSummary) return {};
      const { dc } = await checker.configFor(uri);
      let summary: ReportSummary | undefined;
      let kind: string | undefined;
      try {
        const a = analyze(text, { locale, profile: dc?.profile, summary: true }, []);
        summary = a.summary;
        kind = a.kind?.label[locale];
      } catch (e) {
        checker.logError(`summary ${uri}`, e);
      }
      return { diagnostics, text, summary, kind };
    };
    let checked = 0;
    let cancelled = false;
    for (const uri of uris) {
      if (token.isCancellationRequested || this.stopping()) {
        cancelled = true;
        break;
      }
      checked++;
      const open = this.documents.get(uri);
      if (open) {
        // open: its diagnostics are the editor's already; count them
        const { diagnostics, isReport } = await checker.currentDiagnostics(open);
        if (isReport) files.push({ uri, findings: diagnostics.length, ...(await summaryOf(uri, open.doc.getText(), diagnostics)) });
        countBySeverity(diagnostics, counts);
        continue;
      }
      const file = uriToPath(uri);
      if (!file) continue;
      // a Word/PDF file: read into text, its findings published on its read-only view (a click opens the view)
      const isDocument = isDocumentPath(file);
      const target = isDocument ? viewUriOf(uri) : uri;
      const view = isDocument ? this.documents.get(target) : undefined;
      if (view) {
        const { diagnostics, isReport } = await checker.currentDiagnostics(view);
        if (isReport) files.push({ uri: target, findings: diagnostics.length });
        countBySeverity(diagnostics, counts);
        continue;
      }
      const read = await readInput(file);
      if (!read.ok) {
        const error = isDocument ? `无法读取 ${file}：${read.reason.zh} / cannot read ${file}: ${read.reason.en}` : `${read.reason.zh} / ${read.reason.en}`;
        files.push({ uri, findings: 0, error });
        continue;
      }
      const text = read.text;
      const { s, dc } = await checker.configFor(uri);
      // a document in the workspace is checked when its opening looks like a report (a Word file of minutes is not);
      // a Word or PDF file is judged by its text alone, by the same decision
      if (!shouldCheckFile(file, text, { detect: s.detectReportsInPlainText })) {
        if (this.checkedOnDisk.delete(target)) void this.connection.sendDiagnostics({ uri: target, diagnostics: [] });
        continue;
      }
      let diagnostics: Diagnostic[] = [];
      try {
        diagnostics = toDiagnostics(checker.analyzeText(text, s, dc).findings, target, checker.diagnosticOptions());
      } catch (e) {
        checker.logError(`check ${uri}`, e);
      }
      files.push({ uri: target, findings: diagnostics.length, ...(await summaryOf(target, text, diagnostics)) });
      countBySeverity(diagnostics, counts);
      this.checkedOnDisk.add(target);
      await this.connection.sendDiagnostics({ uri: target, diagnostics });
      // let other requests (typing in an open report) through between files
      await new Promise((r) => setImmediate(r));
    }
    return { checked, reports: files.filter((f) => !f.error).length, cancelled, counts, files };
  }

  /**
   * Checks across reports (engine/across) for the workspace check: the reports' texts come from the client (it has
   * them from checkFiles), each is analysed with its settings, and the findings come back by URI, their related
   * places in other files included. The client shows them in a collection of its own and in the summary page.
   */
  async checkAcross(params: { files?: unknown } | undefined): Promise<CheckAcrossResult> {
    const { checker } = this;
    const files = Array.isArray(params?.files)
      ? params.files.filter((f): f is { uri: string; text: string } => !!f && typeof (f as { uri?: unknown }).uri === 'string' && typeof (f as { text?: unknown }).text === 'string')
      : [];
    const inputs: AcrossInput[] = [];
    let severity: ReturnType<typeof acrossSeverity> | undefined;
    for (const f of files) {
      const { s, dc } = await checker.configFor(f.uri);
      // the first report's settings decide, as on the command line
      severity ??= acrossSeverity(s.rules);
      inputs.push({ file: f.uri, analysis: checker.analyzeText(f.text, s, dc, true) });
    }
    const found = checkAcross(inputs, { locale: checker.locale, segmenter: segmenterIfLoaded() ?? undefined, severity, profile: undefined });
    return { files: [...found].map(([uri, findings]) => ({ uri, diagnostics: toDiagnostics(findings, uri, { ...checker.diagnosticOptions(), uriOf: (u) => u }) })) };
  }
}
