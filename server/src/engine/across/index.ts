// Checks across reports (check `across-reports`): a folder of reports is read as reports of bodies and years.
// Reports of the same body for consecutive years are paired (by title, body and year; or named pairs), then:
//   - a prior-year figure or change this year ("较上年84件", "同比增长14.3%") is checked against last year's report's
//     figure for the same metric, with related information pointing into last year's file;
//   - the same metric of the same body and year stated differently in two reports is reported on both;
//   - plan follow-through (information): items of last year's plan that this year's achievements never mention.
// Same evidence rules as the single-report checks: a finding only when no plausible reading holds (any figure of
// the metric in the other report that agrees is enough), at most a warning (the reading is inferred across files).
import { ReportDocument } from '../document';
import { findDirectives } from '../suppress';
import { parseOutline } from '../outline/parse';
import { detectSections } from '../sections/detect';
import { reportIdentity } from '../summary';
import { defaultProfile, type Profile } from '../sections/profile';
import { formatMessage, normalizeLocale } from '../messages';
import { asWritten, matchOf, num } from '../figures/arith';
import { metricKey, metricName, sameKeyAgree } from '../figures/readings/same';
import { acrossFacts, type AcrossFacts, type AcrossFigure } from './facts';
import { atMost, type AnalyzeOptions, type Analysis, type Finding, type Locale, type Range, type Segmenter, type Severity } from '../types';
import { acrossReports } from '../rules/across-reports';
import { configuredSeverity, variantSeverity } from '../severity';
import data from '../../../data/across.json';

/** The configured severity of the checks across reports, from the rule settings (a level, off, or the default). */
export function acrossSeverity(settings: AnalyzeOptions['rules']): Severity | 'off' {
  return configuredSeverity(acrossReports, settings);
}

export interface AcrossInput {
  /** How the caller names the file (its path); related locations carry it. */
  file: string;
  /** The report's text: read only when the analysis carries no `across` facts (then its figures are used). */
  text?: string;
  analysis: Analysis;
}

export interface ReportIdentity {
  file: string;
  title: string;
  body: string;
  year: number | null;
}

export interface AcrossOptions {
  locale?: Locale;
  segmenter?: Segmenter;
  /**
   * A segmenter for the key terms of plan items, given every text it will be asked to cut (the command line loads
   * only the dictionary entries those texts contain, for the same words); without it, `segmenter`.
   */
  segmenterFor?: (texts: string[]) => Segmenter | undefined;
  profile?: Profile;
  /** Pairs named by the user (this year's file, last year's file), in addition to those found by title. */
  pairs?: { current: string; previous: string }[];
  /** The configured severity of the check (default: the rule's, acrossSeverity); off → nothing. */
  severity?: Severity | 'off';
}

/** Title, body and year of a report (the same reading as the summary page's: engine/summary.ts reportIdentity). */
export function identify(file: string, text: string): ReportIdentity {
  const doc = new ReportDocument(findDirectives(text).text);
  const { title, body, year } = reportIdentity(doc, parseOutline(doc));
  return { file, title, body: body ?? '', year };
}

/**
 * What the checks across reports need of a report given as text and analysis: worked out where it was analysed
 * (analyze() with `across`, in a folder check's thread), else here from the text.
 */
function factsOf(input: AcrossInput, profile: Profile): AcrossFacts {
  if (input.analysis.across) return input.analysis.across;
  const doc = new ReportDocument(findDirectives(input.text ?? '').text);
  const outline = parseOutline(doc);
  return acrossFacts(doc, outline, detectSections(doc, outline, profile), input.analysis.figures ?? [], input.analysis.identity ?? reportIdentity(doc, outline));
}

function reportOf(input: AcrossInput, profile: Profile): Report {
  const facts = factsOf(input, profile);
  return { id: { file: input.file, ...facts.identity }, facts };
}

const UNIT_CHARS = new Set<string>([...data.bodyUnitChars]);
const GOVERNMENT = new RegExp(data.bodyGovernment, 'g');

/**
 * The body as a key: its last administrative unit and any department after it, the government's own name dropped
 * ("天津市静海区人民政府" and "静海区" → 静海区; "浙江省杭州市滨江区司法局" → 滨江区司法局; "某某区司法局" stays).
 */
export function bodyKey(body: string): string {
  const b = body.replace(GOVERNMENT, '');
  const units: number[] = [];
  for (let i = 0; i < b.length; i++) if (UNIT_CHARS.has(b[i])) units.push(i);
  if (units.length < 2) return b;
  // the last unit, and the boundary before it (杭州市: 州 right before 市 is part of the name, not a boundary)
  let k = units.length - 1;
  while (k > 0 && units[k - 1] === units[k] - 1) k--;
  return k > 0 ? b.slice(units[k - 1] + 1) : b;
}

interface Report {
  /** Its file (as the caller names it), title, body and year. */
  id: ReportIdentity;
  facts: AcrossFacts;
  /** The report's own counts of its year (checkSameYear), found once however many reports it pairs with. */
  ofTheYear?: AcrossFigure[];
  /** Its figures of the year by metric (sameMetricIn), made when first compared. */
  metrics?: MetricIndex;
}

interface Out {
  findings: Map<string, Finding[]>;
  locale: Locale;
  severity: Severity;
}

function push(out: Out, file: string, f: Omit<Finding, 'code'>): void {
  const list = out.findings.get(file) ?? [];
  list.push({ code: acrossReports.code, ...f });
  out.findings.set(file, list);
}


function related(out: Out, file: string, f: AcrossFigure, role: string) {
  return { range: f.range, file, message: formatMessage(out.locale, 'figures.related', { role: formatMessage(out.locale, `figures.role.${role}`, { stage: '' }), text: f.text }) };
}

/** A figure's metricKey, worked out once however many reports it is compared with. */
const KEYS = new WeakMap<AcrossFigure, string>();
function keyOf(f: AcrossFigure): string {
  let k = KEYS.get(f);
  if (k === undefined) KEYS.set(f, (k = metricKey(f)));
  return k;
}

/** Its metricName, likewise (worked out only for figures that meet one of their key). */
const NAMES = new WeakMap<AcrossFigure, string>();
function nameOf(f: AcrossFigure): string {
  let n = NAMES.get(f);
  if (n === undefined) NAMES.set(f, (n = metricName(f.label)));
  return n;
}

/**
 * A report's counts another report's may be compared with — of its own year, not approximate, neither a prior nor a
 * change — by metricKey, in text order.
 */
type MetricIndex = Map<string, AcrossFigure[]>;

function metricIndex(r: Report): MetricIndex {
  if (r.metrics) return r.metrics;
  const index: MetricIndex = new Map();
  for (const g of r.facts.figures) {
    if (g.kind !== 'count' || g.prior || g.change || g.approx || g.otherYear) continue;
    const key = keyOf(g);
    const list = index.get(key);
    if (list) list.push(g);
    else index.set(key, [g]);
  }
  return (r.metrics = index);
}

/**
 * The counts of the other report (as metricIndex keeps them) that are this count's metric: the same metric notion as
 * within one report (metricsAgree, looked up by its exact part first), in text order.
 */
function sameMetricIn(other: Report, f: AcrossFigure): AcrossFigure[] {
  const list = metricIndex(other).get(keyOf(f));
  if (!list) return [];
  const name = nameOf(f);
  const out: AcrossFigure[] = [];
  for (const g of list) if (sameKeyAgree(g, nameOf(g), f, name)) out.push(g);
  return out;
}

/** How far back (in figures of its sentence) a change looks for its current count. */
const CHANGE_REACH = 24;

/** A prior-year figure or a change this year, against last year's report. */
function checkPriorYear(out: Out, cur: Report, prev: Report): void {
  const figs = cur.facts.figures;
  for (let i = 0; i < figs.length; i++) {
    const c = figs[i];
    if (!c.change || c.kind !== 'percent') continue;
    // the current value: the nearest count before the change in its sentence; the prior, if written, between them
    let x: AcrossFigure | undefined;
    let y: AcrossFigure | undefined;
    for (let k = i - 1; k >= 0 && c.id - figs[k].id <= CHANGE_REACH && figs[k].sentence === c.sentence; k--) {
      const f = figs[k];
      if (f.prior && !y) y = f;
      else if (!f.prior && !f.change && f.kind === 'count') {
        x = f;
        break;
      }
    }
    if (!x || x.approx || x.otherYear) continue;
    // last year's figures of last year (not ones it recalls from the year before)
    const candidates = sameMetricIn(prev, x);
    if (candidates.length === 0) continue;
    // a stated prior value: does last year's report say the same?
    if (y && !y.approx) {
      if (candidates.some((g) => Math.abs(g.value - y!.value) < 1e-9)) continue;
      const g = candidates[0];
      push(out, cur.id.file, {
        severity: atMost(out.severity, 'warning'),
        message: formatMessage(out.locale, 'across-reports.prior', { prior: y.text, lastYear: g.text, file: prev.id.file, line: g.line + 1 }),
        range: y.range,
        related: [related(out, cur.id.file, y, 'prior'), related(out, prev.id.file, g, 'statedBefore')],
        data: { prior: y.value, lastYear: g.value, previousFile: prev.id.file },
      });
      continue;
    }
    // no prior written: recompute the change from last year's figure
    const up = c.change === 'up';
    const holds = candidates.some((g) => {
      if (g.value <= 0) return false;
      const v = ((up ? x!.value - g.value : g.value - x!.value) / g.value) * 100;
      const m = matchOf(v, c);
      return m !== null && m !== 'lastDigit';
    });
    if (holds) continue;
    const g = candidates[0];
    if (g.value <= 0) continue;
    const v = ((up ? x.value - g.value : g.value - x.value) / g.value) * 100;
    push(out, cur.id.file, {
      severity: atMost(out.severity, 'warning'),
      message: formatMessage(out.locale, 'across-reports.change', {
        current: x.text,
        lastYear: g.text,
        file: prev.id.file,
        line: g.line + 1,
        computed: `${asWritten(v, c.decimals)}%`,
        written: c.text,
      }),
      range: c.range,
      related: [related(out, cur.id.file, x, 'current'), related(out, prev.id.file, g, 'prior'), related(out, cur.id.file, c, 'change')],
      data: { current: x.value, lastYear: g.value, computed: v, previousFile: prev.id.file },
    });
  }
}

/** A count the report states of its own year, with what it counts and at which stage (checkSameYear compares these). */
function ofTheYear(f: AcrossFigure): boolean {
  return f.kind === 'count' && !f.prior && !f.change && !f.approx && !!f.object && !!f.stage && !f.otherYear;
}

/** The same metric of the same body and year, stated differently in two reports: reported on both. */
function checkSameYear(out: Out, a: Report, b: Report): void {
  for (const f of (a.ofTheYear ??= a.facts.figures.filter(ofTheYear))) {
    const same = sameMetricIn(b, f).filter(ofTheYear);
    if (same.length === 0 || same.some((g) => Math.abs(g.value - f.value) < 1e-9)) continue;
    const g = same[0];
    for (const [here, there, hf, tf] of [
      [a, b, f, g],
      [b, a, g, f],
    ] as const) {
      push(out, here.id.file, {
        severity: atMost(out.severity, 'warning'),
        message: formatMessage(out.locale, 'across-reports.sameYear', { here: hf.text, there: tf.text, file: there.id.file, line: tf.line + 1 }),
        range: hf.range,
        related: [related(out, here.id.file, hf, 'statedHere'), related(out, there.id.file, tf, 'statedBefore')],
        data: { values: [hf.value, tf.value], otherFile: there.id.file },
      });
    }
  }
}

const STOP = new Set<string>(data.planStopWords);

/** The key terms of a plan item: its words minus the common ones (two characters at least). */
function keyTerms(text: string, segmenter?: Segmenter): string[] {
  const words = segmenter ? segmenter(text) : text.match(/[\u4e00-\u9fff]{2}/g) ?? [];
  return [...new Set(words.filter((w) => w.length >= 2 && /[\u4e00-\u9fff]/.test(w) && !STOP.has(w)))];
}

/** Last year's plan items that this year's report never mentions (information). */
function checkPlan(out: Out, cur: Report, prev: Report, segmenter: Segmenter | undefined): void {
  // this year's text outside its own plan section
  const body = cur.facts.body;
  for (const item of prev.facts.plan) {
    const name = item.name;
    const terms = keyTerms(name, segmenter);
    if (terms.length < 2) continue;
    const found = terms.filter((t) => body.includes(t));
    if (found.length / terms.length >= data.planMentionShare) continue;
    push(out, cur.id.file, {
      severity: variantSeverity(acrossReports, out.severity, 'plan'),
      message: formatMessage(out.locale, 'across-reports.plan', { item: name.slice(0, 40), year: prev.id.year ?? '', file: prev.id.file, line: item.range.start.line + 1, terms: terms.slice(0, 6).join('、') }),
      range: cur.facts.anchor,
      related: [{ range: item.range, file: prev.id.file, message: formatMessage(out.locale, 'across-reports.planItem', { item: name.slice(0, 40) }) }],
      data: { previousFile: prev.id.file, item: name, terms, mentioned: found },
    });
  }
}

/**
 * Pairs of reports found one report at a time: this year's and last year's of the same body (consecutive: [this
 * year's, last year's]), the pairs the user named (once both files have come), and reports of the same body and year
 * (sameYear: [earlier, later]). Reports are grouped by body key, so a folder of 500 reports is not compared pair by pair.
 */
class Pairing {
  private readonly ids: ReportIdentity[] = [];
  private readonly byFile = new Map<string, number>();
  private readonly byBody = new Map<string, number[]>();
  private readonly found = new Set<string>();

  constructor(private readonly named: AcrossOptions['pairs'] = []) {}

  /** Adds a report (its index is the number added before it); returns the pairs it completes. */
  add(id: ReportIdentity): { consecutive: [number, number][]; sameYear: [number, number][] } {
    const i = this.ids.length;
    this.ids.push(id);
    if (!this.byFile.has(id.file)) this.byFile.set(id.file, i);
    const consecutive: [number, number][] = [];
    const sameYear: [number, number][] = [];
    const pair = (c: number, q: number) => {
      if (c === q || this.found.has(`${c}>${q}`)) return;
      this.found.add(`${c}>${q}`);
      consecutive.push([c, q]);
    };
    for (const p of this.named ?? []) {
      if (p.current !== id.file && p.previous !== id.file) continue;
      const c = this.byFile.get(p.current);
      const q = this.byFile.get(p.previous);
      if (c !== undefined && q !== undefined) pair(c, q);
    }
    const key = bodyKey(id.body);
    if (key && id.year !== null) {
      const list = this.byBody.get(key) ?? [];
      for (const j of list) {
        const y = this.ids[j].year!;
        if (id.year === y + 1) pair(i, j);
        else if (y === id.year + 1) pair(j, i);
        else if (y === id.year) sameYear.push([j, i]);
      }
      list.push(i);
      this.byBody.set(key, list);
    }
    return { consecutive, sameYear };
  }
}

/** Pairs of reports: this year's and last year's of the same body, and the reports of the same body and year. */
export function pairReports(ids: ReportIdentity[], named: AcrossOptions['pairs'] = []): { consecutive: [number, number][]; sameYear: [number, number][] } {
  const pairing = new Pairing(named);
  const consecutive: [number, number][] = [];
  const sameYear: [number, number][] = [];
  for (const id of ids) {
    const found = pairing.add(id);
    consecutive.push(...found.consecutive);
    sameYear.push(...found.sameYear);
  }
  return { consecutive, sameYear };
}

/**
 * The checks across reports, fed one report at a time (in file order): each report's figures are compared with those
 * of the reports before it as soon as it comes, so a folder check does this work while its threads are still analysing
 * the later reports; plan follow-through waits for `findings()`, which cuts every plan item with one segmenter.
 * Reports are paired by body and year (and the named pairs); `findings()` gives them by file, each file's in order.
 */
export class AcrossCheck {
  private readonly reports: Report[] = [];
  private readonly pairing: Pairing;
  private readonly out: Out | null;
  /** Consecutive years whose plan follow-through is checked once every report is in (with one segmenter for all). */
  private readonly planPairs: [number, number][] = [];

  constructor(private readonly options: AcrossOptions = {}) {
    const severity = options.severity ?? acrossReports.defaultSeverity;
    this.out = severity === 'off' ? null : { findings: new Map(), locale: normalizeLocale(options.locale), severity };
    this.pairing = new Pairing(options.pairs);
  }

  add(input: AcrossInput): void {
    if (!this.out) return;
    const r = reportOf(input, this.options.profile ?? defaultProfile);
    this.reports.push(r);
    const { consecutive, sameYear } = this.pairing.add(r.id);
    for (const [c, p] of consecutive) {
      checkPriorYear(this.out, this.reports[c], this.reports[p]);
      this.planPairs.push([c, p]);
    }
    for (const [a, b] of sameYear) checkSameYear(this.out, this.reports[a], this.reports[b]);
  }

  /** The findings by file, each file's by place (then message: the same whatever order the pairs came in). */
  findings(): Map<string, Finding[]> {
    if (!this.out) return new Map();
    if (this.planPairs.length) {
      const texts = [...new Set(this.planPairs.flatMap(([, p]) => this.reports[p].facts.plan.map((item) => item.name)))];
      const segmenter = this.options.segmenterFor?.(texts) ?? this.options.segmenter;
      for (const [c, p] of this.planPairs.splice(0)) checkPlan(this.out, this.reports[c], this.reports[p], segmenter);
    }
    for (const list of this.out.findings.values()) {
      list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
    }
    return this.out.findings;
  }
}

/** Findings across reports, by file (AcrossCheck with every report at once). */
export function checkAcross(inputs: AcrossInput[], options: AcrossOptions = {}): Map<string, Finding[]> {
  const across = new AcrossCheck(options);
  for (const input of inputs) across.add(input);
  return across.findings();
}

export { metricName, num };
