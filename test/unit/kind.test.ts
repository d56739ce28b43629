// What a text is (engine/kind.ts): one made-up text per kind, the note missing-section gives instead of per-part
// warnings, the figure checks that still run on every kind, and the softer variants that stay softer (D3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, detectKind, shouldCheck, softerSeverity } from '../../server/src/engine';
import { kindHover } from '../../server/src/lsp/hovers';
import { check, segmenter } from '../helpers/engine';
import { fixturesDir, readText, seedFiles } from '../helpers/paths';

const kindsDir = path.join(fixturesDir, 'kinds');
const text = (name: string) => fs.readFileSync(path.join(kindsDir, name), 'utf8');
const kindOf = (name: string) => analyze(text(name), { segmenter: segmenter! }).kind!;

const expected: Record<string, string> = {
  'annual-formal.txt': 'annual-report',
  'annual-thematic.txt': 'annual-report',
  'partial-draft.txt': 'partial-draft',
  'news.txt': 'news',
  'statistics.txt': 'statistics',
  'information-disclosure.txt': 'statistics',
  'yearbook.txt': 'yearbook',
  'court.txt': 'court',
  'policy-reading.txt': 'policy-reading',
  'meeting-notes.txt': 'not-report',
};

test('every kind fixture is read as its kind, with at least one cue (none for not a report)', () => {
  assert.deepEqual(fs.readdirSync(kindsDir).sort(), Object.keys(expected).sort(), 'one fixture per kind, each with an expectation');
  for (const [name, id] of Object.entries(expected)) {
    const k = kindOf(name);
    assert.equal(k.id, id, name);
    if (id === 'not-report') assert.equal(k.cues.length, 0, name);
    else assert.ok(k.cues.length > 0, `${name}: the cues say why`);
  }
});

test('the cues name what decided: the title, the 【】 label, the reporter', () => {
  assert.deepEqual(detectKind(text('yearbook.txt')).cues.map((c) => [c.where, c.text]), [['lead', '【行政复议】']]);
  const news = detectKind(text('news.txt')).cues.map((c) => c.text);
  assert.ok(news.includes('本报讯') && news.includes('记者'), news.join(' '));
  assert.deepEqual(detectKind(text('policy-reading.txt')).cues[0], { kind: 'policy-reading', where: 'title', text: '解读', line: 0 });
  const formal = detectKind(text('annual-formal.txt')).cues[0];
  assert.equal(formal.where, 'title');
  assert.equal(formal.line, 0);
});

test('the form of an annual report: formal (parts as sections) or thematic (achievements by theme)', () => {
  assert.equal(kindOf('annual-formal.txt').form, 'formal');
  assert.equal(kindOf('annual-thematic.txt').form, 'thematic');
});

test('a title naming 法治政府建设…报告 wins over the page chrome of a repost (来源：…司法厅, 新闻中心)', () => {
  const repost = '首页 > 新闻中心 > 法治宣传\n某省人民政府关于2022年法治政府建设情况的报告\n来源：某省司法厅\n2022年，全省坚持依法行政。\n';
  assert.equal(detectKind(repost).id, 'annual-report');
});

test('traditional script and inline pinyin: a news item is still a news item', () => {
  const trad = '法制網(wǎng)訊 記者王明 近日，某市行政復(fù)議工作通報(bào)會召開，全年收到行政復議申請300件。\n';
  assert.equal(detectKind(trad).id, 'news');
});

test('missing-section: per-part warnings only on annual reports; every other kind gets one information note', () => {
  for (const [name, id] of Object.entries(expected)) {
    const ms = check(text(name)).filter((f) => f.code === 'missing-section');
    if (id === 'annual-report') {
      assert.ok(ms.every((f) => f.data?.kind === undefined), name);
      continue;
    }
    assert.equal(ms.length, 1, `${name}: one note, got ${ms.map((f) => f.message).join(' | ')}`);
    assert.equal(ms[0].severity, 'information', name);
    assert.equal(ms[0].data?.kind, id, name);
    assert.equal(ms[0].range.start.line, 0, name);
  }
  assert.deepEqual(check(text('annual-formal.txt')).filter((f) => f.code === 'missing-section'), []);
  // the thematic report lists its problems and causes in a paragraph and has a plan: nothing missing but 第一责任人
  assert.deepEqual(
    check(text('annual-thematic.txt')).filter((f) => f.code === 'missing-section' && f.data?.type !== 'metric').map((f) => [f.data?.type, f.severity]),
    [['responsibility', 'warning']],
  );
});

test('the notes say what the text was taken for and why', () => {
  const note = (name: string) => check(text(name)).find((f) => f.code === 'missing-section')!.message;
  assert.match(note('news.txt'), /^这是新闻稿式文本（新闻报道，依据：“来源:北河日报”、“本报讯”），不是法治政府建设年度报告/);
  assert.match(note('court.txt'), /^本文看来是法院报告或白皮书（依据：“法院”、/);
  assert.match(note('yearbook.txt'), /年鉴条目（依据：“【行政复议】”）/);
  assert.match(note('partial-draft.txt'), /只是年度报告的开头部分（写到“一、2024年推进法治政府建设的主要举措和成效”为止.*全文写完后还需要：存在的不足和原因、党政主要负责人履行推进法治建设第一责任人职责的情况、下一年度的主要安排。$/);
  assert.match(note('meeting-notes.txt'), /^未识别为法治政府建设年度报告/);
  const en = analyze(text('statistics.txt'), { locale: 'en', segmenter: segmenter! }).findings.find((f) => f.code === 'missing-section')!;
  assert.match(en.message, /^This looks like a statistics report \("统计/);
});

test('a numbered heading naming 解读 does not make a disclosure report a policy reading; its cues are not repeated', () => {
  const text = ['南山区市场监督管理局2023年政府信息公开工作年度报告', '一、总体情况', '（一）主动公开情况', '（二）做好政策解读', '本年度主动公开政府信息312条，发布政策解读材料6篇。'].join('\n');
  const kind = analyze(text, { segmenter: segmenter! }).kind!;
  assert.equal(kind.id, 'statistics');
  const cues = kind.cues.map((c) => c.text);
  assert.deepEqual(cues, [...new Set(cues)]);
  // a title that names a 解读 still does
  assert.equal(analyze(['关于《南山区优化营商环境若干措施》的政策解读', '一、制定背景', '为进一步优化营商环境，制定本措施。'].join('\n'), { segmenter: segmenter! }).kind!.id, 'policy-reading');
});

test('a report cut off mid-sentence is not the whole report, however many parts came before the cut', () => {
  const body = [
    '北河区2023年法治政府建设年度报告',
    '一、推进法治政府建设的主要举措和成效',
    '全年审查规范性文件21件，办理行政复议案件37件。',
    '二、推进法治政府建设存在的不足和原因',
    '基层执法力量仍显薄弱。究其原因，主要是培训投入不足。',
    '三、党政主要负责人履行推进法治建设第一责任人职责的情况',
  ];
  const cut = check([...body, '区长主持召开区政府常务会议专题研究法治政府建设3次，并将法治建设纳入全区'].join('\n'));
  const notes = cut.filter((f) => f.code === 'missing-section');
  assert.equal(notes.length, 1);
  assert.equal(notes[0].severity, 'information');
  assert.match(notes[0].message, /^本文在“法治建设纳入全区”处中断，最后一句没有写完.*写到“三、党政主要负责人履行推进法治建设第一责任人职责的情况”为止.*全文还需要：下一年度的主要安排。$/);
  // the same text ending its sentence is a complete report without a plan: a warning on the missing part
  const whole = check([...body, '区长主持召开区政府常务会议专题研究法治政府建设3次。'].join('\n')).filter((f) => f.code === 'missing-section');
  assert.deepEqual(whole.map((f) => [f.severity, f.data?.type]), [['warning', 'plan']]);
  // a quotation at the cut is quoted whole, its marks turned to ‘…’ inside the note's “…”
  const quoted = check([...body, '区长带头开展“宪法宣传周”活动，组织机关干部参加“6·26”国际禁毒日'].join('\n')).find((f) => f.code === 'missing-section')!;
  assert.match(quoted.message, /^本文在“‘6·26’国际禁毒日”处中断/);
  // a short last line (a date, a signature) is no cut
  const signed = check([...body, '区长主持召开区政府常务会议专题研究法治政府建设3次。', '北河区人民政府'].join('\n')).filter((f) => f.code === 'missing-section');
  assert.deepEqual(whole.map((f) => f.severity), signed.map((f) => f.severity));
});

test('the opening of a draft that already speaks of the 第一责任人 duty says where, and that it lacks a section only', () => {
  const draft = [
    '南湖县2024年法治政府建设情况报告',
    '一、2024年推进法治政府建设的主要举措和成效',
    '（一）压实法治建设责任。县委、县政府主要负责同志切实履行推进法治建设第一责任人职责，专题研究法治政府建设4次。',
    '（二）规范行政执法。全年评查执法案卷120卷。',
  ].join('\n');
  const note = check(draft).find((f) => f.code === 'missing-section')!;
  assert.match(note.message, /党政主要负责人履行推进法治建设第一责任人职责的情况（第 3 行已写到，尚未单独成节）/);
});

test('the figure checks run on every kind: a news item whose 受理 exceeds 收到 gets funnel-order', () => {
  const f = check(text('news.txt'));
  assert.deepEqual(f.filter((x) => x.code === 'funnel-order').map((x) => [x.range.start.line, x.severity]), [[2, 'error']]);
});

test('the seeds: 000–003 are annual reports, 004 (a news feature from a news app) a news item', () => {
  const kinds = seedFiles().map((f) => analyze(readText(f), { segmenter: segmenter! }).kind!.id);
  assert.deepEqual(kinds, ['annual-report', 'annual-report', 'annual-report', 'annual-report', 'news']);
});

test('shouldCheck: the report language always; plain text and Markdown by kind; detection off or other languages never; force always', () => {
  const notes = text('meeting-notes.txt');
  assert.deepEqual(shouldCheck({ text: notes, languageId: 'fazhi-report' }), { check: true, why: 'language' });
  assert.equal(shouldCheck({ text: notes, languageId: 'plaintext' }).check, false);
  assert.equal(shouldCheck({ text: notes, languageId: 'plaintext', force: true }).check, true);
  assert.equal(shouldCheck({ text: text('court.txt'), languageId: 'markdown' }).check, true);
  assert.equal(shouldCheck({ text: text('court.txt'), languageId: 'plaintext', detect: false }).why, 'detection-off');
  assert.equal(shouldCheck({ text: text('court.txt'), languageId: 'json' }).why, 'other-language');
});

test('hover on the title: the kind, the form and the cues with their lines', () => {
  const t = text('annual-thematic.txt');
  const a = analyze(t, { segmenter: segmenter! });
  const h = kindHover(t, a, { line: 0, character: 3 }, 'zh-cn')!;
  assert.match(h, /^\*\*文本类型\*\*：法治政府建设年度报告（举措和成效按专题分节）/);
  assert.match(h, /依据：标题“法治政府建设工作情况报告”（第 1 行）/);
  assert.equal(kindHover(t, a, { line: 3, character: 1 }, 'zh-cn'), null, 'not on a later line');
  const y = text('yearbook.txt');
  const hy = kindHover(y, analyze(y, { segmenter: segmenter! }), { line: 0, character: 1 }, 'en')!;
  assert.match(hy, /^\*\*Kind of text\*\*: yearbook entry/);
  assert.match(hy, /Not checked part by part as an annual report; its figures are checked\./);
});

test('softer variants stay softer than the configured level, never louder than their default (D3)', () => {
  assert.equal(softerSeverity('error', 'error', 2), 'information');
  assert.equal(softerSeverity('warning', 'error', 2), 'information');
  assert.equal(softerSeverity('information', 'error', 2), 'hint');
  assert.equal(softerSeverity('error', 'warning', 1), 'information');
  assert.equal(softerSeverity('hint', 'warning', 1), 'hint');
  const carry = '全年受理行政复议案件50件，审结60件。\n';
  const sev = (rules: Record<string, string> | undefined) =>
    analyze(carry, { segmenter: segmenter!, rules: rules as never }).findings.filter((f) => f.code === 'funnel-order').map((f) => f.severity);
  assert.deepEqual(sev(undefined), ['information'], 'the carry-over note by default');
  assert.deepEqual(sev({ 'funnel-order': 'warning' }), ['information'], 'lowering funnel-order does not raise its carry-over note');
  assert.deepEqual(sev({ 'funnel-order': 'information' }), ['hint']);
  const expectedNote = (rules: Record<string, string> | undefined) =>
    analyze(text('news.txt'), { segmenter: segmenter!, rules: rules as never }).findings.filter((f) => f.code === 'missing-section').map((f) => f.severity);
  assert.deepEqual(expectedNote({ 'missing-section': 'error' }), ['information'], 'raising missing-section does not raise its note');
  assert.deepEqual(expectedNote({ 'missing-section': 'information' }), ['hint']);
});

test('an index of reports (a Markdown table naming them) is not a report', () => {
  const index = [
    '# 示例文本索引',
    '',
    '| 文件 | 单位 | 年度 | 说明 |',
    '|---|---|---|---|',
    '| 001.txt | 某某区 | 2022 | 某某区2022年法治政府建设情况报告（节选） |',
    '| 002.txt | 某某县 | 2023 | 一、2023年推进法治政府建设的主要举措和成效 |',
    '',
  ].join('\n');
  assert.equal(shouldCheck({ text: index, languageId: 'markdown' }).check, false);
});
