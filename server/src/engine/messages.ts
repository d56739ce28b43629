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

export function formatMessage(locale: Locale, id: string, args: MessageArgs = {}): string {
  const template = catalogs[locale][id] ?? catalogs['zh-cn'][id] ?? id;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in args)) return whole;
    const v = args[key];
    return typeof v === 'object' ? formatMessage(locale, v.id, v.args) : String(v);
  });
}
