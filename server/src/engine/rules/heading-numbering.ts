import type { Rule } from '../rule';

export const headingNumbering: Rule = {
  code: 'heading-numbering',
  tags: ['outline'],
  check() {},
};
