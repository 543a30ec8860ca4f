// Ranking and filtering persisted search hits (issue 17) on typed columns, exactly as the
// search specification (test/support/reference-search.ts) and the library order them: score, then the most recently published (a
// string comparison of `published ?? ''`), then the latest saved. A common word ties ~90,000
// hits on score, so the published comparison runs on a number per ord (pubKey) and reads the
// real strings (from the cards) only for the few hits whose keys tie where the key is lossy.

/**
 * `published` as a number that keeps the strings' order: a <= b implies pubKey(a) <= pubKey(b).
 * Positions of `YYYY-MM-DDTHH:MM` get a symbol each (end of string 0, a character below the
 * position's alphabet 1, the alphabet in order, above it the top); after the end or a character
 * outside the alphabet the rest counts as 0, which keeps the order (never breaks it). 12 digit
 * positions of 13 symbols and 4 separators of 4: 13^12 × 4^4 ≈ 6e15 < 2^53. Lossless (equal keys
 * mean equal strings) for any prefix of that shape, e.g. `2024-03-05` or `2024-03-05T10:20`.
 */
const SHAPE = 'dddd-dd-ddTdd:dd';
/** The key of the characters after the first 10 (the date): floor(key / TAIL10) is the date's key. */
const TAIL10 = 4 * 13 * 13 * 4 * 13 * 13;

/** Flags of a published key: the key may tie unequal strings; so may its first 10 characters; null. */
export const PUB_LOSSY = 1;
export const PUB_LOSSY10 = 2;
export const PUB_NULL = 4;

export function pubKey(p: string | null): { key: number; flag: number } {
  const s = p ?? '';
  let key = 0;
  let flag = p === null ? PUB_NULL : 0;
  if (s.length > SHAPE.length) flag |= PUB_LOSSY;
  let stopped = false;
  for (let i = 0; i < SHAPE.length; i++) {
    const digit = SHAPE[i] === 'd';
    const base = digit ? 13 : 4;
    let sym = 0;
    if (!stopped) {
      if (i >= s.length) stopped = true;
      else {
        const c = s.charCodeAt(i);
        const lo = digit ? 48 : SHAPE.charCodeAt(i);
        const hi = digit ? 57 : lo;
        sym = c < lo ? 1 : c > hi ? base - 1 : 2 + c - lo;
        if (c < lo || c > hi) {
          stopped = true;
          flag |= PUB_LOSSY | (i < 10 ? PUB_LOSSY10 : 0);
        }
      }
    }
    key = key * base + sym;
  }
  return { key, flag };
}

/** The key of the first 10 characters (the date) of a published key. */
export const dateKey = (key: number): number => Math.floor(key / TAIL10);

/**
 * v8 (search): `published` as a Uint16 that keeps the strings' order: the number of days
 * 1970-01-01 .. DAY_MAX-1 days later whose `YYYY-MM-DD` is <= the string (null and '' are 0; a
 * dated string is its day + 1). Counting day strings below it makes it monotone for any string,
 * date or not, and it depends on its first 10 characters only. The relevance cut ranks the tied
 * hits of a common word on it (2 bytes per dispatch to read instead of pubKey's 9), and orders
 * exactly, from the cards, only the few candidates it leaves.
 */
export const DAY_MAX = 65535;
const DAY_MS = 86_400_000;
const dayString = (d: number): string => new Date(d * DAY_MS).toISOString().slice(0, 10);

export function dayKey(p: string | null): number {
  const s = (p ?? '').slice(0, 10);
  if (!s) return 0;
  // A real date in range (the common case): its own day.
  if (s.length === 10) {
    const d = Math.round(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / DAY_MS);
    if (d >= 0 && d < DAY_MAX && dayString(d) === s) return d + 1;
  }
  // Anything else: count the day strings <= s (binary search; dayString is increasing).
  let lo = 0;
  let hi = DAY_MAX;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dayString(mid) <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first 10 characters of the string a pubKey was made of, when its flag says they are
 * exact (not PUB_NULL, not PUB_LOSSY10); else null. The v8 step builds the day column from
 * the v6 `pub` column with it, reading a card only for the rest.
 */
export function pubPrefix(key: number, flag: number): string | null {
  if (flag & (PUB_NULL | PUB_LOSSY10)) return null;
  const syms: number[] = [];
  for (let i = SHAPE.length - 1; i >= 0; i--) {
    const base = SHAPE[i] === 'd' ? 13 : 4;
    syms[i] = key % base;
    key = Math.floor(key / base);
  }
  let out = '';
  for (let i = 0; i < 10 && syms[i] !== 0; i++) out += SHAPE[i] === 'd' ? String.fromCharCode(48 + syms[i] - 2) : SHAPE[i];
  return out;
}

/** What ranking reads of each hit (index i of the hit arrays). */
export interface RankCols {
  ords: Int32Array;
  scores: Float64Array;
  pub: Float64Array;
  flag: Uint8Array;
  saved: Float64Array;
  site: string[];
  /** Exact published strings of some hits, loaded by need (see rankHits). */
  exact: Map<number, string | null>;
}

export type HitOrder = (i: number, j: number) => number;
type Part = 'score' | 'pub' | 'saved' | 'ord';

/** The sort chains: relevance, or a date sort that keeps relevance among equal dates. */
function chain(sort: 'relevance' | 'savedAt' | 'published', asc: boolean): [Part, number][] {
  const rel: [Part, number][] = [['score', -1], ['pub', -1], ['saved', -1], ['ord', -1]];
  if (sort === 'relevance') return rel;
  return [[sort === 'savedAt' ? 'saved' : 'pub', asc ? 1 : -1], ...rel];
}

/**
 * A comparator over the chain; `exact` settles equal lossy keys by the loaded strings. Written
 * out per chain (no loop over parts): the heap calls it ~100,000 times for a common word.
 */
function comparator(c: RankCols, parts: [Part, number][], exact: boolean): HitOrder {
  const { scores, pub, saved, ords, flag } = c;
  const pubCmp = (i: number, j: number): number => {
    const d = pub[i] - pub[j];
    if (d || !exact || !((flag[i] | flag[j]) & PUB_LOSSY)) return d;
    const a = c.exact.get(i) ?? '';
    const b = c.exact.get(j) ?? '';
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const [first, sign] = parts[0];
  const full = parts.length === chain(first === 'score' ? 'relevance' : first === 'pub' ? 'published' : 'savedAt', sign > 0).length;
  // Relevance after the sort's own key: score, published, saved, ord, all descending.
  const rel = (i: number, j: number) => scores[j] - scores[i] || pubCmp(j, i) || saved[j] - saved[i] || ords[j] - ords[i];
  // The prefixes up to the published key (rankHits' candidates): [score, pub], [pub], [saved, score, pub].
  if (first === 'score') return full ? rel : (i, j) => scores[j] - scores[i] || pubCmp(j, i);
  if (first === 'pub') return full ? (i, j) => sign * pubCmp(i, j) || rel(i, j) : (i, j) => sign * pubCmp(i, j);
  return full ? (i, j) => sign * (saved[i] - saved[j]) || rel(i, j) : (i, j) => sign * (saved[i] - saved[j]) || scores[j] - scores[i] || pubCmp(j, i);
}

/**
 * The first `k` of `idx` in the chain's exact order. The top k by keys first (a bounded heap,
 * savedAt counted 0 where not loaded); every hit that can still belong there ranks at least as
 * well as the k-th on the chain up to the published key (a key only ever ties strings, never
 * reverses them), so only those are sorted exactly, after loading from their cards what the
 * ties among them need.
 */
export async function rankHits(c: RankCols, idx: number[], k: number, sort: 'relevance' | 'savedAt' | 'published', asc: boolean, load: (hits: number[]) => Promise<void>): Promise<number[]> {
  const parts = chain(sort, asc);
  const top = topHits(idx, comparator(c, parts, false), k);
  let cand = idx;
  if (top.length === k && idx.length > k) {
    const upToPub = comparator(c, parts.slice(0, parts.findIndex(([p]) => p === 'pub') + 1), false);
    const kth = top[k - 1];
    cand = idx.filter((i) => upToPub(i, kth) <= 0);
  }
  // Hits that tie on everything known before `saved` need their card: the exact published
  // string (lossy keys) and savedAt (read only for them, unless it is the sort's column).
  const savedKnown = sort === 'savedAt';
  const groups = new Map<string, number[]>();
  for (const i of cand) {
    const g = `${c.scores[i]}|${c.pub[i]}|${savedKnown ? c.saved[i] : ''}`;
    const xs = groups.get(g);
    if (xs) xs.push(i);
    else groups.set(g, [i]);
  }
  const need: number[] = [];
  for (const g of groups.values()) if (g.length > 1 && (!savedKnown || g.some((i) => c.flag[i] & PUB_LOSSY))) need.push(...g.filter((i) => !c.exact.has(i)));
  if (need.length) await load(need);
  return cand.slice().sort(comparator(c, parts, true)).slice(0, k);
}

/** The k-th largest of `xs` (0 < k <= xs.length), reordering `xs` in place (quickselect). */
function quickselect(xs: Float64Array, k: number): number {
  // The (k-1)-th in descending order is the (m-k)-th ascending.
  let lo = 0;
  let hi = xs.length - 1;
  const want = xs.length - k;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i] < pivot) i++;
      while (xs[j] > pivot) j--;
      if (i <= j) {
        const t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
        i++;
        j--;
      }
    }
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else break;
  }
  return xs[want];
}

/** Below this k, kthLargest keeps the k largest so far in a sorted buffer (one comparison per value) instead of a quickselect. */
export const BUFFER_K = 64;

/**
 * The k-th largest of `xs` counting repeats (0 < k <= xs.length), `xs` left as it is. A page
 * needs k = offset + 20: one comparison with the buffer's last per value, where a quickselect
 * makes several passes over ~100,000 values (this runs once per cold page, mostly unoptimised).
 */
export function kthLargest(xs: Float64Array, k: number): number {
  if (k > BUFFER_K) return quickselect(xs.slice(), k);
  const top = new Float64Array(k);
  let n = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (n === k && x <= top[k - 1]) continue;
    n = insertTop(top, n, x);
  }
  return top[k - 1];
}

/**
 * Put x into `top`, the n largest values so far in descending order (the buffer's length is how
 * many it keeps), dropping the smallest when full; returns the new count. The callers test
 * `n === top.length && x <= top[top.length - 1]` inline first, so the call is only paid by the
 * few values that enter, not by every hit of a hot loop.
 */
export function insertTop(top: Float64Array, n: number, x: number): number {
  const size = top.length;
  let j = n < size ? n++ : size - 1;
  while (j > 0 && top[j - 1] < x) {
    top[j] = top[j - 1];
    j--;
  }
  top[j] = x;
  return n;
}

/**
 * The relevance page's first cut, for a search without site or date filter: the hits (of
 * `idx`, or every hit 0..scores.length-1 when null) scoring at least the k-th best, since score
 * comes first. Typed arrays and indexed loops, no callback per hit: a common word has ~100,000
 * hits, and a cold page runs this once, mostly before the JIT has compiled it.
 */
export function bestScoreHits(scores: Float64Array, idx: ArrayLike<number> | null, k: number, knownCut?: number): Int32Array {
  const m = idx ? idx.length : scores.length;
  const out = new Int32Array(m);
  if (k <= 0 || m <= k) {
    for (let i = 0; i < m; i++) out[i] = idx ? idx[i] : i;
    return out;
  }
  let xs = scores;
  if (idx) {
    xs = new Float64Array(m);
    for (let i = 0; i < m; i++) xs[i] = scores[idx[i]];
  }
  // findWordHits may have kept the k-th best score while it summed the scores (no filter: idx null).
  const cut = knownCut ?? kthLargest(xs, k);
  let n = 0;
  for (let i = 0; i < m; i++) if (xs[i] >= cut) out[n++] = idx ? idx[i] : i;
  return out.subarray(0, n);
}

/**
 * Where relevanceCandidates reads a hit's published key (any order-keeping key: the search
 * gives it the v8 `day` columns, dayKey): the column arrays by column (ord >> shift; index
 * ord & (2^shift - 1)), except for the ords a pending delta overrides (`overridden[ord]`),
 * whose key is `overKey(ord)`.
 */
export interface PubSource {
  cols: (ArrayLike<number> | undefined)[];
  shift: number;
  overridden: Uint8Array | null;
  overKey(ord: number): number;
}

/**
 * Of bestScoreHits' `hits`, the ones that can be among the first k by relevance, for rankHits
 * to order exactly: every hit above the lowest score, and of those at it (a common word:
 * ~20,000 with one score) the ones whose published key is at least the key the page needs, so
 * every key tie with the k-th stays in. Exact because a key never reverses the strings' order
 * and score, then published, lead the relevance chain. The keys are read straight from the
 * columns in the same pass (not copied per hit first): this is the cold search's longest loop.
 */
export function relevanceCandidates(c: RankCols, hits: Int32Array, k: number, src: PubSource, knownCut?: number): number[] {
  const m = hits.length;
  if (k <= 0 || m <= k) return Array.from(hits);
  const { scores, ords } = c;
  // The lowest score of `hits` is the cut; the caller that made them by a known cut (the k-th
  // best score, which some hit has) passes it, saving a pass over ~20,000 hits.
  let cut = knownCut ?? Infinity;
  if (knownCut === undefined) for (let i = 0; i < m; i++) if (scores[hits[i]] < cut) cut = scores[hits[i]];
  const out: number[] = [];
  const tied = new Int32Array(m);
  const keys = new Float64Array(m);
  const { cols, shift, overridden } = src;
  const mask = 2 ** shift - 1;
  // The k largest keys so far (descending), kept in the same pass as the keys are read when k is
  // small (kthLargest's buffer: one inline comparison per hit, insertTop for the few that enter);
  // the page needs the `need`-th of them (need = k - the hits above the cut <= k), known at the end.
  const buffered = k <= BUFFER_K;
  const top = new Float64Array(buffered ? k : 0);
  let nTop = 0;
  let t = 0;
  for (let i = 0; i < m; i++) {
    const h = hits[i];
    if (scores[h] > cut) {
      out.push(h);
      continue;
    }
    const o = ords[h];
    const key = overridden !== null && overridden[o] ? src.overKey(o) : (cols[o >> shift]?.[o & mask] ?? 0);
    tied[t] = h;
    keys[t++] = key;
    if (!buffered || (nTop === k && key <= top[k - 1])) continue;
    nTop = insertTop(top, nTop, key);
  }
  const need = k - out.length;
  if (need >= t) {
    for (let i = 0; i < t; i++) out.push(tied[i]);
    return out;
  }
  const least = buffered ? top[need - 1] : kthLargest(keys.subarray(0, t), need);
  for (let i = 0; i < t; i++) if (keys[i] >= least) out.push(tied[i]);
  return out;
}

/** The library's date bounds on published: `YYYY-MM-DD`, compared as it did (first 10 characters for `to`). */
export function publishedBounds(from?: string, to?: string): (c: RankCols, i: number) => boolean | null {
  const f = from !== undefined ? dateKey(pubKey(from).key) : null;
  const t = to !== undefined ? dateKey(pubKey(to).key) : null;
  const exactBounds = (from === undefined || !(pubKey(from).flag & PUB_LOSSY10)) && (to === undefined || !(pubKey(to).flag & PUB_LOSSY10));
  // null: undecided from the key (a published or bound not shaped like a date): ask the string.
  return (c, i) => {
    if (c.flag[i] & PUB_NULL) return false;
    if (c.flag[i] & PUB_LOSSY10 || !exactBounds) return null;
    const d = dateKey(c.pub[i]);
    return !(f !== null && d < f) && !(t !== null && d > t);
  };
}

/**
 * The first `k` hit indexes of `idx` in `order`: a full sort when small, else a bounded heap
 * (a common word has ~90,000 hits at 100,000 dispatches: most are rejected by one comparison).
 */
export function topHits(idx: number[], order: HitOrder, k: number): number[] {
  if (k <= 0) return [];
  if (idx.length <= Math.max(2000, 4 * k)) return idx.slice().sort(order).slice(0, k);
  // Max-heap on `order`: the root is the worst of the best k so far.
  const heap: number[] = [];
  const worse = (a: number, b: number) => order(a, b) > 0;
  const swap = (a: number, b: number) => {
    const x = heap[a];
    heap[a] = heap[b];
    heap[b] = x;
  };
  for (const x of idx) {
    if (heap.length < k) {
      heap.push(x);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!worse(heap[i], heap[p])) break;
        swap(i, p);
        i = p;
      }
    } else if (order(x, heap[0]) < 0) {
      heap[0] = x;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        let m = i;
        if (l < heap.length && worse(heap[l], heap[m])) m = l;
        if (l + 1 < heap.length && worse(heap[l + 1], heap[m])) m = l + 1;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort(order);
}
