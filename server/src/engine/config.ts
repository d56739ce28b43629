// The workspace file `.fazhi-report.json`: settings and accepted findings, as data only (never code). Validated
// here field by field; its JSON schema (schemas/fazhi-report.schema.json) gives editors completion and squiggles.
import type { Severity } from './types';

export interface AcceptedFinding {
  /** The check's code. */
  rule: string;
  /** The sentence the finding was in, as written: the finding stays silenced while the sentence is unchanged. */
  text: string;
  /** Why it was accepted (free text, for the reviewer). */
  note?: string;
}

export interface WorkspaceConfig {
  rules?: Record<string, Severity | 'off'>;
  /** Path of a learned profile, relative to the workspace file. */
  profile?: string;
  detectReportsInPlainText?: boolean;
  checkOn?: 'type' | 'save';
  accepted?: AcceptedFinding[];
  /** Reports of consecutive years to compare (across-reports), paths relative to the workspace file. */
  pairs?: { current: string; previous: string }[];
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function validateWorkspaceConfig(
  value: unknown,
  knownRules: readonly string[],
): { config: WorkspaceConfig; errors: string[] } {
  const errors: string[] = [];
  const config: WorkspaceConfig = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { config, errors: ['.fazhi-report.json 应是一个 JSON 对象 / must be a JSON object'] };
  }
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    if (!['$schema', 'rules', 'profile', 'detectReportsInPlainText', 'checkOn', 'accepted', 'pairs'].includes(key)) {
      errors.push(`未知的设置项 “${key}” / unknown key "${key}"`);
    }
  }
  if (v.rules !== undefined) {
    if (!v.rules || typeof v.rules !== 'object' || Array.isArray(v.rules)) errors.push('rules 应是对象 / rules must be an object');
    else {
      config.rules = {};
      for (const [code, sev] of Object.entries(v.rules as Record<string, unknown>)) {
        if (!knownRules.includes(code)) errors.push(`rules：没有名为 “${code}” 的检查 / no check named "${code}"`);
        else if (typeof sev !== 'string' || !SEVERITIES.has(sev)) errors.push(`rules.${code}：应为 error、warning、information、hint 或 off / must be a severity or off`);
        else config.rules[code] = sev as Severity | 'off';
      }
    }
  }
  if (v.profile !== undefined) {
    if (typeof v.profile === 'string' && v.profile.trim()) config.profile = v.profile;
    else errors.push('profile 应是档案文件的路径 / profile must be a file path');
  }
  if (v.detectReportsInPlainText !== undefined) {
    if (typeof v.detectReportsInPlainText === 'boolean') config.detectReportsInPlainText = v.detectReportsInPlainText;
    else errors.push('detectReportsInPlainText 应为 true 或 false / must be a boolean');
  }
  if (v.checkOn !== undefined) {
    if (v.checkOn === 'type' || v.checkOn === 'save') config.checkOn = v.checkOn;
    else errors.push('checkOn 应为 "type" 或 "save" / must be "type" or "save"');
  }
  if (v.pairs !== undefined) {
    if (!Array.isArray(v.pairs)) errors.push('pairs 应是数组 / pairs must be an array');
    else {
      config.pairs = [];
      v.pairs.forEach((x, i) => {
        const p = x as Record<string, unknown>;
        if (!p || typeof p !== 'object' || typeof p.current !== 'string' || typeof p.previous !== 'string') {
          errors.push(`pairs[${i}] 应有 current（本年报告）和 previous（上年报告）两个路径 / needs string paths current and previous`);
        } else config.pairs!.push({ current: p.current, previous: p.previous });
      });
    }
  }
  if (v.accepted !== undefined) {
    if (!Array.isArray(v.accepted)) errors.push('accepted 应是数组 / accepted must be an array');
    else {
      config.accepted = [];
      v.accepted.forEach((a, i) => {
        const x = a as Record<string, unknown>;
        if (!x || typeof x.rule !== 'string' || typeof x.text !== 'string' || (x.note !== undefined && typeof x.note !== 'string')) {
          errors.push(`accepted[${i}] 应有 rule 和 text 两个字符串 / needs string fields rule and text`);
        } else config.accepted!.push({ rule: x.rule, text: x.text, ...(x.note ? { note: x.note as string } : {}) });
      });
    }
  }
  return { config, errors };
}

const SENTENCE_END = /[。！？!?；;]/;

/** The sentence around a position of a line, ending punctuation included, trimmed. */
export function sentenceAt(lineText: string, character: number): string {
  let start = Math.min(character, lineText.length);
  while (start > 0 && !SENTENCE_END.test(lineText[start - 1])) start--;
  let end = Math.min(character, lineText.length);
  while (end < lineText.length && !SENTENCE_END.test(lineText[end])) end++;
  if (end < lineText.length) end++;
  return lineText.slice(start, end).trim();
}
