// unbacked-metric on real texts: every note it gives on ../shared/corpus2 and ../shared/corpus must have a verdict
// line in test/verdicts/unbacked-metric.tsv (right / debatable / wrong, with the reason), judged by hand: a new
// note fails the test until someone judges it. The counts are printed; at least 80% of the notes must be right.
// Also: the check's answer does not depend on which figure checks are switched on when the counts are beside the
// rate (defect D2), and the seeds keep their pinned notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/engine';
import type { RuleSetting } from '../../server/src/engine/types';
import { repoRoot } from '../helpers/paths';
import { segmenter } from '../figures/common';
import { unbackedMetric } from '../../server/src/engine/rules/unbacked-metric';

const folders = ['corpus2', 'corpus']
  .map((name) => ({ name, dir: path.resolve(repoRoot, '..', 'shared', name) }))
  .filter((f) => fs.existsSync(f.dir));

interface Verdict {
  verdict: string;
  reason: string;
}

function readVerdicts(): Map<string, Verdict> {
  const file = path.join(repoRoot, 'test', 'verdicts', 'unbacked-metric.tsv');
  const out = new Map<string, Verdict>();
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  for (const l of lines.slice(1)) {
    const [f, line, col, text, verdict, reason] = l.split('\t');
    assert.ok(['right', 'debatable', 'wrong'].includes(verdict), `verdict must be right/debatable/wrong: ${l}`);
    assert.ok(reason && reason.trim().length > 0, `a verdict needs a reason: ${l}`);
    out.set(`${f}\t${line}\t${col}\t${text}`, { verdict, reason });
  }
  return out;
}

test('every unbacked-metric note on corpus2 and corpus has a verdict; at least 80% are right', (t) => {
  if (folders.length < 2) {
    console.warn('\n!!! ../shared/corpus or ../shared/corpus2 is absent: the unbacked-metric verdicts are SKIPPED (not counted) !!!\n');
    t.skip('corpora absent');
    return;
  }
  const verdicts = readVerdicts();
  const seen = new Set<string>();
  const unjudged: string[] = [];
  const tally: Record<string, number> = { right: 0, debatable: 0, wrong: 0 };
  const seg = segmenter();
  for (const { name, dir } of folders) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const lines = text.split(/\r\n|\r|\n/);
      for (const f of analyze(text, { segmenter: seg }).findings) {
        if (f.code !== 'unbacked-metric') continue;
        const { line, character } = f.range.start;
        const written = lines[line].slice(character, f.range.end.character);
        const key = `${name}/${file}\t${line + 1}\t${character + 1}\t${written}`;
        seen.add(key);
        const v = verdicts.get(key);
        if (!v) unjudged.push(`${key}\t${f.message}`);
        else tally[v.verdict]++;
      }
    }
  }
  const stale = [...verdicts.keys()].filter((k) => !seen.has(k));
  const total = tally.right + tally.debatable + tally.wrong;
  console.log(
    `unbacked-metric on corpus2 + corpus: ${seen.size} notes; judged ${total}: right ${tally.right}, debatable ${tally.debatable}, wrong ${tally.wrong}` +
      (total ? ` (${((100 * tally.right) / total).toFixed(1)}% right)` : '') +
      `; verdict lines no longer produced: ${stale.length}`,
  );
  assert.deepEqual(unjudged, [], 'notes with no verdict line in test/verdicts/unbacked-metric.tsv: judge them (file, line, col, text, verdict, reason)');
  assert.deepEqual(stale, [], 'verdict lines whose note is gone: remove them from test/verdicts/unbacked-metric.tsv');
  assert.ok(tally.right >= 0.8 * total, `only ${tally.right} of ${total} notes are right (at least 80% wanted)`);
});

test('counts beside a rate back it whichever figure checks are on (D2: 调解成功率99.5% beside 8568/8608)', () => {
  const text = '全年受理调解案件8608起，成功调结8568件，调解成功率99.5%。\n';
  const variants: Record<string, RuleSetting>[] = [{}, { 'rate-mismatch': 'off', 'impossible-percentage': 'off' }];
  for (const rules of variants) {
    const notes = analyze(text, { rules }).findings.filter((f) => f.code === 'unbacked-metric');
    assert.deepEqual(notes.map((f) => f.message), [], JSON.stringify(rules));
  }
});

test('a rate with no counts is still noted, and the note names the rate', () => {
  const notes = analyze('全县各级调解组织共调处矛盾纠纷3200件，调解成功率达98%。\n').findings.filter((f) => f.code === 'unbacked-metric');
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /调解成功率98%/);
});

test('a rate word the figure vocabulary lacks (办复率) is named in the note', () => {
  const notes = analyze('全年办理人大代表建议和政协提案，办复率达到100%。\n').findings.filter((f) => f.code === 'unbacked-metric');
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /办复率/);
});

test('unbacked-metric stays linear: twice the text, at most about twice the time (many paragraphs, and one long one)', () => {
  const only = [unbackedMetric];
  const unit = '受理行政复议84件，其中维持44件、驳回8件，审结78件，综合化解率33.38%，较上年100件增长20%，占比12.5%，满意度测评位居全省前列。群众法治知晓率达到92%。';
  const filler = '坚持依法行政，严格规范公正文明执法，持续深化“放管服”改革，政务服务事项全部实现网上可办，群众满意度不断提升。';
  // CPU time of this thread, the best of five runs: the least disturbed by whatever else the machine runs
  // (`reps` analyses per sample: one analysis of a 20,000-character line is about 10 ms, too short to time alone)
  const time = (text: string, reps = 1) => {
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const u0 = process.cpuUsage();
      let a = analyze(text, {}, only);
      for (let r = 1; r < reps; r++) a = analyze(text, {}, only);
      const u = process.cpuUsage(u0);
      best = Math.min(best, (u.user + u.system) / 1000);
      assert.deepEqual(a.ruleErrors, []);
      assert.ok(a.findings.some((f) => f.code === 'unbacked-metric'), 'the check ran');
    }
    return best;
  };
  // paragraphs of about 1,400 characters, 20 percentages each
  const paragraph = (unit + filler).repeat(10) + '\n';
  const many = (n: number) => time(paragraph.repeat(Math.ceil(n / paragraph.length)));
  many(10000); // warm up (compilation would otherwise count against the first size measured)
  const smallMany = many(50000);
  const ratioMany = many(100000) / smallMany;
  // one paragraph, sparse percentages (well under the per-line caps)
  const line = (n: number) => time((unit + filler.repeat(4)).repeat(Math.ceil(n / (unit.length + 4 * filler.length))), 4);
  const smallLine = line(20000);
  const ratioLine = line(40000) / smallLine;
  // quadratic work would give ratios near 4 (it was minutes before the windows were bounded)
  assert.ok(ratioMany < 3.2, `many paragraphs: ratio ${ratioMany.toFixed(2)}`);
  assert.ok(ratioLine < 3.2, `one long paragraph: ratio ${ratioLine.toFixed(2)}`);
});

test('a rate whose complement beside it is backed is backed too; a 100% beside a 0% of something else is not', () => {
  const notes = (text: string) => analyze(text).findings.filter((f) => f.code === 'unbacked-metric').map((f) => f.message);
  const sampled = notes('全年抽检食品2400批次，检出不合格食品60批次，不合格率为2.50%，合格率为97.50%。\n');
  assert.equal(sampled.filter((m) => m.includes('合格率97.50%')).length, 0, sampled.join(' / '));
  // (the same sentence with no counts: both rates are notes)
  assert.equal(notes('全年食品抽检不合格率为2.50%，合格率为97.50%。\n').length, 2);
  assert.ok(notes('全年办理申请30件，办复率100%，其中不予公开0件、占0%。\n').some((m) => m.includes('办复率100%')));
});

test('a rate note says which side its one count gives: the number that reached the rate, or the base', () => {
  const note = (text: string) => analyze(text).findings.filter((f) => f.code === 'unbacked-metric').map((f) => f.message)[0] ?? '';
  assert.match(note('全年作出纠错决定48件，纠错率12.5%。\n'), /“纠错率12.5%”只给出了数量（48件），没有给出它所占的基数/);
  assert.match(note('全年受理的诉求中，其他类诉求312件，占18.5%。\n'), /只给出了数量（312件）/);
  assert.match(note('全县各级调解组织全年受理矛盾纠纷2315件，调解成功率达99%。\n'), /“调解成功率99%”只给出了基数（2315件），没有给出达到该比率的数量/);
  // a count of the rest, or of something else before the rate, is neither: the note stays general
  assert.match(note('本月不满意工单3件，群众满意率为99.68%。\n'), /没有给出据以计算的数量（达到该比率的数量和基数）/);
  assert.match(note('新增持证执法人员3名，全镇执法人员持证率达100%。\n'), /没有给出据以计算的数量（达到该比率的数量和基数）/);
  // the first share after 分别占 is the first count's, by position (not the last count's)
  assert.match(note('审结民事一审案件58.9万件，二审案件5.8万件，再审案件1800件，分别占民事案件总数的86.6%、8.6%、0.3%。\n'), /“占86.6%”只给出了数量（58.9万件）/);
  // (not where a rate stands between the counts and the shares)
  assert.match(note('受理案件613件，审结548件，结案率89.39%，收结案分别占全部案件的7.21%和7.53%。\n'), /“占7.21%”没有给出据以计算的数量/);
});
