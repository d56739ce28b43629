// Report texts shared by the editor-feature protocol tests.
export const FULL = [
  '某市2023年法治政府建设情况报告',
  '一、推进法治政府建设的主要举措和成效',
  '全年受理调解案件8608起，成功调结8568件，化解率达到98.5%。',
  '二、推进法治政府建设存在的不足和原因',
  '基层力量薄弱，原因是人员不足。',
  '三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
  '主要负责人亲自部署。',
  '四、2024年度推进法治政府建设的主要安排',
  '持续推进。',
  '',
].join('\n');
/** FULL with a numbering gap (四 → 五): heading-numbering and rate-mismatch. */
export const GAP = FULL.replace('四、2024', '五、2024');
/** FULL without the 第一责任人 part: missing-section and rate-mismatch. */
export const MISSING = FULL.replace('三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n主要负责人亲自部署。\n', '').replace('四、2024', '三、2024');
