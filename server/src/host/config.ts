// Which workspace file (.fazhi-report.json) and which learned profile apply to a report, for the command line and
// the language server alike. One stop rule: the nearest .fazhi-report.json from the report's folder upwards, up to
// and including the innermost *root* that contains the report, or up to the filesystem root when no root contains
// it. The roots are the front end's: the editor's workspace folders; for the command line, the repository root of
// the working folder (so a stray file above the repository cannot change a CI run). Files are read once and cached
// until invalidate() (the editor calls it when a watched file changes).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Profile, WorkspaceConfig } from '../engine';
import { findWorkspaceFile, isInside, loadProfile, loadWorkspaceConfig, WORKSPACE_FILE, type LoadedWorkspaceConfig } from './workspace-file';

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

export interface LoadedProfile {
  profile?: Profile;
  error?: string;
  /** The profile's absolute path. */
  path: string;
}

/** What applies to one document in the editor. */
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

export class ConfigResolver {
  private readonly found = new Map<string, string | null>();
  private readonly files = new Map<string, LoadedWorkspaceConfig>();
  private readonly profiles = new Map<string, LoadedProfile>();

  /** @param roots where the search upwards stops (absolute paths): workspace folders, or the repository root. */
  constructor(public roots: string[] = []) {}

  /** A watched file changed (or the roots did): read everything again. */
  invalidate(): void {
    this.found.clear();
    this.files.clear();
    this.profiles.clear();
  }

  /** The innermost root that contains `file`, or null. */
  rootOf(file: string): string | null {
    let best: string | null = null;
    for (const r of this.roots) if (isInside(file, r) && (!best || r.length > best.length)) best = r;
    return best;
  }

  /** The workspace file that applies to the file (or folder) `file` by the stop rule above, or null. */
  workspaceFileFor(file: string, isFolder = false): string | null {
    const dir = isFolder ? file : path.dirname(file);
    let found = this.found.get(dir);
    if (found === undefined) {
      found = findWorkspaceFile(dir, this.rootOf(dir) ?? undefined);
      this.found.set(dir, found);
    }
    return found;
  }

  /** A workspace file read and validated (its errors are in the result; the valid parts are still used). */
  workspace(file: string): LoadedWorkspaceConfig {
    let loaded = this.files.get(file);
    if (!loaded) {
      loaded = loadWorkspaceConfig(file);
      this.files.set(file, loaded);
    }
    return loaded;
  }

  /** A learned profile, `file` resolved against `base` (else the working folder). */
  profile(file: string, base?: string): LoadedProfile {
    const key = path.resolve(base ?? '', file);
    let p = this.profiles.get(key);
    if (!p) {
      p = { ...loadProfile(key), path: key };
      this.profiles.set(key, p);
    }
    return p;
  }

  /**
   * The editor's view of a document (its path, or null for an untitled buffer): the workspace file found by the stop
   * rule, and the profile it names (relative to that file) or else `settingsProfile` (relative to the root).
   */
  forDocument(docPath: string | null, settingsProfile?: string): DocumentConfig {
    const errors: DocumentConfig['errors'] = [];
    let config: WorkspaceConfig = {};
    const root = docPath ? this.rootOf(docPath) : this.roots[0] ?? null;
    const file = docPath ? this.workspaceFileFor(docPath) : null;
    if (file) {
      const loaded = this.workspace(file);
      config = loaded.config;
      for (const message of loaded.errors) errors.push({ file, message });
    }
    let profile: Profile | undefined;
    const profilePath = config.profile ?? settingsProfile;
    const base = config.profile && file ? path.dirname(file) : (root ?? (docPath ? path.dirname(docPath) : undefined));
    if (profilePath) {
      const p = this.profile(profilePath, base);
      if (p.profile) profile = p.profile;
      else if (p.error) errors.push({ file: config.profile && file ? file : p.path, message: p.error });
    }
    const target = file ?? (root ? path.join(root, WORKSPACE_FILE) : docPath ? path.join(path.dirname(docPath), WORKSPACE_FILE) : null);
    return { file, config, errors, profile, target };
  }
}
