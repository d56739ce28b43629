// The output formats of `check`, one file each. Adding one: write formatters/<name>.ts exporting a Formatter,
// add it here and to Format in ../args.ts.
import type { Format } from '../args';
import type { Formatter } from './formatter';
import { text } from './text';
import { json } from './json';
import { sarif } from './sarif';
import { github } from './github';
import { html } from './html';

export const formatters: Record<Format, Formatter> = { text, json, sarif, github, html };
export const FORMATS = Object.keys(formatters) as Format[];
export type { FileResult, Counts, Formatter, FormatContext } from './formatter';
export { countResults } from './formatter';
