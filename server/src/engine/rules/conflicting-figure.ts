// conflicting-figure: the same metric (same words, object, stage or rate, unit and period) stated twice in one
// document with different values.
//
// The metric's key: kind, unit family, object, stage, rate, the period words of its sentence (2022年, 前三季度 …)
// and its label. The label as written is always a key; with the segmenter the label as words without fillers
// (共, 全年, 累计 …) is a second one, so "2022年全区共收到行政复议申请" and "2022年收到行政复议申请" are one
// metric. A conflict under either key is reported, so every conflict found without the segmenter is also found
// with it (coarser, never wrong); a figure is reported against any earlier figure of its key whose value differs.
import type { Rule } from '../rule';
import { recordCheck, type Figure, type FigureModel } from '../figures/model';
import { relatedFigure } from '../figures/related';
import { conflictFillers } from '../figures/vocab';

const CODE = 'conflicting-figure';
const PERIOD = /\d{4}年|前[一二三四]季度|[一二三四]季度|上半年|下半年|\d{1,2}[-—至]\d{1,2}月|今年以来|年初至今|近[一二三四五]年|截至/g;
/** Distinct values kept per key (a metric restated a hundred times is still linear). */
const MAX_PER_KEY = 8;

/**
 * The metric's keys: always the exact label; with the segmenter also the label as words without fillers. A
 * conflict under either key is reported, so the findings with the segmenter include those without it.
 */
function keysOf(model: FigureModel, f: Figure, lineText: string): string[] {
  if (f.prior || f.change || f.approx) return [];
  if (!(f.stage || f.rate) || !(f.object || f.rate)) return [];
  const periods = periodsBefore(model, f, lineText);
  const key = (label: string) => [f.kind, f.family, f.object ?? '', f.stage ?? '', f.rateId ?? '', label, periods].join('|');
  // an object carried over from earlier in the sentence brings that figure's label along: "受理280件" after
  // "市本级收到行政复议申请300件" is not the same metric as "受理450件" after "区县收到行政复议申请500件"
  const head = f.objectInherited ? headLabel(model, f) : '';
  const keys: string[] = [];
  if (f.label) keys.push('=' + key(head + '…' + f.label));
  if (model.segmented && f.labelTokens) {
    const words = f.labelTokens.filter((t) => !conflictFillers.has(t) && t.trim() !== '').join('');
    if (words) keys.push('~' + key(head + '…' + words));
  }
  return keys;
}

/** The label of the figure the object was carried over from (the nearest earlier one naming it). */
function headLabel(model: FigureModel, f: Figure): string {
  const ids = model.sentences[f.sentence].figures;
  for (let i = f.id - ids[0] - 1; i >= 0 && f.id - ids[0] - i <= 24; i--) {
    const g = model.figures[ids[i]];
    if (g.object === f.object && !g.objectInherited) return g.label;
  }
  return '';
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
      const keys = keysOf(model, f, ctx.doc.lines[f.line].norm);
      if (keys.length === 0) continue;
      let other: Figure | undefined;
      let same: Figure | undefined;
      for (const key of keys) {
        const earlier = seen.get(key) ?? [];
        other ??= earlier.find((e) => e.sentence !== f.sentence && (f.lo > e.hi + 1e-9 || e.lo > f.hi + 1e-9));
        same ??= earlier.find((e) => e.sentence !== f.sentence && e.value === f.value);
        if (earlier.length < MAX_PER_KEY && !earlier.some((e) => e.value === f.value)) earlier.push(f);
        seen.set(key, earlier);
      }
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
      } else if (same) {
        recordCheck(same, CODE, true, `第 ${f.line + 1} 行再次出现，数值一致`);
        recordCheck(f, CODE, true, `与第 ${same.line + 1} 行数值一致`);
      }
    }
  },
};
