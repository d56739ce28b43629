// The registry: every check, in the order its findings are reported. One file per check in this folder, describing
// itself (code, tags, default severity, variants, fixable: see rule.ts); its words are in server/data/messages/.
// The settings, the schema's list of checks and the tables of checks are generated from this list
// (node scripts/generate.mjs).
// The figure checks report the verdicts of figures/readings/ (computed once per analysis, whatever is on), so
// their order here does not matter and switching one off changes no other.
import type { Rule } from '../rule';
import { headingNumbering } from './heading-numbering';
import { funnelOrder } from './funnel-order';
import { breakdownSum } from './breakdown-sum';
import { rateMismatch } from './rate-mismatch';
import { impossiblePercentage } from './impossible-percentage';
import { changeMismatch } from './change-mismatch';
import { conflictingFigure } from './conflicting-figure';
import { tableSum } from './table-sum';
import { acrossReports } from './across-reports';
import { missingSection } from './missing-section';
import { sectionOrder } from './section-order';
import { planYear } from './plan-year';
import { unbackedMetric } from './unbacked-metric';

export const rules: Rule[] = [
  headingNumbering,
  funnelOrder,
  breakdownSum,
  rateMismatch,
  impossiblePercentage,
  changeMismatch,
  conflictingFigure,
  tableSum,
  acrossReports,
  missingSection,
  sectionOrder,
  planYear,
  unbackedMetric,
];
