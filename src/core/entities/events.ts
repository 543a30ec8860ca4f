// Events and named agreements: `36e Sommet de l'ASEAN`, `14e Congrès national du Parti`,
// `Sommet sur la sécurité des frontières`, `deuxième examen régional de la mise en œuvre du
// Pacte mondial ...`, quoted agreement titles (`"Protocole d'accord sur ..."`).
import type { Segment } from './text';
import { gluedHyphen } from './text';
import { extendPhrase } from './phrase';
import { EVENT_HEADS, AGREEMENT_HEADS, NAME_ADJ, STOP, ARTICLES, MONTH_NAMES, isOrdinal, adjectiveLike } from './lexicon';
import type { Cand } from './candidates';
import { matchAt } from './gazetteer';

const QUOTES: Record<string, string> = { '"': '"', '«': '»', '“': '”' };
/** Words that introduce an event's quoted title. */
const TITLED = new Set(('exposition exhibition festival programme program concours contest campagne campaign spectacle show evenement event seminaire colloque seminar conference talk semaine week journee concert gala atelier workshop webinaire webinar forum tournoi tournament course race marathon' +
  // …and the quoted name of a project, an initiative, a movement, a policy or an operation (`le projet « Bibliothèque verte »`,
  // `l'initiative « Ceinture et Route »`, `the pilot "green pass"`): a name, where the bare word is a description
  ' projet projets initiative mouvement operation strategie politique evenements cadre fonds trophee project movement strategy policy pilot').split(' '));
/** Words that name a title (`intitulé «…»`, `entitled "…"`): an event's title only when an event word comes just before (a book or a dance so named is not one). */
const NAMING = new Set('intitule intitulee intitules intitulees titled entitled denomme denommee baptise baptisee'.split(' '));
/** The theme or slogan of an event (`sur le thème «…»`, `under the theme "…"`) is not annotated. */
const THEME = new Set('theme themes slogan slogans motto devise'.split(' '));

/** Heads of numbered sessions and meetings, an event also in their short form (`10e session`, `sixth session`). */
const SESSION_WORDS = new Set('session sessions reunion reunions pleniere plenum seance sitting meeting'.split(' '));

const LAW_TITLE = new Set(['sur', 'relative', 'portant', 'on']);

/** Roman numerals 1–39 (`XIV`, `IX`), as printed for a congress's or a legislature's number. */
const ROMAN = /^X{0,3}(IX|IV|VI{0,3}|I{1,3})$|^X{1,3}$/;
const ORD_SUFFIX = /^(e|er|re|ere|eme|emes|es|è|ᵉ|ème|ièmes?)$/;
/**
 * The ordinal at i and how many tokens it takes: `36e`, `deuxième`, `XIVe`, `XIVᵉ` (1), or a
 * spaced suffix (`33 es`, `XIV e`, `15 e`: 2); 0 when there is none.
 */
function ordinalAt(toks: Segment['toks'], i: number): number {
  const t = toks[i];
  if (!t) return 0;
  if (isOrdinal(t.f)) return 1;
  const m = /^([IVX]+)(e|er|ère|ème|è|ᵉ)$/.exec(t.t);
  if (m && ROMAN.test(m[1])) return 1;
  const n = toks[i + 1];
  if (n && n.sp && n.word && !n.cap && ORD_SUFFIX.test(n.t) && ((t.num && /^\d{1,3}$/.test(t.t)) || ROMAN.test(t.t)) && toks[i + 2]?.word) return 2;
  return 0;
}

/** The head of a named event or agreement at i (after an ordinal, `36e Sommet`): its index, or -1. */
function eventHeadAt(toks: Segment['toks'], i: number, ordLen: number): number {
  const ord = ordLen > 0;
  const h = i + ordLen;
  const head = toks[h];
  if (!head || !head.word) return -1;
  const isEv = EVENT_HEADS.has(head.f) || (ord && SESSION_WORDS.has(head.f)) || namedPlan(toks, h);
  const isAgr = AGREEMENT_HEADS.has(head.f);
  if (!isEv && !isAgr) return -1;
  // laws keep their name written in lower case with their title (`la loi sur la pêche`, `the law on …`)
  if (!head.cap && !ord && !((head.f === 'loi' || head.f === 'law') && LAW_TITLE.has(toks[h + 1]?.f ?? '')) && !LOWER_EVENT_HEADS.has(head.f)) return -1;
  if (ord && isAgr) return -1;
  if (ord && ordinalNotEvent(head)) return -1;
  return h;
}

/**
 * `Plan global sur l’énergie nationale`, `9e Plan de développement socio-économique`: a capitalised `Plan` heads a named
 * plan (an EVENT, like a strategy); `ministère du Plan et de l'Investissement` is the ministry's portfolio.
 */
function namedPlan(toks: Segment['toks'], h: number): boolean {
  return toks[h].f === 'plan' && toks[h].cap && toks[h + 1]?.f !== 'et' && !(toks[h - 1]?.f === 'du' && /^minist/.test(toks[h - 2]?.f ?? ''));
}

/** `7e année consécutive`, `10e année de la présence`, `deuxième journée de compétition`: a count of years or days, not an event. */
function ordinalNotEvent(head: Segment['toks'][number]): boolean {
  return head.f === 'annee' || head.f === 'annees' || (!head.cap && (head.f === 'journee' || head.f === 'journees'));
}

/** The named event or agreement starting at token i: `36e Sommet de l'ASEAN`, `Accord-cadre sur …`; null when there is none. */
function eventAt(toks: Segment['toks'], i: number, personStarts: Set<number>): { a: number; b: number } | null {
  if (i > 0 && ordinalAt(toks, i - 1)) return null; // handled from the ordinal
  if (i > 1 && ordinalAt(toks, i - 2) === 2) return null;
  const ordLen = ordinalAt(toks, i);
  const ord = ordLen > 0;
  const h = eventHeadAt(toks, i, ordLen);
  if (h < 0) return null;
  const head = toks[h];
  if (zodiacYear(toks, h)) return null;
  let j = h + 1;
  if (toks[j]?.t === '-' && !toks[j].sp && toks[j + 1]?.word && !toks[j + 1].sp) j += 2; // Accord-cadre
  // adjectives straight after the head (`spéciaux`, `régional`, `national`, `mondial`)
  const end = pastEgard(toks, pastBracketedAcronym(toks, extendPhrase(toks, j, { stops: personStarts, maxLen: 24, enumerations: true, indefinite: true }), personStarts), personStarts);
  const hb = j;
  j = trimVerbs(toks, hb, isAgr(head) ? betweenPartiesEnd(toks, end, personStarts) : end);
  // a bare `Sommet` is not a named event; `36e Sommet` alone is, when the head is capitalised
  // …and so is a numbered session or meeting in its short form (`10e session`, `15e réunion`)
  if (j <= hb && (!ord || !(head.cap || SESSION_WORDS.has(head.f)) || wordOrdinal(toks[i]))) return null;
  // must contain something after the head (complement or adjective), unless ordinal + Capitalised head
  let a = ord ? i : h;
  if (!ord && !head.cap && LOWER_EVENT_HEADS.has(head.f) && !lowerHeadNamed(toks, h, j)) return null;
  if (!ord && (headAndAdjectiveOnly(toks, h, j) || plainExhibition(toks, h, withYear(toks, Math.max(j, hb))))) return null;
  if (ord) a = coordinatedOrdinalStart(toks, i);
  return { a, b: withYear(toks, Math.max(j, hb)) };
}

/**
 * Heads an event is named with in lower case (`le sommet de l'APEC`, `la conférence du G7`, `l'accord de Marrakech`,
 * `le festival Songkran`): an event only when a capitalised name follows the head or its connector.
 */
const LOWER_EVENT_HEADS = new Set(['sommet', 'conference', 'forum', 'accord', 'festival', 'championnats', 'championnat']);
function lowerHeadNamed(toks: Segment['toks'], h: number, e: number): boolean {
  const f = toks[h].f;
  let m = h + 1;
  // `festival Songkran`, `forum Xiang Shan`: the name right after the head
  if ((f === 'festival' || f === 'forum') && toks[m]?.cap && toks[m].sp) return m < e;
  // `accord de libre-échange ASEAN-Inde`
  if (f === 'accord' && toks[m]?.f === 'de' && toks[m + 1]?.f === 'libre' && toks[m + 2]?.t === '-' && toks[m + 3]?.f === 'echange') return !!toks[m + 4]?.cap && m + 4 < e;
  if (!['de', 'du', 'des', "d'"].includes(toks[m]?.f ?? '')) return false;
  m++;
  if (['la', "l'", 'le', 'les'].includes(toks[m]?.f ?? '')) m++;
  const n = toks[m];
  // `le sommet du mont …` is a mountain's top
  return m < e && !!n && n.word && (n.cap || n.upper) && !STOP.has(n.f) && !(f === 'sommet' && /^(mont|montagne|colline|pic)$/.test(n.f));
}

/** The animals of the lunar calendar (folded). */
const ZODIAC = new Set('rat buffle tigre chat lievre dragon serpent cheval chevre singe coq chien cochon porc'.split(' '));
/** `Année du Serpent`, `année du Cheval 2026`: a year of the lunar calendar is not an event (its Têt is: `Têt du Rat`). */
function zodiacYear(toks: Segment['toks'], h: number): boolean {
  return toks[h].f === 'annee' && (toks[h + 1]?.f === 'du' || toks[h + 1]?.f === 'de') && ZODIAC.has(toks[h + 1]?.f === 'de' ? toks[h + 3]?.f ?? '' : toks[h + 2]?.f ?? '');
}

/** `sa première session`, `the first meeting`: a body's first session in the short form is how it started, not a name (`10e session`, `sixth session`, `25th meeting` are). */
const wordOrdinal = (t: Segment['toks'][number]) => /^(premier|premiere|first)$/.test(t.f);

const isAgr = (t: Segment['toks'][number]) => AGREEMENT_HEADS.has(t.f);
/** `Accord de libre-échange entre le Vietnam et la République de Corée`: an agreement's two parties after `entre` are in its name. */
function betweenPartiesEnd(toks: Segment['toks'], e: number, stops: Set<number>): number {
  if (toks[e]?.f !== 'entre') return e;
  const party = (k: number): number => {
    const m = ['le', 'la', "l'", 'les'].includes(toks[k]?.f ?? '') ? k + 1 : k;
    if (!toks[m]?.cap || !toks[m].word || stops.has(m)) return -1;
    const g = matchAt(toks, m);
    return Math.max(g ? g.end : -1, extendPhrase(toks, m + 1, { stops, maxLen: 10 }));
  };
  const a = party(e + 1);
  if (a < 0 || (toks[a]?.f !== 'et' && toks[a]?.f !== 'and')) return e;
  const b = party(a + 1);
  return b > a + 1 ? b : e;
}

/** `Exposition de peintures de laque`: an exhibition named only by what it shows (no name, number or year) is a description. */
function plainExhibition(toks: Segment['toks'], h: number, e: number): boolean {
  if (toks[h].f !== 'exposition') return false;
  for (let m = h + 1; m < e; m++) if (toks[m].cap || toks[m].upper || toks[m].num) return false;
  return true;
}

/** `Forum économique` alone is not a name; `Forum économique 2024` is (a country's `Fête nationale` is a named holiday). */
function headAndAdjectiveOnly(toks: Segment['toks'], h: number, j: number): boolean {
  const n = toks[h + 1];
  return !!n && !n.cap && adjectiveLike(n.t, n.f) && j === h + 2 && withYear(toks, j) === j && !(toks[h].f === 'fete' && n.f === 'nationale');
}

/** `44e et 45e Sommets de l'ASEAN`: both ordinals belong to the name; where it starts. */
function coordinatedOrdinalStart(toks: Segment['toks'], i: number): number {
  if (toks[i - 1]?.f !== 'et' && toks[i - 1]?.f !== 'and') return i;
  if (ordinalAt(toks, i - 2) === 1) return i - 2;
  if (i >= 3 && ordinalAt(toks, i - 3) === 2) return i - 3;
  return i;
}

export function findEvents(seg: Segment, si: number, out: Cand[], allStarts: Set<number>) {
  const toks = seg.toks;
  const personStarts = placeNotPerson(toks, allStarts);
  programmesAsEvents(seg, si, out, personStarts);
  const quoted = findQuoted(seg, si, out);
  for (let i = 0; i < toks.length; i++) {
    if (quoted.has(i)) continue;
    const ev = eventAt(toks, i, personStarts);
    if (ev) out.push({ seg: si, a: ev.a, b: ev.b, type: 'EVENT', prio: 2 });
  }
  findEnglishNumbered(seg, si, out, personStarts);
  withHostPlace(seg, si, out);
  withHostCity(seg, si, out);
  pastBracketedShortName(seg, si, out);
  // events followed by their year or edition (`SEA Games 31`, `APEC 2017`, `Hue Festival 2022`),
  // or, in English, preceded by it (`the 2023 Asian Games`): the year is part of the name
  for (const c of out.filter((x) => x.seg === si && x.type === 'EVENT')) {
    const e = withYear(toks, c.b);
    const a = ordinalBefore(toks, yearBefore(toks, c.a));
    if (e > c.b || a < c.a) out.push({ ...c, a, b: e, prio: 4, gaz: undefined, aliases: [...(c.aliases ?? []), seg.text.slice(toks[c.a].s, toks[c.b - 1].e)] });
  }
  findEnglishNamed(seg, si, out);
  findStorms(seg, si, out);
  findPolicies(seg, si, out);
  findNumberedActs(seg, si, out);
  findPrizes(seg, si, out);
  findHistoric(seg, si, out, personStarts);
  findNamedFete(seg, si, out);
  findFeteOf(seg, si, out, personStarts);
  findAmendingLaws(seg, si, out, personStarts);
  linkBracketed(seg, si, out);
}

/** Heads of a named programme. */
const PROGRAMME = new Set(['programme', 'program']);
/**
 * A programme named as such is an EVENT (corpus rule): the organisation phrase the ORG rules built on a capitalised
 * `Programme de …` (French, head first: `Programme élargi de vaccination`) or on `… Programme` (English, head last:
 * `Memory of the World Programme`) is retyped, with the acronym linked to it; a body of the United Nations
 * (`Programme des Nations unies pour …`, `Joint United Nations Programme on HIV/AIDS`) stays an ORG, as do the
 * gazetteer's bodies (`Programme alimentaire mondial`).
 */
function programmesAsEvents(seg: Segment, si: number, out: Cand[], stops: Set<number>) {
  const toks = seg.toks;
  const links = new Set<string>();
  for (const c of out) {
    if (c.seg !== si || c.type !== 'ORG' || c.gaz || c.b - c.a < 2) continue;
    const first = toks[c.a];
    if (!(PROGRAMME.has(first.f) && first.cap) && !PROGRAMME.has(toks[c.b - 1].f)) continue;
    let un = false;
    for (let m = Math.max(0, c.a - 2); m < c.b && !un; m++) un = toks[m].f === 'nations' || toks[m].f === 'onu';
    if (un) continue;
    c.type = 'EVENT';
    // …its title read as an event's (`Programme d'actions pour l'institution d'un partenariat intégral`), not ending on an elided word (`jusqu’`)
    if (PROGRAMME.has(first.f)) c.b = Math.max(c.b, trimVerbs(toks, c.a + 1, extendPhrase(toks, c.a + 1, { stops, maxLen: 24, enumerations: true, indefinite: true })));
    while (c.b - c.a > 2 && /['’]$/.test(toks[c.b - 1].t)) c.b--;
    if (c.link) links.add(c.link);
  }
  for (const c of out) if (c.seg === si && c.type === 'ORG' && !c.gaz && c.link && links.has(c.link)) c.type = 'EVENT';
}

/** `Fête des combats de buffles de Dô Son`: a known place after `de` is the event's host, not a person's name the phrase must stop at. */
function placeNotPerson(toks: Segment['toks'], starts: Set<number>): Set<number> {
  const out = new Set<number>();
  for (const m of starts) {
    const g = CONNECTORS_DE.has(toks[m - 1]?.f ?? '') ? matchAt(toks, m) : null;
    if (!g || g.entry.type !== 'LOC') out.add(m);
  }
  return out;
}
const CONNECTORS_DE = new Set(['de', 'du', "d'"]);

/** `la fête Ooc Om Boc`, `fête Phang A`: a festival's own name right after a lower-case `fête` (the name is not a French word). */
function findNamedFete(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i].f !== 'fete' || toks[i].cap) continue;
    let e = i + 1;
    while (e < toks.length && e - i <= 4 && toks[e].word && toks[e].cap && toks[e].sp && (!STOP.has(toks[e].f) || /^\p{Lu}$/u.test(toks[e].t)) && !MONTH_NAMES.has(toks[e].f) && !EVENT_HEADS.has(toks[e].f)) e++;
    if (e === i + 1) continue;
    out.push({ seg: si, a: i, b: withYear(toks, e), type: 'EVENT', prio: 3 });
    i = e - 1;
  }
}

/**
 * `la fête de la pagode des Parfums 2016`, `la fête du livre de Hanoï`, `la victoire de Diên Biên Phu`: a lower-case
 * `fête` of a thing of a named place (or a victory, a battle at a named place) is that place's festival or battle;
 * `la fête de la rue` (no name) is not, nor `la victoire du Vietnam` (a country's win).
 */
function findFeteOf(seg: Segment, si: number, out: Cand[], stops: Set<number>) {
  const toks = seg.toks;
  for (let i = 0; i + 2 < toks.length; i++) {
    const t = toks[i];
    if (t.cap || !(t.f === 'fete' || t.f === 'victoire' || t.f === 'bataille') || !CONNECTORS_DE.has(toks[i + 1].f) && toks[i + 1].f !== 'des') continue;
    const e = extendPhrase(toks, i + 1, { stops, maxLen: 10 });
    let m = ['la', "l'", 'les'].includes(toks[i + 2].f) ? i + 3 : i + 2;
    // a battle or a victory is named by its place alone; a festival by a thing of a place (`fête de la pagode de X`)
    if (t.f === 'fete') {
      if (toks[m]?.cap || !toks[m]?.word || STOP.has(toks[m].f)) continue;
      m++;
      if (!CONNECTORS_DE.has(toks[m]?.f ?? '') && toks[m]?.f !== 'des') continue;
      m = ['la', "l'", 'les'].includes(toks[m + 1]?.f ?? '') ? m + 2 : m + 1;
    }
    const place = matchAt(toks, m);
    if (!toks[m]?.cap || e <= m || (t.f !== 'fete' && (!place || place.entry.type !== 'LOC' || place.entry.id.startsWith('c:')))) continue;
    out.push({ seg: si, a: i, b: withYear(toks, e), type: 'EVENT', prio: 3 });
    i = e - 1;
  }
}

/** Named historic events: `Libération du Sud et de la Réunification nationale`, `Révolution d'Août`, `Bataille de Dien Bien Phu`. */
const HISTORIC = new Set(['liberation', 'victoire', 'bataille', 'soulevement', 'insurrection', 'revolution']);
/** A capitalised historic head, a connector and a capitalised complement (`Victoire qui …` is a sentence's word). */
function findHistoric(seg: Segment, si: number, out: Cand[], stops: Set<number>) {
  const toks = seg.toks;
  for (let i = 0; i + 2 < toks.length; i++) {
    if (!HISTORIC.has(toks[i].f) || !toks[i].cap || !['de', 'du', 'des', "d'", 'dans'].includes(toks[i + 1].f)) continue;
    const c = ['la', "l'", 'les'].includes(toks[i + 2].f) ? i + 3 : i + 2;
    if (!toks[c]?.cap || !toks[c].word) continue;
    const end = toks[i + 1].f === 'dans' ? extendPhrase(toks, i + 2, { stops, maxLen: 12 }) : extendPhrase(toks, i + 1, { stops, maxLen: 12 });
    if (end > c) out.push({ seg: si, a: i, b: end, type: 'EVENT', prio: 3 });
  }
}

/** `Loi modifiant et complétant …`, `law on amending and supplementing …`: an amending law's title. */
const AMEND = new Set(['modifiant', 'amending', 'revising']);
const LAW_HEADS = new Set(['loi', 'law', 'code']);
/**
 * An amending law's full title is the EVENT (corpus rule): `Loi modifiant et complétant plusieurs articles de la
 * Loi sur X, de la Loi Y N°27/2023 et de la Loi Z`; the laws named inside it are not listed on their own.
 */
function findAmendingLaws(seg: Segment, si: number, out: Cand[], stops: Set<number>) {
  const toks = seg.toks;
  for (let i = 0; i + 3 < toks.length; i++) {
    if (toks[i].f !== 'loi' && toks[i].f !== 'law') continue;
    let k = i + 1;
    if (toks[k].f === 'on') k++;
    if (!AMEND.has(toks[k]?.f ?? '')) continue;
    const first = amendedLawAt(toks, k + 1, 10);
    if (first < 0) continue;
    let end = lawTitleEnd(toks, first, stops);
    for (let n = 0; n < 8; n++) {
      const sep = toks[end]?.t === ',' || toks[end]?.f === 'et' || toks[end]?.f === 'and' ? end + 1 : -1;
      const next = sep > 0 ? amendedLawAt(toks, sep, 1) : -1;
      if (next < 0) break;
      end = lawTitleEnd(toks, next, stops);
    }
    // the laws named inside the title are not listed on their own
    for (let m = out.length - 1; m >= 0; m--) if (out[m].seg === si && out[m].type === 'EVENT' && out[m].a > i && out[m].b <= end) out.splice(m, 1);
    out.push({ seg: si, a: i, b: end, type: 'EVENT', prio: 4 });
    i = end - 1;
  }
}

/** Within `span` tokens of k: `de la loi`, `du Code`, `of the Law`: the index of the law word, or -1. */
function amendedLawAt(toks: Segment['toks'], k: number, span: number): number {
  for (let m = k; m < k + span && m + 1 < toks.length; m++) {
    const t = toks[m];
    if (t.t === '.' || t.t === ';' || t.t === ':') return -1;
    if (!['de', 'du', "d'", 'of'].includes(t.f)) continue;
    const h = ['la', "l'", 'the', 'le'].includes(toks[m + 1].f) ? m + 2 : m + 1;
    if (LAW_HEADS.has(toks[h]?.f ?? '')) return h;
  }
  return -1;
}

/** The end of a law's title from its head word at h, with its number (`N°31/2024`, `No. 27/2023`). */
function lawTitleEnd(toks: Segment['toks'], h: number, stops: Set<number>): number {
  let e = extendPhrase(toks, h + 1, { stops, maxLen: 10 });
  if (e === h + 1 && toks[e]?.word && !toks[e].cap && adjectiveLike(toks[e].t, toks[e].f)) e++; // `loi foncière`
  if (e - 1 > h && /^(n|no)$/.test(toks[e - 1].f) && (toks[e]?.t === '°' || toks[e]?.t === 'º' || toks[e]?.num)) e--; // the phrase took `N` of `N°31`
  if (/^(n|no|numero)$/.test(toks[e]?.f ?? '')) {
    let k = e + 1;
    if (toks[k]?.t === '°' || toks[k]?.t === 'º' || toks[k]?.t === '.') k++;
    if (toks[k]?.num) e = actCodeEnd(toks, k + 1);
  }
  return e;
}

/** Heads of a country's or a city's promotion events held abroad. */
const ABROAD_HEADS = new Set(['festival', 'week', 'days', 'day', 'summit', 'fair']);
/**
 * `Vietnam Festival in Kanagawa`, `Vietnam Days in the UK`, `Vietnam Summit in Japan`: a place's festival, days or
 * summit held in another place has that place in its name (the `ASEAN Summit in Jakarta` does not: it starts with no place).
 */
function withHostPlace(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  for (const c of out.filter((x) => x.seg === si && x.type === 'EVENT')) {
    if (!ABROAD_HEADS.has(toks[c.b - 1]?.f ?? '') || toks[c.b]?.f !== 'in' || !toks[c.b - 1].cap) continue;
    const first = matchAt(toks, c.a);
    if (!first || first.entry.type !== 'LOC' || first.end >= c.b) continue;
    const at = toks[c.b + 1]?.f === 'the' ? c.b + 2 : c.b + 1;
    const host = matchAt(toks, at);
    if (!host || host.entry.type !== 'LOC' || !toks[at].cap) continue;
    out.push({ ...c, b: host.end, prio: 4, gaz: undefined, aliases: [...(c.aliases ?? []), seg.text.slice(toks[c.a].s, toks[c.b - 1].e)] });
  }
}

/**
 * `JO de Londres`, `Jeux olympiques d’été de Rio 2016`, `Jeux paralympiques de Paris 2024`: a known recurring event
 * followed by `de` and a known city is that edition (the year after it goes with it); the bare event its alias.
 */
function withHostCity(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  for (const c of out.filter((x) => x.seg === si && x.type === 'EVENT' && x.gaz)) {
    const de = toks[c.b];
    if (!de || (de.f !== 'de' && de.f !== "d'")) continue;
    // `Convention des Nations unies sur le droit de la mer de 1982`: the year of a known text or edition after `de`
    const year = toks[c.b + 1]?.num && withYear(toks, c.b + 1) > c.b + 1 ? withYear(toks, c.b + 1) : -1;
    const end = year > 0 ? year : hostCityEnd(toks, c.b + 1, OLYMPIC.has(c.gaz!.names[0]));
    if (end < 0) continue;
    out.push({ ...c, b: withYear(toks, end), prio: 4, gaz: undefined, aliases: [...(c.aliases ?? []), seg.text.slice(toks[c.a].s, toks[c.b - 1].e)] });
  }
}

/** English heads an event's name ends with after a body's name and its bracketed acronym. */
const EN_EVENT_TAILS = new Set('games meeting meetings cup championship championships forum summit conference festival awards award tournament open'.split(' '));
/**
 * `ASEAN Future Forum (AFF) 2024`, `Asia-Pacific Economic Cooperation (APEC) Economic Leaders’ Meeting`, `AFF (ASEAN
 * Football Federation) Women's Cup`: a name, its short or long form in brackets, then the event's year or the rest of
 * its English name (capitalised words up to an event head) are one event; the part before the bracket is an alias.
 */
function pastBracketedShortName(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  for (const c of out.filter((x) => x.seg === si && (x.type === 'EVENT' || x.type === 'ORG'))) {
    if (toks[c.b]?.t !== '(' || !toks[c.b + 1]?.cap) continue;
    let k = c.b + 1;
    while (k < toks.length && k - c.b <= 6 && toks[k].word && (toks[k].cap || toks[k].upper)) k++;
    if (toks[k]?.t !== ')' || !toks[k + 1]?.sp) continue;
    // `Forum de coopération économique Asie-Pacifique (APEC) 2019`: a known body's year is not an event of its own
    const known = matchAt(toks, c.b + 1);
    const bodyAcronym = !!known && known.end === k && known.entry.type === 'ORG' && matchAt(toks, c.a)?.entry === known.entry;
    const y = c.type === 'EVENT' && !bodyAcronym && toks[k + 1]?.num ? withYear(toks, k + 1) : k + 1;
    const e = y > k + 1 ? y : englishEventTail(toks, k + 1);
    if (e < 0) continue;
    // the short form in the brackets stays the same event: the acronym rule links it to the name before the
    // bracket, which shares its link with this longer span
    const link = c.link ?? 'evb:' + si + ':' + c.b;
    if (c.type === 'EVENT') c.link = link;
    out.push({ seg: si, a: c.a, b: withYear(toks, e), type: 'EVENT', prio: 4, link, aliases: [seg.text.slice(toks[c.a].s, toks[c.b - 1].e)] });
  }
}
/** From m: capitalised words (`Economic Leaders’ Meeting`, `Women's Cup`) ending with an English event head: the end, or -1. */
function englishEventTail(toks: Segment['toks'], m: number): number {
  for (let k = m; k < toks.length && k - m < 6; k++) {
    const t = toks[k];
    if ((t.t === "'" || t.t === '’') && (toks[k + 1]?.f === 's' || toks[k - 1]?.f.endsWith('s'))) continue;
    if (t.f === 's' && (toks[k - 1]?.t === "'" || toks[k - 1]?.t === '’')) continue;
    if (!t.word || !(t.cap || t.upper || t.num)) return -1;
    if (EN_EVENT_TAILS.has(t.f)) return k + 1;
  }
  return -1;
}

/** English words an event's name ends with, in English text and as VNA's French prints it (`Vietnam Open 2024`, `Oslo Esports Cup`). */
const EN_NAMED_TAILS = new Set('open cup tour awards award championship championships masters trophy series show expo qualifier challenge marathon fest concert contest'.split(' '));
/**
 * `Vietnam Open 2024`, `Yonex Sunrise Vietnam Open`, `Meltwater Champions Chess Tour`, `Los Angeles Film Awards`, `Vietnam
 * Motor Show 2024`: capitalised words ending in a capitalised English event word are the event's name, a place or a
 * brand at its start included, its year after it. A known place before the tail is the event's host and part of its
 * name (`Hanoi Open`, `Vietnam Open`); a known body's name right before it is left to the body (`UNDP Challenge`).
 */
function findEnglishNamed(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k];
    if (!t.word || !t.cap || t.upper || !EN_NAMED_TAILS.has(t.f) || !t.sp) continue;
    let a = k;
    while (a > 0 && k - a < 5 && namedEventWord(toks, a - 1)) a--;
    if (a === k) continue;
    const g = matchAt(toks, a);
    // a known body's name then the tail is left to the body (`UNDP | Challenge`); a known place's is the host (`Vietnam Open`)
    if (g && g.end === k && g.entry.type !== 'LOC') continue;
    // `… Southeast Asia Cup MSC 2022`: the edition's acronym and year after the tail
    const acronymYear = toks[k + 1]?.upper && toks[k + 1].sp && withYear(toks, k + 2) > k + 2;
    out.push({ seg: si, a, b: withYear(toks, acronymYear ? k + 2 : k + 1), type: 'EVENT', prio: 3 });
  }
}

/** A word of an English event's name before its tail: capitalised, an acronym, or a glued hyphen's parts; no French stop word, month or head. */
function namedEventWord(toks: Segment['toks'], m: number): boolean {
  const t = toks[m];
  if (t.t === '-' && !t.sp && toks[m + 1] && !toks[m + 1].sp) return !!toks[m - 1]?.word;
  if (!t.word || !(t.cap || t.upper)) return false;
  if (m === 0 || /[.!?:]/.test(toks[m - 1].t)) return !STOP.has(t.f) && !ARTICLES.has(t.f);
  return !STOP.has(t.f) && !MONTH_NAMES.has(t.f) && !EVENT_HEADS.has(t.f);
}

/** The Games named by their host city and year (`JO de Rio`, `Rio 2016`), any city being a host. */
const OLYMPIC = new Set(['Jeux olympiques', 'Jeux paralympiques']);
/** The end of a host city's name at m (a known city; for the Olympic Games any capitalised word), or -1. */
function hostCityEnd(toks: Segment['toks'], m: number, anyCity: boolean): number {
  const t = toks[m];
  if (!t?.cap || !t.word) return -1;
  const host = matchAt(toks, m);
  if (host) return host.entry.type === 'LOC' && !host.entry.id.startsWith('c:') && !host.entry.id.startsWith('r:') ? host.end : -1;
  return anyCity && !t.upper && !STOP.has(t.f) && !MONTH_NAMES.has(t.f) ? m + 1 : -1;
}

/** Named awards and prizes (`prix VinFuture`, `Prix Lotus d'or`, `prix Bib Gourmand 2024`): `prix` and a capitalised name, its year. */
function findPrizes(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i].f !== 'prix') continue;
    let e = i + 1;
    while (e < toks.length && e - i <= 4 && toks[e].word && (toks[e].cap || toks[e].upper) && !MONTH_NAMES.has(toks[e].f) && (e === i + 1 || toks[e].sp)) {
      e++;
      while (gluedHyphen(toks, e) && toks[e + 1]?.word) e += 2;
    }
    if (e === i + 1) continue;
    // `prix Lotus d'or`: a golden/silver prize
    if (toks[e]?.f === "d'" && ['or', 'argent'].includes(toks[e + 1]?.f ?? '')) e += 2;
    out.push({ seg: si, a: i, b: withYear(toks, e), type: 'EVENT', prio: 2 });
    i = e - 1;
  }
}

/**
 * `28es Jeux sportifs d’Asie du Sud-Est (SEA Games 28)`, `Coopération économique Asie-Pacifique (APEC 2017)`:
 * an event's usual short name in brackets right after its long one is the same event (linked as an acronym is).
 */
function linkBracketed(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  const evs = out.filter((c) => c.seg === si && c.type === 'EVENT');
  for (const c of evs) {
    if (toks[c.b]?.t !== '(') continue;
    const inner = evs.filter((d) => d.a === c.b + 1 && toks[d.b]?.t === ')');
    if (!inner.length) continue;
    const link = c.link ?? inner.find((d) => d.link)?.link ?? 'ev:' + si + ':' + c.b;
    for (const d of [c, ...inner]) d.link = d.link ?? link;
  }
}

/** `the sixth Hanoi International Film Festival`, `third Vietnam Coffee Day`: an English ordinal word right before a capitalised event name is part of it. */
function ordinalBefore(toks: Segment['toks'], a: number): number {
  const o = toks[a - 1];
  // …and a French one (`33e SEA Games`, `26es SEA Games`)
  return o && (o.word || o.num) && !o.cap && (EN_ORDINAL.test(o.f) || isOrdinal(o.f)) && toks[a].cap && toks[a].sp ? a - 1 : a;
}

/** `the 2023 Asian Games`, `2024 ISSF World … Tournament`, `the 2015 Penal Code`: a year printed right before a capitalised event name. */
function yearBefore(toks: Segment['toks'], a: number): number {
  const y = toks[a - 1];
  const p = toks[a - 2];
  if (!y || !y.num || !/^(19|20)\d\d$/.test(y.f) || !toks[a].sp || !toks[a].cap || !y.sp) return a;
  // `in May 2023 Asian…`, `15, 2023 …`, `in 2023 Hue Festival …`: the year belongs to a date or the sentence
  if (p && (p.num || p.t === ',' || MONTH_NAMES.has(p.f) || YEAR_PREPS.has(p.f))) return a;
  return a - 1;
}
const YEAR_PREPS = new Set(['in', 'since', 'until', 'by', 'from', 'to', 'before', 'after', 'en', 'depuis', 'de', 'jusqu', 'et', 'and', 'of']);

/** English ordinal heads (`11th session`, `fifth meeting`, `10th Session`): numbered sessions and meetings of a body. */
const EN_NUMBERED = new Set('session sessions meeting meetings sitting plenum congress conference summit forum dialogue edition festival'.split(' '));
const EN_ORDINAL = /^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)$/;

/**
 * English numbered sessions and meetings: `11th session of the 14th National Assembly`, `the 10th meeting
 * of the Steering Committee`, `sixth Session of the Joint Working Group`: ordinal, head, then `of (the)`
 * and the body's capitalised name (which may hold an ordinal and `of`/`for`/`and`/`on`/`the`/`'s`).
 */
function findEnglishNumbered(seg: Segment, si: number, out: Cand[], stops: Set<number>) {
  const toks = seg.toks;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (!EN_ORDINAL.test(toks[i].f)) continue;
    if (!EN_NUMBERED.has(toks[i + 1].f)) {
      const m = modifiedHeadAt(toks, i + 1, stops);
      if (m > 0) out.push({ seg: si, a: i, b: toks[m + 1]?.f === 'of' && bodyNameEnd(toks, m + 2, stops) > 0 ? bodyNameEnd(toks, m + 2, stops) : m + 1, type: 'EVENT', prio: 3 });
      continue;
    }
    const h = i + 1;
    const of = toks[h + 1]?.f === 'of' || toks[h + 1]?.f === 'on';
    const lastCap = of ? bodyNameEnd(toks, h + 2, stops) : -1;
    if (lastCap >= 0) out.push({ seg: si, a: i, b: lastCap, type: 'EVENT', prio: 3 });
    // an ordinal and its head alone (`the 10th Session`, `sixth session`) is the short form
    else if ((toks[h].cap || SESSION_WORDS.has(toks[h].f)) && !wordOrdinal(toks[i])) out.push({ seg: si, a: i, b: h + 1, type: 'EVENT', prio: 2 });
  }
}

/** Words after an ordinal that make it a count, not an edition (`first time`, `second training session`). */
const EN_NOT_EDITION = new Set(['time', 'times', 'training', 'round', 'day', 'days', 'year', 'years', 'half', 'quarter', 'phase', 'stage', 'step', 'batch', 'group', 'team', 'place', 'the', 'a', 'an', 'of', 'in', 'at', 'and', 'to', 'for', 'on', 'with', 'by', 'is', 'was', 'has', 'had']);
/** Heads of editions named with words between the ordinal and the head (`fourth political consultation`). */
const EN_MODIFIED_HEADS = new Set([...EN_NUMBERED, 'consultation', 'consultations', 'exchange', 'programme', 'program']);
/**
 * `7th diplomatic – defence strategic dialogue`, `seventh Japan – Vietnam festival`, `first border defence exchange`:
 * an English ordinal, up to four words (or partners joined by a dash), then an event head: the head's index, or -1.
 */
function modifiedHeadAt(toks: Segment['toks'], k: number, stops: Set<number>): number {
  for (let n = 0; k < toks.length && n < 5; n++) {
    const t = toks[k];
    if ((t.t === '–' || t.t === '-') && n > 0 && toks[k + 1]?.word) {
      k++;
      continue;
    }
    if (!t.word || stops.has(k) || EN_NOT_EDITION.has(t.f) || EN_ORDINAL.test(t.f)) return -1;
    if (n > 0 && EN_MODIFIED_HEADS.has(t.f)) return k;
    k++;
  }
  return -1;
}

/** After `of (the)` at m: the end of the body's capitalised name (its last capitalised word), -1 when there is none. */
function bodyNameEnd(toks: Segment['toks'], m: number, stops: Set<number>): number {
  if (toks[m]?.f === 'the') m++;
  let e = m;
  let lastCap = -1;
  while (e < toks.length && e - m < 14 && !(e > m && stops.has(e))) {
    const t = toks[e];
    if ((t.word && (t.cap || t.upper)) || (e === m && EN_ORDINAL.test(t.f))) {
      e++;
      while (gluedHyphen(toks, e) && toks[e + 1].word) e += 2;
      if (t.cap || t.upper) lastCap = e;
    } else if (e > m && ['of', 'for', 'and', 'on', 'the'].includes(t.f) && (toks[e + 1]?.cap || toks[e + 1]?.f === 'the')) e++;
    else if (e > m && (t.t === "'" || t.t === '’') && toks[e + 1]?.f === 's' && toks[e + 2]?.cap) e += 2;
    else break;
  }
  return lastCap;
}

const DETERMINERS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'sa', 'son', 'ses', 'leur', 'leurs', 'ce', 'cet', 'cette', 'ces', 'plus']);
/**
 * A name phrase ends before a purpose clause (`24e session pour examiner …`, `afin de …`) and before a
 * verb the phrase took for an adjective (`Festival de Huê acquiert une renommée`, `… attend le public`:
 * a lower-case last word in -t/-d followed by a determiner).
 */
function trimVerbs(toks: Segment['toks'], a: number, b0: number): number {
  let b = beforeLevel(toks, a, b0);
  for (let m = a; m < b - 1; m++) {
    const n = toks[m + 1];
    if ((toks[m].f === 'pour' || toks[m].f === 'afin') && n.word && !n.cap && (/(er|ir|re|oir)$/.test(n.f) && !/ier$/.test(n.f) || n.f === 'de')) return m;
  }
  // `Fête nationale du 2 septembre`, `Journée … du 20 mars 2024`: the date is not part of the name
  if (b - 2 >= a && toks[b - 1].num && ['du', 'de', 'le'].includes(toks[b - 2].f) && toks[b] && MONTH_NAMES.has(toks[b].f)) return b - 2;
  // `30e session du 17 au 19 juin`, `Sommet du G20 du 5 au 8 septembre`: nor is a range of days
  for (let m = a; m + 2 < b; m++) if (toks[m].f === 'du' && dayNum(toks[m + 1]) && toks[m + 2].f === 'au' && dayNum(toks[m + 3])) return m;
  while (b > a && TRAILING_VERBS.has(toks[b - 1].f) && !toks[b - 1].cap) b--;
  const l = toks[b - 1];
  if (b - 1 > a && l && l.word && !l.cap && /[td]$/.test(l.f) && !NAME_ADJ.test(l.f) && toks[b] && DETERMINERS.has(toks[b].f)) return b - 1;
  return b;
}

/** Participles and verbs a phrase takes for adjectives (`Sommet … tenu à`, `réunion tenue`, `Conférence … ayant`, `session concludes`). */
const TRAILING_VERBS = new Set('tenu tenue tenus tenues prevu prevue prevus prevues rendu rendue rendus rendues ayant etant soit revient reviendra concludes concluded continues continued opens opened closes closed held kicks'.split(' '));

/** A day of the month as printed (`5`, `17`, `1er`). */
function dayNum(t: Segment['toks'][number] | undefined): boolean {
  return !!t && (t.num || t.f === '1er') && /^(\d{1,2})(er)?$/.test(t.f) && parseInt(t.f, 10) <= 31;
}

/** `Coupe du monde 2015`, `SEA Games 31`, `Forum … 2024`: a year (or an edition number) printed right after is part of the name. */
function withYear(toks: Segment['toks'], e: number): number {
  const t = toks[e];
  if (t && t.num && t.sp && (/^(19|20)\d\d$/.test(t.f) || (/^\d{1,2}$/.test(t.f) && toks[e - 1]?.f === 'games')) && !(toks[e + 1]?.word && MONTH_NAMES.has(toks[e + 1].f))) return yearRangeEnd(toks, e + 1);
  return e;
}

/** `… 2011-2020`, `… 2021 – 2030`: the period's last year after a year at e - 1 belongs to the name too. */
function yearRangeEnd(toks: Segment['toks'], e: number): number {
  const d = toks[e];
  const y = toks[e + 1];
  if (d && (d.t === '-' || d.t === '–') && d.sp === y?.sp && y?.num && /^(19|20)\d\d$/.test(y.f) && +y.f > +toks[e - 1].f) return e + 2;
  return e;
}

/** `Dialogue de partenariat stratégique au niveau des vice-ministres`: the level a meeting is held at is not its name. */
function beforeLevel(toks: Segment['toks'], a: number, b: number): number {
  for (let m = a; m < b - 1; m++) if (toks[m].f === 'au' && toks[m + 1].f === 'niveau') return m;
  return b;
}

/** `Journée internationale pour l’élimination de la violence à l’égard des femmes`: `à l'égard de` goes on with the title. */
function pastEgard(toks: Segment['toks'], end: number, stops: Set<number>): number {
  if (toks[end]?.t !== 'à' || toks[end + 1]?.f !== "l'" || toks[end + 2]?.f !== 'egard' || !['de', 'des', 'du', "d'"].includes(toks[end + 3]?.f ?? '')) return end;
  const more = extendPhrase(toks, end + 3, { stops, maxLen: 10 });
  return more > end + 4 ? more : end;
}

/** `8e session de l’Assemblée nationale (AN) de la 14e législature`: an acronym in brackets inside an event's name, its complement going on. */
function pastBracketedAcronym(toks: Segment['toks'], end: number, stops: Set<number>): number {
  if (toks[end]?.t !== '(' || !toks[end + 1]?.upper || toks[end + 2]?.t !== ')' || !['de', 'du', 'des', "d'", 'of'].includes(toks[end + 3]?.f ?? '')) return end;
  const more = extendPhrase(toks, end + 3, { stops, maxLen: 12, enumerations: false });
  return more > end + 4 ? more : end;
}

/** What introduces a country's named policy: a possessive (`India’s`) or a determiner. */
const POLICY_OWNERS = new Set(['s', 'the', 'its', 'their', 'his', 'her']);
/**
 * `India’s Act East policy`, `its New Southern Policy`: two or three capitalised words before `policy`, after a possessive or
 * a determiner, name a policy (an EVENT, corpus rule); `Minister of Science and Technology Policy` has neither.
 */
function findPolicies(seg: Segment, si: number, out: Cand[]) {
  const toks = seg.toks;
  for (let i = 2; i < toks.length; i++) {
    if (toks[i].f !== 'policy' || !toks[i].sp) continue;
    let a = i;
    while (a > 0 && i - a < 3 && toks[a - 1].word && toks[a - 1].cap && !toks[a - 1].upper && !STOP.has(toks[a - 1].f) && toks[a - 1].sp) a--;
    const o = toks[a - 1];
    if (i - a < 2 || !o || !POLICY_OWNERS.has(o.f) || (o.f === 's' && !/^['’]$/.test(toks[a - 2]?.t ?? ''))) continue;
    out.push({ seg: si, a, b: i + 1, type: 'EVENT', prio: 3 });
  }
}

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
    const e = actCodeEnd(toks, k + 1);
    const body = issuerEnd(toks, e);
    // `Résolution 57 du Comité central du Parti`: the act with its issuing body, the bare act its alias
    if (body > e) {
      out.push({ seg: si, a: i, b: body, type: 'EVENT', prio: 3, listsInner: true, aliases: [seg.text.slice(toks[i].s, toks[e - 1].e)] });
      // …and the body is listed on its own (the corpus names it as an ORG)
      const m = ['la', "l'", 'the'].includes(toks[e + 1]?.f ?? '') ? e + 2 : e + 1;
      if (!matchAt(toks, m)) out.push({ seg: si, a: m, b: body, type: 'ORG', prio: 3 });
    }
    else out.push({ seg: si, a: i, b: e, type: 'EVENT', prio: 3 });
    i = Math.max(e, body) - 1;
  }
}
/** After a numbered act at e: `du Comité central du Parti`, `of the Politburo`: the end of its issuing body's name (before its title `sur …`), else e. */
function issuerEnd(toks: Segment['toks'], e: number): number {
  const c = toks[e];
  if (!c || !['du', 'de', 'of'].includes(c.f)) return e;
  const m = ['la', "l'", 'the'].includes(toks[e + 1]?.f ?? '') ? e + 2 : e + 1;
  const g = matchAt(toks, m);
  if (!toks[m]?.cap || !toks[m].word || MONTH_NAMES.has(toks[m].f) || ISSUER_NOT.has(toks[m].f) || (g && g.entry.type !== 'ORG')) return e;
  let end = extendPhrase(toks, e, { maxLen: 10 });
  for (let k = e + 1; k < end; k++) if (['sur', 'on', 'relative', 'portant', 'pour', 'for'].includes(toks[k].f)) end = k;
  return end > m ? end : e;
}
/** `du Premier ministre`, `du président`: an act signed by a person is named without them. */
const ISSUER_NOT = new Set(['premier', 'president', 'presidente', 'vice', 'ministre', 'chef', 'prime']);
const ACTS = new Set(['decision', 'resolution', 'directive', 'conclusion', 'decret', 'circulaire', 'depeche', 'decree', 'directive', 'loi', 'law', 'reglement', 'regulation', 'circular', 'ordonnance', 'ordinance']);
/** A code letter group of a legal act's number: `QD`, `QĐ`, `TTg`, `NQ`, `CP`, `TW`, `K5`, `HĐBCQG` (the issuing body's initials). */
const ACT_CODE = /^[A-ZĐ][A-Za-zĐđ]{0,7}\d{0,2}$/;

/**
 * The end of a legal act's number from e (just after its first number): the code after it,
 * glued (`/QD-TTg`, `-NQ/TW`, `/2007/QĐ-TTg`, `/NQ-CP/K5`) or with a spaced slash (`21 / NQ-CP`).
 */
function actCodeEnd(toks: Segment['toks'], e: number): number {
  const k = e - 1;
  while (e < toks.length && e - k < 10) {
    const t = toks[e];
    const nx = toks[e + 1];
    if (t.t === '/' || t.t === '-') {
      // a separator glued to what follows it; a spaced one only before a code (`21 / NQ-CP`)
      if (!nx || (nx.sp && !(t.sp && t.t === '/' && ACT_CODE.test(nx.t))) || (t.sp && !(t.t === '/' && nx.sp))) break;
      e++;
      continue;
    }
    const p = toks[e - 1];
    if ((p.t === '/' || p.t === '-') && (ACT_CODE.test(t.t) || (t.num && /^\d{1,4}$/.test(t.t) && p.t === '/'))) {
      e++;
      continue;
    }
    break;
  }
  while (e > k + 1 && (toks[e - 1].t === '/' || toks[e - 1].t === '-')) e--;
  return e;
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
    const before = [toks[i - 1], toks[i - 2], toks[i - 3], toks[i - 4]];
    if (before.some((x) => x && THEME.has(x.f))) continue;
    const n = before.findIndex((x) => x && NAMING.has(x.f));
    const titled = n >= 0 ? before.slice(n + 1).some((x) => x && TITLED.has(x.f)) : before.slice(0, 3).some((x) => x && TITLED.has(x.f));
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
