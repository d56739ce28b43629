// The files generated from the registry of checks (server/src/engine/rules/index.ts) and their words in the message
// catalogs (rule.<code>.title / .description / .variant.<id>, severity.<level>). Nothing here is written by hand:
//   package.json               one setting fazhiReport.rules.<code> per check (default, levels, description key)
//   package.nls.json, .zh-cn   the settings' descriptions config.rules.<code>
//   schemas/fazhi-report.schema.json   the list of check names a workspace file may use
//   docs/rules/README.md, README.md    the table of checks, between the two GENERATED markers
// `node scripts/generate.mjs` rewrites them; `--check` (and test/unit/generated.test.ts, part of npm test) fails
// when one is stale.
import { allRules, formatMessage, variantSeverity } from '../server/src/engine';
import type { Rule } from '../server/src/engine/rule';
import type { Locale } from '../server/src/engine';

export interface GeneratedFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  content: string;
}

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
const SETTING = 'fazhiReport.rules.';
const NLS = 'config.rules.';
export const TABLE_START = '<!-- GENERATED: 检查表，由 node scripts/generate.mjs 按检查注册表生成，请勿手改 -->';
export const TABLE_END = '<!-- /GENERATED -->';

const m = (locale: Locale, id: string) => formatMessage(locale, id, {});

/** "错误（可由上年结转解释的：提示）": the default level and each softer variant's level. */
export function levelText(rule: Rule, locale: Locale): string {
  const main = m(locale, `severity.${rule.defaultSeverity}`);
  const variants = (rule.variants ?? []).map(
    (v) => `${m(locale, `rule.${rule.code}.variant.${v.id}`)}${locale === 'en' ? ': ' : '：'}${m(locale, `severity.${variantSeverity(rule, rule.defaultSeverity === 'off' ? 'error' : rule.defaultSeverity, v.id)}`)}`,
  );
  if (!variants.length) return main;
  return locale === 'en' ? `${main} (${variants.join('; ')})` : `${main}（${variants.join('；')}）`;
}

function settings(rules: Rule[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of rules) {
    out[SETTING + r.code] = {
      type: 'string',
      enum: [...LEVELS],
      enumDescriptions: LEVELS.map((s) => `%config.severity.${s}%`),
      default: r.defaultSeverity,
      scope: 'resource',
      markdownDescription: `%${NLS}${r.code}%`,
    };
  }
  return out;
}

type Json = Record<string, unknown>;

/** package.json with its per-check settings regenerated; every other setting keeps its place. */
export function manifest(text: string, rules: Rule[] = allRules): string {
  const pkg = JSON.parse(text) as Json;
  const contributes = (pkg.contributes ??= {}) as Json;
  const configuration = (contributes.configuration ??= { title: '%config.title%', properties: {} }) as Json;
  const kept = Object.entries((configuration.properties ?? {}) as Json).filter(([k]) => !k.startsWith(SETTING));
  configuration.properties = Object.fromEntries([...kept, ...Object.entries(settings(rules))]);
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** A package.nls file with the settings' descriptions regenerated, in the registry's order, where the old ones were. */
export function nls(text: string, locale: Locale, rules: Rule[] = allRules): string {
  const old = JSON.parse(text) as Record<string, string>;
  const entries = Object.entries(old);
  const at = entries.findIndex(([k]) => k.startsWith(NLS));
  const kept = entries.filter(([k]) => !k.startsWith(NLS));
  const mine = rules.map((r): [string, string] => {
    const d = m(locale, `rule.${r.code}.description`);
    return [NLS + r.code, locale === 'en' ? `**${r.code}**: ${d}` : `**${r.code} ${m(locale, `rule.${r.code}.title`)}**：${d}`];
  });
  const where = at < 0 ? kept.length : entries.slice(0, at).filter(([k]) => !k.startsWith(NLS)).length;
  return JSON.stringify(Object.fromEntries([...kept.slice(0, where), ...mine, ...kept.slice(where)]), null, 2) + '\n';
}

/** The workspace file's schema with the list of check names regenerated. */
export function schema(text: string, rules: Rule[] = allRules): string {
  const s = JSON.parse(text) as { properties: { rules: { propertyNames: { enum: string[] } } } };
  s.properties.rules.propertyNames.enum = rules.map((r) => r.code);
  return JSON.stringify(s, null, 2) + '\n';
}

/** The table of checks (code linked to its page, what it checks, default level), in Chinese. */
export function checksTable(linkBase: string, rules: Rule[] = allRules): string {
  const rows = rules.map((r) => `| [\`${r.code}\`](${linkBase}${r.code}.md) | ${m('zh-cn', `rule.${r.code}.description`)} | ${levelText(r, 'zh-cn')} |`);
  return ['| 代码 | 检查什么 | 默认级别 |', '|---|---|---|', ...rows].join('\n');
}

/** Replace what lies between the GENERATED markers (which must both be there, once). */
export function replaceBetweenMarkers(text: string, body: string, file: string): string {
  const a = text.indexOf(TABLE_START);
  const b = text.indexOf(TABLE_END);
  if (a < 0 || b < a || text.indexOf(TABLE_START, a + 1) >= 0) {
    throw new Error(`${file}: the markers ${TABLE_START} … ${TABLE_END} are missing or repeated`);
  }
  return text.slice(0, a + TABLE_START.length) + '\n' + body + '\n' + text.slice(b);
}

/** Every generated file, computed from the current contents of the files (read(path) → text). */
export function generatedFiles(read: (path: string) => string, rules: Rule[] = allRules): GeneratedFile[] {
  return [
    { path: 'package.json', content: manifest(read('package.json'), rules) },
    { path: 'package.nls.json', content: nls(read('package.nls.json'), 'en', rules) },
    { path: 'package.nls.zh-cn.json', content: nls(read('package.nls.zh-cn.json'), 'zh-cn', rules) },
    { path: 'schemas/fazhi-report.schema.json', content: schema(read('schemas/fazhi-report.schema.json'), rules) },
    { path: 'docs/rules/README.md', content: replaceBetweenMarkers(read('docs/rules/README.md'), checksTable('', rules), 'docs/rules/README.md') },
    { path: 'README.md', content: replaceBetweenMarkers(read('README.md'), checksTable('docs/rules/', rules), 'README.md') },
  ];
}
