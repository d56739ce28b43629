// Messages are data: server/data/messages/zh-cn.json (default) and en.json, keyed by message id.
import zh from '../../data/messages/zh-cn.json';
import en from '../../data/messages/en.json';
import type { Locale } from './types';

const catalogs: Record<Locale, Record<string, string>> = { 'zh-cn': zh, en };

export function normalizeLocale(locale: string | undefined): Locale {
  if (!locale) return 'zh-cn';
  return locale.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export function formatMessage(locale: Locale, id: string, args: Record<string, string | number> = {}): string {
  const template = catalogs[locale][id] ?? catalogs['zh-cn'][id] ?? id;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}
