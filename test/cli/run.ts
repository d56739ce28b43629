// Runs the built command line (bin/fazhi-report.js → dist/cli.js) as a separate process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fixturesDir, repoRoot } from '../helpers/paths';

export const cliFixtures = path.join(fixturesDir, 'cli');
export const binPath = path.join(repoRoot, 'bin', 'fazhi-report.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string = repoRoot): CliResult {
  const r = spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function fixture(name: string): string {
  return path.join(cliFixtures, name);
}

/** Non-empty lines of a stream. */
export function lines(s: string): string[] {
  return s.split('\n').filter((l) => l.length > 0);
}
