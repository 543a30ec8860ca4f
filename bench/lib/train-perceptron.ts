// Training of the sequence labeller (Node only): averaged structured perceptron over the
// features of src/core/entities/model/features.ts, Viterbi decoding under the BIO constraint.
// Deterministic: fixed epochs, documents shuffled by a seeded generator, no clock or Math.random.
import { analyse, type Analysis } from '../../src/core/entities/index';
import { segmentFeatures } from '../../src/core/entities/model/features';
import { NL } from '../../src/core/entities/model/labels';
import { viterbi, encodeModel, decodeModel, type ModelOptions, type ModelFile, type Model } from '../../src/core/entities/model/perceptron';
import type { CorpusDoc } from './corpus';
import { PRUNE } from './train-config';

export interface TrainOptions extends ModelOptions {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in the training tokens are left out (1 = all kept). */
  minCount?: number;
  /** Weights below this are left out of the file (default PRUNE; tiny test corpora use 0). */
  prune?: number;
}

interface Seq {
  feats: number[][];
  gold: Uint8Array;
}

/** Feature names numbered in order of first use (`names[id(f)] === f`). */
export function interner(): { names: string[]; id: (f: string) => number } {
  const index = new Map<string, number>();
  const names: string[] = [];
  const id = (f: string) => {
    let i = index.get(f);
    if (i === undefined) {
      i = names.length;
      index.set(f, i);
      names.push(f);
    }
    return i;
  };
  return { names, id };
}

/** A small deterministic generator (xorshift32): the same corpus and seed give the same weights. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const analyses = new WeakMap<CorpusDoc, Analysis>();
export function analysisOf(d: CorpusDoc): Analysis {
  let a = analyses.get(d);
  if (!a) analyses.set(d, (a = analyse(d.record)));
  return a;
}

export function trainModel(docs: CorpusDoc[], o: TrainOptions, meta: Record<string, unknown> = {}): ModelFile {
  const { names, id } = interner();
  const raw: { fs: string[][]; gold: Uint8Array }[] = [];
  const seen = new Map<string, number>();
  for (const d of docs) {
    const an = analysisOf(d);
    an.segs.forEach((seg, si) => {
      if (!seg.toks.length) return;
      const fs = segmentFeatures(seg, si, an.lang, o.rules ? an.rules : null);
      for (const x of fs) for (const f of x) seen.set(f, (seen.get(f) ?? 0) + 1);
      raw.push({ fs, gold: d.gold[si] });
    });
  }
  const min = o.minCount ?? 1;
  const seqs: Seq[] = raw.map((r) => ({ feats: r.fs.map((x) => x.filter((f) => seen.get(f)! >= min).map(id)), gold: r.gold }));
  const F = names.length;
  const w = new Float64Array(F * NL);
  const u = new Float64Array(F * NL);
  const tr = new Float64Array(NL * NL);
  const tu = new Float64Array(NL * NL);
  const st = new Float64Array(NL);
  const su = new Float64Array(NL);
  let c = 1;
  const rand = rng(o.seed);
  const order = seqs.map((_, i) => i);
  for (let ep = 0; ep < o.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const { feats, gold } = seqs[k];
      const pred = viterbi(feats, w, tr, st);
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i];
        const p = pred[i];
        if (g !== p) {
          for (const f of feats[i]) {
            w[f * NL + g] += 1;
            u[f * NL + g] += c;
            w[f * NL + p] -= 1;
            u[f * NL + p] -= c;
          }
        }
        const gp = i ? gold[i - 1] : -1;
        const pp = i ? pred[i - 1] : -1;
        if (g !== p || gp !== pp) {
          if (i === 0) {
            st[g] += 1;
            su[g] += c;
            st[p] -= 1;
            su[p] -= c;
          } else {
            tr[gp * NL + g] += 1;
            tu[gp * NL + g] += c;
            tr[pp * NL + p] -= 1;
            tu[pp * NL + p] -= c;
          }
        }
      }
      c++;
    }
  }
  const avg = (x: Float64Array, ux: Float64Array) => x.map((v, i) => v - ux[i] / c);
  const { epochs: _e, seed: _s, minCount: _m, prune: _p, ...opts } = o;
  return encodeModel({ opts, meta: { ...meta, epochs: o.epochs, seed: o.seed, minCount: min, features: F }, names, w: avg(w, u), trans: avg(tr, tu), start: avg(st, su) }, o.prune ?? PRUNE);
}

export function trained(docs: CorpusDoc[], o: TrainOptions, meta?: Record<string, unknown>): { file: ModelFile; model: Model } {
  const file = trainModel(docs, o, meta);
  return { file, model: decodeModel(file) };
}
