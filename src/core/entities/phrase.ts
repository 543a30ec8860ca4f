// The French name-phrase grammar shared by organisations, events and roles:
// HEAD [adjectives] ( CONNECTOR [article] WORDS )* — e.g. `Département de maintien de la paix
// du Vietnam`, `ministère des Affaires étrangères`, `36e Sommet de l'ASEAN`. It stops at verbs,
// pronouns, commas, a person's name, or a new organisation head after `et`.
import type { Tok } from './text';
import { gluedHyphen } from './text';
import { ARTICLES, CONNECTORS, STOP, adjectiveLike, isOrdinal, ORG_HEADS, EVENT_HEADS, AGREEMENT_HEADS, FR_MONTH_NAMES, MONTH_NAMES } from './lexicon';
import { matchAt } from './gazetteer';

export interface PhraseOpts {
  /** Token indices where a person's name starts: a phrase never runs into them. */
  stops?: Set<number>;
  maxLen?: number;
  /** Accept `, adj, adj et adj` enumerations (agreement titles). */
  enumerations?: boolean;
  /** Role phrases: a capitalised word right after a plain word starts the person's name, and `à Paris` belongs to the role. */
  title?: boolean;
  /** Organisation names: accept a lower-case comma list of complements (`de la culture, des sports et du tourisme`). */
  lowerLists?: boolean;
  /** Event and agreement titles: `sur l'établissement d'un partenariat stratégique` goes on past `d'un`. */
  indefinite?: boolean;
}

const LOCAL_UNITS = new Set(['province', 'ville', 'district', 'commune', 'municipalite', 'localite', 'pays', 'quartier']);

/** After a comma at k: `des Sports et du Tourisme` — connector + capitalised word(s), then `et` + connector + capitalised; `lower`: the items in lower case (`de la culture, des sports et du tourisme`). */
function commaComplements(toks: Tok[], k: number, lower = false): boolean {
  let m = k + 1;
  for (let items = 0; items < 4; items++) {
    const c = toks[m];
    if (!c || !['de', 'du', 'des', "d'"].includes(c.f)) return false;
    m++;
    if (toks[m] && (toks[m].f === 'la' || toks[m].f === "l'")) m++;
    if (!(lower ? lowItem(toks[m]) : toks[m]?.cap)) return false;
    const plain = (x: Tok | undefined) => !!x && x.word && !x.cap && !STOP.has(x.f) && !CONNECTORS.has(x.f) && x.f !== 'et';
    // `des Invalides de guerre`: a lower-case complement inside the item
    // an item is a few words: the scan stays bounded on a hostile page of plain words
    const itemStart = m;
    while (toks[m] && m - itemStart < 12 && (toks[m].cap || plain(toks[m]) || (CONNECTORS.has(toks[m].f) && plain(toks[m + 1])))) m++;
    if (toks[m]?.t === ',') {
      m++;
      continue;
    }
    return toks[m]?.f === 'et' && ['de', 'du', 'des', "d'"].includes(toks[m + 1]?.f ?? '');
  }
  return false;
}

/** A lower-case noun opening an item of a lower-case comma list (not a verb, pronoun or role). */
function lowItem(t: Tok | undefined): boolean {
  return !!t && t.word && !t.cap && !STOP.has(t.f) && !CONNECTORS.has(t.f) && !ROLE_WORDS.has(t.f) && !ORG_HEADS.has(t.f) && !EVENT_HEADS.has(t.f) && t.f.length > 2;
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
 * `coopération Vietnam - Chine`, `Forum des femmes Vietnam – Russie`: two partners written with a spaced dash
 * are one part of the name when the one after the dash is a known place (a title's ` - ` separator is not).
 */
export function spacedPairEnd(toks: Tok[], e: number): number {
  const d = toks[e];
  const n = toks[e + 1];
  // spaced on both sides, or an en dash glued on both (`Mekong–Japan`; a glued hyphen is a compound already)
  const shape = d && n && (d.t === '-' || d.t === '–') && ((d.sp && n.sp) || (d.t === '–' && !d.sp && !n.sp));
  if (!shape || !n.cap) return e;
  const m = matchAt(toks, e + 1);
  return m && m.entry.type === 'LOC' ? m.end : e;
}

/** Where the phrase walk stands: the token under consideration, the end so far, what came last. */
interface PhraseWalk {
  readonly toks: Tok[];
  readonly opts: PhraseOpts;
  readonly stops: Set<number> | undefined;
  /** Where the phrase started (just after the head). */
  readonly start: number;
  /** Index of the token under consideration. */
  k: number;
  /** Exclusive end of the longest well-formed phrase so far. */
  end: number;
  /** Plain lower-case words in a row (adjectives): more than 3 ends the name. */
  lowRun: number;
  prevKind: 'head' | 'conn' | 'cap' | 'low';
}

/** A matcher looks at the token at `w.k`: null when it does not apply, else whether the phrase goes on. */
type PhraseStep = (w: PhraseWalk, t: Tok, nx: Tok | undefined) => 'next' | 'stop' | null;

/** After a connector, the word the name goes on with: past an article (`de la`, `pour les`). */
function afterArticle(t: Tok, nx: Tok | undefined, k: number): number {
  return nx && (nx.f === 'la' || nx.f === "l'" || nx.f === 'les' || nx.f === 'le' || (nx.f === 'des' && t.f !== 'de')) ? k + 2 : k + 1;
}

/** `d'un partenariat`, `d'une communauté`: past the indefinite article when a plain noun follows it. */
function pastIndefinite(toks: Tok[], k: number, m: number): number {
  const a = toks[k + 1];
  const n = toks[k + 2];
  if (m !== k + 1 || (toks[k].f !== "d'" && toks[k].f !== 'de') || !a || (a.f !== 'un' && a.f !== 'une') || !n?.word || n.cap || STOP.has(n.f)) return m;
  return k + 2;
}

/** `… de la province`, `… du district`: the local unit, not a part of the name (unless a name follows it, past one adjective: `de la ville portuaire de Hai Phong`). */
function isLocalUnitAt(toks: Tok[], m: number): boolean {
  const u = toks[m];
  if (u.cap || !LOCAL_UNITS.has(u.f)) return false;
  const a = toks[m + 1];
  const n = a?.word && !a.cap && !CONNECTORS.has(a.f) && adjectiveLike(a.t, a.f) && CONNECTORS.has(toks[m + 2]?.f ?? '') ? m + 2 : m + 1;
  return !toks[n]?.cap && !(toks[n] && CONNECTORS.has(toks[n].f) && toks[n + 1]?.cap);
}

/** Words of a term or period after a body's name (`pour le mandat 2025-2030`). */
const TERM_WORDS = new Set(['mandat', 'periode', 'legislature', 'exercice', 'decennie']);
/** Role words: `… du Parti communiste et président du Vietnam`, `… et de chef du Bureau` start a role, not more of the name. */
const ROLE_WORDS = new Set(['chef', 'president', 'presidente', 'secretaire', 'directeur', 'directrice', 'vice', 'membre', 'ministre', 'ambassadeur', 'ambassadrice', 'depute', 'deputee', 'commandant', 'gouverneur', 'maire', 'porte-parole']);

/** Elections after `et des`: not more of a congress's or a body's name. */
const ELECTIONS = new Set(['election', 'elections']);

/**
 * After `et de`: `et des réunions connexes`, `et de la commission` name another body or meeting, not more of this name;
 * so do `et des élections des députés` (elections are never annotated).
 */
function anotherThing(t: Tok): boolean {
  return isHeadWord(t) || ELECTIONS.has(t.f) || (!t.cap && (EVENT_HEADS.has(t.f) || ORG_HEADS.has(t.f) || ROLE_WORDS.has(t.f)));
}

/** Bodies named with the Party as a pair (`du Parti et de l'État`, `et du Gouvernement`). */
const PARTY_STATE = new Set(['etat', 'gouvernement']);

/** Nouns that end like an infinitive (`Fédération de tir`, `Fonds pour l'avenir`). */
const NOUNS_IR = new Set(['tir', 'avenir', 'loisir', 'loisirs', 'plaisir', 'souvenir', 'cuir', 'elixir']);

/** `de continuer`, `d'investir`, `de mettre`: an infinitive right after `de`. */
function isInfinitiveAfterDe(t: Tok, next: Tok): boolean {
  if (!next.cap && t.f === 'pour') return isInfinitiveAfterPour(next);
  return !next.cap && (t.f === 'de' || t.f === "d'") && ((/(er|ir)$/.test(next.f) && !/ier$/.test(next.f) && !NOUNS_IR.has(next.f)) || /(ire|dre|vre|oir|ettre|attre|aitre)$/.test(next.f));
}

/**
 * `ambassade du Vietnam pour célébrer`, `Association d'amitié pour intensifier`: `pour` + an
 * infinitive is a purpose clause after the name (a body's own `pour` takes an article or a noun:
 * `pour la promotion`, `pour l'enfance`), so `-ier` infinitives count here too.
 */
function isInfinitiveAfterPour(next: Tok): boolean {
  return next.word && /(er|ir|ire|dre|vre|oir)$/.test(next.f);
}

/** `de`, `du`, `des`, `pour`…, an optional article, then the next word of the name. */
const connector: PhraseStep = (w, t, nx) => {
  if (!(t.word && !t.cap && CONNECTORS.has(t.f))) return null;
  const { toks, stops } = w;
  const m = w.opts.indefinite ? pastIndefinite(toks, w.k, afterArticle(t, nx, w.k)) : afterArticle(t, nx, w.k);
  const next = toks[m];
  if (!next || !(next.word || next.num) || stops?.has(m) || (!next.cap && (STOP.has(next.f) || CONNECTORS.has(next.f)))) return 'stop';
  if (isLocalUnitAt(toks, m)) return 'stop';
  // `… pour le mandat 2025-2030`, `… de la période`: the term of office, not the name
  if (!next.cap && TERM_WORDS.has(next.f)) return 'stop';
  // `le Parti X au pouvoir`: the ruling party, not a part of its name
  if (t.f === 'au' && next.f === 'pouvoir') return 'stop';
  if (m === w.k + 1 && isInfinitiveAfterDe(t, next)) return 'stop';
  w.k = m;
  w.prevKind = 'conn';
  w.lowRun = 0;
  return 'next';
};

/**
 * Organisation names: `Centre national d'encouragement à l'agriculture`, `Agence wallonne à
 * l'Exportation`: `à` + an article + the field is the body's remit (a bare `à Hanoi` is a place,
 * left to the host-place rules).
 */
/** `à l'occasion de`, `à l'encontre de`, `à l'horizon`: locutions after a name, not its remit. */
const A_LOCUTIONS = new Set(['occasion', 'encontre', 'horizon', 'egard', 'issue', 'instar', 'aide', 'image', 'heure', 'echelle', 'initiative', 'invitation', 'attention', 'exception', 'demande', 'suite', 'fin', 'place', 'tete', 'veille', 'lumiere', 'hauteur', 'etranger', 'ecoute', 'ere', 'approche', 'avance', 'origine', 'interieur', 'exterieur']);
const aLink: PhraseStep = (w, t, nx) => {
  if (!(w.opts.lowerLists && t.t === 'à' && (nx?.f === 'la' || nx?.f === "l'") && w.prevKind !== 'head')) return null;
  const n = w.toks[w.k + 2];
  if (!n || !n.word || w.stops?.has(w.k + 2) || (!n.cap && (STOP.has(n.f) || CONNECTORS.has(n.f) || A_LOCUTIONS.has(n.f) || !adjectiveLike(n.t, n.f)))) return 'stop';
  w.k += 2;
  w.prevKind = 'conn';
  return 'next';
};

/** `en Asie`, `mise en œuvre`, `en matière de`. */
const enLink: PhraseStep = (w, t, nx) => {
  if (!(t.f === 'en' && nx && (nx.cap || nx.f === 'oeuvre' || nx.f === 'œuvre' || nx.f === 'matiere'))) return null;
  w.k++;
  w.prevKind = 'conn';
  return 'next';
};

/** Role phrases: `Ministre de l'Industrie et Commerce` joins two capitalised parts. */
const titleAnd: PhraseStep = (w, t, nx) => {
  if (!(w.opts.title && (t.f === 'and' || t.f === 'et') && w.prevKind === 'cap' && nx?.cap && !isHeadWord(nx) && !w.stops?.has(w.k + 1))) return null;
  w.k++;
  w.prevKind = 'conn';
  return 'next';
};

const DEF_ARTICLES = new Set(['la', 'le', "l'", 'les']);

const PAIR_CONNECTORS = new Set(['sur', 'pour', 'entre']);

/**
 * The first item of a pair ending before the `et` at k: where it started after a connector and an article
 * (`pour la | prévention`; also `sur`, `entre` in event titles, `pairs`), kind 'art' and the connector's index;
 * or after `aux`/`au`/`à l'` (`à l'Exportation`), kind 'aux'; null when none within four words.
 */
function itemOpener(toks: Tok[], k: number, start: number, pairs: boolean): { kind: 'art' | 'aux'; c: number } | null {
  for (let m = k - 1; m >= Math.max(1, start) && m >= k - 4; m--) {
    const x = toks[m];
    if (!x.word || STOP.has(x.f) || x.f === 'et') return null;
    if (DEF_ARTICLES.has(x.f)) {
      const c = toks[m - 1];
      if (m === k - 1) return null;
      if (c.t === 'à') return { kind: 'aux', c: m - 1 };
      return CONNECTORS.has(c.f) || (pairs && PAIR_CONNECTORS.has(c.f)) ? { kind: 'art', c: m - 1 } : null;
    }
    if (x.f === 'aux' || x.f === 'au') return { kind: 'aux', c: m };
    if (CONNECTORS.has(x.f)) return null;
  }
  return null;
}

const isRegion = (toks: Tok[], k: number) => matchAt(toks, k)?.entry.id.startsWith('r:') ?? false;

/** Two capitalised items: a remit after `à l'` (`à l'Exportation et aux Investissements`), or two regions (`l'Asie et le Pacifique`), not a body and a country. */
function capitalisedPair(toks: Tok[], k: number, kind: 'art' | 'aux'): boolean {
  if (!toks[k - 1].cap) return false;
  return kind === 'aux' || (isRegion(toks, k + 2) && (isRegion(toks, k - 1) || isRegion(toks, k - 2)));
}

/**
 * Remits of bodies and meetings, event and agreement titles: `pour la prévention et le contrôle des catastrophes`,
 * `pour l'Asie et le Pacifique`, `à l'Exportation et aux Investissements étrangers`, `sur les mers et les océans`,
 * `entre le Vietnam et la France`: a second item after `et` with the article (or the `aux`) the first took. In an
 * event's title two items after `sur`/`pour`/`entre` written alike (both capitalised or not) pair; otherwise a
 * lower-case item goes on with a lower-case noun, a capitalised one as `capitalisedPair` says.
 */
const itemPair: PhraseStep = (w, t, nx) => {
  if (!(t.f === 'et' && nx) || w.opts.title || (w.prevKind !== 'low' && w.prevKind !== 'cap')) return null;
  const { toks, k } = w;
  const open = itemOpener(toks, k, w.start, !!w.opts.indefinite);
  if (!open || !(open.kind === 'art' ? DEF_ARTICLES.has(nx.f) : nx.f === 'aux' || nx.f === 'au')) return null;
  const n = toks[k + 2];
  if (!n?.word || w.stops?.has(k + 2) || isHeadWord(n) || STOP.has(n.f) || CONNECTORS.has(n.f) || ROLE_WORDS.has(n.f) || ORG_HEADS.has(n.f) || EVENT_HEADS.has(n.f)) return null;
  const titlePair = !!w.opts.indefinite && open.kind === 'art' && PAIR_CONNECTORS.has(toks[open.c].f) && n.cap === toks[open.c + 2].cap;
  if (!titlePair && (n.cap ? !capitalisedPair(toks, k, open.kind) : toks[k - 1].cap || !adjectiveLike(n.t, n.f))) return null;
  w.k = k + 2;
  w.prevKind = 'conn';
  return 'next';
};

/**
 * `ambassade d'Australie et de l'UNESCO`, `Union des amitiés de Ben Tre et de certaines organisations`: an
 * organisation's name closed by its country or province goes on with nothing after `et` (the next item is
 * another body or the people there) nor a lower-case word (a verb: `… du Vietnam effectue`); a region may be
 * one of a pair (`Libération du Sud et de la Réunification`).
 */
function placeClosesName(w: PhraseWalk): boolean {
  if (!w.opts.lowerLists || w.prevKind !== 'cap') return false;
  for (let a = Math.max(w.start, w.k - 4); a < w.k; a++) {
    const g = matchAt(w.toks, a);
    if (g && g.end === w.k && g.entry.type === 'LOC' && !g.entry.id.startsWith('r:')) return true;
  }
  return false;
}

/** `et de la Formation`, `économique et sociale`; any other `et` ends the name. */
const etLink: PhraseStep = (w, t, nx) => {
  if (!(t.f === 'et' && nx)) return null;
  const { toks } = w;
  if (placeClosesName(w)) return 'stop';
  if (!nx.cap && (nx.f === 'de' || nx.f === 'du' || nx.f === 'des' || nx.f === "d'")) {
    let m = w.k + 2;
    if (toks[m] && (toks[m].f === 'la' || toks[m].f === "l'" || toks[m].f === 'le' || toks[m].f === 'les')) m++;
    if (toks[m] && anotherThing(toks[m])) return 'stop';
    // `Parti communiste du Vietnam et de l'État`: the Party and the State are two bodies
    if (toks[m]?.cap && PARTY_STATE.has(toks[m].f) && !toks[m + 1]?.cap) return 'stop';
    w.k++;
    w.prevKind = 'conn';
    return 'next';
  }
  if (w.prevKind === 'low' && !nx.cap && adjectiveLike(nx.t, nx.f) && !ROLE_WORDS.has(nx.f)) {
    w.k++;
    return 'next';
  }
  return 'stop';
};

/** `ministère de la Culture, des Sports et du Tourisme`: a comma list of complements closed by `et`. */
const commaList: PhraseStep = (w, t) => {
  if (!(t.t === ',' && w.prevKind === 'cap' && commaComplements(w.toks, w.k))) return null;
  w.k++;
  w.prevKind = 'head';
  return 'next';
};

/**
 * `Service provincial de la culture, des sports et du tourisme`, `Comité de la communauté, de la
 * culture et de la jeunesse`: a body's remit written in lower case is the same comma list of
 * complements closed by `et` + connector as the capitalised one.
 */
const lowCommaList: PhraseStep = (w, t) => {
  if (!(t.t === ',' && w.prevKind === 'low' && w.opts.lowerLists && commaComplements(w.toks, w.k, true))) return null;
  w.k++;
  w.prevKind = 'head';
  return 'next';
};

/** Agreement titles: `sûres, ordonnées et régulières`. */
const enumeration: PhraseStep = (w, t) => {
  if (!(w.opts.enumerations && t.t === ',' && w.prevKind === 'low')) return null;
  const { toks } = w;
  let m = w.k;
  const words: number[] = [];
  while (toks[m]?.t === ',' && toks[m + 1]?.word && !toks[m + 1].cap && !STOP.has(toks[m + 1].f)) {
    words.push(m + 1);
    m += 2;
  }
  if (words.length && toks[m]?.f === 'et' && toks[m + 1]?.word && !toks[m + 1].cap && !STOP.has(toks[m + 1].f)) {
    w.k = m + 2;
    w.end = w.k;
    return 'next';
  }
  return 'stop';
};

/** Role phrases: `ambassadeur à Paris`, `consul in Osaka` keep the place. */
const titlePlace: PhraseStep = (w, t, nx) => {
  if (!(w.opts.title && (t.t === 'à' || t.f === 'in' || t.f === 'at') && nx?.cap)) return null;
  w.k++;
  w.prevKind = 'conn';
  return 'next';
};

/** `du XIIIᵉ Comité central`, `de la 14e Assemblée nationale`: an ordinal right after a connector numbers the head that follows it. */
function ordinalAfterConnector(toks: Tok[], k: number): boolean {
  const o = toks[k];
  const c = toks[k - 1];
  return !!o && !!c && (CONNECTORS.has(c.f) || ARTICLES.has(c.f)) && (isOrdinal(o.f) || /^[IVXL]+(e|ᵉ|ème)$/.test(o.t));
}

/** A capitalised word (or compound) of the name; a new head word without a connector starts another name. */
const capWord: PhraseStep = (w, t) => {
  if (!(t.word && (t.cap || t.upper))) return null;
  if (isHeadWord(t) && w.prevKind !== 'conn' && w.k > w.start && !ordinalAfterConnector(w.toks, w.k - 1)) return 'stop';
  if (w.opts.title && w.prevKind !== 'conn' && w.prevKind !== 'cap') return 'stop';
  w.k = spacedPairEnd(w.toks, capWordEnd(w.toks, w.k));
  w.end = w.k;
  w.prevKind = 'cap';
  w.lowRun = 0;
  return 'next';
};

/** A number after a connector: `Sommet du G20`, `Plan de 2030`. */
const numberAfterConnector: PhraseStep = (w, t) => {
  if (!(t.num && w.prevKind === 'conn')) return null;
  // `Musée de Hanoi du 13 au 15 (mars)`: a day, not a name
  const nx = w.toks[w.k + 1];
  if (/^\d{1,2}$/.test(t.f) && nx && (nx.f === 'au' || nx.f === 'et' || nx.t === '-' || FR_MONTH_NAMES.has(nx.f))) return 'stop';
  w.k++;
  w.end = w.k;
  w.prevKind = 'cap';
  return 'next';
};

/**
 * Organisation names: `Université de Paris 11`, `Hôpital central militaire 108`, `Comité national pour l'APEC 2027`,
 * `société … Bac Nam 79`: a number of up to four digits right after a word of the name numbers the body, when the
 * sentence goes on with no noun it would count (`… de Hanoi 3 fois`, `… 15 mars`, `… 2,5 %` are not).
 */
const nameNumber: PhraseStep = (w, t) => {
  if (!(w.opts.lowerLists && t.num && (w.prevKind === 'cap' || w.prevKind === 'low') && /^\d{1,4}$/.test(t.t) && t.sp)) return null;
  const p = w.toks[w.k - 1];
  // a date (`… on January 8`, `du 13 mars`), a year after a word (`… baccalauréat 2013`; an acronym's edition stays: `APEC 2027`)
  if (MONTH_NAMES.has(p.f) || (/^(19|20)\d\d$/.test(t.t) && !p.upper)) return 'stop';
  const n = w.toks[w.k + 1];
  const counts = !!n && ((n.word && !STOP.has(n.f) && n.f !== 'et') || n.num || n.t === '%' || n.t === '-' || n.t === '/' || ((n.t === ',' || n.t === '.') && !!w.toks[w.k + 2]?.num && !w.toks[w.k + 2].sp));
  if (counts) return 'stop';
  w.k++;
  w.end = w.k;
  w.prevKind = 'cap';
  return 'next';
};

/** A lower-case adjective (at most 3 in a row), or any word right after a connector. */
const lowerWord: PhraseStep = (w, t) => {
  if (!(t.word && !t.cap && !STOP.has(t.f) && !ARTICLES.has(t.f))) return null;
  // `nationale sud-coréenne`, `nord-coréen`: a compass prefix glued to a national adjective
  const compass = (t.f === 'sud' || t.f === 'nord') && gluedHyphen(w.toks, w.k + 1) && w.prevKind === 'low';
  if (w.prevKind !== 'conn' && !compass && !adjectiveLike(t.t, t.f)) return 'stop';
  // `… Vietnam - France conduite par`, `délégation dirigée par`: a participle before its agent ends the name
  if (w.prevKind !== 'conn' && w.toks[w.k + 1]?.f === 'par') return 'stop';
  // `Cour populaire suprême du Vietnam effectue`, `Orchestre symphonique de Londres via`: a body's name closed by its country or province takes no adjective after it
  if (placeClosesName(w)) return 'stop';
  if (++w.lowRun > 3) return 'stop';
  w.k++;
  // a lower-case compound (`des beaux-arts`, `libre-échange`), a prefix before a name (`vaccins anti-COVID-19`)
  while (gluedHyphen(w.toks, w.k) && w.toks[w.k + 1].word && (!w.toks[w.k + 1].cap || (w.toks[w.k - 1].f === 'anti' && w.toks[w.k + 1].upper))) w.k = capWordEnd(w.toks, w.k + 1);
  w.end = w.k;
  w.prevKind = 'low';
  return 'next';
};

/** In order: the first matcher that applies decides; a token none applies to ends the name. */
const PHRASE_STEPS: readonly PhraseStep[] = [connector, aLink, enLink, titleAnd, itemPair, etLink, commaList, lowCommaList, enumeration, titlePlace, capWord, numberAfterConnector, nameNumber, lowerWord];

/**
 * From token `j` (just after the head and its first adjectives), extend the phrase.
 * Returns the exclusive end index of the longest well-formed phrase.
 */
export function extendPhrase(toks: Tok[], j: number, opts: PhraseOpts = {}): number {
  const w: PhraseWalk = { toks, opts, stops: opts.stops, start: j, k: j, end: j, lowRun: 0, prevKind: 'head' };
  const maxLen = opts.maxLen ?? 18;
  while (w.k < toks.length && w.k - j < maxLen && !w.stops?.has(w.k)) {
    const t = toks[w.k];
    const nx = toks[w.k + 1];
    let step: 'next' | 'stop' | null = null;
    for (const match of PHRASE_STEPS) if ((step = match(w, t, nx))) break;
    if (step !== 'next') break;
  }
  return w.end;
}
