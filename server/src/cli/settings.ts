// Which settings a checked file gets on the command line, as in the editor: the workspace file
// `.fazhi-report.json` (rules, profile, accepted findings) nearest above the file, or the one named by --config;
// a profile named by --profile replaces the workspace file's. Invalid files are reported, one line each, and stop
// the run (exit 2) before anything is checked: a CI run must not pass on half a configuration.
//
// Where the search stops is the editor's rule (host/config.ts), with the repository root of the working folder (the
// nearest folder above it holding .git) as the one root: files inside it search up to it, so a stray
// .fazhi-report.json above the repository cannot change a CI run; files elsewhere (or with no repository) search up
// to the filesystem root.
import fs from 'node:fs';
import path from 'node:path';
import type { AnalyzeOptions, Profile } from '../engine';
import { ConfigResolver } from '../host/config';

export interface SettingsOptions {
  /** --config: one workspace file for every checked file. */
  config?: string;
  /** --profile: a learned profile replacing the workspace file's. */
  profile?: string;
  cwd: string;
}

export type FileSettings = Pick<AnalyzeOptions, 'rules' | 'accepted' | 'profile'> & {
  workspaceFile: string | null;
  /** Reports of consecutive years named in the workspace file (absolute paths), for across-reports. */
  pairs?: { current: string; previous: string }[];
};

/** The nearest folder at or above `from` that holds .git (a folder or, for worktrees, a file); null if none. */
export function repositoryRoot(from: string): string | null {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}


export class SettingsResolver {
  /** The one resolver of workspace files and profiles (host/config.ts); its root is the repository's. */
  private readonly resolver: ConfigResolver;
  /** Problems found, one line each (Chinese / English), in the order met; reported once. */
  readonly errors: string[] = [];
  private readonly reported = new Set<string>();

  constructor(private readonly options: SettingsOptions) {
    const repoRoot = repositoryRoot(options.cwd);
    this.resolver = new ConfigResolver(repoRoot ? [repoRoot] : []);
  }

  private fail(key: string, line: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.errors.push(line);
  }

  private profile(file: string, base: string): Profile | undefined {
    const p = this.resolver.profile(file, base);
    if (p.error) this.fail('profile:' + p.path, `fazhi-report: 配置档案有误 / invalid profile: ${p.error}`);
    return p.profile;
  }

  /** The settings of one checked file (absolute path); problems are collected in `errors`. */
  forFile(absolute: string): FileSettings {
    const wsFile = this.options.config ? path.resolve(this.options.cwd, this.options.config) : this.resolver.workspaceFileFor(absolute);
    const settings: FileSettings = { workspaceFile: wsFile };
    if (wsFile) {
      const w = this.resolver.workspace(wsFile);
      if (w.errors.length > 0) {
        this.fail('ws:' + wsFile, `fazhi-report: 工作区设置文件 ${displayOf(wsFile, this.options.cwd)} 有误：${w.errors.join('；')}`);
      }
      if (w.config.rules) settings.rules = w.config.rules;
      if (w.config.accepted) settings.accepted = w.config.accepted;
      if (w.config.pairs) settings.pairs = w.config.pairs.map((p) => ({ current: path.resolve(path.dirname(wsFile), p.current), previous: path.resolve(path.dirname(wsFile), p.previous) }));
      if (w.config.profile && !this.options.profile) settings.profile = this.profile(w.config.profile, path.dirname(wsFile));
    }
    if (this.options.profile) settings.profile = this.profile(this.options.profile, this.options.cwd);
    return settings;
  }
}

function displayOf(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
