// Learning a profile from example reports (`fazhi-report learn <folder>`): which parts they have and how (heading,
// sub-heading, unheaded paragraph), in what order, with what vocabulary and figure density; which top-level
// sections recur in most of them without being one of the regulation's five items (these become *expected*
// parts); and the metric vocabulary (objects, stages, units) and stage orders their figures use.
// Pure and deterministic: the same reports and the same segmenter give the same profile, byte for byte.
import { ReportDocument } from '../document';
import { extractFigures } from '../figures/extract';
import type { FigureModel } from '../figures/model';
import { parseOutline } from '../outline/parse';
import type { Outline } from '../outline/outline';
import type { OutlineNode, Segmenter } from '../types';
import { detectSections, headingText, type Sections } from './detect';
import { LEARNING, SKELETON, type LearnedType, type Profile } from './profile';
import { learnMetrics, statedMetrics } from './metrics';
import { detectKind, refineKind, textCut } from '../kind';
import figureVocabulary from '../../../data/figures.json';

export interface LearnInput {
  name: string;
  text: string;
}

interface Example {
  name: string;
  doc: ReportDocument;
  outline: Outline;
  sections: Sections;
  figures: FigureModel;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const STOP = new Set(LEARNING.stopTerms);

export function emptyProfile(): Profile {
  return {
    version: 1,
    source: [],
    reports: 0,
    skipped: [],
    types: [],
    order: [],
    metrics: { objects: {}, stages: {}, units: {}, stageOrders: [] },
  };
}

/** Content terms of a text: segmented words of two or more Chinese characters, minus the stop terms. */
export function termsOf(text: string, segment: Segmenter): string[] {
  return segment(text).filter(
    (w) => w.length >= LEARNING.minTermChars && /^[\u4e00-\u9fff]+$/.test(w) && !STOP.has(w),
  );
}

function sortedRecord(m: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

export function learnProfile(inputs: LearnInput[], segment: Segmenter): Profile {
  const base = emptyProfile();
  const examples: Example[] = [];
  const skipped: Profile['skipped'] = [];
  for (const input of [...inputs].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const doc = new ReportDocument(input.text);
    const outline = parseOutline(doc);
    if (outline.newsStyle) {
      skipped.push({ name: input.name, reason: 'news-style text, not in the annual-report form' });
      continue;
    }
    const sections = detectSections(doc, outline, base);
    const kind = refineKind(detectKind(input.text), outline, () => sections, input.text.length, textCut(doc.lines, outline));
    if (kind.id !== 'annual-report') {
      skipped.push({ name: input.name, reason: `${kind.label.en}, not a complete annual report` });
      continue;
    }
    examples.push({ name: input.name, doc, outline, sections, figures: extractFigures(doc, segment) });
  }
  const n = examples.length;

  // 1. the regulation's parts, as the examples present them
  const tf = new Map<string, Map<string, number>>();
  const types: LearnedType[] = [];
  for (const t of SKELETON) {
    const counts = new Map<string, number>();
    tf.set(t.id, counts);
    let seen = 0;
    const via = { heading: 0, subheading: 0, paragraph: 0, thematic: 0 };
    let figures = 0;
    let chars = 0;
    for (const ex of examples) {
      const hits = ex.sections.hits.filter((h) => h.type === t.id);
      if (!hits.length) continue;
      seen++;
      for (const v of Object.keys(via) as (keyof typeof via)[]) if (hits.some((h) => h.via === v)) via[v]++;
      const lines = new Set<number>();
      for (const h of hits) {
        const from = h.node && h.via !== 'subheading' ? h.node.range.start.line : h.line;
        const to = h.node && h.via !== 'subheading' ? h.node.range.end.line : h.line;
        for (let l = from; l <= to; l++) lines.add(l);
        const text = h.node ? headingText(h.node) : ex.doc.lines[h.line].norm.trim().slice(0, 100);
        const weight = h.node ? 3 : 1;
        for (const w of termsOf(text, segment)) counts.set(w, (counts.get(w) ?? 0) + weight);
      }
      for (const l of lines) chars += ex.doc.lines[l].text.length;
      figures += ex.figures.figures.filter((f) => lines.has(f.line)).length;
    }
    types.push({
      id: t.id,
      required: t.required,
      expected: false,
      label: t.label,
      heading: t.heading,
      seen,
      asHeading: via.heading,
      asSubheading: via.subheading,
      asParagraph: via.paragraph,
      asThematic: via.thematic,
      meanPosition: 0,
      figureDensity: chars ? round((figures / chars) * 1000) : 0,
      terms: [],
    });
  }

  // 2. recurring top-level sections that are none of the five: expected parts
  interface Head {
    report: number;
    text: string;
    terms: string[];
    /** A sub-heading (（一）…) rather than a top-level section. */
    sub: boolean;
  }
  const heads: Head[] = [];
  examples.forEach((ex, r) => {
    // top-level sections wherever they sit (before or after the plan), and the sub-headings of each
    const candidates = ex.sections.top.flatMap((top) => [top, ...top.children.filter((c) => c.kind !== 'runin')]);
    for (const node of candidates) {
      if (node.kind === 'implicit' || node.kind === 'bracket') continue;
      // a heading that names one of the five parts is not a candidate, except a second "achievements" heading:
      // 工作情况 and the like also head recurring parts of their own (二、法治督察整改工作情况)
      const named = ex.sections.hits.filter((h) => h.node === node && h.via === 'heading');
      const firstAchievements = ex.sections.hits.find((h) => h.type === 'achievements' && h.via === 'heading')?.node === node;
      if (named.some((h) => h.type !== 'achievements') || (named.length && firstAchievements)) continue;
      const text = headingText(node).replace(/(?:19|20)\d{2}\s*年度?/g, '');
      heads.push({ report: r, text, terms: [...new Set(termsOf(text, segment))].sort(), sub: !ex.sections.top.includes(node) });
    }
  });
  const df = new Map<string, number>();
  const inReports = new Map<string, Set<number>>();
  for (const h of heads) {
    for (const w of h.terms) {
      df.set(w, (df.get(w) ?? 0) + 1);
      inReports.set(w, (inReports.get(w) ?? new Set<number>()).add(h.report));
    }
  }
  // a generic heading word (法治, 依法 in thematic headings) is in many headings and in more than one per report;
  // a word that names one recurring part (督察 in 法治督察整改情况) is in one heading of each report
  const generic = new Set(
    [...df]
      .filter(([w, c]) => heads.length >= 4 && c / heads.length > LEARNING.genericHeadingShare && c > inReports.get(w)!.size)
      .map(([w]) => w),
  );
  for (const h of heads) h.terms = h.terms.filter((w) => !generic.has(w));
  const parent = heads.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < heads.length; i++) {
    for (let j = i + 1; j < heads.length; j++) {
      if (heads[i].report === heads[j].report) continue;
      const a = new Set(heads[i].terms);
      const shared = heads[j].terms.filter((w) => a.has(w)).length;
      const union = a.size + heads[j].terms.length - shared;
      if (shared >= 2 && union && shared / union >= LEARNING.clusterSimilarity) parent[find(j)] = find(i);
    }
  }
  const clusters = new Map<number, Head[]>();
  heads.forEach((h, i) => {
    const root = find(i);
    clusters.set(root, [...(clusters.get(root) ?? []), h]);
  });
  const expectedHeads = new Map<string, Head[]>();
  for (const members of clusters.values()) {
    const reports = new Set(members.map((m) => m.report));
    if (reports.size < LEARNING.minExpectedReports || reports.size <= n * LEARNING.expectedShare) continue;
    const termCount = new Map<string, number>();
    for (const m of members) for (const w of m.terms) termCount.set(w, (termCount.get(w) ?? 0) + 1);
    const matchTerms = [...termCount]
      .filter(([, c]) => c * 2 >= members.length)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 4)
      .map(([w]) => w);
    const heading = [...members.map((m) => m.text)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
    const id = 'expected:' + heading;
    expectedHeads.set(id, members);
    const counts = new Map<string, number>();
    for (const m of members) for (const w of m.terms) counts.set(w, (counts.get(w) ?? 0) + 3);
    tf.set(id, counts);
    types.push({
      id,
      required: false,
      expected: true,
      label: { 'zh-cn': heading, en: heading },
      heading,
      seen: reports.size,
      asHeading: new Set(members.filter((m) => !m.sub).map((m) => m.report)).size,
      asSubheading: new Set(members.filter((m) => m.sub).map((m) => m.report)).size,
      asParagraph: 0,
      asThematic: 0,
      meanPosition: 0,
      figureDensity: 0,
      terms: [],
      matchTerms,
    });
  }

  // vocabulary weights: term frequency in the part × how specific the term is to it among the parts
  const T = types.length;
  for (const t of types) {
    const counts = tf.get(t.id)!;
    const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
    const weighted: [string, number][] = [...counts].map(([w, c]) => {
      const inTypes = types.filter((u) => tf.get(u.id)!.has(w)).length;
      return [w, round((c / total) * Math.log((T + 1) / inTypes))];
    });
    t.terms = weighted
      .filter(([, x]) => x > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, LEARNING.termsPerType);
  }

  // 3. order: first line of each part per example (expected parts by their heading line)
  const firstLine = (ex: Example, r: number, id: string): number | undefined => {
    if (id.startsWith('expected:')) {
      const m = expectedHeads.get(id)?.find((h) => h.report === r);
      if (!m) return undefined;
      const node = ex.sections.top
        .flatMap((top) => [top, ...top.children])
        .find((x) => headingText(x).replace(/(?:19|20)\d{2}\s*年度?/g, '') === m.text);
      return node?.selectionRange.start.line;
    }
    return ex.sections.first.get(id)?.line;
  };
  const positions = new Map<string, number[]>();
  const order: [string, string][] = [];
  const lineTable = examples.map((ex, r) => new Map(types.map((t) => [t.id, firstLine(ex, r, t.id)] as const)));
  for (const table of lineTable) {
    const present = [...table].filter(([, l]) => l !== undefined).sort((a, b) => a[1]! - b[1]!);
    present.forEach(([id], k) => positions.set(id, [...(positions.get(id) ?? []), present.length > 1 ? k / (present.length - 1) : 0]));
  }
  for (const t of types) {
    const p = positions.get(t.id) ?? [];
    t.meanPosition = p.length ? round(p.reduce((a, b) => a + b, 0) / p.length) : 0;
  }
  for (const a of types) {
    for (const b of types) {
      if (a === b) continue;
      let both = 0;
      let before = 0;
      for (const table of lineTable) {
        const la = table.get(a.id);
        const lb = table.get(b.id);
        if (la === undefined || lb === undefined) continue;
        both++;
        if (la < lb) before++;
      }
      if (both >= 2 && before === both) order.push([a.id, b.id]);
    }
  }

  // 4. metric vocabulary and the stage orders the examples' figures follow
  const objects = new Map<string, number>();
  const stages = new Map<string, number>();
  const units = new Map<string, number>();
  const stageOrders = new Map<string, { object: string; stages: string[]; reports: Set<number> }>();
  examples.forEach((ex, r) => {
    const byParagraph = new Map<string, string[]>();
    for (const f of ex.figures.figures) {
      if (f.object) objects.set(f.object, (objects.get(f.object) ?? 0) + 1);
      if (f.stage) stages.set(f.stage, (stages.get(f.stage) ?? 0) + 1);
      if (f.unit) units.set(f.unit, (units.get(f.unit) ?? 0) + 1);
      if (f.object && f.stage && f.kind === 'count' && !f.prior) {
        const key = `${f.line}\u0000${f.object}`;
        const list = byParagraph.get(key) ?? [];
        if (list[list.length - 1] !== f.stage && !list.includes(f.stage)) list.push(f.stage);
        byParagraph.set(key, list);
      }
    }
    for (const [key, list] of byParagraph) {
      if (list.length < 2) continue;
      const object = key.split('\u0000')[1];
      const id = object + ':' + list.join('>');
      const entry = stageOrders.get(id) ?? { object, stages: list, reports: new Set<number>() };
      entry.reports.add(r);
      stageOrders.set(id, entry);
    }
  });

  return {
    version: 1,
    source: examples.map((e) => e.name),
    reports: n,
    skipped,
    types,
    order: order.sort((x, y) => (x.join() < y.join() ? -1 : 1)),
    metrics: {
      objects: sortedRecord(objects),
      stages: sortedRecord(stages),
      units: sortedRecord(units),
      stageOrders: [...stageOrders.values()]
        .map((s) => ({ object: s.object, stages: s.stages, seen: s.reports.size }))
        .sort((a, b) => b.seen - a.seen || (a.object + a.stages.join() < b.object + b.stages.join() ? -1 : 1)),
      // 5. the metrics most examples state (missing-section notes a draft that lacks one)
      expected: learnMetrics(
        examples.map((ex) => statedMetrics(ex.figures)),
        Object.keys(figureVocabulary.stages).filter((k) => !k.startsWith('$')),
      ),
    },
  };
}

/** The profile as committed: stable key order, two-space indentation, final newline. */
export function serializeProfile(p: Profile): string {
  return JSON.stringify(p, null, 2) + '\n';
}

export type { OutlineNode };
