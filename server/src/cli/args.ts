// Command-line options, parsed strictly (an unknown flag is a usage error, exit 2) with node:util's parseArgs.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Locale } from '../engine';

export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

/** Every output format some command knows; each command says which of them it accepts. */
export type Format = 'text' | 'json' | 'sarif' | 'github' | 'html';

type ExtraOptions = NonNullable<ParseArgsConfig['options']>;
type ExtraValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommonOptions {
  format: Format;
  locale: Locale;
  positionals: string[];
  /** The values of the command's own options (`extra` below), as parseArgs gives them. */
  values: ExtraValues;
}

export interface CommonSpec {
  /** The formats this command accepts (default: text and json). */
  formats?: readonly Format[];
  /** Options of the command besides --format and --locale. */
  extra?: ExtraOptions;
}

/** Parses `[--format …] [--locale zh-cn|en] [the command's own options] positionals…`. */
export function parseCommon(args: string[], spec: CommonSpec = {}): CommonOptions {
  const formats = spec.formats ?? (['text', 'json'] as const);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...spec.extra, format: { type: 'string' }, locale: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new UsageError(`参数有误（${detail}）`, `bad arguments (${detail})`);
  }
  const format = (parsed.values.format ?? 'text') as string;
  if (!(formats as readonly string[]).includes(format)) {
    const last = formats[formats.length - 1];
    const list = formats.length > 1 ? `${formats.slice(0, -1).join(', ')} or ${last}` : last;
    const listZh = formats.length > 1 ? `${formats.slice(0, -1).join('、')} 或 ${last}` : last;
    throw new UsageError(`--format 只能是 ${listZh}，而不是“${format}”`, `--format must be ${list}, not "${format}"`);
  }
  const rawLocale = String(parsed.values.locale ?? 'zh-cn').toLowerCase();
  let locale: Locale;
  if (rawLocale.startsWith('zh')) locale = 'zh-cn';
  else if (rawLocale.startsWith('en')) locale = 'en';
  else throw new UsageError(`--locale 只能是 zh-cn 或 en，而不是“${rawLocale}”`, `--locale must be zh-cn or en, not "${rawLocale}"`);
  return { format: format as Format, locale, positionals: parsed.positionals, values: parsed.values as ExtraValues };
}
