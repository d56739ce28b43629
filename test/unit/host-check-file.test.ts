// Whether a file on disk is checked as a report (host/check-file.ts shouldCheckFile): one decision for `check folder/`
// and the editor's workspace check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shouldCheckFile } from '../../server/src/host/check-file';

const NOTES = '区司法局周例会会议纪要\n时间：3月2日上午\n参会人员：局班子成员\n一、传达上级会议精神\n二、研究近期工作安排\n';
const REPORT = '某某区2024年法治政府建设年度报告\n一、主要举措和成效\n全年受理行政复议申请40件。\n二、存在的不足和原因\n三、2025年工作安排\n';

test('plain text by its text; the report language by its name, whatever the text; force checks anything', () => {
  assert.equal(shouldCheckFile('/w/周例会纪要.txt', NOTES), false);
  assert.equal(shouldCheckFile('/w/周例会纪要.txt', NOTES, { force: true }), true);
  assert.equal(shouldCheckFile('/w/报告.txt', REPORT), true);
  assert.equal(shouldCheckFile('/w/报告.md', REPORT), true);
  assert.equal(shouldCheckFile('/w/草稿.fzbg.txt', NOTES), true);
  // detection off: plain text is checked only in the report language
  assert.equal(shouldCheckFile('/w/报告.txt', REPORT, { detect: false }), false);
  assert.equal(shouldCheckFile('/w/草稿.fzbg.txt', NOTES, { detect: false }), true);
});

test('a Word or PDF document is judged by its text alone, also with detection off', () => {
  assert.equal(shouldCheckFile('/w/报告.docx', REPORT, { detect: false }), true);
  assert.equal(shouldCheckFile('/w/会议纪要.pdf', NOTES), false);
  assert.equal(shouldCheckFile('/w/会议纪要.doc', NOTES, { force: true }), true);
});
