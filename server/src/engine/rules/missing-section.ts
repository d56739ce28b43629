// missing-section: a part the regulation requires (or most example reports have) is absent: no heading, no
// sub-heading and no unheaded paragraph covers it. 不足 and 原因 are separate requirements. Only an annual report is
// checked part by part: any other kind of text (news item, statistics report, yearbook entry, court text, policy
// reading, the opening of a draft, a news-style text) gets at most one note saying what it was taken for.
// Softer variants (information by default): a part most example reports have (a learned convention) and a metric
// most of them state (行政复议 收到/受理/审结, 出庭率 …, learned from their figures: sections/metrics.ts).
import { formatMessage } from '../messages';
import type { Rule, RuleContext } from '../rule';
import { headingFor, planInsertion } from '../sections/insert';
import { LEARNING, SKELETON, skeletonType, type LearnedType } from '../sections/profile';
import { metricText, statedMetrics, states } from '../sections/metrics';
import type { Range } from '../types';

function requiredTypes(ctx: RuleContext): LearnedType[] {
  const learned = ctx.profile.types.filter((t) => t.required);
  if (learned.length) return learned;
  return SKELETON.filter((t) => t.required).map((t) => ({
    id: t.id, required: true, expected: false, label: t.label, heading: t.heading, seen: 0, asHeading: 0,
    asSubheading: 0, asParagraph: 0, asThematic: 0, meanPosition: 0, figureDensity: 0, terms: [],
  }));
}

export const missingSection: Rule = {
  code: 'missing-section',
  tags: ['sections'],
  defaultSeverity: 'warning',
  variants: [{ id: 'conventions', softer: 1 }],
  fixable: true,
  check(ctx: RuleContext) {
    const docStart: Range = ctx.outline.roots[0]?.selectionRange ?? ctx.doc.lineRange(0);
    const kind = ctx.kind;
    // a note on the whole text sits on its first line of content (the title, when there is one)
    const firstLine = ctx.doc.lines.find((l) => l.text.trim() && !ctx.outline.chromeLines.has(l.index));
    const textStart: Range = firstLine ? ctx.doc.lineRange(firstLine.index) : docStart;
    const label = (t: LearnedType) => t.label[ctx.locale] ?? t.label['zh-cn'];
    if (kind.id === 'annual-report' && kind.form === 'news-style') {
      ctx.report({ messageId: 'missing-section.news', range: docStart, variant: 'conventions', data: { newsStyle: true, kind: kind.id } });
      return;
    }
    if (kind.id === 'partial-draft') {
      const s = ctx.sections();
      const parts = requiredTypes(ctx)
        .filter((t) => !s.first.has(t.id) && t.id !== 'causes')
        .map((t) => {
          if (t.id === 'shortcomings') return formatMessage(ctx.locale, 'missing-section.part.shortcomingsAndCauses', {});
          // a part the text already speaks of in a paragraph (第一责任人) is named with where: it lacks a section only
          const mention = s.mentions.get(t.id);
          return mention ? formatMessage(ctx.locale, 'missing-section.part.mentionedAt', { part: label(t), line: mention.start.line + 1 }) : label(t);
        });
      const cue = kind.cues[0];
      const list = parts.join(formatMessage(ctx.locale, 'list.separator', {}));
      ctx.report({
        // a draft pasted as one line, or with its headings run into the text, has no last heading to name
        messageId: cue?.cut ? (cue.text ? 'missing-section.cut' : 'missing-section.cutNoHeading') : cue?.text ? 'missing-section.partial' : 'missing-section.partialNoHeading',
        args: cue?.cut ? { last: cue.text, tail: cue.cut, parts: list } : cue?.text ? { last: cue.text, parts: list } : { parts: list },
        range: textStart,
        variant: 'conventions',
        data: { kind: kind.id },
      });
      return;
    }
    if (kind.id !== 'annual-report') {
      if (!ctx.doc.text.trim()) return;
      const why = kind.cues
        .slice(0, 2)
        .map((c) => (c.text.length > 16 ? c.text.slice(0, 16) + '…' : c.text))
        .map((text) => formatMessage(ctx.locale, 'quote', { text }))
        .join(formatMessage(ctx.locale, 'list.shortSeparator', {}));
      ctx.report({
        messageId: kind.id === 'not-report' ? 'missing-section.not-report' : kind.id === 'news' ? 'missing-section.kind.news' : 'missing-section.kind',
        args: { kind: kind.label[ctx.locale] ?? kind.label['zh-cn'], why },
        range: textStart,
        variant: 'conventions',
        data: { kind: kind.id },
      });
      return;
    }
    const s = ctx.sections();
    const year = s.reportYear?.year ?? null;
    const anchorFor = (after: { selectionRange: Range } | undefined): Range => after?.selectionRange ?? docStart;
    const missing = requiredTypes(ctx).filter((t) => !s.first.has(t.id));
    const ids = new Set(missing.map((t) => t.id));
    for (const t of missing) {
      if (t.id === 'causes' && ids.has('shortcomings')) continue; // reported together with 不足
      const both = t.id === 'shortcomings' && ids.has('causes');
      const sk = skeletonType(t.id);
      if (t.id === 'causes' && sk?.fixText) {
        // problems are listed but no causes: the fix adds a causes paragraph after the problems
        const hit = s.first.get('shortcomings')!;
        const node = hit.node ?? hit.top;
        const endLine = hit.via === 'paragraph' ? hit.line : (node?.range.end.line ?? hit.line);
        const at = ctx.doc.endOf(endLine);
        ctx.report({
          messageId: 'missing-section.causes',
          range: hit.range,
          data: { type: 'causes', fixes: [{ title: formatMessage(ctx.locale, 'missing-section.fix.causes', {}), edits: [{ range: { start: at, end: at }, newText: '\n' + sk.fixText }] }] },
        });
        continue;
      }
      const ins = planInsertion(ctx.doc, s, t.id, headingFor(t.id, t.heading, year));
      const mention = s.mentions.get(t.id);
      const messageId = both ? 'missing-section.both' : mention ? 'missing-section.mentioned' : 'missing-section.required';
      ctx.report({
        messageId,
        args: { part: both ? formatMessage(ctx.locale, 'missing-section.part.shortcomingsAndCauses', {}) : label(t), heading: ins.heading, line: mention ? mention.start.line + 1 : 0 },
        range: anchorFor(ins.after),
        related: mention ? [{ range: mention, messageId: 'missing-section.related.mention' }] : undefined,
        data: { type: both ? 'shortcomings+causes' : t.id, heading: ins.heading, fixes: [{ title: formatMessage(ctx.locale, 'missing-section.fix.insertHeading', { heading: ins.heading }), edits: ins.edits, preferred: true }] },
      });
    }
    for (const t of ctx.profile.types.filter((x) => x.expected && !s.first.has(x.id))) {
      const ins = planInsertion(ctx.doc, s, t.id, t.heading);
      ctx.report({
        messageId: 'missing-section.expected',
        args: { part: t.heading, seen: t.seen, reports: ctx.profile.reports, heading: ins.heading },
        range: anchorFor(ins.after),
        variant: 'conventions',
        data: { type: t.id, heading: ins.heading, fixes: [{ title: formatMessage(ctx.locale, 'missing-section.fix.insertHeading', { heading: ins.heading }), edits: ins.edits }] },
      });
    }
    // metrics most example reports state (learned from their figures) that this report does not
    const metrics = ctx.profile.metrics?.expected ?? [];
    const counts = ctx.figures?.figures.filter((f) => f.kind === 'count').length ?? 0;
    // a skeleton or a draft with hardly any data yet is not told which data it lacks
    if (metrics.length && ctx.figures && counts >= LEARNING.minReportFigures) {
      const stated = statedMetrics(ctx.figures);
      const at = s.first.get('achievements')?.range ?? docStart;
      for (const e of metrics) {
        if (states(stated, e)) continue;
        ctx.report({
          messageId: 'missing-section.metric',
          args: { metric: metricText(e, ctx.locale), seen: e.seen, reports: ctx.profile.reports },
          range: at,
          variant: 'conventions',
          data: { type: 'metric', metric: e },
        });
      }
    }
  },
};
