// Messages are data: server/data/messages/zh-cn.json (default) and en.json, keyed by message id.
import zh from '../../data/messages/zh-cn.json';
import en from '../../data/messages/en.json';
import type { Locale } from './types';

const catalogs: Record<Locale, Record<string, string>> = { 'zh-cn': zh, en };

export function normalizeLocale(locale: string | undefined): Locale {
  if (!locale) return 'zh-cn';
  return locale.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** Another message as an argument, formatted in the same language ("该列举{reason}" with reason = 含“其他”项). */
export interface MessageRef {
  id: string;
  args?: Record<string, string | number>;
}
export type MessageArgs = Record<string, string | number | MessageRef>;

/** A template split once into text and placeholder names: [text, name, text, name, …, text]. */
const compiled: Record<Locale, Map<string, string[]>> = { 'zh-cn': new Map(), en: new Map() };

function parts(locale: Locale, id: string): string[] {
  let p = compiled[locale].get(id);
  if (!p) {
    const template = catalogs[locale][id] ?? catalogs['zh-cn'][id];
    // an unknown id is shown as itself (and not kept: ids come from the code, but a wrong one must not grow the cache)
    if (template === undefined) return [id];
    p = template.split(/\{(\w+)\}/);
    compiled[locale].set(id, p);
  }
  return p;
}

export function formatMessage(locale: Locale, id: string, args: MessageArgs = {}): string {
  const p = parts(locale, id);
  let out = p[0];
  for (let i = 1; i < p.length; i += 2) {
    const key = p[i];
    if (!(key in args)) out += `{${key}}`;
    else {
      const v = args[key];
      out += typeof v === 'object' ? formatMessage(locale, v.id, v.args) : String(v);
    }
    out += p[i + 1];
  }
  return out;
}
