import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openArchiveDb } from '../../../src/store/db';
import { Archive } from '../../../src/store/archive';
import { buildRecord, dispatchWords } from '../../../src/store/records';
import { DB_VERSION, INDEX, RECORD_VERSION, STORE } from '../../../src/store/schema';
import { RL_STORE } from '../../../src/store/readlater-schema';
import { goldArticle, loadGold } from '../../support/store-fixtures';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A v1 record as v1 code wrote it (schemaVersion 1). */
function v1Record(i: number) {
  const { article, entities } = goldArticle(loadGold()[i]);
  const r = buildRecord(article, entities, { savedAt: 1_000 + i, updatedAt: 1_000 + i, userTags: [`tag${i}`], note: `note ${i}` }) as unknown as Record<string, unknown>;
  r.schemaVersion = 1;
  // Records before this session's packing held the whole article, body and blocks both.
  r.article = article;
  delete r.bodyPacked;
  // v1 to v3 records carried their search words (dropped from the record in v4).
  r.words = dispatchWords({ article, entities, userTags: [`tag${i}`], note: `note ${i}` });
  delete r.ord;
  return r;
}

describe('openArchiveDb', () => {
  it('creates the current schema from scratch', async () => {
    const db = await openArchiveDb('fresh');
    expect(db.version).toBe(DB_VERSION);
    // The read-later step (v3) adds its own stores beside the archive's.
    expect([...db.objectStoreNames].sort()).toEqual([...Object.values(STORE), ...Object.values(RL_STORE)].sort());
    const idx = db.transaction(STORE.dispatches).store.indexNames;
    expect([...idx].sort()).toEqual(Object.values(INDEX).sort());
    const tx = db.transaction(STORE.dispatches);
    expect(tx.store.index(INDEX.entityKeys).multiEntry).toBe(true);
    expect((tx.store.indexNames as DOMStringList).contains('words')).toBe(false);
    db.close();
  });

  it('upgrades a v1 archive to v2 with every dispatch intact and backfilled', async () => {
    const v1 = await openArchiveDb('old', { version: 1 });
    expect(v1.version).toBe(1);
    expect([...v1.objectStoreNames]).toEqual([STORE.dispatches]);
    expect((v1.transaction(STORE.dispatches).store.indexNames as DOMStringList).contains('words')).toBe(true);
    const recs = [0, 1, 2, 3, 4].map(v1Record);
    const tx = v1.transaction(STORE.dispatches, 'readwrite');
    for (const r of recs) await tx.store.put(r as never);
    await tx.done;
    v1.close();

    const archive = new Archive({ name: 'old', storage: null });
    const db = await archive.db();
    expect(db.version).toBe(DB_VERSION);
    expect((db.transaction(STORE.dispatches).store.indexNames as DOMStringList).contains('words')).toBe(false);
    expect(await archive.count()).toBe(5);
    for (const r of recs) {
      const d = await archive.get(r.id as string);
      expect(d).toBeDefined();
      expect(d!.article).toEqual(r.article);
      expect(d!.entities).toEqual(r.entities);
      expect(d!.userTags).toEqual(r.userTags);
      expect(d!.note).toBe(r.note);
      expect(d!.savedAt).toBe(r.savedAt);
      expect(d!.schemaVersion).toBe(RECORD_VERSION);
      const brief = await db.get(STORE.briefs, r.id as string);
      expect(brief).toMatchObject({ id: r.id, title: (r.article as { title: string }).title, entityKeys: r.entityKeys });
      // v10: the brief keeps no words (the word shards do) but its ord; the words still find it.
      expect(brief!.words).toBeUndefined();
      expect(brief!.o).toBe((await db.get(STORE.dispatches, r.id as string))!.ord);
      for (const w of (r.words as string[]).slice(0, 40)) expect((await archive.search(w, { limit: 1000 })).map((h) => h.id), w).toContain(r.id);
    }
    // New features work on migrated data.
    expect((await archive.search('maintien paix')).map((h) => h.id)).toContain('fr.vietnamplus.vn:128832');
    expect((await archive.byEntity('PER:nguyen quoc dung')).map((b) => b.id)).toEqual(['fr.vietnamplus.vn:137520']);
    await archive.close();
  });

  it('an old connection closes on versionchange so the upgrade is not blocked', async () => {
    let closedOld = false;
    let blocked = false;
    const old = await openArchiveDb('vc', { version: 1, onVersionChange: () => (closedOld = true) });
    const next = await openArchiveDb('vc', { onBlocked: () => (blocked = true) });
    expect(closedOld).toBe(true);
    expect(blocked).toBe(false);
    expect(next.version).toBe(DB_VERSION);
    next.close();
    void old;
  });

  it('an Archive steps aside for a newer version and then reports it clearly', async () => {
    let told = false;
    const a = new Archive({ name: 'reopen', storage: null, onVersionChange: () => (told = true) });
    const { article, entities } = goldArticle(loadGold()[0]);
    await a.save(article, entities);
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('reopen', DB_VERSION + 1);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    expect(told).toBe(true);
    await expect(a.count()).rejects.toThrow(/newer version of VNA Reader/);
  });
});
