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
  // normalize() copies the string through ICU even when it is already NFC, and it was the
  // hottest line of an extraction. Text made only of characters from NFC_SAFE_* is NFC by
  // construction (checked exhaustively, character by character and pair by pair, in
  // test/unit/extract/text-fast.test.ts), so only text holding anything else (combining
  // marks, Greek, CJK, Hangul…) goes through ICU.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= NFC_SAFE_BELOW && !(c >= NFC_SAFE_LATIN_EXT[0] && c < NFC_SAFE_LATIN_EXT[1]) && !(c >= NFC_SAFE_PUNCT[0] && c < NFC_SAFE_PUNCT[1])) {
      return collapseSpaces(s.normalize('NFC'));
    }
  }
  return collapseSpaces(s);
}

/**
 * Characters that never make a string non-NFC: all of U+0000–U+02FF (Latin, Latin-1,
 * Latin Extended-A/B, IPA, spacing modifiers; the combining marks start at U+0300), Latin
 * Extended Additional (Vietnamese precomposed letters) and General Punctuation from U+2010
 * (U+2000/U+2001 are not NFC).
 */
export const NFC_SAFE_BELOW = 0x300;
export const NFC_SAFE_LATIN_EXT = [0x1e00, 0x1f00] as const;
export const NFC_SAFE_PUNCT = [0x2010, 0x2070] as const;

/**
 * Collapse the layout whitespace: a run of breakable whitespace becomes one space (a lone
 * U+FEFF disappears), the ends are trimmed. A char loop: a regex replace visits every single
 * space of every paragraph.
 */
function collapseSpaces(n: string): string {
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
  // A per-character table gives the same key as the regex pipeline below for every
  // character it holds (fold is per character there: NFKD, marks dropped, case mapping
  // without context; Greek is left out because of final sigma), at a tenth of the cost.
  // Anything outside the table takes the exact path. Equivalence is tested in
  // test/unit/extract/text-fast.test.ts.
  const t = keyTable ?? (keyTable = buildKeyTable());
  let out = '';
  let pending = false;
  let runStart = -1; // start of a run of characters that map to themselves
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const m = c < KEY_TABLE_SIZE ? t[c] : undefined;
    if (m === undefined) return looseKeySlow(s);
    if (m !== ' ' && m === s[i]) {
      if (runStart < 0) {
        if (pending && out) out += ' ';
        pending = false;
        runStart = i;
      }
      continue;
    }
    if (runStart >= 0) {
      out += s.slice(runStart, i);
      runStart = -1;
    }
    if (m === ' ') pending = true;
    else if (m !== '') {
      if (pending && out) out += ' ';
      pending = false;
      out += m;
    }
  }
  if (runStart >= 0) out += s.slice(runStart);
  return out;
}

/** The reference definition. */
export function looseKeySlow(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Ranges the table covers; everything else (Greek, CJK, surrogates…) takes the exact path. */
export const KEY_TABLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 0x370],
  [0x400, 0x530],
  [0x1e00, 0x1f00],
  [0x2000, 0x2070],
];
const KEY_TABLE_SIZE = 0x2070;
let keyTable: Array<string | undefined> | null = null;

/**
 * Per character: '' (dropped: a combining mark), ' ' (a separator), or its folded letters
 * and digits. A character whose fold mixes both (`½` → `1⁄2`) is left out (exact path).
 */
function buildKeyTable(): Array<string | undefined> {
  const t: Array<string | undefined> = new Array(KEY_TABLE_SIZE);
  for (const [a, b] of KEY_TABLE_RANGES) {
    for (let c = a; c < b; c++) {
      const ch = String.fromCharCode(c);
      // fold() without its trim/space collapse, which would hide a separator.
      const f = ch.normalize('NFKD').replace(FOLD_COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase();
      if (f === '') t[c] = '';
      else if (/^[^\p{L}\p{N}]+$/u.test(f)) t[c] = ' ';
      else if (/^[\p{L}\p{N}]+$/u.test(f)) t[c] = f;
    }
  }
  return t;
}
// eslint-disable-next-line no-misleading-character-class -- a class of combining marks on purpose: folding strips them
const FOLD_COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
