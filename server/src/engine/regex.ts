// Regular expressions built from the words of the data files: one escaping and one longest-first alternation for
// every scanner that matches a vocabulary (label words, synonyms and fillers, ranking phrases), and one character
// class for the scanners that skip ahead to the next character of a set (numbers, quote marks).

/** A word matched literally inside a regular expression. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words as one alternation, longest first: at any position the first alternative that matches is the longest. */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .filter((w) => w.length > 0)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

/** A character class of the given characters, each written as a \u escape. */
export function charClass(chars: Iterable<string>): string {
  return '[' + [...chars].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + ']';
}

/** Inline pinyin a web mirror puts after characters, "審結(jié)": a bracketed syllable with a tone mark. */
export const INLINE_PINYIN = /\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/g;
