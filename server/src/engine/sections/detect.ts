// Which of the report's required (and learned, expected) parts a document has, and where.
// A part is present as a heading (any level, not a run-in 一是), as an unheaded paragraph ("一年来…但仍存在一些
//问题…"), or, for the achievements, as thematic top-level sections (seed 000: 二、创新社会管理…). The cues are in
// server/data/sections.json; the expected parts and their vocabulary come from the profile.
import type { ReportDocument } from '../document';
import type { Outline } from '../outline/outline';
import type { OutlineNode, Range } from '../types';
import { LEARNING, SKELETON, type LearnedType, type Profile, type SkeletonType } from './profile';
import { findReportYear, titleNode, topLevel, type ReportYear } from './year';

export type SectionVia = 'heading' | 'subheading' | 'paragraph' | 'thematic';

export interface SectionHit {
  type: string;
  via: SectionVia;
  line: number;
  /** The heading (selection range) or the cue in the paragraph. */
  range: Range;
  /** The heading node, for parts present as headings (and the implicit section of an unheaded plan). */
  node?: OutlineNode;
  /** The top-level section the hit lies in (undefined before the first heading). */
  top?: OutlineNode;
}

export interface Sections {
  hits: SectionHit[];
  /** First hit of each part, in document order. */
  first: Map<string, SectionHit>;
  /** A mention of a part that does not make it a section (第一责任人 in a run-in or a paragraph). */
  mentions: Map<string, Range>;
  reportYear: ReportYear | null;
  newsStyle: boolean;
  top: OutlineNode[];
}

const compiled = new Map<string, RegExp>();
function re(source: string): RegExp {
  let r = compiled.get(source);
  if (!r) {
    r = new RegExp(source);
    compiled.set(source, r);
  }
  return r;
}

const MARKER = /^(#{1,6}\s*|[一二三四五六七八九十百零〇两]{1,4}\s*[、.]|\(\s*[一二三四五六七八九十百零〇两\d]{1,4}\s*\)|\d{1,3}\s*[.、])\s*/;

export function headingText(node: OutlineNode): string {
  return node.name.replace(/[（）．：]/g, (c) => ({ '（': '(', '）': ')', '．': '.', '：': ':' })[c] ?? c).replace(MARKER, '');
}

function yearsIn(text: string): number[] {
  return [...text.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
}

/** Does a heading's text name this part? */
function headingMatches(t: SkeletonType, text: string, reportYear: number | null, isLastTop: boolean): boolean {
  if (re(t.headingCue).test(text)) {
    if (t.yearMustBeNext && reportYear !== null) {
      const years = yearsIn(text);
      if (years.length && !years.some((y) => y > reportYear) && !/下一|明年|今后/.test(text)) {
        // "四、2023年度…主要安排" in a 2023 report is still the plan part (plan-year says the year is wrong)
        return re('安排|打算|计划|思路').test(text);
      }
    }
    return true;
  }
  if (t.headingCueWeak && re(t.headingCueWeak).test(text)) {
    const years = yearsIn(text);
    if (reportYear !== null && years.some((y) => y > reportYear)) return true;
    return isLastTop && years.length > 0;
  }
  return false;
}

/**
 * `opensSection`: the paragraph introduces numbered items of its own (an implicit section, seed 002's
 * "2023年,我区将…" before （一）…（五）): there a plan naming the report year itself is still the plan — with the
 * wrong year, which plan-year reports.
 */
function paragraphMatches(t: SkeletonType, text: string, reportYear: number | null, opensSection = false): RegExpExecArray | null {
  if (!t.paragraphCue) return null;
  const within = t.paragraphCueWithin ?? text.length;
  const m = re(t.paragraphCue).exec(text.slice(0, within));
  if (!m) return null;
  if (t.yearMustBeNext) {
    const years = yearsIn(m[0]);
    if (years.length && reportYear !== null && (opensSection ? years[0] < reportYear : years[0] <= reportYear)) return null;
    if (years.length && reportYear === null) return null;
  }
  return m;
}

function expectedMatches(t: LearnedType, text: string): boolean {
  const terms = t.matchTerms ?? [];
  if (!terms.length) return false;
  const need = Math.max(Math.min(2, terms.length), Math.ceil(terms.length * LEARNING.expectedMatchShare));
  let have = 0;
  for (const term of terms) if (text.includes(term)) have++;
  return have >= need;
}

export function detectSections(doc: ReportDocument, outline: Outline, profile: Profile): Sections {
  const reportYear = findReportYear(doc, outline);
  const year = reportYear?.year ?? null;
  const top = topLevel(outline);
  const hits: SectionHit[] = [];
  const mentions = new Map<string, Range>();
  const expected = profile.types.filter((t) => t.expected);

  const topSet = new Set(top);
  const title = titleNode(outline);
  // top-level section of each line
  const topOf: (OutlineNode | undefined)[] = new Array(doc.lineCount).fill(undefined);
  for (const n of top) for (let l = n.range.start.line; l <= n.range.end.line; l++) topOf[l] = n;

  // 1. headings
  const headingLines = new Set<number>();
  // a top-level section after the plan is not one more theme of the achievements (法治督察整改情况 after 四、…安排)
  let afterPlan = false;
  const visit = (list: OutlineNode[], depth: number) => {
    for (const node of list) {
      if (node.kind === 'runin') continue;
      headingLines.add(node.selectionRange.start.line);
      if (node.kind !== 'title' && node.kind !== 'news' && node !== title) {
        const text = headingText(node);
        const isTop = topSet.has(node);
        const isLastTop = isTop && top[top.length - 1] === node;
        const via: SectionVia = isTop ? 'heading' : 'subheading';
        let matched = false;
        for (const t of SKELETON) {
          const implicitPara = node.kind === 'implicit' && paragraphMatches(t, text, year, true);
          if (implicitPara || (node.kind !== 'implicit' && headingMatches(t, text, year, isLastTop))) {
            // only the top level names whole parts; a sub-heading names the 第一责任人 part (seed 002 一（三）)
            if (!isTop && t.id !== 'responsibility' && t.id !== 'other') continue;
            hits.push({ type: t.id, via, line: node.selectionRange.start.line, range: node.selectionRange, node, top: topOf[node.selectionRange.start.line] });
            matched = true;
          }
        }
        for (const t of expected) {
          if (expectedMatches(t, text)) {
            hits.push({ type: t.id, via, line: node.selectionRange.start.line, range: node.selectionRange, node, top: topOf[node.selectionRange.start.line] });
          }
        }
        if (isTop && matched && hits[hits.length - 1]?.type === 'plan') afterPlan = true;
        if (isTop && !matched && !afterPlan && node.kind !== 'implicit' && node.kind !== 'bracket') {
          const achievements = SKELETON.find((t) => t.thematic);
          if (achievements) {
            hits.push({ type: achievements.id, via: 'thematic', line: node.selectionRange.start.line, range: node.selectionRange, node, top: node });
          }
        }
      }
      visit(node.children, depth + 1);
    }
  };
  visit(outline.roots, 0);

  // 2. unheaded paragraphs (and mentions in run-ins and paragraphs)
  for (const line of doc.lines) {
    if (outline.chromeLines.has(line.index)) continue;
    const lead = line.norm.length - line.norm.trimStart().length;
    const text = line.norm.slice(lead);
    if (text.length < 8) continue;
    // a heading line is no paragraph, but the text run in after it may mention a part ("（一）压实领导责任。主要领导
    // 切实履行推进法治建设第一责任人职责…")
    const heading = headingLines.has(line.index);
    for (const t of SKELETON) {
      const m = heading ? null : paragraphMatches(t, text, year);
      if (m) {
        hits.push({
          type: t.id,
          via: 'paragraph',
          line: line.index,
          range: { start: { line: line.index, character: lead + m.index }, end: { line: line.index, character: lead + m.index + m[0].length } },
          top: topOf[line.index],
        });
      }
      if (t.mentionCue && !mentions.has(t.id)) {
        const i = text.indexOf(t.mentionCue);
        if (i >= 0) mentions.set(t.id, { start: { line: line.index, character: lead + i }, end: { line: line.index, character: lead + i + t.mentionCue.length } });
      }
    }
    if (heading) continue;
    for (const t of expected) {
      if (expectedMatches(t, text.slice(0, 60))) {
        hits.push({ type: t.id, via: 'paragraph', line: line.index, range: { start: { line: line.index, character: lead }, end: { line: line.index, character: Math.min(line.text.length, lead + 20) } }, top: topOf[line.index] });
      }
    }
  }

  hits.sort((a, b) => a.line - b.line || a.range.start.character - b.range.start.character);
  const first = new Map<string, SectionHit>();
  for (const h of hits) if (!first.has(h.type)) first.set(h.type, h);
  return { hits, first, mentions, reportYear, newsStyle: outline.newsStyle, top };
}
