// One folding rule for every comparison a reader expects to be forgiving: search (`hanoi`
// finds `Hanoï`), entity keys across articles, and scoring against gold records. It mirrors
// `norm()` in ../shared/gold/score.py so our figures agree with the reference scorer.

// eslint-disable-next-line no-misleading-character-class -- a class of combining marks on purpose: folding strips them
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Lower-case, strip diacritics (đ → d), unify apostrophes and dashes, collapse spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—―-]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** fold() plus the scorer's removal of a leading French article and edge punctuation. */
export function foldName(s: string): string {
  return fold(s)
    .replace(/^(le |la |les |l')/, '')
    .replace(/^[\s.,;:]+|[\s.,;:]+$/g, '');
}

/** Word tokens as the scorer counts them (Unicode \w after NFC + case-fold). */
export function tokens(s: string): string[] {
  return s.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** Longer runs of letters are not words a reader searches for (a hostile 6 MB "word"). */
const MAX_WORD_LENGTH = 64;

/**
 * Folded search words of a text (diacritics removed), for full-text indexing. Split at the
 * separators rather than `match`ing the words: V8's regexp engine overflows its stack on a
 * multi-megabyte run of letters, and such a run is dropped anyway.
 */
export function searchWords(s: string): string[] {
  const out: string[] = [];
  for (const w of fold(s).split(/[^\p{L}\p{N}]+/u)) if (w && w.length <= MAX_WORD_LENGTH) out.push(w);
  return out;
}
