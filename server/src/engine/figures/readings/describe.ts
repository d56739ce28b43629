// The reading a relation was verified (or found wrong) under, in the reader's language: "读法：总数在上一句".
import { formatMessage } from '../../messages';
import type { Locale } from '../../types';

export function describeReading(locale: Locale, assumptions: string[] | undefined): string {
  if (!assumptions?.length) return '';
  const parts = assumptions.map((a) => formatMessage(locale, `figures.assumption.${a}`, {})).join(formatMessage(locale, 'figures.readingSeparator', {}));
  return formatMessage(locale, 'figures.readingNote', { parts });
}
