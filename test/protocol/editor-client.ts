// An LSP client for the editor-feature protocol tests: starts the built server (dist/server.js --stdio) with
// workspace folders, initialization options and chosen capabilities (push or pull diagnostics, resource
// operations), records publishDiagnostics / fazhiReport/status, and applies edits as an editor would.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  Hover,
  ProtocolConnection,
  PublishDiagnosticsParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { distDir } from '../helpers/paths';

export interface EditorStartOptions {
  locale?: string;
  pull?: boolean;
  resourceOperations?: boolean;
  workspaceFolder?: string;
  initializationOptions?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

export function capabilities(o: EditorStartOptions): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: false },
      workspaceEdit: o.resourceOperations ? { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } : { documentChanges: false },
      ...(o.pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      ...(o.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
  };
}

export class EditorClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly statuses: { uri: string; checking: boolean; isReport: boolean; counts: Record<string, number> }[] = [];
  readonly logs: string[] = [];
  readonly refreshes: number[] = [];
  readonly texts = new Map<string, { text: string; version: number; languageId: string }>();
  config: Record<string, unknown>;
  private waiters: (() => void)[] = [];

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    config: Record<string, unknown>,
  ) {
    this.config = config;
  }

  static async start(o: EditorStartOptions = {}): Promise<EditorClient> {
    const child = spawn(process.execPath, [path.join(distDir, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const c = new EditorClient(child, connection, o.config ?? { detectReportsInPlainText: true });
    child.stderr!.on('data', (d: Buffer) => c.logs.push(d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      c.diagnostics.push(p);
      c.wake();
    });
    connection.onNotification('fazhiReport/status', (p: EditorClient['statuses'][number]) => {
      c.statuses.push(p);
      c.wake();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      c.logs.push(p.message);
      c.wake();
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => c.config));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      c.refreshes.push(Date.now());
      c.wake();
      return null;
    });
    connection.listen();
    const folder = o.workspaceFolder;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
      locale: o.locale ?? 'zh-cn',
      capabilities: capabilities(o),
      initializationOptions: o.initializationOptions,
    });
    connection.sendNotification('initialized', {});
    return c;
  }

  wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `pred` holds (checked after every message), or fails after the timeout. */
  async until<T>(what: string, pred: () => T | undefined | false, timeoutMs = 15000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = pred();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  open(uri: string, text: string, languageId = 'fazhi-report'): void {
    this.texts.set(uri, { text, version: 1, languageId });
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  setText(uri: string, text: string): number {
    const cur = this.texts.get(uri)!;
    const version = cur.version + 1;
    this.texts.set(uri, { ...cur, text, version });
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  save(uri: string): void {
    this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  /** The newest publish for `uri` of the current version (push mode). */
  async published(uri: string, version = this.texts.get(uri)?.version): Promise<Diagnostic[]> {
    const p = await this.until(`diagnostics of ${uri} v${version}`, () =>
      [...this.diagnostics].reverse().find((x) => x.uri === uri && (version === undefined || x.version === version)),
    );
    return p.diagnostics;
  }

  lastPublished(uri: string): Diagnostic[] | undefined {
    return [...this.diagnostics].reverse().find((x) => x.uri === uri)?.diagnostics;
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const r = await this.connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return r.items ?? [];
  }

  codeActions(uri: string, d: Diagnostic): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  /** Applies a WorkspaceEdit as an editor would: open documents get didChange, files on disk are written. */
  applyEdit(edit: WorkspaceEdit): string[] {
    const touched: string[] = [];
    const apply = (uri: string, edits: TextEdit[]) => {
      touched.push(uri);
      const open = this.texts.get(uri);
      if (open) this.setText(uri, applyTextEdits(open.text, edits));
      else {
        const file = fileURLToPath(uri);
        const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
        fs.writeFileSync(file, applyTextEdits(before, edits));
      }
    };
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') {
          const file = fileURLToPath(change.uri);
          if (!fs.existsSync(file)) fs.writeFileSync(file, '');
        }
        continue;
      }
      apply(change.textDocument.uri, change.edits as TextEdit[]);
    }
    return touched;
  }

  watchedFileChanged(file: string, type: 1 | 2 | 3 = 2): void {
    this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type }] });
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    await this.connection.sendRequest('shutdown');
    this.connection.sendNotification('exit');
    await exited;
    this.connection.dispose();
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }
}

function offsetOf(text: string, p: { line: number; character: number }): number {
  let offset = 0;
  for (let l = 0; l < p.line; l++) {
    const i = text.indexOf('\n', offset);
    if (i < 0) return text.length;
    offset = i + 1;
  }
  return Math.min(offset + p.character, text.length);
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetOf(out, e.range.start)) + e.newText + out.slice(offsetOf(out, e.range.end));
  return out;
}

export function tempWorkspace(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-editor-')));
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

/** A diagnostic without its position, for "nothing else changed" comparisons across inserted lines. */
export function key(d: Diagnostic): string {
  return `${d.code} ${d.severity} ${d.message}`;
}
