// Entry of dist/server.js. createConnection reads the transport from the command line (--stdio, --node-ipc,
// --socket=…), so the same bundle serves VS Code (node IPC) and other editors (stdio).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
