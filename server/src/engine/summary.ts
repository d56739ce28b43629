// What a reviewer's summary page shows of one report besides its findings: its title, the body that
// wrote it, the year it is about, and how each required part is present (as a heading, as a paragraph, or missing),
// from the section detection (sections/detect.ts). The kind of document comes from the kinds work; it is optional.
import type { ReportDocument } from './document';
import type { Sections } from './sections/detect';
import type { Profile } from './sections/profile';
import type { Locale } from './types';
import { findReportYear, titleNode, type ReportYear } from './sections/year';
import type { Outline } from './outline/outline';

export type PartPresence = 'heading' | 'paragraph' | 'missing';

export interface ReportPart {
  id: string;
  label: string;
  presence: PartPresence;
  /** 0-based line of the heading or the paragraph cue (absent when missing). */
  line?: number;
}

export interface ReportSummary {
  title: string;
  /** The body (机关) the title names before 关于 / the year, e.g. "某某市司法局"; null when the title names none. */
  body: string | null;
  year: number | null;
  /** The required parts of the profile, in the profile's order. */
  parts: ReportPart[];
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年度?/;

// A body's name ends as the names of governments, departments and places do.
const BODY_END = /(?:省|自治区|市|区|县|旗|盟|州|镇|乡|街道|局|厅|委|委员会|办|办公室|政府|院|中心|署|所|队)$/;
const GENERIC = /^(?:我|全|本|各|该|市委|县委|区委|省委)/;

function cleanBody(raw: string): string | null {
  const body = raw.replace(/^【[^】]*】/, '').replace(/[_＿\-—:：，,、\s]+$/, '').trim();
  if (body.length < 2 || body.length > 30 || /[《》“”"。；;（）()]/.test(body) || GENERIC.test(body)) return null;
  return BODY_END.test(body) ? body : null;
}

/** The body a title names: the text before 关于 or before the year ("某某市司法局关于2023年度…", "某某区人民政府2024年…"). */
export function bodyFromTitle(title: string): string | null {
  const t = title.replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim();
  const cut = /关于|(?:19|20)\d{2}\s*年/.exec(t);
  if (!cut || cut.index === 0) return null;
  return cleanBody(t.slice(0, cut.index));
}

/** The body an opening sentence names: "2023年，咸安区坚持…", "2024年，在区委的正确领导下，某某区司法局深入…". */
export function bodyFromOpening(line: string): string | null {
  const m = /^\s*(?:19|20)\d{2}\s*年度?(?:以来)?\s*[，,]?\s*(?:在[^，,。]{2,40}?下\s*[，,]\s*)?([\u4e00-\u9fa5]{2,24}?(?:自治区|自治县|省|市|区|县|旗|州|镇|乡|街道|司法局|局|委员会|办公室))(?=坚持|认真|深入|全面|紧紧|围绕|法治|以|在|持续|扎实|着力|始终|聚焦)/.exec(line);
  return m ? cleanBody(m[1]) : null;
}

/** A line that reads as a title: short, not a sentence. */
function titleLike(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 60 && !/[。；;]$/.test(t) && !/^[（(]?[一二三四五六七八九十\d]+[、.．)）]/.test(t);
}

/**
 * A report's title, the body that writes it and the year it is about — one reading for the summary page and the
 * checks across reports (engine/across). The year: the report's own (sections/year.ts), else the title's.
 */
export function reportIdentity(
  doc: ReportDocument,
  outline: Outline,
  reportYear: ReportYear | null = findReportYear(doc, outline),
): { title: string; body: string | null; year: number | null } {
  const node = titleNode(outline);
  let title = '';
  if (node) {
    const { start, end } = node.selectionRange;
    title = doc.lines
      .slice(start.line, end.line + 1)
      .map((l) => l.text.trim())
      .join('');
  } else {
    const first = doc.lines.find((l) => l.text.trim() && !outline.chromeLines.has(l.index))?.text.trim() ?? '';
    title = titleLike(first) ? first : '';
  }
  title = title.replace(/^#+\s*/, '');
  let body = bodyFromTitle(title);
  if (!body) {
    // no body in the title: the opening sentence often names it ("2023年，咸安区坚持…")
    const opening = doc.lines.find((l) => l.text.trim() && !outline.chromeLines.has(l.index) && (!node || l.index > node.selectionRange.end.line) && l.text.trim() !== title);
    if (opening) body = bodyFromOpening(opening.text) ?? bodyFromOpening(title);
  }
  const titleYear = YEAR_IN_TITLE.exec(title);
  const year = reportYear?.year ?? (titleYear ? Number(titleYear[1]) : null);
  return { title, body, year };
}

export function summarizeReport(doc: ReportDocument, outline: Outline, sections: Sections, profile: Profile, locale: Locale): ReportSummary {
  const { title, body, year } = reportIdentity(doc, outline, sections.reportYear);
  const parts: ReportPart[] = profile.types
    .filter((t) => t.required)
    .map((t) => {
      const hit = sections.first.get(t.id);
      const label = t.label[locale] ?? t.label['zh-cn'];
      if (!hit) return { id: t.id, label, presence: 'missing' as const };
      return { id: t.id, label, presence: hit.via === 'paragraph' ? ('paragraph' as const) : ('heading' as const), line: hit.line };
    });
  return { title, body, year, parts };
}
