// Hover on a figure (issue 3): how the number was read — text, value or bounds, unit, object, stage or rate —
// and the checks it took part in, with their outcome. Pure: Analysis + position in, LSP Hover out (Chinese first,
// English with locale 'en'); the language server registers it.
import type { Hover } from 'vscode-languageserver';
import { describeReading, formatMessage, type Analysis, type Figure, type Locale, type Position } from '../engine';

const KIND: Record<Figure['kind'], [string, string]> = {
  count: ['数量', 'count'],
  percent: ['百分比', 'percentage'],
  points: ['百分点（绝对差）', 'percentage points (absolute difference)'],
  multiple: ['倍数', 'multiple'],
  ratio: ['比值', 'ratio'],
};


const t = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

function inside(f: Figure, p: Position): boolean {
  const { start, end } = f.range;
  return p.line === start.line && p.character >= start.character && p.character <= end.character;
}

function num(x: number): string {
  if (x === Infinity) return '∞';
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(4)));
}

/** The figure under the cursor, if any. */
export function figureAt(analysis: Analysis, position: Position): Figure | undefined {
  return (analysis.figures ?? []).find((f) => inside(f, position));
}

/** Markdown describing one figure. */
export function figureMarkdown(f: Figure, locale: Locale = 'zh-cn'): string {
  const kind = KIND[f.kind];
  const unit = f.kind === 'count' ? ` ${f.unit}` : f.kind === 'percent' ? '%' : f.kind === 'points' ? ' 个百分点' : f.kind === 'multiple' ? ' 倍' : '';
  const value = f.approx || f.lo !== f.hi ? `${num(f.lo)} ～ ${num(f.hi)}${unit}${t(locale, '（约数，按范围核对）', ' (approximate: checked as bounds)')}` : `${num(f.value)}${unit}`;
  const rows: [string, string][] = [
    [t(locale, '原文', 'text'), `\`${f.text}\``],
    [t(locale, '数值', 'value'), value],
    [t(locale, '类型', 'kind'), t(locale, kind[0], kind[1])],
    [t(locale, '精度', 'precision'), t(locale, `小数点后 ${f.decimals} 位`, `${f.decimals} decimal place(s)`)],
  ];
  if (f.kind === 'count') rows.push([t(locale, '单位', 'unit'), `${f.unit}`]);
  if (f.object) rows.push([t(locale, '对象', 'object'), `${f.object}${f.objectInherited ? t(locale, '（承前文）', ' (from earlier in the sentence)') : ''}`]);
  if (f.noun) rows.push([t(locale, '名目', 'noun'), f.noun]);
  if (f.stage) rows.push([t(locale, '环节', 'stage'), f.stageText && f.stageText !== f.stage ? `${f.stage}（${f.stageText}）` : f.stage]);
  if (f.rate) rows.push([t(locale, '比率', 'rate'), f.rate]);
  if (f.section) rows.push([t(locale, '所在部分', 'section'), f.section]);
  if (f.prior) rows.push([t(locale, '角色', 'role'), t(locale, '上期数（对比基数）', 'prior-period value')]);
  if (f.change) rows.push([t(locale, '角色', 'role'), f.change === 'up' ? t(locale, '增长幅度', 'increase') : t(locale, '下降幅度', 'decrease')]);
  const out = [`**${t(locale, '数据', 'Figure')} ${f.text}**`, '', `| | |`, `|---|---|`, ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`), ''];
  if (f.checks.length === 0) {
    out.push(t(locale, '未参与任何核对（没有可与之勾稽的数据）。', 'Took part in no check (nothing to relate it to).'));
  } else {
    out.push(t(locale, '**参与的核对**', '**Checks**'));
    for (const c of f.checks) {
      // the check's short name is in the message catalogs (rule.<code>.name)
      const name = [formatMessage('zh-cn', `rule.${c.code}.name`, {}), formatMessage('en', `rule.${c.code}.name`, {})];
      // the reading it was verified (or found wrong) under, when it assumes anything
      const reading = describeReading(locale, c.assumptions);
      out.push(`- ${c.ok ? '✓' : '✗'} \`${c.code}\` ${t(locale, name[0], name[1])}${t(locale, '：', ': ')}${locale === 'en' ? c.detailEn ?? c.detail : c.detail}${reading}`);
    }
  }
  return out.join('\n');
}

/** LSP Hover for the figure at `position`, or null when there is none. */
export function figureHover(analysis: Analysis, position: Position, locale: Locale = 'zh-cn'): Hover | null {
  const f = figureAt(analysis, position);
  if (!f) return null;
  return { contents: { kind: 'markdown', value: figureMarkdown(f, locale) }, range: f.range };
}
