// An open document's diagnostics to the client: pushed after a check (publishDiagnostics) or answered when the client
// pulls (textDocument/diagnostic), only ever for the newest version, with the status notifications the VS Code client
// asks for (checking…, then the counts).
import type { Connection, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { countBySeverity, toDiagnostics } from '../present/convert';
import { STATUS_NOTIFICATION, type StatusParams } from '../shared/protocol';
import type { ClientFeatures } from './capabilities';
import type { Checker } from './checker';
import type { DocumentStore } from './documents';
import type { Scheduler } from './scheduler';

export class Publisher {
  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly checker: Checker,
    private readonly scheduler: Scheduler,
    private readonly features: () => ClientFeatures,
  ) {}

  private sendStatus(uri: string, checking: boolean, isReport: boolean, diagnostics: Diagnostic[] = []): void {
    if (!this.features().statusNotifications || this.scheduler.shuttingDown) return;
    const params: StatusParams = { uri, checking, isReport, counts: countBySeverity(diagnostics) };
    void this.connection.sendNotification(STATUS_NOTIFICATION, params).catch((e: unknown) => this.checker.logError('status', e));
  }

  publish(uri: string, version: number, diagnostics: Diagnostic[]): void {
    if (this.scheduler.shuttingDown) return;
    void this.connection.sendDiagnostics({ uri, version, diagnostics }).catch((e: unknown) => this.checker.logError('publish', e));
  }

  /** Push mode: check the document's current version and publish; pull mode: only load the segmenter. */
  async validate(uri: string): Promise<void> {
    const { documents, checker, scheduler } = this;
    const entry = documents.get(uri);
    if (!entry) return;
    if (this.features().pullDiagnostics) {
      // The client pulls; refreshing asks it to pull again (settings, the workspace file or the segmenter changed).
      scheduler.scheduleSegmenter();
      return;
    }
    const version = entry.doc.version;
    const { s, dc } = await checker.configFor(uri);
    // Only the newest version is ever published: if the text moved on while we waited, its own run will follow.
    if (documents.get(uri) !== entry || entry.doc.version !== version) return;
    if (!checker.qualifies(entry.doc, s)) {
      entry.cached = undefined;
      if (entry.hasDiagnostics) this.publish(uri, version, []);
      entry.hasDiagnostics = false;
      this.sendStatus(uri, false, false);
      return;
    }
    // checkOn "save": an unsaved edit keeps the last result, whatever asked for the re-check (a setting, the
    // workspace file, the segmenter becoming ready)
    if (s.checkOn === 'save' && entry.savedVersion !== undefined && entry.doc.version > entry.savedVersion) return;
    this.sendStatus(uri, true, true);
    let diagnostics: Diagnostic[] = [];
    try {
      diagnostics = toDiagnostics(checker.analysisOf(entry, s, dc).findings, uri, checker.diagnosticOptions());
    } catch (e) {
      // Positions from a failed run would be wrong for this version: show nothing rather than stale results.
      checker.logError(`check ${uri}`, e);
    }
    this.publish(uri, version, diagnostics);
    entry.hasDiagnostics = diagnostics.length > 0;
    this.sendStatus(uri, false, true, diagnostics);
    scheduler.scheduleSegmenter();
  }

  /** Pull mode (textDocument/diagnostic). */
  async pull(uri: string): Promise<DocumentDiagnosticReport> {
    const { checker } = this;
    const entry = this.documents.get(uri);
    if (!entry) return { kind: 'full', items: [] };
    const { s } = await checker.configFor(uri);
    // checkOn "save": an unsaved edit keeps the last result
    if (s.checkOn === 'save' && entry.lastPulled && entry.savedVersion !== undefined && entry.doc.version > entry.savedVersion) {
      return { kind: 'full', items: entry.lastPulled };
    }
    // "checking" only for a report: a plain-text file that is not one must not flash the status bar item
    if (checker.qualifies(entry.doc, s)) this.sendStatus(uri, true, true);
    const { diagnostics, isReport } = await checker.currentDiagnostics(entry);
    entry.lastPulled = diagnostics;
    this.sendStatus(uri, false, isReport, diagnostics);
    this.scheduler.scheduleSegmenter();
    return { kind: 'full', items: diagnostics };
  }
}
