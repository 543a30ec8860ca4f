// Places: gazetteer matches (provinces old and new, countries, capitals, regions, cities — any
// spelling: `Hanoï`, `Hanoi`, `Ha Noi`, `Hà Nội`), `Région autonome ... du Guangxi`, cardinal
// regions (`localités du Nord`), and an unknown capitalised word after `à` (`tenue à Liuzhou`).
import type { Segment } from './text';
import { sentenceStart, gluedHyphen } from './text';
import { matchAt, cardinals, titleAt } from './gazetteer';
import { STOP, ORG_HEADS, EVENT_HEADS } from './lexicon';
import type { Cand } from './candidates';

export function findGazetteer(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  for (let i = 0; i < toks.length; i++) {
    if (i > 1 && gluedHyphen(toks, i - 1) && toks[i - 2].word) continue; // `Pacifique` of `Asie-Pacifique`
    const m = matchAt(toks, i);
    if (!m) continue;
    // a known word glued to a bigger capitalised compound is not this place (`Vietnam-France`
    // is still two places, but `Nice` in `Nice-Matin` is not checked further)
    out.push({ seg: si, a: i, b: m.end, type: m.entry.type, prio: m.entry.type === 'LOC' ? 4 : 3, gaz: m.entry });
  }
}

export function findPlaces(seg: Segment, si: number, out: Cand[], personStarts: Set<number>) {
  const toks = seg.toks;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // Région autonome (Zhuang) du Guangxi
    if (t.cap && (t.f === 'region' || t.f === 'province' || t.f === 'prefecture') && toks[i + 1]?.f === 'autonome') {
      let k = i + 2;
      while (toks[k]?.cap) k++;
      if (['du', 'de', "d'"].includes(toks[k]?.f ?? '')) k++;
      if (toks[k]?.f === 'la') k++;
      if (toks[k]?.cap) {
        k++;
        while (toks[k]?.cap && toks[k].sp) k++;
        out.push({ seg: si, a: i, b: k, type: 'LOC', prio: 3 });
      }
      continue;
    }
    // cardinal regions: `du Nord`, `le Sud`, `the North`
    if (t.cap && cardinals.has(t.f) && i > 0 && ['du', 'le', 'au', 'the'].includes(toks[i - 1].f) && !toks[i + 1]?.cap && toks[i + 1]?.t !== '-') {
      out.push({ seg: si, a: i, b: i + 1, type: 'LOC', prio: 1 });
      continue;
    }
    // à X (unknown single capitalised word, followed by punctuation or a lower-case word)
    if (t.t === 'à') {
      const n = toks[i + 1];
      if (!n || !n.cap || n.upper || STOP.has(n.f) || ORG_HEADS.has(n.f) || EVENT_HEADS.has(n.f) || personStarts.has(i + 1)) continue;
      if (titleAt(toks, i + 1) > 0 || sentenceStart(toks, i + 1)) continue;
      const after = toks[i + 2];
      if (after && (after.cap || after.t === '-' || after.t === "'")) continue;
      if (n.f.length < 4) continue;
      out.push({ seg: si, a: i + 1, b: i + 2, type: 'LOC', prio: 0 });
    }
  }
}
