// Gazetteer lookup: every known name (provinces, countries, capitals, regions, cities,
// organisations, acronyms) indexed as a token trie over folded tokens, so `Hanoï`, `Hanoi`
// and `Hà Nội` hit the same entry and the longest known name wins.
import type { EntityType } from '../types';
import { fold } from '../text/fold';
import { tokenize, gluedHyphen, type Tok } from './text';
import provinces from '../../data/gazetteers/vn-provinces.json';
import countries from '../../data/gazetteers/countries.json';
import regions from '../../data/gazetteers/regions.json';
import orgs from '../../data/gazetteers/organisations.json';
import events from '../../data/gazetteers/events.json';
import roles from '../../data/gazetteers/roles.json';
import vnNames from '../../data/gazetteers/vn-names.json';
import givenNameList from '../../data/gazetteers/given-names.json';
import placesExtra from '../../data/gazetteers/places-extra.json';
import orgsExtra from '../../data/gazetteers/organisations-extra.json';
import companies from '../../data/gazetteers/companies.json';
import orgsVna from '../../data/gazetteers/organisations-vna.json';
import vnDistricts from '../../data/gazetteers/vn-districts.json';
import orgsWorld from '../../data/gazetteers/organisations-world.json';

export interface GazEntry {
  id: string;
  type: EntityType;
  /** All written variants (first = preferred). */
  names: string[];
  /** Acronyms of the entry (ORG/EVENT). */
  acronyms: string[];
  /** For provinces after July 2025: the pre-merger units merged into it. */
  mergedFrom?: string[];
}

interface Hit {
  entry: GazEntry;
  /** The variant needs an all-capitals match (acronyms such as `US`, `UN`). */
  upper: boolean;
  /** The variant starts with a lower-case letter (`delta du Mékong`), so case is free. */
  lower: boolean;
  /** The variant starts with an article before a capitalised word (`La Réunion`): that word is capitalised in the text too (`La réunion a vu` is a meeting). */
  art: boolean;
}

interface Node {
  next: Map<string, Node>;
  hit?: Hit;
}

const root: Node = { next: new Map() };
export const entries = new Map<string, GazEntry>();
/** folded acronym -> entry */
export const acronymIndex = new Map<string, GazEntry>();
export const creditWords = new Set((orgs.credits as string[]).map((c) => fold(c)));
/**
 * Entries that `matchAt` passes over. Empty in the product: bench/entity-unseen.ts hides the
 * entries of names that only one corpus article holds, to read the patterns alone on names the
 * lists would not know in new text.
 */
export const hiddenEntries = new Set<GazEntry>();

function keyToks(name: string): string[] {
  const toks = tokenize(name);
  const out: string[] = [];
  toks.forEach((t, i) => {
    if (t.t === '-' || t.t === '–' || t.t === '‑') return;
    // a comma stays a key (`… pour l'éducation, la science et la culture` is written with it)
    if (!t.word && !t.num && t.t !== "'" && t.t !== '+' && t.t !== '.' && t.t !== ',') return;
    out.push(t.f);
    void i;
  });
  return out;
}

/** The entry a whole name is registered to, if any. */
function entryOfName(name: string): GazEntry | undefined {
  let n: Node | undefined = root;
  for (const k of keyToks(name)) if (!(n = n.next.get(k))) return undefined;
  return n.hit?.entry;
}

function addName(name: string, entry: GazEntry) {
  const ks = keyToks(name);
  if (!ks.length) return;
  let n = root;
  for (const k of ks) {
    let nx = n.next.get(k);
    if (!nx) n.next.set(k, (nx = { next: new Map() }));
    n = nx;
  }
  const upper = name.length <= 6 && name === name.toUpperCase() && /\p{L}/u.test(name);
  const lower = /^\p{Ll}/u.test(name);
  if (n.hit) {
    // a lower-case variant of the same entry (`Secrétariat du Parti|secrétariat du Parti`) frees the case
    if (n.hit.entry === entry && lower) n.hit.lower = true;
    // a mixed-case variant of the same acronym (`HOSE|HoSE`) frees the all-capitals need
    if (n.hit.entry === entry && !upper && /\p{Lu}.*\p{Lu}/u.test(name)) n.hit.upper = false;
    return; // first registration wins (countries before capitals, FR before EN)
  }
  const art = /^(la|le|les|l'|the) ?\p{Lu}/iu.test(name) && ks.length > 1;
  n.hit = { entry, upper, lower, art };
}

function register(id: string, type: EntityType, names: string[], acronyms: string[] = [], mergedFrom?: string[]) {
  const clean = [...new Set(names.filter(Boolean))];
  if (!clean.length && !acronyms.length) return;
  let e = entries.get(id);
  if (!e) {
    e = { id, type, names: clean.length ? clean : acronyms.slice(0, 1), acronyms, mergedFrom };
    entries.set(id, e);
  }
  for (const n of clean) addName(n, e);
  for (const a of acronyms) {
    addName(a, e);
    acronymIndex.set(fold(a), e);
  }
}

const split = (s: string) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);

// Vietnamese provinces: the new (34) units carry the old names merged into them.
const newMap = provinces.new as Record<string, string[]>;
const mergedOf = new Map<string, string[]>();
for (const [k, v] of Object.entries(newMap)) mergedOf.set(fold(split(k)[0]), v);
for (const p of provinces.old as string[]) {
  const names = split(p);
  register('vn:' + fold(names[0]), 'LOC', names, [], mergedOf.get(fold(names[0])));
}
for (const k of Object.keys(newMap)) {
  const names = split(k);
  register('vn:' + fold(names[0]), 'LOC', names, [], newMap[k]);
}
for (const c of provinces.cities as string[]) {
  const names = split(c);
  register('vnc:' + fold(names[0]), 'LOC', names);
}
/** Ids of the centrally-run cities (vn-provinces.json `municipalities`): their `city` names the unit itself. */
export const municipalities = new Set((provinces.municipalities as string[]).map((m) => 'vn:' + fold(split(m)[0])));

// Countries first, then capitals (a name shared by both keeps the country).
const clist = countries.list as string[][];
for (const [fr, en] of clist) {
  const all = [...split(fr), ...split(en)];
  const acr = all.filter((n) => n.length <= 4 && n === n.toUpperCase());
  register('c:' + fold(split(fr)[0]), 'LOC', all.filter((n) => !acr.includes(n)), acr);
}
for (const [, , capFr, capEn] of clist) {
  const names = [...split(capFr), ...split(capEn)];
  if (names.length) register('cap:' + fold(names[0]), 'LOC', names);
}
for (const r of regions.regions as string[]) register('r:' + fold(split(r)[0]), 'LOC', split(r));
for (const r of regions.cities as string[]) register('city:' + fold(split(r)[0]), 'LOC', split(r));
// More places (places-extra.json): Vietnamese cities, towns, districts and sites; foreign
// first-level divisions and regions; Spanish names of countries (joined to the country) and places.
for (const r of placesExtra.vn as string[]) register('vnd:' + fold(split(r)[0]), 'LOC', split(r));
for (const r of placesExtra.world as string[]) register('w:' + fold(split(r)[0]), 'LOC', split(r));
for (const [fr, es] of Object.entries(placesExtra.es as Record<string, string>)) register('c:' + fold(split(fr)[0]), 'LOC', split(es));
for (const r of placesExtra.esPlaces as string[]) register('es:' + fold(split(r)[0]), 'LOC', split(r));
for (const r of placesExtra.sites as string[]) register('site:' + fold(split(r)[0]), 'LOC', split(r));
// Districts and sites of vn-districts.json: a row naming a place already held (`Vịnh Hạ Long` beside
// `baie d'Along`) adds its names to that entry, so one place stays one entity.
for (const [kind, rows] of [['vnd:', vnDistricts.list], ['site:', vnDistricts.sites]] as const) {
  for (const r of rows as string[]) {
    const names = split(r);
    const held = names.map(entryOfName).find((e) => e?.type === 'LOC');
    register(held?.id ?? kind + fold(names[0]), 'LOC', names);
  }
}
for (const row of orgs.list as string[][]) {
  const [acr, fr, en, type] = row;
  const acrs = split(acr);
  const names = [...split(fr), ...split(en)];
  const id = 'o:' + fold(acrs[0] ?? names[0]);
  register(id, (type as EntityType) || 'ORG', names, acrs);
}
// More bodies, media and companies (organisations-extra.json), same rows; known ids keep their entry.
for (const row of orgsExtra.list as string[][]) {
  const [acr, fr, en, type] = row;
  const acrs = split(acr);
  const names = [...split(fr), ...split(en)];
  register('o:' + fold(acrs[0] ?? names[0]), (type as EntityType) || 'ORG', names, acrs);
}
// Big companies named bare (companies.json: CAC 40, Fortune Global 500), same rows; known ids keep their entry.
for (const row of companies.list as string[][]) {
  const [acr, fr, en, type] = row;
  register('o:' + fold(split(acr)[0] ?? [...split(fr), ...split(en)][0]), (type as EntityType) || 'ORG', [...split(fr), ...split(en)], split(acr));
}
// Vietnam's central bodies, Party commissions, state corporations, regional and UN bodies, universities, media and
// companies as VNA names them (organisations-vna.json), same rows; a row whose first acronym or name is already an id
// adds its French/English variants to that entry (`PVN` = `Groupe national du pétrole et du gaz du Vietnam`);
// then the companies, media and clubs named bare (organisations-world.json), same rows.
for (const row of [...orgsVna.list, ...orgsWorld.list] as string[][]) {
  const [acr, fr, en, type] = row;
  const names = [...split(fr), ...split(en)];
  register('o:' + fold(split(acr)[0] ?? names[0]), (type as EntityType) || 'ORG', names, split(acr));
}
// recurring events, holidays, wars and named agreements (after both organisation lists: a shared name stays theirs)
for (const [acr, fr, en] of events.list as string[][]) {
  const acrs = split(acr);
  const names = [...split(fr), ...split(en)];
  register('ev:' + fold(acrs[0] ?? names[0]), 'EVENT', names, acrs);
}

export const cardinals = new Set((regions.cardinal as string[]).flatMap((c) => split(c).map(fold)));

/** The start of a known place ending at e (`Can Tho`, whose `Can` is a grammar word; the longest such place), or -1. */
export function placeStartEndingAt(toks: Tok[], e: number): number {
  for (let k = Math.max(0, e - 4); k < e; k++) {
    const m = matchAt(toks, k);
    if (m && m.end === e && m.entry.type === 'LOC') return k;
  }
  return -1;
}

/** Longest gazetteer match starting at token i, or null (also past the last token: callers look one ahead). */
export function matchAt(toks: Tok[], i: number): { end: number; entry: GazEntry } | null {
  const t0 = toks[i];
  if (!t0 || (!t0.word && !t0.num)) return null;
  let n: Node | undefined = root;
  let best: { end: number; entry: GazEntry } | null = null;
  let j = i;
  while (j < toks.length) {
    const t = toks[j];
    if (j > i && (gluedHyphen(toks, j) || ((t.t === '-' || t.t === '–') && j + 1 < toks.length))) {
      // a dash written where the name has a comma (`Vietnam National University – Ho Chi Minh City`)
      if (t.sp && n.next.has(',')) n = n.next.get(',')!;
      j++;
      continue;
    }
    n = n.next.get(t.f === '’' ? "'" : t.f);
    if (!n) break;
    j++;
    if (n.hit) {
      const h = n.hit;
      const ok = h.upper ? toks.slice(i, j).every((x) => !x.word || x.upper || (x.cap && x.t.length === 1)) : (h.lower || t0.cap || t0.upper || t0.num) && !(h.art && !toks[i + 1].cap);
      // (an acronym written in capitals, its letters dotted ones too: `U.S.`)
      // a word glued to the match (`Hanoi` inside `Hanoian`) cannot happen with our tokens,
      // but a glued hyphen after it means a compound (`ASEAN-Australie` keeps `ASEAN`).
      if (ok && !hiddenEntries.has(h.entry)) best = { end: j, entry: h.entry };
    }
  }
  return best;
}

// ---- people helpers -------------------------------------------------------------------

export const familyNames = new Set((vnNames.family as string[]).map(fold));
export const middleNames = new Set((vnNames.middle as string[]).map(fold));
/** Foreign given names that open a person's name (given-names.json); only one-word names and the first word of hyphened ones are read. */
export const givenNames = new Set((givenNameList.names as string[]).map((n) => fold(n.split('-')[0])));
/** The Japanese ones, which also close a name in the Japanese order (`Kono Taro`). */
export const japaneseGivenNames = new Set((givenNameList.japanese as string[]).map(fold));
export const honorifics = new Set((roles.honorifics as string[]).map((h) => fold(h).replace(/\.$/, '')));

interface TNode {
  next: Map<string, TNode>;
  end?: boolean;
}
const titleRoot: TNode = { next: new Map() };
for (const t of roles.titles as string[]) {
  let n = titleRoot;
  for (const k of keyToks(t)) {
    let nx = n.next.get(k);
    if (!nx) n.next.set(k, (nx = { next: new Map() }));
    n = nx;
  }
  n.end = true;
}

/** Longest role/title word sequence starting at i (`général de brigade`, `vice-ministre`). */
export function titleAt(toks: Tok[], i: number): number {
  let n: TNode | undefined = titleRoot;
  let best = -1;
  let j = i;
  while (j < toks.length && n) {
    if (j > i && gluedHyphen(toks, j)) {
      j++;
      continue;
    }
    n = n.next.get(toks[j].f);
    if (!n) break;
    j++;
    if (n.end) best = j;
  }
  return best;
}
