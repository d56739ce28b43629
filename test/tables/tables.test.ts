// The table model (server/src/engine/tables/): the four forms a table arrives in, what is not a table, the cell
// lookup the figure table uses, the share test unbacked-metric uses, the outline's respect for table rows, and the
// table-sum check's severities and suppression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/paths';
import { analyze, cellAt, isTableShareBacked, tablesOf, ReportDocument, parseOutline } from '../../server/src/engine';
import type { Table } from '../../server/src/engine';
import { detectionSteps } from '../../server/src/engine/tables/detect';

const tables = (text: string): Table[] => tablesOf(new ReportDocument(text));
const labels = (t: Table) => t.rows.map((r) => r.label);
const values = (t: Table, j: number) => t.rows.map((r) => r.cells[j].value ?? null);
const tableSum = (text: string, locale?: 'en') => analyze(text, locale ? { locale } : {}).findings.filter((f) => f.code === 'table-sum');

test('a Markdown pipe table: header, row labels, units from the header, cell values and ranges', () => {
  const text = ['全年案件情况如下。', '', '| 类别 | 数量（件） | 占比（%） |', '|---|---|---|', '| 行政处罚 | 62 | 62.0 |', '| 行政许可 | 38件 | 38.0 |', '| 合计 | 100 | 100.0 |', ''].join('\n');
  const [t, ...rest] = tables(text);
  assert.equal(rest.length, 0);
  assert.equal(t.format, 'pipe');
  assert.equal(t.startLine, 2);
  assert.equal(t.endLine, 6);
  assert.deepEqual(t.header, [['类别', '数量（件）', '占比（%）']]);
  assert.deepEqual(t.columns, [{ label: '类别' }, { label: '数量（件）', unit: '件' }, { label: '占比（%）', unit: '%' }]);
  assert.equal(t.labelColumn, 0);
  assert.deepEqual(labels(t), ['行政处罚', '行政许可', '合计']);
  assert.deepEqual(values(t, 1), [62, 38, 100]);
  const cell = t.rows[1].cells[1];
  assert.equal(cell.kind, 'count');
  assert.equal(cell.unit, '件');
  assert.deepEqual(cell.range, { start: { line: 5, character: 9 }, end: { line: 5, character: 12 } });
});

test('Word tables as the readers render them: leading and trailing pipes are optional', () => {
  const text = ['类别 | 数量 | 占比', '行政处罚 | 62 | 62%', '行政许可 | 38 | 38%'].join('\n');
  const [t] = tables(text);
  assert.equal(t.format, 'pipe');
  assert.deepEqual(labels(t), ['行政处罚', '行政许可']);
  assert.deepEqual(values(t, 2), [62, 38]);
  assert.equal(t.rows[0].cells[2].kind, 'percent');
});

test('a header row of bare years names the columns; it is not a row of counts', () => {
  const text = '| 单位 | 2024 | 2025 |\n| 县公安局 | 30 | 36 |\n| 县城管局 | 12 | 9 |\n| 合计 | 42 | 45 |\n';
  const [t] = tables(text);
  assert.deepEqual(t.header, [['单位', '2024', '2025']]);
  assert.deepEqual(labels(t), ['县公安局', '县城管局', '合计']);
  assert.deepEqual(tableSum(text), []);
});

test('rows named by years are labelled by their first column, and their 合计 row is found', () => {
  const text = '| 年度 | 收案 | 结案 |\n| 2023 | 120 | 110 |\n| 2024 | 140 | 150 |\n| 合计 | 260 | 250 |\n';
  const [t] = tables(text);
  assert.equal(t.labelColumn, 0);
  assert.deepEqual(labels(t), ['2023', '2024', '合计']);
  assert.deepEqual(tableSum(text).map((f) => f.range.start.line), [3], 'the 结案 column: 110 + 150 = 260, not 250');
});

test('tab-separated rows pasted from a spreadsheet: two or more lines with the same number of cells', () => {
  const text = '部门\t简易程序\t普通程序\n县城管局\t120\t35\n县交通运输局\t64\t28\n';
  const [t] = tables(text);
  assert.equal(t.format, 'tab');
  assert.deepEqual(labels(t), ['县城管局', '县交通运输局']);
  assert.deepEqual(t.columns.map((c) => c.label), ['部门', '简易程序', '普通程序']);
  // one tab line alone, or an indented paragraph, is not a table
  assert.deepEqual(tables('县城管局\t120\t35\n'), []);
  assert.deepEqual(tables('\t全年共办理行政复议案件80件，审结69件。\n\t各部门均按期报送了执法数据。\n'), []);
});

test('a table flattened onto one line of a web copy', () => {
  const [t] = tables('类别 | 一审 | 二审 | 合计 | 行政处罚 | 14 | 6 | 20 | 行政许可 | 5 | 2 | 7\n');
  assert.equal(t.format, 'inline');
  assert.deepEqual(t.columns.map((c) => c.label), ['类别', '一审', '二审', '合计']);
  assert.deepEqual(labels(t), ['行政处罚', '行政许可']);
  assert.deepEqual(values(t, 3), [20, 7]);
});

test('one cell per line: lone pipes, blank lines or a closing pipe between the cells', () => {
  const piped = ['表二：各街道调解案件', '街道', '|', '结转', '|', '新收', '|', '东城街道', '|', '12', '|', '40', '|', '西城街道', '|', '8', '|', '33'].join('\n');
  const [a] = tables(piped);
  assert.equal(a.format, 'cells');
  assert.deepEqual(a.columns.map((c) => c.label), ['街道', '结转', '新收']);
  assert.deepEqual(labels(a), ['东城街道', '西城街道']);
  assert.deepEqual(values(a, 2), [40, 33]);
  assert.equal(a.startLine, 0, 'the caption belongs to the table');

  const blankSeparated = ['行政许可实施数量（件）', '', '申请', '', '受理', '', '许可', '', '320', '', '318', '', '310', ''].join('\n');
  const [b] = tables(blankSeparated);
  assert.equal(b.labelColumn, -1);
  assert.deepEqual(b.columns, [{ label: '申请', unit: '件' }, { label: '受理', unit: '件' }, { label: '许可', unit: '件' }]);
  assert.deepEqual(values(b, 0), [320]);

  const closed = ['信息内容 |', '本年制发件数 |', '现行有效件数 |', '规章 |', '2 |', '15 |', '规范性文件 |', '6 |', '40'].join('\n');
  const [c] = tables(closed);
  assert.deepEqual(labels(c), ['规章', '规范性文件']);
  assert.deepEqual(values(c, 2), [15, 40]);
});

test('a blank cell is an empty cell: whitespace-only lines in a blank-line-separated table, "-" and "—" in rows', () => {
  const text = ['罚款', '', '警告', '', '其他', '', '合计', '', '30', '', ' ', '', '4', '', '34', ''].join('\n');
  const [t] = tables(text);
  assert.deepEqual(t.rows[0].cells.map((c) => c.kind), ['count', 'empty', 'count', 'count']);
  const [p] = tables('| 部门 | 甲 | 乙 |\n| 县城管局 | — | 3 |\n| 县交通局 | - | 4 |\n');
  assert.deepEqual(p.rows.map((r) => r.cells[1].kind), ['empty', 'empty']);
});

test('prose is not a table: a sentence with a pipe, page navigation, headings and short lines with numbers', () => {
  assert.deepEqual(tables('首页 | 政务公开 | 互动交流\n'), []);
  assert.deepEqual(tables('全年办理案件80件 | 审结69件，结案率86.3%。\n'), []);
  const shortLines = ['一、加强组织领导', '召开会议6次', '二、完善制度体系', '出台文件12件', '三、强化监督', '2025年12月31日'].join('\n');
  assert.deepEqual(tables(shortLines), []);
  assert.deepEqual(tables(['一、加强组织领导', '', '二、完善制度体系', '', '12', '', '15'].join('\n')), []);
  // a header a web copy broke over several lines does not fall into rows: not read as a table (no misread labels)
  const broken = ['行政处罚实施数量（宗）', '', '警告', '', '罚款', '', '没收违法', '', '所得、没收非法财物', '', '合计', '', '31', '', '54', '', '9', ''].join('\n');
  assert.deepEqual(tables(broken), []);
});

test('tablesOf is computed once per document; analyze returns the tables', () => {
  const doc = new ReportDocument('| 类别 | 数量 |\n| 甲 | 1 |\n| 乙 | 2 |\n');
  assert.equal(tablesOf(doc), tablesOf(doc));
  const a = analyze('| 类别 | 数量 |\n| 甲 | 1 |\n| 乙 | 2 |\n');
  assert.equal(a.tables?.length, 1);
  assert.deepEqual(a.tables![0].rows.map((r) => r.label), ['甲', '乙']);
});

test('cellAt gives the row and column labels of the cell at a position, null elsewhere', () => {
  const text = '全年情况。\n| 类别 | 数量（件） | 占比 |\n| 行政处罚 | 62 | 62.0% |\n| 行政许可 | 38 | 38.0% |\n';
  const ts = tables(text);
  const at = cellAt(ts, 3, 11);
  assert.ok(at);
  assert.equal(at.rowLabel, '行政许可');
  assert.equal(at.columnLabel, '数量（件）');
  assert.equal(at.cell.value, 38);
  assert.equal(cellAt(ts, 0, 2), null);
  assert.equal(cellAt(ts, 3, 8), null, 'between two cells');
});

test('isTableShareBacked: a share beside the counts it is computed from is backed; a lone percentage is not', () => {
  const text = '| 类别 | 数量 | 占比 |\n| 行政处罚 | 62 | 62.0% |\n| 行政许可 | 38 | 38.0% |\n';
  const ts = tables(text);
  assert.equal(isTableShareBacked(ts, { line: 1, character: 16 }), true);
  assert.equal(isTableShareBacked(ts, { line: 1, character: 10 }), false, 'a count is not a share');
  const sharesOnly = tables('| 类别 | 占比 |\n| 行政处罚 | 62.0% |\n| 行政许可 | 38.0% |\n');
  assert.equal(isTableShareBacked(sharesOnly, { line: 1, character: 10 }), false);
  assert.equal(isTableShareBacked(tables('结案率为98.5%。\n'), { line: 0, character: 6 }), false);
});

test('the outline never takes a table row or a table cell for a heading', () => {
  const text = [
    '一、行政复议工作情况',
    '全年新收案件情况见下表。',
    '',
    '一、行政处罚 | 62 | 50%',
    '二、行政许可 | 62 | 50%',
    '',
    '二、本年新收政府信息公开申请情况',
    '项目 |',
    '数量 |',
    '一、本年新收申请数量 |',
    '12 |',
    '二、上年结转申请数量 |',
    '3',
    '三、存在的不足',
    '个别部门报送数据不及时。',
  ].join('\n');
  const names = parseOutline(new ReportDocument(text)).nodes.map((n) => n.name);
  assert.deepEqual(names, ['一、行政复议工作情况', '二、本年新收政府信息公开申请情况', '三、存在的不足']);
});

test('table-sum: error for a pipe table that states both sides, warning for a flattened web table; both show the arithmetic', () => {
  const pipe = tableSum('| 部门 | 新收 |\n| 甲 | 3 |\n| 乙 | 4 |\n| 合计 | 8 |\n');
  assert.equal(pipe.length, 1);
  assert.equal(pipe[0].severity, 'error');
  assert.match(pipe[0].message, /3 \+ 4 = 7/);
  assert.match(pipe[0].message, /8/);
  assert.equal(pipe[0].related?.length, 3, 'the total and both parts');
  const cells = tableSum('部门\n|\n新收\n|\n甲\n|\n3\n|\n乙\n|\n4\n|\n合计\n|\n8\n');
  assert.equal(cells.length, 1);
  assert.equal(cells[0].severity, 'warning');
  assert.equal(cells[0].range.start.line, 14);
  const en = tableSum('| 部门 | 新收 |\n| 甲 | 3 |\n| 乙 | 4 |\n| 合计 | 8 |\n', 'en');
  assert.match(en[0].message, /^Table column "新收": the rows add up to 3 \+ 4 = 7/);
  assert.ok(en[0].related!.every((r) => !/[分合基数]/.test(r.message.replace(/[甲乙]/g, ''))), 'related roles are English');
});

test('table-sum: a suppression comment above a row silences its finding, and only that one', () => {
  const rows = '| 部门 | 新收 |\n| 甲 | 3 |\n| 乙 | 4 |\n';
  assert.equal(tableSum(rows + '| 合计 | 8 |\n').length, 1);
  assert.equal(tableSum(rows + '<!-- fazhi-report-disable-next-line table-sum -->\n| 合计 | 8 |\n').length, 0);
});

test('table-sum: a total row that comes first totals the rows below it', () => {
  assert.equal(tableSum('| 部门 | 新收 |\n| 合计 | 7 |\n| 甲 | 3 |\n| 乙 | 4 |\n').length, 0);
  assert.equal(tableSum('| 部门 | 新收 |\n| 合计 | 9 |\n| 甲 | 3 |\n| 乙 | 4 |\n').length, 1);
});

test('table-sum: 小计 rows total their block, and the 合计 totals the blocks', () => {
  const ok = '| 部门 | 新收 |\n| 甲 | 3 |\n| 乙 | 4 |\n| 小计 | 7 |\n| 丙 | 5 |\n| 丁 | 1 |\n| 小计 | 6 |\n| 合计 | 13 |\n';
  assert.equal(tableSum(ok).length, 0);
  const bad = ok.replace('| 小计 | 6 |', '| 小计 | 5 |');
  const found = tableSum(bad);
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start.line, 6);
});

test('table detection grows linearly (counted in steps): cell-per-line tables, long runs of short text lines, long pipe tables', () => {
  // n lines each: a cell table (six lines a row), short text lines, pipe rows
  const cellTable = (n: number) =>
    ['类别', '|', '甲', '|', '乙', ...Array.from({ length: Math.round(n / 6) }, (_, i) => `|\n项目${i}\n|\n${i}\n|\n${i + 1}`)].join('\n');
  const shortText = (n: number) => Array.from({ length: n }, (_, i) => `第${i}项工作`).join('\n');
  const pipeTable = (n: number) => ['| 类别 | 甲 | 乙 |', ...Array.from({ length: n }, (_, i) => `| 项目${i} | ${i} | ${i + 1} |`)].join('\n');
  for (const make of [cellTable, shortText, pipeTable]) {
    const small = detectionSteps(new ReportDocument(make(2000)));
    const large = detectionSteps(new ReportDocument(make(16000)));
    // 8× the input: linear work counts about 8× the steps, quadratic work 64×
    assert.ok(large / small < 10, `${make.name}: 8× the input took ${(large / small).toFixed(1)}× the steps`);
  }
  // the rows of a long web table are all found, and a long run of short lines is searched in bounded windows
  const steps = detectionSteps(new ReportDocument(shortText(16000)));
  assert.ok(steps < 16000 * 400, `${steps} steps for 16,000 short lines`);
  assert.equal(tablesOf(new ReportDocument(cellTable(3000)))[0].rows.length, 500);
});

test('any table-like text: no exception, every cell inside the document, one cell per column, table-sum runs', () => {
  const cell = fc.oneof(
    fc.constantFrom('合计', '小计', '总计', '占比', '同比', '2024年', '本年', '上年', '类别', '行政处罚', '其中：简易', '一、处罚', '（一）罚款', '', ' ', '-', '—', '…'),
    fc.stringMatching(/^[-+]?[0-9]{1,4}(\.[0-9]{1,2})?(%|件|万元)?$/),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
  );
  const sep = fc.constantFrom(' | ', '|', '\t', '\n', '\n|\n', '\n\n', ' |\n', '\r\n');
  const text = fc.array(fc.tuple(cell, sep), { maxLength: 120 }).map((xs) => xs.map(([c, s]) => c + s).join(''));
  fc.assert(
    fc.property(text, (t) => {
      const doc = new ReportDocument(t);
      for (const table of tablesOf(doc)) {
        assert.ok(table.startLine <= table.endLine && table.endLine < doc.lineCount);
        for (const row of table.rows) {
          assert.equal(row.cells.length, table.columns.length);
          for (const c of row.cells) {
            const line = doc.lines[c.range.start.line];
            assert.ok(line && c.range.end.character <= line.text.length && c.range.start.character <= c.range.end.character);
          }
        }
      }
      const a = analyze(t);
      assert.deepEqual(a.ruleErrors, []);
    }),
    { numRuns: 300, seed: 20261130 },
  );
});

// The development corpora beside the repository (../shared/corpus, ../shared/corpus2): every table relation GOLD.md
// annotates there agrees or is a trap, so table-sum must stay silent on them; and a number changed in a real table is
// found.
const corpora = ['corpus', 'corpus2'].map((d) => path.resolve(repoRoot, '..', 'shared', d)).filter((d) => fs.existsSync(d));

test('development corpora: their tables are read, and table-sum gives no finding on them', (t) => {
  if (corpora.length < 2) {
    t.diagnostic('SKIPPED: ../shared/corpus or ../shared/corpus2 is not present');
    t.skip('corpora absent');
    return;
  }
  let count = 0;
  for (const dir of corpora) {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      count += tables(text).length;
      assert.deepEqual(tableSum(text).map((x) => `${f}:${x.range.start.line + 1} ${x.message}`), []);
    }
  }
  assert.ok(count >= 15, `only ${count} tables read in the corpora`);
});

test('development corpora: a changed 合计 in a real pipe table and a changed 总计 in a one-cell-per-line table are found', (t) => {
  const file201 = corpora.map((d) => path.join(d, '201_binjiang_fuyi_2020.txt')).find((p) => fs.existsSync(p));
  const file208 = corpora.map((d) => path.join(d, '208_anyang_court_xzsp_2022q3.txt')).find((p) => fs.existsSync(p));
  if (!file201 || !file208) {
    t.skip('corpus2 absent');
    return;
  }
  const a = fs.readFileSync(file201, 'utf8');
  const [pipe] = tables(a);
  assert.equal(pipe.rows.length, 15);
  assert.equal(pipe.rows[14].label, '合计');
  const changed = a.replace('合计 | 96 | 59 |', '合计 | 96 | 60 |');
  assert.notEqual(changed, a);
  const found = tableSum(changed).map((x) => `${x.range.start.line + 1}:${x.severity}`);
  assert.deepEqual(found, ['21:error', '21:error'], 'the column sum and the 同比 of the 合计 row');

  const b = fs.readFileSync(file208, 'utf8');
  const [cells] = tables(b);
  assert.deepEqual(cells.rows.map((r) => r.label), ['中院', '文峰', '北关', '殷都']);
  const lines = b.split('\n');
  assert.equal(lines[25], '126');
  lines[25] = '127';
  assert.deepEqual(tableSum(lines.join('\n')).map((x) => `${x.range.start.line + 1}:${x.severity}`), ['26:warning']);
});
