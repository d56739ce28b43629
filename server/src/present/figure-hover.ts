// Hover on a figure: how the number was read — text, value or bounds, unit, object, stage or rate — and the checks
// it took part in, with their outcome and reading. Pure: Analysis + position in, Markdown out (words from the message
// catalogs); the language server's hover (lsp/hovers.ts) shows it.
import { formatMessage, type Analysis, type Figure, type Locale, type Position } from '../engine';
import { figureChecks, figureNumber as num } from './figure-table';

const m = (locale: Locale, id: string, args: Record<string, string | number> = {}) => formatMessage(locale, `hover.figure.${id}`, args);

function inside(f: Figure, p: Position): boolean {
  const { start, end } = f.range;
  return p.line === start.line && p.character >= start.character && p.character <= end.character;
}


/** The figure under the cursor, if any. */
export function figureAt(analysis: Analysis, position: Position): Figure | undefined {
  return (analysis.figures ?? []).find((f) => inside(f, position));
}

/** Markdown describing one figure (its words: hover.figure.* in the message catalogs). */
export function figureMarkdown(f: Figure, locale: Locale = 'zh-cn'): string {
  const unit = f.kind === 'count' ? ` ${f.unit}` : f.kind === 'percent' ? '%' : f.kind === 'points' || f.kind === 'multiple' ? m(locale, `unit.${f.kind}`) : '';
  const value = f.approx || f.lo !== f.hi ? m(locale, 'bounds', { lo: num(f.lo), hi: num(f.hi), unit }) : `${num(f.value)}${unit}`;
  const rows: [string, string][] = [
    [m(locale, 'text'), `\`${f.text}\``],
    [m(locale, 'value'), value],
    [m(locale, 'kind'), m(locale, `kind.${f.kind}`)],
    [m(locale, 'precision'), m(locale, 'decimals', { n: f.decimals })],
  ];
  if (f.kind === 'count') rows.push([m(locale, 'unit'), `${f.unit}`]);
  if (f.object) rows.push([m(locale, 'object'), f.objectInherited ? m(locale, 'objectInherited', { object: f.object }) : f.object]);
  if (f.noun) rows.push([m(locale, 'noun'), f.noun]);
  if (f.stage) rows.push([m(locale, 'stage'), f.stageText && f.stageText !== f.stage ? m(locale, 'stageAs', { stage: f.stage, text: f.stageText }) : f.stage]);
  if (f.rate) rows.push([m(locale, 'rate'), f.rate]);
  if (f.section) rows.push([m(locale, 'section'), f.section]);
  if (f.prior) rows.push([m(locale, 'role'), m(locale, 'role.prior')]);
  if (f.change) rows.push([m(locale, 'role'), m(locale, f.change === 'up' ? 'role.up' : 'role.down')]);
  const out = [`**${m(locale, 'title', { text: f.text })}**`, '', `| | |`, `|---|---|`, ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`), ''];
  if (f.checks.length === 0) {
    out.push(m(locale, 'noChecks'));
  } else {
    out.push(`**${m(locale, 'checks')}**`);
    for (const c of figureChecks(f, locale)) {
      // the check's short name (rule.<code>.name), the arithmetic, and the reading it was verified (or found wrong) under
      const name = formatMessage(locale, `rule.${c.code}.name`, {});
      const detail = c.detail;
      out.push(`- ${c.ok ? '✓' : '✗'} \`${c.code}\` ${m(locale, 'check', { name, detail })}`);
    }
  }
  return out.join('\n');
}
