// The pure checking engine: plain text in, outline and findings out. No vscode or LSP imports, so the language
// server, the command line and the tests all run the same code.
import { ReportDocument } from './document';
import { formatMessage, normalizeLocale } from './messages';
import { parseOutline } from './outline/parse';
import type { Rule, RuleReport } from './rule';
import { rules as allRules } from './rules';
import { extractFigures } from './figures/extract';
import { findReportYear } from './sections/year';
import { detectSections, type Sections } from './sections/detect';
import { defaultProfile } from './sections/profile';
import { atMost, type AnalyzeOptions, type Analysis, type Finding, type Severity } from './types';
import { configuredSeverity, softerSeverity, variantSeverity } from './severity';
export { configuredSeverity, softerSeverity, variantSeverity } from './severity';
import { findDirectives, isSuppressed } from './suppress';
import { sentenceAt } from './config';
import type { FigureModel } from './figures/model';
import { detectKind, refineKind, textCut, type DocumentKind } from './kind';
import { acrossFacts } from './across/facts';
import { tablesOf } from './tables';
import { reportIdentity, summarizeReport } from './summary';

export * from './types';
export { ReportDocument } from './document';
export { parseOutline } from './outline/parse';
export { looksLikeReport } from './sniff';
export { formatMessage, normalizeLocale } from './messages';
export { describeReading } from './figures/readings/describe';
export type { Figure, FigureCheck, FigureModel } from './figures/model';
export { findDirectives, isSuppressed, disableNextLineComment } from './suppress';
export { validateWorkspaceConfig, sentenceAt, type WorkspaceConfig, type AcceptedFinding } from './config';
export { validateProfile, defaultProfile, type Profile } from './sections/profile';
export { rules as allRules } from './rules';
export { detectKind, refineKind, shouldCheck, languageOfName, kindLabel, REPORT_LANGUAGE, type DocumentKind, type KindId, type KindCue, type CheckDecision } from './kind';
// tables
export { tablesOf, cellAt, isTableShareBacked, type Table, type Cell, type Row, type Column, type CellLocation } from './tables';
export { summarizeReport, bodyFromTitle, bodyFromOpening, type ReportSummary, type ReportPart, type PartPresence } from './summary';

/**
 * Severities, described once. A finding has the configured severity of its check, made softer in two ways:
 *  - a softer variant (`variant: id`, declared with its steps in the rule's `variants`, e.g. funnel-order's
 *    carry-over note): n steps below the default, and always at least one step below the configured level
 *    (softerSeverity);
 *  - the strength of the evidence (`cap`, figures/readings/types.ts): `inferred` is at most a warning; `soft` (only
 *    truncation, the last digit's rounding convention, an approximation word or unstated carry-over separates the
 *    figures) is a softer variant two steps below the default.
 */
function capped(severity: Severity, cap: RuleReport['cap']): Severity {
  return cap === 'inferred' ? atMost(severity, 'warning') : severity;
}

/** The severity of a finding at the check's configured level: its declared variant, else the soft cap's two steps. */
function findingSeverity(r: RuleReport, rule: Rule, configured: Severity): Severity {
  if (r.variant) return capped(variantSeverity(rule, configured, r.variant), r.cap);
  return capped(r.cap === 'soft' ? softerSeverity(configured, rule.defaultSeverity, 2) : configured, r.cap);
}

/** The report's parts behind each analysis, detected on first use (by a section check, or later by the hover). */
const sectionsByAnalysis = new WeakMap<Analysis, () => Sections>();

/**
 * The report's parts (sections/detect.ts) as the analysis found them, with the analysis's own text, outline and
 * profile: computed at most once per analysis. Undefined for an analysis that analyze() did not return.
 */
export function sectionsOf(analysis: Analysis): Sections | undefined {
  return sectionsByAnalysis.get(analysis)?.();
}

export function analyze(text: string, options: AnalyzeOptions = {}, rules: Rule[] = allRules): Analysis {
  const locale = normalizeLocale(options.locale);
  // suppression comments are masked to spaces (positions unchanged) and applied to the findings at the end
  const { text: checked, directives } = findDirectives(text);
  const doc = new ReportDocument(checked);
  const outline = parseOutline(doc);
  const ruleErrors: Analysis['ruleErrors'] = [];
  // figures: extracted once, shared by the figure checks, returned for the hover and the CLI
  let figures: FigureModel;
  const reportYear = findReportYear(doc, outline);
  try {
    figures = extractFigures(doc, options.segmenter, outline.nodes, { nouns: options.nouns !== false, reportYear: reportYear?.year });
  } catch (e) {
    ruleErrors.push({ code: 'figures', error: e instanceof Error ? e.message : String(e) });
    figures = { figures: [], sentences: [], breakdowns: [], verdicts: [], segmented: false };
  }
  // sections: the report's parts, found on first use by the section checks
  const profile = options.profile ?? defaultProfile;
  let sections: Sections | undefined;
  const sectionsOnce = () => (sections ??= detectSections(doc, outline, profile));
  // what the text is (annual report, partial draft, news item …): decides which section checks apply
  let kind: DocumentKind;
  try {
    kind = refineKind(detectKind(checked), outline, sectionsOnce, checked.length, textCut(doc.lines, outline));
  } catch (e) {
    ruleErrors.push({ code: 'kind', error: e instanceof Error ? e.message : String(e) });
    kind = { id: 'annual-report', label: { 'zh-cn': '法治政府建设年度报告', en: 'annual rule-of-law government report' }, cues: [] };
  }
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = configuredSeverity(rule, options.rules);
    if (severity === 'off') continue;
    const report = (r: RuleReport) => {
      findings.push({
        code: rule.code,
        severity: findingSeverity(r, rule, severity),
        message: formatMessage(locale, r.messageId, r.args),
        range: r.range,
        related: r.related?.map((x) => ({ range: x.range, message: formatMessage(locale, x.messageId, x.args) })),
        data: r.data,
      });
    };
    try {
      rule.check({ doc, outline, locale, report, figures, segmenter: options.segmenter, profile, sections: sectionsOnce, kind });
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
  const result: Analysis = { outline: outline.roots, findings: kept, ruleErrors, figures: figures.figures, tables: tablesOf(doc), suppressed: findings.length - kept.length, kind };
  try {
    result.identity = reportIdentity(doc, outline, reportYear);
  } catch (e) {
    ruleErrors.push({ code: 'identity', error: e instanceof Error ? e.message : String(e) });
  }
  sectionsByAnalysis.set(result, sectionsOnce);
  if (options.across) {
    try {
      result.across = acrossFacts(doc, outline, sectionsOnce(), figures.figures, result.identity ?? reportIdentity(doc, outline, reportYear));
    } catch (e) {
      ruleErrors.push({ code: 'across', error: e instanceof Error ? e.message : String(e) });
    }
  }
  if (options.summary) {
    try {
      result.summary = summarizeReport(doc, outline, sectionsOnce(), profile, locale);
    } catch (e) {
      ruleErrors.push({ code: 'summary', error: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}
