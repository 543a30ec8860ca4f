// Segments and tokens: the article's text pieces (title, lead, body paragraphs, captions)
// cut into word/number/punctuation tokens that keep their UTF-16 offsets, so every
// recogniser works on the same tokens and every mention points back at the text.
import type { MentionField } from '../types';
import { fold } from '../text/fold';
import { gluedElision, gluedWords, nameWord } from './glue';
import { MONTH_NAMES, STOP, EVENT_HEADS, EN_EVENT_HEADS } from './lexicon';

export interface Tok {
  /** Raw text of the token. */
  t: string;
  /** Folded form (see fold()): lower case, no diacritics, apostrophe unified. */
  f: string;
  s: number;
  e: number;
  word: boolean;
  num: boolean;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** At least two letters and no lower-case letter (acronyms). */
  upper: boolean;
  /** Whitespace (or segment start) right before the token. */
  sp: boolean;
}

export interface Segment {
  field: MentionField;
  index: number;
  text: string;
  toks: Tok[];
}

export type ArticleText = {
  title: string;
  lead: string | null;
  body: string[];
  captions: string[];
};

const ELIDED = new Set(['l', 'd', 's', 'n', 'qu', 'j', 'm', 't', 'c', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);
// `1 er juillet`: old captures print the French first of the month with a space; one day token
const TOKEN_RE = /(?<!\d)1 er(?![\p{L}\p{M}\d])|[\p{L}\p{M}]+(?:\d+(?![\p{L}]))?|\d+[\p{L}]*|\S/gu;

/** The grammar words old captures glue to a day or a year (`au14 mars`), as they do months (`mars2018`, `8septembre`). */
const GLUED_BEFORE_NUMBER = new Set(['au', 'le', 'du', 'en', 'et', 'les', 'des', 'depuis', 'on', 'in', 'since']);

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * A word and a number an old capture glued (`mars2018`, `au14`, `8septembre`, `19novembre`): the
 * two tokens they are, or null. Names with a number stay whole (`G20`, `A320`, `15e`, `5G`).
 */
function gluedNumber(raw: string): [string, string] | null {
  // only a token that starts with a digit and ends with none, or the reverse, can be one (most are plain words:
  // no regular expression for them on this per-token path)
  if (isDigit(raw.charCodeAt(0)) === isDigit(raw.charCodeAt(raw.length - 1))) return null;
  const lead = /^(\p{L}+)(\d+)$/u.exec(raw);
  if (lead) {
    const f = foldTok(lead[1].toLowerCase());
    return MONTH_NAMES.has(f) || (GLUED_BEFORE_NUMBER.has(f) && lead[1] === lead[1].toLowerCase()) ? [lead[1], lead[2]] : null;
  }
  const tail = /^(\d{1,4})(\p{L}{3,})$/u.exec(raw);
  if (tail && MONTH_NAMES.has(foldTok(tail[2].toLowerCase()))) return [tail[1], tail[2]];
  // `10eréunion`, `35esession`, `6eédition`: an ordinal glued to the word it numbers, a word of names or events
  const ord = /^(\d{1,3}(?:e|er|re|ère|ème))(\p{Ll}{4,})$/u.exec(raw);
  if (ord && gluedWordKnown(foldTok(ord[2]))) return [ord[1], ord[2]];
  // `No 21encourage`, `2006lors`: a number glued to the grammar word after it
  return tail && /^\p{Ll}{4,}$/u.test(tail[2]) && STOP.has(foldTok(tail[2])) ? [tail[1], tail[2]] : null;
}

function gluedWordKnown(f: string): boolean {
  return EVENT_HEADS.has(f) || EN_EVENT_HEADS.has(f) || nameWord(f);
}
const APOS = /['’‘`´]/;

const foldCache = new Map<string, string>();
function foldTok(raw: string): string {
  let f = foldCache.get(raw);
  if (f === undefined) {
    f = /^[a-z0-9]+$/.test(raw) ? raw : fold(raw);
    if (foldCache.size > 20000) foldCache.clear();
    foldCache.set(raw, f);
  }
  return f;
}

/**
 * A capitalised word right after a capitalised one, split after a leading `De`/`Du`/`Le`/`La`, is a
 * surname (`Jean Durand`, `Anne Deroche`, `Paul Lemaire`), not an article glued to a word: no split.
 * (A glued tail, `Nations Unieset`, still splits.)
 */
function unlessSurname(glued: string[] | null, raw: string, prev: Tok | undefined, s: number): string[] | null {
  if (!glued || !/^\p{Lu}/u.test(raw) || !prev || !prev.word || !prev.cap || prev.e !== s - 1) return glued;
  return ['de', 'des', 'du', 'la', 'le', 'les'].includes(glued[0].toLowerCase()) ? null : glued;
}

export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    let raw = m[0];
    const s = m.index;
    let e = s + raw.length;
    const isLetter = /^[\p{L}\p{M}]/u.test(raw);
    // French elision: "l'ASEAN" -> "l'" + "ASEAN"
    if (isLetter && APOS.test(text[e] ?? '') && /[\p{L}]/u.test(text[e + 1] ?? '') && ELIDED.has(foldTok(raw))) {
      raw = text.slice(s, e + 1);
      e += 1;
      TOKEN_RE.lastIndex = e;
    }
    // old captures glue a word to an elided article (`Associationd’Amitié`, `del’hôpital`) or two
    // lower-case words (`Affairesétrangères`, `nationalede`): read the words they are (glue.ts)
    if (isLetter && APOS.test(text[e] ?? '') && /^\p{L}{2}/u.test(text.slice(e + 1, e + 3))) {
      const n = gluedElision(raw);
      if (n > 0) {
        out.push(makeTok(text, raw.slice(0, n), s, s + n));
        out.push(makeTok(text, text.slice(s + n, e + 1), s + n, e + 1, false));
        TOKEN_RE.lastIndex = e + 1;
        continue;
      }
    }
    // `Ho Chi Minh-Villeétaient`, `Hô Chi Minh-Villea`: the city's last word glued to the next word
    if (isLetter && text[s - 1] === '-' && /^Ville\p{Ll}+$/u.test(raw)) {
      out.push(makeTok(text, 'Ville', s, s + 5));
      out.push(makeTok(text, raw.slice(5), s + 5, e, false));
      continue;
    }
    const num = gluedNumber(raw);
    if (num) {
      out.push(makeTok(text, num[0], s, s + num[0].length));
      out.push(makeTok(text, num[1], s + num[0].length, e, false));
      continue;
    }
    const glued = isLetter ? unlessSurname(gluedWords(raw), raw, out[out.length - 1], s) : null;
    if (glued) {
      out.push(makeTok(text, glued[0], s, s + glued[0].length));
      out.push(makeTok(text, glued[1], s + glued[0].length, e, false));
      continue;
    }
    // old captures glue words (`àHanoi`, `auVietnam`, `Pham MinhChinh`): read the words they are,
    // keeping every offset in the text as it stands
    if (isLetter && /\p{Ll}\p{Lu}/u.test(raw)) {
      const parts = gluedParts(raw);
      if (parts.length > 1) {
        let at = s;
        parts.forEach((p, k) => {
          out.push(makeTok(text, p, at, at + p.length, k === 0 ? undefined : false));
          at += p.length;
        });
        continue;
      }
    }
    out.push(makeTok(text, raw, s, e));
  }
  return out;
}

const VN_SYL = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$/;
/**
 * Where a glued token splits: after a lower-case word (`àHanoi` -> `à` + `Hanoi`), or between
 * two Vietnamese syllables (`MinhChinh`); a brand (`VinFast`, `PetroVietnam`, `TikTok`) and a mixed-case
 * acronym (`HoSE`, whose `SE` would read as a syllable) stay whole.
 */
function gluedParts(raw: string): string[] {
  const pieces = raw.split(/(?<=\p{Ll})(?=\p{Lu})/u);
  if (pieces.length < 2) return [raw];
  const out: string[] = [pieces[0]];
  for (let k = 1; k < pieces.length; k++) {
    const left = out[out.length - 1];
    const lowerLeft = left === left.toLowerCase();
    // (a capitals-only tail is an acronym's, never a syllable's: `HoSE`)
    const syl = VN_SYL.test(fold(left)) && VN_SYL.test(fold(pieces[k])) && /\p{Ll}/u.test(pieces[k]);
    // two words of known names (`NationsDevelopment`), not a brand that is one (`PetroVietnam`)
    const named = left.length >= 4 && pieces[k].length >= 4 && nameWord(fold(left)) && nameWord(fold(pieces[k])) && !nameWord(fold(left + pieces[k]));
    if (lowerLeft || syl || named) out.push(pieces[k]);
    else out[out.length - 1] = left + pieces[k];
  }
  return out;
}

function makeTok(text: string, raw: string, s: number, e: number, sp?: boolean): Tok {
  const first = raw[0];
  const word = /^[\p{L}\p{M}]/u.test(raw);
  return {
    t: raw,
    f: foldTok(raw),
    s,
    e,
    word,
    num: /^\d/.test(raw),
    cap: word && first !== first.toLowerCase() && first === first.toUpperCase(),
    upper: word && raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase(),
    sp: sp ?? (s === 0 || /\s/.test(text[s - 1])),
  };
}

/** The article text as segments; teasers are not part of the input type at all. */
export function segments(a: ArticleText): Segment[] {
  const segs: Segment[] = [];
  const push = (field: MentionField, index: number, text: string | null | undefined) => {
    if (typeof text !== 'string' || !text.trim()) return;
    segs.push({ field, index, text, toks: tokenize(text) });
  };
  push('title', 0, a.title);
  push('lead', 0, a.lead);
  (a.body ?? []).forEach((p, i) => push('body', i, p));
  (a.captions ?? []).forEach((p, i) => push('captions', i, p));
  return segs;
}

/** True if the token is a glued hyphen (no space on either side), as in `Asie-Pacifique`. */
export function gluedHyphen(toks: Tok[], i: number): boolean {
  const t = toks[i];
  return !!t && (t.t === '-' || t.t === '‑') && !t.sp && !!toks[i + 1] && !toks[i + 1].sp;
}

/** A token that begins a sentence (first of the segment or after . ! ? : « " –). */
export function sentenceStart(toks: Tok[], i: number): boolean {
  if (i === 0) return true;
  const p = toks[i - 1].t;
  return p === '.' || p === '!' || p === '?' || p === ':' || p === '«' || p === '"' || p === '–' || p === '—' || p === '(' || p === '“';
}

export function span(seg: Segment, a: number, b: number): string {
  return seg.text.slice(seg.toks[a].s, seg.toks[b - 1].e);
}

/**
 * The text of a span as a name: as written, except that words an old capture glued together
 * (`MaiTien Dung`, `mars2018`: two word or number tokens with nothing between them) are spaced
 * (`Mai Tien Dung`, `mars 2018`);
 * mentions still point at the text as it stands.
 */
export function spanText(seg: Segment, a: number, b: number): string {
  const toks = seg.toks;
  let out = seg.text.slice(toks[a].s, toks[a].e);
  for (let k = a + 1; k < b; k++) {
    const p = toks[k - 1];
    const t = toks[k];
    const glued = t.s === p.e && (p.word || p.num) && (t.word || t.num) && !/['’]$/.test(p.t);
    out += (glued ? ' ' : seg.text.slice(p.e, t.s)) + t.t;
  }
  return out;
}
