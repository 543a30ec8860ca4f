// Training of the span scorer (src/core/entities/model/spans.ts), Node only: the tagger's spans
// and the rules' spans of each document, pooled by a tagger that did not see that document
// (out-of-fold), labelled by whether the gold mentions hold exactly that span with that type,
// then an averaged binary perceptron over their features. Deterministic (seeded order).
import { spanPoolOf } from '../../src/core/entities/model/tagger';
import { B, I } from '../../src/core/entities/model/labels';
import type { Model } from '../../src/core/entities/model/perceptron';
import type { PoolItem } from '../../src/core/entities/model/spans';
import { analysisOf, interner, rng, trained, type TrainOptions } from './train-perceptron';
import type { CorpusDoc } from './corpus';

export interface SpanItem {
  doc: string;
  feats: string[];
  y: 1 | -1;
}

/** Whether the gold labels of the span's segment hold exactly this span with this type. */
function goldHas(d: CorpusDoc, it: PoolItem): boolean {
  const g = d.gold[it.c.seg];
  const { a, b, type } = it.c;
  if (!g || g[a] !== B(type)) return false;
  for (let k = a + 1; k < b; k++) if (g[k] !== I(type)) return false;
  return g[b] !== I(type);
}

/** The pooled spans of docs under a tagger, labelled. */
export function spanItems(docs: CorpusDoc[], m: Model): SpanItem[] {
  const out: SpanItem[] = [];
  for (const d of docs) {
    const { pool, feats } = spanPoolOf(analysisOf(d), m);
    pool.forEach((it, k) => out.push({ doc: d.id, feats: feats[k], y: goldHas(d, it) ? 1 : -1 }));
  }
  return out;
}

/** Folds by article id order: [training docs, held-out docs]. */
export function foldsOf(docs: CorpusDoc[], k: number): [CorpusDoc[], CorpusDoc[]][] {
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: [CorpusDoc[], CorpusDoc[]][] = [];
  for (let f = 0; f < k; f++) out.push([sorted.filter((_, i) => i % k !== f), sorted.filter((_, i) => i % k === f)]);
  return out;
}

/** Out-of-fold items of docs: each document's spans pooled by a tagger trained on the other folds (plus `extra`). */
export function outOfFoldItems(docs: CorpusDoc[], o: TrainOptions, k: number, extra: CorpusDoc[] = []): SpanItem[] {
  return foldsOf(docs, k).flatMap(([tr, ev]) => spanItems(ev, trained([...tr, ...extra], o).model));
}


/** Averaged binary perceptron over the items; weights rounded (the file stores them as they are used). */
export function trainSpanScorer(items: SpanItem[], epochs: number, seed: number): { features: string; weights: number[]; map: Map<string, number> } {
  const { names, id } = interner();
  const xs = items.map((it) => it.feats.map(id));
  const w = new Float64Array(names.length);
  const u = new Float64Array(names.length);
  let c = 1;
  const order = items.map((_, i) => i);
  const rand = rng(seed);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      let s = 0;
      for (const f of xs[k]) s += w[f];
      const y = items[k].y;
      if (y * s <= 0) for (const f of xs[k]) {
        w[f] += y;
        u[f] += c * y;
      }
      c++;
    }
  }
  const kept: [string, number][] = [];
  names.forEach((n, i) => {
    const v = Math.round((w[i] - u[i] / c) * 1e4) / 1e4;
    if (v) kept.push([n, v]);
  });
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { features: kept.map((x) => x[0]).join('\n'), weights: kept.map((x) => x[1]), map: new Map(kept) };
}
