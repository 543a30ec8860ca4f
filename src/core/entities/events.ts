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

/** The head of a named event or agreement at i (after an ordinal, `36e Sommet`): its index, or -1. */
function eventHeadAt(toks: Segment['toks'], i: number, ord: boolean): number {
  const h = ord ? i + 1 : i;
  const head = toks[h];
  if (!head || !head.word) return -1;
  const isEv = EVENT_HEADS.has(head.f);
  const isAgr = AGREEMENT_HEADS.has(head.f);
  if (!isEv && !isAgr) return -1;
  if (!head.cap && !ord) return -1;
  if (ord && isAgr) return -1;
  return h;
}

/** The named event or agreement starting at token i: `36e Sommet de l'ASEAN`, `Accord-cadre sur …`; null when there is none. */
function eventAt(toks: Segment['toks'], i: number, personStarts: Set<number>): { a: number; b: number } | null {
  if (i > 0 && isOrdinal(toks[i - 1].f)) return null; // handled from the ordinal
  const ord = isOrdinal(toks[i].f);
  const h = eventHeadAt(toks, i, ord);
  if (h < 0) return null;
  const head = toks[h];
  let j = h + 1;
  if (toks[j]?.t === '-' && !toks[j].sp && toks[j + 1]?.word && !toks[j + 1].sp) j += 2; // Accord-cadre
  // adjectives straight after the head (`spéciaux`, `régional`, `national`, `mondial`)
  const end = extendPhrase(toks, j, { stops: personStarts, maxLen: 24, enumerations: true });
  const hb = j;
  j = end;
  // a bare `Sommet` is not a named event; `36e Sommet` alone is, when the head is capitalised
  if (j <= hb && (!ord || !head.cap)) return null;
  // must contain something after the head (complement or adjective), unless ordinal + Capitalised head
  let a = ord ? i : h;
  // `Forum économique` alone is not a name; `Forum économique 2024` is
  if (!ord && toks[h + 1] && !toks[h + 1].cap && adjectiveLike(toks[h + 1].t, toks[h + 1].f) && j === h + 2 && withYear(toks, j) === j) return null;
  // `44e et 45e Sommets de l'ASEAN`: both ordinals belong to the name
  if (ord && (toks[i - 1]?.f === 'et' || toks[i - 1]?.f === 'and') && toks[i - 2] && isOrdinal(toks[i - 2].f)) a = i - 2;
  return { a, b: withYear(toks, Math.max(j, hb)) };
}

export function findEvents(seg: Segment, si: number, out: Cand[], personStarts: Set<number>) {
  const toks = seg.toks;
  const quoted = findQuoted(seg, si, out);
  for (let i = 0; i < toks.length; i++) {
    if (quoted.has(i)) continue;
    const ev = eventAt(toks, i, personStarts);
    if (ev) out.push({ seg: si, a: ev.a, b: ev.b, type: 'EVENT', prio: 2 });
  }
  // known events followed by their year or edition (`SEA Games 31`, `APEC 2017`)
  for (const c of out.filter((x) => x.seg === si && x.type === 'EVENT' && x.gaz)) {
    const e = withYear(toks, c.b);
    if (e > c.b) out.push({ ...c, b: e, prio: 4, gaz: undefined, aliases: [...(c.aliases ?? []), seg.text.slice(toks[c.a].s, toks[c.b - 1].e)] });
  }
  findStorms(seg, si, out);
  findNumberedActs(seg, si, out);
}

/** `Coupe du monde 2015`, `SEA Games 31`, `Forum … 2024`: a year (or an edition number) printed right after is part of the name. */
function withYear(toks: Segment['toks'], e: number): number {
  const t = toks[e];
  if (t && t.num && t.sp && (/^(19|20)\d\d$/.test(t.f) || (/^\d{1,2}$/.test(t.f) && toks[e - 1]?.f === 'games')) && !(toks[e + 1]?.word && MONTH_LIKE.test(toks[e + 1].f))) return e + 1;
  return e;
}
const MONTH_LIKE = /^(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** Storms: `typhon Yagi`, `super typhon Yagi`, `Typhoon Noru`, `tempête tropicale Trami`, `typhon N°10`. */
function findStorms(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  for (let i = 0; i < toks.length; i++) {
    if (!STORMS.has(toks[i].f)) continue;
    let k = i + 1;
    if (toks[k]?.f === 'tropicale' || toks[k]?.f === 'tropical') k++;
    let e = k;
    const numbered = /^n[°o]?$/i.test(toks[e]?.t ?? '') ? (toks[e + 1]?.t === '°' || toks[e + 1]?.t === '.' ? e + 2 : e + 1) : -1;
    if (numbered > 0 && toks[numbered]?.num) e = numbered + 1;
    else if (toks[e]?.word && toks[e].cap && !toks[e].upper) e++;
    if (e === k) continue;
    const a = toks[i - 1]?.f === 'super' ? i - 1 : i;
    out.push({ seg: si, a, b: e, type: 'EVENT', prio: 3 });
    i = e - 1;
  }
}
const STORMS = new Set(['typhon', 'typhoon', 'tempete', 'storm', 'cyclone', 'ouragan', 'hurricane']);

/** Numbered acts: `décision n°542/QD-TTg`, `Résolution 42-NQ/TW`, `directive No 186`, `Conclusion 12-KL/TW`. */
function findNumberedActs(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  for (let i = 0; i < toks.length; i++) {
    if (!ACTS.has(toks[i].f)) continue;
    let k = i + 1;
    if (toks[k]?.f === 'officielle') k++;
    if (/^(n|no|numero)$/.test(toks[k]?.f ?? '')) {
      k++;
      if (toks[k]?.t === '°' || toks[k]?.t === 'º' || toks[k]?.t === '.') k++;
    }
    if (!toks[k]?.num) continue;
    let e = k + 1;
    // the code after the number: `/QD-TTg`, `-NQ/TW`, `/NQ-CP`, glued or spaced
    while (e < toks.length && e - k < 8 && (((toks[e].t === '/' || toks[e].t === '-') && !toks[e].sp) || (/^[A-Za-z]{1,5}$/.test(toks[e].t) && /^[A-Z]/.test(toks[e].t) && !toks[e].sp && ['/', '-'].includes(toks[e - 1].t)))) e++;
    while (e > k + 1 && (toks[e - 1].t === '/' || toks[e - 1].t === '-')) e--;
    out.push({ seg: si, a: i, b: e, type: 'EVENT', prio: 3 });
    i = e - 1;
  }
}
const ACTS = new Set(['decision', 'resolution', 'directive', 'conclusion', 'decret', 'circulaire', 'depeche', 'decree', 'directive', 'loi', 'law']);

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
