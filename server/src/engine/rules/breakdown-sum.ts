// breakdown-sum: the parts of a 其中 / 分别 / "…中" list exceed their total (error), or fall short of it when the
// list presents itself as complete: an 其他 bucket, a zero-count part, or shares adding up to 100% (warning).
// Parts nested inside another part (委托调解 1034 件, 司法确认 791 件) are not summed. A list that is merely
// shorter than its total is normal (lists are rarely exhaustive) and is not reported.
import type { Rule, RuleContext } from '../rule';
import { num } from '../figures/arith';
import { recordCheck } from '../figures/model';
import { relatedFigure, roleOf } from '../figures/related';

const CODE = 'breakdown-sum';

export const breakdownSum: Rule = {
  code: CODE,
  tags: ['figures'],
  check(ctx) {
    const model = ctx.figures;
    if (!model) return;
    sharesOverHundred(ctx);
    for (const b of model.breakdowns) {
      const total = model.figures[b.total];
      const all = b.parts.map((id) => model.figures[id]);
      const parts = all.filter((f) => !b.nested.includes(f.id));
      const lo = parts.reduce((a, f) => a + f.lo, 0);
      const hi = parts.reduce((a, f) => a + f.hi, 0);
      const exact = parts.every((f) => !f.approx) && !total.approx;
      const sum = parts.reduce((a, f) => a + f.value, 0);
      const expr = parts.map((f) => num(f.value)).join(' + ');
      const unit = total.unit;
      const mark = (ok: boolean, detail: string) => {
        recordCheck(total, CODE, ok, detail);
        for (const f of all) recordCheck(f, CODE, ok, detail);
      };
      const related = [relatedFigure(total, '总数'), ...all.map((f) => relatedFigure(f, b.nested.includes(f.id) ? '分项（内含于前项，不计入）' : roleOf(f)))];
      if (b.trigger !== 'implicit' && lo > total.hi + 1e-9) {
        ctx.report({
          messageId: 'breakdown-sum.exceeds',
          args: { expr, sum: num(sum), total: num(total.value), unit, approx: exact ? '' : '至少' },
          range: total.range,
          related,
          data: { total: total.value, sum, parts: parts.map((f) => f.value) },
        });
        mark(false, `${expr} = ${num(sum)} > ${total.text}`);
      } else if (b.trigger !== 'implicit' && b.complete && hi < total.lo - 1e-9) {
        ctx.report({
          messageId: 'breakdown-sum.short',
          args: { expr, sum: num(sum), total: num(total.value), unit, reason: b.completeReason ?? '' },
          range: total.range,
          related,
          severity: 'warning',
          data: { total: total.value, sum, parts: parts.map((f) => f.value), missing: total.value - sum },
        });
        mark(false, `${expr} = ${num(sum)} < ${total.text}`);
      } else if (exact && Math.abs(sum - total.value) < 1e-9) {
        mark(true, `${expr} = ${total.text}`);
      } else {
        mark(true, `${expr}${exact && parts.length > 1 ? ` = ${num(sum)}` : ''} ≤ ${total.text}（列举未必完整）`);
      }
    }
  },
};

/**
 * A 其中 list of shares (其中维持的占56.4%、驳回的占30.3%、纠错的占20.5%) adds up to more than 100% beyond what
 * rounding at the written precision allows.
 */
function sharesOverHundred(ctx: RuleContext): void {
  const model = ctx.figures!;
  for (const sent of model.sentences) {
    if (sent.figures.length < 2) continue;
    const norm = ctx.doc.lines[sent.line].norm;
    const at = norm.slice(sent.start, sent.end).indexOf('其中');
    if (at < 0) continue;
    const from = sent.start + at;
    const shares = [];
    for (const id of sent.figures) {
      const f = model.figures[id];
      if (f.range.start.character < from) continue;
      if (f.kind === 'percent' && f.rateId === '占比' && !f.prior && !f.change) shares.push(f);
      else break; // a count in the list: the shares are of its parts, breakdowns handle that
    }
    if (shares.length < 2) continue;
    const lo = shares.reduce((a, f) => a + f.lo, 0);
    const tolerance = shares.reduce((a, f) => a + 10 ** -f.decimals / 2, 0);
    const expr = shares.map((f) => num(f.value)).join('% + ') + '%';
    const sum = shares.reduce((a, f) => a + f.value, 0);
    if (lo > 100 + tolerance) {
      ctx.report({
        messageId: 'breakdown-sum.sharesOver',
        args: { expr, sum: num(sum) },
        range: shares[0].range,
        related: shares.map((f) => relatedFigure(f, roleOf(f))),
        data: { sum, parts: shares.map((f) => f.value) },
      });
      for (const f of shares) recordCheck(f, CODE, false, `${expr} = ${num(sum)}% > 100%`);
    } else {
      for (const f of shares) recordCheck(f, CODE, true, `${expr} = ${num(sum)}% ≤ 100%`);
    }
  }
}
