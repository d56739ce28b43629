// The names the client and the server share for Word/WPS/PDF report views (no imports: the client bundle takes
// only these, not the readers).
export const REPORT_VIEW_SCHEME = 'fazhi-report-doc';
export const READ_DOCUMENT_REQUEST = 'fazhiReport/readDocument';

export interface ReadDocumentParams {
  /** The view's uri (fazhi-report-doc:…) or the file's (file:…). */
  uri: string;
}
export type ReadDocumentResult = { ok: true; text: string; warnings: string[] } | { ok: false; message: string };
