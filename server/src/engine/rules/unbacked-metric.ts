// unbacked-metric: a claim a reviewer answers with "based on what?": a rate or percentage that no counts in the
// report let anyone recompute (参考率、合格率均达到100% — 2135 took part, but how many passed?), an increase or
// reduction with no base (压减62.5%), a ranking with nothing measurable beside it (排名全市前列). A gentle note:
// real reports contain many. A figure that a figure check verified (or found wrong) is that check's business.
import type { Rule, RuleContext } from '../rule';

const RANKING = /排名(?:全[国省市区县州盟]|全省|全市)?(?:前列|靠前|前茅|领先)|走在(?:全[国省市区县]|全省|全市)?(?:前列|前面)|位居(?:全[国省市区县])?前列|名列(?:前茅|前列)|(?:全[国省市])领先|领跑全[国省市]/g;

export const unbackedMetric: Rule = {
  code: 'unbacked-metric',
  tags: ['figures', 'sections'],
  check(ctx: RuleContext) {
    const model = ctx.figures;
    if (!model) return;
    for (const f of model.figures) {
      if (ctx.outline.chromeLines.has(f.line)) continue;
      if (f.kind !== 'percent' && f.kind !== 'multiple') continue;
      if (f.prior || f.checks.length) continue;
      const what = f.change ? 'change' : f.rate ? 'rate' : 'percent';
      ctx.report({
        messageId: `unbacked-metric.${what}`,
        args: { text: f.text, rate: f.rate ?? '' },
        range: f.range,
        data: { figure: f.id },
      });
    }
    // rankings with no figure in their sentence
    const bySentence = new Map<number, { start: number; end: number; figures: number }[]>();
    for (const s of model.sentences) {
      const list = bySentence.get(s.line) ?? [];
      list.push({ start: s.start, end: s.end, figures: s.figures.length });
      bySentence.set(s.line, list);
    }
    for (const line of ctx.doc.lines) {
      if (ctx.outline.chromeLines.has(line.index)) continue;
      RANKING.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = RANKING.exec(line.norm)) !== null) {
        const at = m.index;
        const sentence = bySentence.get(line.index)?.find((s) => s.start <= at && at < s.end);
        if (sentence && sentence.figures > 0) continue;
        ctx.report({
          messageId: 'unbacked-metric.ranking',
          args: { text: m[0] },
          range: { start: { line: line.index, character: at }, end: { line: line.index, character: at + m[0].length } },
        });
      }
    }
  },
};
