// Hovers: on a figure (hover.ts: what it was read as and which checks it passed or failed), on a heading (which
// part of the report it was recognised as) and on a missing-section finding (what part is expected and what the
// fix inserts).
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { findDirectives, parseOutline, ReportDocument, sectionsOf } from '../engine';
import type { Analysis, Finding, Locale, OutlineNode, Position, Profile, Range } from '../engine';
import { defaultProfile } from '../engine';
import { detectSections } from '../engine/sections/detect';
import { figureAt, figureMarkdown } from '../present/figure-hover';

const t = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

function labelOf(profile: Profile, id: string, locale: Locale): string {
  const type = profile.types.find((x) => x.id === id);
  if (type) return type.label[locale] ?? type.label['zh-cn'];
  return id.startsWith('expected:') ? id.slice('expected:'.length) : id;
}

function walk(nodes: OutlineNode[], p: Position): OutlineNode | undefined {
  for (const n of nodes) {
    if (contains(n.selectionRange, p) && n.kind !== 'runin') return n;
    if (contains(n.range, p)) {
      const inner = walk(n.children, p);
      if (inner) return inner;
    }
  }
  return undefined;
}

function sectionsFromText(text: string, profile: Profile) {
  const doc = new ReportDocument(findDirectives(text).text);
  return detectSections(doc, parseOutline(doc), profile);
}

/** The heading under the cursor and the parts it was recognised as (none: null). */
export function headingHover(text: string, analysis: Analysis, p: Position, profile: Profile, locale: Locale): string | null {
  const node = walk(analysis.outline, p);
  if (!node || node.kind === 'title' || node.kind === 'news') return null;
  // the parts the analysis found (engine sectionsOf); an analysis from elsewhere is read again from its text
  const sections = sectionsOf(analysis) ?? sectionsFromText(text, profile);
  const line = node.selectionRange.start.line;
  const types = [...new Set(sections.hits.filter((h) => h.line === line && h.via !== 'paragraph').map((h) => h.type))];
  if (types.length === 0) {
    if (node.depth > 2 || node.kind === 'implicit' || node.kind === 'bracket') return null;
    return t(locale, '本节未识别为年度报告的某一必备部分。', 'This section was not recognised as one of the parts an annual report must have.');
  }
  const labels = types.map((id) => labelOf(profile, id, locale));
  const thematic = sections.hits.some((h) => h.line === line && h.via === 'thematic');
  return (
    t(locale, `本节识别为：${labels.join('、')}`, `Recognised as: ${labels.join(', ')}`) +
    (thematic ? t(locale, '（按专题编排的举措和成效）', ' (achievements arranged by theme)') : '')
  );
}

const FORMS: Record<string, [string, string]> = {
  formal: ['按规定的几部分逐项成节', 'the required parts as sections'],
  thematic: ['举措和成效按专题分节', 'achievements arranged by theme'],
  'news-style': ['新闻稿式，无一、二、三结构', 'news style, no 一、二、三 structure'],
};
const WHERE: Record<string, [string, string]> = {
  title: ['标题', 'title'],
  lead: ['开头', 'opening words'],
  opening: ['开头部分', 'opening'],
  heading: ['标题用语', 'heading'],
  sections: ['只写到', 'stops at'],
};

/** On the title (or the first line of a text without one): what the text was taken for, and why. */
export function kindHover(text: string, analysis: Analysis, p: Position, locale: Locale): string | null {
  const kind = analysis.kind;
  if (!kind) return null;
  const root = analysis.outline[0];
  const hasTitle = !!root && (root.kind === 'title' || (root.kind === 'markdown' && root.marker === '#'));
  const firstLine = text.split(/\r\n|\r|\n/).findIndex((l) => l.trim().length > 0);
  const here = hasTitle ? contains(root.selectionRange, p) : p.line === firstLine;
  if (!here) return null;
  const label = kind.label[locale] ?? kind.label['zh-cn'];
  const form = kind.form ? FORMS[kind.form] : undefined;
  const head = t(locale, `**文本类型**：${label}`, `**Kind of text**: ${label}`) + (form ? t(locale, `（${form[0]}）`, ` (${form[1]})`) : '');
  const cues = kind.cues.slice(0, 4).map((c) => {
    const where = WHERE[c.where] ?? [c.where, c.where];
    return t(locale, `${where[0]}“${c.text}”（第 ${c.line + 1} 行）`, `${where[1]} "${c.text}" (line ${c.line + 1})`);
  });
  const why = cues.length
    ? t(locale, `依据：${cues.join('；')}`, `Because of: ${cues.join('; ')}`)
    : t(locale, '开头没有标题或用语表明是报告。', 'Nothing in its opening says it is a report.');
  const scope = kind.id === 'annual-report'
    ? t(locale, '按年度报告逐项检查必备内容，并核对数据。', 'Checked part by part as an annual report, and its figures checked.')
    : t(locale, '不逐项检查年度报告的必备内容；数据照常核对。', 'Not checked part by part as an annual report; its figures are checked.');
  return [head, why, scope].join('\n\n');
}

/** What a missing-section finding expects: the part, why, and the heading its quick fix inserts. */
export function missingSectionHover(f: Finding, profile: Profile, locale: Locale): string | null {
  if (f.code !== 'missing-section' || !f.data) return null;
  const type = String(f.data.type ?? '');
  const heading = typeof f.data.heading === 'string' ? f.data.heading : '';
  if (type === 'metric') {
    const m = f.data.metric as { seen?: number } | undefined;
    return t(
      locale,
      `**示例报告大多写到的指标**：${profile.reports} 份中 ${m?.seen ?? '?'} 份写了（从示例报告的数字学得，惯例，非硬性要求）。`,
      `**A metric most example reports state**: ${m?.seen ?? '?'} of ${profile.reports} (learned from their figures; a convention, not a requirement).`,
    );
  }
  if (f.data.newsStyle || f.data.kind) {
    return t(locale, '按《法治政府建设与责任落实督察工作规定》，年度报告一般包括五部分内容：主要举措和成效；存在的不足和原因；党政主要负责人履行第一责任人职责的情况；下一年度的主要安排；其他需要报告的情况。', 'An annual report usually has five parts (per the provisions on rule-of-law government inspection): measures and results; shortcomings and causes; how the principal leaders fulfilled their duty; next year\'s plans; other matters.');
  }
  const parts = type === 'shortcomings+causes' ? [labelOf(profile, 'shortcomings', locale), labelOf(profile, 'causes', locale)] : [labelOf(profile, type, locale)];
  const lines = [t(locale, `**缺少的部分**：${parts.join('、')}`, `**Missing part**: ${parts.join(', ')}`)];
  const learned = profile.types.find((x) => x.id === type);
  if (learned?.expected) {
    lines.push(t(locale, `样例报告中 ${profile.reports} 份有 ${learned.seen} 份包含这一部分（惯例，非硬性要求）。`, `${learned.seen} of ${profile.reports} example reports have this part (a convention, not a requirement).`));
  } else {
    lines.push(t(locale, '法治政府建设年度报告的必备内容。', 'A part every annual rule-of-law report must have.'));
  }
  if (heading) lines.push(t(locale, `快速修复会插入标题：${heading}`, `The quick fix inserts the heading: ${heading}`));
  return lines.join('\n\n');
}

export function hoverAt(
  text: string,
  analysis: Analysis,
  p: Position,
  locale: Locale,
  profile: Profile = defaultProfile,
): Hover | null {
  const parts: string[] = [];
  let range: Range | undefined;
  const figure = figureAt(analysis, p);
  if (figure) {
    parts.push(figureMarkdown(figure, locale));
    range = figure.range;
  }
  for (const f of analysis.findings) {
    if (!contains(f.range, p)) continue;
    const h = missingSectionHover(f, profile, locale);
    if (h) parts.push(h);
  }
  if (!figure) {
    const k = kindHover(text, analysis, p, locale);
    if (k) parts.push(k);
    const h = headingHover(text, analysis, p, profile, locale);
    if (h) parts.push(h);
  }
  if (parts.length === 0) return null;
  const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') };
  return range ? { contents, range } : { contents };
}
