import { fold } from '../text/fold';

// Text repair a reader wants and nothing more: NFC (so `é` typed as e+◌́ compares and
// highlights like `é`), collapse the layout whitespace that HTML source indentation
// brings, but keep no-break spaces (U+00A0, U+202F) exactly where the text has them,
// because French typography puts them before `:` `;` `?` `!` `»` and the gold records
// keep them verbatim. Glued words of migrated captures ("lecentenaire") are left alone:
// we never invent text.

/** Ordinary (breakable) whitespace; NBSP (U+00A0) and NNBSP (U+202F) are deliberately absent. */
function isBreakable(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x2028 || c === 0x2029 || c === 0x200b || c === 0xfeff;
}

export function cleanText(s: string | null | undefined): string {
  if (!s) return '';
  // normalize() is cheap when the text is already NFC (ICU quick check); the whitespace
  // pass is a char loop because a regex replace visits every single space of every
  // paragraph, which made it the hottest line of an extraction.
  const n = s.normalize('NFC');
  let out = '';
  let start = 0;
  let i = 0;
  const len = n.length;
  while (i < len) {
    const c = n.charCodeAt(i);
    if (!isBreakable(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < len && isBreakable(n.charCodeAt(j))) j++;
    if (c === 32 && j === i + 1) {
      i = j; // a single plain space stays as it is
      continue;
    }
    out += n.slice(start, i) + (c === 0xfeff && j === i + 1 ? '' : ' ');
    start = j;
    i = j;
  }
  out = start === 0 ? n : out + n.slice(start);
  return out.trim();
}

/** Words as a reader counts them, for wordCount / reading time. */
export function countWords(s: string): number {
  // Runs of non-space characters holding at least one letter or digit (`l’ASEAN` is one
  // word, a lone `–` none). A char loop: this runs on every extraction.
  let words = 0;
  let inWord = false;
  let hasAlnum = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c <= 32 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
    if (space) {
      if (inWord && hasAlnum) words++;
      inWord = false;
      hasAlnum = false;
      continue;
    }
    inWord = true;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2010 && c <= 0x206f))) hasAlnum = true;
  }
  if (inWord && hasAlnum) words++;
  return words;
}

/** ~230 words per minute, never less than one minute for a non-empty article. */
export const WORDS_PER_MINUTE = 230;
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Compare two texts the way a reader would ("same sentence?"), ignoring case/space/accents. */
export function sameText(a: string, b: string): boolean {
  // Folding long paragraphs is the costly part; texts of very different length never match.
  if (a.length > b.length * 1.5 + 10 || b.length > a.length * 1.5 + 10) return false;
  // The key of a prefix is a prefix of the key (folding is local), so differing starts
  // settle most comparisons without folding two whole paragraphs.
  const pa = looseKey(a.slice(0, 24));
  const pb = looseKey(b.slice(0, 24));
  const n = Math.min(pa.length, pb.length);
  if (pa.slice(0, n) !== pb.slice(0, n)) return false;
  return looseKey(a) === looseKey(b);
}

/** fold() (shared with search and scoring) minus punctuation. */
export function looseKey(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
