// conflicting-figure: the same metric (same words, object, stage or rate, unit and period) stated twice in one
// document with different values.
//
// The metric's key: kind, unit family, object, stage, rate, the period words of its sentence (2022年, 前三季度 …)
// and its label. With the segmenter the label is compared as words without fillers (共, 全年, 累计 …), so
// "2022年全区共收到行政复议申请" and "2022年收到行政复议申请" are one metric; without it, the label must be the
// same string. Identical labels segment identically, so every conflict found without the segmenter is also found
// with it (coarser, never wrong); a figure is reported against any earlier figure of its key whose value differs.
import type { Rule } from '../rule';
import { recordCheck, type Figure, type FigureModel } from '../figures/model';
import { relatedFigure } from '../figures/related';
import { conflictFillers } from '../figures/vocab';

const CODE = 'conflicting-figure';
const PERIOD = /\d{4}年|前[一二三四]季度|[一二三四]季度|上半年|下半年|\d{1,2}[-—至]\d{1,2}月|今年以来|年初至今|近[一二三四五]年|截至/g;
/** Distinct values kept per key (a metric restated a hundred times is still linear). */
const MAX_PER_KEY = 8;

function keyOf(model: FigureModel, f: Figure, lineText: string, segmented: boolean): string | null {
  if (f.prior || f.change || f.approx) return null;
  if (!(f.stage || f.rate) || !(f.object || f.rate)) return null;
  let label: string;
  if (segmented) {
    if (!f.labelTokens) return null;
    label = f.labelTokens.filter((t) => !conflictFillers.has(t) && t.trim() !== '').join('');
  } else label = f.label;
  if (!label) return null;
  const periods = periodsBefore(model, f, lineText);
  return [f.kind, f.family, f.object ?? '', f.stage ?? '', f.rateId ?? '', label, periods].join('|');
}

/** Period words of the figure's sentence before it; each sentence is scanned once (linear on long sentences). */
const periodCache = new WeakMap<FigureModel, Map<number, { at: number; text: string }[]>>();
function periodsBefore(model: FigureModel, f: Figure, lineText: string): string {
  let bySentence = periodCache.get(model);
  if (!bySentence) periodCache.set(model, (bySentence = new Map()));
  let list = bySentence.get(f.sentence);
  if (!list) {
    const sent = model.sentences[f.sentence];
    list = [];
    PERIOD.lastIndex = 0;
    const text = lineText.slice(sent.start, sent.end);
    let m: RegExpExecArray | null;
    while ((m = PERIOD.exec(text)) !== null) list.push({ at: sent.start + m.index, text: m[0] });
    bySentence.set(f.sentence, list);
  }
  const out: string[] = [];
  for (const p of list) {
    if (p.at >= f.range.start.character) break;
    out.push(p.text);
  }
  return out.slice(-4).join(',');
}

export const conflictingFigure: Rule = {
  code: CODE,
  tags: ['figures'],
  check(ctx) {
    const model = ctx.figures;
    if (!model) return;
    const seen = new Map<string, Figure[]>();
    for (const f of model.figures) {
      const key = keyOf(model, f, ctx.doc.lines[f.line].norm, model.segmented);
      if (!key) continue;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, [f]);
        continue;
      }
      const other = earlier.find((e) => e.sentence !== f.sentence && (f.lo > e.hi + 1e-9 || e.lo > f.hi + 1e-9));
      if (other) {
        ctx.report({
          messageId: 'conflicting-figure.conflict',
          args: { what: f.label.trim() || f.text, here: f.text, there: other.text, line: other.line + 1 },
          range: f.range,
          related: [relatedFigure(other, '前文所写'), relatedFigure(f, '此处所写')],
          data: { values: [other.value, f.value] },
        });
        recordCheck(other, CODE, false, `第 ${f.line + 1} 行同一指标写作 ${f.text}`);
        recordCheck(f, CODE, false, `第 ${other.line + 1} 行同一指标写作 ${other.text}`);
      } else {
        const same = earlier.find((e) => e.sentence !== f.sentence);
        if (same) {
          recordCheck(same, CODE, true, `第 ${f.line + 1} 行再次出现，数值一致`);
          recordCheck(f, CODE, true, `与第 ${same.line + 1} 行数值一致`);
        }
      }
      if (earlier.length < MAX_PER_KEY && !earlier.some((e) => e.value === f.value)) earlier.push(f);
    }
  },
};
