// What the machine-readable formats (SARIF) say about each check: a one-line title in both languages, its default
// level, and where its page is. The pages are docs/rules/<code>.md of this installation (as file: URLs, which work
// offline, where drafters are); FAZHI_REPORT_RULES_DOCS replaces the base with a web address of the same pages,
// e.g. for code scanning on a server. The language server links the same pages (codeDescription).
import { rulesDocsBase } from '../host/docs-url';
import { allRules, formatMessage } from '../engine';
import type { Locale, Severity } from '../engine';

export interface RuleInfo {
  code: string;
  title: string;
  defaultSeverity: Severity | 'off';
  tags: string[];
  helpUri?: string;
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
