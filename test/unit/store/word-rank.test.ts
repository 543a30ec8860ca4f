// Issue 17 (search): the published key that ranks ~90,000 tied hits without their strings
// never reverses the strings' order, and is exact where it says so.
import { describe, expect, it } from 'vitest';
import { DAY_MAX, PUB_LOSSY, PUB_LOSSY10, PUB_NULL, bestScoreHits, dateKey, dayKey, kthLargest, pubKey, pubPrefix, relevanceCandidates, type RankCols } from '../../../src/store/word-rank';
import { rng } from '../../../bench/store-corpus';

const ALPHABET = ['0', '1', '5', '9', '-', 'T', ':', '+', 'Z', ' ', 'a', 'é', '/', '.'];
function randomDate(r: () => number): string {
  const base = `${2000 + Math.floor(r() * 40)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}T${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:00+07:00`;
  let s = base.slice(0, Math.floor(r() * (base.length + 1)));
  // Now and then a character out of place, or garbage.
  if (r() < 0.3) {
    const i = Math.floor(r() * (s.length + 1));
    s = s.slice(0, i) + ALPHABET[Math.floor(r() * ALPHABET.length)] + s.slice(i + 1);
  }
  return s;
}

describe('pubKey', () => {
  it('keeps the string order (a < b ⇒ key(a) ≤ key(b)), and equal lossless keys mean equal strings', () => {
    const r = rng(42);
    const xs = Array.from({ length: 3000 }, () => randomDate(r)).concat('', 'mars 2024', '2024', '2024-03-05', '2024-03-05T10:20', '2024-03-05T10:20:00Z');
    xs.sort();
    const keys = xs.map((x) => pubKey(x));
    for (let i = 1; i < xs.length; i++) {
      expect(keys[i].key, `${xs[i - 1]} < ${xs[i]}`).toBeGreaterThanOrEqual(keys[i - 1].key);
      if (keys[i].key === keys[i - 1].key && !((keys[i].flag | keys[i - 1].flag) & PUB_LOSSY)) expect(xs[i]).toBe(xs[i - 1]);
    }
    // The date part (first 10 characters) orders as the strings' first 10 characters, where exact.
    for (let i = 1; i < xs.length; i++) {
      if ((keys[i].flag | keys[i - 1].flag) & PUB_LOSSY10) continue;
      const a = xs[i - 1].slice(0, 10);
      const b = xs[i].slice(0, 10);
      expect(Math.sign(dateKey(keys[i].key) - dateKey(keys[i - 1].key)), `${a} ${b}`).toBe(a === b ? 0 : 1);
    }
    expect(pubKey(null)).toEqual({ key: 0, flag: PUB_NULL });
    expect(pubKey('').key).toBe(0);
    expect(pubKey('2024-03-05T10:20').flag).toBe(0);
    expect(pubKey('2024-03-05T10:20:00Z').flag).toBe(PUB_LOSSY);
    expect(pubKey('mars 2024').flag).toBe(PUB_LOSSY | PUB_LOSSY10);
  });
});

// v8: the day key the relevance cut reads (2 bytes per dispatch) keeps the strings' order for
// any string, and the v8 step recovers the first 10 characters it needs from the v6 pubKey.
describe('dayKey (v8)', () => {
  it('keeps the string order for any string, is the day for a real date, and depends on the first 10 characters only', () => {
    const r = rng(43);
    const xs = Array.from({ length: 3000 }, () => randomDate(r)).concat('', '1969-12-31', '1970-01-01', '2024-02-29', '2024-02-30', '2024-03', '2024-03-00', '2149-06-06', '2149-06-07', '9999-12-31', 'mars 2024', '2024-03-05T10:20:00Z');
    xs.sort();
    const keys = xs.map((x) => dayKey(x));
    for (let i = 1; i < xs.length; i++) expect(keys[i], `${xs[i - 1]} < ${xs[i]}`).toBeGreaterThanOrEqual(keys[i - 1]);
    for (let i = 0; i < xs.length; i++) {
      expect(keys[i]).toBeGreaterThanOrEqual(0);
      expect(keys[i]).toBeLessThanOrEqual(DAY_MAX);
      expect(dayKey(xs[i].slice(0, 10))).toBe(keys[i]);
    }
    expect(dayKey(null)).toBe(0);
    expect(dayKey('')).toBe(0);
    expect(dayKey('1970-01-01')).toBe(1);
    expect(dayKey('2024-03-05T23:59:00+07:00')).toBe(dayKey('2024-03-05'));
    expect(dayKey('2024-03-06')).toBe(dayKey('2024-03-05') + 1);
    // Between two days: the earlier one's key (an undated month, an impossible day).
    expect(dayKey('2024-03')).toBe(dayKey('2024-02-29'));
    expect(dayKey('2024-02-30')).toBe(dayKey('2024-02-29'));
    expect(dayKey('mars 2024')).toBe(DAY_MAX);
  });

  it('pubPrefix gives back the first 10 characters where the pubKey keeps them, null elsewhere', () => {
    const r = rng(44);
    const xs = Array.from({ length: 3000 }, () => randomDate(r)).concat('', '2024', '2024-03-05', '2024-03-05T10:20:00+07:00', 'mars 2024');
    for (const x of xs) {
      const { key, flag } = pubKey(x);
      const pre = pubPrefix(key, flag);
      if (flag & PUB_LOSSY10) expect(pre, x).toBeNull();
      else expect(pre, x).toBe(x.slice(0, 10));
    }
    expect(pubPrefix(pubKey(null).key, pubKey(null).flag)).toBeNull();
  });
});

// The relevance page's cuts (searchPage without site or date filter): whatever the scores and
// keys, with few distinct values (a common word) or many, they keep every hit that the exact
// (score, published key) order could put in the first k, ties with the k-th included.
describe('relevance cuts', () => {
  it('kthLargest counts repeats, by buffer (small k) and by quickselect (large k)', () => {
    const r = rng(7);
    for (const m of [1, 5, 100, 3000]) {
      for (const distinct of [1, 3, 1000]) {
        const xs = Float64Array.from({ length: m }, () => Math.floor(r() * distinct));
        const sorted = [...xs].sort((a, b) => b - a);
        for (const k of [1, 2, 20, 64, 65, 200, m]) if (k <= m) expect(kthLargest(xs, k), `${m} ${distinct} ${k}`).toBe(sorted[k - 1]);
      }
    }
  });

  it('bestScoreHits and relevanceCandidates keep a superset of the exact top k with its key ties', () => {
    const r = rng(11);
    for (let round = 0; round < 60; round++) {
      const m = 1 + Math.floor(r() * 4000);
      const nScores = 1 + Math.floor(r() * 4);
      const nPub = 1 + Math.floor(r() * (round % 2 ? 20 : 5000));
      const c: RankCols = {
        ords: Int32Array.from({ length: m }, (_, i) => i),
        scores: Float64Array.from({ length: m }, () => [2, 1.2, 1, 0.6][Math.floor(r() * nScores)]),
        pub: Float64Array.from({ length: m }, () => Math.floor(r() * nPub)),
        flag: new Uint8Array(m),
        saved: new Float64Array(m),
        site: [],
        exact: new Map(),
      };
      const idx = round % 3 ? null : Array.from({ length: m }, (_, i) => i).filter(() => r() < 0.5);
      const pool = idx ?? Array.from({ length: m }, (_, i) => i);
      const k = [1, 20, 40, 100, 5000][round % 5];
      // Keys read from columns of 2^8 ords, some of them overridden (a pending delta's key).
      const shift = 8;
      const cols = Array.from({ length: Math.ceil(m / 256) }, (_, s) => Float64Array.from({ length: 256 }, (_, j) => (s * 256 + j < m ? c.pub[s * 256 + j] : NaN)));
      const overridden = round % 4 ? Uint8Array.from({ length: m }, () => (r() < 0.05 ? 1 : 0)) : null;
      overridden?.forEach((v, o) => v && (cols[o >> shift][o & 255] = -1));
      const src = { cols, shift, overridden, overKey: (o: number) => c.pub[o] };
      const best = bestScoreHits(c.scores, idx, k);
      const cand = relevanceCandidates(c, best, k, src);
      // With the cut passed (the k-th best score, as findWordHits keeps it): the same hits.
      if (pool.length > k) {
        const cut = kthLargest(Float64Array.from(pool, (i) => c.scores[i]), k);
        expect([...relevanceCandidates(c, best, k, src, cut)].sort((a, b) => a - b), `round ${round} cut`).toEqual([...cand].sort((a, b) => a - b));
      }
      const order = (i: number, j: number) => c.scores[j] - c.scores[i] || c.pub[j] - c.pub[i];
      const sorted = [...pool].sort(order);
      const kth = sorted[Math.min(k, sorted.length) - 1];
      // Exactly the hits at least as good as the k-th on (score, key): no more, no fewer.
      const want = kth === undefined ? [] : pool.filter((i) => order(i, kth) <= 0);
      expect([...cand].sort((a, b) => a - b), `round ${round}`).toEqual(k >= pool.length ? pool : want);
    }
  });
});
