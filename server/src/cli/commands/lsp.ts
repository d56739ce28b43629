// `fazhi-report lsp [--stdio|--node-ipc|--socket=N|--pipe=NAME]`: runs the language server in this process, for
// editors other than VS Code. The server is loaded from its own bundle (dist/server.js) at run time so the
// command-line bundle stays free of the connection code.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../args';
import type { CliIO } from '../io';
import type { Command } from './command';

const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+|port=\d+)$/;
const ALLOWED = /^--(clientProcessId=\d+)$/;

function serverModule(): string {
  const candidates = [
    path.join(__dirname, 'server.js'), // the bundle: dist/cli.js beside dist/server.js
    path.join(__dirname, '..', '..', 'lsp', 'main.js'), // compiled sources (out/server/src/cli/commands)
  ];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new UsageError('找不到语言服务器（dist/server.js），请先运行 npm run build', 'language server not found (dist/server.js); run npm run build first');
  return found;
}

export const lsp: Command = {
  name: 'lsp',
  usage: 'lsp [--stdio | --node-ipc]',
  summary: { zh: '启动语言服务器（供 Neovim、Emacs 等编辑器使用；默认 --stdio）', en: 'run the language server for other editors (default --stdio)' },
  async run(args: string[], _io: CliIO): Promise<number> {
    const bad = args.find((a) => !TRANSPORT.test(a) && !ALLOWED.test(a));
    if (bad !== undefined) throw new UsageError(`lsp 不认识参数“${bad}”`, `lsp does not accept "${bad}"`);
    // vscode-languageserver reads the transport from process.argv; stdio is what editors expect by default.
    if (!args.some((a) => TRANSPORT.test(a))) process.argv.push('--stdio');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(serverModule());
    // The server owns the process from here and exits it on the client's `exit`; never resolve.
    return new Promise<number>(() => undefined);
  },
};
