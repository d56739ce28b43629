// A blank annual report with the five items the regulation asks for (the report's year and the plans' year filled
// in). Plain text uses official numbering only; Markdown gets ## / ### headings too. Pure: no vscode import (unit-tested).

export type Translate = (message: string, ...args: (string | number)[]) => string;

/** The year a new report is usually about: the previous calendar year. */
export function defaultReportYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

/** null when the input is a plausible report year, else the reason (for the input box). */
export function validateYear(value: string, t: Translate): string | null {
  const v = value.trim();
  if (!/^\d{4}$/.test(v)) return t('Enter a four-digit year, e.g. {0}', defaultReportYear());
  const y = Number(v);
  if (y < 2000 || y > 2100) return t('Enter a year between 2000 and 2100');
  return null;
}

export function skeleton(year: number, markdown = false): string {
  const next = year + 1;
  // The title stays a plain line in Markdown too: under a `# title` the engine takes the `##` parts for
  // sub-headings of the title and reports them missing (noted for the sections check).
  const h1 = '';
  const h2 = markdown ? '## ' : '';
  const h3 = markdown ? '### ' : '';
  return [
    `${h1}××市（县、区）人民政府关于${year}年法治政府建设情况的报告`,
    '',
    `${year}年，……（总体情况：在党委领导下，围绕……推进法治政府建设。）现将有关情况报告如下：`,
    '',
    `${h2}一、${year}年推进法治政府建设的主要举措和成效`,
    `${h3}（一）……`,
    '……（举措、数据和成效，写明数量、比率所依据的数据。）',
    '',
    `${h2}二、推进法治政府建设存在的不足和原因`,
    `${h3}（一）存在的不足`,
    '……',
    `${h3}（二）原因分析`,
    '……',
    '',
    `${h2}三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况`,
    '……',
    '',
    `${h2}四、${next}年推进法治政府建设的主要安排`,
    '……',
    '',
    `${h2}五、其他需要报告的情况`,
    '……',
    '',
  ].join('\n');
}
