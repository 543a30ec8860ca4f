// Places: gazetteer matches (provinces old and new, countries, capitals, regions, cities — any
// spelling: `Hanoï`, `Hanoi`, `Ha Noi`, `Hà Nội`), `Région autonome ... du Guangxi`, cardinal
// regions (`localités du Nord`), and an unknown capitalised word after `à` (`tenue à Liuzhou`).
import type { Segment } from './text';
import { sentenceStart, gluedHyphen } from './text';
import { matchAt, cardinals, municipalities, titleAt } from './gazetteer';
import { STOP, ARTICLES, ORG_HEADS, EVENT_HEADS, EN_DEMONYMS, isOrdinal, nameTong } from './lexicon';
import type { Cand } from './candidates';

/** A known place ends right at e (a word of one to three tokens before it). */
function placeEndsAt(toks: Segment['toks'], e: number): boolean {
  for (let k = Math.max(0, e - 3); k < e; k++) {
    const m = matchAt(toks, k);
    if (m && m.end === e && m.entry.type === 'LOC') return true;
  }
  return false;
}

export function findGazetteer(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  for (let i = 0; i < toks.length; i++) {
    // `Pacifique` of `Asie-Pacifique`; but both places of a route or pair (`Hanoi-Hai Phong`)
    if (i > 1 && gluedHyphen(toks, i - 1) && toks[i - 2].word && !placeEndsAt(toks, i - 1)) continue;
    const m = matchAt(toks, i);
    if (!m) continue;
    // a known word glued to a bigger capitalised compound is not this place (`Vietnam-France`
    // is still two places, but `Nice` in `Nice-Matin` is not checked further)
    const sub = m.entry.type === 'ORG' ? subsidiaryEnd(toks, m.end) : m.end;
    // `FPT Software`, `Lotte Mart`: a known company and a business word name its subsidiary, another body
    if (sub > m.end) out.push({ seg: si, a: i, b: sub, type: 'ORG', prio: 3 });
    else out.push({ seg: si, a: i, b: m.end, type: m.entry.type, prio: m.entry.type === 'LOC' ? 4 : 3, gaz: m.entry });
  }
}

function subsidiaryEnd(toks: Segment['toks'], e: number): number {
  let j = e;
  while (j < e + 2 && toks[j]?.word && toks[j].cap && !toks[j].upper && toks[j].sp && SUBSIDIARY_WORDS.has(toks[j].f)) j++;
  return j;
}

const words = (s: string) => new Set(s.split(/\s+/));
/** Capitalised business words after a known company that name one of its subsidiaries (`FPT Telecom`, `PetroVietnam Gas`). */
const SUBSIDIARY_WORDS = words('software telecom mart gas securities post retail pharma energy power logistics motors steel foods capital invest insurance life digital shipping construction properties hotels resorts media studios electronics display auto express finance leasing chemicals cement plastics textile textiles garment paper sugar oil fertilizer fertiliser seafood');
/** English place nouns written after the name: `My Khe beach`, `Cham Islands`, `Aichi prefecture`; built places of a stay or a memory (`Con Dao prison`, `Hang Duong cemetery`, `Crowne Plaza Hotel`: all 11 so named in train and dev are places). */
const EN_PLACE_HEADS = words('prison prisons cemetery lighthouse resort hotel camp village hamlet street road avenue boulevard square market stadium cinema palace beach beaches bay island islands islet islets archipelago pagoda temple lake river mountain mountains cave caves park port airport bridge prefecture commune ward district pass waterfall citadel valley peninsula plateau strait gulf reservoir zone refinery terminal seaport geopark township county gate gates expressway highway site');
/** Lower-case kind modifiers between a name and its place noun: `Chinggis Khan international airport`, `Quang Chau industrial park`. */
const EN_PLACE_MODS = words('international national industrial economic border railway container deep-water bilateral auxiliary main relic tourist fishery historical');
/** French place nouns written before the name: `plage de My Khe`, `pagode Thien Mu`, `île de Phu Quoc`. */
const FR_PLACE_HEADS = words('chateau foret cimetiere immeuble autoroute gymnase jardin village hameau rue avenue boulevard quai marche stade gare palais plage plages baie ile iles ilot archipel pagode temple lac fleuve riviere mont montagne grotte parc port aeroport pont col cascade citadelle commune district quartier vallee peninsule plateau detroit golfe arrondissement bourg ville province prefecture comte carrefour allee opera mausolee cathedrale basilique monument memorial provincia ciudad aeropuerto puerto playa isla');
/** Kinds named apart from the name (test/corpus/README.md): `commune de Muong Tung` is `Muong Tung`. */
const BARE_FR = words('commune district quartier ile iles ilot village hameau arrondissement bourg ville province prefecture comte provincia ciudad');
const BARE_EN = words('commune ward district prefecture village hamlet street streets avenue boulevard quay');
/** English plural kinds after two or more names: `Phu Dong and Trung Mau villages`, `Tinh Gia and Quang Xuong districts`. */
const PLURAL_EN = words('communes wards districts villages hamlets provinces towns cities streets');
/** French plural kinds before coordinated names (`communes de Kim Liên et de Nam Giang`). */
const PLURAL_FR = words('rues communes districts villages hameaux provinces villes quartiers arrondissements');
/**
 * Vietnamese syllables spelt like French grammar words (`Nam La`, `Son Tong`, `Sa Pa`, `Thuy An`, `My Nhon`): in an English
 * text, capitalised inside a sentence, they are name words, not the French `la`, `son`, `sa` nor the English `an`, `my`.
 */
const VN_LIKE_FR_GRAMMAR = words('la le son sa ma mon ne se lo na y an my');
/** Two-word French heads: `zone industrielle de X`, `parc national de X`, `poste frontière de X`. */
const FR_PLACE_HEADS2 = words('zone:industrielle zone:economique parc:national parc:naturel parc:technologique poste:frontiere aeroport:international reserve:marine reserve:naturelle zone:touristique stade:national port:international port:maritime centrale:hydroelectrique centrale:thermoelectrique centrale:thermique centrale:nucleaire centrale:solaire centrale:eolienne aeropuerto:internacional citadelle:imperiale cite:imperiale site:archeologique parc:industriel complexe:paysager centrales:hydroelectriques centrales:thermoelectriques centrales:thermiques centrales:nucleaires centrales:solaires centrales:eoliennes');

/** An organisation's head word at m (`Tong` only in `Tong cong ty`: lexicon.ts nameTong). */
function orgHeadAt(toks: Segment['toks'], m: number): boolean {
  return ORG_HEADS.has(toks[m].f) && !nameTong(toks, m);
}

function placeName(toks: Segment['toks'], k: number, personStarts: Set<number>): number {
  let e = k;
  // four words at most, a glued hyphen joining two of them (`Phong Nha-Ke Bang`)
  let n = 0;
  while (e < toks.length && n < 4) {
    const w = toks[e];
    // a grammar-looking word only inside the name (`Son` of `Tan Son Nhat`), never first
    if (!w.word || !w.cap || w.upper || (STOP.has(w.f) && e === k) || orgHeadAt(toks, e) || EVENT_HEADS.has(w.f) || (e > k && personStarts.has(e))) break;
    e++;
    n++;
    if (gluedHyphen(toks, e) && toks[e + 1].word) {
      e += 2;
      n++;
    }
  }
  return e;
}

/** What the place matchers read: the segment, its index, person-name starts, where candidates go. */
interface PlaceScan {
  readonly seg: Segment;
  readonly toks: Segment['toks'];
  readonly si: number;
  readonly out: Cand[];
  readonly personStarts: Set<number>;
  readonly lang: string;
}

/** Named natural and built places, English order: `My Khe beach`, `Cham Islands`, `Thot Not district`. */
function englishNamedPlace({ seg, toks, si, out, personStarts, lang }: PlaceScan, i: number): void {
  const t = toks[i];
  if (lang === 'en' && t.word && PLURAL_EN.has(t.f)) return coordinatedPlaces({ seg, toks, si, out, personStarts, lang }, i);
  if (t.f === 'city' && t.word) return provinceCapital({ seg, toks, si, out, personStarts, lang }, i);
  // `Park` of `le Sud-Coréen Park Hang-seo` starts a person's name
  if (!(t.word && EN_PLACE_HEADS.has(t.f) && i > 0) || (personStarts.has(i) && /(en|enne|ais|aise|ois|oise|ain|aine)$/.test(toks[i - 1].f))) return;
  // up to two lower-case kind modifiers before the noun (`international airport`)
  let h = i;
  while (h - i > -2 && h > 1 && !toks[h - 1].cap && EN_PLACE_MODS.has(toks[h - 1].f)) h--;
  if (!(toks[h - 1]?.cap && toks[h - 1].word)) return;
  let a = englishNameStart(toks, h, lang);
  if (a < 0) return;
  a = patronymStart(toks, a);
  // `Vietnamese cinema`, `the Vietnamese market`, `a Japanese prefecture`: a nationality and a kind name no place
  if (h - a === 1 && EN_DEMONYMS.has(toks[a].f)) return;
  const g = matchAt(toks, a);
  // an administrative unit is named bare, its kind word in an alias (`Thot Not` / `Thot Not district`)
  // a known place with an administrative kind adds nothing (`Hanoi city`); a natural or built one is a place of its own (`Ly Son island`)
  const gate = borderGate(toks, i);
  if (gate === null) return;
  const bare = (BARE_EN.has(t.f) && h === i) || gate;
  if (!(g && ((bare && g.end >= h) || g.end > i))) out.push(bare ? { seg: si, a, b: h, type: 'LOC', prio: 2, aliases: [seg.text.slice(toks[a].s, t.e)] } : { seg: si, a, b: roadNumberEnd(toks, i), type: 'LOC', prio: 2 });
}

/**
 * `Thanh Hoa city in … the province of Thanh Hoa`, `Lao Cai city`: a province's capital named with `city` after the
 * province's name is a place of its own (train and dev list it apart from the province every time, 6 of 6); a
 * centrally-run city's `city` names the unit itself (`Da Nang city`, 44 of 44 an alias of it): left to the gazetteer.
 */
function provinceCapital({ toks, si, out }: PlaceScan, i: number): void {
  let a = i - 1;
  while (a > 0 && i - a < 3 && toks[a - 1].cap && toks[a - 1].word) a--;
  for (; a < i; a++) {
    const g = toks[a].cap ? matchAt(toks, a) : null;
    if (g && g.end === i && g.entry.id.startsWith('vn:') && !municipalities.has(g.entry.id)) {
      out.push({ seg: si, a, b: i + 1, type: 'LOC', prio: 3 });
      return;
    }
  }
}

/** A border gate is named bare whatever its kind (`Chi Ma bilateral border gate` is `Chi Ma`): true; another gate is no place (null); false for other nouns. */
function borderGate(toks: Segment['toks'], i: number): boolean | null {
  if (toks[i].f !== 'gate' && toks[i].f !== 'gates') return false;
  return toks[i - 1]?.f === 'border' ? true : null;
}

/**
 * Where the capitalised name before an English place noun at h starts (one to three words), or -1: a
 * grammar-looking word (`Son` of `Ly Son`) only inside the name, never first (`The`); in English text the
 * Vietnamese syllables spelt like grammar words are name words.
 */
function englishNameStart(toks: Segment['toks'], h: number, lang: string): number {
  let a = h;
  const capAt = (m: number) => m >= 0 && toks[m].word && toks[m].cap && !toks[m].upper;
  const grammar = (m: number) => (STOP.has(toks[m].f) || ARTICLES.has(toks[m].f)) && !(lang === 'en' && VN_LIKE_FR_GRAMMAR.has(toks[m].f) && !sentenceStart(toks, m));
  while (h - a < 3 && capAt(a - 1) && !orgHeadAt(toks, a - 1) && !(ARTICLES.has(toks[a - 1].f) && grammar(a - 1)) && (!grammar(a - 1) || capAt(a - 2))) a--;
  if (!(a < h && !(capAt(a - 1) && !grammar(a - 1)))) return -1;
  // `Cam Lam-Vinh Hao expressway`: two names joined by a glued hyphen are one route's
  if (a > 1 && gluedHyphen(toks, a - 1) && capAt(a - 2)) {
    const before = englishNameStart(toks, a - 1, lang);
    if (before >= 0) return before;
  }
  return a;
}

/**
 * `Phu Dong and Trung Mau villages`, `My Nhon, Thuy An and Binh Thanh communes`: names of one to three capitalised
 * words joined by `and` or commas before an English plural kind are each a place, named bare (English text only).
 */
function coordinatedPlaces({ toks, si, out }: PlaceScan, i: number): void {
  const name = (e: number): number => {
    let a = e;
    while (e - a < 3 && a > 0 && toks[a - 1].word && toks[a - 1].cap && !toks[a - 1].upper && !orgHeadAt(toks, a - 1) && toks[a - 1].f !== 'the' && !(STOP.has(toks[a - 1].f) && !VN_LIKE_FR_GRAMMAR.has(toks[a - 1].f))) a--;
    return a < e && !sentenceStart(toks, a) ? a : -1;
  };
  const found: [number, number][] = [];
  let e = i;
  for (;;) {
    const a = name(e);
    if (a < 0) return;
    found.push([a, e]);
    const sep = toks[a - 1];
    if (!sep || !(sep.f === 'and' || sep.t === ',')) break;
    e = a - 1;
  }
  // two names at least, the last joined by `and` (`A and B villages`, `A, B and C communes`)
  if (found.length < 2 || toks[found[0][0] - 1]?.f !== 'and') return;
  pushCoordinated(toks, si, out, found, 2);
}

/** Each coordinated name [a, b) as a place, unless a known name at a already spans it. */
function pushCoordinated(toks: Segment['toks'], si: number, out: Cand[], found: [number, number][], prio: number): void {
  for (const [a, b] of found) {
    const g = matchAt(toks, a);
    if (!g || g.end < b) out.push({ seg: si, a, b, type: 'LOC', prio });
  }
}

/**
 * `communes de Kim Liên et de Nam Giang`, `villages de Hôi Rây, Nuoc Dang et Dôc Mây`, `les rues Lê Loi et Trân Phu`: names
 * of one to three capitalised words joined by commas and `et` after a lower-case French plural kind are each a place, as
 * the English order's (French text only; a known place keeps its own span).
 */
function coordinatedPlacesFr({ toks, si, out, lang }: PlaceScan, i: number): void {
  const t = toks[i];
  if (lang === 'en' || !t.word || t.cap || !PLURAL_FR.has(t.f)) return;
  const pastDe = (m: number) => (toks[m]?.f === 'de' || toks[m]?.f === "d'" ? m + 1 : m);
  const name = (a: number): number => {
    let e = a;
    while (e - a < 3 && toks[e]?.word && toks[e].cap && !toks[e].upper && !STOP.has(toks[e].f) && !orgHeadAt(toks, e)) {
      e++;
      while (gluedHyphen(toks, e) && toks[e + 1]?.word) e += 2;
    }
    return e > a ? e : -1;
  };
  const found: [number, number][] = [];
  let k = pastDe(i + 1);
  let afterEt = false;
  for (;;) {
    const e = name(k);
    if (e < 0) return;
    found.push([k, e]);
    if (afterEt) break;
    if (toks[e]?.t === ',') k = e + 1;
    else if (toks[e]?.f === 'et') {
      k = pastDe(e + 1);
      afterEt = true;
    } else return;
  }
  // two names at least, the last after `et`; the kind word names them places over a person's name they share (streets
  // are named after people: `rues Lê Loi et Trân Phu`)
  if (found.length < 2) return;
  pushCoordinated(toks, si, out, found, 3);
}

/** `Jassim bin Hamad Stadium`: a place named after a person with an Arabic patronymic takes the `bin` and the given name before it; the new start. */
function patronymStart(toks: Segment['toks'], a: number): number {
  const p = toks[a - 1];
  const n = toks[a - 2];
  return p?.word && !p.cap && (p.f === 'bin' || p.f === 'bint') && n?.word && n.cap && !n.upper && !STOP.has(n.f) && !(toks[a - 3]?.word && toks[a - 3].cap) ? a - 2 : a;
}

/** `National Road 1A`, `Provincial Road 213`: a road's number is part of its name; the end after the head at i. */
function roadNumberEnd(toks: Segment['toks'], i: number): number {
  const n = toks[i + 1];
  return toks[i].f === 'road' && toks[i].cap && n?.num && n.sp && /^\d{1,4}[a-z]?$/.test(n.f) ? i + 2 : i + 1;
}

/** Named places, French order: `plage de My Khe`, `pagode Thien Mu`, `zone industrielle de X`, `place Dông Kinh Nghia Thuc`. */
function frenchNamedPlace({ seg, toks, si, out, personStarts }: PlaceScan, i: number): void {
  const t = toks[i];
  const twoWordHead = FR_PLACE_HEADS2.has(t.f + ':' + (toks[i + 1]?.f ?? ''));
  // `place Dông Kinh Nghia Thuc` (a square), never `en place`, `la place de ...`
  const square = t.t === 'place' && !!toks[i + 1]?.cap && toks[i - 1]?.f !== 'en';
  if (!(t.word && (square || FR_PLACE_HEADS.has(t.f) || twoWordHead))) return;
  let k = twoWordHead ? i + 2 : i + 1;
  if (toks[k] && ['de', 'du', "d'", 'des'].includes(toks[k].f)) k++;
  // a two-word head needs the known place first (twoWordPlaceEnd); another only once a name was found
  const known = twoWordHead ? matchAt(toks, k) : undefined;
  const e = twoWordHead ? twoWordPlaceEnd(toks, i, k, placeName(toks, k, personStarts), known ?? null) : placeName(toks, k, personStarts);
  if (!(e > k && !(toks[e]?.word && toks[e].cap))) return;
  const g = known !== undefined ? known : matchAt(toks, k);
  // `commune de Hanoï` adds nothing to the known place; `parc national de Côn Dao` is a place of its own
  if (!(g && g.end >= e && BARE_FR.has(t.f))) out.push(BARE_FR.has(t.f) ? { seg: si, a: k, b: e, type: 'LOC', prio: 2, aliases: [seg.text.slice(t.s, toks[e - 1].e)] } : { seg: si, a: i, b: e, type: 'LOC', prio: 2 });
}

/**
 * The end of the name after a two-word head (`zone industrielle`, `centrale hydroélectrique`): a known place whose name
 * holds a grammar-looking word is named whole (`centrale hydroélectrique de Son La`), and a plant its unit number
 * (`centrale thermoélectrique de Duyên Hai 1`, `Sékong 3`).
 */
function twoWordPlaceEnd(toks: Segment['toks'], i: number, k: number, e: number, g: ReturnType<typeof matchAt>): number {
  let end = g && g.end > e ? g.end : e;
  if (/^centrales?$/.test(toks[i].f) && end > k && toks[end]?.num && toks[end].sp && /^\d{1,2}$/.test(toks[end].f)) end++;
  return end;
}

const MEMORIAL_HEADS = new Set(['monument', 'memorial', 'cimetiere', 'stele']);
const HEROES = new Set(['heros', 'martyrs', 'morts', 'soldats']);
/**
 * `mémorial des héros morts pour la Patrie`, `Monument aux héros et martyrs`, `cimetière des martyrs de Hô Chi
 * Minh-Ville`: a memorial to the war dead is a place named in lower-case words (train and dev list all 8 so), up to
 * `morts pour la Patrie`, a second kind of dead (`et martyrs`) and a known place after `de`.
 */
function heroesMemorial({ toks, si, out }: PlaceScan, i: number): void {
  if (!MEMORIAL_HEADS.has(toks[i].f) || !['aux', 'des'].includes(toks[i + 1]?.f ?? '') || !HEROES.has(toks[i + 2]?.f ?? '')) return;
  let e = i + 3;
  if (toks[e]?.f === 'et' && HEROES.has(toks[e + 1]?.f ?? '')) e += 2;
  const w = (k: number) => toks[e + k]?.f ?? '';
  if (w(0) === 'morts' && w(1) === 'pour' && w(2) === 'la' && w(3) === 'patrie') e += 4;
  else if (w(0) === 'pour' && w(1) === 'la' && w(2) === 'patrie') e += 3;
  if (DE_WORDS_PLACE.has(w(0)) && toks[e + 1]?.cap) {
    const g = matchAt(toks, e + 1);
    if (g && g.entry.type === 'LOC') e = g.end;
  }
  out.push({ seg: si, a: i, b: e, type: 'LOC', prio: 2 });
}
const DE_WORDS_PLACE = new Set(['de', 'du', "d'"]);

/** `Région autonome (Zhuang) du Guangxi`: true when the token heads one (found or not), so nothing else reads it. */
function autonomousRegion({ toks, si, out }: PlaceScan, i: number): boolean {
  const t = toks[i];
  if (!(t.cap && (t.f === 'region' || t.f === 'province' || t.f === 'prefecture') && toks[i + 1]?.f === 'autonome')) return false;
  let k = i + 2;
  while (toks[k]?.cap) k++;
  if (['du', 'de', "d'"].includes(toks[k]?.f ?? '')) k++;
  if (toks[k]?.f === 'la') k++;
  if (toks[k]?.cap) {
    k++;
    while (toks[k]?.cap && toks[k].sp) k++;
    out.push({ seg: si, a: i, b: k, type: 'LOC', prio: 3 });
  }
  return true;
}

/** Where a cardinal region word ends (`Nord-Ouest`, `Sud`, `le Centre,`), or -1. */
function cardinalEnd(toks: Segment['toks'], i: number): number {
  const t = toks[i];
  if ((t.f === 'nord' || t.f === 'sud') && gluedHyphen(toks, i + 1) && (toks[i + 2].f === 'ouest' || toks[i + 2].f === 'est') && !toks[i + 3]?.cap) return i + 3;
  if (cardinals.has(t.f) && !toks[i + 1]?.cap && toks[i + 1]?.t !== '-') return i + 1;
  // `le Centre` only as a region: followed by punctuation or `et` (`le Centre national ...` is not)
  if (t.f === 'centre' && (!toks[i + 1] || (!toks[i + 1].word && toks[i + 1].t !== '-') || toks[i + 1].f === 'et')) return i + 1;
  return -1;
}

/** Cardinal regions: `du Nord`, `le Sud`, `the North`, `le Nord-Ouest`, `le Sud du Vietnam`; the end, or null. */
function cardinalRegion({ toks, si, out }: PlaceScan, i: number): number | null {
  const t = toks[i];
  if (!(t.cap && i > 0)) return null;
  // `province de Phu Tho (Nord)`, `(province de Vinh Phuc, Nord)`: the region in brackets after a place
  const bracketed = (toks[i - 1].t === '(' || toks[i - 1].t === ',') && i > 1;
  if (!bracketed && !['du', 'le', 'au', 'the', "l'"].includes(toks[i - 1].f)) return null;
  let e = cardinalEnd(toks, i);
  if (e <= 0) return null;
  if (bracketed && toks[e]?.t !== ')') return null;
  // `à 280 km au Nord de Paris`: a direction, not a region
  if (toks[i - 1].f === 'au' && toks[i - 2]?.f === 'km') return e;
  const bare = e;
  e = regionAfter(toks, i, e);
  // `Hauts Plateaux du Centre` written in lower case; `Californie du Nord`: a known place before
  const a = regionBefore(toks, i);
  // the region is also named bare (`le Sud`): the longer form's alias
  out.push({ seg: si, a, b: e, type: 'LOC', prio: 1, aliases: e > bare && a === i ? [span(toks, i, bare)] : undefined });
  return e;
}

/** `Sud du Vietnam`: the country is part of the region's name; `Sud de la Floride`: a known place after `de la`. The region's end. */
function regionAfter(toks: Segment['toks'], i: number, e: number): number {
  const g = ['du', 'of'].includes(toks[e]?.f ?? '') ? matchAt(toks, e + (toks[e + 1]?.f === 'the' ? 2 : 1)) : null;
  if (g && g.entry.id.startsWith('c:')) return g.end;
  const g2 = toks[e]?.f === 'de' && ['la', "l'"].includes(toks[e + 1]?.f ?? '') && toks[i - 1].f !== 'au' ? matchAt(toks, e + 2) : null;
  return g2 && g2.entry.type === 'LOC' ? g2.end : e;
}

const span = (toks: Segment['toks'], a: number, b: number) => toks.slice(a, b).map((t, k) => (k > 0 && t.sp ? ' ' : '') + t.t).join('');

/** Where a region named with a cardinal word starts: `hauts plateaux du Centre`, `Californie du Nord` (a known non-country place), else i. */
function regionBefore(toks: Segment['toks'], i: number): number {
  if (toks[i - 1].f !== 'du' || !['centre', 'nord', 'sud'].includes(toks[i].f)) return i;
  if (toks[i].f === 'centre' && toks[i - 2]?.f === 'plateaux') {
    const h = toks[i - 3]?.t === '-' ? i - 4 : i - 3;
    if (toks[h]?.f === 'hauts') return h;
  }
  for (let k = Math.max(0, i - 4); k < i - 1; k++) {
    const m = matchAt(toks, k);
    if (m && m.end === i - 1 && m.entry.type === 'LOC' && !m.entry.id.startsWith('c:') && !STOP.has(toks[k].f)) return k;
  }
  return i;
}

/** `à X`: an unknown single capitalised word, followed by punctuation or a lower-case word (`tenue à Liuzhou`). */
function placeAfterA({ toks, si, out, personStarts }: PlaceScan, i: number): void {
  if (toks[i].t !== 'à') return;
  const n = toks[i + 1];
  if (!n || !n.cap || n.upper || STOP.has(n.f) || ORG_HEADS.has(n.f) || EVENT_HEADS.has(n.f) || personStarts.has(i + 1)) return;
  if (titleAt(toks, i + 1) > 0 || sentenceStart(toks, i + 1)) return;
  const after = toks[i + 2];
  if (after && (after.cap || after.t === '-' || after.t === "'")) return;
  if (n.f.length < 4) return;
  out.push({ seg: si, a: i + 1, b: i + 2, type: 'LOC', prio: 0 });
}

/** Numbered urban districts: `1er arrondissement`, `7e arrondissement`, `District 1`, `2e district`. */
function numberedDistrict({ toks, si, out }: PlaceScan, i: number): void {
  const t = toks[i];
  if (!(t.word && (t.f === 'arrondissement' || t.f === 'district'))) return;
  const p = toks[i - 1];
  if (p && isOrdinal(p.f) && /^\d/.test(p.f) && !toks[i - 2]?.cap) out.push({ seg: si, a: i - 1, b: i + 1, type: 'LOC', prio: 2 });
  else if (t.cap && toks[i + 1]?.num && toks[i + 1].t.length <= 2 && !toks[i + 2]?.cap) out.push({ seg: si, a: i, b: i + 2, type: 'LOC', prio: 2 });
}

/** Hanoi's Old Quarter streets are named by their guild, `Hàng` + a word (`Hàng Buôm`, `Hàng Dào`), written with its accent. */
function guildStreet({ toks, si, out }: PlaceScan, i: number): void {
  const t = toks[i];
  const n = toks[i + 1];
  if (t.t === 'Hàng' && n?.word && n.cap && !n.upper && n.sp !== false && !toks[i + 2]?.cap) out.push({ seg: si, a: i, b: i + 2, type: 'LOC', prio: 1 });
}

/** English nouns of a company's plants and works (`… Steel Integrated Complex`, `… 2 project`). */
const PLANT_HEADS = new Set(['complex', 'project', 'plant', 'factory', 'refinery', 'mill']);
/**
 * `Hoa Phat Dung Quat Steel Integrated Complex`, `Hoa Phat Dung Quat iron and steel production complex`,
 * `Hoa Phat Dung Quat 2 project`: a known company, a known place, then at most six words closed by a plant
 * noun name the company's works there, a place (as the corpus lists them).
 */
function companyPlant({ toks, si, out }: PlaceScan, i: number): void {
  const c = toks[i].cap ? matchAt(toks, i) : null;
  if (!c || c.entry.type !== 'ORG' || c.end - i < 2) return;
  const p = matchAt(toks, c.end);
  if (!p || p.entry.type !== 'LOC') return;
  for (let k = p.end; k < p.end + 6 && k < toks.length; k++) {
    const t = toks[k];
    if (t.word && PLANT_HEADS.has(t.f)) {
      out.push({ seg: si, a: i, b: k + 1, type: 'LOC', prio: 2 });
      return;
    }
    if (!(t.num || (t.word && (t.cap || t.f === 'and' || /^(iron|steel|production|integrated|power|thermal|cement|oil|gas)$/.test(t.f))))) return;
  }
}

export function findPlaces(seg: Segment, si: number, out: Cand[], personStarts: Set<number>, lang = 'fr') {
  const s: PlaceScan = { seg, toks: seg.toks, si, out, personStarts, lang };
  for (let i = 0; i < seg.toks.length; i++) {
    numberedDistrict(s, i);
    guildStreet(s, i);
    companyPlant(s, i);
    // named places (both orders may apply to one token), then the rules that take the token
    englishNamedPlace(s, i);
    frenchNamedPlace(s, i);
    heroesMemorial(s, i);
    coordinatedPlacesFr(s, i);
    if (autonomousRegion(s, i)) continue;
    const e = cardinalRegion(s, i);
    if (e !== null) {
      i = e - 1;
      continue;
    }
    placeAfterA(s, i);
  }
}
