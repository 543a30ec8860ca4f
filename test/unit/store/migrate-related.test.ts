// Issue 17 (related): the v7 step (upgradeToV7) rewrites the entity postings from the v6
// format (Int32 ords in SHARD_SIZE shards) to 16-bit offsets in POSTING_SHARD shards. From the
// FROZEN v3 archive carried to v6 by the old steps (so its postings are as v6 wrote them) and
// from a generated v6 database whose shards cross a v7 shard boundary: every ord is kept, in
// its new shard, and related answers exactly what the in-memory index answers.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { loadFrozenV3 } from '../../support/frozen-v3';
import { beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { openArchiveDb } from '../../../src/store/db';
import { decodeShard } from '../../../src/store/posting-codec';
import { findRelated } from '../../../src/store/related';
import { DB_VERSION, POSTING_SHARD, SHARD_SIZE, STORE, type PostingRecord } from '../../../src/store/schema';
import { synthetic } from '../../support/store-fixtures';
import type { RelatedDispatch } from '../../../src/store/types';

interface Frozen {
  dbVersion: number;
  dispatches: { id: string; article: never; entities: never }[];
  [store: string]: unknown;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** The frozen v3 archive, then opened at v6 by the steps up to it (v5 writes the v6 shard format). */
async function frozenAtV6(name: string): Promise<Frozen> {
  const f = await loadFrozenV3<Frozen>(name);
  const v6 = await openArchiveDb(name, { version: 6 });
  const old = (await v6.getAll(STORE.postings)) as unknown as { o?: Int32Array }[];
  expect(old.length).toBeGreaterThan(0);
  expect(old.every((r) => r.o instanceof Int32Array)).toBe(true);
  v6.close();
  return f;
}

const ordsOf = (r: PostingRecord) => {
  const o: number[] = [];
  decodeShard(r, o);
  return o;
};
const byId = (xs: RelatedDispatch[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));

describe('v7 related step', () => {
  it('v6 → v7 from the frozen archive: postings as offsets, related exactly as the in-memory index', async () => {
    const f = await frozenAtV6('v6');
    const a = new Archive({ name: 'v6', storage: null, indexSnapshot: false });
    const db = await a.db();
    expect(db.version).toBe(DB_VERSION);
    const recs = await db.getAll(STORE.postings);
    expect(recs.every((r) => r.o instanceof Uint16Array && r.o.length > 0)).toBe(true);
    const mem = await new Archive({ name: 'v6', storage: null, indexSnapshot: false }).index();
    // Every key's ords are the dispatches the in-memory index has for it.
    const idsOf = async (r: PostingRecord) => (await Promise.all(ordsOf(r).map((o) => db.get(STORE.cards, o)))).map((c) => c!.id).sort();
    const memIds = (m: typeof mem, k: string) => m.withEntity(k).map((d) => d.brief.id).sort();
    for (const r of recs) expect(await idsOf(r), r.k).toEqual(memIds(mem, r.k));
    const probe = synthetic(999, { entities: [['LOC', 'Huê'], ['PER', 'To Lam'], ['ORG', 'ASEAN']] });
    for (const [art, ents] of [[probe.article, probe.entities], ...f.dispatches.map((r) => [r.article, r.entities])] as const) {
      for (const k of [3, 500]) expect(byId(await a.related(art as never, ents as never, { k }))).toEqual(byId(findRelated(mem, art as never, ents as never, { k })));
    }
    // Writes after the upgrade keep the new format in step.
    await a.save(probe.article, probe.entities);
    await a.remove(f.dispatches[1].id);
    const after = await new Archive({ name: 'v6', storage: null, indexSnapshot: false }).index();
    // The save went to the index tail (v11): folded, the shards alone hold every key's ords.
    expect(await db.count(STORE.indexTail)).toBe(1);
    await a.mergeIndexTail();
    for (const r of await db.getAll(STORE.postings)) expect(await idsOf(r), r.k).toEqual(memIds(after, r.k));
    await a.close();
  });

  it('v6 shards are regrouped by key into v7 shards, across a v7 shard boundary', async () => {
    const v6 = await openArchiveDb('gen', { version: 6 });
    const asean = [0, 5, SHARD_SIZE - 1, SHARD_SIZE, 3 * SHARD_SIZE + 7, POSTING_SHARD - 1, POSTING_SHARD, POSTING_SHARD + 200, 2 * POSTING_SHARD + 1];
    const hue = [1, 2, 40_000];
    const tx = v6.transaction(STORE.postings, 'readwrite');
    for (const [k, ords] of [['ORG:asean', asean], ['LOC:hue', hue]] as const) {
      const byShard = new Map<number, number[]>();
      for (const o of ords) byShard.set(Math.floor(o / SHARD_SIZE), [...(byShard.get(Math.floor(o / SHARD_SIZE)) ?? []), o]);
      for (const [s, o] of byShard) tx.store.put({ k, s, o: Int32Array.from(o) } as never);
    }
    await tx.done;
    v6.close();
    const db = await openArchiveDb('gen');
    const recs = await db.getAll(STORE.postings);
    expect(recs.map((r) => [r.k, r.s, r.o.length, ordsOf(r)])).toEqual([
      ['LOC:hue', 0, 2, [1, 2]],
      ['LOC:hue', 1, 1, [40_000]],
      ['ORG:asean', 0, 6, asean.slice(0, 6)],
      ['ORG:asean', 1, 2, [POSTING_SHARD, POSTING_SHARD + 200]],
      ['ORG:asean', 2, 1, [2 * POSTING_SHARD + 1]],
    ]);
    db.close();
  });
});
