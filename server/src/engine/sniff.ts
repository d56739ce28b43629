// Does a plain-text or Markdown document look like a report worth checking? Any kind but "not a report" (kind.ts:
// an annual report or its opening, a news item, a statistics report, a yearbook entry, a court text, a policy
// reading). Reads the opening only, so it is cheap on any size of input. The policy built on it — which files the
// editor, the workspace check and the command line check — is shouldCheck in kind.ts.
import { detectKind } from './kind';

export function looksLikeReport(text: string): boolean {
  return detectKind(text).id !== 'not-report';
}
