// Word, WPS and PDF reports in the editor: the client shows a read-only view of the text the readers extract
// (a TextDocumentContentProvider with its own scheme), and the server checks it like any report. The view of
// file:///a/报告.docx is fazhi-report-doc:/a/报告.docx (same path, own scheme), so both sides can map one to the
// other without a table; the text comes from the server (READ_DOCUMENT_REQUEST), which has the readers.
import type { CodeAction } from 'vscode-languageserver';
import { isDocumentFile, readDocumentFile } from '../host/readers';
import { uriToPath } from '../host/config';

import { REPORT_VIEW_SCHEME, type ReadDocumentResult } from '../shared/protocol';

export { READ_DOCUMENT_REQUEST, REPORT_VIEW_SCHEME } from '../shared/protocol';
export type { ReadDocumentParams, ReadDocumentResult } from '../shared/protocol';

export function isReportView(uri: string): boolean {
  return uri.startsWith(REPORT_VIEW_SCHEME + ':');
}

/** file:///a/b.docx → fazhi-report-doc:/a/b.docx (as vscode.Uri prints a scheme with an empty authority). */
export function viewUriOf(fileUri: string): string {
  const rest = fileUri.replace(/^file:/, '');
  return REPORT_VIEW_SCHEME + ':' + (rest.startsWith('///') ? rest.slice(2) : rest);
}

/** fazhi-report-doc:/a/b.docx → file:///a/b.docx; any other uri is returned as it is. */
export function fileUriOf(uri: string): string {
  if (!isReportView(uri)) return uri;
  const rest = uri.slice(REPORT_VIEW_SCHEME.length + 1);
  return 'file://' + (rest.startsWith('//') ? rest.slice(2) : rest);
}

/** Whether the workspace check reads this file through a document reader (and shows it as a view). */
export function isDocumentPath(file: string): boolean {
  return isDocumentFile(file);
}

/** The text of a document for its view, or one clear line (Chinese / English) when it cannot be read. */
export async function readDocumentText(uri: string): Promise<ReadDocumentResult> {
  const file = uriToPath(fileUriOf(uri));
  if (!file) return { ok: false, message: `不是本机文件：${uri} / not a local file: ${uri}` };
  const r = await readDocumentFile(file);
  if (!r.ok) return { ok: false, message: `无法读取 ${file}：${r.reason.zh} / cannot read ${file}: ${r.reason.en}` };
  return { ok: true, text: r.doc.text, warnings: r.doc.warnings };
}

/** A read-only view takes no edits: the quick fixes that would change its text are left out. */
export function withoutEditsTo(uri: string, actions: CodeAction[]): CodeAction[] {
  return actions.filter((a) => {
    const edit = a.edit;
    if (!edit) return true;
    if (edit.changes && Object.keys(edit.changes).includes(uri)) return false;
    return !(edit.documentChanges ?? []).some((c) => 'textDocument' in c && c.textDocument.uri === uri);
  });
}
