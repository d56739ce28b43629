// The pure checking engine: plain text in, outline and findings out. No vscode or LSP imports, so the language
// server, the command line and the tests all run the same code.
import { ReportDocument } from './document';
import { formatMessage, normalizeLocale } from './messages';
import { parseOutline } from './outline/parse';
import type { Rule, RuleReport } from './rule';
import { rules as allRules } from './rules';
import { extractFigures } from './figures/extract'; // figures (issue 3)
import defaults from '../../data/rules.json';
import { detectSections, type Sections } from './sections/detect';
import { defaultProfile } from './sections/profile';
import type { AnalyzeOptions, Analysis, Finding, Severity } from './types';

export * from './types';
export { ReportDocument } from './document';
export { parseOutline } from './outline/parse';
export { looksLikeReport } from './sniff';
export { formatMessage, normalizeLocale } from './messages';
export type { Figure, FigureCheck, FigureModel } from './figures/model'; // figures (issue 3)

const defaultSeverities = defaults as unknown as Record<string, Severity | 'off'>;

function configuredSeverity(code: string, options: AnalyzeOptions): Severity | 'off' {
  const setting = options.rules?.[code];
  if (typeof setting === 'string') return setting;
  if (setting && typeof setting === 'object' && setting.severity) return setting.severity;
  return defaultSeverities[code] ?? 'warning';
}

export function analyze(text: string, options: AnalyzeOptions = {}, rules: Rule[] = allRules): Analysis {
  const locale = normalizeLocale(options.locale);
  const doc = new ReportDocument(text);
  const outline = parseOutline(doc);
  // figures (issue 3): extracted once, shared by the figure checks, returned for the hover and the CLI
  const figures = extractFigures(doc, options.segmenter);
  // sections (issue 4): the report's parts, found on first use by the section checks
  const profile = options.profile ?? defaultProfile;
  let sections: Sections | undefined;
  const sectionsOnce = () => (sections ??= detectSections(doc, outline, profile));
  const findings: Finding[] = [];
  const ruleErrors: Analysis['ruleErrors'] = [];
  for (const rule of rules) {
    const severity = configuredSeverity(rule.code, options);
    if (severity === 'off') continue;
    const report = (r: RuleReport) => {
      findings.push({
        code: rule.code,
        severity: r.severity && severity === defaultSeverities[rule.code] ? r.severity : severity,
        message: formatMessage(locale, r.messageId, r.args),
        range: r.range,
        related: r.related?.map((x) => ({ range: x.range, message: formatMessage(locale, x.messageId, x.args) })),
        data: r.data,
      });
    };
    try {
      rule.check({ doc, outline, locale, report, figures, segmenter: options.segmenter, profile, sections: sectionsOnce });
    } catch (e) {
      ruleErrors.push({ code: rule.code, error: e instanceof Error ? e.message : String(e) });
    }
  }
  findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return { outline: outline.roots, findings, ruleErrors, figures: figures.figures };
}
