// The workspace file (.fazhi-report.json) and the learned profile that apply to a document, as the language server
// sees them: found with findWorkspaceFile (from the document's folder up to its workspace folder), read with
// loadWorkspaceConfig / loadProfile (server/src/workspace.ts), cached until a watched file changes.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Profile, WorkspaceConfig } from '../engine';
import { findWorkspaceFile, isInside, loadProfile, loadWorkspaceConfig, WORKSPACE_FILE } from '../workspace';
import type { Settings } from './settings';

export interface DocumentConfig {
  /** The workspace file that applies (absolute path), or null. */
  file: string | null;
  config: WorkspaceConfig;
  /** Problems in the workspace file or the profile it (or the settings) name: shown on that file, never fatal. */
  errors: { file: string; message: string }[];
  profile?: Profile;
  /** Where the "ignore in this workspace" fix writes: the file found, else the workspace folder's (or the document's folder). */
  target: string | null;
}

/** The file-system path of a file: URI, or null for other schemes (untitled buffers). */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}


export class WorkspaceConfigs {
  /** Workspace folders (absolute paths), from initialize and didChangeWorkspaceFolders. */
  folders: string[] = [];
  private readonly found = new Map<string, string | null>();
  private readonly files = new Map<string, ReturnType<typeof loadWorkspaceConfig>>();
  private readonly profiles = new Map<string, ReturnType<typeof loadProfile>>();

  /** A watched file changed: read everything again. */
  invalidate(): void {
    this.found.clear();
    this.files.clear();
    this.profiles.clear();
  }

  folderOf(file: string): string | null {
    let best: string | null = null;
    for (const f of this.folders) if (isInside(file, f) && (!best || f.length > best.length)) best = f;
    return best;
  }

  forDocument(uri: string, settings: Settings): DocumentConfig {
    const docPath = uriToPath(uri);
    const errors: DocumentConfig['errors'] = [];
    let file: string | null = null;
    let config: WorkspaceConfig = {};
    const folder = docPath ? this.folderOf(docPath) : this.folders[0] ?? null;
    if (docPath) {
      const dir = path.dirname(docPath);
      if (!this.found.has(dir)) this.found.set(dir, findWorkspaceFile(dir, folder ?? undefined));
      file = this.found.get(dir) ?? null;
      if (file) {
        let loaded = this.files.get(file);
        if (!loaded) {
          loaded = loadWorkspaceConfig(file);
          this.files.set(file, loaded);
        }
        config = loaded.config;
        for (const message of loaded.errors) errors.push({ file, message });
      }
    }
    let profile: Profile | undefined;
    // The workspace file's profile is relative to that file; the setting's to the workspace folder.
    const profilePath = config.profile ?? settings.profile;
    const base = config.profile && file ? path.dirname(file) : (folder ?? (docPath ? path.dirname(docPath) : undefined));
    if (profilePath) {
      const key = path.resolve(base ?? '', profilePath);
      let p = this.profiles.get(key);
      if (!p) {
        p = loadProfile(profilePath, base);
        this.profiles.set(key, p);
      }
      if (p.profile) profile = p.profile;
      else if (p.error) errors.push({ file: config.profile && file ? file : key, message: p.error });
    }
    const target = file ?? (folder ? path.join(folder, WORKSPACE_FILE) : docPath ? path.join(path.dirname(docPath), WORKSPACE_FILE) : null);
    return { file, config, errors, profile, target };
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
