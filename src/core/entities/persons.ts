// People: Vietnamese names (family name + Vietnamese syllables, with or without diacritics),
// foreign names next to a title or role (`le lieutenant-colonel Marc Razafindranaly`,
// `la ministre britannique de l'Intérieur, Yvette Cooper,`, `Iori Kato, directeur du ...`),
// roles kept apart in `role`, and short later mentions (`Mme Giang`) marked for merging.
import type { Segment, Tok } from './text';
import { sentenceStart } from './text';
import { familyNames, givenNames, honorifics, titleAt, matchAt, placeStartEndingAt } from './gazetteer';
import { extendPhrase } from './phrase';
import { asianNameShape } from './asian-names';
import { STOP, CLAUSE_WORDS, ARTICLES, ORG_HEADS, EN_ORG_HEADS, EVENT_HEADS, EN_EVENT_HEADS, AGREEMENT_HEADS, EN_DEMONYMS, VN_SYLLABLE, nameTong } from './lexicon';
import type { Cand } from './candidates';

/** Family names that are also common words or place-name heads: need more evidence. */
const AMBIGUOUS = new Set(['le', 'la', 'mai', 'ha', 'cao', 'ho', 'thai', 'lam', 'dong', 'quang', 'kim', 'van', 'y', 'vi', 'chu', 'to', 'tong', 'hoa', 'ma', 'cu', 'ninh', 'tra', 'chung', 'lo', 'au', 'ong', 'quan', 'bach', 'chau', 'do', 'tu', 'than', 'ly', 'luc', 'thach', 'vuong', 'lai', 'khuc', 'giap', 'quach', 'tieu', 'dao', 'ha', 'tram'])
const NOT_GIVEN = new Set(['the', 'to', 'a', 'so', 'no', 'do', 'de', 'le', 'la', 'et', 'on', 'an', 'in', 'at', 'of', 'pm', 'nam', 'bac']);
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'binti', 'al', 'el', 'da', 'dos', 'di', 'du', 'ibn', 'ter']);
const HAS_VI_DIACRITIC = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

export function vnSyllable(t: Tok): boolean {
  return t.word && t.cap && !t.upper && VN_SYLLABLE.test(t.f) && !NOT_GIVEN.has(t.f);
}

/**
 * A capitalised syllable that is also a short English/French word (`An`, `Do`, `To`, `A`):
 * inside a name, followed by another syllable (`Ho An Phong`), it is a middle name.
 */
function midSyllable(t: Tok): boolean {
  return t.word && t.cap && !t.upper && (t.t === 'A' || (VN_SYLLABLE.test(t.f) && NOT_GIVEN.has(t.f)));
}

/**
 * Whether token j goes on a Vietnamese name started at i: a syllable, spaced or glued to a word.
 * A syllable that is also a short word (`An`, `Do`) is a given name inside a name, or closing one
 * of two syllables already (`Pham Thien An`).
 */
function continuesVnName(toks: Tok[], i: number, j: number): boolean {
  const t = toks[j];
  if (!(t.sp || (t.word && toks[j - 1].word))) return false;
  if (vnSyllable(t)) return true;
  // `The` (Thế) only inside, before a syllable (`Nguyen The Hoan`, `Ton Nu The Trang`): closing a name it is the article
  return midSyllable(t) && (vnSyllable(toks[j + 1] ?? t) || (j - i >= 2 && t.t !== 'A' && t.f !== 'the' && !(toks[j + 1]?.word && toks[j + 1].cap)));
}

/** A lower-case word of four letters or more that is no syllable (`héros`, `éminent`), unlike `yeong` of `Seo-yeong`. */
function frenchWordAfterHyphen(t: Tok | undefined): boolean {
  return !!t && t.word && !t.cap && !t.sp && t.f.length >= 4 && !VN_SYLLABLE.test(t.f);
}

/** Hmong clan names (Thào, Sùng, Vàng, Chang, …), written before the middle name `A` of men's names. */
const HMONG_CLANS = new Set('thao sung vang chang mua lau hang trang giang ly cu'.split(' '));
/**
 * `Thao A Do`, `Vang A Khua`: a Hmong clan name, the middle name `A`, then one given syllable (even one
 * that is a short word, `Do`, `To`), closed by no further capitalised word. Its end, or -1.
 */
function hmongNameAt(toks: Tok[], i: number): number {
  const [c, a, g, n] = [toks[i], toks[i + 1], toks[i + 2], toks[i + 3]];
  if (!c?.word || !c.cap || c.upper || !(HMONG_CLANS.has(c.f) || familyNames.has(c.f))) return -1;
  if (a?.t !== 'A' || !a.sp || !g?.word || !g.cap || g.upper || !g.sp || !VN_SYLLABLE.test(g.f) || g.f === 'the') return -1;
  return n?.word && n.cap && n.sp ? -1 : i + 3;
}

/**
 * A family name the list does not hold (`Cấn`, `Lộc`, `Quàng`, `Danh`: the rare ones are many, and
 * as bare syllables they are also places' syllables) opening a name with the middle name that
 * marks one, `Thị` or `Văn`, and a given syllable after it (`Can Thi Theu`, `Quang Van Cuong`).
 */
function rareFamilyAt(toks: Tok[], i: number): boolean {
  const [m, g] = [toks[i + 1], toks[i + 2]];
  return vnSyllable(toks[i]) && !!m && m.sp && m.cap && (m.f === 'thi' || m.f === 'van') && !!g && g.sp && vnSyllable(g);
}

/** End of a Vietnamese full name starting at i (2–4 syllables), or -1. */
export function vnNameAt(toks: Tok[], i: number, triggered: boolean): number {
  const t0 = toks[i];
  const hmong = hmongNameAt(toks, i);
  if (hmong > 0) return hmong;
  if (!t0.word || !t0.cap || t0.upper || !(familyNames.has(t0.f) || rareFamilyAt(toks, i))) return -1;
  let j = i + 1;
  while (j < toks.length && j - i < 4 && continuesVnName(toks, i, j)) j++;
  const n = j - i;
  if (n < 2) return -1;
  // `Ho Chi Minh-Ville`, `Thai Nguyen`: places are matched first; here only reject glued hyphens.
  // (`Président Hô Chi Minh-héros de la libération`: a French word glued after the name is not)
  if (toks[j] && toks[j].t === '-' && !toks[j].sp && !frenchWordAfterHyphen(toks[j + 1])) return -1;
  if (AMBIGUOUS.has(t0.f) && !HAS_VI_DIACRITIC.test(t0.t) && !triggered) {
    if (n < 3) return -1;
    if ((t0.f === 'le' || t0.f === 'la') && sentenceStart(toks, i) && n < 3) return -1;
  }
  return j;
}

function isHead(t: Tok): boolean {
  return ORG_HEADS.has(t.f) || EN_ORG_HEADS.has(t.f) || EVENT_HEADS.has(t.f) || EN_EVENT_HEADS.has(t.f) || AGREEMENT_HEADS.has(t.f);
}

/** An initial with its dot before a capitalised word (`Daniel J. Kritenbrink`, `S. Dashtsevel`). */
function initialAt(toks: Tok[], j: number): boolean {
  const t = toks[j];
  return t.word && t.cap && t.t.length === 1 && toks[j + 1]?.t === '.' && !!toks[j + 2]?.word && toks[j + 2].cap && toks[j + 2].sp;
}

/**
 * `Do` (Đỗ) closing a name after a capitalised word in mid-sentence (`Mme Stephanie Do, présidente …`):
 * the Vietnamese family name of a foreign-born person, not the English verb, which opens its sentence.
 */
function vnSurnameLast(toks: Tok[], j: number): boolean {
  const [p, n] = [toks[j - 1], toks[j + 1]];
  return toks[j].t === 'Do' && !!p?.word && p.cap && !p.upper && !STOP.has(p.f) && !(n?.word && n.cap);
}

/** A capitalised word that can be part of a foreign name: not a grammar word, a head word or a title. */
function foreignWordAt(toks: Tok[], j: number): boolean {
  const t = toks[j];
  return t.word && t.cap && !t.upper && (!STOP.has(t.f) || vnSurnameLast(toks, j)) && !(isHead(t) && !nameTong(toks, j)) && !NOT_NAME_WORDS.has(t.f) && titleAt(toks, j) < 0;
}

/**
 * Words of portfolios, bodies and policies, never of a person's name: a role's complement cut
 * short (`Minister of State Meenakshi Lekhi`, `Social Affairs Dao Ngoc Dung`), a company's or a
 * policy's name (`Waste Solutions`, `Act East`) are not names.
 */
const NOT_NAME_WORDS = new Set('affairs relations policy state trade defence defense solutions processing production consuls councillors editor-in-chief international national foreign global honorary marker corps railway station east'.split(' '));

function innerApostrophe(toks: Tok[], j: number): boolean {
  const a = toks[j];
  const p = toks[j - 1];
  const n = toks[j + 1];
  return !!a && (a.t === "'" || a.t === '’') && !a.sp && !!n && n.word && !n.sp && p.word && !['l', 'd', 'qu', 'j', 'n', 's', 'c', 'm', 't'].includes(p.f) && n.f !== 's';
}

/** A foreign name: 2–4 capitalised words (particles allowed inside), not a known place/organisation. */
function foreignNameAt(toks: Tok[], i: number): number {
  let j = i;
  let caps = 0;
  while (j < toks.length && j - i < 5) {
    const t = toks[j];
    if (initialAt(toks, j)) {
      j += 2;
      continue;
    }
    if (foreignWordAt(toks, j)) {
      caps++;
      j++;
      // `Jae-in`, `Chan-o-cha`
      while (toks[j] && toks[j].t === '-' && !toks[j].sp && toks[j + 1]?.word && !toks[j + 1].sp) j += 2;
      // `O'Connor`, `Al-Musta'in`, `Mu’izzaddin`: an apostrophe inside the word (not an elision `l'`, `d'`)
      while (innerApostrophe(toks, j)) j += 2;
      continue;
    }
    if (caps > 0 && t.word && PARTICLES.has(t.f) && toks[j + 1]?.cap) {
      j++;
      continue;
    }
    break;
  }
  if (caps < 1) return -1;
  // a known place or organisation inside is not a person's name (`Zhuang du Guangxi de Chine`), unless it is a
  // city closing a name a known given name opens: a family name (`Simon Birmingham`, `Hanako Kawasaki`)
  for (let k = i; k < j; k++) {
    const g = matchAt(toks, k);
    if (g && k > i && g.end === j && g.entry.id.startsWith('city:') && givenNames.has(toks[i].f)) continue;
    if (g && (k > i || g.end >= j || placeAfterPreposition(toks, i, g))) return -1;
  }
  return j;
}

/** A known place after a locative preposition ends right before i (`reçu mardi à Hanoi | Park Min Soo`): a name may start at i. */
function locativePlaceBefore(toks: Tok[], i: number): boolean {
  const k = placeStartEndingAt(toks, i);
  return k > 0 && afterLocative(toks, k);
}

/** `reçu à Hanoi Dong Soo Kim`, `in Hanoi Pham Van A`: a known place after a locative preposition is the place, and the name starts after it. */
function placeAfterPreposition(toks: Tok[], i: number, g: { end: number; entry: { type: string } }): boolean {
  return g.entry.type === 'LOC' && afterLocative(toks, i);
}

/** A locative preposition right before i (`à`, `in`, `en`, `au`). */
function afterLocative(toks: Tok[], i: number): boolean {
  return ['a', 'à', 'in', 'at', 'en', 'au'].includes(toks[i - 1]?.t.toLowerCase() ?? '');
}

/**
 * How far a role's complement may run: words, apostrophes and hyphens, 16 tokens at most, and no
 * verb or pronoun (`président Yoon Suk Yeol a reçu son homologue vietnamien Vo Van Thuong`: the
 * second name is the counterpart's, not the president's).
 */
function complementLimit(toks: Tok[], te: number): number {
  let lim = te;
  // an initial's dot (`… City K. Srikar Reddy`) and an acronym's brackets (`… Programme (UNDP) Achim Steiner`) stay inside
  while (lim < toks.length && lim - te < 16 && !clauseWord(toks[lim]) && (toks[lim].word || toks[lim].t === "'" || toks[lim].t === '’' || toks[lim].t === '-' || (toks[lim].t === '.' && initialAt(toks, lim - 1)) || bracketedAcronym(toks, lim))) lim++;
  return lim;
}

/** A lower-case word that opens a clause (`a`, `son`, `has`, `who`): no role's complement holds one; `à` folds to `a` and stays. */
function clauseWord(t: Tok): boolean {
  return t.word && !t.cap && CLAUSE_WORDS.has(t.f) && t.t !== 'à';
}

/** An acronym: upper case, or mixed with two capitals or more in eight letters at most (`RoK`, `DPRK`, `PhilHealth` is not). */
function acronymWord(t: Tok | undefined): boolean {
  return !!t && t.word && (t.upper || /^\p{Lu}\p{Ll}?\p{Lu}\p{Lu}?$/u.test(t.t));
}

/** `(UNDP)` at k (the opening or closing bracket of an acronym, or the acronym itself). */
function bracketedAcronym(toks: Tok[], k: number): boolean {
  const t = toks[k].t;
  if (t === '(') return acronymWord(toks[k + 1]) && toks[k + 2]?.t === ')';
  if (t === ')') return acronymWord(toks[k - 1]) && toks[k - 2]?.t === '(';
  return false;
}

/** Portfolio words that close a minister's or a body's complement (`Minister of Infrastructure and Water Management Mark Harbers`, `ministre hongrois de la Justice László Trócsányi`). */
const PORTFOLIO = new Set('state policy affairs justice defence defense management development trade industry health education training finance finances planning investment security police culture sports tourism agriculture environment labour labor transport transports construction information communications energy interior economy commerce welfare resources fisheries science technology innovation homeland immigration intelligence infrastructure programme program defense sante formation travail environnement interieur economie securite tourisme peche recherche'.split(' '));

/** After a nationality adjective (`homologue lao`, `ministre britannique`) a name may start. */
function afterNationality(p: Tok): boolean {
  // a spaced word: not the end of a name cut by an apostrophe (`Ri’ayatuddin`)
  return p.word && p.sp && !p.cap && !STOP.has(p.f) && !ARTICLES.has(p.f) && !['de', 'du', 'des', "d'", 'of', 'for', 'pour'].includes(p.f) && /(ais|aise|ois|oise|ien|ienne|ain|aine|ais|an|ese|ish|ien|ique|in|ine|ol|ole|ois|e|o)$/.test(p.f);
}

/** Right after the name of the body the role belongs to (`President of the European Parliament David Sassoli`). */
function afterBodyName(p: Tok): boolean {
  return p.word && p.cap && (EN_ORG_HEADS.has(p.f) || ORG_HEADS.has(p.f) || BODY_ENDS.has(p.f));
}

/**
 * What may come right before a name inside a role's complement: a place's end, a nationality, a body's name, an
 * acronym in brackets, a portfolio word. (Right after a capitalised title the phrase rule ran over, `Foreign
 * Minister Sergey Lavrov and …`, the caller takes the name too.)
 */
function nameCueBefore(toks: Tok[], m: number, placeEnds: Set<number>): boolean {
  const p = toks[m - 1];
  return placeEnds.has(m) || afterNationality(p) || (afterBodyName(p) && vnNameAt(toks, m - 1, true) < 0) || (p.t === ')' && bracketedAcronym(toks, m - 1)) || (p.word && p.cap && PORTFOLIO.has(p.f));
}

function nameInComplement(toks: Tok[], te: number, k: number): number {
  // the role's complement may run over capitalised names the phrase rule stopped at
  const lim = complementLimit(toks, te);
  const placeEnds = new Set<number>();
  for (let m = te; m < lim; m++) {
    const g = matchAt(toks, m);
    if (g && g.entry.type === 'LOC' && g.end <= lim) placeEnds.add(g.end);
  }
  for (let m = te; m < lim - 1; m++) {
    const t = toks[m];
    const p = toks[m - 1];
    if (!t.word || !t.cap || t.upper) continue;
    if (!(m === te ? p.cap && p.word : nameCueBefore(toks, m, placeEnds))) continue;
    const fe = foreignNameAt(toks, m);
    const next = toks[fe];
    if (fe > 0 && fe <= lim && fe - m >= 2 && fe - m <= 5 && (!next || !next.word || !next.cap) && plainName(toks, m, fe) && !companyWord(toks, m, fe)) return m;
  }
  return k;
}

function roleText(seg: Segment, a: number, b: number): string {
  let s = seg.text.slice(seg.toks[a].s, seg.toks[b - 1].e).trim();
  s = s.replace(/^(le |la |l'|l’)/i, '').replace(/[\s,]+$/, '');
  return s.charAt(0).toLowerCase() === s.charAt(0) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * An English role written in capitals after the name (`, Indian Ambassador to Vietnam`, `, Agriculture Counsellor from
 * the embassy`, `, Samsung Asia’s Regional Director`): one to three capitalised words (a possessive `’s` among them)
 * then a title; the title's end, or -1. Never across a grammar word or an acronym alone.
 */
function capitalisedRoleEnd(toks: Tok[], k: number): number {
  for (let m = k, n = 0; n < 3 && toks[m]?.word && toks[m].cap && !STOP.has(toks[m].f); n++) {
    m++;
    if ((toks[m]?.t === '’' || toks[m]?.t === "'") && toks[m + 1]?.f === 's' && !toks[m].sp) m += 2;
    const te = titleAt(toks, m);
    if (te > 0) return te;
  }
  return -1;
}

/** `, directeur …`; `– Assistant Deputy Minister for …` (a spaced dash, as English captions print it). */
function appositionSeparator(toks: Tok[], j: number): boolean {
  const t = toks[j];
  return !!t && (t.t === ',' || ((t.t === '–' || t.t === '—' || t.t === '-') && t.sp && !!toks[j + 1]?.sp));
}

/** Role written after the name as an apposition: `, directeur du Département ...,` */
function roleAfter(seg: Segment, j: number): string | undefined {
  const toks = seg.toks;
  if (!appositionSeparator(toks, j)) return undefined;
  let k = j + 1;
  if (toks[k] && (toks[k].f === 'le' || toks[k].f === 'la' || toks[k].f === "l'" || toks[k].f === 'the')) k++;
  let te = titleAt(toks, k);
  // `, trade representative at …`, `, senior economic adviser`: up to two plain words before the title
  for (let m = k; te < 0 && m < k + 2 && toks[m]?.word && !toks[m].cap && !STOP.has(toks[m].f) && !ARTICLES.has(toks[m].f); m++) te = titleAt(toks, m + 1);
  if (te < 0) te = capitalisedRoleEnd(toks, k);
  if (te < 0) return undefined;
  let e = te;
  let depth = 0;
  while (e < toks.length) {
    const t = toks[e].t;
    if (t === '(') depth++;
    else if (t === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (t === ',' || t === '.' || t === ';' || t === ':')) break;
    e++;
  }
  return roleText(seg, k, e);
}

/** Reporting verbs that follow a speaker's name: `John Smith said`, `Anna Weber a déclaré`. */
const REPORT_EN = new Set(['said', 'says', 'told', 'stressed', 'noted', 'affirmed', 'added', 'emphasised', 'emphasized', 'highlighted', 'underlined', 'stated', 'explained', 'urged', 'confirmed']);
const REPORT_FR = new Set(['declare', 'affirme', 'souligne', 'indique', 'precise', 'ajoute', 'estime', 'salue', 'explique', 'rappele', 'rappelle', 'confirme', 'insiste']);
function reportsAt(toks: Tok[], j: number): boolean {
  const t = toks[j];
  if (!t || !t.word || t.cap) return false;
  if (REPORT_EN.has(t.f)) return true;
  return t.f === 'a' && !!toks[j + 1] && REPORT_FR.has(toks[j + 1].f);
}

const BODY_ENDS = new Set(['representatives', 'deputies', 'chamber', 'congress', 'parliament', 'senate', 'assembly', 'duma', 'council', 'house']);
const PLACE_BEFORE = new Set(['place', 'rue', 'avenue', 'boulevard', 'quai', 'commune', 'district', 'quartier', 'village', 'hameau', 'marche', 'pont', 'pagode', 'temple', 'lac', 'mont', 'ile', 'province', 'ville', 'stade', 'street', 'road', 'ward', 'commune']);
const VN_STREET = new Set(['Phố', 'Đường', 'Ngõ', 'Chợ', 'Phường', 'Xã', 'Huyện', 'Tỉnh']);

/** A speaker named after the verb or `selon` (`a indiqué Rana Flowers`, `Selon Rana Flowers`, `according to John Smith`). */
function reportedBefore(toks: Tok[], i: number): boolean {
  const p = toks[i - 1];
  if (!p || !p.word) return false;
  if (p.f === 'selon') return true;
  // `d’après Maria Gonzalez`
  if (p.f === 'apres' && ["d'", 'd'].includes(toks[i - 2]?.f ?? '')) return true;
  if (p.f === 'to' && toks[i - 2]?.f === 'according') return true;
  return REPORT_FR.has(p.f) && toks[i - 2]?.f === 'a';
}

/** No grammar word and no known place or organisation in any word (`Le Monde`, `Hanoi Capital`). */
function plainName(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    // the second part of a hyphened given name is no grammar word (`Moon Jae-in`)
    const glued = k > a && toks[k - 1].t === '-' && !toks[k - 1].sp && !toks[k].sp;
    if ((!glued && (STOP.has(toks[k].f) || ARTICLES.has(toks[k].f))) || matchAt(toks, k)) return false;
  }
  return true;
}

/** The person scan's state: candidates go to `out`; `taken` tokens are in a name already; `starts` are where names start. */
interface PersonScan {
  readonly seg: Segment;
  readonly toks: Tok[];
  readonly si: number;
  readonly out: Cand[];
  readonly starts: Set<number>;
  readonly taken: Set<number>;
}

/** Adds a name over free tokens only, with its role (before it, and an apposition after it). */
function addPerson(s: PersonScan, a: number, b: number, role: string | undefined, short = false, alias?: string, solo = false): void {
  for (let k = a; k < b; k++) if (s.taken.has(k)) return;
  for (let k = a; k < b; k++) s.taken.add(k);
  s.starts.add(a);
  const after = short ? undefined : roleAfter(s.seg, b);
  const r = [role, after].filter(Boolean).join(', ') || undefined;
  s.out.push({ seg: s.si, a, b, type: 'PER', prio: short ? 1 : 3, role: r, short, solo: solo || undefined, aliases: alias ? [alias] : undefined });
}

/**
 * `directeur de l'entreprise Bach Dang`, `président de la société Hoa Binh`: syllables right after a
 * lower-case kind word of a body or place (the same words as before a place named after a person) name it.
 */
function kindWordBefore(toks: Tok[], m: number): boolean {
  const p = toks[m - 1];
  return !!p && p.word && !p.cap && NAMED_BEFORE.has(p.f);
}

/** Where a title's complement ends (`des Affaires étrangères`, `du Comité ...`), before any name it holds. */
function roleComplementEnd(toks: Tok[], te: number): number {
  let k = extendPhrase(toks, te, { maxLen: 14, title: true });
  // do not swallow a Vietnamese name inside the complement
  for (let m = te; m < k; m++) {
    if (vnNameAt(toks, m, true) > 0 && (toks[m - 1]?.cap || !['de', 'du', 'des', "d'", 'of'].includes(toks[m - 1]?.f ?? '')) && !kindWordBefore(toks, m)) {
      k = m;
      break;
    }
  }
  // a foreign name right after the role's country or nationality, no title between
  // (`du président du Pérou Ana Torres`, `son homologue lao Khamphet Vongsa`,
  // `President of the Senate of Romania Anca Dana Dragu`): the role ends before it
  k = nameInComplement(toks, te, k);
  // `directeur général de la société AT&S, Ingolf Schroeder`: an acronym the phrase stopped at
  if (toks[k] && (toks[k].upper || toks[k].t === '&')) {
    let c = k;
    while (c < k + 5 && toks[c] && (toks[c].upper || /^\p{Lu}$/u.test(toks[c].t) || toks[c].t === '&' || toks[c].t === '-')) c++;
    if (toks[c]?.t === ',') k = c;
  }
  return k;
}

/** A title or honorific at i: where the name should start, the role's span [roleA, roleB), and where the scan resumes. */
function triggerAt(toks: Tok[], i: number): { nameAt: number; roleA: number; roleB: number; resume: number } | null {
  const t = toks[i];
  // honorifics are not roles
  if (t.word && honorifics.has(t.f) && (t.cap || t.f === 'mme')) return { nameAt: toks[i + 1]?.t === '.' ? i + 2 : i + 1, roleA: i, roleB: i, resume: i };
  const te = titleAt(toks, i);
  if (te < 0 || staffOrConsulateGeneral(toks, i, te)) return null;
  const roleB = roleComplementEnd(toks, te);
  return { nameAt: toks[roleB]?.t === ',' ? roleB + 1 : roleB, roleA: i, roleB, resume: te - 1 };
}

/** `General Staff`, `Consulate General`: `General` naming a body, not a rank before a person. */
function staffOrConsulateGeneral(toks: Tok[], i: number, te: number): boolean {
  return toks[i].f === 'general' && te === i + 1 && (toks[i + 1]?.f === 'staff' || toks[i - 1]?.f === 'consulate');
}

/**
 * `l'ambassadeur du Vietnam, Mme Nguyen Thi Hoang Anh`, `le Professeur Sir Harold Kroto`: an
 * honorific between a role and the name belongs to neither (it would read as an initial `M.`).
 */
function afterHonorific(toks: Tok[], at: number, hasRole: boolean): number {
  const h = toks[at];
  if (!hasRole || !h || !h.word || !h.cap || !honorifics.has(h.f)) return at;
  const k = toks[at + 1]?.t === '.' ? at + 2 : at + 1;
  return toks[k]?.word && toks[k].cap ? k : at;
}

/** Titles of sovereigns and popes, named by one name (and a regnal number). */
const SOVEREIGNS = new Set(['roi', 'reine', 'king', 'queen', 'empereur', 'imperatrice', 'emperor', 'empress', 'pape', 'pope', 'sultan', 'emir', 'prince', 'princesse', 'princess']);

/**
 * `le président indonésien Suharto`, `le Premier ministre indien Modi`: one foreign name right after a role and a
 * lower-case nationality adjective is a person of its own when no full name of the article ends in it.
 */
function soloAfterNationality(toks: Tok[], roleA: number, nameAt: number): boolean {
  const p = toks[nameAt - 1];
  if (nameAt - roleA < 2 || !p || !afterNationality(p) || !/(ais|ois|ien|ain|an|ese|ish|ique|in|ol|lao|thai)$/.test(p.f.replace(/n?e$/, ''))) return false;
  // the role of a person, not the complement of a body (`directeur de l'Agence de voyage Oxalis`)
  for (let k = roleA; k < nameAt; k++) if (isHead(toks[k])) return false;
  return !vnSyllable(toks[nameAt]) && toks[nameAt].f.length >= 4;
}

/**
 * `le président Sukarno`, `le Premier ministre Mahathir`: one name right after a French role written in lower case
 * (English capitalises its roles, so the word after one is often another role word) is a person of its own when no
 * full name of the article ends in it; not a nationality, a title, a known name or a short word.
 */
function soloAfterFrenchRole(toks: Tok[], roleA: number, roleB: number, nameAt: number): boolean {
  if (roleB <= roleA || toks[roleA].cap || nameAt !== roleB) return false;
  for (let k = roleA; k < roleB; k++) if (isHead(toks[k]) || (toks[k].word && !/^\p{Ll}/u.test(toks[k].t) && k > roleA)) return false;
  const n = toks[nameAt];
  return n.f.length >= 4 && !EN_DEMONYMS.has(n.f) && titleAt(toks, nameAt) < 0 && !matchAt(toks, nameAt) && !vnSyllable(n);
}

/** Two names an old capture glued into one word (`GéraldDarmanin`, `PennyWong`): a full name, not a short mention. */
const GLUED_FULL = /^(?!Ma?c\p{Lu})\p{Lu}\p{Ll}{2,}\p{Lu}\p{Ll}{2,}$/u;

/** 1. The name after a title or honorific at i (`le président Luong Cuong`, `M. Smith`). */
function titledName(s: PersonScan, i: number, trig: { nameAt: number; roleA: number; roleB: number }): void {
  const { seg, toks } = s;
  const { roleA, roleB } = trig;
  const nameAt = afterHonorific(toks, trig.nameAt, roleB > roleA);
  const n0 = toks[nameAt];
  const vn = n0 && n0.cap && !n0.upper && !kindWordBefore(toks, nameAt) ? vnNameAt(toks, nameAt, true) : -1;
  let fe = n0 && n0.cap && !n0.upper && !kindWordBefore(toks, nameAt) && vn < 0 ? foreignNameAt(toks, nameAt) : -1;
  if (vn < 0 && fe < 0) {
    if (roleB > roleA) nameAfterRoleComma(s, roleA, roleB);
    return;
  }
  const role = roleB > roleA ? roleText(seg, roleA, roleB) : undefined;
  if (vn > 0) {
    addPerson(s, nameAt, vn, role);
    return;
  }
  // a monarch's or pope's name is whole in one word, with its regnal number (`roi Charles III`, `Pope Francis`)
  const regnal = toks.slice(roleA, Math.max(roleA + 1, roleB)).some((x) => SOVEREIGNS.has(x.f));
  if (regnal && toks[fe] && /^[IVX]{1,6}$/.test(toks[fe].t) && toks[fe].sp) fe++;
  const next = toks[fe];
  const boundary = !next || !next.word || !next.cap;
  if (!boundary) return;
  if (regnal && roleB > roleA) addPerson(s, nameAt, fe, role);
  else if (fe - nameAt === 1 && !GLUED_FULL.test(n0.t)) addPerson(s, nameAt, fe, role, true, roleB === roleA ? seg.text.slice(toks[i].s, toks[nameAt].e) : undefined, soloAfterNationality(toks, roleA, nameAt) || soloAfterFrenchRole(toks, roleA, roleB, nameAt));
  else addPerson(s, nameAt, fe, role);
}

/** Grammar words a role's complement holds (`du Parti Amanat au pouvoir`, `Representative in Vietnam`); other grammar words (a verb, a relative) end it. */
const COMPLEMENT_GRAMMAR = new Set(['the', 'in', 'at', 'from', 'with', 'by', 'dans', 'avec', 'chez', 'entre', 'sous', 'aupres']);

/**
 * Where the rest of a role's complement that the phrase rule stopped at ends in a comma (`Institut de culture
 * Argentine-Vietnam,`, `Fonds international "La voie de la paix",`, `Parti Amanat au pouvoir,`): no verb, relative or
 * sentence break on the way, 20 tokens at most. The comma's index, or -1.
 */
function roleCommaAt(toks: Tok[], from: number): number {
  for (let k = from; k < toks.length && k - from < 20; k++) {
    const t = toks[k];
    if (t.t === ',') return k;
    if (['.', ';', ':', '!', '?', '–', '—'].includes(t.t) && !(t.t === '.' && initialAt(toks, k - 1))) return -1;
    if (t.word && !t.cap && STOP.has(t.f) && !COMPLEMENT_GRAMMAR.has(t.f) && t.t.toLowerCase() !== 'à') return -1;
  }
  return -1;
}

/**
 * 1b. `la présidente de l'Institut de culture Argentine-Vietnam, Poldi Sosa, a affirmé`, `le président du Parti
 * Amanat au pouvoir, Yerlan Koshanov,`: when no name follows the role phrase, the name of two words or more
 * right after the comma that ends its complement, closed by punctuation or a reporting verb, is the role-holder's.
 */
function nameAfterRoleComma(s: PersonScan, roleA: number, roleB: number): void {
  const toks = s.toks;
  const c = roleCommaAt(toks, roleB);
  if (c < 0) return;
  const a = afterHonorific(toks, c + 1, true);
  const n0 = toks[a];
  if (!n0?.word || !n0.cap || n0.upper) return;
  const vn = vnNameAt(toks, a, true);
  const e = vn > 0 ? vn : foreignNameAt(toks, a);
  const next = toks[e];
  const closed = !next || [',', '.', ';', ')'].includes(next.t) || reportsAt(toks, e);
  if (e - a < 2 || e - a > 5 || !closed || (vn < 0 && !plainName(toks, a, e))) return;
  addPerson(s, a, e, roleText(s.seg, roleA, c));
}

/** 2. A Vietnamese name anywhere; 3. a foreign name followed by an apposition role or a reporting verb. Its end, or -1. */
function untitledNameEnd(scan: PersonScan, i: number): number {
  const vn = untitledVietnameseEnd(scan, i);
  return vn > 0 ? vn : untitledForeignEnd(scan, i);
}

/** 2. Vietnamese syllables naming a person, not a place, festival or body. Its end, or -1. */
function untitledVietnameseEnd(scan: PersonScan, i: number): number {
  const toks = scan.toks;
  // after a place's kind word (`place Dông Kinh Nghia Thuc`, `rue Trân Phu`) or as a Vietnamese
  // street name (`Phố Hàng Đường`) the syllables name a place, not a person
  let vn = PLACE_BEFORE.has(toks[i - 1]?.f ?? '') || VN_STREET.has(toks[i].t) ? -1 : vnNameAt(toks, i, false);
  // `Do Quyen, a local in Hanoi, said`, `Le Hoa, 35, …`: an apposition that only a person takes
  if (vn < 0 && !PLACE_BEFORE.has(toks[i - 1]?.f ?? '')) {
    const e = vnNameAt(toks, i, true);
    if (e > 0 && (ageAfter(toks, e) || personApposition(toks, e))) vn = e;
  }
  if (vn > 0 && namedAfterPerson(toks, i, vn)) {
    // the whole name is the place's or body's: its later syllables start no person (`prix «Vo Truong Toan»`)
    for (let k = i; k < vn; k++) scan.taken.add(k);
    return -1;
  }
  // `Au Têt Trung Thu`: a known festival or body right after the first syllable (not a place:
  // given names are often province names, `Nguyen Thai Binh`)
  if (vn > 0 && matchAt(toks, i + 1) && matchAt(toks, i + 1)!.entry.type !== 'LOC') return -1;
  // `Hoa Phat Dung Quat (complex)`: a known company of two syllables or more, then a place, names its plant
  if (vn > 0 && knownOrgPrefix(toks, i, vn)) return -1;
  if (vn > 0 && inPlaceList(toks, i, vn)) {
    // an item of a list of streets, communes or markets is that place
    scan.out.push({ seg: scan.si, a: i, b: vn, type: 'LOC', prio: 1 });
    for (let k = i; k < vn; k++) scan.taken.add(k);
    return -1;
  }
  return vn;
}

/** A known organisation of two tokens or more starts at i and ends inside the name [i, e). */
function knownOrgPrefix(toks: Tok[], i: number, e: number): boolean {
  const g = matchAt(toks, i);
  return !!g && g.entry.type === 'ORG' && g.end - i >= 2 && g.end < e;
}

/** Kind words of places and bodies written before a name (`commune de Lâm Hai`, `Université Tôn Duc Thang`, `prix «Vo Truong Toan»`). */
const NAMED_BEFORE = new Set('commune district arrondissement quartier village hameau province ville rue avenue boulevard route pont gymnase stade jardin parc marche pagode temple lac universite lycee ecole college hopital groupe societe entreprise compagnie fonds prix ordre order medaille edition institut musee theatre fondation bourse coupe trophee secteur site aeroport'.split(' '));
/** French kind words (folded) that an adjective may follow before the person the place or body is named after. */
const FR_KIND_BEFORE_ADJ = new Set('rue route pont ecole lycee universite hopital pagode gymnase stade jardin musee theatre quartier hameau marche entreprise societe compagnie groupe aeroport fondation'.split(' '));
/** Kind words written after it in English (`Dinh Hoa commune`, `Be Van Dan primary school`, `Duong Dong wharf`), lower case or capitalised. */
const NAMED_AFTER = new Set('commune district ward hamlet village town township province city street road boulevard avenue bridge wharf port pier market pagoda temple lake river island beach park school university college hospital institute museum exchange stadium gymnasium monument memorial mausoleum relic site square airport station'.split(' '));
const NAMED_MODS = new Set('primary secondary high border international national industrial junior senior general stock relic memorial'.split(' '));
/**
 * Vietnamese streets, communes, schools, prizes and orders are named after people: syllables next
 * to such a kind word (before it, or after it in English order) name the place or body, not a person.
 */
function namedAfterPerson(toks: Tok[], i: number, e: number): boolean {
  let b = i - 1;
  if (toks[b] && ['«', '"', '“'].includes(toks[b].t)) b--;
  if (toks[b] && ['de', 'du', "d'"].includes(toks[b].f) && toks[b - 1]?.word && !toks[b - 1].cap) b--;
  if (toks[b]?.word && NAMED_BEFORE.has(toks[b].f)) return true;
  // one adjective between (`la route côtière Trân Quôc Toan`, `l'école primaire Le Loi`): French kind words only, not
  // English ones a verb may follow (`district caught Hoang Van A`)
  if (toks[b]?.word && !toks[b].cap && !STOP.has(toks[b].f) && toks[b - 1]?.word && !toks[b - 1].cap && FR_KIND_BEFORE_ADJ.has(toks[b - 1].f)) return true;
  let a = e;
  while (a < e + 2 && toks[a]?.word && NAMED_MODS.has(toks[a].f)) a++;
  return !!toks[a]?.word && NAMED_AFTER.has(toks[a].f) && (toks[a].sp || a > e);
}

/** A capitalised word that may open a foreign name: not inside a capitalised run (unless a nationality or a leading word is before it), not a sentence-leading English word, not a body's field. */
function foreignNameMayStart(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (!(t.cap && !t.upper && (i === 0 || !toks[i - 1].cap || nationalityBefore(toks, i) || leadingWordBefore(toks, i) || locativePlaceBefore(toks, i)))) return false;
  return !(sentenceStart(toks, i) && EN_SENTENCE_LEADS.has(t.f)) && !bodyFieldBefore(toks, i);
}

/** 3. A foreign name placed by an apposition role, a reporting verb, an age, a nationality or a country. Its end, or -1. */
function untitledForeignEnd({ seg, toks }: PersonScan, i: number): number {
  const t = toks[i];
  if (!foreignNameMayStart(toks, i)) return -1;
  const fe = foreignNameAt(toks, i);
  // `le Japonais Tokuda, …`: one name after a nationality noun, closed by punctuation
  if (fe - i === 1 && nationalityBefore(toks, i) && !matchAt(toks, i) && toks[fe] && !toks[fe].word && !toks[fe].num && toks[fe].t !== '-') return fe;
  if (fe - i >= 2 && fe - i <= 3 && ageAfter(toks, fe) && plainName(toks, i, fe)) return fe;
  if (fe - i >= 2 && nameByItsShape(toks, i, fe)) return fe;
  const placed = (reportsAt(toks, fe) || reportedBefore(toks, i) || countryAround(toks, i, fe) || englishPersonCue(toks, fe)) && plainName(toks, i, fe);
  if (fe - i >= 2 && (roleAfter(seg, fe) || placed) && !(sentenceStart(toks, i) && STOP.has(t.f))) return fe;
  return -1;
}

/** Two to four capitalised words that are a person's name by their own shape: a known given name first, or a Korean, Japanese or Chinese name. */
function nameByItsShape(toks: Tok[], i: number, fe: number): boolean {
  return (givenNameOpens(toks, i, fe) || asianNameShape(toks, i, fe)) && !namedAfterPerson(toks, i, fe);
}

/** Capitalised kind words that close a place or body named after a person, beside NAMED_AFTER's. */
const NAMED_INSIDE = new Set(['bay', 'stiftung', 'onsen', 'resort', 'hotel', 'foundation', 'prize', 'award', 'cup', 'center', 'centre', 'hall', 'tower', 'gate', 'bridge', 'harbour', 'harbor']);
/** Words before a given name that make the name a place's or a saint's (`Saint Paul`, `San Martín`). */
const SAINT = new Set(['saint', 'sainte', 'st', 'ste', 'san', 'santa', 'santo', 'sao']);
/**
 * `Juliette Binoche et Audrey Tautou`, `David Payne`: a known given name (given-names.json) opening two to four
 * capitalised words that are no known place or body (foreignNameAt) is a person's name with no cue at all, unless
 * a kind word inside makes it a place or body named after a person (nameByItsShape checks the kind words around it:
 * `rue Paul Doumer`, `Marie Curie High School`).
 */
function givenNameOpens(toks: Tok[], i: number, fe: number): boolean {
  if (!givenNames.has(toks[i].f) || fe - i > 4) return false;
  if (SAINT.has(toks[i - 1]?.f ?? '')) return false;
  // the second part of a hyphened name (`Al-Mustafa Billah Shah`) is no name's start
  if (toks[i - 1]?.t === '-' && !toks[i - 1].sp) return false;
  const after = toks[fe];
  if (after?.word && after.cap && isHead(after)) return false;
  for (let k = i + 1; k < fe; k++) {
    if ((STOP.has(toks[k].f) || ARTICLES.has(toks[k].f)) && !PARTICLES.has(toks[k].f) && !vnSurnameLast(toks, k)) return false;
    // a kind word inside (`Abdullah bin Khalifa Stadium`, `Nelson Mandela Bay`, `Konrad Adenauer Stiftung`)
    if (NAMED_AFTER.has(toks[k].f) || NAMED_INSIDE.has(toks[k].f)) return false;
  }
  return true;
}

/** `Ministry of | Foreign Affairs of Brazil`, `Institute for | International Relations`: words after a body's head and `of`/`for` are its field, not a person. */
function bodyFieldBefore(toks: Tok[], i: number): boolean {
  const k = toks[i - 1]?.f === 'the' ? i - 2 : i - 1;
  const head = toks[k - 1];
  return (toks[k]?.f === 'of' || toks[k]?.f === 'for') && !!head && head.cap && EN_ORG_HEADS.has(head.f);
}

/** `, 26,` / `, 18;` / `(35)` right after a name: a person's age, as news reports print it. */
function ageAfter(toks: Tok[], e: number): boolean {
  const c = toks[e];
  const n = toks[e + 1];
  const close = toks[e + 2];
  if (!c || !n || !close || !n.num || !/^\d{1,2}$/.test(n.f)) return false;
  return (c.t === ',' && [',', ';'].includes(close.t)) || (c.t === '(' && close.t === ')' && !!toks[e + 3] && !toks[e + 3].num);
}

/** `, a local in Hanoi`, `, a resident of …`, `, an official of …`: an English apposition naming a person's standing. */
const PERSON_NOUNS = new Set('local resident villager farmer teacher student worker official officer doctor nurse visitor tourist mother father wife husband son daughter owner vendor fisherman driver'.split(' '));
function personApposition(toks: Tok[], e: number): boolean {
  return toks[e]?.t === ',' && ['a', 'an'].includes(toks[e + 1]?.f ?? '') && PERSON_NOUNS.has(toks[e + 2]?.f ?? '');
}

/** English words that open a sentence before a name (`Although Park Hang-seo, who …`). */
const EN_SENTENCE_LEADS = new Set('although though while when after before since because if unless meanwhile however moreover besides also earlier later then'.split(' '));
/** French words that open a sentence before a speaker's name (`Selon Maria Gonzalez, …`): capitalised only because they open it. */
const FR_SENTENCE_LEADS = new Set(['selon']);
function leadingWordBefore(toks: Tok[], i: number): boolean {
  return i > 0 && sentenceStart(toks, i - 1) && (EN_SENTENCE_LEADS.has(toks[i - 1].f) || FR_SENTENCE_LEADS.has(toks[i - 1].f));
}

/** Nouns of a person's standing or trade in an English apposition (`, an Egyptian artist`, `, a researcher of …`). */
const EN_PERSON_TRADES = new Set('artist researcher member expert scholar professor lecturer economist analyst journalist writer poet painter singer musician designer photographer filmmaker historian scientist engineer architect volunteer activist founder entrepreneur businessman businesswoman player coach athlete veteran survivor victim'.split(' '));
/** `Hong Shurany, du Comité de liaison …`, `Anna Berg, of the Swedish Institute`: a person, placed by the body they speak for. */
function bodyAfterComma(toks: Tok[], e: number): boolean {
  if (toks[e]?.t !== ',') return false;
  let k = e + 1;
  const w = toks[k]?.f;
  if (w === 'du') k += 1;
  else if ((w === 'de' && (toks[k + 1]?.f === 'la' || toks[k + 1]?.f === "l'")) || (w === 'of' && toks[k + 1]?.f === 'the')) k += 2;
  else return false;
  const h = toks[k];
  return !!h?.word && h.cap && (ORG_HEADS.has(h.f) || EN_ORG_HEADS.has(h.f));
}

/**
 * The congratulation message's shape: `to Erlan Koshanov on his election as Speaker`, `à Ana Torres
 * pour son élection au poste de …`, `on her re-election`, `pour sa nomination`. Only a person is elected
 * or appointed with a possessive of a person.
 */
const ELECTED = new Set(['election', 're-election', 'reelection', 'appointment', 'inauguration', 'nomination']);
function electedAfter(toks: Tok[], e: number): boolean {
  const [a, b, c] = [toks[e], toks[e + 1], toks[e + 2]];
  if (a?.f === 'on' && (b?.f === 'his' || b?.f === 'her')) return !!c && (ELECTED.has(c.f) || (c.f === 're' && toks[e + 3]?.t === '-' && toks[e + 4]?.f === 'election'));
  return a?.f === 'pour' && (b?.f === 'son' || b?.f === 'sa') && !!c && ELECTED.has(c.f);
}

/**
 * English cues after two or three plain capitalised words that make them a person's name: `, who …`, `from the <body>`,
 * `, one of the …`, `, a/an (one or two words) <trade>`, or a standing noun (`, a researcher of`).
 */
function englishPersonCue(toks: Tok[], e: number): boolean {
  // `Ekaterina Koldunova from the Moscow State Institute …`
  if (toks[e]?.f === 'from' && toks[e + 1]?.f === 'the' && toks[e + 2]?.cap) return true;
  if (electedAfter(toks, e) || bodyAfterComma(toks, e)) return true;
  if (toks[e]?.t !== ',') return false;
  const n = toks[e + 1];
  if (!n?.word || n.cap) return false;
  if (n.f === 'who' || (n.f === 'one' && toks[e + 2]?.f === 'of')) return true;
  if (n.f !== 'a' && n.f !== 'an') return false;
  for (let k = e + 2; k < e + 5 && toks[k]?.word; k++) {
    if (EN_PERSON_TRADES.has(toks[k].f) || PERSON_NOUNS.has(toks[k].f)) return true;
    if (STOP.has(toks[k].f)) return false;
  }
  return false;
}

/** Plural kind words of places listed by name (`les rues A, B et C`, `villages de A et B`, `A and B communes`). */
const PLACE_PLURALS = new Set('marches markets gates ponts bridges lacs lakes rues villages hameaux communes quartiers districts provinces iles ilots pagodes temples routes avenues streets roads wards hamlets islands islets'.split(' '));
/**
 * Whether the name [i, e) is an item of a list of places: capitalised words, commas and `et`/`and`
 * back to a plural kind word (`les rues Hàng Buôm, …, Luong Ngoc Quyên`), or on to one after (`My Nhon and Thuy An communes`).
 */
function inPlaceList(toks: Tok[], i: number, e: number): boolean {
  const item = (t: Tok) => (t.word && t.cap) || t.t === ',' || t.f === 'et' || t.f === 'and';
  let k = i - 1;
  while (k >= 0 && i - k < 30 && item(toks[k])) k--;
  if (k >= 0 && ['de', 'des', "d'"].includes(toks[k].f)) k--;
  else if (k >= 0) k = listIntro(toks, k);
  if (k >= 0 && PLACE_PLURALS.has(toks[k].f) && k < i - 1) return true;
  let m = e;
  while (m < toks.length && m - e < 30 && item(toks[m])) m++;
  const sep = (t: Tok | undefined) => !!t && (t.t === ',' || t.f === 'et' || t.f === 'and');
  return m < toks.length && PLACE_PLURALS.has(toks[m].f) && !toks[m].cap && (sep(toks[i - 1]) || sep(toks[e]));
}

/**
 * `rues calmes comme`, `sept communes que sont`, `communes dont`, `streets such as`, `border gates, namely`:
 * the words that introduce a list after its plural kind word; the index of that kind word's slot.
 */
function listIntro(toks: Tok[], k: number): number {
  const f = toks[k].f;
  const two = (f === 'as' && toks[k - 1]?.f === 'such') || (f === 'que' && ['tels', 'telles', 'sont'].includes(toks[k - 1]?.f ?? ''));
  if (!two && !['comme', 'dont', 'namely', 'including'].includes(f)) return k;
  let m = two ? k - 2 : k - 1;
  if (toks[m]?.t === ',') m--;
  // one adjective between (`rues calmes comme`)
  if (toks[m] && !PLACE_PLURALS.has(toks[m].f) && toks[m].word && !toks[m].cap && PLACE_PLURALS.has(toks[m - 1]?.f ?? '')) m--;
  return m;
}

/** A country (or any known place) whose span ends right at e (`China`, `New Zealand`). */
function placeEndsAt(toks: Tok[], e: number): boolean {
  for (let k = Math.max(0, e - 4); k < e; k++) {
    const g = matchAt(toks, k);
    if (g && g.end === e && g.entry.type === 'LOC') return true;
  }
  return false;
}

/** Words of state, building, media and company names (`Socialist Republic of Vietnam`, `Domrey News`, `X Investment (Hong Kong)`), never of a person's. */
const NOT_PERSON_WORDS = new Set('republic republique kingdom royaume palace palais state etat federation people peuple democratic socialist islamic union news times post daily tribune herald journal magazine radio tv television website investment investments limited holdings holding industries industrial joint venture co company corporation solutions technology technologies energy solar airlines motors bank capital'.split(' '));
/** A word of a state's, a medium's or a company's name in [a, b) (`Industrial Park Joint Venture Co`). */
function companyWord(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (NOT_PERSON_WORDS.has(toks[k].f)) return true;
  return false;
}
const NATIONALITY_NOUN = /(ais|aise|ois|oise|ien|ienne|ain|aine|an|ane|in|ine|en|enne|ol|ole|ec|eque|que|ite|ite|ais)$/;
/**
 * A foreign name [i, fe) placed by its country, as sports and culture stories write them:
 * `China’s Sung Fei Xiang`, `Neslihan Yigit of Turkey`, `Brittney Tam from Canada`,
 * `Chom Chuen Nathawat de Thaïlande`, `la Japonaise Ohashi Yui`, `l’Indien Thalappil Pradeep`.
 */
function countryAround(toks: Tok[], i: number, fe: number): boolean {
  for (let k = i; k < fe; k++) if (NOT_PERSON_WORDS.has(toks[k].f)) return false;
  // `China’s X`: a place, an apostrophe and `s` right before
  if (toks[i - 1]?.f === 's' && (toks[i - 2]?.t === '’' || toks[i - 2]?.t === "'") && placeEndsAt(toks, i - 2)) return true;
  // `X of Turkey`, `X from Canada`, `X de Thaïlande` closing the name's clause
  const p = toks[fe];
  if (p && ['of', 'from', 'de', 'du'].includes(p.f)) {
    const g = matchAt(toks, fe + 1);
    const after = g ? toks[g.end] : undefined;
    if (g && g.entry.id.startsWith('c:') && (!after || !after.word || !after.cap)) return true;
  }
  // `Joseph Haydn (Autriche)`, `David Neil Payne (Royaume-Uni)`: a country in brackets right after;
  // in sports results also with more after it (`Wang Li (Taïwan-Chine)`, `Wu Bin (Chine, 12 médailles d'or)`)
  if (p?.t === '(') {
    const g = matchAt(toks, fe + 1);
    if (g && g.entry.id.startsWith('c:') && [')', ',', '-'].includes(toks[g.end]?.t ?? '')) return true;
  }
  return nationalityBefore(toks, i);
}

/** `la Japonaise X`, `le Philippin X`, `l’Indienne X`: a capitalised nationality noun after an article. */
function nationalityBefore(toks: Tok[], i: number): boolean {
  const n = toks[i - 1];
  // `le Sud-Coréen X`, `la Nord-Coréenne X`: a compass word glued before the nationality
  const compound = toks[i - 2]?.t === '-' && !toks[i - 2].sp && n?.sp === false && ['sud', 'nord'].includes(toks[i - 3]?.f ?? '');
  const a = toks[compound ? i - 4 : i - 2];
  return !!n && !!a && n.word && n.cap && !n.upper && ['le', 'la', "l'", 'les', 'au', 'du'].includes(a.f) && NATIONALITY_NOUN.test(n.f) && !matchAt(toks, i - 1) && !isHead(n) && titleAt(toks, i - 1) < 0;
}

/** Plural nouns of people's trades that a list of names follows (`designers such as A, B and C`). */
const EN_TRADE_PLURALS = new Set('artists singers designers musicians performers actors actresses painters writers poets athletes players footballers stars celebrities models composers directors archers karatekas swimmers shooters weightlifters wrestlers boxers cyclists runners gymnasts fencers judokas'.split(' '));

/** French plural nouns of people's trades and standing (folded) that a list of names follows (`artistes du peuple, dont A, B et C`). */
const FR_TRADE_PLURALS = new Set('artistes chanteurs chanteuses musiciens musiciennes peintres ecrivains poetes comediens acteurs actrices joueurs joueuses athletes espoirs stars vedettes coureurs coureuses nageurs nageuses footballeurs pongistes stylistes'.split(' '));

/** One lower-case adjective between a trade noun and its list (`espoirs vietnamiens comme`). */
function frenchListAdjective(t: Tok | undefined): boolean {
  return !!t && t.word && !t.cap && !STOP.has(t.f) && !['comme', 'dont', 'tels', 'telles'].includes(t.f);
}

/**
 * `artistes du peuple, dont …`, `espoirs vietnamiens comme …`, `de nombreux artistes : …`, `chanteurs tels que …`:
 * after a French plural trade noun, its honour (`du peuple`) or one adjective, a comma, then `comme`, `dont`,
 * `tels que`, `à savoir` or a colon; the index of the first item, or -1.
 */
function frenchTradeListStart(toks: Tok[], k: number): number {
  let m = k + 1;
  const honour = toks[m]?.f === 'du' && toks[m + 1]?.f === 'peuple';
  // `les artistes du peuple Thu Ha et Quang Vinh`: the honour, then the names without an intro
  if (honour && toks[m + 2]?.cap && toks[m + 2].word) return m + 2;
  if (honour) m += 2;
  else if (frenchListAdjective(toks[m])) m++;
  if (toks[m]?.t === ',') m++;
  const f = toks[m]?.f;
  if (f === 'comme' || f === 'dont' || toks[m]?.t === ':') return m + 1;
  if ((f === 'tels' || f === 'telles') && toks[m + 1]?.f === 'que') return m + 2;
  return f === 'a' && toks[m + 1]?.f === 'savoir' ? m + 2 : -1;
}

/**
 * After a plural trade noun, the words that open a list of its members: `such as`, `like`, `including`,
 * `namely`, or `as` closing `such (renowned) designers as`; the index of the first item, or -1.
 */
function tradeListStart(toks: Tok[], k: number): number {
  let m = k + 1;
  // a place between (`artists in Vietnam such as …`, `singers from Hue like …`)
  if (['in', 'from', 'of'].includes(toks[m]?.f ?? '') && toks[m + 1]?.cap) {
    m += 2;
    while (m - k < 5 && toks[m]?.word && toks[m].cap) m++;
  }
  if (toks[m]?.t === ',') m++;
  const f = toks[m]?.f;
  if (f === 'such' && toks[m + 1]?.f === 'as') return m + 2;
  if (f === 'like' || f === 'including' || f === 'namely') return m + 1;
  const suchBefore = toks.slice(Math.max(0, k - 3), k).some((x) => x.f === 'such');
  return f === 'as' && m === k + 1 && suchBefore ? m + 1 : -1;
}

/** A list item: two or three Vietnamese syllables (a stage name, `Minh Hanh`) or a foreign name of two words or more; its end, or -1. */
function listedNameEnd(toks: Tok[], j: number): number {
  const vn = vnNameAt(toks, j, true);
  if (vn > 0) return vn;
  let e = j;
  while (e - j < 3 && toks[e] && vnSyllable(toks[e]) && (e === j || toks[e].sp)) e++;
  if (e - j >= 2) return e;
  const fe = foreignNameAt(toks, j);
  return fe - j >= 2 ? fe : -1;
}

/**
 * A list item with no grammar word and no known name starting it; a place name later in it is a given
 * name (`Quang Vinh`, `Thu Ha`: Vietnamese given names are often province or city names).
 */
function listItemPlain(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (STOP.has(toks[k].f) || ARTICLES.has(toks[k].f)) return false;
    const g = matchAt(toks, k);
    if (g && (k === a || g.entry.type !== 'LOC' || g.end > b)) return false;
  }
  return true;
}

/**
 * 5. `renowned designers such as Minh Hanh, Ngoc Han and Lan Huong`, `singers like Thu Ha and Kim Lan`: the
 * capitalised items of a list after a plural trade noun are people, even stage names without a family name.
 * Items are taken while they are names closed by a comma, `and` or the list's end.
 */
function tradeListNames(s: PersonScan): void {
  const toks = s.toks;
  for (let k = 0; k < toks.length; k++) {
    if (!toks[k].word || toks[k].cap) continue;
    const fr = FR_TRADE_PLURALS.has(toks[k].f);
    if (!fr && !EN_TRADE_PLURALS.has(toks[k].f)) continue;
    let j = fr ? frenchTradeListStart(toks, k) : tradeListStart(toks, k);
    while (j > 0 && j < toks.length) {
      const e = listedNameEnd(toks, j);
      const nx = toks[e];
      if (e < 0 || !listItemPlain(toks, j, e) || (nx && nx.word && nx.cap)) break;
      addPerson(s, j, e, undefined);
      let m = e;
      if (toks[m]?.t === ',') m++;
      if (toks[m]?.f === 'and' || toks[m]?.f === 'et') m++;
      j = m > e ? m : -1;
    }
  }
}

export function findPersons(seg: Segment, si: number, out: Cand[], lang: string): Set<number> {
  const toks = seg.toks;
  const s: PersonScan = { seg, toks, si, out, starts: new Set(), taken: new Set() };
  // 1. Title/honorific triggers.
  for (let i = 0; i < toks.length; i++) {
    const trig = triggerAt(toks, i);
    if (!trig) continue;
    titledName(s, i, trig);
    i = trig.resume;
  }
  // 2. Vietnamese names anywhere; 3. foreign names followed by an apposition role or a reporting verb.
  for (let i = 0; i < toks.length; i++) {
    if (s.taken.has(i)) continue;
    const e = untitledNameEnd(s, i);
    if (e > 0) {
      addPerson(s, i, e, undefined);
      i = e - 1;
    }
  }
  tradeListNames(s);
  // 4. A foreign name coordinated with a person just found (`Benyapa Aimsaard and Nuntakarn Aimsaard won`)
  for (const c of out.filter((x) => x.seg === si && x.type === 'PER' && !x.short && x.b - x.a >= 2)) {
    const j = c.b + 1;
    if (!['and', 'et', '&'].includes(toks[c.b]?.f ?? '') || !toks[j] || s.taken.has(j)) continue;
    const fe = vnNameAt(toks, j, true) > 0 ? vnNameAt(toks, j, true) : foreignNameAt(toks, j);
    const next = toks[fe];
    if (fe - j >= 2 && (!next || !next.word || !next.cap) && plainName(toks, j, fe)) addPerson(s, j, fe, undefined);
  }
  void lang;
  return s.starts;
}
