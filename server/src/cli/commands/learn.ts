// `fazhi-report learn <folder> [-o profile.json]`: learns the conventions of a set of example reports (which parts
// they have and how, their order, vocabulary, figure density, metric vocabulary) and writes a profile for
// `check --profile` and the editor setting fazhiReport.profile. Without -o the profile goes to standard output.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { metricText } from '../../engine/sections/metrics';
import { learnProfile, serializeProfile, type LearnInput } from '../../engine/sections/learn';
import { loadSegmenter, segmenterError } from '../../segmenter';
import { UsageError } from '../args';
import { expandTargets } from '../files';
import type { CliIO } from '../io';
import { readErrorLine, readInput } from '../../host/read';
import path from 'node:path';
import type { Command } from './command';

export const learn: Command = {
  name: 'learn',
  usage: 'learn <文件夹 / folder> [-o profile.json]',
  summary: {
    zh: '从示例报告学习报告惯例（必备部分的写法、顺序、用词，惯常部分，指标用语），写出配置档案',
    en: 'learn the conventions of example reports (how and in what order they present each part, their vocabulary, recurring parts, metric words) into a profile',
  },
  async run(args: string[], io: CliIO): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { output: { type: 'string', short: 'o' } }, allowPositionals: true, strict: true });
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      throw new UsageError(`参数有误（${detail}）`, `bad arguments (${detail})`);
    }
    if (parsed.positionals.length === 0) throw new UsageError('请给出示例报告所在的文件夹', 'give the folder of example reports');
    const inputs: LearnInput[] = [];
    let unreadable = 0;
    for (const t of expandTargets(parsed.positionals)) {
      const r = await readInput(t.absolute);
      if (!r.ok) {
        io.err(readErrorLine(t.display, r.reason) + '\n');
        unreadable++;
        continue;
      }
      inputs.push({ name: path.basename(t.absolute), text: r.text });
    }
    if (inputs.length === 0) {
      io.err('fazhi-report: 没有找到可学习的报告（.txt、.md、.docx、.doc、.wps 或 .pdf） / no reports (.txt, .md, .docx, .doc, .wps or .pdf) to learn from\n');
      return 2;
    }
    const segment = loadSegmenter();
    if (!segment) {
      io.err(`fazhi-report: 学习需要中文分词（nodejieba），但它无法加载：${segmenterError()} / learning needs nodejieba, which could not be loaded\n`);
      return 2;
    }
    const profile = learnProfile(inputs, segment);
    const text = serializeProfile(profile);
    if (parsed.values.output) {
      const out = parsed.values.output;
      const old = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : null;
      if (old !== text) {
        fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
        fs.writeFileSync(out, text);
      }
      const parts = profile.types.filter((t) => t.seen > 0).map((t) => `${t.label['zh-cn']} ${t.seen}/${profile.reports}`);
      const expected = profile.types.filter((t) => t.expected).map((t) => t.heading);
      const metrics = (profile.metrics.expected ?? []).map((m) => `${metricText(m, 'zh-cn')} ${m.seen}/${profile.reports}`);
      io.err(
        `从 ${profile.reports} 份报告学习` +
          (profile.skipped.length ? `（跳过 ${profile.skipped.length} 份：${profile.skipped.map((s) => s.name).join('、')}）` : '') +
          `：${parts.join('；')}` +
          (expected.length ? `；惯常部分：${expected.join('、')}` : '；没有必备五项之外的惯常部分') +
          (metrics.length ? `；多数报告写到的指标：${metrics.join('、')}` : '') +
          `。${old === text ? '档案未变' : '已写入'} ${out}\n`,
      );
    } else {
      io.out(text);
    }
    return unreadable ? 2 : 0;
  },
};
