// What the machine-readable formats (SARIF) say about each check: a one-line title in both languages, its default
// level, and where its page is. The pages are docs/rules/<code>.md of this installation (as file: URLs, which work
// offline, where drafters are); FAZHI_REPORT_RULES_DOCS replaces the base with a web address of the same pages,
// e.g. for code scanning on a server. The language server links the same pages (codeDescription).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, formatMessage } from '../engine';
import type { Locale, Severity } from '../engine';

export interface RuleInfo {
  code: string;
  title: string;
  defaultSeverity: Severity | 'off';
  tags: string[];
  helpUri?: string;
}

let installRoot: string | null | undefined;

/** The folder of this installation (the package.json named fazhi-report above the running code). */
export function installationRoot(): string | null {
  if (installRoot !== undefined) return installRoot;
  installRoot = null;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'fazhi-report') return (installRoot = dir);
    } catch {
      // no package.json here: look further up
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return installRoot;
}

/** Base URL of the rule pages, ending in "/", or null when neither the pages nor FAZHI_REPORT_RULES_DOCS exist. */
export function rulesDocsBase(): string | null {
  const env = process.env.FAZHI_REPORT_RULES_DOCS;
  if (env) return env.endsWith('/') ? env : env + '/';
  const root = installationRoot();
  return root ? pathToFileURL(path.join(root, 'docs', 'rules')).href + '/' : null;
}

/** The tool's page: the README beside the rule pages (../../README.md from docs/rules/). */
export function informationUri(): string | undefined {
  const base = rulesDocsBase();
  return base ? new URL('../../README.md', base).href : undefined;
}

export function ruleInfos(locale: Locale): RuleInfo[] {
  const base = rulesDocsBase();
  return allRules.map((r) => {
    return {
      code: r.code,
      // the check's title is in the message catalogs (rule.<code>.title), beside its messages
      title: formatMessage(locale, `rule.${r.code}.title`, {}),
      defaultSeverity: r.defaultSeverity,
      tags: r.tags,
      helpUri: base ? base + encodeURIComponent(r.code) + '.md' : undefined,
    };
  });
}
