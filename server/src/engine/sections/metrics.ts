// Which metrics a report states, as the figure engine reads them (figures/extract.ts): for each object (行政复议,
// 行政诉讼 …) the stages it gives as counts (收到, 受理, 审结, 实际出庭 …) and the rates it names (纠错率 …). `learn`
// keeps the metrics most example reports state (learnMetrics); missing-section notes a draft that lacks one.
import { formatMessage } from '../messages';
import type { FigureModel } from '../figures/model';
import { LEARNING, type MetricExpectation } from './profile';

export interface StatedMetrics {
  /** object → stages stated as counts ('' for a count with no stage). */
  stages: Map<string, Set<string>>;
  /** object → rate id (its written name for the miscellaneous 其他比率) → the rate's name as written. */
  rates: Map<string, Map<string, string>>;
}

export function statedMetrics(model: FigureModel): StatedMetrics {
  const stages = new Map<string, Set<string>>();
  const rates = new Map<string, Map<string, string>>();
  for (const f of model.figures) {
    if (!f.object || f.prior) continue;
    if (f.kind === 'count' && !f.change) {
      const set = stages.get(f.object) ?? new Set<string>();
      set.add(f.stage ?? '');
      stages.set(f.object, set);
    } else if (f.kind === 'percent' && f.rateId && f.rate && f.rateId !== '占比') {
      // a named rate; the miscellany (其他比率: 备案率, 满意率 …) by its written name
      const id = f.rateId === '其他比率' ? f.rate : f.rateId;
      const m = rates.get(f.object) ?? new Map<string, string>();
      if (!m.has(id)) m.set(id, f.rate);
      rates.set(f.object, m);
    }
  }
  return { stages, rates };
}

/** Does a report state this metric? */
export function states(m: StatedMetrics, e: MetricExpectation): boolean {
  if (e.rate) return m.rates.get(e.object)?.has(e.rate) ?? false;
  const set = m.stages.get(e.object);
  if (!set) return (m.rates.get(e.object)?.size ?? 0) > 0 && e.stages.length === 0;
  return e.stages.every((s) => set.has(s));
}

/**
 * The metrics at least LEARNING.metricShare of the examples (and at least minMetricReports) state: per object, the
 * largest set of stages that many examples all state (or the object's count alone), and each rate they name.
 * `stageOrder` orders the stages as the vocabulary does (收到 before 受理 before 审结).
 */
export function learnMetrics(examples: StatedMetrics[], stageOrder: string[]): MetricExpectation[] {
  const n = examples.length;
  const enough = (k: number) => k >= LEARNING.minMetricReports && k >= n * LEARNING.metricShare - 1e-9;
  const out: MetricExpectation[] = [];
  const objects = new Set<string>();
  for (const ex of examples) for (const o of [...ex.stages.keys(), ...ex.rates.keys()]) objects.add(o);
  const rank = (s: string) => (stageOrder.indexOf(s) < 0 ? stageOrder.length : stageOrder.indexOf(s));
  for (const object of [...objects].sort()) {
    const withObject = examples.filter((ex) => ex.stages.has(object) || ex.rates.has(object));
    if (!enough(withObject.length)) continue;
    // stages many examples state, then dropped one by one (the rarest first) until enough examples state them all
    const count = new Map<string, number>();
    for (const ex of examples) for (const s of ex.stages.get(object) ?? []) if (s) count.set(s, (count.get(s) ?? 0) + 1);
    let stages = [...count].filter(([, c]) => enough(c)).sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0])).map(([s]) => s);
    const seenAll = (list: string[]) => examples.filter((ex) => list.every((s) => ex.stages.get(object)?.has(s))).length;
    while (stages.length && !enough(seenAll(stages))) stages = stages.slice(0, -1);
    stages.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
    out.push({ object, stages, seen: stages.length ? seenAll(stages) : withObject.length });
    const rateCount = new Map<string, { n: number; names: Map<string, number> }>();
    for (const ex of examples) {
      for (const [id, name] of ex.rates.get(object) ?? []) {
        const r = rateCount.get(id) ?? { n: 0, names: new Map<string, number>() };
        r.n++;
        r.names.set(name, (r.names.get(name) ?? 0) + 1);
        rateCount.set(id, r);
      }
    }
    for (const [id, r] of [...rateCount].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (!enough(r.n)) continue;
      const rateName = [...r.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
      out.push({ object, stages: [], rate: id, rateName, seen: r.n });
    }
  }
  return out;
}

/** "行政复议的收到、受理、审结数" / "行政复议的纠错率" / "行政复议的数量" (and English). */
export function metricText(e: MetricExpectation, locale: 'zh-cn' | 'en'): string {
  if (e.rate) return formatMessage(locale, 'metric.rate', { object: e.object, rate: e.rateName ?? e.rate });
  if (!e.stages.length) return formatMessage(locale, 'metric.count', { object: e.object });
  return formatMessage(locale, 'metric.stages', { object: e.object, stages: e.stages.join(formatMessage(locale, 'metric.stagesSeparator', {})) });
}
