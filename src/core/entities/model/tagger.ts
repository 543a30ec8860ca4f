// The learned recogniser at run time: tags each segment with the model, turns the tagged
// spans into the same candidates the rules emit (so overlap resolution, acronym links,
// aliases and merging are shared), and carries over what the rules know about a span they
// found too (gazetteer entry, role, date value, short-name flag, acronym link).
//
// The weights are decoded once per context on first use, never at import: the data module is
// a few large strings (cheap to load), decoding them into a Map and typed arrays is the work,
// and it happens only when an article's entities are asked for.
import type { Cand } from '../candidates';
import type { Segment } from '../text';
import { matchAt } from '../gazetteer';
import { gluedHyphen } from '../text';
import { segmentFeatures } from './features';
import { decodeModel, featureIndexes, viterbi, lattice, spanPreference, type Model, type ModelFile, type ModelOptions } from './perceptron';
import { B as BL, I as IL, TYPES } from './labels';
import { spanPool, spanFeatures, poolCounts, spanScore, type PoolItem } from './spans';
import { spansOf } from './labels';
import shippedFile from '../../../data/entity-model.json';

export type Recogniser = 'model' | 'combined';

let shipped: Model | null | undefined;
let decodes = 0;
/** How many times the shipped weights were decoded in this context (a test checks: once, lazily). */
export const modelDecodes = () => decodes;
/** The shipped model, decoded on first use (null when the data file holds no model). */
export function shippedModel(): Model | null {
  if (shipped === undefined) {
    const f = shippedFile as unknown as ModelFile;
    // a file without features says the rules won (`shipped: 'rules'`, the trainer's figures in its meta)
    shipped = f && f.format === 1 && f.features ? (decodes++, decodeModel(f)) : null;
  }
  return shipped;
}

interface AnalysisLike {
  lang: string;
  segs: Segment[];
  rules: Cand[];
}

/** Label sequences of each segment under a model. */
export function tagSegments(an: AnalysisLike, model: Model): Uint8Array[] {
  return segmentIndexes(an, model).map((fi) => viterbi(fi, model.w, model.trans, model.start));
}

function segmentIndexes(an: AnalysisLike, model: Model): number[][][] {
  return an.segs.map((seg, si) => featureIndexes(model, segmentFeatures(seg, si, an.lang, model.opts.rules ? an.rules : null)));
}

/** The model's own spans as candidates, carrying what the rules know of the same span; the tokens they cover. */
function spanCandidates(an: AnalysisLike, tags: Uint8Array[], ruleTypes: Set<string>, fill: Set<string>, sure: (si: number, a: number, b: number, type: Cand['type']) => boolean): { out: Cand[]; modelOnly: Set<Cand>; covered: Map<number, Uint8Array> } {
  const bySpan = new Map<string, Cand>();
  for (const c of an.rules) bySpan.set(`${c.seg}:${c.a}:${c.b}:${c.type}`, c);
  const ruleCov = new Map<number, Uint8Array>();
  if (fill.size)
    an.segs.forEach((seg, si) => {
      const cov = new Uint8Array(seg.toks.length);
      for (const c of an.rules) if (c.seg === si) for (let k = c.a; k < c.b; k++) cov[k] = 1;
      ruleCov.set(si, cov);
    });
  const overlapsRule = (si: number, a: number, b: number) => {
    const cov = ruleCov.get(si)!;
    for (let k = a; k < b; k++) if (cov[k]) return true;
    return false;
  };
  const anyRule = new Set(an.rules.map((c) => `${c.seg}:${c.a}:${c.b}`));
  const modelOnly = new Set<Cand>();
  const out: Cand[] = [];
  const covered = new Map<number, Uint8Array>();
  tags.forEach((labels, si) => {
    const cov = new Uint8Array(labels.length);
    covered.set(si, cov);
    for (const s0 of joinHyphens(an.segs[si].toks, spansOf(labels))) {
      // a fill type is the rules' where they found it and the model's in their gaps, so it is
      // read here even when the rules answer for it (until 2026-12 the rule-type test came first
      // and the shipped `fill: ['EVENT']` added nothing)
      if (ruleTypes.has(s0.type) && !fill.has(s0.type)) continue;
      const ab = tidySpan(an.segs[si].toks, s0.a, s0.b);
      if (!ab) continue;
      const s = { a: ab[0], b: ab[1], type: s0.type };
      // a fill type: the rules' spans answer; the model's only where no rule span lies
      if (fill.has(s.type) && (overlapsRule(si, s.a, s.b) || !sure(si, s.a, s.b, s.type))) continue;
      const r = bySpan.get(`${si}:${s.a}:${s.b}:${s.type}`);
      const c: Cand = { seg: si, a: s.a, b: s.b, type: s.type, prio: 3 };
      if (!r && !anyRule.has(`${si}:${s.a}:${s.b}`)) modelOnly.add(c);
      if (r) carryOver(c, r);
      else {
        const g = matchAt(an.segs[si].toks, s.a);
        if (g && g.end === s.b && g.entry.type === s.type) c.gaz = g.entry;
      }
      out.push(c);
      for (let k = s.a; k < s.b; k++) cov[k] = 1;
    }
  });
  return { out, modelOnly, covered };
}

/** What the rules know of a span the model found too (gazetteer entry, role, date value, short flag, acronym link). */
function carryOver(c: Cand, r: Cand): void {
  c.gaz = r.gaz;
  c.role = r.role;
  c.value = r.value;
  c.link = r.link;
  c.aliases = r.aliases;
  c.short = r.short;
  c.name = r.name;
  c.prio = r.prio;
}

/**
 * Types the rules answer for, where the model left the tokens free; and, if asked, the rules'
 * names nested inside the model's organisations and events.
 */
function addRuleCandidates(an: AnalysisLike, out: Cand[], covered: Map<number, Uint8Array>, ruleTypes: Set<string>, nested: boolean, fill: Set<string>): void {
  for (const r of an.rules) {
    const cov = covered.get(r.seg);
    if (!cov) continue;
    let free = true;
    for (let k = r.a; k < r.b; k++) if (cov[k]) free = false;
    if (fill.has(r.type) && !r.nested) out.push(copy(r));
    else if (ruleTypes.has(r.type) && !r.nested && free) out.push(copy(r));
    else if (nested && r.nested && !free && out.some((c) => c.seg === r.seg && c.a <= r.a && c.b >= r.b && c.b - c.a > r.b - r.a && (c.type === 'ORG' || c.type === 'EVENT'))) out.push(copy(r));
  }
}

/**
 * One name, one type in an article: the same words tagged with two types take the type most of
 * their mentions have (the first on a tie); the rules' types are left as they are.
 */
function voteTypes(out: Cand[], keyOf: (c: Cand) => string, ruleTypes: Set<string>): void {
  const votes = new Map<string, Map<string, number>>();
  const own = out.filter((c) => !ruleTypes.has(c.type));
  for (const c of own) {
    const k = keyOf(c);
    const v = votes.get(k) ?? new Map<string, number>();
    v.set(c.type, (v.get(c.type) ?? 0) + 1);
    votes.set(k, v);
  }
  for (const c of own) {
    const v = votes.get(keyOf(c))!;
    if (v.size < 2) continue;
    const best = [...v.entries()].sort((x, y) => y[1] - x[1])[0][0] as Cand['type'];
    if (best !== c.type && !ruleTypes.has(best)) {
      c.type = best;
      c.gaz = c.gaz && c.gaz.type === best ? c.gaz : undefined;
    }
  }
}

/** `confirm`: a short organisation or place only the model found, seen once, is dropped. */
function dropUnconfirmed(out: Cand[], keyOf: (c: Cand) => string, modelOnly: Set<Cand>): void {
  const times = new Map<string, number>();
  for (const c of out) times.set(c.type + ':' + keyOf(c), (times.get(c.type + ':' + keyOf(c)) ?? 0) + 1);
  const drop = (c: Cand) => modelOnly.has(c) && (c.type === 'ORG' || c.type === 'LOC') && c.b - c.a <= 2 && times.get(c.type + ':' + keyOf(c)) === 1;
  for (let k = out.length - 1; k >= 0; k--) if (drop(out[k])) out.splice(k, 1);
}

/**
 * Whether a decoding setting reads the tagger at all: not when the rules answer for every type
 * and the model fills none of their gaps. Such a setting is the rules, and answers as they do
 * without computing the tagger's features and labels (~60% of recognition time when the
 * shipped setting was one, unnoticed: the fill bug above).
 */
export function taggerNeeded(opts: Partial<ModelOptions>): boolean {
  const rt = new Set(opts.ruleTypes ?? []);
  return !!opts.rescore || !!opts.fill?.length || TYPES.some((t) => !rt.has(t));
}

/** Candidates from the model's spans (null when there is no model or it reads no tagger output: the rules answer alone). */
export function modelCandidates(an: AnalysisLike, model?: Model): Cand[] | null {
  const m = model ?? shippedModel();
  if (!m || !taggerNeeded(m.opts)) return null;
  if (m.opts.rescore && m.spanW) return rescoredCandidates(an, m);
  const fis = segmentIndexes(an, m);
  const tags = fis.map((fi) => viterbi(fi, m.w, m.trans, m.start));
  const ruleTypes = new Set<string>(m.opts.ruleTypes);
  const fill = new Set<string>(m.opts.fill ?? []);
  const min = m.opts.fillMargin ?? 0;
  const lats = new Map<number, ReturnType<typeof lattice>>();
  const lat = (si: number) => lats.get(si) ?? (lats.set(si, lattice(fis[si], m.w, m.trans, m.start)), lats.get(si)!);
  const sure = (si: number, a: number, b: number, type: Cand['type']) => min <= 0 || spanPreference(lat(si), a, b, BL(type), IL(type)) >= min;
  const { out, modelOnly, covered } = spanCandidates(an, tags, ruleTypes, fill, sure);
  addRuleCandidates(an, out, covered, ruleTypes, !!m.opts.nested, fill);
  const keyOf = (c: Cand) => an.segs[c.seg].toks.slice(c.a, c.b).map((t) => t.f).join(' ');
  voteTypes(out, keyOf, ruleTypes);
  if (m.opts.confirm) dropUnconfirmed(out, keyOf, modelOnly);
  // a one-word person that is the last word of a full name found in the article joins it
  const lastWords = new Set<string>();
  for (const c of out) if (c.type === 'PER' && c.b - c.a >= 2) lastWords.add(an.segs[c.seg].toks[c.b - 1].f);
  for (const c of out) if (c.type === 'PER' && c.b - c.a === 1 && lastWords.has(an.segs[c.seg].toks[c.a].f)) c.short = true;
  return out;
}

/** The pooled rule and tagger spans of an article with their scorer features (training reads them too). */
export function spanPoolOf(an: AnalysisLike, m: Model): { pool: PoolItem[]; feats: string[][] } {
  const fis = segmentIndexes(an, m);
  const tags = fis.map((fi) => viterbi(fi, m.w, m.trans, m.start));
  const lats = new Map<number, ReturnType<typeof lattice>>();
  const lat = (si: number) => lats.get(si) ?? (lats.set(si, lattice(fis[si], m.w, m.trans, m.start)), lats.get(si)!);
  const { out } = spanCandidates(an, tags, new Set(), new Set(), () => true);
  const pool = spanPool(an.rules, out, lat);
  const counts = poolCounts(an.segs, pool);
  return { pool, feats: pool.map((it, k) => spanFeatures(an.segs, an.lang, it, counts[k])) };
}

/** `rescore`: the pooled spans the scorer keeps, the rules' nested names inside kept containers if `nested`. */
function rescoredCandidates(an: AnalysisLike, m: Model): Cand[] {
  const { pool, feats } = spanPoolOf(an, m);
  const out: Cand[] = [];
  // the types the rules answer for alone keep their spans as the rules have them
  const ruleTypes = new Set<string>(m.opts.ruleTypes);
  pool.forEach((it, k) => {
    const keep = ruleTypes.has(it.c.type) ? it.rule : spanScore(m.spanW!, feats[k]) + (m.opts.spanBias?.[it.c.type] ?? 0) > 0;
    if (keep) out.push(it.model ? it.c : copy(it.c));
  });
  if (m.opts.nested)
    for (const r of an.rules)
      if (r.nested && out.some((c) => c.seg === r.seg && c.a <= r.a && c.b >= r.b && c.b - c.a > r.b - r.a && (c.type === 'ORG' || c.type === 'EVENT'))) out.push(copy(r));
  const keyOf = (c: Cand) => an.segs[c.seg].toks.slice(c.a, c.b).map((t) => t.f).join(' ');
  voteTypes(out, keyOf, new Set());
  const lastWords = new Set<string>();
  for (const c of out) if (c.type === 'PER' && c.b - c.a >= 2) lastWords.add(an.segs[c.seg].toks[c.b - 1].f);
  for (const c of out) if (c.type === 'PER' && c.b - c.a === 1 && lastWords.has(an.segs[c.seg].toks[c.a].f)) c.short = true;
  return out;
}

function copy(r: Cand): Cand {
  const { nested: _n, ...rest } = r;
  return { ...rest };
}

const OPEN = new Set(['(', '[', '«', '“']);
const CLOSE = new Set([')', ']', '»', '”']);
const EDGE = /^[\p{P}\p{S}]$/u;
const TRAILING = new Set(['de', 'du', 'des', "d'", "l'", 'la', 'le', 'les', 'a', 'au', 'aux', 'et', 'of', 'the', 'and', 'for', 'pour', 'in', 'en']);
/**
 * A tagged span as a name: cut before a bracket (what is in brackets is an acronym or another
 * name, a mention of its own: `Jeux d'Asie du Sud-Est (SEA Games 33)`) or before a quote it does
 * not close, and no punctuation at either end (`Musée des beaux-` is not a name;
 * `Association d'amitié Vietnam - Chili` keeps its inner dash).
 */
export function tidySpan(toks: Segment['toks'], a: number, b: number): [number, number] | null {
  while (a < b && EDGE.test(toks[a].t)) a++;
  for (let k = a + 1; k < b; k++) {
    const t = toks[k].t;
    if (t === '(' || t === '[' || t === ')' || t === ']') {
      b = k;
      break;
    }
    if (OPEN.has(t)) {
      let closed = false;
      for (let j = k + 1; j < b; j++) if (CLOSE.has(toks[j].t)) closed = true;
      if (!closed) {
        b = k;
        break;
      }
    }
  }
  // nor a connector or article at its end (`Centre national d’`)
  for (;;) {
    const t = toks[b - 1];
    if (b > a && EDGE.test(t.t) && !(t.t === '.' && b - 1 > a && /^\p{Lu}$/u.test(toks[b - 2].t))) b--;
    else if (b - 1 > a && t.word && !t.cap && TRAILING.has(t.f)) b--;
    else break;
  }
  return b > a ? [a, b] : null;
}

/**
 * A name is not cut at a glued hyphen (`Fête de mi-automne`, `Accord de libre-échange
 * Vietnam-Union économique eurasiatique`): a span ending before `-word` takes the word, and
 * two spans joined by a glued hyphen are one (the first one's type).
 */
export function joinHyphens<T extends { a: number; b: number }>(toks: Segment['toks'], spans: T[]): T[] {
  const out: T[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && s.a === prev.b + 1 && gluedHyphen(toks, prev.b)) {
      prev.b = s.b;
      continue;
    }
    out.push({ ...s });
  }
  const taken = (k: number) => spans.some((s) => k >= s.a && k < s.b);
  for (const s of out) while (gluedHyphen(toks, s.b) && toks[s.b + 1]?.word && !taken(s.b + 1)) s.b += 2;
  return out;
}
