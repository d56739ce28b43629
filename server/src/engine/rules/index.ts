// The registry: every check, in the order its findings are reported. One file per check in this folder;
// its default severity is in server/data/rules.json and its messages in server/data/messages/.
import type { Rule } from '../rule';
import { headingNumbering } from './heading-numbering';

export const rules: Rule[] = [headingNumbering];
