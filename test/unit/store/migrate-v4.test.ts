// Issue 17 / 16: the v3 → v4 upgrade from a FROZEN archive (fixtures/archive-v3.json, the raw
// stores as the v3 code wrote them, dumped once; never rebuilt with today's code). Every
// dispatch, tag, note and trash entry is kept; the stored record loses its `words` copy and
// gains an ord; the persisted index answers exactly what the in-memory index answers.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { loadFrozenV3 } from '../../support/frozen-v3';
import { beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { findRelated } from '../../../src/store/related';
import { DB_VERSION, META, RECORD_VERSION, STORE } from '../../../src/store/schema';
import { synthetic } from '../../support/store-fixtures';

interface Frozen {
  dbVersion: number;
  dispatches: Record<string, unknown>[];
  briefs: Record<string, unknown>[];
  meta: { key: string; value: unknown }[];
  changes: { seq: number; id: string }[];
  trash: { id: string; removedAt: number; dispatch: Record<string, unknown> }[];
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** The v3 database with the frozen records put in as they are. */
const loadFrozen = (name = 'old', tweak?: (f: Frozen) => void) => loadFrozenV3<Frozen>(name, tweak);

const archive = (name = 'old') => new Archive({ name, storage: null, indexSnapshot: false, now: () => Date.parse('2026-11-21T00:00:00Z') });

describe('v3 → v4 migration (frozen archive)', () => {
  it('keeps every dispatch as the reader left it, without the duplicated words', async () => {
    const f = await loadFrozen();
    const a = archive();
    expect(await a.count()).toBe(f.dispatches.length);
    const db = await a.db();
    expect(db.version).toBe(DB_VERSION);
    const ords = new Set<number>();
    for (const r of f.dispatches) {
      const d = await a.get(r.id as string);
      expect(d).toBeDefined();
      for (const k of ['article', 'entities', 'userTags', 'note', 'savedAt', 'updatedAt', 'site', 'published', 'entityKeys'] as const) expect(d![k]).toEqual(r[k]);
      expect(d).not.toHaveProperty('words');
      expect(d).not.toHaveProperty('ord');
      const raw = (await db.get(STORE.dispatches, r.id as string))!;
      expect(raw).not.toHaveProperty('words');
      expect(raw.schemaVersion).toBe(RECORD_VERSION);
      expect(Number.isInteger(raw.ord)).toBe(true);
      ords.add(raw.ord!);
      // Smaller than the frozen record: the words were a second copy of the brief's.
      expect(JSON.stringify(raw).length).toBeLessThan(JSON.stringify(r).length);
    }
    expect(ords.size).toBe(f.dispatches.length);
    // The trash entry survives, and can be put back.
    const bin = await a.trash();
    expect(bin.map((b) => b.id)).toEqual(f.trash.map((b) => b.id));
    expect(await a.undoRemove(f.trash[0].id)).toBeDefined();
    expect(await a.count()).toBe(f.dispatches.length + 1);
    await a.close();
  });

  it('the persisted index answers related, tags, byEntity and the first page exactly as the in-memory index', async () => {
    const f = await loadFrozen();
    const a = archive();
    const mem = await new Archive({ name: 'old', storage: null, indexSnapshot: false }).index();
    // Tags: one per case-insensitive name, with counts (from the summary, not the index).
    expect(await a.tags()).toEqual(mem.tagCounts());
    expect((await a.tags()).find((t) => t.tag.toLowerCase() === 'diplomatie')?.count).toBe(4);
    expect(await a.sites()).toEqual([...new Set(f.dispatches.map((d) => d.site as string))].sort());
    // Related, for a saved dispatch and for a new article, every candidate (k large).
    const probe = synthetic(999, { entities: [['LOC', 'Huê'], ['PER', 'To Lam'], ['ORG', 'ASEAN']] });
    for (const [art, ents] of [[probe.article, probe.entities], ...f.dispatches.slice(0, 6).map((r) => [r.article, r.entities])] as const) {
      const persisted = await a.related(art as never, ents as never, { k: 500 });
      const inMemory = findRelated(mem, art as never, ents as never, { k: 500 });
      const byId = (xs: typeof persisted) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(byId(persisted)).toEqual(byId(inMemory));
    }
    expect((await a.related(probe.article, probe.entities, { k: 3 })).length).toBe(3);
    // Diacritic-insensitive search still finds migrated dispatches.
    expect((await a.search('hue')).length).toBeGreaterThan(0);
    expect(await a.byEntity('LOC:hue')).toEqual(await (async () => {
      const b = new Archive({ name: 'old', storage: null, indexSnapshot: false });
      await b.index();
      return b.byEntity('LOC:hue');
    })());
    // The library's first page without an index equals the in-memory page.
    const cold = archive();
    const first = await cold.list({ limit: 10 });
    const warm = archive();
    await warm.index();
    expect(first).toEqual(await warm.list({ limit: 10 }));
    expect(first.total).toBe(f.dispatches.length);
    await a.close();
  });

  it('a record that carried its entities twice (inside the article too) keeps one copy, beside it', async () => {
    const f = await loadFrozen('old', (f) => {
      const r = f.dispatches[0] as { article: Record<string, unknown>; entities: unknown[] };
      r.article.entities = r.entities;
    });
    const a = archive();
    const d = (await a.get(f.dispatches[0].id as string))!;
    expect(d.article).not.toHaveProperty('entities');
    expect(d.entities).toEqual(f.dispatches[0].entities);
    // A save of an article that still carries them stores one copy too.
    await a.save({ ...d.article, entities: d.entities }, d.entities);
    expect((await a.get(d.id))!.article).not.toHaveProperty('entities');
    await a.close();
  });

  it('a save after the upgrade gets a new ord and is counted once', async () => {
    const f = await loadFrozen();
    const a = archive();
    const s = synthetic(1000, { entities: [['LOC', 'Huê']] });
    await a.save(s.article, s.entities);
    await a.save(s.article, s.entities);
    expect(await a.count()).toBe(f.dispatches.length + 1);
    const db = await a.db();
    const sum = (await db.get(STORE.meta, META.summary))!.value as { n: number; nextOrd: number };
    expect(sum).toMatchObject({ n: f.dispatches.length + 1, nextOrd: f.dispatches.length + 1 });
    expect((await db.get(STORE.dispatches, s.article.id!))!.ord).toBe(f.dispatches.length);
    await a.close();
  });
});
