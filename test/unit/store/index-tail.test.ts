// Issue 17 (save, v11): the index tail (index-tail.ts). A save writes its keys as one tail
// record instead of editing ~55 shards; every reader of the postings (related, byEntity, the
// library's entity filter, counts) answers exactly as with everything in the shards, before,
// during and after the folds, in every context; a batch past TAIL_MAX and the idle timer fold
// it; two contexts writing and folding at once lose or double nothing; a v10 archive opens
// with an empty tail and keeps every dispatch.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshArchives } from '../../support/fresh-archives';
import { loadFrozenV3 } from '../../support/frozen-v3';
import { expectTermsInStep } from '../../support/term-postings';
import { loadGold, synthetic } from '../../support/store-fixtures';
import { Archive } from '../../../src/store/archive';
import { openArchiveDb } from '../../../src/store/db';
import { findRelated } from '../../../src/store/related';
import { TAIL_MAX, TAIL_MERGE_AT, TAIL_MERGE_BATCH, withTail } from '../../../src/store/index-tail';
import { decodeShard } from '../../../src/store/posting-codec';
import { DB_VERSION, META, POSTING_SHARD, STORE, type ArchiveSummary } from '../../../src/store/schema';
import { decodeTermShard } from '../../../src/store/term-postings';
import { makeDispatch } from '../../../bench/store-corpus';
import type { EntityType } from '../../../src/core/types';
import type { RelatedDispatch } from '../../../src/store/types';

let clock = 1_700_000_000_000;
const tab = freshArchives((opts: { tailMerge?: { delayMs: number } | false; name?: string } = {}) => new Archive({ name: 'tail', storage: null, indexSnapshot: false, wordMerge: false, tailMerge: false, now: () => ++clock, ...opts }));

const PLACES = ['Hanoï', 'Huê', 'Da Nang', 'Can Tho'];
const PEOPLE = ['To Lam', 'Pham Minh Chinh', 'Luong Cuong'];
function item(i: number) {
  const ents: [EntityType, string][] = [['LOC', PLACES[i % PLACES.length]], ['PER', PEOPLE[(i * 5) % PEOPLE.length]]];
  if (i % 3 === 0) ents.push(['ORG', 'ASEAN']);
  return synthetic(i, { entities: ents, published: `2024-0${1 + (i % 9)}-1${i % 10}` });
}
const byId = (xs: RelatedDispatch[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
const KEYS = ['LOC:hanoi', 'LOC:hue', 'LOC:da nang', 'PER:to lam', 'ORG:asean'];

async function summary(a: Archive): Promise<ArchiveSummary> {
  return (await (await a.db()).get(STORE.meta, META.summary))!.value as ArchiveSummary;
}

/** Every entity key's ords are in the shards or the tail, never both, and together are what the dispatches say. */
async function expectEntityPostingsInStep(a: Archive) {
  const db = await a.db();
  const want = new Map<string, number[]>();
  for (const c of await db.getAll(STORE.cards)) for (const k of new Set(c.entityKeys)) want.set(k, [...(want.get(k) ?? []), c.o]);
  const got = new Map<string, number[]>();
  for (const r of await db.getAll(STORE.postings)) {
    const o: number[] = [];
    decodeShard(r, o);
    got.set(r.k, [...(got.get(r.k) ?? []), ...o]);
  }
  const { tailFrom, tail } = await summary(a);
  const recs = await db.getAll(STORE.indexTail);
  expect(tail).toBe(recs.length);
  for (const r of recs) {
    expect(r.o).toBeGreaterThanOrEqual(tailFrom);
    for (const k of r.k) got.set(k, [...(got.get(k) ?? []), r.o]);
  }
  for (const [k, l] of got) expect(l.every((o, i) => !i || l[i - 1] < o), `${k}: ascending, each once`).toBe(true);
  for (const l of got.values()) l.sort((x, y) => x - y);
  expect(new Map([...got].sort())).toEqual(new Map([...want].sort()));
}

/** What every reader of the postings answers, as one comparable value. */
async function answers(a: Archive) {
  const out: unknown[] = [await a.count(), await a.tags()];
  for (const i of [0, 1, 3, 7, 500]) out.push(byId(await a.related(item(i).article, item(i).entities, { k: 50, excludeId: null })));
  for (const k of KEYS) out.push((await a.byEntity(k)).map((b) => b.id).sort());
  for (const k of KEYS) out.push((await a.searchPage('vietnam', { entityKey: k, limit: 500 })).hits.map((h) => h.id).sort());
  return out;
}

/** The readers' answers equal the in-memory index's (related) and stay the same once the tail is folded. */
async function expectSameWithAndWithoutTail(a: Archive) {
  await expectEntityPostingsInStep(a);
  const mem = await tab({ tailMerge: false }).index();
  for (const i of [0, 1, 3, 7, 500]) {
    const { article, entities } = item(i);
    expect(byId(await a.related(article, entities, { k: 50, excludeId: null }))).toEqual(byId(findRelated(mem, article, entities, { k: 50, excludeId: null })));
  }
  for (const k of KEYS) expect((await a.byEntity(k)).map((b) => b.id).sort(), k).toEqual(mem.withEntity(k).map((d) => d.brief.id).sort());
  const before = await answers(a);
  const b = tab({ tailMerge: false });
  await b.db();
  await b.mergeIndexTail();
  expect(await (await a.db()).count(STORE.indexTail)).toBe(0);
  await expectEntityPostingsInStep(a);
  expect(await answers(a)).toEqual(before);
}

describe('index tail', () => {
  it('a save writes one tail record and no shard; readers see it at once, in another context too', async () => {
    const a = tab();
    await a.saveMany(Array.from({ length: TAIL_MAX + 6 }, (_, i) => item(i)));
    const db = await a.db();
    // A batch past TAIL_MAX went to the shards at once.
    expect(await db.count(STORE.indexTail)).toBe(0);
    const shards = await db.count(STORE.postings);
    const termShards = await db.count(STORE.terms);
    const probe = synthetic(900, { entities: [['PER', 'Personne nouvelle'], ['LOC', 'Huê']] });
    const other = tab();
    expect((await other.byEntity('PER:personne nouvelle')).length).toBe(0);
    await a.save(probe.article, probe.entities);
    expect(await db.count(STORE.indexTail)).toBe(1);
    // No shard was written: the new key has none, none was added.
    expect(await db.count(STORE.postings)).toBe(shards);
    expect(await db.count(STORE.terms)).toBe(termShards);
    expect((await other.byEntity('PER:personne nouvelle')).map((b) => b.id)).toEqual([probe.article.id]);
    expect((await other.related(item(1).article, [...item(1).entities, ...probe.entities], { k: 200 })).map((r) => r.id)).toContain(probe.article.id);
    expect(await other.count()).toBe(TAIL_MAX + 7);
    await expectSameWithAndWithoutTail(a);
  });

  it('re-saves, removals and undo of tail dispatches and of folded ones stay exact', async () => {
    const a = tab();
    await a.saveMany(Array.from({ length: 30 }, (_, i) => item(i)));
    expect((await summary(a)).tail).toBe(30);
    await expectSameWithAndWithoutTail(a);
    for (let i = 30; i < 40; i++) await a.save(item(i).article, item(i).entities);
    // A tail dispatch re-saved with other entities (its record replaced), one removed, one undone.
    const moved = synthetic(33, { entities: [['LOC', 'Can Tho'], ['ORG', 'ASEAN']] });
    await a.save(moved.article, moved.entities);
    await a.remove(item(34).article.id!);
    await a.remove(item(35).article.id!);
    await a.undoRemove(item(35).article.id!);
    // The same for folded ones (their shards edited in place).
    const moved2 = synthetic(3, { entities: [['LOC', 'Da Nang']] });
    await a.save(moved2.article, moved2.entities);
    await a.remove(item(4).article.id!);
    await a.setUserTags(item(5).article.id!, ['Économie']);
    await a.setUserTags(item(36).article.id!, ['Économie']);
    const s = await summary(a);
    expect(s.tail).toBe(9); // 30..39, less 34 and the old 35, plus the undone 35 at a new ord
    expect(s.n).toBe(38);
    await expectTermsInStep(a);
    for (let i = 40; i < 45; i++) await a.save(item(i).article, item(i).entities);
    await a.remove(item(41).article.id!);
    await expectTermsInStep(a);
    await expectSameWithAndWithoutTail(a);
    await a.removeAll();
    const db = await a.db();
    expect(await db.count(STORE.indexTail)).toBe(0);
    expect((await summary(a)).tail).toBe(0);
    await a.save(item(1).article, item(1).entities);
    expect(await a.count()).toBe(1);
    await expectSameWithAndWithoutTail(a);
  });

  it('a write past TAIL_MAX folds the whole tail, its own dispatches with it', async () => {
    const a = tab();
    for (let i = 0; i < 20; i++) await a.save(item(i).article, item(i).entities);
    expect((await summary(a)).tail).toBe(20);
    await a.saveMany(Array.from({ length: TAIL_MAX - 20 + 1 }, (_, i) => item(100 + i)));
    const s = await summary(a);
    expect([s.tail, s.tailFrom, await (await a.db()).count(STORE.indexTail)]).toEqual([0, s.nextOrd, 0]);
    await expectSameWithAndWithoutTail(a);
  });

  it('the idle fold starts once TAIL_MERGE_AT are pending and empties the tail, TAIL_MERGE_BATCH per transaction', async () => {
    // The delay is longer than the saves below take, so the one fold sees them all.
    const a = tab({ tailMerge: { delayMs: 300 } });
    for (let i = 0; i < TAIL_MERGE_AT - 1; i++) await a.save(item(i).article, item(i).entities);
    await new Promise((r) => setTimeout(r, 400));
    const db = await a.db();
    expect(await db.count(STORE.indexTail)).toBe(TAIL_MERGE_AT - 1);
    for (let i = TAIL_MERGE_AT - 1; i < 2 * TAIL_MERGE_BATCH + 3; i++) await a.save(item(i).article, item(i).entities);
    // The fold's transactions (the tail's stores, without the dispatches: not a save's), counted.
    const open = IDBDatabase.prototype.transaction;
    let folds = 0;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, names: string | string[], ...rest: never[]) {
      if (Array.isArray(names) && names.includes(STORE.indexTail) && !names.includes(STORE.dispatches)) folds++;
      return open.call(this, names, ...rest);
    } as typeof open;
    try {
      const pending = 2 * TAIL_MERGE_BATCH + 3;
      for (let t = 0; t < 200 && (await db.count(STORE.indexTail)) > 0; t++) await new Promise((r) => setTimeout(r, 5));
      expect(await db.count(STORE.indexTail)).toBe(0);
      expect(folds).toBe(Math.ceil(pending / TAIL_MERGE_BATCH));
    } finally {
      IDBDatabase.prototype.transaction = open;
    }
    expect((await summary(a)).tailFrom).toBe((await summary(a)).nextOrd);
    await expectSameWithAndWithoutTail(a);
  });

  it('one context saving and removing while another folds loses and doubles nothing', async () => {
    const page = tab();
    const worker = tab();
    await worker.saveMany(Array.from({ length: 10 }, (_, i) => item(i)));
    await worker.db();
    const folds = (async () => {
      let n = 0;
      for (let r = 0; r < 12; r++) {
        n += await worker.mergeIndexTail();
        await new Promise((res) => setTimeout(res, 0));
      }
      return n;
    })();
    for (let i = 10; i < 40; i++) {
      await page.save(item(i).article, item(i).entities);
      if (i % 7 === 0) await page.remove(item(i - 3).article.id!);
    }
    expect(await folds).toBeGreaterThan(0);
    expect(await page.count()).toBe(40 - 4);
    await expectTermsInStep(page);
    await expectSameWithAndWithoutTail(page);
  });

  it('withTail adds ords to the last shard (offsets or bitmap) or opens the next one, leaving the records read unchanged', () => {
    const o = Uint16Array.from([1, 5]);
    const recs = [{ k: 'x', s: 0, o }];
    const got = withTail(recs, 'x', [9, POSTING_SHARD + 2, POSTING_SHARD + 4]);
    expect(got.map((r) => [r.s, [...r.o!]])).toEqual([[0, [1, 5, 9]], [1, [2, 4]]]);
    expect([...o]).toEqual([1, 5]);
    const b = new Uint8Array(POSTING_SHARD / 8);
    b[0] = 0b10;
    const dense = withTail([{ k: 't', s: 2, b }], 't', [2 * POSTING_SHARD + 3]);
    expect(decodeTermShard(dense[0])).toEqual([2 * POSTING_SHARD + 1, 2 * POSTING_SHARD + 3]);
    expect(b[0]).toBe(0b10);
    expect(withTail(recs, 'x', undefined)).toBe(recs);
  });

  it('v10 → v11 from the frozen archive: every dispatch kept, the tail empty, then saves go to it', async () => {
    await loadFrozenV3('v10');
    const v10 = await openArchiveDb('v10', { version: 10 });
    const n = await v10.count(STORE.dispatches);
    // The summary as the v10 code wrote it (this code's v5 step already writes the v11 fields).
    const { tailFrom: _f, tail: _t, ...before } = (await v10.get(STORE.meta, META.summary))!.value as ArchiveSummary;
    await v10.put(STORE.meta, { key: META.summary, value: before });
    expect(before.nextOrd).toBeGreaterThan(0);
    v10.close();
    const a = tab({ name: 'v10' });
    const db = await a.db();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count(STORE.dispatches)).toBe(n);
    expect(await db.count(STORE.indexTail)).toBe(0);
    const ids = (await db.getAllKeys(STORE.dispatches)).sort();
    const golds = loadGold();
    const fresh = makeDispatch(golds, 5000);
    await a.save(fresh.article, fresh.entities);
    const s = await summary(a);
    expect([s.tailFrom, s.tail]).toEqual([before.nextOrd, 1]);
    expect((await db.getAllKeys(STORE.dispatches)).filter((id) => id !== fresh.article.id).sort()).toEqual(ids);
    await expectTermsInStep(a);
    await expectEntityPostingsInStep(a);
  });
});
