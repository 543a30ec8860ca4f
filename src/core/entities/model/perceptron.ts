// The sequence labeller's model and decoder: a linear model over token features and label
// bigrams (a first-order structured perceptron, averaged at training time), decoded by
// Viterbi under the BIO constraint. Training lives in bench/lib/train-perceptron.ts; here is
// only what the extension runs, and the compact file format of src/data/entity-model.json.
import { LABELS, NL, allowed } from './labels';

export interface ModelOptions {
  /** The rules' labels are features (the combined recogniser). */
  rules: boolean;
  /** Types taken from the rules rather than from the model (decided on dev). */
  ruleTypes: string[];
  /** Keep the rules' places/organisations nested inside a model ORG/EVENT span. */
  nested: boolean;
  /**
   * A place or organisation of at most two words that only the model proposes (no rule found
   * that span) and that the article names once is left out: on dev such names were mostly wrong.
   */
  confirm?: boolean;
  /**
   * Types where the rules' spans stay and the model only adds the spans it finds where no rule
   * span lies (rules first, the model fills their gaps).
   */
  fill?: string[];
  /** A span the model adds in the rules' gaps needs at least this decoder margin (spanPreference). */
  fillMargin?: number;
  /** Pooled rule and tagger spans are kept by the span scorer (spans.ts) whose weights the file holds. */
  rescore?: boolean;
  /** Added per type to the span scorer's score before its `> 0` cut (a per-type threshold, chosen by cross-validation). */
  spanBias?: Record<string, number>;
}

export interface Model {
  opts: ModelOptions;
  index: Map<string, number>;
  /** nFeatures x NL emission weights. */
  w: Float32Array;
  /** NL x NL transition weights (prev, cur), then NL start weights. */
  trans: Float32Array;
  start: Float32Array;
  meta: Record<string, unknown>;
  /** Span scorer weights (rescore). */
  spanW?: Map<string, number>;
}

/** What src/data/entity-model.json holds. */
export interface ModelFile {
  format: 1;
  labels: string[];
  opts: ModelOptions;
  meta: Record<string, unknown>;
  /** Quantisation step of every weight. */
  scale: number;
  trans: number[];
  start: number[];
  /** Feature strings, one per line, in weight order. */
  features: string;
  /** base64: per feature a 16-bit label mask, then one int16 per set bit. */
  weights: string;
  /** Span scorer: feature strings (one per line) and their weights, in the same order. */
  spans?: { features: string; weights: number[] };
}

const bad = (l: number) => !Number.isFinite(l);

/** Best label sequence for tokens given as feature-index lists (-1 = unknown feature, skipped). */
export function viterbi(feats: number[][], w: ArrayLike<number>, trans: ArrayLike<number>, start: ArrayLike<number>): Uint8Array {
  return decode(feats, w, trans, start, 0, 0).labels;
}

/** Max-product forward/backward scores of one segment: what a span's forced score is read from. */
export interface Lattice {
  n: number;
  em: Float64Array;
  /** Best score of labels 0..i ending with l at i (emissions included). */
  alpha: Float64Array;
  /** Best score of labels i+1..n-1 given l at i. */
  beta: Float64Array;
  trans: ArrayLike<number>;
  start: ArrayLike<number>;
}

export function lattice(feats: number[][], w: ArrayLike<number>, trans: ArrayLike<number>, start: ArrayLike<number>): Lattice {
  const n = feats.length;
  const em = new Float64Array(n * NL);
  for (let i = 0; i < n; i++)
    for (const f of feats[i]) {
      if (f < 0) continue;
      const o = f * NL;
      for (let l = 0; l < NL; l++) em[i * NL + l] += w[o + l];
    }
  const alpha = new Float64Array(n * NL).fill(-Infinity);
  const beta = new Float64Array(n * NL).fill(-Infinity);
  for (let i = 0; i < n; i++)
    for (let l = 0; l < NL; l++) {
      if (i === 0) {
        if (allowed(0, l)) alpha[l] = start[l] + em[l];
        continue;
      }
      let best = -Infinity;
      for (let p = 0; p < NL; p++) if (allowed(p, l)) best = Math.max(best, alpha[(i - 1) * NL + p] + trans[p * NL + l]);
      alpha[i * NL + l] = best + em[i * NL + l];
    }
  for (let l = 0; l < NL; l++) if (n) beta[(n - 1) * NL + l] = 0;
  for (let i = n - 2; i >= 0; i--)
    for (let l = 0; l < NL; l++) {
      let best = -Infinity;
      for (let q = 0; q < NL; q++) if (allowed(l, q)) best = Math.max(best, trans[l * NL + q] + em[(i + 1) * NL + q] + beta[(i + 1) * NL + q]);
      beta[i * NL + l] = best;
    }
  return { n, em, alpha, beta, trans, start };
}

/** Best score of a labelling whose tokens [a, b) carry exactly `labels` (one per token). */
export function forcedScore(lat: Lattice, a: number, labels: ArrayLike<number>): number {
  const { em, alpha, beta, trans, start } = lat;
  const b = a + labels.length;
  const l0 = labels[0];
  let s: number;
  if (a === 0) s = allowed(0, l0) ? start[l0] : -Infinity;
  else {
    s = -Infinity;
    for (let p = 0; p < NL; p++) if (allowed(p, l0)) s = Math.max(s, alpha[(a - 1) * NL + p] + trans[p * NL + l0]);
  }
  s += em[a * NL + l0];
  for (let k = a + 1; k < b; k++) {
    const l = labels[k - a];
    if (!allowed(labels[k - a - 1], l)) return -Infinity;
    s += trans[labels[k - a - 1] * NL + l] + em[k * NL + l];
  }
  return s + beta[(b - 1) * NL + labels[labels.length - 1]];
}

/**
 * How much the model prefers tokens [a, b) as one name of label pair (bl, il) over leaving them
 * outside any name: positive where it finds that span itself, negative where it would not.
 */
export function spanPreference(lat: Lattice, a: number, b: number, bl: number, il: number): number {
  const on = new Uint8Array(b - a).fill(il);
  on[0] = bl;
  const s = forcedScore(lat, a, on) - forcedScore(lat, a, new Uint8Array(b - a));
  return Number.isFinite(s) ? s : s > 0 ? 1e6 : -1e6;
}

/** Viterbi under the BIO constraint, tokens [oa, ob) forced to O; the best sequence and its score. */
function decode(feats: number[][], w: ArrayLike<number>, trans: ArrayLike<number>, start: ArrayLike<number>, oa: number, ob: number): { labels: Uint8Array; score: number } {
  const n = feats.length;
  const out = new Uint8Array(n);
  if (!n) return { labels: out, score: 0 };
  const score = new Float64Array(n * NL);
  const back = new Uint8Array(n * NL);
  const em = new Float64Array(NL);
  for (let i = 0; i < n; i++) {
    em.fill(0);
    for (const f of feats[i]) {
      if (f < 0) continue;
      const o = f * NL;
      for (let l = 0; l < NL; l++) em[l] += w[o + l];
    }
    const forced = i >= oa && i < ob;
    for (let l = 0; l < NL; l++) {
      if (forced && l !== 0) {
        score[i * NL + l] = -Infinity;
        continue;
      }
      if (i === 0) {
        score[l] = allowed(0, l) ? start[l] + em[l] : -Infinity;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < NL; p++) {
        const s = score[(i - 1) * NL + p];
        if (bad(s) || !allowed(p, l)) continue;
        const v = s + trans[p * NL + l];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[i * NL + l] = best + em[l];
      back[i * NL + l] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let l = 0; l < NL; l++) {
    const s = score[(n - 1) * NL + l];
    if (s > best) {
      best = s;
      arg = l;
    }
  }
  const total = best;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * NL + arg];
  }
  return { labels: out, score: total };
}

export function featureIndexes(model: Model, fs: string[][]): number[][] {
  return fs.map((x) => x.map((f) => model.index.get(f) ?? -1));
}

function b64decode(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function b64encode(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The file's compact form back into a model (once per context, on first use). */
export function decodeModel(file: ModelFile): Model {
  if (file.format !== 1 || file.labels.join(' ') !== LABELS.join(' ')) throw new Error('entity model: unknown format');
  const names = file.features ? file.features.split('\n') : [];
  const index = new Map<string, number>();
  names.forEach((f, i) => index.set(f, i));
  const w = new Float32Array(names.length * NL);
  const bytes = b64decode(file.weights);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  for (let i = 0; i < names.length; i++) {
    const mask = dv.getUint16(p, true);
    p += 2;
    for (let l = 0; l < NL; l++) {
      if (!(mask & (1 << l))) continue;
      w[i * NL + l] = dv.getInt16(p, true) * file.scale;
      p += 2;
    }
  }
  const m: Model = { opts: file.opts, index, w, trans: Float32Array.from(file.trans), start: Float32Array.from(file.start), meta: file.meta };
  if (file.spans) {
    const fs = file.spans.features.split('\n');
    m.spanW = new Map(fs.map((f, i) => [f, file.spans!.weights[i]]));
  }
  return m;
}

/**
 * A model into the file's compact form: weights quantised to int16 steps of `scale`, features
 * whose every weight rounds to 0 left out (they cannot change a decision).
 */
export function encodeModel(m: { opts: ModelOptions; meta: Record<string, unknown>; names: string[]; w: ArrayLike<number>; trans: ArrayLike<number>; start: ArrayLike<number> }, minAbs = 0): ModelFile {
  let max = 0;
  for (let i = 0; i < m.w.length; i++) max = Math.max(max, Math.abs(m.w[i]));
  const scale = max ? max / 32767 : 1;
  const q = (x: number) => (Math.abs(x) < minAbs ? 0 : Math.round(x / scale));
  const keep: { name: string; vals: number[] }[] = [];
  m.names.forEach((name, i) => {
    const vals: number[] = [];
    for (let l = 0; l < NL; l++) vals.push(q(m.w[i * NL + l]));
    if (vals.some((v) => v !== 0)) keep.push({ name, vals });
  });
  keep.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const buf: number[] = [];
  const u16 = (v: number) => buf.push(v & 255, (v >> 8) & 255);
  for (const k of keep) {
    let mask = 0;
    k.vals.forEach((v, l) => {
      if (v) mask |= 1 << l;
    });
    u16(mask);
    k.vals.forEach((v) => {
      if (v) u16(v & 0xffff);
    });
  }
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    format: 1,
    labels: LABELS,
    opts: m.opts,
    meta: m.meta,
    scale,
    trans: Array.from(m.trans, r4),
    start: Array.from(m.start, r4),
    features: keep.map((k) => k.name).join('\n'),
    weights: b64encode(Uint8Array.from(buf)),
  };
}
