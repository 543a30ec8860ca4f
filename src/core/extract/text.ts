import { fold } from '../text/fold';

// Text repair a reader wants and nothing more: NFC (so `é` typed as e+◌́ compares and
// highlights like `é`), collapse the layout whitespace that HTML source indentation
// brings, but keep no-break spaces (U+00A0, U+202F) exactly where the text has them,
// because French typography puts them before `:` `;` `?` `!` `»` and the gold records
// keep them verbatim. Glued words of migrated captures ("lecentenaire") are left alone:
// we never invent text.

/** Ordinary (breakable) whitespace only; NBSP and NNBSP are deliberately absent. */
const BREAKABLE_WS = /[ \t\n\r\f\v\u2028\u2029\u200b]+/g;
const EDGE_WS = /^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g;

export function cleanText(s: string | null | undefined): string {
  if (!s) return '';
  return s.normalize('NFC').replace(/\ufeff/g, '').replace(BREAKABLE_WS, ' ').replace(EDGE_WS, '');
}

/** Words as a reader counts them, for wordCount / reading time. */
export function countWords(s: string): number {
  return s.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu)?.length ?? 0;
}

/** ~230 words per minute, never less than one minute for a non-empty article. */
export const WORDS_PER_MINUTE = 230;
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Compare two texts the way a reader would ("same sentence?"), ignoring case/space/accents. */
export function sameText(a: string, b: string): boolean {
  return looseKey(a) === looseKey(b);
}

/** fold() (shared with search and scoring) minus punctuation. */
export function looseKey(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
