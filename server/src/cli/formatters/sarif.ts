// --format sarif: one SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), for code scanning
// (GitHub's upload-sarif, Azure DevOps, SARIF viewers). One run; the driver lists every check as a rule with its
// title, default level and page; each finding is a result with 1-based regions counted in UTF-16 code units (as
// the editor counts) and the related places as relatedLocations. Paths under the working folder are relative
// to %SRCROOT% (the working folder), so the log is the same on every machine; others are absolute file: URLs.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Range } from 'vscode-languageserver';
import pkg from '../../../../package.json';
import { informationUri, ruleInfos } from '../rule-info';
import type { Severity } from '../../engine';
import { messageText, type FileResult, type FormatContext, type Formatter } from './formatter';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note' | 'none';

function levelOf(severity: number | undefined): Level {
  return severity === 1 ? 'error' : severity === 2 || severity === undefined ? 'warning' : 'note';
}

function defaultLevel(s: Severity | 'off'): Level {
  return s === 'off' ? 'none' : s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** A path relative to the working folder, as a relative URI reference (each segment percent-encoded). */
export function artifactLocation(absolute: string, cwd: string): ArtifactLocation {
  const rel = path.relative(cwd, absolute);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(r: Range) {
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

function result(file: FileResult, d: Diagnostic, ruleIndex: Map<string, number>, cwd: string) {
  const location = artifactLocation(file.absolute, cwd);
  const code = String(d.code ?? '');
  const out: Record<string, unknown> = {
    ruleId: code,
    level: levelOf(d.severity),
    message: { text: messageText(d) },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(d.range) } }],
  };
  const index = ruleIndex.get(code);
  if (index !== undefined) out.ruleIndex = index;
  if (d.relatedInformation && d.relatedInformation.length > 0) {
    out.relatedLocations = d.relatedInformation.map((r, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: location, region: region(r.location.range) },
      message: { text: r.message },
    }));
  }
  return out;
}

export function sarifLog(results: FileResult[], ctx: FormatContext): Record<string, unknown> {
  const rules = ruleInfos(ctx.locale);
  const ruleIndex = new Map(rules.map((r, i) => [r.code, i]));
  const info = informationUri();
  const driver: Record<string, unknown> = {
    name: 'fazhi-report',
    version: pkg.version,
    semanticVersion: pkg.version,
    ...(info ? { informationUri: info } : {}),
    rules: rules.map((r) => ({
      id: r.code,
      name: r.code,
      shortDescription: { text: r.title },
      ...(r.helpUri ? { helpUri: r.helpUri } : {}),
      defaultConfiguration: { level: defaultLevel(r.defaultSeverity), enabled: r.defaultSeverity !== 'off' },
      properties: { tags: r.tags },
    })),
  };
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/') } },
        // Columns are counted as the editor counts them (LSP: UTF-16 code units).
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((f) => f.diagnostics.map((d) => result(f, d, ruleIndex, ctx.cwd))),
      },
    ],
  };
}

export const sarif: Formatter = {
  human: false,
  file: () => '',
  end: (results, _counts, ctx) => JSON.stringify(sarifLog(results, ctx), null, 2) + '\n',
};
