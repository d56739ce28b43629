// The workspace file `.fazhi-report.json` and learned profiles, read from disk for the command line and the
// language server (the engine itself never reads files). Data only: parsed as JSON and validated, never run.
import fs from 'node:fs';
import path from 'node:path';
import { allRules, validateProfile, validateWorkspaceConfig, type Profile, type WorkspaceConfig } from '../engine';

export const WORKSPACE_FILE = '.fazhi-report.json';

/** Is `child` the folder `parent` or below it? */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export interface LoadedWorkspaceConfig {
  /** The file found (absolute), or null when there is none. */
  file: string | null;
  config: WorkspaceConfig;
  /** Problems in the file, Chinese then English; the valid parts are still used. */
  errors: string[];
}

/** Finds the nearest .fazhi-report.json in the folder of `from` (a file or folder) or above it, up to `stopAt`. */
export function findWorkspaceFile(from: string, stopAt?: string): string | null {
  let dir = fs.existsSync(from) && fs.statSync(from).isDirectory() ? from : path.dirname(from);
  const stop = stopAt ? path.resolve(stopAt) : null;
  while (true) {
    const candidate = path.join(dir, WORKSPACE_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir || (stop && path.resolve(dir) === stop)) return null;
    dir = up;
  }
}

export function loadWorkspaceConfig(file: string | null): LoadedWorkspaceConfig {
  if (!file) return { file: null, config: {}, errors: [] };
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { file, config: {}, errors: [`无法读取 ${file} / cannot read it: ${e instanceof Error ? e.message : String(e)}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { file, config: {}, errors: [`${WORKSPACE_FILE} 不是有效的 JSON / is not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const { config, errors } = validateWorkspaceConfig(json, allRules.map((r) => r.code));
  return { file, config, errors };
}

/** Reads a learned profile (`fazhi-report learn -o …`); relative paths are resolved against `base`. */
export function loadProfile(file: string, base?: string): { profile?: Profile; error?: string } {
  const p = base ? path.resolve(base, file) : path.resolve(file);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(p, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    return { error: `无法读取配置档案 ${p} / cannot read profile: ${e instanceof Error ? e.message : String(e)}` };
  }
  const v = validateProfile(json);
  return v.ok ? { profile: v.profile } : { error: `${p}：${v.zh} / ${v.en}` };
}

/** Appends an accepted finding to a workspace file's JSON text (creating the structure when needed). */
export function addAccepted(existing: string | null, entry: { rule: string; text: string; note?: string }): string {
  let json: Record<string, unknown> = {};
  if (existing && existing.trim()) {
    const parsed: unknown = JSON.parse(existing.replace(/^\uFEFF/, ''));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  }
  const list = Array.isArray(json.accepted) ? (json.accepted as unknown[]) : [];
  if (!list.some((a) => (a as { rule?: string; text?: string }).rule === entry.rule && (a as { text?: string }).text === entry.text)) {
    list.push(entry);
  }
  json.accepted = list;
  return JSON.stringify(json, null, 2) + '\n';
}
