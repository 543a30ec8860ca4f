// Entity recogniser for VNA articles (issues #4, #12). Rules + gazetteers, and a learned
// sequence labeller that reads the rules' output as features (model/):
//   text.ts        segments (title, lead, body, captions) and tokens with offsets
//   gazetteer.ts   provinces (63 old + 34 new), countries, capitals, regions, organisations
//   persons.ts     Vietnamese and foreign names, roles, short mentions
//   asian-names.ts Korean, Japanese and Chinese names by their shape (persons.ts reads it)
//   orgs.ts        organisation phrases, English chunks, acronym definitions
//   events.ts      ordinal/named events and agreements
//   places.ts      gazetteer hits, autonomous regions, cardinal regions, `à X`
//   dates.ts       dates and ranges resolved against the publication date
//   merge.ts       overlaps, aliases, one entity per thing
//   model/         BIO tagger (averaged structured perceptron) over the same tokens, run only
//                  if src/data/entity-model.json ships one (today the rules won the trainer's
//                  cross-validation: the file says so and holds no weights)
import type { Article, Entity } from '../types';
import { segments, type Segment, type Tok } from './text';
import type { Cand } from './candidates';
import { findPersons } from './persons';
import { findOrgs, findAcronyms, reviewOrgs } from './orgs';
import { findEvents } from './events';
import { findGazetteer, findPlaces } from './places';
import { findDates } from './dates';
import { resolveOverlaps, buildEntities, entityKey, creditAt } from './merge';
import { acronymIndex, creditWords, matchAt } from './gazetteer';
import { STOP } from './lexicon';
import { modelCandidates, type Recogniser } from './model/tagger';

export { entityKey };
export type { Recogniser };

/**
 * Tokens beyond which the model is not run (a long dispatch has ~3,000; MAX_TEXT_CHARS of
 * text is ~17,000): a page this long is not a dispatch, and gets the rules alone.
 */
export const MODEL_MAX_TOKENS = 10_000;

export type EntityInput = Pick<Article, 'title' | 'lead' | 'body' | 'captions' | 'published' | 'lang'>;

/** Entities of the article text (title, lead, body, captions — never teasers). Never throws. */
export function extractEntities(article: EntityInput): Entity[] {
  try {
    return recognise(article, 'shipped');
  } catch {
    return [];
  }
}

export interface Analysis {
  lang: string;
  segs: Segment[];
  /** The rules' accepted candidates (after overlaps), the features the model reads. */
  rules: Cand[];
}

/** What one segment's recognisers share: each adds candidates; the persons rule tells the others where names start. */
interface SegmentPass {
  readonly seg: Segment;
  readonly si: number;
  readonly cands: Cand[];
  readonly lang: string;
  readonly published: string | null | undefined;
  /** Token indices where a person's name starts (set by `persons`): other phrases stop there. */
  personStarts: Set<number>;
}

/**
 * The rule recognisers, registered once, run in this order on each segment: later ones read
 * what earlier ones found (the persons' name starts; the gazetteer's hits). Adding a recogniser
 * is one entry here; the type it emits must be one of core/entity-types.ts.
 */
const RECOGNISERS: readonly { name: string; run: (p: SegmentPass) => void }[] = [
  { name: 'gazetteer', run: (p) => findGazetteer(p.seg, p.si, p.cands) },
  { name: 'persons', run: (p) => { p.personStarts = findPersons(p.seg, p.si, p.cands, p.lang); } },
  { name: 'organisations', run: (p) => findOrgs(p.seg, p.si, p.cands, p.personStarts, p.lang) },
  { name: 'events', run: (p) => findEvents(p.seg, p.si, p.cands, p.personStarts) },
  { name: 'places', run: (p) => findPlaces(p.seg, p.si, p.cands, p.personStarts, p.lang) },
  { name: 'dates', run: (p) => findDates(p.seg, p.si, p.cands, p.published) },
];

/**
 * Text read by the recogniser, in characters: ~5 times the longest real dispatch (~20,000). A
 * hostile or broken page with megabytes of text (test/fixtures/hostile: `5mb-body-text`) held
 * the content script — the page's own main thread — for 24 s; the entities of a dispatch are
 * named long before this many characters.
 */
export const MAX_TEXT_CHARS = 100_000;

/** The first paragraphs of `parts` up to `budget.left` characters (the last one cut at a space). */
function within(parts: readonly string[], budget: { left: number }): string[] {
  const out: string[] = [];
  for (const p of parts) {
    if (budget.left <= 0) break;
    const s = typeof p === 'string' ? p : '';
    if (s.length <= budget.left) out.push(s);
    else {
      const cut = s.lastIndexOf(' ', budget.left);
      out.push(s.slice(0, cut > 0 ? cut : budget.left));
    }
    budget.left -= s.length;
  }
  return out;
}

export function analyse(article: EntityInput): Analysis {
  const lang = (article.lang || 'fr').slice(0, 2).toLowerCase();
  const budget = { left: MAX_TEXT_CHARS };
  const [title, lead] = within([article.title ?? '', article.lead ?? ''], budget);
  const segs = segments({
    title: title ?? '',
    lead: article.lead == null ? null : lead ?? '',
    body: within(Array.isArray(article.body) ? article.body : [], budget),
    captions: within(Array.isArray(article.captions) ? article.captions : [], budget),
  });
  const cands: Cand[] = [];
  segs.forEach((seg, si) => {
    const pass: SegmentPass = { seg, si, cands, lang, published: article.published, personStarts: new Set() };
    for (const r of RECOGNISERS) r.run(pass);
  });
  return { lang, segs, rules: finishCands(segs, dropCredits(segs, cands)) };
}

const CREDIT_HEADS = new Set(['photo', 'photos', 'anh', 'source', 'sources', 'video', 'graphique', 'infographie', 'credit']);
/** Names inside a photo or source credit (`(Photo: Vietnam Pictorial)`, `Photo : VNA/Vietnam+`) are credits, never entities. */
function dropCredits(segs: Segment[], cands: Cand[]): Cand[] {
  const credit = new Map<number, [number, number][]>();
  segs.forEach((seg, si) => {
    const toks = seg.toks;
    for (let i = 0; i + 1 < toks.length; i++) {
      const colon = creditColon(toks, i);
      if (colon < 0) continue;
      let e = colon + 1;
      while (e < toks.length && toks[e].t !== ')' && !(toks[e].t === '.' && toks[e + 1]?.sp)) e++;
      const list = credit.get(si) ?? [];
      list.push([i, e]);
      credit.set(si, list);
      i = e;
    }
  });
  // the agency's word where a credit stands (`(VNA)`, `–VNA`, `VNA/VOV`); named in a sentence it stays
  const agencyCredit = (c: Cand) => c.b === c.a + 1 && (creditWords.has(segs[c.seg].toks[c.a].f) || slashedToCredit(segs[c.seg].toks, c.a)) && creditAt(segs[c.seg], c);
  // `Vietnam+` is VietnamPlus, the paper's own name in its credits (`(Photo Vietnam+)`), not the country
  const plusBrand = (c: Cand) => c.type === 'LOC' && segs[c.seg].toks[c.b]?.t === '+' && !segs[c.seg].toks[c.b].sp;
  const creditName = (c: Cand) => agencyCredit(c) || plusBrand(c);
  if (!credit.size) return cands.filter((c) => !creditName(c));
  return cands.filter((c) => !creditName(c) && !(credit.get(c.seg) ?? []).some(([a, b]) => c.a >= a && c.b <= b));
}

/**
 * The `:` of a credit starting at token i, or -1: `Photo :`, `Photo d'illustration :`, a caption's
 * number glued to it (`ảnh 1Photo: …`), a kind of photo before it (`(Illustrative photo: …)`).
 */
function creditColon(toks: Tok[], i: number): number {
  const t = toks[i];
  const glued = /^\d+\p{Lu}/u.test(t.t);
  const head = glued ? t.f.replace(/^\d+/, '') : t.f;
  if (!CREDIT_HEADS.has(head)) return -1;
  const kind = toks[i - 1]?.cap && toks[i - 1].word && (i === 1 || toks[i - 2].t === '(');
  if (!t.cap && !glued && !kind) return -1;
  if (toks[i + 1].t === ':') return i + 1;
  const illustration = toks[i + 1].f === "d'" && toks[i + 2]?.f === 'illustration' && toks[i + 3]?.t === ':';
  return illustration ? i + 3 : -1;
}

/**
 * `-CPV/VNA`, `VNA/CPV`: a word glued by a slash to the agency's credit at the end of a text is a
 * co-signature (another outlet or desk), not a body named in the sentence.
 */
function slashedToCredit(toks: Tok[], a: number): boolean {
  const t = toks[a];
  if (!t.upper) return false;
  const glued = (x: Tok | undefined, y: Tok | undefined) => !!x && !!y && x.e === y.s;
  const after = toks[a + 1]?.t === '/' && glued(t, toks[a + 1]) && glued(toks[a + 1], toks[a + 2]) && creditWords.has(toks[a + 2].f);
  const before = toks[a - 1]?.t === '/' && glued(toks[a - 1], t) && glued(toks[a - 2], toks[a - 1]) && creditWords.has(toks[a - 2]?.f ?? '');
  return after || before;
}

/**
 * One recogniser by name: `rules` (the rules alone), or a model — `shipped` is what
 * src/data/entity-model.json holds; the bench passes other trained models in `model`.
 */
export function recognise(article: EntityInput, which: Recogniser | 'rules' | 'shipped', model?: import('./model/perceptron').Model): Entity[] {
  const an = analyse(article);
  if (which === 'rules') return buildEntities(an.segs, an.rules);
  // a page far longer than any dispatch (a hostile or broken page: 5 MB in one paragraph) gets
  // the rules alone, which were hardened for it; the model's features would cost seconds there
  if (an.segs.reduce((n, s) => n + s.toks.length, 0) > MODEL_MAX_TOKENS) return buildEntities(an.segs, an.rules);
  const cands = modelCandidates(an, which === 'shipped' ? undefined : model);
  if (!cands) return buildEntities(an.segs, an.rules);
  return buildEntities(an.segs, finishCands(an.segs, cands));
}

/** Acronym definitions and their bare uses, bare later names, then overlap resolution. */
function finishCands(segs: Segment[], cands: Cand[]): Cand[] {
  const docAcronyms = new Map<string, string>();
  segs.forEach((seg, si) => findAcronyms(seg, si, cands, docAcronyms));
  // bare uses of acronyms defined in this article (`le PMM`)
  segs.forEach((seg, si) => {
    seg.toks.forEach((t, i) => {
      if (!t.upper) return;
      const link = docAcronyms.get(t.f);
      if (!link || acronymIndex.has(t.f)) return;
      if (cands.some((c) => c.seg === si && c.a === i && c.b === i + 1)) return;
      const def = cands.find((c) => c.link === link);
      if (def) cands.push({ seg: si, a: i, b: i + 1, type: def.type, prio: 3, link });
    });
  });
  const reviewed = reviewOrgs(segs, cands);
  findBareNames(segs, reviewed);
  return resolveOverlaps(segs, reviewed);
}

/** Words before a place that read a bare name as the place (`in Hue`, `à Vinh`, `people of Hue`). */
const PLACE_BEFORE = new Set(['in', 'to', 'from', 'at', 'near', 'across', 'of', 'a', 'de', "d'", 'en', 'vers', 'dans', 'depuis']);
/** Kind words after a bare name that make it the place (`Hue city`, `Vinh ville`). */
const PLACE_AFTER = new Set(['city', 'province', 'ville', 'citadel', 'citadelle']);

/**
 * A person's last name that is also a known place (`Vuong Dinh Hue` … `Chairman Hue said`,
 * `Nguyen Chi Vinh` … `Vinh expressed`): Vietnamese are named by their last given name. When
 * the article never names the place as a place (after `in`/`à`/`de`, before `city`/`ville`),
 * its bare single-word place matches become bare mentions of that one person: in the 10 train
 * and dev articles where this applies, the word stood for the person in every one (it had
 * been listed as a place in all 10).
 */
function placeNamedAfterPerson(segs: Segment[], cands: Cand[], owners: Map<string, Set<string>>) {
  const bare = cands.filter((c) => c.type === 'LOC' && c.b === c.a + 1 && c.gaz && owners.get(segs[c.seg].toks[c.a].f)?.size === 1);
  if (!bare.length) return;
  const placeSaid = new Set<string>();
  for (const c of bare) {
    const toks = segs[c.seg].toks;
    if (PLACE_BEFORE.has(toks[c.a - 1]?.f ?? '') || PLACE_AFTER.has(toks[c.a + 1]?.f ?? '')) placeSaid.add(toks[c.a].f);
  }
  for (const c of bare) {
    if (placeSaid.has(segs[c.seg].toks[c.a].f)) continue;
    c.type = 'PER';
    c.short = true;
    c.prio = 0;
    delete c.gaz;
  }
}

/**
 * Bare later mentions of a person by one name (`Chinh affirmed`, `Takaichi said`): the last
 * word of exactly one full name found in the article, standing alone (no capitalised word
 * glued before or after it, not a known place or organisation, not a grammar word). They are
 * marked `short`, so they join that full name and are never entities of their own.
 */
function findBareNames(segs: Segment[], cands: Cand[]) {
  const owners = new Map<string, Set<string>>();
  for (const c of cands) {
    if (c.type !== 'PER' || c.short || c.b - c.a < 2) continue;
    const toks = segs[c.seg].toks;
    const last = toks[c.b - 1];
    if (!last.word) continue;
    const full = toks.slice(c.a, c.b).map((t) => t.f).join(' ');
    const set = owners.get(last.f) ?? new Set<string>();
    set.add(full);
    owners.set(last.f, set);
  }
  if (!owners.size) return;
  placeNamedAfterPerson(segs, cands, owners);
  const covered = new Map<number, Set<number>>();
  for (const c of cands) {
    const set = covered.get(c.seg) ?? new Set<number>();
    for (let k = c.a; k < c.b; k++) set.add(k);
    covered.set(c.seg, set);
  }
  segs.forEach((seg, si) => {
    const toks = seg.toks;
    const cov = covered.get(si);
    toks.forEach((t, i) => {
      if (!t.cap || t.upper || t.f.length < 3 || STOP.has(t.f) || owners.get(t.f)?.size !== 1 || cov?.has(i)) return;
      const p = toks[i - 1];
      const n = toks[i + 1];
      if ((p && p.word && p.cap) || (n && n.word && n.cap) || (n && n.t === '-' && !n.sp) || (p && p.t === '-' && !t.sp)) return;
      if (matchAt(toks, i)) return;
      cands.push({ seg: si, a: i, b: i + 1, type: 'PER', prio: 0, short: true });
    });
  });
}
