// The custom protocol between the VS Code client (client/src/) and the language server (server/src/lsp/): method
// names and the shapes they carry. Both sides import these names instead of writing the strings. Types and string
// constants only (type imports are erased): the client bundle takes nothing else from the server through this file.
import type { Diagnostic } from 'vscode-languageserver';
import type { Locale, ReportSummary } from '../engine';
import type { FigureRow } from '../present/figure-table';

/** Findings by severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

/**
 * Server → client notification, sent only when the client asks for it (initializationOptions.statusNotifications):
 * a document is being checked, or was, with its counts (the status bar item).
 */
export const STATUS_NOTIFICATION = 'fazhiReport/status';
export interface StatusParams {
  uri: string;
  checking: boolean;
  isReport: boolean;
  counts: SeverityCounts;
}

/** The workspace check: files not open in the editor are read from disk, checked, and their diagnostics published. */
export const CHECK_FILES_REQUEST = 'fazhiReport/checkFiles';
export interface CheckFilesParams {
  uris: string[];
  /** Also return each report's diagnostics, text and summary (the reviewer's summary page). */
  summary?: boolean;
}
export interface CheckedFile {
  uri: string;
  findings: number;
  /** Why the file could not be read (Chinese / English). */
  error?: string;
  /** With `summary`: */
  diagnostics?: Diagnostic[];
  text?: string;
  summary?: ReportSummary;
  kind?: string;
}
export interface CheckFilesResult {
  checked: number;
  reports: number;
  cancelled: boolean;
  counts: SeverityCounts;
  files: CheckedFile[];
}

/** The checks across reports (same body, consecutive years) over texts the client already has from checkFiles. */
export const CHECK_ACROSS_REQUEST = 'fazhiReport/checkAcross';
export interface CheckAcrossParams {
  files: { uri: string; text: string }[];
}
export interface CheckAcrossResult {
  files: { uri: string; diagnostics: Diagnostic[] }[];
}

/** The figure table (数据核查表) of an open document. */
export const FIGURES_REQUEST = 'fazhiReport/figures';
export interface FiguresParams {
  textDocument: { uri: string };
}
export interface FiguresResult {
  uri: string;
  isReport: boolean;
  locale: Locale;
  rows: FigureRow[];
}

/** Word, WPS and PDF reports: the read-only view's scheme, and the request for its text (the server has the readers). */
export const REPORT_VIEW_SCHEME = 'fazhi-report-doc';
export const READ_DOCUMENT_REQUEST = 'fazhiReport/readDocument';
export interface ReadDocumentParams {
  /** The view's uri (fazhi-report-doc:…) or the file's (file:…). */
  uri: string;
}
export type ReadDocumentResult = { ok: true; text: string; warnings: string[] } | { ok: false; message: string };
