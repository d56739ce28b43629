// conflicting-figure: the same metric (same words, object, stage or rate, unit and period) stated twice in one
// document with different values. The metric's key is built from the segmented label, so this check needs the
// segmenter: before nodejieba is loaded it reports nothing (coarser, never wrong).
import type { Rule } from '../rule';
import { recordCheck, type Figure, type FigureModel } from '../figures/model';
import { relatedFigure } from '../figures/related';
import { conflictFillers } from '../figures/vocab';

const CODE = 'conflicting-figure';
const PERIOD = /\d{4}年|前[一二三四]季度|[一二三四]季度|上半年|下半年|\d{1,2}[-—至]\d{1,2}月|今年以来|年初至今|近[一二三四五]年|截至/g;

function keyOf(model: FigureModel, f: Figure, lineText: string): string | null {
  if (!f.labelTokens || f.prior || f.change || f.approx) return null;
  if (!(f.stage || f.rate) || !(f.object || f.rate)) return null;
  const words = f.labelTokens.filter((t) => !conflictFillers.has(t) && t.trim() !== '');
  if (words.length === 0) return null;
  const sent = model.sentences[f.sentence];
  const before = lineText.slice(sent.start, f.range.start.character);
  const periods = before.match(PERIOD) ?? [];
  return [f.kind, f.family, f.object ?? '', f.stage ?? '', f.rateId ?? '', words.join(''), periods.join(',')].join('|');
}

export const conflictingFigure: Rule = {
  code: CODE,
  tags: ['figures'],
  check(ctx) {
    const model = ctx.figures;
    if (!model || !model.segmented) return;
    const seen = new Map<string, Figure>();
    for (const f of model.figures) {
      const key = keyOf(model, f, ctx.doc.lines[f.line].norm);
      if (!key) continue;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, f);
        continue;
      }
      if (first.sentence === f.sentence) continue;
      if (f.lo > first.hi + 1e-9 || first.lo > f.hi + 1e-9) {
        ctx.report({
          messageId: 'conflicting-figure.conflict',
          args: { what: f.label.trim() || f.text, here: f.text, there: first.text, line: first.line + 1 },
          range: f.range,
          related: [relatedFigure(first, '前文所写'), relatedFigure(f, '此处所写')],
          data: { values: [first.value, f.value] },
        });
        recordCheck(first, CODE, false, `第 ${f.line + 1} 行同一指标写作 ${f.text}`);
        recordCheck(f, CODE, false, `第 ${first.line + 1} 行同一指标写作 ${first.text}`);
      } else {
        recordCheck(first, CODE, true, `第 ${f.line + 1} 行再次出现，数值一致`);
        recordCheck(f, CODE, true, `与第 ${first.line + 1} 行数值一致`);
      }
    }
  },
};
