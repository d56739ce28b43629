// The registry: every check, in the order its findings are reported. One file per check in this folder;
// its default severity is in server/data/rules.json and its messages in server/data/messages/.
import type { Rule } from '../rule';
import { headingNumbering } from './heading-numbering';
// figures (issue 3)
import { funnelOrder } from './funnel-order';
import { breakdownSum } from './breakdown-sum';
import { rateMismatch } from './rate-mismatch';
import { impossiblePercentage } from './impossible-percentage';
import { changeMismatch } from './change-mismatch';
import { conflictingFigure } from './conflicting-figure';
import { tableSum } from './table-sum'; // tables (issue 13)
// sections (issue 4); unbacked-metric runs after the figure checks, whose verdicts it reads
import { missingSection } from './missing-section';
import { sectionOrder } from './section-order';
import { planYear } from './plan-year';
import { unbackedMetric } from './unbacked-metric';

export const rules: Rule[] = [
  headingNumbering,
  // figures (issue 3)
  funnelOrder,
  breakdownSum,
  rateMismatch,
  impossiblePercentage,
  changeMismatch,
  conflictingFigure,
  tableSum,
  // sections (issue 4)
  missingSection,
  sectionOrder,
  planYear,
  unbackedMetric,
];
