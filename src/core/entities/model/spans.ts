// Span rescoring (issue #12, "rule candidates rescored"): the rules' spans and the tagger's spans
// pooled, each described by where it comes from (rules, model, both), how much the tagger
// prefers it over no name there (spanPreference), its type, length, words and context, then
// kept where a linear scorer says so. The scorer is trained on out-of-fold tagger output
// (bench/lib/train-rescorer.ts), so it learns how far to trust each source on text the tagger
// has not seen; its weights ship in the model file.
import type { Cand } from '../candidates';
import type { Segment } from '../text';
import { shape } from './features';
import { spanPreference, type Lattice } from './perceptron';
import { B, I } from './labels';

/** One pooled span: the candidate, its sources, the tagger's preference for it. */
export interface PoolItem {
  c: Cand;
  rule: boolean;
  model: boolean;
  pref: number;
  /** A span of the other source overlaps it without being the same. */
  clash: boolean;
}

const bucket = (p: number) => (p <= -120 ? 'n4' : p <= -60 ? 'n3' : p <= -20 ? 'n2' : p < 0 ? 'n1' : p < 20 ? 'p1' : p < 60 ? 'p2' : p < 120 ? 'p3' : 'p4');

/** The pool: top-level rule spans (nested ones are handled apart) and the tagger's spans, same span+type once. */
export function spanPool(rules: Cand[], model: Cand[], lat: (si: number) => Lattice): PoolItem[] {
  const key = (c: Cand) => `${c.seg}:${c.a}:${c.b}:${c.type}`;
  const items = new Map<string, PoolItem>();
  for (const c of model) items.set(key(c), { c, rule: false, model: true, pref: 0, clash: false });
  for (const r of rules) {
    if (r.nested) continue;
    const it = items.get(key(r));
    if (it) it.rule = true;
    else items.set(key(r), { c: r, rule: true, model: false, pref: 0, clash: false });
  }
  const list = [...items.values()];
  for (const it of list) {
    const { c } = it;
    it.pref = spanPreference(lat(c.seg), c.a, c.b, B(c.type), I(c.type));
    it.clash = list.some((o) => o !== it && o.c.seg === c.seg && o.c.a < c.b && c.a < o.c.b && (it.rule ? o.model && !o.rule : o.rule && !o.model));
  }
  return list;
}

/** The scorer's features of one pooled span (strings, each conjoined with the span's type). */
export function spanFeatures(segs: Segment[], lang: string, it: PoolItem, seen: number): string[] {
  const { c } = it;
  const toks = segs[c.seg].toks;
  const t = c.type;
  const src = it.rule && it.model ? 'both' : it.rule ? 'rule' : 'model';
  const pb = bucket(it.pref);
  const len = Math.min(c.b - c.a, 6);
  const first = toks[c.a];
  const last = toks[c.b - 1];
  const prev = toks[c.a - 1];
  const next = toks[c.b];
  return [
    'b',
    'src=' + src,
    'pref=' + pb,
    'src|pref=' + src + '|' + pb,
    'len=' + len,
    'src|len=' + src + '|' + len,
    'clash=' + it.clash + '|' + src,
    'gaz=' + !!c.gaz + '|' + src,
    'prio=' + c.prio + '|' + src,
    'w0=' + first.f,
    'wl=' + last.f,
    'prev=' + (prev ? prev.f : '<s>'),
    'next=' + (next ? next.f : '</s>'),
    'sh0=' + shape(first.t),
    'seen=' + Math.min(seen, 3) + '|' + src,
    'fld=' + segs[c.seg].field,
    'lang=' + lang + '|' + src,
    'short=' + !!c.short,
  ].map((f) => t + ':' + f);
}

/** How often each span's words occur as a pooled span of the article (a name said again is likelier one). */
export function poolCounts(segs: Segment[], pool: PoolItem[]): number[] {
  const text = (it: PoolItem) => segs[it.c.seg].toks.slice(it.c.a, it.c.b).map((x) => x.f).join(' ');
  const n = new Map<string, number>();
  const keys = pool.map(text);
  for (const k of keys) n.set(k, (n.get(k) ?? 0) + 1);
  return keys.map((k) => n.get(k)!);
}

export function spanScore(w: Map<string, number>, fs: string[]): number {
  let s = 0;
  for (const f of fs) s += w.get(f) ?? 0;
  return s;
}
