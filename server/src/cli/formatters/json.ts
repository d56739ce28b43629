// --format json: `{ "files": [ { "path", "diagnostics" } ] }`, the diagnostics exactly as the language server
// publishes them (the same conversion, present/convert.ts), so scripts see what the editor shows.
import type { Formatter } from './formatter';

export const json: Formatter = {
  human: false,
  file: () => '',
  end: (results) => JSON.stringify({ files: results.map((r) => ({ path: r.path, diagnostics: r.diagnostics })) }, null, 2) + '\n',
};
