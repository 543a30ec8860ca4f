// Organisations: French head-first phrases (`ministère vietnamien de la Police`,
// `Organisation internationale pour les migrations`), English capitalised chunks with an
// organisation head anywhere (`Vietnam Fatherland Front`), and acronym definitions
// `Long Form (ACR)` that make the acronym an alias of the long form.
import type { Segment, Tok } from './text';
import { gluedHyphen, sentenceStart } from './text';
import { extendPhrase, spacedPairEnd } from './phrase';
import {
  ORG_HEADS, WEAK_ORG_HEADS, NAME_ADJ, LOWER_ORG_HEADS, EN_ORG_HEADS, EN_EVENT_HEADS, STOP, CONNECTORS, ARTICLES, EN_DEMONYMS, EN_COMPANY_FORMS, adjectiveLike, isOrdinal, VN_SYLLABLE,
} from './lexicon';
import { acronymIndex, creditWords, titleAt, matchAt, placeStartEndingAt } from './gazetteer';
import type { Cand } from './candidates';
import { fold } from '../text/fold';
import { nameWord } from './glue';
import { findBrands } from './brands';

const COMPANY = new Set(['groupe', 'societe', 'compagnie', 'entreprise', 'firme', 'constructeur', 'operateur', 'firm', 'company', 'group', 'corporation', 'carrier', 'conglomerate', 'giant', 'operator', 'airline', 'sarl', 'startup', 'marque', 'restaurant']);
const PLURAL_DET = new Set(['les', 'des', 'ces', 'plusieurs', 'deux', 'trois', 'leurs', 'ses', 'aux', 'the']);

/** Heads that are plural in the name itself, so `les` before them is its article (`les Forces armées royales`, `les Éditions Kim Dong`). */
const PLURAL_HEADS = new Set(['forces', 'editions']);

/** A plural determiner before the head: a generic plural (`les ministères`), unless the name is plural itself. */
function pluralBefore(toks: Tok[], i: number): boolean {
  return PLURAL_DET.has(toks[i - 1]?.f ?? '') && !(toks[i].cap && PLURAL_HEADS.has(toks[i].f));
}

/** `Forces armées …`: `armées` makes the weak head a name as a national adjective would. */
function armedForces(t: Tok, nx: Tok): boolean {
  return t.cap && t.f === 'forces' && /^armees?$/.test(nx.f);
}

const SHARE_HEADS = new Set(['societe', 'compagnie', 'banque', 'entreprise', 'groupe', 'corporation']);

/** A weak head (`Parti`, `Service`) without the adjective or name right after it that makes it a name. */
function weakHeadBare(t: Tok, nx: Tok): boolean {
  // a capitalised `Mission` is a name (`Mission permanente du Vietnam`, `Mission de maintien de la paix`)
  return WEAK_ORG_HEADS.has(t.f) && !(t.cap && t.f === 'mission') && !(nx.cap || (nx.word && !nx.cap && (NAME_ADJ.test(nx.f) || (t.cap && KIND_ADJ.test(nx.f))) && adjectiveLike(nx.t, nx.f)));
}

function headPhrase(toks: Tok[], i: number, stops: Set<number>): number {
  const t = toks[i];
  if (!t.word || !ORG_HEADS.has(t.f)) return -1;
  // `société par actions Viet Tinh Anh`, `Banque par actions du commerce Sai Gon`: the legal form is part of the name
  const byShares = SHARE_HEADS.has(t.f) && toks[i + 1]?.f === 'par' && toks[i + 2]?.f === 'actions';
  if (!t.cap && !LOWER_ORG_HEADS.has(t.f) && !byShares) return -1;
  if (!t.cap && !lowerPlaceHeadNamed(toks, i)) return -1;
  if (pluralBefore(toks, i)) return -1;
  const nx = toks[i + 1];
  if (!nx) return -1;
  const weakDe = weakHeadBare(t, nx) && !armedForces(t, nx);
  if (weakDe && !(t.cap && DE_WORDS.includes(nx.f))) return -1;
  let j = byShares ? i + 3 : i + 1;
  if (gluedHyphen(toks, j) && toks[j + 1]?.cap) j += 2; // Haut-Commissariat, Croix-Rouge
  let end = extendPhrase(toks, j, { stops, maxLen: 16, lowerLists: true });
  if (end <= (byShares ? i + 3 : i + 1)) return -1;
  end = frenchTail(toks, i, end, stops);
  if (weakDe && !weakHeadNamed(toks, i, end)) return -1;
  // lower-case heads need a proper name inside (`ministère de la Sécurité publique`)
  return t.cap || hasProperWord(toks, i + 1, end) ? end : -1;
}

/** Lower-case heads of places that are also bodies: named by a proper name after their adjectives (`hôpital Cho Ray`, `école française Colette`), a museum or library also by its `de` (`musée de Chemnitz`). */
const APPOSED_HEADS = new Set(['hopital', 'ecole', 'lycee']);
const DE_NAMED_HEADS = new Set(['musee', 'bibliotheque']);

/** A lower-case `hôpital`, `école`, `musée` … is a name only so (`l'hôpital de Da Nang`, `un lycée au Vietnam` are not); other heads pass. */
function lowerPlaceHeadNamed(toks: Tok[], i: number): boolean {
  const f = toks[i].f;
  if (!APPOSED_HEADS.has(f) && !DE_NAMED_HEADS.has(f)) return true;
  let k = i + 1;
  while (k < toks.length && k - i < 4 && toks[k].word && !toks[k].cap && !CONNECTORS.has(toks[k].f) && adjectiveLike(toks[k].t, toks[k].f)) k++;
  const n = toks[k];
  return !!n && ((n.word && (n.cap || n.upper)) || (DE_NAMED_HEADS.has(f) && DE_WORDS.includes(n.f)));
}

/**
 * `Service de l'éducation et de la formation de Hô Chi Minh-Ville`, `École des beaux-arts
 * d'Indochine`, `Police de la ville de Hai Phong`: a capitalised weak head + `de` is a name when a
 * field in lower case comes first and a proper name closes it (`Centre du Vietnam`, a region, and
 * `Groupe de travail` without a name are not).
 */
function weakHeadNamed(toks: Tok[], i: number, end: number): boolean {
  let k = i + 1;
  while (k < end && (DE_WORDS.includes(toks[k].f) || ARTICLES.has(toks[k].f))) k++;
  // not the Party of a committee (`Comité du Parti | de la ville de …`) nor a body's part (`Police du ministère …`)
  if (partyOfCommittee(toks, i) || (k < end && ORG_HEADS.has(toks[k].f))) return false;
  if (!(k < end && toks[k].word && !toks[k].cap && !toks[k].upper)) return false;
  if (hasProperWord(toks, k + 1, end)) return true;
  // a long field with no proper name (`Centre d'assistance aux familles multiculturelles`, `Centre de presse et de
  // coopération internationale des médias`): three content words or more, the first no place noun
  let words = 0;
  for (let m = k; m < end; m++) if (toks[m].word && !STOP.has(toks[m].f) && !DE_WORDS.includes(toks[m].f) && !ARTICLES.has(toks[m].f)) words++;
  return words >= 3 && !FIELD_NOT_NAME.has(toks[k].f);
}
/** First words after a weak head and `de` that make a part of a place or a generic group, not a body. */
const FIELD_NOT_NAME = new Set(['ville', 'pays', 'region', 'province', 'capitale', 'travail', 'quartier', 'district']);

/** `Comité du Parti`, `Comité municipal du Parti`, `Comité provincial du Parti`: the Party of a committee's name. */
function partyOfCommittee(toks: Tok[], i: number): boolean {
  if (toks[i].f !== 'parti') return false;
  const p = toks[i - 2];
  return ORG_HEADS.has(p?.f ?? '') || (!!p && p.word && !p.cap && NAME_ADJ.test(p.f) && ORG_HEADS.has(toks[i - 3]?.f ?? ''));
}

function hasProperWord(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (toks[k].cap || toks[k].upper) return true;
  return false;
}

/** French heads whose name goes on with the host place (`ambassade du Vietnam en France`, `Mission permanente du Vietnam auprès de l'ONU`). */
const FR_IN_PLACE = new Set(['ambassade', 'consulat', 'mission', 'association', 'union', 'centre', 'bureau', 'delegation', 'representation', 'communaute', 'office']);
/** Third-person verb forms that end a name written without a stop word (`ministère de la Santé délivre`). */
const VERB_TAIL = /(ant|[^nm]ent)$/;
const VERB_WORDS = new Set(['constitue', 'comprend', 'delivre', 'represente', 'dispose', 'rejoint', 'coordonne', 'prepare', 'introduit', 'soutenir', 'partage', 'fixe', 'exige', 'repond', 'precise', 'considere', 'detient', 'mobilise', 'conduit', 'dirige',
  'clot', 'espere', 'profite', 'deploie', 'sanctionne', 'marque', 'felicite', 'exprime', 'reconnait', 'souligne', 'insiste', 'assiste', 'collabore',
  'coopere', 'inaugure', 'honore', 'remercie', 'finance', 'attribue', 'decerne', 'octroie', 'emet', 'lance', 'elabore', 'envoie', 'transmet',
  'visite', 'discute', 'concerne', 'regroupe', 'rassemble', 'compte', 'vient', 'doit', 'veut', 'fait', 'cree', 'forme', 'tient', 'prend']);

const DE_WORDS = ['de', 'du', 'des', "d'"];

/** After a French head phrase: `chargé des …`, a host place after `en`/`à`/`au`, `auprès de l'ONU`; a trailing verb form dropped. */
function frenchTail(toks: Tok[], i: number, end: number, stops: Set<number>): number {
  end = termCut(toks, i, end);
  end = numberTail(toks, end);
  end = chargeTail(toks, end, stops);
  if (FR_IN_PLACE.has(toks[i].f)) end = hostTail(toks, toks[i].f, end);
  end = dashPlaceTail(toks, end);
  return verbCut(toks, i, end);
}

/** Words of a term of office after a body's name. */
const TERM_WORDS = new Set(['mandat', 'legislature', 'periode', 'exercice', 'promotion']);
const YEAR = /^(19|20)\d\d$/;
const ROMAN_ORDINAL = /^[ivxl]+(e|eme)$/;

/**
 * `Comité populaire de la province de Lào Cai de 2011 à 2015`, `Assemblée nationale de la 15e
 * législature`, `comité exécutif … du 13e mandat`: a year or a numbered term after the name dates
 * the body, it is not part of its name.
 */
function termCut(toks: Tok[], i: number, end: number): number {
  for (let k = i + 1; k < end; k++) {
    const c = toks[k];
    if (!(c.word && !c.cap && (DE_WORDS.includes(c.f) || c.f === 'en' || c.f === 'pour'))) continue;
    let m = k + 1;
    if (toks[m]?.f === 'la' || toks[m]?.f === 'le' || toks[m]?.f === "l'") m++;
    const n = toks[m];
    if (!n) continue;
    if (YEAR.test(n.f)) return k;
    if ((isOrdinal(n.f) || ROMAN_ORDINAL.test(n.f)) && TERM_WORDS.has(toks[m + 1]?.f ?? '')) return k;
  }
  return end;
}

/** Words a body's number follows (`Lycée numéro 14`, `Hôpital de campagne de niveau 2`). */
const NUMBER_WORDS = new Set(['numero', 'niveau', 'no']);
/** `Lycée numéro 14`, `Hôpital de campagne de niveau 2 N°1`: the number that tells such bodies apart is part of the name. */
function numberTail(toks: Tok[], end: number): number {
  const last = toks[end - 1];
  const n = toks[end];
  if (!last || !n?.num || !/^\d{1,3}$/.test(n.f) || !NUMBER_WORDS.has(last.f)) return end;
  let e = end + 1;
  // a second number: `N°1`, `No 2`, `n°2`
  let m = e;
  if (toks[m]?.f === 'n' || toks[m]?.f === 'no') {
    m++;
    if (toks[m]?.t === '°' || toks[m]?.t === 'º') m++;
    if (toks[m]?.num && /^\d{1,3}$/.test(toks[m].f)) e = m + 1;
  }
  return e;
}

/** `Comité d'État chargé des Vietnamiens d'outre-mer`, `… chargé des affaires liées aux Vietnamiens d'outre-mer`. */
function chargeTail(toks: Tok[], end: number, stops: Set<number>): number {
  const ch = toks[end];
  if (!ch || !/^chargee?s?$/.test(ch.f) || !toks[end + 1] || !DE_WORDS.includes(toks[end + 1].f)) return end;
  let e = extendPhrase(toks, end + 1, { stops, maxLen: 8 });
  if (/^(liee?s?|relatif|relatifs|relatives?)$/.test(toks[e]?.f ?? '') && (toks[e + 1]?.f === 'aux' || toks[e + 1]?.f === 'au')) {
    const e2 = extendPhrase(toks, e + 1, { stops, maxLen: 8 });
    if (e2 > e + 2) e = e2;
  }
  if (abroadAt(toks, e)) e += 4;
  else if (abroadAt(toks, e - 1)) e += 3;
  return e > end + 2 && toks.slice(end + 1, e).some((x) => x.cap || x.upper) ? e : end;
}

/** `… chargé des Vietnamiens résidant à l'étranger`: the people a body is in charge of, where they live (four tokens at k). */
function abroadAt(toks: Tok[], k: number): boolean {
  return /^(residant|vivant)$/.test(toks[k]?.f ?? '') && toks[k + 1]?.t === 'à' && toks[k + 2]?.f === "l'" && toks[k + 3]?.f === 'etranger';
}

/** A mission abroad is named with its host country (`en France`, `au Japon`), a consulate with its city (`à Ho Chi Minh-Ville`), a delegation with its body (`auprès de l'ONU`). */
function hostTail(toks: Tok[], head: string, end: number): number {
  const w = toks[end];
  if (!w) return end;
  // an embassy or consulate abroad with its city (`ambassade de France à Hanoi`)
  if (['en', 'au', 'aux'].includes(w.f) || ((head === 'consulat' || head === 'ambassade') && w.t === 'à')) {
    const g = matchAt(toks, end + 1);
    return g && g.entry.type === 'LOC' && !toks[g.end]?.cap ? g.end : end;
  }
  if (w.f !== 'aupres' || !DE_WORDS.includes(toks[end + 1]?.f ?? '')) return end;
  let k = end + 2;
  if (toks[k]?.f === 'la' || toks[k]?.f === "l'" || toks[k]?.f === 'le') k++;
  const g = toks[k] ? matchAt(toks, k) : null;
  if (g && g.entry.type !== 'LOC') return g.end;
  return toks[k]?.upper ? k + 1 : end;
}

/** `Association d’Amitié et de Coopération Vietnam - France`: a spaced dash between two places. */
function dashPlaceTail(toks: Tok[], end: number): number {
  if (!(toks[end]?.t === '-' || toks[end]?.t === '–') || !toks[end - 1]?.cap || matchAt(toks, end - 1)?.entry.type !== 'LOC') return end;
  const g = toks[end + 1] ? matchAt(toks, end + 1) : null;
  return g && g.entry.type === 'LOC' && !toks[g.end]?.cap ? g.end : end;
}

/** A verb form after a word of the name ends it (`ministère de la Santé délivre`, `… relevant du ministère`). */
function verbCut(toks: Tok[], i: number, end: number): number {
  for (let k = i + 2; k < end; k++) {
    const t = toks[k];
    const p = toks[k - 1];
    if (t.word && !t.cap && !t.upper && p.word && !CONNECTORS.has(p.f) && !ARTICLES.has(p.f) && (VERB_TAIL.test(t.f) || VERB_WORDS.has(t.f)) && !abroadAt(toks, k)) return k;
  }
  return end;
}

/**
 * Lower-case words after the head, then a known organisation closing the phrase. A known name written in
 * lower case (`ministère des Affaires étrangères`) is the complement of the head, not the name it describes:
 * `département consulaire du ministère des Affaires étrangères` stays one body.
 */
function describesKnown(toks: Tok[], i: number, end: number): boolean {
  if (toks[i].cap) return false;
  for (let k = i + 1; k < end; k++) {
    const g = matchAt(toks, k);
    if (g && g.end === end && g.entry.type === 'ORG') return toks[k].cap || toks[k].upper || toks[k].num;
    if (toks[k].cap || toks[k].upper) return false;
  }
  return false;
}

const EN_UNITS = new Set(['district', 'province', 'city', 'town', 'commune', 'ward', 'prefecture']);

/** English heads whose name goes on with the host place (`Embassy of Vietnam in Germany`). */
const IN_PLACE = new Set(['embassy', 'consulate', 'association', 'mission', 'office', 'delegation', 'community', 'union']);

/** Where the chunk walk stands, and what it has seen. */
interface ChunkWalk {
  readonly toks: Tok[];
  readonly i: number;
  readonly stops: Set<number>;
  j: number;
  /** End of the last capitalised word (exclusive), -1 before the first. */
  lastCap: number;
  /** An organisation head word was seen (`Ministry`, `Front`). */
  org: boolean;
  /** An event head word was seen (`Summit`, `Forum`). */
  ev: boolean;
  /** `of`/`for` was seen: an `X of …` name, which may hold a comma enumeration. */
  sawOf: boolean;
}

/** A person's name starting at j ends the chunk, unless it is a known place after `of` (`People's Committee of Ho Chi Minh City`). */
function chunkStopsAt({ toks, i, stops }: ChunkWalk, j: number): boolean {
  return j > i && ((stops.has(j) && !(toks[j - 1].f === 'of' && matchAt(toks, j)?.entry.type === 'LOC') && !fieldAfterOf(toks, j)) || (titleAt(toks, j) > j && !generalInName(toks, j)));
}

/** `Consulate General`, `General Department of …`, `General Staff`, `General Association`: `General` in a body's name, not a rank. */
function generalInName(toks: Tok[], j: number): boolean {
  if (toks[j].f !== 'general' || titleAt(toks, j) !== j + 1) return false;
  const n = toks[j + 1];
  return toks[j - 1]?.f === 'consulate' || (!!n && n.cap && (EN_ORG_HEADS.has(n.f) || n.f === 'staff' || n.f === 'consulate'));
}

/** `Department of Cyber Security`: after `of`/`for`, a capitalised word then a word of known names is the body's field, not a person. */
function fieldAfterOf(toks: Tok[], j: number): boolean {
  const n = toks[j + 1];
  return (toks[j - 1]?.f === 'of' || toks[j - 1]?.f === 'for') && !!n && n.word && n.cap && nameWord(n.f) && !VN_SYLLABLE.test(toks[j].f);
}

/** A capitalised word (a number first) and its glued compounds; stops before an acronym of the words so far. */
function chunkCapWord(w: ChunkWalk, t: Tok): boolean {
  const { toks, i } = w;
  if (!((t.word && (t.cap || t.upper)) || (t.num && w.j === i))) return false;
  if (EN_ORG_HEADS.has(t.f)) w.org = true;
  if (EN_EVENT_HEADS.has(t.f)) w.ev = true;
  w.j++;
  // `St. Petersburg State University`: the abbreviated saint's dot
  if (t.f === 'st' && toks[w.j]?.t === '.' && !toks[w.j].sp && toks[w.j + 1]?.cap) w.j++;
  while (gluedHyphen(toks, w.j) && (toks[w.j + 1].word || toks[w.j + 1].num)) {
    const nx = toks[w.j + 1];
    if (nx.upper && w.j - i >= 2 && lettersMatch(nx.t, toks.slice(i, w.j).filter((x) => x.word).map((x) => x.f))) break;
    w.j += 2;
  }
  // `Mekong - Japan Summit`, `Vietnam – Japan Festival`: partners joined by a dash, before the head or inside
  // the name (`Forum of East Asia–Latin America Cooperation`); after a whole name it is a title's separator
  const pair = spacedPairEnd(toks, w.j);
  if (pair > w.j && ((!w.ev && !w.org) || toks[pair]?.cap)) w.j = pair;
  w.lastCap = w.j;
  return true;
}

/** `Ministry of Culture, Sports and Tourism`: a comma enumeration of plain capitalised words closed by and/& inside an `X of ...` name. */
function chunkEnumeration(w: ChunkWalk, t: Tok): boolean {
  if (!(t.t === ',' && w.org && w.sawOf)) return false;
  const e = enumEnd(w.toks, w.j, w.stops);
  if (e <= 0) return false;
  w.j = e;
  w.lastCap = e;
  return true;
}

/** `Ministry of Foreign Affairs and the United Nations ... Programme`: an `and` before another head starts a second name. */
function andStartsAnotherName({ toks }: ChunkWalk, j: number): boolean {
  let m = j + 1;
  if (toks[m]?.f === 'the') m++;
  const start = m;
  while (toks[m] && (toks[m].cap || toks[m].upper || ['of', 'for', 'on', 'the'].includes(toks[m].f) || ((toks[m].t === "'" || toks[m].t === '’') && toks[m + 1]?.f === 's') || (m > start && gluedHyphen(toks, m)))) {
    if (EN_ORG_HEADS.has(toks[m].f) || EN_EVENT_HEADS.has(toks[m].f)) return true;
    // a glued compound's hyphen (`the ASEAN Inter-Parliamentary Assembly`)
    if (gluedHyphen(toks, m)) {
      m++;
      continue;
    }
    // `Ministry of Education and Training’s Department of …`: a head after a possessive is another body's
    // (a place's possessive is another body's: `… and Japan's Ministry of Economy`)
    if (!toks[m].word && !EN_ORG_HEADS.has(toks[m - 1]?.f ?? '') && !PLURAL_OWNERS.has(toks[m - 1]?.f ?? '') && !placeUpTo(toks, start, m)) return false;
    m += toks[m].word ? 1 : 2; // `People's Committee`
  }
  return false;
}

/**
 * `Vietnam Oil and Gas Group`, `Ca Mau Seafood Processing and Service Joint Stock Company`, `Vietnam Textile and
 * Apparel Association`, `World Red Cross and Red Crescent Day`: an `and` pairing two fields before the only head (no head yet, no `the` after it, and the
 * words before it more than a known name alone, unlike `Vietnam and | Laos Friendship Association`) stays in one name.
 */
function fieldPairBeforeHead({ toks, i, j, org, ev, stops }: ChunkWalk): boolean {
  if (org || ev || j - i < 2 || toks[j + 1]?.f === 'the' || !toks[j - 1].word || !toks[j - 1].cap) return false;
  // not after a person (`Nguyen Van A and | National Assembly`) nor a known body (`United Nations | Food and …`)
  for (let k = i; k < j; k++) if (stops.has(k)) return false;
  const g = matchAt(toks, i);
  if (g && (g.end >= j || g.entry.type !== 'LOC')) return false;
  // the second field's words (no head), then the head (`and Gas | Group`, not `and | Party`)
  let m = j + 1;
  while (m - j <= 3 && toks[m]?.word && toks[m].cap && !EN_ORG_HEADS.has(toks[m].f) && !EN_EVENT_HEADS.has(toks[m].f)) m++;
  // …or an event's (`World Red Cross and Red Crescent | Day`, `Vietnam Book and Reading Culture | Day`)
  return m > j + 1 && !!toks[m]?.cap && (EN_ORG_HEADS.has(toks[m].f) || EN_EVENT_HEADS.has(toks[m].f));
}

/** Possessives inside a body's name (`People’s Committee`, `Women’s Union`). */
const PLURAL_OWNERS = new Set(['people', 'women', 'children', 'workers', 'farmers', 'veterans', 'youth', 'journalists', 'writers']);

/** A known place spans [a, b). */
function placeUpTo(toks: Tok[], a: number, b: number): boolean {
  const g = toks[a] ? matchAt(toks, a) : null;
  return !!g && g.entry.type === 'LOC' && g.end === b;
}

/** Words of generic French bodies named by their kind only. */
const GENERIC_FR = new Set(['comite', 'de', "d'", 'organisation']);
/** Words of generic English bodies named by their kind only. */
const GENERIC_EN = new Set(['party', 'state', 'and', 'the', 'government', 'joint', 'working', 'group']);

/** Months and weekdays: `… Defence on November 19` is a date after the name. */
const EN_TIME = new Set('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '));

/** A joiner (of/for/and/&/on/the) before a capitalised word or `the`, or a possessive `'s` before one. */
function chunkJoiner(w: ChunkWalk, t: Tok): boolean {
  const { toks, i, j } = w;
  if (supportJoiner(toks, i, j)) {
    w.sawOf = true;
    w.j += 3;
    return true;
  }
  // an `on` remit follows a body's or an event's head (`Committee on …`, `Summit on …`), not a place (`greetings to Thailand on National Day`)
  if (t.f === 'on' && !w.org && !w.ev) return false;
  if (j > i && (t.word || t.t === '&') && ['of', 'for', 'and', '&', 'on', 'the'].includes(t.f) && toks[j + 1] && (toks[j + 1].cap || toks[j + 1].f === 'the') && !EN_TIME.has(toks[j + 1].f)) {
    // (`Committee on Economic, Trade and …`: an `on` remit holds an enumeration too)
    if (t.f === 'of' || t.f === 'for' || t.f === 'on') w.sawOf = true;
    w.j++;
    return true;
  }
  const step = j > i && (t.t === "'" || t.t === '’') ? possessiveStep(w) : 0;
  w.j += step;
  return step > 0;
}

/** `Association in Support of Vietnamese Handicapped …`, `Fund in Aid of …`: `in Support of` inside an English name. */
function supportJoiner(toks: Tok[], i: number, j: number): boolean {
  return j > i && toks[j].f === 'in' && ['support', 'aid'].includes(toks[j + 1]?.f ?? '') && !!toks[j + 1].cap && toks[j + 2]?.f === 'of' && !!toks[j + 3]?.cap;
}

/** Tokens a possessive apostrophe at w.j joins into the chunk (0: it ends the chunk). */
function possessiveStep({ toks, j, org }: ChunkWalk): number {
  // `People's Committee`; not a body's possessive before another body (`Ministry of Education’s Department`)
  if (toks[j + 1]?.f === 's' && toks[j + 2]?.cap && ((!(org && EN_ORG_HEADS.has(toks[j + 2].f)) && !EN_ORG_HEADS.has(toks[j - 1].f)) || partyOrganAt(toks, j))) return 2;
  // a plural possessive before an event head (`Vietnamese Doctors’ Day`, `Teachers' Day`)
  if (!toks[j].sp && /s$/.test(toks[j - 1].f) && toks[j + 1]?.cap && EN_EVENT_HEADS.has(toks[j + 1].f) && !toks[j + 2]?.cap) return 1;
  return 0;
}

/**
 * `Party Central Committee’s Secretariat`, `Can Tho Party Committee’s Standing Board`, `Red Cross Society’s
 * Central Committee`: a Party committee's organs and a body's central committee are named with the possessive
 * (unlike a ministry's departments, `Ministry of Health’s Department of …`, which are bodies of their own).
 */
function partyOrganAt(toks: Tok[], j: number): boolean {
  if (toks[j - 1].f === 'committee' && ['central', 'party'].includes(toks[j - 2]?.f ?? '')) return true;
  if (toks[j + 2]?.f !== 'central') return false;
  return toks[j + 3]?.f === 'committee' || (toks[j + 3]?.f === 'executive' && toks[j + 4]?.f === 'committee');
}

/** `Embassy of Vietnam in Germany`, `Overseas Vietnamese Association in France`: a mission's host place is part of its name. */
function hostPlaceEnd({ toks, i, lastCap }: ChunkWalk): number {
  if (toks[lastCap]?.f !== 'in' || !toks.slice(i, lastCap).some((x) => IN_PLACE.has(x.f))) return -1;
  const g = matchAt(toks, lastCap + 1) ?? hostAfterThe(toks, lastCap + 1);
  if (g && g.entry.type === 'LOC') return englishLocalHost(toks, i, lastCap, g.entry.id) ? -1 : englishHostCity(toks, g.end);
  const n = toks[lastCap + 1];
  if (n && n.cap && !n.upper && !STOP.has(n.f) && !toks[lastCap + 2]?.cap) return lastCap + 2;
  return -1;
}

/** `Embassy of Vietnam in the UK`, `… in the Philippines`: a host country written with `the`; its match from the `the`. */
function hostAfterThe(toks: Tok[], k: number): ReturnType<typeof matchAt> {
  if (toks[k]?.f !== 'the' || !toks[k + 1]?.cap) return null;
  const g = matchAt(toks, k + 1);
  return g && g.entry.type === 'LOC' ? g : null;
}

/** Heads of a country's missions abroad, whose host place is always part of the name. */
const EN_MISSION_HEADS = new Set(['embassy', 'consulate', 'mission', 'delegation', 'office']);
/**
 * `Ho Chi Minh Communist Youth Union in Da Nang`: an association or a union named with a Vietnamese place
 * after `in` is the body's local chapter, named without it (an association abroad keeps its host country:
 * `Vietnamese Association in Slovakia`).
 */
function englishLocalHost(toks: Tok[], i: number, lastCap: number, placeId: string): boolean {
  return placeId.startsWith('vn') && !toks.slice(i, lastCap).some((x) => EN_MISSION_HEADS.has(x.f));
}
/** `Consulate General in China’s Nanning city`, `… in Canada’s Vancouver`: the host country's city after its possessive belongs to the name. */
function englishHostCity(toks: Tok[], e: number): number {
  if (!(toks[e]?.t === "'" || toks[e]?.t === '’') || toks[e + 1]?.f !== 's' || !toks[e + 2]?.cap) return e;
  const c = placeWordsEnd(toks, e + 2);
  if (c < 0) return e;
  return toks[c]?.word && !toks[c].cap && EN_UNITS.has(toks[c].f) ? c + 1 : c;
}

/** Legal forms that end a company's name (`Co., Ltd`, `Pte. Ltd`, `JSC`, `Inc.`). */
const LEGAL_END = new Set(['ltd', 'limited', 'jsc', 'corp', 'inc', 'llc', 'plc', 'gmbh', 'pte', 'co']);
/** A full stop after an abbreviated legal form belongs to it unless the sentence ends there. */
function legalDot(toks: Tok[], k: number): number {
  const n = toks[k + 1];
  return toks[k]?.t === '.' && !toks[k].sp && n && !(n.word && n.cap) ? k + 1 : k;
}
/**
 * `Long Son Co., Ltd.`, `Foxconn Singapore PTE Ltd`, `Nhat Cuong Technic Co.`: capitalised words
 * closed by a legal form (a `Co`/`Pte` then `Ltd`/`Limited`); the end with its full stops, or -1.
 */
function companyTail(toks: Tok[], i: number, lastCap: number): number {
  const last = toks[lastCap - 1];
  if (!last || !LEGAL_END.has(last.f) || lastCap - i < 2) return -1;
  if (last.f !== 'co' && last.f !== 'pte') return ['ltd', 'corp', 'inc'].includes(last.f) ? legalDot(toks, lastCap) : -1;
  let m = lastCap;
  if (toks[m]?.t === '.') m++;
  if (toks[m]?.t === ',') m++;
  if (['ltd', 'limited'].includes(toks[m]?.f ?? '')) return legalDot(toks, m + 1);
  return last.f === 'co' && toks[lastCap]?.t === '.' ? legalDot(toks, lastCap) : -1;
}

/** `Field Hospital No. 2`, `Detention Centre No.1`: a body's number after `No.` is part of its name (the walk stops at the dot). */
function numberedEnd(w: ChunkWalk): void {
  const { toks, i, lastCap } = w;
  if (lastCap - i >= 2 && toks[lastCap - 1].t === 'No' && toks[lastCap]?.t === '.' && toks[lastCap + 1]?.num && /^\d{1,3}$/.test(toks[lastCap + 1].f)) w.lastCap += 2;
}

/** English chunk: capitalised words joined by of/for/and/on/the/'s, typed by its head word. */
function englishChunk(toks: Tok[], i: number, stops: Set<number>): { end: number; type: 'ORG' | 'EVENT' } | null {
  const w: ChunkWalk = { toks, i, stops, j: i, lastCap: -1, org: false, ev: false, sawOf: false };
  while (w.j < toks.length && w.j - i < 16) {
    const t = toks[w.j];
    if (chunkStopsAt(w, w.j)) break;
    if (chunkCapWord(w, t) || chunkEnumeration(w, t)) continue;
    if ((t.f === 'and' || t.f === '&') && !fieldPairBeforeHead(w) && andStartsAnotherName(w, w.j)) break;
    if (chunkJoiner(w, t)) continue;
    break;
  }
  if (w.lastCap < 0) return null;
  numberedEnd(w);
  const co = companyTail(toks, i, w.lastCap);
  if (co > 0 && !w.ev) return { end: co, type: 'ORG' };
  if (!w.org && !w.ev) return null;
  if (!w.ev) {
    const end = hostPlaceEnd(w);
    if (end >= 0) return { end, type: 'ORG' };
  }
  // `People's Committee of Cat Hai district`: the kind word of the place closes the name
  if (!w.ev && w.sawOf && EN_UNITS.has(toks[w.lastCap]?.f ?? '') && toks[w.lastCap].word && !toks[w.lastCap].cap) return { end: unitOfPlaceEnd(toks, w.lastCap), type: 'ORG' };
  const reg = w.ev ? -1 : regionalPlaceTail(toks, w.lastCap);
  if (reg > 0) return { end: reg, type: 'ORG' };
  // the last word must be a head or the chunk must contain `of`-type structure
  return { end: w.lastCap, type: w.ev ? 'EVENT' : 'ORG' };
}

/**
 * After the kind word at u: `… of the Mekong Delta province | of Hau Giang`, `… of the Central Highlands province of
 * Gia Lai`: a region's province named after `of` closes the name; the end.
 */
function unitOfPlaceEnd(toks: Tok[], u: number): number {
  if (!['province', 'city'].includes(toks[u].f) || toks[u + 1]?.f !== 'of') return u + 1;
  const e = placeWordsEnd(toks, u + 2);
  return e > 0 ? e : u + 1;
}

const COMPASS = new Set(['northern', 'southern', 'central', 'eastern', 'western', 'northeastern', 'northwestern', 'southeastern', 'southwestern']);

/** A compass adjective at k (`southern`, `south-central`, `north-central`): the index after it, or -1. */
function compassEnd(toks: Tok[], k: number): number {
  const t = toks[k];
  if (!t || t.cap) return -1;
  if (COMPASS.has(t.f)) return k + 1;
  return (t.f === 'south' || t.f === 'north') && gluedHyphen(toks, k + 1) && toks[k + 2]?.f === 'central' ? k + 3 : -1;
}

/** Capitalised words of a place at k (a known place, else up to three words): its end, or -1. */
function placeWordsEnd(toks: Tok[], k: number): number {
  const g = toks[k] ? matchAt(toks, k) : null;
  if (g && g.entry.type === 'LOC') return g.end;
  let e = k;
  while (e - k < 3 && toks[e]?.word && toks[e].cap && !toks[e].upper && !STOP.has(toks[e].f)) e++;
  return e > k ? e : -1;
}

/**
 * `People’s Court of the southern province of Tay Ninh`, `Border Guards Command of northern Lao Cai
 * province`, `People’s Committee of the south-central province of Binh Thuan`: the body's province with the
 * region English dispatches put before it belongs to the name; its end, or -1.
 */
function regionalPlaceTail(toks: Tok[], k: number): number {
  if (toks[k]?.f !== 'of') return -1;
  const m = compassEnd(toks, toks[k + 1]?.f === 'the' ? k + 2 : k + 1);
  if (m < 0) return -1;
  if (['province', 'city'].includes(toks[m]?.f ?? '') && toks[m + 1]?.f === 'of') return placeWordsEnd(toks, m + 2);
  if (toks[k + 1]?.f === 'the') return -1;
  const e = placeWordsEnd(toks, m);
  return e > 0 && ['province', 'city'].includes(toks[e]?.f ?? '') && !toks[e].cap ? e + 1 : -1;
}

/** Plain capitalised words of an enumeration item: not a head, not a known place, not a person. */
function enumItem(toks: Tok[], k: number, stops: Set<number>): number {
  let e = k;
  for (let n = 0; e < toks.length && n < 3; n++) {
    const w = toks[e];
    if (!w.word || !w.cap || w.upper || STOP.has(w.f) || EN_ORG_HEADS.has(w.f) || EN_EVENT_HEADS.has(w.f) || stops.has(e)) break;
    e++;
    // `Middle-East`: a glued compound is one word of the item
    if (gluedHyphen(toks, e) && toks[e + 1]?.word && toks[e + 1].cap) e += 2;
  }
  if (e === k) return -1;
  // a place alone is no field (`Middle-East Studies` is one)
  const g = matchAt(toks, k);
  return g && g.entry.type === 'LOC' && g.end >= e ? -1 : e;
}

const isAndAt = (toks: Tok[], k: number): boolean => toks[k]?.f === 'and' || toks[k]?.f === '&';

/** From a comma at j: `, Item (, Item)* (,) and|& Item` followed by no capitalised word; the end, or -1. */
function enumEnd(toks: Tok[], j: number, stops: Set<number>): number {
  let k = j;
  for (let n = 0; n < 4 && toks[k]?.t === ',' && !isAndAt(toks, k + 1); n++) {
    const e = enumItem(toks, k + 1, stops);
    if (e < 0) return -1;
    k = e;
  }
  // `Ministry of Culture, Sports, and Tourism`: the serial comma before the last item
  if (k > j && toks[k]?.t === ',' && isAndAt(toks, k + 1)) k++;
  if (!isAndAt(toks, k)) return -1;
  const e = enumItem(toks, k + 1, stops);
  if (e < 0 || (toks[e]?.word && toks[e].cap)) return -1;
  return e;
}

/** National adjectives without a national ending (`Assemblée nationale lao`). */
const INVARIANT_NATIONAL = new Set(['lao', 'khmer', 'khmere', 'khmers', 'khmeres', 'thai', 'thaie']);

/** A known body, then lower-case words only (`Bureau politique sur les sanctions disciplinaires`, `Assemblée nationale vietnamienne`): the known name alone is the body. */
function knownThenDescription(toks: Tok[], i: number, end: number): boolean {
  const g = matchAt(toks, i);
  if (!g || g.entry.type !== 'ORG' || g.end >= end) return false;
  // `Assemblée nationale française`, `… sud-coréenne`: a nationality makes it another body
  const nx = toks[g.end];
  if ((NAME_ADJ.test(nx.f) || INVARIANT_NATIONAL.has(nx.f)) && !CONNECTORS.has(nx.f)) return false;
  // `… sud-coréenne`, `… nord-coréen`
  if ((nx.f === 'sud' || nx.f === 'nord') && gluedHyphen(toks, g.end + 1)) return false;
  for (let k = g.end; k < end; k++) if (toks[k].cap || toks[k].upper || toks[k].num) return false;
  return true;
}

/**
 * English puts no adjective after a body's head: a lower-case word there that is no joiner is a verb
 * or the sentence (`Programme honours outstanding people`, `Commission holds meeting` in a headline);
 * the phrase ends before it (and before the joiners left hanging); -1 when only the head is left.
 */
function englishHeadEnd(toks: Tok[], i: number, end: number): number {
  let e = end;
  for (let k = i + 1; k < end; k++) {
    const t = toks[k];
    // a date after the name ends it (`Statistics Office on December 28`), as an English chunk's joiners do
    if ((t.word && !t.cap && !t.upper && !CONNECTORS.has(t.f) && !ARTICLES.has(t.f) && !CONNECTORS.has(toks[k - 1].f) && !ARTICLES.has(toks[k - 1].f)) || EN_TIME.has(t.f)) {
      e = k;
      break;
    }
  }
  while (e > i + 1 && (CONNECTORS.has(toks[e - 1].f) || ARTICLES.has(toks[e - 1].f))) e--;
  return e > i + 1 ? e : -1;
}

/** Bodies named after a person (`école primaire Luong Dinh Cua`, `Lycée des élèves doués Lê Quy Dôn`, `fonds Vu A Dinh`). */
const PERSON_NAMED = new Set(['ecole', 'lycee', 'college', 'universite', 'fonds', 'fondation']);

/**
 * The person's name right after such a head and its words (a lower-case head and its adjectives, or the
 * phrase found, not after a connector): the end of the name, or -1.
 */
function personNamedEnd(toks: Tok[], si: number, out: Cand[], personStarts: Set<number>, i: number, end: number): number {
  if (!PERSON_NAMED.has(toks[i].f)) return -1;
  let p = end;
  if (p < 0) {
    p = i + 1;
    while (p < toks.length && p - i < 4 && toks[p].word && !toks[p].cap && adjectiveLike(toks[p].t, toks[p].f)) p++;
  }
  if (!personStarts.has(p) || CONNECTORS.has(toks[p - 1].f) || ARTICLES.has(toks[p - 1].f)) return -1;
  const per = out.find((c) => c.seg === si && c.a === p && c.type === 'PER' && !c.short);
  return per ? per.b : -1;
}

/**
 * President Hô Chi Minh names many bodies (`Union de la jeunesse communiste Hô Chi Minh`, `Académie
 * nationale de politique Hô Chi Minh`), and `de Hô Chi Minh` is also the city (`Tribunal populaire de Hô
 * Chi Minh`): his name right after a plain word of the phrase or its `de` goes on with the body's name.
 */
function namesakeAt(toks: Tok[], k: number): boolean {
  const p = toks[k - 1];
  if (!p?.word || p.cap || !(DE_WORDS.includes(p.f) || adjectiveLike(p.t, p.f))) return false;
  return toks[k].f === 'ho' && toks[k + 1]?.f === 'chi' && toks[k + 2]?.f === 'minh';
}

/** Where a person's name stops an organisation's phrase: every person start but a namesake's. */
function orgStops(toks: Tok[], personStarts: Set<number>): Set<number> {
  let stops: Set<number> | null = null;
  for (const k of personStarts) {
    if (!namesakeAt(toks, k)) continue;
    stops = stops ?? new Set(personStarts);
    stops.delete(k);
  }
  return stops ?? personStarts;
}

/** Nouns that point back at a thing named before (`du projet`, `du parc`, `du groupe`). */
const REFERENTS = new Set(['projet', 'parc', 'groupe', 'association', 'societe', 'entreprise', 'compagnie', 'programme', 'site', 'usine', 'comite', 'conseil', 'fonds', 'fondation']);

/**
 * `Comité de gestion du projet`, `Conseil des membres du groupe`, `Comité exécutif provisoire de l'association`: a
 * body of a thing named before (the project, the park, the group), without a proper name, is a description.
 */
function bodyOfReferent(toks: Tok[], i: number, end: number): boolean {
  const last = toks[end - 1];
  if (end - i < 3 || !REFERENTS.has(last.f) || last.cap || hasProperWord(toks, i + 1, end)) return false;
  const p = toks[end - 2];
  return p.f === 'du' || (DEF_ART.has(p.f) && toks[end - 3]?.f === 'de');
}
const DEF_ART = new Set(['la', "l'"]);

/** French head-first phrases (`ministère vietnamien de la Police`), not a description of a known name. */
function headPhrases(seg: Segment, si: number, out: Cand[], personStarts: Set<number>, lang: string): void {
  const toks = seg.toks;
  const stops = lang === 'en' ? personStarts : orgStops(toks, personStarts);
  for (let i = 0; i < toks.length; i++) {
    // a head word that starts a person's name found there (`Tong`, Vietnamese `Tổng`, is also a family name: `Tong Thi Phong`)
    let end = personStarts.has(i) ? -1 : headPhrase(toks, i, stops);
    const named = lang === 'en' || personStarts.has(i) ? -1 : personNamedEnd(toks, si, out, personStarts, i, end);
    if (named > 0) {
      out.push({ seg: si, a: i, b: named, type: 'ORG', prio: 2 });
      continue;
    }
    if (end > 0 && lang === 'en') end = englishHeadEnd(toks, i, end);
    // `l'agence de presse Yonhap`, `le quotidien Nhan Dan`: a description, then a known name
    if (end > 0 && describesKnown(toks, i, end)) continue;
    // `Comité d'organisation`: a kind, not a name (`Comité populaire provincial` stays: merge joins it to the named committee)
    if (end > 0 && (toks.slice(i, end).every((x) => !x.word || GENERIC_FR.has(x.f)) || bodyOfReferent(toks, i, end))) continue;
    if (end > 0 && !knownThenDescription(toks, i, end)) out.push({ seg: si, a: i, b: end, type: 'ORG', prio: 2 });
  }
}

/** `le groupe immobilier Windsor`, `la société pharmaceutique japonaise Takeda`: up to two lower-case kind words (adjectives) after a company noun; the index after them. */
/** Endings of kind adjectives NAME_ADJ leaves out (`immobilier`, `pétrolière`, `informatif`, `industriel`). */
const KIND_ADJ = /(ier|iere|if|ive|el|elle)s?$/;
function kindWordsEnd(toks: Tok[], k: number): number {
  let e = k;
  for (let n = 0; n < 2; n++) {
    // `le groupe sud-coréen Charmvit`: a compass word glued to a nationality
    if ((toks[e]?.f === 'sud' || toks[e]?.f === 'nord') && !toks[e].cap && gluedHyphen(toks, e + 1) && /(en|enne|ais|aise|ain|aine)s?$/.test(toks[e + 2]?.f ?? '') && !toks[e + 2].cap) {
      e += 3;
      continue;
    }
    if (!(toks[e]?.word && !toks[e].cap && !toks[e].upper && (NAME_ADJ.test(toks[e].f) || KIND_ADJ.test(toks[e].f)) && adjectiveLike(toks[e].t, toks[e].f) && !CONNECTORS.has(toks[e].f))) break;
    e++;
  }
  return e;
}

/** Nouns of newspapers and channels, named like companies (`le journal Donga Ilbo`, `le quotidien sud-coréen JoongAng Daily`): the corpus lists the bare name. */
const MEDIA_NOUNS = new Set(['journal', 'quotidien', 'hebdomadaire', 'mensuel', 'magazine', 'revue', 'chaine']);

/** `journal en ligne Fox Sports Asia`: past `en ligne` after a media noun. */
function pastOnline(toks: Tok[], i: number): number {
  if (publisherAt(toks, i)) return i + 3;
  return MEDIA_NOUNS.has(toks[i].f) && toks[i + 1]?.f === 'en' && toks[i + 2]?.f === 'ligne' ? i + 3 : i + 1;
}

/** `la maison d’édition Nha Nam`: a publisher, named like a company. */
function publisherAt(toks: Tok[], i: number): boolean {
  return toks[i].f === 'maison' && toks[i + 1]?.f === "d'" && (toks[i + 2]?.f === 'edition' || toks[i + 2]?.f === 'editions');
}

/** A capitalised syllable then a lower-case Vietnamese syllable (`Tài chinh`, `Thê gioi`). */
function vnTitleGoesOn(toks: Tok[], a: number): boolean {
  const n = toks[a + 1];
  return !!n && n.word && !n.cap && !STOP.has(n.f) && VN_SYLLABLE.test(n.f) && VN_SYLLABLE.test(toks[a]?.f ?? '');
}

/** `le groupe Viettel`, `energy firm Pertamina and PetroVietnam`, `le journal Meil Kyongjae`: a company or media noun (and its kind words) + a name. */
function companyNames(seg: Segment, si: number, out: Cand[], personStarts: Set<number>): void {
  const toks = seg.toks;
  const one = (m: number) => toks[m]?.word && (toks[m].cap || toks[m].upper) && !STOP.has(toks[m].f) && !personStarts.has(m) && titleAt(toks, m) < 0;
  for (let i = 0; i + 1 < toks.length; i++) {
    // (`Sarl`, a company's legal form, is written capitalised)
    if (!(COMPANY.has(toks[i].f) || MEDIA_NOUNS.has(toks[i].f) || publisherAt(toks, i)) || (toks[i].cap && toks[i].f !== 'sarl')) continue;
    const a = kindWordsEnd(toks, pastOnline(toks, i));
    let k = a;
    // `le journal Tài chinh - Dâu tu`: a Vietnamese title goes on in lower case, not a name cut after its first word
    if (MEDIA_NOUNS.has(toks[i].f) && vnTitleGoesOn(toks, a)) continue;
    // after kind words a known place is where the company is (`la société japonaise Hanoi …` is not its name)
    if (!one(k) || (a > i + 1 && matchAt(toks, k)?.entry.type === 'LOC')) continue;
    while (one(k + 1) && k - a < 2) k++;
    // `la société Nova Bac Nam 79`: a number closing the name
    if (toks[k + 1]?.num && /^\d{1,3}$/.test(toks[k + 1].t) && toks[k + 1].sp && !(toks[k + 2]?.word && !STOP.has(toks[k + 2].f) && toks[k + 2].f !== 'et')) k++;
    out.push({ seg: si, a, b: k + 1, type: 'ORG', prio: 1, aliases: [seg.text.slice(toks[i].s, toks[k].e)] });
    if ((toks[k + 1]?.f === 'and' || toks[k + 1]?.f === 'et') && one(k + 2) && !one(k + 3)) out.push({ seg: si, a: k + 2, b: k + 3, type: 'ORG', prio: 1 });
  }
}

/** Company nouns written after the name in English (`the Duc Son company`). */
const EN_COMPANY_AFTER = new Set(['company', 'group', 'corporation', 'firm']);
/** Words a company's name so written follows (not `a`/`an`: `a Hanoi company` is any company from there). */
const EN_COMPANY_BEFORE = new Set(['the', 'of', 'from', 'by', 'with', 'and']);
/**
 * `director of Duc Son company`, `the AIC group`, `Chairman of Metran company`: one to three capitalised words
 * between `the`/`of`… and a lower-case company noun name a company; the span holds the noun, the bare name is
 * its alias (the corpus writes either).
 */
function companyBeforeNoun(seg: Segment, si: number, out: Cand[], personStarts: Set<number>): void {
  const toks = seg.toks;
  for (let k = 2; k < toks.length; k++) {
    const n = toks[k];
    // (a person's name may follow: `Chairman of X company Le Van A`)
    if (!n.word || n.cap || !EN_COMPANY_AFTER.has(n.f) || (toks[k + 1]?.cap && !personStarts.has(k + 1))) continue;
    let a = k;
    // a grammar-looking word only inside the name (`Son` of `Duc Son`), never first
    const nameWordAt = (m: number) => toks[m].word && (toks[m].cap || toks[m].upper) && !EN_ORG_HEADS.has(toks[m].f) && (!STOP.has(toks[m].f) || !!toks[m - 1]?.cap);
    while (k - a < 3 && a - 1 > 0 && nameWordAt(a - 1)) a--;
    const before = toks[a - 1];
    // `the Thai group`: a nationality alone is no name (`Thai Binh` is)
    if (a === k || !before?.word || before.cap || !EN_COMPANY_BEFORE.has(before.f) || (k - a === 1 && EN_DEMONYMS.has(toks[a].f))) continue;
    let named = true;
    for (let m = a; m < k; m++) if (personStarts.has(m) || titleAt(toks, m) > m) named = false;
    if (!named) continue;
    out.push({ seg: si, a, b: k + 1, type: 'ORG', prio: 2, aliases: [seg.text.slice(toks[a].s, toks[k - 1].e)] });
  }
}

/** Whether an English chunk may start at i: capitalised, not inside a capitalised run, a compound or a chunk after a joiner. */
function chunkMayStart(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (!(t.cap || t.upper || isOrdinal(t.f))) return false;
  if (i > 0 && (toks[i - 1].cap || toks[i - 1].upper) && toks[i - 1].word) return false;
  if (i > 1 && gluedHyphen(toks, i - 1)) return false; // inside `Asia-Pacific`
  // inside a chunk after a joiner: `Ministry of | Foreign Affairs`
  // (not after an `and` that starts another name: `Hoang Anh Gia Lai Group and | Hoa Phat Group`)
  return !(i > 1 && ['of', 'for', 'on', 'the', 'and'].includes(toks[i - 1].f) && (toks[i - 2].cap || toks[i - 2].upper) && !(toks[i - 1].f === 'and' && EN_ORG_HEADS.has(toks[i - 2].f) && andStartsAnotherName({ toks } as ChunkWalk, i - 1)));
}

/** `HCM City’s Cho Ray Hospital`, `RoK’s National Assembly`: a place's possessive is not part of the name; the new start. */
function pastPlacePossessive(toks: Tok[], a: number, b: number): number {
  for (let k = a + 1; k + 2 < b; k++) {
    if ((toks[k].t === "'" || toks[k].t === '’') && toks[k + 1].f === 's') {
      const g = matchAt(toks, a);
      return g && g.entry.type === 'LOC' && g.end === k ? k + 2 : a;
    }
  }
  return a;
}

/**
 * `Vinacorp’s Bao An Foundation`, `MOIT’s Department of Trade Remedies`: a known body's possessive before a body of
 * its own with a name (an `of` remit or a proper name) is the owner, named apart; the new start. A generic unit
 * stays whole (`Vinacorp’s Power Corporation`, the corpus's form) and so do a Party committee's organs.
 */
function pastOwnerPossessive(toks: Tok[], a: number, b: number): number {
  const g = matchAt(toks, a);
  const k = g?.end ?? -1;
  if (!g || g.entry.type !== 'ORG' || k + 2 >= b || !(toks[k].t === "'" || toks[k].t === '’') || toks[k + 1].f !== 's' || partyOrganAt(toks, k)) return a;
  const owned = toks.slice(k + 2, b);
  const named = owned.some((x) => x.f === 'of') || owned.some((x) => x.word && x.cap && !nameWord(x.f) && !EN_ORG_HEADS.has(x.f));
  return named ? k + 2 : a;
}

/** English words that open a sentence before a name (never part of it). */
const EN_LEADING = new Set('towards toward although though despite however meanwhile besides regarding following throughout within amid among unlike like'.split(' '));

/**
 * `Department of Foreign Affairs and Trade Richard Maude`: two to six capitalised words closing an
 * `X of …` chunk that are no words of any known name, no place and not Vietnamese syllables (a
 * foreign person after the body, unknown to the persons rule); the end before them.
 */
function trailingForeignName(toks: Tok[], a: number, b: number): number {
  const plain = (x: Tok) => x.word && x.cap && !x.upper && !nameWord(x.f) && !EN_ORG_HEADS.has(x.f) && !EN_EVENT_HEADS.has(x.f);
  let k = b;
  while (k - 1 > a && b - k < 6 && plain(toks[k - 1])) k--;
  if (b - k < 2) return b;
  // a place closing the body's name first (`National Assembly of Mozambique | Esperanca …`)
  const g = matchAt(toks, k);
  if (g && g.entry.type === 'LOC' && g.end < b) k = g.end;
  const run = toks.slice(k, b);
  if (run.length < 2 || k - a < 3 || !run.every(plain) || run.every((x) => VN_SYLLABLE.test(x.f)) || matchAt(toks, k)) return b;
  const p = toks[k - 1];
  const closed = p.word && p.cap && (nameWord(p.f) || EN_ORG_HEADS.has(p.f) || (g && g.end === k));
  return closed && toks.slice(a, k).some((x) => x.f === 'of' || x.f === 'for') ? k : b;
}

/** A chunk in a French text that is English (not only the French words of a phrase handled already): English joiners or heads, or a company form closing it (`FPT Corporation`, `… Joint Stock Corporation`, `Vinhomes JSC`). */
function englishInFrench(seg: Segment, a: number, b: number): boolean {
  return EN_COMPANY_FORMS.has(seg.toks[b - 1].f) || /\b(of|for|and|agreement|summit|forum|meeting|conference|treaty)\b/i.test(seg.text.slice(seg.toks[a].s, seg.toks[b - 1].e));
}

/** `(Chairman of the) Board of Directors of X`: the board is the role's, the body is X (as the corpus lists it); the new start. */
function pastBoardOf(toks: Tok[], a: number): number {
  if (toks[a]?.f !== 'board' || toks[a + 1]?.f !== 'of' || !['directors', 'management', 'trustees'].includes(toks[a + 2]?.f ?? '') || toks[a + 3]?.f !== 'of') return a;
  const k = toks[a + 4]?.f === 'the' ? a + 5 : a + 4;
  return toks[k]?.cap || toks[k]?.upper ? k : a;
}

/** Plural words for a body's people or things, never the start of its name (`Officials of the …`). */
const EN_MEMBERS_OF = new Set(['officials', 'representatives', 'members', 'leaders', 'staff', 'employees', 'delegates', 'experts', 'reporters', 'journalists', 'students', 'lecturers', 'officers', 'projects']);
/** `Officials of the Asian Trade Secretariat`, `Staff of Hanoi Heart Hospital`: the people of a body are not its name; the new start. */
function pastMembersOf(toks: Tok[], a: number): number {
  if (!toks[a]?.cap || !EN_MEMBERS_OF.has(toks[a].f) || toks[a + 1]?.f !== 'of') return a;
  const k = toks[a + 2]?.f === 'the' ? a + 3 : a + 2;
  return toks[k]?.cap || toks[k]?.upper ? k : a;
}

/** Leading title words (`Deputy Minister …`), twice (`General | Director of the …`, whose `General` alone is read as a title); the new start. */
function pastTitles(toks: Tok[], a: number): number {
  const a0 = a;
  for (let n = 0; n < 2; n++) {
    const te = titleAt(toks, a);
    if (te > a && !generalInName(toks, a)) a = te;
  }
  return a > a0 ? pastTitleOf(toks, a) : a;
}

/**
 * `Chairman of Khanh Hoa People’s Committee …`, `Director of Department of …`: the `of` (and `the`) after a
 * title joins the role to its body; the body's name starts after it (a chunk may not start inside `Chairman of | …`).
 */
function pastTitleOf(toks: Tok[], a: number): number {
  if (toks[a]?.f !== 'of') return a;
  const k = toks[a + 1]?.f === 'the' ? a + 2 : a + 1;
  return toks[k]?.word && (toks[k].cap || toks[k].upper) ? k : a;
}

/** Words opening an English chunk that are no part of the name (a sentence's lead word, titles, a body's people); the new start. */
function pastEnglishLead(toks: Tok[], a: number): number {
  // a sentence's first word that only introduces it (`Towards the …`, `Although …`)
  if (sentenceStart(toks, a) && EN_LEADING.has(toks[a].f)) a += toks[a + 1]?.f === 'the' ? 2 : 1;
  // a sentence opened by a participle (`Visiting the Regional Secretariat, …`)
  else if (sentenceStart(toks, a) && /^\p{L}{3,}ing$/u.test(toks[a].f) && toks[a + 1]?.f === 'the' && toks[a + 2]?.cap) a += 2;
  // skip leading title words (`Deputy Minister ...`)
  return pastMembersOf(toks, pastTitles(toks, a));
}

/** The English chunk starting at i, trimmed (title words, a place's possessive, a person's name inside); null when none. */
function chunkAt(seg: Segment, i: number, personStarts: Set<number>, lang: string): { a: number; b: number; type: 'ORG' | 'EVENT' } | null {
  const toks = seg.toks;
  let a = i;
  if (toks[i].f === 'the') a++;
  if (lang === 'en') a = pastEnglishLead(toks, a);
  a = pastBoardOf(toks, a);
  if (a >= toks.length) return null;
  const ch = englishChunk(toks, a, personStarts);
  if (!ch) return null;
  let b = ch.end;
  a = pastPlacePossessive(toks, a, b);
  a = pastOwnerPossessive(toks, a, b);
  // cut at a person's name inside the chunk
  // (not a known place after `of`/`in`: `Consulate General in Ho Chi Minh City`)
  for (let k = a + 1; k < b; k++) if (personStarts.has(k) && !((toks[k - 1].f === 'of' || toks[k - 1].f === 'in') && matchAt(toks, k)?.entry.type === 'LOC') && !fieldAfterOf(toks, k)) b = k;
  b = trailingForeignName(toks, a, b);
  if (b - a < 2) return null;
  if (sentenceStart(toks, a) && STOP.has(toks[a].f)) return null;
  // generic bodies without a name (`Party and State`, `Joint Working Group`, `the Vietnamese Government`; `People’s Committee` stays: merge joins it to the named one)
  if (toks.slice(a, b).every((x) => !x.word || GENERIC_EN.has(x.f))) return null;
  if (b - a === 2 && toks[b - 1].f === 'government') return null;
  if (zodiacYear(toks, a) || newYear(toks, a, b)) return null;
  if (lang === 'en') {
    b = englishAndCut(toks, a, b);
    if (b - a < 2 || nationalGeneric(toks, a, b)) return null;
  }
  if (lang !== 'en' && !englishInFrench(seg, a, b)) return null;
  return { a, b, type: ch.type };
}

/** `Year of the Cat`, `Year of the Dragon`: a year of the lunar calendar's cycle, no event. */
function zodiacYear(toks: Tok[], a: number): boolean {
  return toks[a].f === 'year' && toks[a + 1]?.f === 'of' && toks[a + 2]?.f === 'the';
}

/** `New Year`, `Lunar New Year` are the gazetteer's (and `New Year and Tet` two of them): no chunk of their own. */
function newYear(toks: Tok[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (toks[k].f === 'year' && toks[k - 1].f === 'new') return true;
  return false;
}

/** `the Vietnamese Party, State and people`: a nationality and a generic body is no name. */
function nationalGeneric(toks: Tok[], a: number, b: number): boolean {
  return b - a === 2 && EN_DEMONYMS.has(toks[a].f) && ['party', 'state', 'government', 'people'].includes(toks[b - 1].f);
}

/**
 * `Central Party Committee and State`, `ASEAN Secretariat and Kao`, `General Consulate of Thailand and the Thai`:
 * an `and` right after a body's head word, or an `and the`, before words holding no head word joins a
 * second, nameless thing; the name ends before it (`Chamber of Commerce and Industry` keeps its `and`).
 */
function englishAndCut(toks: Tok[], a: number, b: number): number {
  for (let k = a + 1; k < b - 1; k++) {
    if (toks[k].f !== 'and') continue;
    const p = toks[k - 1];
    const afterHead = EN_ORG_HEADS.has(p.f) || (p.f === 'general' && toks[k - 2]?.f === 'consulate');
    const andThe = toks[k + 1].f === 'the' && b - k <= 4;
    if (!(afterHead || andThe)) continue;
    let headAfter = false;
    for (let m = k + 1; m < b && !headAfter; m++) headAfter = EN_ORG_HEADS.has(toks[m].f) || EN_EVENT_HEADS.has(toks[m].f);
    return headAfter ? b : k;
  }
  return b;
}

/** `Douma d'État de Russie`, `House of Representatives of Thailand`: a known body (not an acronym) and its country. */
function knownBodyOfCountry(seg: Segment, si: number, out: Cand[]): void {
  const toks = seg.toks;
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].cap || toks[i].upper) continue;
    const m = matchAt(toks, i);
    if (!m || m.entry.type !== 'ORG' || m.end - i < 1) continue;
    const c = toks[m.end];
    if (!c || !['de', 'du', "d'", 'of'].includes(c.f)) continue;
    const k = m.end + (toks[m.end + 1]?.f === 'the' ? 2 : 1);
    const g = toks[k] ? matchAt(toks, k) : null;
    if (g && g.entry.id.startsWith('c:') && !toks[g.end]?.cap) out.push({ seg: si, a: i, b: g.end, type: 'ORG', prio: 2 });
  }
}

/** `Samsung Vietnam`, `LG Display Vietnam Hai Phong`, `Nestlé Vietnam`: a known company (no acronym) and the country (and city) of its subsidiary. */
function knownCompanyOfPlace(seg: Segment, si: number, out: Cand[]): void {
  const toks = seg.toks;
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].cap) continue;
    const m = matchAt(toks, i);
    if (!m || m.entry.type !== 'ORG' || m.entry.acronyms.length || toks[m.end - 1].e !== toks[m.end]?.s - 1) continue;
    const g = matchAt(toks, m.end);
    if (!g || !(g.entry.id.startsWith('c:') || g.entry.id.startsWith('r:'))) continue;
    let end = g.end;
    const h = toks[end]?.cap && toks[end - 1].e === toks[end].s - 1 ? matchAt(toks, end) : null;
    if (h && h.entry.type === 'LOC') end = h.end;
    if (toks[end]?.cap && toks[end].word) continue;
    out.push({ seg: si, a: i, b: end, type: 'ORG', prio: 2 });
  }
}

/**
 * `Vietnamese Mission to the European Union`, `the Vietnamese permanent mission to the United Nations`: a country's
 * mission to a known international body is an ORG like an embassy, in either case, with the body in its name
 * (a `delegation` only when permanent or capitalised: a travelling delegation is no body).
 */
function missionsTo(seg: Segment, si: number, out: Cand[]): void {
  const toks = seg.toks;
  for (let k = 1; k + 2 < toks.length; k++) {
    const t = toks[k];
    if (!t.word || !(t.f === 'mission' || t.f === 'delegation') || toks[k + 1].f !== 'to') continue;
    const permanent = toks[k - 1].f === 'permanent';
    if (t.f === 'delegation' && !t.cap && !permanent) continue;
    const d = toks[permanent ? k - 2 : k - 1];
    if (!d?.cap || !EN_DEMONYMS.has(d.f)) continue;
    const m = toks[k + 2].f === 'the' ? k + 3 : k + 2;
    const g = toks[m] ? matchAt(toks, m) : null;
    if (g && g.entry.type === 'ORG') out.push({ seg: si, a: permanent ? k - 2 : k - 1, b: g.end, type: 'ORG', prio: 2 });
  }
}

/** A country's known place starting at k (its end), or -1. */
function countryEnd(toks: Tok[], k: number): number {
  const g = toks[k]?.cap ? matchAt(toks, k) : null;
  return g && g.entry.id.startsWith('c:') ? g.end : -1;
}

/**
 * `mission permanente du Vietnam auprès de l’ONU`, `mission du Vietnam à l'UNESCO`: the French lower-case form of
 * missionsTo (a capitalised `Mission …` is read by headPhrase), the country and the known body in its name.
 */
function frenchMissionsTo(seg: Segment, si: number, out: Cand[]): void {
  const toks = seg.toks;
  for (let k = 0; k + 4 < toks.length; k++) {
    if (toks[k].f !== 'mission' || toks[k].cap) continue;
    let j = toks[k + 1].f === 'permanente' ? k + 2 : k + 1;
    if (!['du', 'de', "d'"].includes(toks[j]?.f ?? '')) continue;
    j += toks[j + 1]?.f === 'la' || toks[j + 1]?.f === "l'" ? 2 : 1;
    const c = countryEnd(toks, j);
    if (c < 0) continue;
    j = c;
    if (toks[j]?.f === 'aupres' && ['de', 'des', "d'"].includes(toks[j + 1]?.f ?? '')) j += 2;
    else if (toks[j]?.f === 'a') j++;
    else continue;
    if (toks[j]?.f === "l'" || toks[j]?.f === 'la') j++;
    const g = toks[j] ? matchAt(toks, j) : null;
    if (g && g.entry.type === 'ORG') out.push({ seg: si, a: k, b: g.end, type: 'ORG', prio: 2 });
  }
}

const FRIENDSHIP_HEADS = new Set(['groupe', 'groupes', 'association', 'associations', 'union']);
/**
 * `groupe des députés d’amitié Vietnam-France`, `groupe interparlementaire d’amitié France-Vietnam`, `groupe de
 * députés d'amitié franco-vietnamien`, `Associations de députés d’amitié Vietnam-Myanmar`: a parliament's
 * friendship group, in either case, named up to its pair of countries (what follows, `à l'AN`, is its host).
 */
function friendshipGroups(seg: Segment, si: number, out: Cand[]): void {
  const toks = seg.toks;
  for (let i = 0; i + 5 < toks.length; i++) {
    if (!FRIENDSHIP_HEADS.has(toks[i].f)) continue;
    let j = i + 1;
    if (toks[j].f === 'parlementaire' || toks[j].f === 'interparlementaire') j++;
    else if (['de', 'des', "d'"].includes(toks[j].f) && (toks[j + 1].f === 'deputes' || toks[j + 1].f === 'parlementaires')) j += 2;
    else continue;
    if (toks[j]?.f !== "d'" || toks[j + 1]?.f !== 'amitie') continue;
    j += 2;
    let end = countryEnd(toks, j);
    if (end > 0 && gluedHyphen(toks, end)) end = countryEnd(toks, end + 1);
    // `franco-vietnamien`: a prefix of one country's adjective, a hyphen, the other's
    else if (end < 0 && /o$/.test(toks[j]?.f ?? '') && gluedHyphen(toks, j + 1) && /^[a-z]+(ien|ais|ois|ain)(ne)?s?$/.test(toks[j + 2]?.f ?? '')) end = j + 3;
    else end = -1;
    if (end > 0) out.push({ seg: si, a: i, b: end, type: 'ORG', prio: 2 });
  }
}

const TEAM_WORDS = new Set(['national', 'olympic', 'women', 'men', 'female', 'male', 'football', 'soccer', 'futsal', 'volleyball', 'basketball', 'karate', 'billiards', 'chess', 'badminton', 'swimming', 'athletics', 'boxing', 'shooting', 'youth', 'junior', 's', "'", '’', 'u23', 'u22', 'u21', 'u20', 'u19', 'u17', 'u16']);
const EQUIPE_WORDS = new Set(['nationale', 'olympique', 'feminine', 'masculine', 'de', 'du', "d'", 'football', 'futsal', 'volley-ball', 'volleyball', 'basket-ball', 'basketball', 'jeunes', 'espoirs']);
/** `Vietnam national football team`, `Vietnamese national women's football team`; `équipe nationale de football du Vietnam`, `équipe du Vietnam de football féminin`. */
function teams(seg: Segment, si: number, out: Cand[]): void {
  const toks = seg.toks;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    const span = t.f === 'team' && !t.cap ? englishTeam(toks, i) : t.f === 'equipe' ? frenchTeam(toks, i) : null;
    if (span) out.push({ seg: si, a: span[0], b: span[1], type: 'ORG', prio: 2 });
  }
}

/** `Vietnam national football team`: a kind of team between the name and `team` (`national football`, `women's`), not a bare `Vietnamese team`. */
function englishTeam(toks: Tok[], i: number): [number, number] | null {
  let a = i;
  while (a - 1 > 0 && i - a < 6 && !toks[a - 1].cap && TEAM_WORDS.has(toks[a - 1].f)) a--;
  let s = a;
  while (s - 1 >= 0 && a - s < 3 && toks[s - 1].word && toks[s - 1].cap && !STOP.has(toks[s - 1].f)) s--;
  return a < i && s < a && (!sentenceStart(toks, s) || matchAt(toks, s)?.entry.type === 'LOC') ? [s, i + 1] : null;
}

/** `équipe nationale de football du Vietnam`, `équipe du Vietnam de football féminin`: the team words and a country. */
function frenchTeam(toks: Tok[], i: number): [number, number] | null {
  let k = i + 1;
  let end = -1;
  while (k < toks.length && k - i < 9) {
    const w = toks[k];
    if (w.cap) {
      const c = countryEnd(toks, k);
      if (c < 0) break;
      end = k = c;
      continue;
    }
    if (!(w.word && EQUIPE_WORDS.has(w.f)) && !(end > 0 && w.word && /^(feminin|masculin)$/.test(w.f))) break;
    k++;
    if (end > 0 && !['de', 'du', "d'"].includes(w.f)) end = k;
  }
  return end > 0 ? [i, end] : null;
}

const UNIT_ADJ = new Set(['district', 'provincial', 'municipal', 'city', 'province', 'commune', 'town']);

/**
 * `Tien Lang district People’s Committee`, `Can Tho municipal Party Committee`, `Vinh Phuc provincial People’s
 * Committee`: a place, its kind word in lower case, then a body's name; one ORG, as the corpus writes it.
 */
function placeUnitBodies(seg: Segment, si: number, out: Cand[], personStarts: Set<number>): void {
  const toks = seg.toks;
  for (let u = 1; u + 1 < toks.length; u++) {
    const t = toks[u];
    if (!t.word || t.cap || !UNIT_ADJ.has(t.f) || !toks[u + 1].cap) continue;
    let a = placeStartEndingAt(toks, u);
    while (a < 0 || (a - 1 >= 0 && u - a < 3 && toks[a - 1].word && toks[a - 1].cap && !toks[a - 1].upper && !STOP.has(toks[a - 1].f) && !EN_ORG_HEADS.has(toks[a - 1].f))) a = a < 0 ? u : a - 1;
    if (a === u) continue;
    const ch = englishChunk(toks, u + 1, personStarts);
    if (ch) for (let k = u + 2; k < ch.end; k++) if (toks[k].f === 'and' || toks[k].t === '&') ch.end = k;
    // the body's name ends there (not at a title: `Hanoi city Party | Secretary …`)
    // (a person's name may follow: `Can Tho municipal Party Committee | Le Van A`)
    if (!ch || ch.type !== 'ORG' || !EN_ORG_HEADS.has(toks[ch.end - 1].f) || (toks[ch.end]?.cap && !personStarts.has(ch.end))) continue;
    out.push({ seg: si, a, b: ch.end, type: 'ORG', prio: 2 });
  }
}

/** Organs of a party or parliament named by their head alone (`permanent du Secrétariat`, `élu un Présidium`, `au Sénat`). */
const BARE_ORGANS = new Set(['secretariat', 'presidium', 'senat']);
/** Words before such an organ named alone: an article or a connector (not a sentence's first word). */
const ORGAN_BEFORE = new Set(['le', 'un', "l'", 'du', 'au', 'de']);

/** A capitalised `Secrétariat`, `Présidium`, `Sénat` after an article or `du`/`au`: the body itself (a longer phrase from it wins). */
function bareOrgans(seg: Segment, si: number, out: Cand[]): void {
  const toks = seg.toks;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    // `Présidium de l'Académie …` is a longer name, left to the phrase rules
    if (t.word && t.cap && !t.upper && BARE_ORGANS.has(t.f) && ORGAN_BEFORE.has(toks[i - 1].f) && !DE_WORDS.includes(toks[i + 1]?.f ?? '')) out.push({ seg: si, a: i, b: i + 1, type: 'ORG', prio: 1 });
  }
}

/** Words that close the name of a newspaper, a channel or a news site (`Japan Today`, `Chosun TV`, `Vietnam Post`, `Clever Media`). */
const MEDIA_END = new Set(['tv', 'times', 'news', 'post', 'daily', 'today', 'media']);

/** Up to three capitalised words (no grammar word, no person) and a media word closing them, no capitalised word after it: a newspaper, channel or media company. */
function mediaNames(seg: Segment, si: number, out: Cand[], personStarts: Set<number>): void {
  const toks = seg.toks;
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k];
    if (!t.word || !t.cap || !MEDIA_END.has(t.f) || (toks[k + 1]?.word && toks[k + 1].cap)) continue;
    let a = k;
    while (k - a < 3 && a > 0 && toks[a - 1].word && (toks[a - 1].cap || toks[a - 1].upper) && !STOP.has(toks[a - 1].f) && !personStarts.has(a - 1)) a--;
    if (a < k) out.push({ seg: si, a, b: k + 1, type: 'ORG', prio: 1 });
  }
}

export function findOrgs(seg: Segment, si: number, out: Cand[], personStarts: Set<number>, lang: string) {
  headPhrases(seg, si, out, personStarts, lang);
  if (lang !== 'en') bareOrgans(seg, si, out);
  mediaNames(seg, si, out, personStarts);
  if (lang === 'en') placeUnitBodies(seg, si, out, personStarts);
  if (lang === 'en') companyBeforeNoun(seg, si, out, personStarts);
  knownBodyOfCountry(seg, si, out);
  knownCompanyOfPlace(seg, si, out);
  teams(seg, si, out);
  if (lang === 'en') missionsTo(seg, si, out);
  else {
    frenchMissionsTo(seg, si, out);
    friendshipGroups(seg, si, out);
  }
  companyNames(seg, si, out, personStarts);
  findBrands(seg, si, out);
  // English-style chunks (also catches English names quoted inside French text)
  for (let i = 0; i < seg.toks.length; i++) {
    if (!chunkMayStart(seg.toks, i)) continue;
    const ch = chunkAt(seg, i, personStarts, lang);
    if (ch) out.push({ seg: si, a: ch.a, b: ch.b, type: ch.type, prio: 1 });
  }
}

/** Schwartz–Hearst style: do the acronym's letters appear, in order, at word starts of the span? */
function lettersMatch(acr: string, words: string[]): boolean {
  const letters = fold(acr).replace(/[^a-z]/g, '');
  let wi = words.length - 1;
  for (let li = letters.length - 1; li >= 0; li--) {
    const c = letters[li];
    let found = false;
    while (wi >= 0) {
      const w = words[wi--];
      if (w[0] === c) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

const LINK_OK = new Set(['ORG', 'EVENT']);

/** An acronym glued by a hyphen right after the phrase it abbreviates (letters matching); true when linked. */
function hyphenAcronym(seg: Segment, si: number, out: Cand[], doc: Map<string, string>, i: number): boolean {
  const toks = seg.toks;
  const t = toks[i];
  if (!(i >= 2 && gluedHyphen(toks, i - 1))) return false;
  const prev = out.find((c) => c.seg === si && c.b === i - 1 && LINK_OK.has(c.type));
  if (!prev || !lettersMatch(t.t, toks.slice(prev.a, prev.b).filter((x) => x.word).map((x) => x.f))) return false;
  const link = 'acr:' + t.f;
  prev.link = prev.link ?? link;
  prev.aliases = [...(prev.aliases ?? []), seg.text.slice(toks[prev.a].s, t.e)];
  out.push({ seg: si, a: i, b: i + 1, type: prev.type, prio: 3, link: prev.link });
  doc.set(t.f, prev.link);
  return true;
}

/** The candidate ending right before `(ACR)` that the acronym abbreviates: one the gazetteer knows so, one by initials, or the longest. */
function definedPhrase(toks: Tok[], si: number, out: Cand[], before: number, acr: string): Cand | undefined {
  const fa = fold(acr);
  const ending = out.filter((c) => c.seg === si && c.b === before && LINK_OK.has(c.type));
  const initials = (c: Cand) =>
    toks[c.a].f[0] === fa[0] &&
    lettersMatch(acr, toks.slice(c.a, c.b).filter((x) => x.word && (x.cap || !STOP.has(x.f))).map((x) => x.f));
  return (
    ending.find((c) => c.gaz && c.gaz.acronyms.some((x) => fold(x) === fa)) ??
    ending.filter(initials).sort((x, y) => x.a - y.a)[0] ??
    ending.sort((x, y) => x.a - y.a)[0]
  );
}

/** The words [a, b) are a role title or a minister's portfolio (`ministre des | Affaires étrangères`). */
function roleBefore(toks: Tok[], a: number, b: number): boolean {
  if (titleAt(toks, a) >= b) return true;
  for (let k = a - 1; k >= 0 && k >= a - 4; k--) {
    const t = toks[k];
    // a minister's portfolio (a president's or director's complement is a body: `président de l'Institut …`)
    if (titleAt(toks, k) > k) return /minist/.test(t.f);
    if (!t.word || t.cap || !(CONNECTORS.has(t.f) || ARTICLES.has(t.f) || NAME_ADJ.test(t.f))) return portfolioOfMinisters(toks, a);
  }
  return portfolioOfMinisters(toks, a);
}

/**
 * `ministre par intérim des | Affaires étrangères (AE)`, `ministères de la Santé et des | Affaires étrangères (AE)`: a
 * field named as the complement (`des`) of a minister or of ministries a few words before is a portfolio, not a body.
 */
function portfolioOfMinisters(toks: Tok[], a: number): boolean {
  if (!DE_WORDS.includes(toks[a - 1]?.f ?? '')) return false;
  for (let k = a - 2; k >= 0 && k >= a - 9; k--) {
    const t = toks[k];
    if (t.word && /^minist(re|ere)s?$/.test(t.f)) return true;
    if (!t.word && t.t !== ',' && t.t !== "'" && t.t !== '’') return false;
  }
  return false;
}

/** No candidate before `(ACR)`: letter matching backwards over at most |A|+5 words, starting on a capitalised word. */
function letterMatchedDefinition(toks: Tok[], si: number, out: Cand[], doc: Map<string, string>, i: number, acrEnd: number, acr: string): void {
  const before = i - 1;
  const link = 'acr:' + fold(acr);
  const words: number[] = [];
  for (let k = before - 1; k >= 0 && words.length < acr.length + 5; k--) {
    const w = toks[k];
    if (!w.word && !w.num) {
      // `Groupe des ambassades, délégations et institutions francophones (GADIF)`: a comma list inside the long form
      if (w.t === '-' || w.t === "'" || w.t === '’' || (w.t === ',' && words.length > 0)) continue;
      break;
    }
    words.unshift(k);
    if ((w.cap || w.upper) && lettersMatch(acr, words.filter((x) => !STOP.has(toks[x].f) || toks[x].cap).map((x) => toks[x].f))) {
      if (toks[words[0]].f[0] === fold(acr)[0]) {
        const known = acronymIndex.get(fold(acr));
        // a role and its abbreviation (`Premier ministre (PM)`, `vice-ministre des Affaires étrangères (AE)`)
        if (!known && roleBefore(toks, words[0], before)) break;
        const type = known?.type ?? 'ORG';
        out.push({ seg: si, a: words[0], b: before, type, prio: 2, link, gaz: known });
        out.push({ seg: si, a: i, b: acrEnd, type, prio: 3, link, gaz: known });
        doc.set(fold(acr), link);
        break;
      }
    }
  }
}

/** `Long Form (ACR)`: the acronym in brackets links to the phrase before it. */
function bracketAcronym(seg: Segment, si: number, out: Cand[], doc: Map<string, string>, i: number, acrEnd: number): void {
  const toks = seg.toks;
  const acr = seg.text.slice(toks[i].s, toks[acrEnd - 1].e);
  // the phrase ending right before "(": prefer a candidate already found
  const prev = definedPhrase(toks, si, out, i - 1, acr);
  if (!prev) {
    letterMatchedDefinition(toks, si, out, doc, i, acrEnd, acr);
    return;
  }
  prev.link = prev.link ?? 'acr:' + fold(acr);
  out.push({ seg: si, a: i, b: acrEnd, type: prev.type, prio: 3, link: prev.link });
  doc.set(fold(acr), prev.link);
  const organ = prev.type === 'ORG' ? organAfterBracket(toks, acrEnd + 1) : -1;
  if (organ > 0) out.push({ seg: si, a: prev.a, b: organ, type: 'ORG', prio: 2 });
}

/** English words of a body's organ after its name (`Central Committee`, `Standing Board`). */
const ORGAN_MODS = new Set(['central', 'standing', 'executive', 'permanent']);
const ORGAN_HEADS = new Set(['committee', 'board', 'council', 'commission', 'secretariat', 'presidium']);
/**
 * `Vietnam Fatherland Front (VFF) Central Committee`: an organ named right after the bracketed acronym is the
 * body's organ, one name with the bracket inside (as the corpus writes it); its end, or -1.
 */
function organAfterBracket(toks: Tok[], k: number): number {
  let e = k;
  while (e - k < 2 && toks[e]?.cap && ORGAN_MODS.has(toks[e].f)) e++;
  if (e === k || !toks[e]?.cap || !ORGAN_HEADS.has(toks[e].f)) return -1;
  return toks[e + 1]?.word && toks[e + 1].cap && !toks[e + 1].upper && EN_ORG_HEADS.has(toks[e + 1].f) ? -1 : e + 1;
}

/** Whether a short name's letters hold the long form's words: a whole word (`PetroVietnam`), or the first three letters of two (`Vinatex`). */
function shortNameOf(short: string, words: string[]): boolean {
  const content = words.filter((w) => w.length >= 3 && !STOP.has(w));
  if (content.some((w) => w.length >= 4 && short.includes(w))) return true;
  return content.filter((w) => short.includes(w.slice(0, 3))).length >= 2;
}

/**
 * `Vietnam Oil and Gas Group (PetroVietnam)`, `Vietnam National Textile and Garment Group (Vinatex)`: a one-word
 * short name in brackets right after an organisation found there, made of its words, is linked to it like an acronym.
 */
function bracketShortName(seg: Segment, si: number, out: Cand[], doc: Map<string, string>, i: number): void {
  const toks = seg.toks;
  const t = toks[i];
  if (!t.word || !t.cap || t.f.length < 4) return;
  const prev = out.filter((c) => c.seg === si && c.b === i - 1 && c.type === 'ORG').sort((x, y) => x.a - y.a)[0];
  if (!prev || prev.b - prev.a < 3 || !shortNameOf(t.f, toks.slice(prev.a, prev.b).filter((x) => x.word).map((x) => x.f))) return;
  prev.link = prev.link ?? 'acr:' + t.f;
  out.push({ seg: si, a: i, b: i + 1, type: 'ORG', prio: 3, link: prev.link });
  doc.set(t.f, prev.link);
}

/**
 * Acronyms: `(ACR)` after a phrase links it to that phrase (the phrase recognised by the
 * other rules, or found by letter matching); bare known acronyms become entities too.
 */
export function findAcronyms(seg: Segment, si: number, out: Cand[], doc: Map<string, string>) {
  const toks = seg.toks;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.upper && toks[i - 1]?.t === '(' && toks[i + 1]?.t === ')') bracketShortName(seg, si, out, doc, i);
    if (!t.upper || t.f.length < 2 || creditWords.has(t.f)) continue;
    let acrEnd = i + 1;
    while (gluedHyphen(toks, acrEnd) && toks[acrEnd + 1].upper) acrEnd += 2;
    if (hyphenAcronym(seg, si, out, doc, i)) continue;
    if (toks[i - 1]?.t === '(' && toks[acrEnd]?.t === ')') bracketAcronym(seg, si, out, doc, i, acrEnd);
  }
}

/** A draw's group (`Group D`, `World Group II`, `le groupe B`): a part of a tournament, not a body. */
const DRAW_GROUP = /^([A-H]|I{1,3}|IV)$/;
function drawGroup(toks: Tok[], c: Cand): boolean {
  const last = toks[c.b - 1];
  const before = toks[c.b - 2] ?? toks[c.a - 1];
  return DRAW_GROUP.test(last.t) && !!before && (before.f === 'group' || before.f === 'groupe');
}

/**
 * A name the capture cut at its end (`Association d'amitié Vietnam-Cu`, `Secrétariat du CC du P`,
 * `Mission auprès de l’O`): the span ends its paragraph, without a stop, on a stub of at most three
 * letters that is neither an acronym nor a known name.
 */
function cutAtEnd(seg: Segment, c: Cand): boolean {
  const toks = seg.toks;
  if (seg.field === 'title' || c.b !== toks.length || c.b - c.a < 2) return false;
  const last = toks[c.b - 1];
  return last.word && last.t.length <= 3 && !(last.upper && last.t.length >= 2) && !STOP.has(last.f) && !matchAt(toks, c.b - 1);
}

/** `conseil d’administration de …`, `Conseil des membres du groupe …`: a company's board stands for the company. */
function boardOfCompany(toks: Tok[], a: number): number {
  if (toks[a].f !== 'conseil') return -1;
  const w = (k: number) => toks[a + k]?.f ?? '';
  const board = (w(1) === "d'" && w(2) === 'administration') || (w(1) === 'des' && w(2) === 'membres');
  if (!board || !DE_WORDS.includes(w(3)) || !toks[a + 4]) return -1;
  return toks[a + 4].f === 'groupe' && toks[a + 5]?.cap ? a + 5 : a + 4;
}

/**
 * A venue read as a body (`Vietnam Exposition Centre`, `Tien Son Sports Centre`, `Centre national des congrès`,
 * `Centre d’exposition du …`, `Saigon Hi-tech Park`): a place where things are held or built, a LOC
 * (test/corpus/README.md: venues, industrial parks).
 */
const EN_VENUE_KINDS = new Set(['exhibition', 'exposition', 'convention', 'conference', 'sport', 'sports', 'financial', 'shopping']);
const FR_VENUE_KINDS = new Set(['exposition', 'expositions', 'congres', 'conferences', 'commercial', 'sportif']);
const PARK_KINDS = new Set(['hi-tech', 'high-tech', 'tech', 'industrial', 'technology']);
function venueName(toks: Tok[], c: Cand): boolean {
  // the venue's word ends the name: `… Industrial Park Joint Venture Co. Ltd` is a company
  const last = toks[c.b - 1].f;
  const prev = toks[c.b - 2]?.f ?? '';
  if (c.b - c.a >= 2 && (last === 'centre' || last === 'center') && EN_VENUE_KINDS.has(prev)) return true;
  if (c.b - c.a >= 2 && last === 'park' && PARK_KINDS.has(prev)) return true;
  if (toks[c.a].f !== 'centre') return false;
  // `Centre (inter)national d’exposition(s) / des congrès / des conférences`, `Centre commercial de …`
  let k = c.a + 1;
  if (toks[k]?.f === 'national' || toks[k]?.f === 'international') k++;
  if (k < c.b && DE_WORDS.includes(toks[k].f)) k++;
  return k < c.b && FR_VENUE_KINDS.has(toks[k].f);
}

/**
 * ORG readings the corpus does not list, reviewed once every recogniser has run (ent9): a draw's
 * group, a name cut by the capture, a company's board (the company is kept), a numbered body
 * (`78e Assemblée mondiale de la Santé`, `6e Comité conjoint …`: a session, an EVENT with its
 * number), a programme (an EVENT) and a venue (a LOC). Known bodies (gazetteer) are left as they are.
 */
export function reviewOrgs(segs: Segment[], cands: Cand[]): Cand[] {
  const retyped = new Map<string, Cand['type']>();
  const out = cands.filter((c) => {
    if ((c.type !== 'ORG' && c.type !== 'EVENT') || c.gaz) return true;
    const was = c.type;
    if (!reviewOne(segs[c.seg], c)) return false;
    if (c.type !== was && c.link) retyped.set(c.link, c.type);
    return true;
  });
  // the acronym of a retyped long form goes with it (`… Hi-tech Park (SHTP)`)
  if (retyped.size) for (const c of out) if (c.link && retyped.has(c.link) && !c.gaz && (c.type === 'ORG' || c.type === 'EVENT')) c.type = retyped.get(c.link)!;
  return out;
}

/** One ORG (or EVENT) candidate reviewed, retyped or narrowed in place: false to drop it. */
function reviewOne(seg: Segment, c: Cand): boolean {
  const toks = seg.toks;
  // `Vietnam Exhibition Centre` is also read as an exhibition (an EVENT)
  if (venueName(toks, c)) {
    c.type = 'LOC';
    return true;
  }
  if (c.type !== 'ORG') return true;
  if (drawGroup(toks, c) || cutAtEnd(seg, c)) return false;
  // `administration du groupe …` read inside `conseil d’administration du groupe …`
  if (toks[c.a].f === 'administration' && toks[c.a - 1]?.f === "d'" && toks[c.a - 2]?.f === 'conseil') return false;
  const company = boardOfCompany(toks, c.a);
  if (company > 0 && company < c.b) c.a = company;
  // a known body numbered by its term (`15e Assemblée nationale`, `13th National Assembly of Laos`) stays a body
  else if (c.a > 0 && isOrdinal(toks[c.a - 1].f) && toks[c.a].cap && !matchAt(toks, c.a)) {
    c.type = 'EVENT';
    c.a--;
  }
  return true;
}
