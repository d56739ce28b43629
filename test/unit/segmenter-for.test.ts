// segmenterFor (server/src/segmenter.ts): a folder check cuts last year's plan items with a dictionary of only the
// entries those items contain. It must cut them exactly as the whole dictionary does. This file has a process of its
// own (node --test runs each file apart): the small dictionary is loaded first, then the whole one, in one process.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dictionaryStats, hmmModelFor, loadSegmenter, segmenterFor, segmenterIfLoaded } from '../../server/src/segmenter';
import { repoRoot, seedFiles, readText } from '../helpers/paths';

// every line of the example reports (headings, and whole paragraphs: long texts with many candidate words), and
// plan items written here (names, places, numbers, Latin letters, words no dictionary has)
const texts = [
  ...seedFiles().flatMap((f) => readText(f).split(/\r?\n/)),
  '推进“放管服”改革，优化营商环境',
  '加强基层法治队伍建设，提升乡镇（街道）合法性审核能力',
  '深化12345热线与110联动机制建设',
  '完善ＰＰＰ项目合规审查流程',
  '扎实开展“八五”普法中期评估',
  '韩玉鉴赏区块链云计算蓝翔',
  '𠀀𠀁生僻字与罕见用语并存的条目',
].filter((t) => t.trim().length > 0);

test('the small dictionary for some texts cuts them exactly as the whole dictionary does', () => {
  assert.equal(segmenterIfLoaded(), null, 'this file must run before anything loads the whole dictionary');
  assert.ok(fs.existsSync(path.join(repoRoot, 'seeds')));
  const small = segmenterFor(texts);
  assert.ok(small, 'nodejieba could not be loaded');
  const cutSmall = texts.map((t) => small(t));
  assert.equal(segmenterIfLoaded(), null, 'the small dictionary is not the whole one');
  // a later call loads another small dictionary: the first segmenter must not cut its texts with that one
  assert.ok(segmenterFor(['推进政务公开标准化规范化']));
  const cutAfterAnother = texts.map((t) => small(t));
  const whole = loadSegmenter();
  assert.ok(whole);
  const cutWhole = texts.map((t) => whole(t));
  let differing = 0;
  for (let i = 0; i < texts.length; i++) if (JSON.stringify(cutSmall[i]) !== JSON.stringify(cutWhole[i])) differing++;
  assert.equal(differing, 0, `texts cut otherwise: ${differing} of ${texts.length}`);
  assert.deepEqual(cutAfterAnother, cutWhole);
  // (the comparison is not empty: the texts hold many words of two characters or more)
  assert.ok(cutWhole.flat().filter((w) => w.length >= 2).length > 1000);
});

test('once the whole dictionary is loaded, it is what segmenterFor gives', () => {
  const whole = loadSegmenter();
  assert.equal(segmenterFor(['任何文本']), whole);
});

test('the figures of the reduced dictionary written beside it are those of its lines', () => {
  const dir = path.join(repoRoot, 'dist', 'jieba');
  const lines = fs.readFileSync(path.join(dir, 'fazhi.dict.utf8'), 'utf8').split('\n');
  const written = JSON.parse(fs.readFileSync(path.join(dir, 'fazhi.dict.stats.json'), 'utf8'));
  assert.deepEqual(written, dictionaryStats(lines));
  assert.ok(written.entries > 50000 && written.longest > 4);
});

test('the HMM model for some texts keeps the weights of their characters only, and a line for every state', () => {
  const model = ['#B', '-0.2 -3.14e+100 -3.14e+100 -1.4', '#E:x', ...Array.from({ length: 4 }, () => '0 0 0 0'), '#B', '甲:-1.0,乙:-2.0,丙:-3.0', '#E', '丁:-1.5,乙:-2.5', '#M', '甲:-0.5', '#S', '戊:-4.0,丙:-0.1'].join('\n');
  const lines = hmmModelFor(model, ['乙丙']).split('\n');
  assert.deepEqual(lines.slice(-8), ['#B', '甲:-1.0,乙:-2.0,丙:-3.0', '#E', '丁:-1.5,乙:-2.5', '#M', '甲:-0.5', '#S', '戊:-4.0,丙:-0.1']);
  const fewer = hmmModelFor(model, ['丙']).split('\n');
  assert.deepEqual(fewer.slice(-8), ['#B', '甲:-1.0,丙:-3.0', '#E', '丁:-1.5', '#M', '甲:-0.5', '#S', '戊:-4.0,丙:-0.1']);
  // the start and transition weights are kept as they are
  assert.deepEqual(fewer.slice(0, 7), model.split('\n').slice(0, 7));
});
