// The segmentation dictionary the product loads (dist/jieba/): nodejieba's full dictionary takes about 240 MB of
// memory once loaded and over a second to load (per thread: the editor's server, each worker of `check folder/`), so
// we keep only the words a report needs — every word with frequency ≥ 20, every word of frequency ≥ 5 that names a
// measure (…率, …数, …量, …额: the counted nouns the hover shows), every word the full dictionary finds in the example
// reports (seeds/), and the vocabulary of server/data (stages, objects, rates, section cues) — about 80,000 of the
// 350,000 entries: a quarter of the load time and under half the memory. The checks read the segmenter only for a
// figure's label words (conflicting-figure's key) and plan items' key terms; the findings on the seeds, both corpora
// and test/probe did not change when the threshold moved from 5 to 20. The keyword-extraction tables
// nodejieba also loads (idf, stop words) are never used by the checker and are replaced by one-line files.
// Deterministic: the same nodejieba and the same seeds give the same file.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const MIN_FREQ = 20;
/** Words of frequency ≥ MEASURE_FREQ that end in one of these characters are kept below MIN_FREQ: 满意率, 编制数 … */
const MEASURE_FREQ = 5;
const MEASURE_END = /[率数量额]$/;

export function buildDict() {
  const jiebaDir = path.join(path.dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict');
  const full = fs.readFileSync(path.join(jiebaDir, 'jieba.dict.utf8'), 'utf8').split('\n').filter(Boolean);
  const wanted = new Set();
  // the vocabulary of the data files: every CJK run of two or more characters in their strings
  for (const name of ['figures.json', 'sections.json']) {
    const text = fs.readFileSync(path.join(root, 'server', 'data', name), 'utf8');
    for (const m of text.matchAll(/[\u4e00-\u9fff]{2,}/g)) wanted.add(m[0]);
  }
  // the words the full dictionary finds in the example reports
  const jieba = require('nodejieba');
  jieba.load();
  for (const f of fs.readdirSync(path.join(root, 'seeds')).sort()) {
    for (const w of jieba.cut(fs.readFileSync(path.join(root, 'seeds', f), 'utf8'), true)) if (/^[\u4e00-\u9fff]{2,}$/.test(w)) wanted.add(w);
  }
  const out = [];
  const inFull = new Set();
  for (const line of full) {
    const [word, freq] = line.split(' ');
    inFull.add(word);
    const f = Number(freq);
    if (f >= MIN_FREQ || wanted.has(word) || (f >= MEASURE_FREQ && MEASURE_END.test(word))) out.push(line);
  }
  const dir = path.join(root, 'dist', 'jieba');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'fazhi.dict.utf8'), out.join('\n') + '\n');
  // what a folder check's small dictionaries need of this one (server/src/segmenter.ts dictionaryStats, which the
  // unit test segmenter-for compares with this file): total, lowest and median frequency, longest word (UTF-16 units)
  const freqs = Float64Array.from(out, (line) => parseInt(line.slice(line.indexOf(' ') + 1), 10)).sort();
  const stats = {
    entries: out.length,
    total: freqs.reduce((a, b) => a + b, 0),
    lowest: freqs[0],
    median: freqs[Math.floor(out.length / 2)],
    longest: out.reduce((a, line) => Math.max(a, line.indexOf(' ')), 1),
  };
  fs.writeFileSync(path.join(dir, 'fazhi.dict.stats.json'), JSON.stringify(stats) + '\n');
  fs.writeFileSync(path.join(dir, 'idf.utf8'), '的 1.0\n');
  fs.writeFileSync(path.join(dir, 'stop_words.utf8'), '的\n');
  return { entries: out.length, of: full.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = buildDict();
  process.stdout.write(`dist/jieba/fazhi.dict.utf8: ${r.entries} of ${r.of} entries\n`);
}
