// The French name-phrase grammar shared by organisations, events and roles:
// HEAD [adjectives] ( CONNECTOR [article] WORDS )* — e.g. `Département de maintien de la paix
// du Vietnam`, `ministère des Affaires étrangères`, `36e Sommet de l'ASEAN`. It stops at verbs,
// pronouns, commas, a person's name, or a new organisation head after `et`.
import type { Tok } from './text';
import { gluedHyphen } from './text';
import { ARTICLES, CONNECTORS, STOP, adjectiveLike, ORG_HEADS, EVENT_HEADS, AGREEMENT_HEADS } from './lexicon';

export interface PhraseOpts {
  /** Token indices where a person's name starts: a phrase never runs into them. */
  stops?: Set<number>;
  maxLen?: number;
  /** Accept `, adj, adj et adj` enumerations (agreement titles). */
  enumerations?: boolean;
  /** Role phrases: a capitalised word right after a plain word starts the person's name, and `à Paris` belongs to the role. */
  title?: boolean;
}

const LOCAL_UNITS = new Set(['province', 'ville', 'district', 'commune', 'municipalite', 'localite', 'pays', 'quartier']);

/** After a comma at k: `des Sports et du Tourisme` — connector + capitalised word(s), then `et` + connector + capitalised. */
function commaComplements(toks: Tok[], k: number): boolean {
  let m = k + 1;
  for (let items = 0; items < 4; items++) {
    const c = toks[m];
    if (!c || !['de', 'du', 'des', "d'"].includes(c.f)) return false;
    m++;
    if (toks[m] && (toks[m].f === 'la' || toks[m].f === "l'")) m++;
    if (!toks[m]?.cap) return false;
    const plain = (x: Tok | undefined) => !!x && x.word && !x.cap && !STOP.has(x.f) && !CONNECTORS.has(x.f) && x.f !== 'et';
    // `des Invalides de guerre`: a lower-case complement inside the item
    while (toks[m] && (toks[m].cap || plain(toks[m]) || (CONNECTORS.has(toks[m].f) && plain(toks[m + 1])))) m++;
    if (toks[m]?.t === ',') {
      m++;
      continue;
    }
    return toks[m]?.f === 'et' && ['de', 'du', 'des', "d'"].includes(toks[m + 1]?.f ?? '');
  }
  return false;
}

function isHeadWord(t: Tok): boolean {
  return t.cap && (ORG_HEADS.has(t.f) || EVENT_HEADS.has(t.f) || AGREEMENT_HEADS.has(t.f));
}

/** Skip a capitalised compound word (`Asie-Pacifique`, `COVID-19`, `ASEAN+3`, `ASEAN + 3`). */
function capWordEnd(toks: Tok[], k: number): number {
  let e = k + 1;
  for (;;) {
    if (gluedHyphen(toks, e) && (toks[e + 1].word || toks[e + 1].num)) e += 2;
    else if (toks[e]?.t === '+' && toks[e + 1]?.num) e += 2;
    else break;
  }
  return e;
}

/**
 * From token `j` (just after the head and its first adjectives), extend the phrase.
 * Returns the exclusive end index of the longest well-formed phrase.
 */
export function extendPhrase(toks: Tok[], j: number, opts: PhraseOpts = {}): number {
  const stops = opts.stops;
  const maxLen = opts.maxLen ?? 18;
  const start = j;
  let end = j;
  let k = j;
  let lowRun = 0;
  let prevKind: 'head' | 'conn' | 'cap' | 'low' = 'head';
  while (k < toks.length && k - start < maxLen) {
    const t = toks[k];
    if (stops?.has(k)) break;
    const nx = toks[k + 1];
    if (t.word && !t.cap && CONNECTORS.has(t.f)) {
      let m = k + 1;
      if (nx && (nx.f === 'la' || nx.f === "l'" || nx.f === 'les' || nx.f === 'le' || (nx.f === 'des' && t.f !== 'de'))) m++;
      const w = toks[m];
      if (!w || !(w.word || w.num) || stops?.has(m) || (!w.cap && (STOP.has(w.f) || CONNECTORS.has(w.f)))) break;
      // `… de la province`, `… du district`: the local unit, not a part of the name
      if (!w.cap && LOCAL_UNITS.has(w.f) && !toks[m + 1]?.cap && !(toks[m + 1] && CONNECTORS.has(toks[m + 1].f) && toks[m + 2]?.cap)) break;
      // `de continuer`, `d'investir`: an infinitive right after `de` ends the name
      if (m === k + 1 && !w.cap && (t.f === 'de' || t.f === "d'") && ((/(er|ir)$/.test(w.f) && !/ier$/.test(w.f)) || /(ire|dre|vre|oir)$/.test(w.f))) break;
      k = m;
      prevKind = 'conn';
      lowRun = 0;
      continue;
    }
    if (t.f === 'en' && nx && (nx.cap || nx.f === 'oeuvre' || nx.f === 'œuvre' || nx.f === 'matiere')) {
      k++;
      prevKind = 'conn';
      continue;
    }
    if (opts.title && (t.f === 'and' || t.f === 'et') && prevKind === 'cap' && nx?.cap && !isHeadWord(nx) && !stops?.has(k + 1)) {
      k++;
      prevKind = 'conn';
      continue;
    }
    if (t.f === 'et' && nx) {
      // `et de la Formation`, `économique et sociale`
      if (!nx.cap && (nx.f === 'de' || nx.f === 'du' || nx.f === 'des' || nx.f === "d'")) {
        let m = k + 2;
        if (toks[m] && (toks[m].f === 'la' || toks[m].f === "l'" || toks[m].f === 'le' || toks[m].f === 'les')) m++;
        // `et des réunions connexes`, `et de la commission`: another body or meeting, not this name
        if (toks[m] && (isHeadWord(toks[m]) || (!toks[m].cap && (EVENT_HEADS.has(toks[m].f) || ORG_HEADS.has(toks[m].f))))) break;
        k++;
        prevKind = 'conn';
        continue;
      }
      if (prevKind === 'low' && !nx.cap && adjectiveLike(nx.t, nx.f)) {
        k++;
        continue;
      }
      break;
    }
    // `ministère de la Culture, des Sports et du Tourisme`: a comma list of complements closed by `et`
    if (t.t === ',' && prevKind === 'cap' && commaComplements(toks, k)) {
      k++;
      prevKind = 'head';
      continue;
    }
    if (opts.enumerations && t.t === ',' && prevKind === 'low') {
      // `sûres, ordonnées et régulières`
      let m = k;
      const words: number[] = [];
      while (toks[m]?.t === ',' && toks[m + 1]?.word && !toks[m + 1].cap && !STOP.has(toks[m + 1].f)) {
        words.push(m + 1);
        m += 2;
      }
      if (words.length && toks[m]?.f === 'et' && toks[m + 1]?.word && !toks[m + 1].cap && !STOP.has(toks[m + 1].f)) {
        k = m + 2;
        end = k;
        continue;
      }
      break;
    }
    if (opts.title && (t.t === 'à' || t.f === 'in' || t.f === 'at') && nx?.cap) {
      k++;
      prevKind = 'conn';
      continue;
    }
    if (t.word && (t.cap || t.upper)) {
      if (isHeadWord(t) && prevKind !== 'conn' && k > start) break;
      if (opts.title && prevKind !== 'conn' && prevKind !== 'cap') break;
      k = capWordEnd(toks, k);
      end = k;
      prevKind = 'cap';
      lowRun = 0;
      continue;
    }
    if (t.num && prevKind === 'conn') {
      k++;
      end = k;
      prevKind = 'cap';
      continue;
    }
    if (t.word && !t.cap && !STOP.has(t.f) && !ARTICLES.has(t.f)) {
      if (prevKind !== 'conn' && !adjectiveLike(t.t, t.f)) break;
      if (++lowRun > 3) break;
      k++;
      // a lower-case compound (`des beaux-arts`, `libre-échange`)
      while (gluedHyphen(toks, k) && toks[k + 1].word && !toks[k + 1].cap) k += 2;
      end = k;
      prevKind = 'low';
      continue;
    }
    break;
  }
  return end;
}
