// A Word table whose counts do not add up to its 合计 row is found by table-sum once the .docx is read (Word tables
// become pipe rows, the one table model); the same table adding up gives no finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocx } from '../../server/src/host/readers/docx';
import { analyze } from '../../server/src/engine';
import { docx, p, t } from './docx-build';
import { segmenter } from '../figures/common';

const cell = (s: string) => `<w:tc><w:p>${t(s)}</w:p></w:tc>`;
const row = (cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
function report(total: string): Uint8Array {
  const body =
    p(t('某县司法局2023年行政复议案件统计')) +
    p(t('全年新收行政复议案件按类别统计如下：')) +
    `<w:tbl>${row(['类别', '数量（件）'])}${row(['行政处罚', '62'])}${row(['行政强制', '18'])}${row(['信息公开', '35'])}${row(['合计', total])}</w:tbl>` +
    p(t('以上数据截至2023年12月31日。'));
  return docx(body);
}

test('a Word table whose rows do not add up to its 合计 is found (table-sum); one that adds up is not', () => {
  const bad = readDocx(report('125'));
  assert.match(bad.text, /\| 合计 \| 125 \|/);
  const found = analyze(bad.text, { segmenter: segmenter() }).findings.filter((f) => f.code === 'table-sum');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /115/);
  const good = readDocx(report('115'));
  assert.deepEqual(analyze(good.text, { segmenter: segmenter() }).findings.filter((f) => f.code === 'table-sum'), []);
});
