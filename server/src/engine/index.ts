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
import { findDirectives, isSuppressed } from './suppress';
import { sentenceAt } from './config';
import type { FigureModel } from './figures/model';
import { summarizeReport } from './summary';

export * from './types';
export { ReportDocument } from './document';
export { parseOutline } from './outline/parse';
export { looksLikeReport } from './sniff';
export { formatMessage, normalizeLocale } from './messages';
export { describeReading } from './figures/readings/describe';
export type { Figure, FigureCheck, FigureModel } from './figures/model'; // figures (issue 3)
export { findDirectives, isSuppressed, disableNextLineComment } from './suppress';
export { validateWorkspaceConfig, sentenceAt, type WorkspaceConfig, type AcceptedFinding } from './config';
export { validateProfile, defaultProfile, type Profile } from './sections/profile';
export { rules as allRules } from './rules';
export { summarizeReport, bodyFromTitle, bodyFromOpening, type ReportSummary, type ReportPart, type PartPresence } from './summary';

const defaultSeverities = defaults as unknown as Record<string, Severity | 'off'>;

function configuredSeverity(code: string, options: AnalyzeOptions): Severity | 'off' {
  const setting = options.rules?.[code];
  if (typeof setting === 'string') return setting;
  if (setting && typeof setting === 'object' && setting.severity) return setting.severity;
  return defaultSeverities[code] ?? 'warning';
}

const RANK: Record<Severity, number> = { error: 1, warning: 2, information: 3, hint: 4 };
const CAPS: Record<NonNullable<RuleReport['cap']>, Severity> = { strong: 'error', inferred: 'warning', soft: 'information' };
function softer(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

export function analyze(text: string, options: AnalyzeOptions = {}, rules: Rule[] = allRules): Analysis {
  const locale = normalizeLocale(options.locale);
  // suppression comments are masked to spaces (positions unchanged) and applied to the findings at the end
  const { text: checked, directives } = findDirectives(text);
  const doc = new ReportDocument(checked);
  const outline = parseOutline(doc);
  const ruleErrors: Analysis['ruleErrors'] = [];
  // figures (issue 3): extracted once, shared by the figure checks, returned for the hover and the CLI
  let figures: FigureModel;
  try {
    figures = extractFigures(doc, options.segmenter, outline.nodes);
  } catch (e) {
    ruleErrors.push({ code: 'figures', error: e instanceof Error ? e.message : String(e) });
    figures = { figures: [], sentences: [], breakdowns: [], verdicts: [], segmented: false };
  }
  // sections (issue 4): the report's parts, found on first use by the section checks
  const profile = options.profile ?? defaultProfile;
  let sections: Sections | undefined;
  const sectionsOnce = () => (sections ??= detectSections(doc, outline, profile));
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = configuredSeverity(rule.code, options);
    if (severity === 'off') continue;
    const report = (r: RuleReport) => {
      let sev: Severity = r.severity && severity === defaultSeverities[rule.code] ? r.severity : severity;
      // the strength of the evidence caps the severity (never raises it): inferred → warning, soft → information
      if (r.cap) sev = softer(sev, CAPS[r.cap]);
      findings.push({
        code: rule.code,
        severity: sev,
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
  // silenced in the text (comments) or accepted in the workspace file (check + the sentence as written)
  const accepted = options.accepted ?? [];
  const kept = findings.filter((f) => {
    if (directives.length && isSuppressed(f, directives)) return false;
    if (accepted.length) {
      const line = doc.lines[f.range.start.line]?.text ?? '';
      const sentence = sentenceAt(line, f.range.start.character);
      if (accepted.some((a) => a.rule === f.code && a.text.trim() === sentence)) return false;
    }
    return true;
  });
  const result: Analysis = { outline: outline.roots, findings: kept, ruleErrors, figures: figures.figures, suppressed: findings.length - kept.length };
  if (options.summary) {
    try {
      result.summary = summarizeReport(doc, outline, sectionsOnce(), profile, locale);
    } catch (e) {
      ruleErrors.push({ code: 'summary', error: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}
