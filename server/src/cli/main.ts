// Entry of dist/cli.js (bin/fazhi-report.js calls main). Dispatches to the commands in commands/index.ts.
import { isMainThread } from 'node:worker_threads';
import { commands, findCommand } from './commands';
import { UsageError } from './args';
import { processIO } from './io';
import type { CliIO } from './io';
import pkg from '../../../package.json';

// (for scripts/code-cache.mjs: a folder check's engine settings, applied before it makes the workers' cache)
export { tuneForFolder } from './tuning';

export function usageText(): string {
  const lines = ['用法 / Usage:'];
  for (const c of commands) {
    lines.push(`  fazhi-report ${c.usage}`);
    lines.push(`      ${c.summary.zh} / ${c.summary.en}`);
  }
  lines.push('  fazhi-report --help | --version');
  lines.push('');
  lines.push(
    '退出码 / Exit codes: 0 没有错误 / no errors；1 发现错误，或警告多于 --max-warnings / errors found, or more warnings than --max-warnings；' +
      '2 用法、读取或设置文件错误 / usage, read or settings-file error',
  );
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`${pkg.version}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usageText());
    // Bare `fazhi-report` is a usage error (exit 2) but still helpful; asking for help is not an error.
    return name === undefined ? 2 : 0;
  }
  const command = findCommand(name);
  if (!command) {
    io.err(`fazhi-report: 未知命令“${name}” / unknown command "${name}"\n\n` + usageText());
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(usageText());
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`fazhi-report: ${e.zh} / ${e.en}\n\n` + usageText());
      return 2;
    }
    const detail = e instanceof Error ? e.stack || e.message : String(e);
    io.err(`fazhi-report: 内部错误 / internal error: ${detail}\n`);
    return 2;
  }
}

// `node dist/cli.js …` works as well as bin/fazhi-report.js.
// Not in a worker thread: the check's workers (pool.ts) load this same bundle.
if (require.main === module && isMainThread) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
