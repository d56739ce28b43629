// What the machine-readable formats (SARIF) say about each check: a one-line title in both languages, its default
// level, and where its page is. The pages are docs/rules/<code>.md of this installation (as file: URLs, which work
// offline, where drafters are); FAZHI_REPORT_RULES_DOCS replaces the base with a web address of the same pages,
// e.g. for code scanning on a server. The language server links the same pages (codeDescription).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '../engine';
import type { Locale, Severity } from '../engine';
import defaults from '../../data/rules.json';

const TITLES: Record<string, { zh: string; en: string }> = {
  'heading-numbering': { zh: '标题序号不连续', en: 'Heading numbers out of sequence' },
  'funnel-order': { zh: '后一环节多于前一环节', en: 'A later stage exceeds an earlier one' },
  'breakdown-sum': { zh: '分项之和与总数不符', en: 'Parts do not add up to the total' },
  'rate-mismatch': { zh: '比率与所给数量不符', en: 'Rate does not match its counts' },
  'impossible-percentage': { zh: '不可能的百分比', en: 'Impossible percentage' },
  'change-mismatch': { zh: '增减幅度与前后数值不符', en: 'Change does not match the two values' },
  'conflicting-figure': { zh: '同一指标前后数值不一致', en: 'Conflicting values for one figure' },
  'table-sum': { zh: '表格合计与占比不符', en: 'Table totals or shares do not add up' },
  'across-reports': { zh: '与上年报告或同年其他报告不符', en: 'Disagrees with last year\'s report or another report of the year' },
  'missing-section': { zh: '缺少必备部分', en: 'Missing required part' },
  'section-order': { zh: '部分顺序与惯例不同', en: 'Parts in an unusual order' },
  'plan-year': { zh: '年度写错', en: 'Wrong year' },
  'unbacked-metric': { zh: '比率或排名缺少数据支撑', en: 'Rate or ranking without supporting figures' },
};

export interface RuleInfo {
  code: string;
  title: string;
  defaultSeverity: Severity | 'off';
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
  const sev = defaults as unknown as Record<string, Severity | 'off'>;
  return allRules.map((r) => {
    const t = TITLES[r.code];
    return {
      code: r.code,
      title: t ? (locale === 'en' ? t.en : t.zh) : r.code,
      defaultSeverity: sev[r.code] ?? 'warning',
      helpUri: base ? base + encodeURIComponent(r.code) + '.md' : undefined,
    };
  });
}
