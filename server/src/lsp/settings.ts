// The `fazhiReport` settings, pulled per document through workspace/configuration when the client supports it,
// otherwise taken from what didChangeConfiguration pushed (Neovim and Emacs clients often push), else defaults.
import type { Connection } from 'vscode-languageserver/node';
import type { AnalyzeOptions, WorkspaceConfig } from '../engine';

export const SECTION = 'fazhiReport';

export interface Settings {
  detectReportsInPlainText: boolean;
  rules?: AnalyzeOptions['rules'];
  /** Path of a learned profile (`fazhi-report learn`), relative to the workspace folder. */
  profile?: string;
  /** Check while typing (default) or only when the file is saved. */
  checkOn: 'type' | 'save';
}

export const DEFAULT_SETTINGS: Settings = { detectReportsInPlainText: true, checkOn: 'type' };

/** A client that never answers must not stall checking: fall back to the defaults after this long. */
const CONFIGURATION_TIMEOUT_MS = 2000;

export function settingsFrom(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    if (typeof r.detectReportsInPlainText === 'boolean') s.detectReportsInPlainText = r.detectReportsInPlainText;
    if (r.rules && typeof r.rules === 'object') s.rules = r.rules as Settings['rules'];
    if (typeof r.profile === 'string' && r.profile.trim()) s.profile = r.profile.trim();
    if (r.checkOn === 'save' || r.checkOn === 'type') s.checkOn = r.checkOn;
  }
  return s;
}

export class SettingsCache {
  private readonly perUri = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;
  pullSupported = false;

  constructor(private readonly connection: Connection) {}

  /** didChangeConfiguration: forget what was pulled, remember what was pushed (if it carries our section). */
  changed(pushedSettings: unknown): void {
    this.perUri.clear();
    if (pushedSettings && typeof pushedSettings === 'object' && SECTION in pushedSettings) {
      this.pushed = settingsFrom((pushedSettings as Record<string, unknown>)[SECTION]);
    }
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  get(uri: string): Promise<Settings> {
    if (!this.pullSupported) return Promise.resolve(this.pushed);
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.pull(uri);
      this.perUri.set(uri, p);
    }
    return p;
  }

  private async pull(uri: string): Promise<Settings> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), CONFIGURATION_TIMEOUT_MS);
    });
    try {
      const raw = await Promise.race([
        this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }) as Promise<unknown>,
        timeout,
      ]);
      // null (section unknown to the client) or no answer: the pushed settings, which default sensibly.
      return raw === undefined || raw === null ? this.pushed : settingsFrom(raw);
    } catch {
      return this.pushed;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}

/** Settings and the workspace file together: the workspace file wins, it is the team's shared choice. */
export function effectiveSettings(s: Settings, c: WorkspaceConfig): Settings {
  return {
    ...s,
    detectReportsInPlainText: c.detectReportsInPlainText ?? s.detectReportsInPlainText,
    checkOn: c.checkOn ?? s.checkOn,
    rules: c.rules ? { ...(s.rules ?? {}), ...c.rules } : s.rules,
  };
}
