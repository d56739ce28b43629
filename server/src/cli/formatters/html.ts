// --format html: the reviewer's summary page (../../summary/page.ts), one self-contained document written at the
// end; use it with -o, e.g. `fazhi-report check 报告/ --format html -o 审核汇总.html`.
import { fileUri } from '../files';
import { ruleInfos } from '../rule-info';
import { renderSummaryPage } from '../../summary/page';
import { summaryLine } from './text';
import type { Formatter } from './formatter';

export const html: Formatter = {
  human: false,
  needsText: true,
  file: () => '',
  end: (results, counts, ctx) =>
    renderSummaryPage(
      [
        ...results.map((r) => ({ path: r.path, uri: fileUri(r.absolute), diagnostics: r.diagnostics, text: r.text, summary: r.summary, kind: r.kind })),
        ...(ctx.unreadable ?? []).map((u) => ({ path: u.path, uri: fileUri(u.absolute), diagnostics: [], error: ctx.locale === 'en' ? u.reason.en : u.reason.zh })),
      ],
      {
        locale: ctx.locale,
        checkTitles: Object.fromEntries(ruleInfos(ctx.locale).map((i) => [i.code, i.title])),
        countsLine: summaryLine(counts, ctx.locale),
      },
    ),
};
