// Companies named by their brand alone, found by the brand's own shape rather than a list: the
// lists hold the big names, and new text keeps bringing the others (a provincial bank, a
// Vina- state company, a low-cost airline). Each shape here is one Vietnamese or airline
// naming habit; a word of that shape is a company whatever its sentence says.
import type { Segment, Tok } from './text';
import { sentenceStart } from './text';
import { matchAt, placeStartEndingAt } from './gazetteer';
import { EN_DEMONYMS } from './lexicon';
import type { Cand } from './candidates';

/**
 * One word: a bank's brand (`Sacombank`, `Kienlongbank`, `MBBank`, `VietinBank`), a Vina- state
 * company (`Vinacafe`, `Vinamotor`, `Vinalines`), a petroleum venture (`Vietsovpetro`,
 * `Rusvietpetro`, `Petrolimex`), a chain of stores (`Vinmart`, `Postmart`).
 */
const BRAND_WORD = [/^\p{Lu}[\p{L}]{2,}[bB]ank$/u, /^Vina\p{Ll}{3,}$/u, /^\p{Lu}\p{Ll}{3,}petro$/u, /^Petro\p{Ll}{4,}$/u, /^\p{Lu}\p{Ll}{2,}mart$/u];

function brandWord(t: Tok): boolean {
  return t.word && t.cap && BRAND_WORD.some((re) => re.test(t.t));
}

/** Words after `Air` that make it no airline (`Air Force`, `Air Quality Index`). */
const NOT_AIRLINE = new Set(['force', 'forces', 'defence', 'defense', 'quality', 'pollution', 'traffic', 'transport', 'show', 'base', 'command', 'corps', 'division', 'cargo']);

/**
 * An airline: `Air` then a known place (`Air France`, `Air Astana`, `Air New Zealand`), or a place,
 * a nationality or a brand word then `Air` closing the name (`Jeju Air`, `Korean Air`, `Jin Air`). The span, or null.
 */
function airlineAt(toks: Tok[], i: number): [number, number] | null {
  const t = toks[i];
  if (!t.word || t.t !== 'Air') return null;
  const n = toks[i + 1];
  if (n?.word && n.cap && !NOT_AIRLINE.has(n.f)) {
    const g = matchAt(toks, i + 1);
    if (g && g.entry.type === 'LOC') return [i, g.end];
  }
  if (n?.word && n.cap) return null;
  const p = toks[i - 1];
  if (!p?.word || !p.cap || p.upper || !p.sp) return null;
  // a place or nationality before `Air`, or a plain word that opens no sentence (`Jin Air`, `T'way Air` is one word here)
  const place = placeStartEndingAt(toks, i);
  if (place >= 0) return [place, i + 1];
  if (EN_DEMONYMS.has(p.f)) return [i - 1, i + 1];
  return !sentenceStart(toks, i - 1) && !(toks[i - 2]?.word && toks[i - 2].cap) ? [i - 1, i + 1] : null;
}

export function findBrands(seg: Segment, si: number, out: Cand[]): void {
  const toks = seg.toks;
  for (let i = 0; i < toks.length; i++) {
    // a short name in brackets after its long form is the acronym rules' (`Association … (Vinafruit)`)
    if (brandWord(toks[i]) && !matchAt(toks, i) && toks[i - 1]?.t !== '(') out.push({ seg: si, a: i, b: i + 1, type: 'ORG', prio: 1 });
    const air = airlineAt(toks, i);
    if (air) out.push({ seg: si, a: air[0], b: air[1], type: 'ORG', prio: 1 });
  }
}
