// Does a plain-text or Markdown document look like a 法治政府建设 report? Looks at the opening only
// (title or first lines mention 法治政府建设 and 报告/情况), so it is cheap on any size of input.
const OPENING_CHARS = 600;

export function looksLikeReport(text: string): boolean {
  const opening = text.slice(0, OPENING_CHARS);
  return /法治政府建设/.test(opening) && /报告|情况/.test(opening);
}
