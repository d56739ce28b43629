// Does a plain-text or Markdown document look like a 法治政府建设 report? Looks at the opening only, so it is cheap
// on any size of input: the title or first lines mention 法治政府建设 and 报告/情况 — or mention 法治政府建设 and the
// text soon has a numbered part about the rule-of-law work (seed 000 opens "2022年以来,…" and goes straight to
// "一、切实履行第一责任人职责,有力推进法治政府建设").
const OPENING_CHARS = 600;
const STRUCTURE_CHARS = 4000;
const REPORT_HEADING = /(?:^|\n)[ \t\u3000]*[一二三四五六七八九十]{1,2}[、.．][^\n]{0,40}(?:法治|依法|职责|职能|举措|成效|不足)/;

export function looksLikeReport(text: string): boolean {
  const opening = text.slice(0, OPENING_CHARS);
  if (!opening.includes('法治政府建设')) return false;
  return /报告|情况/.test(opening) || REPORT_HEADING.test(text.slice(0, STRUCTURE_CHARS));
}
