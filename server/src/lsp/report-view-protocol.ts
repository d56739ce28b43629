// The report view's names, kept at this path for existing importers; they live in the shared protocol module.
export { READ_DOCUMENT_REQUEST, REPORT_VIEW_SCHEME } from '../shared/protocol';
export type { ReadDocumentParams, ReadDocumentResult } from '../shared/protocol';
