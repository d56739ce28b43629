// Checking an open document in the server: the settings and workspace file that apply to it (their errors shown on
// the workspace file), whether it is a report, and its analysis, computed once per version, generation and settings.
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { analyze, formatMessage, shouldCheck } from '../engine';
import type { Analysis } from '../engine';
import { segmenterIfLoaded } from '../segmenter';
import { ConfigResolver, pathToUri, uriToPath, type DocumentConfig } from '../host/config';
import { configErrorDiagnostics, toDiagnostics, type DiagnosticOptions } from '../present/convert';
import type { ClientFeatures } from './capabilities';
import type { DocumentStore, OpenDocument } from './documents';
import type { Scheduler } from './scheduler';
import { effectiveSettings, type Settings, type SettingsCache } from './settings';
import { fileUriOf } from './report-view';

export type { DocumentConfig };

export class Checker {
  /** The workspace files and profiles, found by the one stop rule (host/config.ts) with the workspace folders as roots. */
  readonly configs = new ConfigResolver();
  /** Workspace files (and profiles) that currently carry diagnostics about their own errors, and what they say. */
  private readonly configErrorUris = new Map<string, string>();
  private readonly loggedRuleErrors = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentStore,
    private readonly settings: SettingsCache,
    private readonly scheduler: Scheduler,
    private readonly features: () => ClientFeatures,
    readonly logError: (where: string, e: unknown) => void,
  ) {}

  get locale() {
    return this.features().locale;
  }

  diagnosticOptions(): DiagnosticOptions {
    const f = this.features();
    return { relatedInformation: f.relatedInformation, rulesDocsBase: f.rulesDocsBase };
  }

  /** The settings, the workspace file and the profile for a document; the workspace file's errors are shown on it. */
  async configFor(uri: string): Promise<{ s: Settings; dc: DocumentConfig }> {
    const raw = await this.settings.get(uri);
    let dc: DocumentConfig;
    try {
      // a Word/PDF report's view takes the workspace file of the document it shows
      dc = this.configs.forDocument(uriToPath(fileUriOf(uri)), raw.profile);
    } catch (e) {
      this.logError(`workspace file for ${uri}`, e);
      dc = { file: null, config: {}, errors: [], target: null };
    }
    this.showConfigErrors(dc);
    return { s: effectiveSettings(raw, dc.config), dc };
  }

  private showConfigErrors(dc: DocumentConfig): void {
    const byFile = new Map<string, string[]>();
    for (const e of dc.errors) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e.message]);
    if (dc.file && !byFile.has(dc.file)) byFile.set(dc.file, []);
    for (const [file, messages] of byFile) {
      const uri = pathToUri(file);
      const shown = messages.join('\n');
      if ((this.configErrorUris.get(uri) ?? '') === shown) continue;
      for (const m of messages) this.connection.console.error(`fazhi-report: ${file}: ${m}`);
      if (messages.length) this.configErrorUris.set(uri, shown);
      else this.configErrorUris.delete(uri);
      if (!this.scheduler.shuttingDown) {
        void this.connection.sendDiagnostics({ uri, diagnostics: configErrorDiagnostics(messages) }).catch((e: unknown) => this.logError('publish', e));
      }
    }
  }

  /** The same decision as the command line's (engine/kind.ts shouldCheck): report language, or a text of a known kind. */
  qualifies(doc: { getText(): string; languageId: string }, s: Settings): boolean {
    return shouldCheck({ text: doc.getText(), languageId: doc.languageId, detect: s.detectReportsInPlainText }).check;
  }

  /** The analysis of the document's current version, computed once per version (and settings/segmenter state). */
  analysisOf(entry: OpenDocument, s: Settings, dc?: DocumentConfig): Analysis {
    const version = entry.doc.version;
    const generation = this.scheduler.generation;
    if (entry.cached && entry.cached.version === version && entry.cached.generation === generation) {
      return entry.cached.analysis;
    }
    const started = performance.now();
    const analysis = this.analyzeText(entry.doc.getText(), s, dc);
    entry.lastCheckMs = performance.now() - started;
    entry.cached = { version, generation, analysis };
    return analysis;
  }

  /** `across`: also set aside what the checks across reports need (Analysis.across), as a folder check's threads do. */
  analyzeText(text: string, s: Settings, dc?: DocumentConfig, across = false): Analysis {
    const analysis = analyze(text, {
      locale: this.locale,
      rules: s.rules,
      segmenter: segmenterIfLoaded() ?? undefined,
      profile: dc?.profile,
      accepted: dc?.config.accepted,
      across,
    });
    for (const { code, error } of analysis.ruleErrors) {
      if (this.loggedRuleErrors.has(code)) continue;
      this.loggedRuleErrors.add(code);
      this.connection.console.error(formatMessage(this.locale, 'rule.error', { code, error }));
    }
    return analysis;
  }

  /** The diagnostics of an open document's current version (empty when it is not a report). */
  async currentDiagnostics(entry: OpenDocument): Promise<{ diagnostics: Diagnostic[]; isReport: boolean }> {
    const { s, dc } = await this.configFor(entry.doc.uri);
    if (!this.qualifies(entry.doc, s)) {
      entry.cached = undefined;
      return { diagnostics: [], isReport: false };
    }
    return { diagnostics: toDiagnostics(this.analysisOf(entry, s, dc).findings, entry.doc.uri, this.diagnosticOptions()), isReport: true };
  }

  /** The analysis of an open report (outline, folding, hover, figure table), or null for a document we leave alone. */
  async reportOf(uri: string): Promise<{ entry: OpenDocument; analysis: Analysis; s: Settings; dc: DocumentConfig } | null> {
    if (!this.documents.get(uri)) return null;
    const { s, dc } = await this.configFor(uri);
    const entry = this.documents.get(uri);
    if (!entry || !this.qualifies(entry.doc, s)) return null;
    return { entry, analysis: this.analysisOf(entry, s, dc), s, dc };
  }
}
