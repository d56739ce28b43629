// Command-line options, parsed strictly (an unknown flag is a usage error, exit 2) with node:util's parseArgs.
import { parseArgs } from 'node:util';
import type { Locale } from '../engine';

export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

export type Format = 'text' | 'json';

export interface CommonOptions {
  format: Format;
  locale: Locale;
  positionals: string[];
}

/** Parses `[--format text|json] [--locale zh-cn|en] positionals…`. */
export function parseCommon(args: string[]): CommonOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { format: { type: 'string' }, locale: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new UsageError(`参数有误（${detail}）`, `bad arguments (${detail})`);
  }
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format 只能是 text 或 json，而不是“${format}”`, `--format must be text or json, not "${format}"`);
  }
  const rawLocale = (parsed.values.locale ?? 'zh-cn').toLowerCase();
  let locale: Locale;
  if (rawLocale.startsWith('zh')) locale = 'zh-cn';
  else if (rawLocale.startsWith('en')) locale = 'en';
  else throw new UsageError(`--locale 只能是 zh-cn 或 en，而不是“${rawLocale}”`, `--locale must be zh-cn or en, not "${rawLocale}"`);
  return { format, locale, positionals: parsed.positionals };
}
