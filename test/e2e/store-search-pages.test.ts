// Issue 17 (search): in real Chromium IndexedDB (structured clone of the typed postings and
// columns, the real key order of getAll), the persisted search's relevance pages — the k-th
// score cut, the published keys the page needs, the one-word fast path, the columns read
// during the decode — are exactly the reference ranking (test/support/reference-search.ts) sliced, with the total counting
// every hit; with nothing pending and with pending single saves (deltas).
import { describe, expect, it } from 'vitest';
import { useStorePage } from '../support/store-page-hooks';
import { loadGold } from '../support/store-fixtures';

type StoreApi = typeof import('../../src/store/index') & typeof import('../../bench/store-corpus') & typeof import('../support/reference-search') & { DAY_SIZE: number; dayKey: (p: string | null) => number };
declare const vnaStore: StoreApi;

const golds = loadGold();
const sp = useStorePage();

describe('persisted search pages in real Chromium IndexedDB', { timeout: 180_000 }, () => {
  it('equal the reference ranking, page by page, with the exact total', async () => {
    const r = await sp.page.evaluate(async (golds) => {
      const S = vnaStore;
      const a = new S.Archive({ name: 'e2e-search-pages', wordMerge: false, indexSnapshot: false });
      // 2,500 dispatches (thousands of postings for the common words: the columns are read during the decode).
      for (let i = 0; i < 2500; i += 500) await a.saveMany(Array.from({ length: 500 }, (_, j) => ({ ...S.makeDispatch(golds, i + j, 3), savedAt: 1_600_000_000_000 + (i + j) * 60_000 })));
      const queries = [...S.BENCH_QUERIES, 'vietnam', 'viet', 'minist', 'selon', 'de la', 'nguyen van'];
      const key = (h: { score: number; published: string | null; savedAt: number }) => `${h.score}|${h.published ?? ''}|${h.savedAt}`;
      const check = async (round: string) => {
        const bad: string[] = [];
        for (const q of queries) {
          const all = (await S.referenceSearch(a, q, { limit: 1_000_000 })).map(key);
          // Offset 300: more candidates than a page orders from its cards (EXACT_CARDS_MAX), so from the pub columns.
          for (const offset of [0, 40, 300]) {
            const page = await a.searchPage(q, { limit: 20, offset });
            const want = all.slice(offset, offset + 20);
            if (page.total !== all.length) bad.push(`${round} ${q} @${offset}: total ${page.total} ≠ ${all.length}`);
            if (JSON.stringify(page.hits.map(key)) !== JSON.stringify(want)) bad.push(`${round} ${q} @${offset}: page differs`);
          }
        }
        return bad;
      };
      const merged = await check('merged');
      // Single saves leave deltas that override their ords in the shards and columns.
      for (let i = 0; i < 6; i++) {
        const d = S.makeDispatch(golds, 3000 + i, 3);
        await a.save(d.article, d.entities);
      }
      const resaved = S.makeDispatch(golds, 7, 3);
      await a.save({ ...resaved.article, published: '2031-01-01T08:00:00+07:00' }, resaved.entities);
      const pending = await (await a.db()).count(S.STORE.wordDeltas);
      const withDeltas = await check('pending');
      const hanoi = await a.searchPage('hanoi', { limit: 20 });
      // v8: the relevance cut's day column, as Chromium gives it back (kept under 64 KB a record, so inline).
      const db = await a.db();
      await a.mergeWordDeltas();
      const days = await db.getAll(S.STORE.ordCols, IDBKeyRange.bound(['day', -Infinity], ['day', Infinity]));
      const cards = await db.getAll(S.STORE.cards);
      const dayBad = cards.filter((c) => days[Math.floor(c.o / S.DAY_SIZE)]?.day?.[c.o % S.DAY_SIZE] !== S.dayKey(c.published)).length;
      const dayShapes = days.map((r) => `${r.day instanceof Uint16Array}:${r.day?.byteLength}`);
      await a.close();
      return { bad: [...merged, ...withDeltas], pending, hanoiTotal: hanoi.total, hanoiHits: hanoi.hits.length, dayBad, dayShapes, cards: cards.length };
    }, golds);
    expect(r.bad).toEqual([]);
    expect(r.pending).toBeGreaterThan(0);
    // A common word: many more hits than a page.
    expect(r.hanoiTotal).toBeGreaterThan(200);
    expect(r.hanoiHits).toBe(20);
    expect(r.cards).toBeGreaterThan(2500);
    expect(r.dayBad).toBe(0);
    expect(r.dayShapes).toEqual(['true:32768']);
  });
});
