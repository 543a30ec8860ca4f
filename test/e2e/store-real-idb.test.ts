// The store in real Chromium IndexedDB (bundled into a routed page, on-disk profile): save,
// search, related, export/import round trip, and a v1 archive upgraded to v2 with data kept.
import { describe, expect, it } from 'vitest';
import { useStorePage } from '../support/store-page-hooks';
import { loadGold } from '../support/store-fixtures';
import { DB_VERSION } from '../../src/store/schema';

type StoreApi = typeof import('../../src/store/index') & typeof import('../support/store-articles');
declare const vnaStore: StoreApi;

const golds = loadGold();
const sp = useStorePage();

describe('store in real Chromium IndexedDB', () => {
  it('save, search, related, byEntity', async () => {
    const r = await sp.page.evaluate(async (golds) => {
      const S = vnaStore;
      const a = new S.Archive({ name: 'e2e-basic' });
      const items = golds.map((g) => S.goldArticle(g));
      const created = [];
      for (const it of items.slice(0, 4)) created.push((await a.save(it.article, it.entities)).created);
      const again = await a.save(items[0].article, items[0].entities);
      const hanoi = (await a.search('hanoi')).map((h) => h.id);
      const rel = await a.related(items[4].article, items[4].entities, { k: 3 });
      const persisted = await navigator.storage.persisted();
      const stats = await a.stats();
      const dbs = (await indexedDB.databases()).map((d) => d.name);
      await a.close();
      // A second connection (as another tab would) sees the data.
      const b = new S.Archive({ name: 'e2e-basic' });
      const count = await b.count();
      await b.close();
      return { created, again: again.created, hanoi, rel, stats, dbs, count, persisted };
    }, golds);
    expect(r.created).toEqual([true, true, true, true]);
    expect(r.again).toBe(false);
    expect(r.hanoi).toContain('fr.vietnamplus.vn:128832');
    expect(r.rel.length).toBeGreaterThan(0);
    expect(r.rel[0].shared.length).toBeGreaterThan(0);
    expect(r.stats.dispatches).toBe(4);
    expect(r.stats.bytes).toBeGreaterThan(0);
    expect(r.dbs).toContain('e2e-basic');
    expect(r.count).toBe(4);
  });

  it('export / import round trip is lossless and a bad file changes nothing', async () => {
    const r = await sp.page.evaluate(async (golds) => {
      const S = vnaStore;
      const src = new S.Archive({ name: 'e2e-src' });
      for (const g of golds) {
        const it = S.goldArticle(g);
        await src.save(it.article, it.entities, { userTags: ['e2e'], note: 'Hanoï' });
      }
      const text = await S.exportArchive(src);
      const dst = new S.Archive({ name: 'e2e-dst' });
      const first = await S.importArchive(dst, new Blob([text]));
      const second = await S.importArchive(dst, text);
      const equal = JSON.stringify(await src.all()) === JSON.stringify(await dst.all());
      const bad = await S.importArchive(dst, text.slice(0, text.length / 2)).catch((e: Error) => `${e.name}: ${e.message}`);
      const after = await dst.count();
      await src.close();
      await dst.close();
      return { first, second, equal, bad, after };
    }, golds);
    expect(r.first).toEqual({ added: 5, updated: 0, skipped: 0 });
    expect(r.second).toEqual({ added: 0, updated: 0, skipped: 5 });
    expect(r.equal).toBe(true);
    expect(r.bad).toMatch(/^ImportError: The file is not valid JSON/);
    expect(r.after).toBe(5);
  });

  it('a v1 archive opens after the upgrade with every dispatch intact', async () => {
    const r = await sp.page.evaluate(async (golds) => {
      const S = vnaStore;
      const v1 = await S.openArchiveDb('e2e-upgrade', { version: 1 });
      const tx = v1.transaction('dispatches', 'readwrite');
      const recs = golds.map((g, i) => {
        const it = S.goldArticle(g);
        // v1 records carried their search words (the stored record drops them in v4) and no ord.
        const { ord: _ord, bodyPacked: _packed, ...rec } = S.buildRecord(it.article, it.entities, { savedAt: 1000 + i, updatedAt: 1000 + i, userTags: [], note: `n${i}` });
        // a v1 record held the whole article (packing is later: store/records.ts)
        return { ...rec, article: { ...rec.article, body: it.article.body }, words: S.dispatchWords({ article: it.article, entities: it.entities, userTags: [], note: `n${i}` }), schemaVersion: 1 };
      });
      for (const rec of recs) await tx.store.put(rec);
      await tx.done;
      v1.close();
      const a = new S.Archive({ name: 'e2e-upgrade' });
      const db = await a.db();
      const got = await Promise.all(recs.map((rec) => a.get(rec.id)));
      const intact = got.every((d, i) => d && JSON.stringify(d.article) === JSON.stringify(recs[i].article) && d.note === `n${i}` && d.schemaVersion === S.RECORD_VERSION && !('words' in d));
      const search = (await a.search('guangxi')).map((h) => h.id);
      const version = db.version;
      await a.close();
      return { version, intact, search, n: got.length };
    }, golds);
    expect(r.version).toBe(DB_VERSION); // the current version (v3 trash, v4 read-later, v5 persisted index)
    expect(r.n).toBe(5);
    expect(r.intact).toBe(true);
    expect(r.search).toEqual(['fr.vietnamplus.vn:200222']);
  });

  it('the index snapshot survives a real structured clone: a new context loads it and replays later saves', async () => {
    const r = await sp.page.evaluate(async (golds) => {
      const S = vnaStore;
      const policy = { minDocs: 0, every: 1, delayMs: 60_000 };
      const items = golds.map((g) => S.goldArticle(g));
      const a = new S.Archive({ name: 'e2e-snap', indexSnapshot: policy });
      for (const it of items.slice(0, 4)) await a.save(it.article, it.entities);
      await a.index(); // count() reads the summary; the snapshot is of the in-memory index
      const written = await a.writeIndexSnapshot();
      await a.save(items[4].article, items[4].entities); // after the snapshot: replayed
      await a.close();
      const db = await S.openArchiveDb('e2e-snap');
      const snap = (await db.get('meta', S.META.indexSnapshot))?.value as { n: number; ords: unknown } | undefined;
      db.close();
      const look = async (x: InstanceType<typeof S.Archive>) => ({
        count: await x.count(),
        search: await x.search('hanoi'),
        guangxi: (await x.search('guangxi')).map((h) => h.id),
        related: await x.related(items[0].article, items[0].entities, { k: 3 }),
        // The in-memory index (loaded from the snapshot, or by the full scan) maps persisted hits to its briefs by ord.
        indexed: (await x.index()).size,
        inMemory: (await x.searchInMemory('guangxi')).map((h) => h.id),
      });
      const fromSnap = new S.Archive({ name: 'e2e-snap', indexSnapshot: policy });
      const full = new S.Archive({ name: 'e2e-snap', indexSnapshot: false });
      const out = { written, n: snap?.n, typed: snap?.ords instanceof Int32Array, fromSnap: await look(fromSnap), full: await look(full) };
      await fromSnap.close();
      await full.close();
      return out;
    }, golds);
    expect(r.written).toBe(true);
    expect(r.typed).toBe(true);
    expect(r.n).toBe(4);
    expect(r.fromSnap.count).toBe(5);
    expect(r.fromSnap.guangxi).toEqual(['fr.vietnamplus.vn:200222']);
    expect(r.fromSnap.indexed).toBe(5);
    expect(r.fromSnap.inMemory).toEqual(['fr.vietnamplus.vn:200222']);
    expect(r.fromSnap).toEqual(r.full);
  });
});
