// The VS Code side: starts the language server (dist/server.js) over node IPC and hands it the documents that may
// be reports. Everything else (what to check, outline, diagnostics) happens in the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

function displayName(): string {
  // The output channel and notifications carry this name; drafters mostly run VS Code in Chinese.
  return vscode.env.language.toLowerCase().startsWith('zh') ? '法治报告检查' : 'Rule-of-Law Report Checker';
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Plain text and Markdown go to the server too: it checks only those whose opening looks like a report
    // (fazhiReport.detectReportsInPlainText). Untitled buffers are included so a pasted draft is checked.
    documentSelector: [
      { language: 'fazhi-report' },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'fazhiReport' },
  };
  return new LanguageClient('fazhiReport', displayName(), serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('fazhiReport.restartServer', async () => {
      if (client) await client.restart();
      else {
        client = createClient(context);
        await client.start();
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
