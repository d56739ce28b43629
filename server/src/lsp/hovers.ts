// Hovers (words: hover.* in the message catalogs): on a figure (present/figure-hover.ts: what it was read as and which checks it passed or failed), on a heading (which
// part of the report it was recognised as) and on a missing-section finding (what part is expected and what the
// fix inserts).
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { findDirectives, formatMessage, parseOutline, ReportDocument, sectionsOf } from '../engine';
import type { MessageArgs } from '../engine/messages';
import type { Analysis, Finding, Locale, OutlineNode, Position, Profile, Range } from '../engine';
import { defaultProfile } from '../engine';
import { detectSections } from '../engine/sections/detect';
import { figureAt, figureMarkdown } from '../present/figure-hover';

const m = (locale: Locale, id: string, args: MessageArgs = {}) => formatMessage(locale, `hover.${id}`, args);
const sep = (locale: Locale) => formatMessage(locale, 'list.shortSeparator', {});

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
    return m(locale, 'heading.none');
  }
  const labels = types.map((id) => labelOf(profile, id, locale));
  const thematic = sections.hits.some((h) => h.line === line && h.via === 'thematic');
  return m(locale, 'heading.parts', { parts: labels.join(sep(locale)) }) + (thematic ? m(locale, 'heading.thematic') : '');
}

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
  const head = m(locale, 'kind.title', { label }) + (kind.form ? m(locale, 'kind.form', { form: { id: `hover.kind.form.${kind.form}` } }) : '');
  const cues = kind.cues.slice(0, 4).map((c) => m(locale, 'kind.cue', { where: { id: `hover.kind.where.${c.where}` }, text: c.text, line: c.line + 1 }));
  const why = cues.length ? m(locale, 'kind.because', { cues: cues.join(m(locale, 'kind.cueSeparator')) }) : m(locale, 'kind.noCues');
  const scope = m(locale, kind.id === 'annual-report' ? 'kind.annual' : 'kind.other');
  return [head, why, scope].join('\n\n');
}

/** What a missing-section finding expects: the part, why, and the heading its quick fix inserts. */
export function missingSectionHover(f: Finding, profile: Profile, locale: Locale): string | null {
  if (f.code !== 'missing-section' || !f.data) return null;
  const type = String(f.data.type ?? '');
  const heading = typeof f.data.heading === 'string' ? f.data.heading : '';
  if (type === 'metric') {
    const metric = f.data.metric as { seen?: number } | undefined;
    return m(locale, 'missing.metric', { reports: profile.reports, seen: metric?.seen ?? '?' });
  }
  if (f.data.newsStyle || f.data.kind) {
    return m(locale, 'missing.fiveParts');
  }
  const parts = type === 'shortcomings+causes' ? [labelOf(profile, 'shortcomings', locale), labelOf(profile, 'causes', locale)] : [labelOf(profile, type, locale)];
  const lines = [m(locale, 'missing.parts', { parts: parts.join(sep(locale)) })];
  const learned = profile.types.find((x) => x.id === type);
  if (learned?.expected) {
    lines.push(m(locale, 'missing.learned', { reports: profile.reports, seen: learned.seen }));
  } else {
    lines.push(m(locale, 'missing.required'));
  }
  if (heading) lines.push(m(locale, 'missing.fix', { heading }));
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
