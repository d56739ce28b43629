// plan-year: the plan must name the year after the report year (a 2023 report plans 2024), and the achievements
// must not speak of that next year as past ("2024年,我区共办理…" in a 2023 report).
import type { Rule, RuleContext } from '../rule';
import type { Range } from '../types';
import { isAnnualReport } from '../kind';

const YEAR = /((?:19|20)\d{2})\s*年/g;
const PAST_START = /(?:^|[。；;!！?？])\s*((?:19|20)\d{2})\s*年度?(?:以来|全年|上半年|下半年|共|累计|,|，)/g;

export const planYear: Rule = {
  code: 'plan-year',
  tags: ['sections'],
  defaultSeverity: 'warning',
  check(ctx: RuleContext) {
    // only an annual report (or its draft) has a next year's plan; in a work summary, a news item or a statistics
    // report a heading like "2021年度重点工作任务完成情况" is no plan
    if (!isAnnualReport(ctx.kind)) return;
    const s = ctx.sections();
    const ry = s.reportYear;
    if (!ry || s.newsStyle) return;
    const next = ry.year + 1;
    const related = [{ range: ry.range, messageId: 'plan-year.related.report', args: { year: ry.year } }];
    const seen = new Set<string>();
    const flag = (line: number, index: number, length: number, y: number, messageId: string) => {
      const key = `${line}:${index}`;
      if (seen.has(key)) return;
      seen.add(key);
      const range: Range = { start: { line, character: index }, end: { line, character: index + length } };
      ctx.report({ messageId, args: { year: y, report: ry.year, next }, range, related, data: { expectedYear: next, found: y } });
    };
    // 1. the plan: the years its heading names, and the year its opening sentence starts with
    const plausible = (y: number) => y !== next && y >= ry.year - 1 && y <= next + 1;
    const yearAtStart = (l: number) => {
      const text = ctx.doc.lines[l].norm;
      const lead = text.length - text.trimStart().length;
      const m = /^((?:19|20)\d{2})\s*年/.exec(text.slice(lead));
      if (m && plausible(Number(m[1]))) flag(l, lead, m[0].length, Number(m[1]), 'plan-year.plan');
    };
    for (const hit of s.hits.filter((h) => h.type === 'plan')) {
      if (hit.via === 'paragraph' || hit.node?.kind === 'implicit') {
        yearAtStart(hit.line);
        continue;
      }
      const text = ctx.doc.lines[hit.line].norm.slice(0, hit.range.end.character);
      YEAR.lastIndex = hit.range.start.character;
      let m: RegExpExecArray | null;
      while ((m = YEAR.exec(text)) !== null) if (plausible(Number(m[1]))) flag(hit.line, m.index, m[0].length, Number(m[1]), 'plan-year.plan');
      const node = hit.node;
      if (node) {
        for (let l = hit.line + 1; l <= node.range.end.line; l++) {
          if (!ctx.doc.lines[l].norm.trim()) continue;
          yearAtStart(l);
          break;
        }
      }
    }
    // 2. the achievements speaking of the plan year as past
    const achievements = s.hits.filter((h) => h.type === 'achievements' && h.node);
    for (const hit of achievements) {
      const node = hit.node!;
      if (s.hits.some((h) => h.type === 'plan' && h.top === node)) continue;
      for (let l = node.range.start.line; l <= node.range.end.line; l++) {
        const text = ctx.doc.lines[l].norm;
        PAST_START.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = PAST_START.exec(text)) !== null) {
          if (Number(m[1]) !== next) continue;
          const at = m.index + m[0].indexOf(m[1]);
          flag(l, at, m[1].length + 1, next, 'plan-year.past');
        }
      }
    }
  },
};
