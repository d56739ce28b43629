// Quick fixes. For every finding under the cursor: the engine's own fixes (Finding.data.fixes: replace a rate,
// insert a missing heading, renumber), a comment that suppresses it on its line, and "ignore in this workspace",
// which records the check and its sentence as an accepted finding in .fazhi-report.json (data only).
import { formatMessage } from '../engine/messages';
import fs from 'node:fs';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { disableNextLineComment, sentenceAt } from '../engine';
import type { Finding, Locale, Range } from '../engine';
import { addAccepted } from '../host/workspace-file';
import { pathToUri } from '../host/config';

export const IGNORE_IN_WORKSPACE_COMMAND = 'fazhiReport.ignoreInWorkspace';

export interface EngineFix {
  title: string;
  edits: { range: Range; newText: string }[];
  preferred?: boolean;
  safe?: boolean;
}

export interface ActionContext {
  doc: TextDocument;
  locale: Locale;
  /** The diagnostic published for each finding (same order as findings). */
  diagnostics: Diagnostic[];
  findings: Finding[];
  /** The workspace file the "ignore in this workspace" fix writes to, or null (no file: an untitled buffer). */
  workspaceFile: string | null;
  /** The client applies documentChanges with a create operation; otherwise the fix is a command the server runs. */
  resourceOperations: boolean;
}


export function fixesOf(f: Finding): EngineFix[] {
  const fixes = f.data?.fixes;
  return Array.isArray(fixes) ? (fixes as EngineFix[]).filter((x) => x && Array.isArray(x.edits) && x.edits.length > 0) : [];
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Markdown gets an HTML comment, every other file the line comment the checker also recognises. */
export function isMarkdown(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);
}

function eol(doc: TextDocument): string {
  const text = doc.getText();
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** The edit that puts a disable-next-line comment above the finding's line, indented like it. */
export function suppressEdit(doc: TextDocument, f: Finding): TextEdit {
  const line = f.range.start.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t\u3000]*/.exec(lineText)?.[0] ?? '';
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: indent + disableNextLineComment(f.code, isMarkdown(doc)) + eol(doc) };
}

/** The sentence a finding is in, as the engine compares accepted findings. */
export function acceptedEntry(doc: TextDocument, f: Finding): { rule: string; text: string } {
  const line = f.range.start.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  return { rule: f.code, text: sentenceAt(lineText, f.range.start.character) };
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The new text of the workspace file with the entry added; throws when the existing file is not valid JSON. */
export function workspaceFileWith(file: string, entry: { rule: string; text: string }): { existing: string | null; text: string } {
  const existing = readOrNull(file);
  return { existing, text: addAccepted(existing, entry) };
}

/** A WorkspaceEdit that creates the file if needed and replaces its whole text. */
export function replaceFileEdit(file: string, existing: string | null, text: string): WorkspaceEdit {
  const uri = pathToUri(file);
  const lines = (existing ?? '').split(/\r\n|\r|\n/);
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return {
    documentChanges: [
      ...(existing === null ? [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }] : []),
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end }, newText: text }] },
    ],
  };
}

export function codeActions(ctx: ActionContext, range: Range, only?: string[]): CodeAction[] {
  if (only && only.length && !only.some((k) => k === 'quickfix' || k.startsWith('quickfix.') || k === '')) return [];
  const { doc, locale } = ctx;
  const actions: CodeAction[] = [];
  const uri = doc.uri;
  ctx.findings.forEach((f, i) => {
    if (!overlaps(f.range, range)) return;
    const diagnostic = ctx.diagnostics[i];
    for (const fix of fixesOf(f)) {
      const action: CodeAction = {
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      };
      if (fix.preferred) action.isPreferred = true;
      actions.push(action);
    }
    actions.push({
      title: formatMessage(locale, 'action.suppressLine', { code: f.code }),
      kind: 'quickfix',
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [suppressEdit(doc, f)] } },
    });
    if (ctx.workspaceFile) {
      const entry = acceptedEntry(doc, f);
      const title = formatMessage(locale, 'action.ignoreInWorkspace', { code: f.code });
      if (ctx.resourceOperations) {
        try {
          const { existing, text } = workspaceFileWith(ctx.workspaceFile, entry);
          actions.push({ title, kind: 'quickfix', diagnostics: [diagnostic], edit: replaceFileEdit(ctx.workspaceFile, existing, text) });
        } catch {
          // The workspace file is not valid JSON: it carries its own diagnostic; no fix that would overwrite it.
        }
      } else {
        actions.push({
          title,
          kind: 'quickfix',
          diagnostics: [diagnostic],
          command: { title, command: IGNORE_IN_WORKSPACE_COMMAND, arguments: [{ file: ctx.workspaceFile, ...entry }] },
        });
      }
    }
  });
  return actions;
}

/** The command form of "ignore in this workspace": the server writes the file itself. */
export function ignoreInWorkspace(arg: unknown): string {
  const a = arg as { file?: unknown; rule?: unknown; text?: unknown };
  if (!a || typeof a.file !== 'string' || typeof a.rule !== 'string' || typeof a.text !== 'string' || !a.file.endsWith('.fazhi-report.json')) {
    throw new Error('fazhiReport.ignoreInWorkspace: expected { file, rule, text }');
  }
  const { text } = workspaceFileWith(a.file, { rule: a.rule, text: a.text });
  fs.writeFileSync(a.file, text, 'utf8');
  return a.file;
}
