// Builds small .docx files in memory for the reader tests: the body XML given, numbering and styles optional.
import { strToU8, zipSync } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export const t = (s: string) => `<w:r><w:t xml:space="preserve">${s}</w:t></w:r>`;
export const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
export const numPr = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

export interface LevelSpec {
  fmt: string;
  text: string;
  start?: number;
  suff?: 'tab' | 'space' | 'nothing';
}

export function numberingXml(abstracts: LevelSpec[][], nums: { abstract: number; overrides?: { ilvl: number; start: number }[] }[]): string {
  const abs = abstracts
    .map(
      (levels, a) =>
        `<w:abstractNum w:abstractNumId="${a}">` +
        levels
          .map(
            (l, i) =>
              `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.fmt}"/>` +
              (l.suff ? `<w:suff w:val="${l.suff}"/>` : '') +
              `<w:lvlText w:val="${l.text}"/></w:lvl>`,
          )
          .join('') +
        '</w:abstractNum>',
    )
    .join('');
  const instances = nums
    .map(
      (n, i) =>
        `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${n.abstract}"/>` +
        (n.overrides ?? []).map((o) => `<w:lvlOverride w:ilvl="${o.ilvl}"><w:startOverride w:val="${o.start}"/></w:lvlOverride>`).join('') +
        '</w:num>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${abs}${instances}</w:numbering>`;
}

export function docx(body: string, parts: { numbering?: string; styles?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`),
  };
  if (parts.numbering) files['word/numbering.xml'] = strToU8(parts.numbering);
  if (parts.styles) files['word/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
  return zipSync(files);
}
