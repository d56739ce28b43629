// Engine results → LSP shapes. Shared by the language server and the command line (its JSON output must be the
// diagnostics exactly as the server publishes them), so it imports LSP *types* only: nothing here pulls the
// connection code into the command-line bundle.
import type {
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  DocumentSymbol,
  FoldingRange,
  SymbolKind,
} from 'vscode-languageserver';
import { ruleDocUrl, rulesDocsBase } from '../host/docs-url';
import { SEVERITY_NUMBER } from '../engine/types';
import type { Finding, HeadingKind, OutlineNode, Range } from '../engine/types';
import type { SeverityCounts } from '../shared/protocol';

export { ruleDocUrl, rulesDocsBase } from '../host/docs-url';

export const DIAGNOSTIC_SOURCE = 'fazhi-report';

export interface DiagnosticOptions {
  /** Include relatedInformation (the server passes whether the client supports it; the command line always does). */
  relatedInformation: boolean;
  /** The URI of a related location in another file (checks across reports name it by the caller's file name). */
  uriOf?: (file: string) => string;
  /**
   * Where the rule pages live (a URL ending in "/"; each diagnostic links `<base><code>.md`). Default: rulesDocsBase(),
   * the installation's own docs/rules/ folder as a file: URL; null leaves codeDescription out.
   */
  rulesDocsBase?: string | null;
}

export function toDiagnostic(finding: Finding, uri: string, options: DiagnosticOptions): Diagnostic {
  const diagnostic: Diagnostic = {
    range: copyRange(finding.range),
    severity: SEVERITY_NUMBER[finding.severity] as DiagnosticSeverity,
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  const href = ruleDocUrl(finding.code, options.rulesDocsBase === undefined ? rulesDocsBase() : options.rulesDocsBase);
  if (href) diagnostic.codeDescription = { href };
  if (options.relatedInformation && finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (r): DiagnosticRelatedInformation => ({
        location: { uri: r.file ? options.uriOf?.(r.file) ?? r.file : uri, range: copyRange(r.range) },
        message: r.message,
      }),
    );
  }
  // Machine-readable details travel with the diagnostic so quick fixes can use them later.
  if (finding.data !== undefined) diagnostic.data = finding.data;
  return diagnostic;
}

export function toDiagnostics(findings: Finding[], uri: string, options: DiagnosticOptions): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, uri, options));
}

/** Diagnostics by severity (LSP numbering; one without a severity, or with an unknown one, counts as an error). */
export function countBySeverity(diagnostics: Iterable<Diagnostic>, into: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 }): SeverityCounts {
  for (const d of diagnostics) into[SEVERITY_NAMES[(d.severity ?? 1) - 1] ?? 'error']++;
  return into;
}
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;

/**
 * The problems of a workspace file (or of the profile it names), shown on that file: one error each at its start,
 * code `workspace-file`.
 */
export function configErrorDiagnostics(messages: string[]): Diagnostic[] {
  return messages.map((message) => ({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    severity: 1,
    source: DIAGNOSTIC_SOURCE,
    code: 'workspace-file',
    message,
  }));
}

// Symbol kinds by heading kind. LSP has no "heading" kind, so each level gets a distinct, stable icon:
// the document title is the file, top-level sections (一、, news titles, implicit sections) are modules, and each
// deeper official level gets the next container kind. Markdown headings use String, as VS Code's own Markdown
// outline does; run-in enumerations (一是…二是…) are enum members; 【label】 run-ins are fields.
const SYMBOL_KIND: Record<HeadingKind, SymbolKind> = {
  title: 1, // File
  cn: 2, // Module
  news: 2, // Module
  implicit: 2, // Module
  'paren-cn': 3, // Namespace
  arabic: 4, // Package
  'paren-arabic': 5, // Class
  markdown: 15, // String
  bracket: 8, // Field
  runin: 22, // EnumMember
};

export function symbolKindOf(kind: HeadingKind): SymbolKind {
  return SYMBOL_KIND[kind] ?? 2;
}

/**
 * The outline as hierarchical document symbols. VS Code rejects a symbol with an empty name or a selectionRange
 * outside its range (and drops the whole answer), so both are guarded here rather than trusted.
 */
export function toDocumentSymbols(nodes: OutlineNode[]): DocumentSymbol[] {
  return nodes.map((node) => {
    const range = copyRange(node.range);
    const symbol: DocumentSymbol = {
      name: node.name.trim() || node.marker?.trim() || '…',
      kind: symbolKindOf(node.kind),
      range,
      selectionRange: clampRange(copyRange(node.selectionRange), range),
      children: toDocumentSymbols(node.children),
    };
    if (node.marker) symbol.detail = node.marker;
    return symbol;
  });
}

/** One folding range per section that spans more than one line, in document order. */
export function toFoldingRanges(nodes: OutlineNode[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  // Iterative pre-order walk: a pathological outline must not overflow the stack.
  const stack: OutlineNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as OutlineNode;
    if (node.range.end.line > node.range.start.line) {
      out.push({ startLine: node.range.start.line, endLine: node.range.end.line, kind: 'region' });
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function clampRange(inner: Range, outer: Range): Range {
  const start = before(inner.start, outer.start) || before(outer.end, inner.start) ? outer.start : inner.start;
  let end = before(outer.end, inner.end) ? outer.end : inner.end;
  if (before(end, start)) end = start;
  return { start: { ...start }, end: { ...end } };
}
