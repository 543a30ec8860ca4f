// Events and named agreements: `36e Sommet de l'ASEAN`, `14e Congrès national du Parti`,
// `Sommet sur la sécurité des frontières`, `deuxième examen régional de la mise en œuvre du
// Pacte mondial ...`, quoted agreement titles (`"Protocole d'accord sur ..."`).
import type { Segment } from './text';
import { extendPhrase } from './phrase';
import { EVENT_HEADS, AGREEMENT_HEADS, isOrdinal, adjectiveLike } from './lexicon';
import type { Cand } from './candidates';

const QUOTES: Record<string, string> = { '"': '"', '«': '»', '“': '”' };
/** Words that introduce an event's quoted title. */
const TITLED = new Set('exposition exhibition festival programme program concours contest campagne campaign spectacle show evenement event seminaire colloque seminar conference talk semaine week journee concert gala theme intitule intitulee titled entitled'.split(' '));

export function findEvents(seg: Segment, si: number, out: Cand[], personStarts: Set<number>) {
  const toks = seg.toks;
  const quoted = findQuoted(seg, si, out);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (quoted.has(i)) continue;
    if (i > 0 && isOrdinal(toks[i - 1].f)) continue; // handled from the ordinal
    const ord = isOrdinal(t.f);
    const h = ord ? i + 1 : i;
    const head = toks[h];
    if (!head || !head.word) continue;
    const isEv = EVENT_HEADS.has(head.f);
    const isAgr = AGREEMENT_HEADS.has(head.f);
    if (!isEv && !isAgr) continue;
    if (!head.cap && !ord) continue;
    if (ord && isAgr) continue;
    let j = h + 1;
    if (toks[j]?.t === '-' && !toks[j].sp && toks[j + 1]?.word && !toks[j + 1].sp) j += 2; // Accord-cadre
    // adjectives straight after the head (`spéciaux`, `régional`, `national`, `mondial`)
    const end = extendPhrase(toks, j, { stops: personStarts, maxLen: 24, enumerations: true });
    const hb = j;
    j = end;
    if (j <= hb) {
      if (!ord) continue; // a bare `Sommet` is not a named event
      // `36e Sommet` alone is still a named event when the head is capitalised
      if (!head.cap) continue;
    }
    // must contain something after the head (complement or adjective), unless ordinal + Capitalised head
    const a = ord ? i : h;
    if (!ord && toks[h + 1] && !toks[h + 1].cap && adjectiveLike(toks[h + 1].t, toks[h + 1].f) && j === h + 2) continue;
    out.push({ seg: si, a, b: Math.max(j, hb), type: 'EVENT', prio: 2 });
  }
}

/** Quoted agreement titles; returns the token indices they cover. */
function findQuoted(seg: Segment, si: number, out: Cand[]): Set<number> {
  const toks = seg.toks;
  const covered = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    const close = QUOTES[toks[i].t];
    if (!close) continue;
    const h = toks[i + 1];
    if (!h || !(h.cap || h.num)) continue;
    // a quoted agreement title, or the quoted title of an exhibition, festival, programme…
    // named just before it (`l'exposition « Hanoï - Vitalité et Foi »`)
    const titled = [toks[i - 1], toks[i - 2], toks[i - 3]].some((x) => x && TITLED.has(x.f));
    if (!AGREEMENT_HEADS.has(h.f) && !titled) continue;
    let k = i + 2;
    while (k < toks.length && toks[k].t !== close && k - i < 40) k++;
    if (toks[k]?.t !== close || (!AGREEMENT_HEADS.has(h.f) && k - i > 17)) continue;
    out.push({ seg: si, a: i + 1, b: k, type: 'EVENT', prio: 4 });
    for (let m = i + 1; m < k; m++) covered.add(m);
    i = k;
  }
  return covered;
}
