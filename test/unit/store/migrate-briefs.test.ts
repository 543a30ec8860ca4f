// Issue 17 (bytes per dispatch): the v10 step (upgradeToV10) from the FROZEN v3 archive carried to
// v9 first (a database left at v9, with an index snapshot of the old format): every dispatch is
// kept, every brief loses its words and gains its card's ord, the old snapshot goes, and search
// (from the shards the v6 step built from the old briefs' words) equals the reference search —
// also after writes whose old words are now recomputed from the migrated records.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadFrozenV3 } from '../../support/frozen-v3';
import { referenceSearch } from '../../support/reference-search';
import { Archive, type SearchHit } from '../../../src/store/archive';
import { openArchiveDb } from '../../../src/store/db';
import { DB_VERSION, META, STORE } from '../../../src/store/schema';

interface Frozen {
  dbVersion: number;
  dispatches: { id: string; article: { title: string } }[];
  briefs: { id: string; words: string; titleWords: string }[];
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const archive = () => new Archive({ name: 'v9', storage: null, indexSnapshot: false, wordMerge: false });
const key = (h: SearchHit) => `${h.id}|${h.score}|${h.published ?? ''}|${h.savedAt}`;

async function expectAsReference(a: Archive, queries: string[]) {
  for (const q of queries) {
    const want = (await referenceSearch(a, q, { limit: 1000 })).map(key).sort();
    expect((await a.search(q, { limit: 1000 })).map(key).sort(), q).toEqual(want);
  }
}

describe('v10 briefs step (frozen archive)', { timeout: 60_000 }, () => {
  it('v9 → v10: every dispatch kept, briefs without words and with their ord, search unchanged', async () => {
    const f = await loadFrozenV3<Frozen>('v9');
    const v9 = await openArchiveDb('v9', { version: 9 });
    const before = { n: await v9.count(STORE.dispatches), briefs: await v9.count(STORE.briefs) };
    expect((await v9.getAll(STORE.briefs)).every((b) => typeof b.words === 'string' && b.words.length > 0)).toBe(true);
    await v9.put(STORE.meta, { key: META.indexSnapshot, value: { format: 2, seq: 0, n: 0 } });
    v9.close();

    const a = archive();
    const db = await a.db();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count(STORE.dispatches)).toBe(before.n);
    expect(await db.count(STORE.briefs)).toBe(before.briefs);
    expect(await db.get(STORE.meta, META.indexSnapshot)).toBeUndefined();
    for (const d of f.dispatches) {
      const got = await a.get(d.id);
      if (!got) continue; // in the frozen trash
      expect(got.article.title).toBe(d.article.title);
      const b = (await db.get(STORE.briefs, d.id))!;
      expect(b.words).toBeUndefined();
      expect(b.o).toBe((await db.get(STORE.dispatches, d.id))!.ord);
      expect((await db.getFromIndex(STORE.cards, 'id', d.id))!.o).toBe(b.o);
    }
    const titleWords = [...new Set(f.briefs.flatMap((b) => b.titleWords.split(' ')).filter(Boolean))];
    const queries = [...titleWords.slice(0, 60), ...titleWords.slice(0, 20).map((w) => w.slice(0, 3)), 'vietnam', 'hanoi', 'de la'];
    await expectAsReference(a, queries);
    // Every word the old brief held still finds its dispatch.
    for (const b of f.briefs) {
      if (!(await a.get(b.id))) continue;
      for (const w of b.words.split(' ').slice(0, 30)) expect((await a.search(w, { limit: 1000 })).map((h) => h.id), w).toContain(b.id);
    }
    // Writes after the step take the old words out from the record (recordWords): a note edit, a
    // tag, a removal; none leaves a stale word behind (the reference would not find it).
    const [d0, d1, d2] = f.dispatches.filter((d) => f.briefs.some((b) => b.id === d.id));
    await a.setNote(d0.id, 'zanzibar');
    await a.setNote(d0.id, 'tombouctou');
    await a.setUserTags(d1.id, ['urgentissime']);
    await a.remove(d2.id);
    const gone = f.briefs.find((b) => b.id === d2.id)!.words.split(' ').slice(0, 20);
    await expectAsReference(a, [...queries, 'zanzibar', 'tombouctou', 'urgentissime', ...gone]);
    expect((await a.search('zanzibar')).length).toBe(0);
    expect((await a.search('tombouctou')).map((h) => h.id)).toEqual([d0.id]);
    // The in-memory index (read-later lists) maps the persisted hits to its briefs by ord.
    expect((await a.searchInMemory('tombouctou')).map((h) => h.id)).toEqual([d0.id]);
    await a.close();
  });
});
