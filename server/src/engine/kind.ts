// What a text is: an annual report (formal, thematic, three-part or news-style), the opening of one (a partial
// draft), a news item, a statistics report (行政复议/应诉/执法 statistics, 政府信息公开工作年度报告), a yearbook entry,
// a court report or white paper, a policy reading (解读), or not a report at all; with the cues that decided it, so
// the hover can say why. Reads the opening only (server/data/kinds.json), so it is cheap on any size of input and
// the command line, the editor and the workspace check decide the same way (shouldCheck below).
import kinds from '../../data/kinds.json';
import { INLINE_PINYIN } from './regex';
import { normalizeWidth } from './document';
import type { Outline } from './outline/outline';
import type { Sections } from './sections/detect';
import { titleNode, topLevel } from './sections/year';

export type KindId =
  | 'annual-report'
  | 'partial-draft'
  | 'news'
  | 'statistics'
  | 'yearbook'
  | 'court'
  | 'policy-reading'
  | 'reply'
  | 'not-report';

/** How an annual report presents its parts (domain.md: F4, thematic, three-part, news style). */
export type ReportForm = 'formal' | 'thematic' | 'news-style';

export interface KindCue {
  kind: KindId;
  /** title: a short opening line; lead: the start of an opening paragraph; opening: anywhere in the opening;
   *  heading: a numbered heading that names a part; sections: the parts found (for the partial draft). */
  where: 'title' | 'lead' | 'opening' | 'heading' | 'sections';
  text: string;
  /** 0-based line of the cue. */
  line: number;
  /** For a partial draft that stops mid-sentence: the last characters before the cut. */
  cut?: string;
}

export interface TextCut {
  /** The last characters of the text, where it stops. */
  tail: string;
  line: number;
}

/**
 * Where a text stops in the middle of a sentence: its last line of content is a paragraph (not a heading, page
 * furniture or a short signature or date line) that ends on a character, not on 。/；/！/？/a closing quote or bracket.
 */
export function textCut(lines: readonly { index: number; text: string }[], outline: Outline): TextCut | undefined {
  const headingLines = new Set(outline.nodes.map((n) => n.selectionRange.start.line));
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    const text = line.text.trim();
    if (!text || outline.chromeLines.has(line.index)) continue;
    if (headingLines.has(line.index) || text.length < kinds.partialDraft.cutMinLineChars) return undefined;
    if (!/[\u4e00-\u9fff]$/.test(text)) return undefined;
    // the unfinished sentence's last characters (after its last 。/；, so the quote starts where the sentence does)
    let from = text.length - kinds.partialDraft.cutTailChars;
    // a quotation closed inside the tail is quoted whole (“6·26”国际禁毒日, not 26”国际禁毒日)
    const open = text.lastIndexOf('“');
    if (text.indexOf('”', Math.max(0, from)) > open && open >= 0 && open < from && from - open <= kinds.partialDraft.cutTailChars) from = open;
    const tail = text.slice(Math.max(0, from));
    // (quoted inside the note's own “…”: inner quotation marks become ‘…’)
    let quoted = tail.slice(Math.max(...[...'。；;！？!?'].map((c) => tail.lastIndexOf(c))) + 1).replace(/“/g, '‘').replace(/”/g, '’');
    // a quotation closed in the tail but opened before it: the tail starts after it
    const close = quoted.indexOf('’');
    if (close >= 0 && !quoted.slice(0, close).includes('‘')) quoted = quoted.slice(close + 1).replace(/^[，,、\s]+/, '');
    return { tail: quoted, line: line.index };
  }
  return undefined;
}

export interface DocumentKind {
  id: KindId;
  label: { 'zh-cn': string; en: string };
  /** The cues that decided the kind, first the strongest. */
  cues: KindCue[];
  form?: ReportForm;
}

interface KindSpec {
  id: KindId;
  label: { 'zh-cn': string; en: string };
  title?: string;
  lead?: string;
  opening?: string;
  heading?: string;
  /** annual-report: a text about 法治政府建设 whose opening has one of these words (the old looksLikeReport). */
  loose?: string;
  /** statistics: a count of a domain object; minCounts of them in the opening make a statistics text. */
  counts?: string;
  minCounts?: number;
  /** news: page furniture of a news page (工作动态, 新闻中心), weaker than the court and statistics cues. */
  weak?: string;
}

const SPECS = kinds.kinds as KindSpec[];
const spec = (id: KindId) => SPECS.find((s) => s.id === id)!;
const DOMAIN = new RegExp(kinds.domain);
const re = (source: string | undefined, flags = '') => (source ? new RegExp(source, flags) : null);
const PATTERNS = new Map(
  SPECS.map((s) => [
    s.id,
    { title: re(s.title), lead: re(s.lead), opening: re(s.opening, 'g'), heading: re(s.heading), weak: re(s.weak, 'g'), counts: re(s.counts, 'g'), loose: re(s.loose) },
  ]),
);
const LABELS: Record<KindId, { 'zh-cn': string; en: string }> = {
  ...(Object.fromEntries(SPECS.map((s) => [s.id, s.label])) as Record<KindId, { 'zh-cn': string; en: string }>),
  'partial-draft': { 'zh-cn': '年度报告的部分稿（只写到开头部分）', en: 'partial draft of an annual report (the opening only)' },
  'not-report': { 'zh-cn': '不是报告', en: 'not a report' },
};

/** An annual report or the opening of one: the texts whose parts, their order and their plan year are checked (unknown: yes). */
export function isAnnualReport(kind: DocumentKind | undefined): boolean {
  return !kind || kind.id === 'annual-report' || kind.id === 'partial-draft';
}

export function kindLabel(id: KindId): { 'zh-cn': string; en: string } {
  return LABELS[id];
}

/** Full-width forms to half-width, as the document reads them, and inline pinyin "(jié)" blanked out (positions unchanged). */
function fold(text: string): string {
  return normalizeWidth(text, false).replace(INLINE_PINYIN, (m) => ' '.repeat(m.length));
}

interface Line {
  index: number;
  text: string;
}

function openingLines(text: string): Line[] {
  const opening = fold(text.slice(0, kinds.openingChars));
  // a table row is no opening sentence (an index of reports is a table that names them): read as blank
  return opening.split(/\r\n|\r|\n/).map((t, index) => {
    const text = t.trim();
    const pipes = text.startsWith('|') ? text.split('|').length - 1 : 0;
    return { index, text: pipes >= 3 ? '' : text };
  });
}

function first(lines: Line[], pattern: RegExp | null, kind: KindId, where: KindCue['where']): KindCue | null {
  if (!pattern) return null;
  for (const l of lines) {
    const m = pattern.exec(l.text);
    if (m) return { kind, where, text: m[0], line: l.index };
  }
  return null;
}

function inOpening(lines: Line[], pattern: RegExp | null, kind: KindId): KindCue[] {
  if (!pattern) return [];
  const out: KindCue[] = [];
  for (const l of lines) {
    pattern.lastIndex = 0;
    for (const m of l.text.matchAll(pattern)) {
      if (out.length < 3 && !out.some((c) => c.text === m[0])) out.push({ kind, where: 'opening', text: m[0], line: l.index });
    }
  }
  return out;
}

const decided = (id: KindId, cues: KindCue[]): DocumentKind => ({ id, label: LABELS[id], cues });

/** A line opening with a heading number (一、 (二) 3.). */
const NUMBERED_LINE = /^(?:[一二三四五六七八九十]{1,3}\s*[、.]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*[.、](?!\d))/;

/**
 * The kind of a text from its opening alone. In order: a policy reading (解读) or a yearbook entry (【行政应诉】…)
 * names itself; a title naming 法治政府建设…报告/情况 makes an annual report whatever its page chrome says; a title
 * naming a court or statistics text makes that; then news cues (记者, 本报讯, 来源：…报, a 近日… lead), headings
 * that name a report's parts, court and statistics cues, the opening words of an annual report (现将…情况报告如下),
 * news-page furniture (工作动态, 新闻中心), several counts of 复议/应诉/执法 cases (a statistics text); a text about
 * 法治政府建设 that speaks of 报告/情况/成效 is an annual report; anything else is not a report. News, court and
 * statistics texts must be about the domain (kinds.json "domain").
 */
export function detectKind(text: string): DocumentKind {
  const lines = openingLines(text);
  const nonEmpty = lines.filter((l) => l.text.length > 0);
  const titles = nonEmpty.slice(0, kinds.titleLines).filter((l) => l.text.length <= kinds.titleMaxChars && !/[。;；]$/.test(l.text));
  const leads = nonEmpty.slice(0, 3);
  const opening = lines.map((l) => l.text).join('\n');
  const inDomain = DOMAIN.test(opening);
  const P = (id: KindId) => PATTERNS.get(id)!;

  // (a numbered heading is no 解读's title: "(二)围绕重点工作加强政策解读" inside a 信息公开年报 is one of its parts)
  const policy =
    first(
      titles.filter((l) => !NUMBERED_LINE.test(l.text)),
      P('policy-reading').title,
      'policy-reading',
      'title',
    ) ?? first(leads, P('policy-reading').lead, 'policy-reading', 'lead');
  if (policy) return decided('policy-reading', [policy]);

  const yearbook = first(leads.slice(0, 2), P('yearbook').lead, 'yearbook', 'lead');
  if (yearbook) return decided('yearbook', [yearbook]);

  const annualTitle = first(titles, P('annual-report').title, 'annual-report', 'title');
  if (annualTitle) return decided('annual-report', [annualTitle]);

  // a reply to a deputy's suggestion (关于…第27号建议的答复) may tell of the year's rule-of-law work under numbered
  // headings, but it is no report
  const reply = first(titles, P('reply').title, 'reply', 'title');
  if (reply) return decided('reply', [reply]);

  for (const id of ['court', 'statistics'] as const) {
    const t = first(titles, P(id).title, id, 'title');
    if (t && inDomain) return decided(id, [t, ...inOpening(lines, P(id).opening, id).filter((c) => c.text !== t.text)]);
  }

  if (inDomain) {
    const lead = first(leads, P('news').lead, 'news', 'lead');
    const news = [...(lead ? [lead] : []), ...inOpening(lines, P('news').opening, 'news')];
    if (news.length) return decided('news', news);
  }

  const structure = P('annual-report').heading?.exec(fold(text.slice(0, 4000)));
  if (structure && /法治|依法行政/.test(opening)) {
    const line = fold(text.slice(0, structure.index + structure[0].length)).split(/\r\n|\r|\n/).length - 1;
    return decided('annual-report', [{ kind: 'annual-report', where: 'heading', text: structure[0].trim(), line }]);
  }

  if (inDomain) {
    for (const id of ['court', 'statistics'] as const) {
      const cues = inOpening(lines, P(id).opening, id);
      if (cues.length) return decided(id, cues);
    }
  }

  const annual = inOpening(lines, P('annual-report').opening, 'annual-report');
  if (annual.length) return decided('annual-report', annual);
  const weakNews = inDomain ? inOpening(lines, P('news').weak, 'news') : [];
  if (weakNews.length) return decided('news', weakNews);
  if (inDomain) {
    const counts = inOpening(lines, P('statistics').counts, 'statistics');
    if (counts.length >= (spec('statistics').minCounts ?? 2)) return decided('statistics', counts);
  }
  if (opening.includes('法治政府建设')) {
    const m = (P('annual-report').loose ?? /报告|情况/).exec(opening);
    if (m) {
      const topic = lines.find((l) => l.text.includes('法治政府建设'))!;
      return decided('annual-report', [{ kind: 'annual-report', where: 'opening', text: '法治政府建设', line: topic.index }]);
    }
  }
  return decided('not-report', []);
}

/**
 * The kind with what only the parsed report shows: the form of an annual report, and whether it is only the opening
 * of one (a partial draft: none of the parts after the achievements, at most two numbered top-level sections and
 * short — the text stops inside section 一 or 二; thresholds in kinds.json).
 */
export function refineKind(kind: DocumentKind, outline: Outline, sections: () => Sections, length = 0, cut?: TextCut): DocumentKind {
  if (kind.id !== 'annual-report') return kind;
  if (outline.newsStyle) return { ...kind, form: 'news-style' };
  const s = sections();
  const rule = kinds.partialDraft;
  const later = rule.laterParts.filter((id) => s.first.has(id));
  const numberedTop = topLevel(outline).filter((n) => n.kind !== 'implicit' && n.kind !== 'bracket' && n.kind !== 'title');
  // a text that stops in the middle of a sentence with a required part not yet written is not the whole report,
  // however many parts came before the cut (a copy cut off inside section 三): what is missing may come after it
  const cutShort = !!cut && rule.requiredParts.some((id) => !s.first.has(id));
  if (cutShort || (later.length === 0 && numberedTop.length <= rule.maxTopSections && length < rule.maxChars)) {
    const lastTop = numberedTop[numberedTop.length - 1];
    const last = lastTop ?? titleNode(outline) ?? outline.roots[0];
    // (the title is not where a text "reaches": without a numbered section the note names none)
    const cue: KindCue = { kind: 'partial-draft', where: 'sections', text: lastTop ? lastTop.name : cutShort ? '' : (last?.name ?? ''), line: last ? last.selectionRange.start.line : 0, cut: cutShort ? cut!.tail : undefined };
    return { id: 'partial-draft', label: LABELS['partial-draft'], cues: [cue, ...kind.cues] };
  }
  const thematic = s.hits.some((h) => h.via === 'thematic');
  return { ...kind, form: thematic ? 'thematic' : 'formal' };
}

/** The language the editor gives a file by its name (package.json contributes.languages). */
export function languageOfName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  if (/\.fzbg\.txt$/i.test(name) || /法治政府建设.*\.(txt|md)$/i.test(name)) return 'fazhi-report';
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  return 'plaintext';
}

export const REPORT_LANGUAGE = 'fazhi-report';
// 'text' is what Neovim and Emacs call plain text; VS Code says 'plaintext'.
const SNIFFED_LANGUAGES = new Set(['plaintext', 'text', 'markdown']);

export interface CheckDecision {
  check: boolean;
  /** language: the file is in the report language (by name or by the user's choice); kind: the text was read as
   *  one of the kinds; forced: --all; not-report / detection-off / other-language: skipped. */
  why: 'language' | 'kind' | 'forced' | 'not-report' | 'detection-off' | 'other-language';
  kind?: DocumentKind;
}

/**
 * Should this text be checked as a report? One answer for the command line (a folder's files), the editor (an open
 * document) and the workspace check. A file in the report language always is; a plain-text or Markdown file is when
 * detection is on and its kind is anything but "not a report" (news items, statistics reports … are checked for
 * their figures); `force` checks any file.
 */
export function shouldCheck(input: { text: string; languageId: string; detect?: boolean; force?: boolean }): CheckDecision {
  if (input.force) return { check: true, why: 'forced' };
  if (input.languageId === REPORT_LANGUAGE) return { check: true, why: 'language' };
  if (!SNIFFED_LANGUAGES.has(input.languageId)) return { check: false, why: 'other-language' };
  if (input.detect === false) return { check: false, why: 'detection-off' };
  const kind = detectKind(input.text);
  return kind.id === 'not-report' ? { check: false, why: 'not-report', kind } : { check: true, why: 'kind', kind };
}

