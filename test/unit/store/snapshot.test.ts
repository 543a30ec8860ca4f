// The index snapshot (META.indexSnapshot): a new context loads the in-memory index from it
// plus the changes logged after it, and falls back to scanning every brief when it is
// missing, malformed, from another log, or older than the pruned log.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { openArchiveDb } from '../../../src/store/db';
import { MemIndex, SNAPSHOT_FORMAT, type IndexSnapshot } from '../../../src/store/memindex';
import { buildBrief, buildRecord } from '../../../src/store/records';
import { META, STORE, type BriefRecord } from '../../../src/store/schema';
import { goldArticle, loadGold, synthetic } from '../../support/store-fixtures';

let clock = 1_700_000_000_000;
const now = () => ++clock;
const open: Archive[] = [];
/** An Archive (a tab or a worker) on the shared test database; snapshots at any size. */
function tab(opts: { snapshot?: boolean; every?: number; delayMs?: number } = {}): Archive {
  const a = new Archive({
    name: 'snap',
    storage: null,
    now,
    indexSnapshot: opts.snapshot === false ? false : { minDocs: 0, every: opts.every ?? 1, delayMs: opts.delayMs ?? 60_000 },
  });
  open.push(a);
  return a;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  for (const a of open.splice(0)) await a.close();
});

const gold = () => loadGold().map(goldArticle);
const QUERIES = ['hanoi', 'cooperation', 'minist', 'depeche', 'paix', 'vietnam', 'asean', 'zanzibar'];

async function fill(a: Archive, n = 30): Promise<void> {
  for (const g of gold()) await a.save(g.article, g.entities);
  const places = ['Hanoï', 'Da Nang', 'Huê', 'Can Tho'];
  await a.saveMany(
    Array.from({ length: n }, (_, i) => ({
      ...synthetic(100 + i, { entities: [['LOC', places[i % 4]], ['PER', i % 3 ? 'To Lam' : 'Pham Minh Chinh']], published: `2024-03-${String((i % 28) + 1).padStart(2, '0')}` }),
      savedAt: 1_000 + i,
    })),
  );
}

/** The number of dispatches in a context's in-memory index (loading it if needed). */
const indexed = async (a: Archive): Promise<number> => (await a.index()).size;

/** Everything a reader can see through the index, to compare two loads. */
async function view(a: Archive) {
  const g = gold();
  return {
    count: await indexed(a),
    search: await Promise.all(QUERIES.map((q) => a.searchInMemory(q, { limit: 50 }))),
    related: await Promise.all(g.map((x) => a.related(x.article, x.entities, { k: 10, excludeId: null }))),
    list: (await a.list({ limit: 100, sort: 'published' })).items.map((d) => d.id),
    byEntity: await a.byEntity('LOC:hanoi'),
  };
}

async function storedSnapshot(): Promise<IndexSnapshot | undefined> {
  const db = await openArchiveDb('snap');
  const r = await db.get(STORE.meta, META.indexSnapshot);
  db.close();
  return r?.value as IndexSnapshot | undefined;
}

async function putMeta(key: string, value: unknown): Promise<void> {
  const db = await openArchiveDb('snap');
  await db.put(STORE.meta, { key, value });
  db.close();
}

/** Write a brief behind the log's back: only a full scan of the briefs can see it. */
async function sneakBrief(n: number): Promise<string> {
  const { article, entities } = synthetic(n, { title: 'Clandestin zanzibar' });
  const b = buildBrief(buildRecord(article, entities, { savedAt: 1, updatedAt: 1, userTags: [], note: '' }));
  const db = await openArchiveDb('snap');
  await db.put(STORE.briefs, b);
  db.close();
  return b.id;
}

describe('index snapshot', () => {
  it('a new context loads from the snapshot and sees exactly what a full scan sees', async () => {
    const a = tab();
    await fill(a);
    const full = await view(a); // a loaded by scanning the briefs
    expect(await a.writeIndexSnapshot()).toBe(true);
    expect(await a.writeIndexSnapshot()).toBe(false); // nothing newer
    const snap = await storedSnapshot();
    expect(snap).toMatchObject({ format: SNAPSHOT_FORMAT, n: full.count });
    expect(snap!.ords).toBeInstanceOf(Int32Array);
    expect('post' in snap! || 'vocab' in snap!).toBe(false); // v10: no word postings (search reads the word shards)

    const hidden = await sneakBrief(900); // not in the snapshot, not in the log
    const b = tab();
    expect(await view(b)).toEqual(full); // from the snapshot: the sneaked brief is not seen
    const c = tab({ snapshot: false });
    expect(await indexed(c)).toBe(full.count + 1); // a full scan sees it
    expect((await c.index()).has(hidden)).toBe(true);
    expect((await b.index()).has(hidden)).toBe(false);
  });

  it('the changes logged after the snapshot are replayed (saves, edits, deletes, restores)', async () => {
    const a = tab();
    await fill(a);
    await indexed(a);
    await a.writeIndexSnapshot();
    const [g0, g1] = gold();
    await a.setNote(g0.article.id!, 'zanzibar');
    const removed = await a.remove(g1.article.id!);
    await a.remove('fr.vietnamplus.vn:101');
    await a.restore(removed!);
    const extra = synthetic(500, { title: 'Hanoï accueille une conférence ASEAN', entities: [['LOC', 'Hanoï']] });
    await a.save(extra.article, extra.entities);
    const fromSnapshot = await view(tab());
    const full = await view(tab({ snapshot: false }));
    expect(fromSnapshot).toEqual(full);
    expect(fromSnapshot.search[QUERIES.indexOf('zanzibar')].map((h) => h.id)).toEqual([g0.article.id]);
    expect(fromSnapshot.count).toBe(gold().length + 30);
  });

  it('falls back to the briefs when the snapshot is malformed, of an unknown format or ahead of the log', async () => {
    const a = tab();
    await fill(a, 5);
    await indexed(a);
    await a.writeIndexSnapshot();
    const good = (await storedSnapshot())!;
    const hidden = await sneakBrief(901);
    const total = gold().length + 5 + 1;
    const bad: unknown[] = [
      null,
      'garbage',
      { ...good, format: SNAPSHOT_FORMAT + 1 },
      { ...good, seq: good.seq + 1000 }, // from another log (e.g. a recreated database)
      { ...good, ids: good.ids.slice(1) },
      { ...good, ords: Array.from(good.ords) },
      { ...good, ords: good.ords.slice(1) },
      { ...good, entIdx: new Int32Array(good.entIdx.length).fill(99_999) },
    ];
    for (const value of bad) {
      await putMeta(META.indexSnapshot, value);
      const b = tab();
      expect(await indexed(b)).toBe(total);
      expect((await b.index()).has(hidden)).toBe(true);
    }
    // The good one (without the sneaked brief) is still used when put back.
    await putMeta(META.indexSnapshot, good);
    expect(await indexed(tab())).toBe(total - 1);
  });

  it('falls back to the briefs when the change log was pruned past the snapshot', async () => {
    const a = tab();
    await fill(a, 5);
    await indexed(a);
    await a.writeIndexSnapshot();
    const seq = (await storedSnapshot())!.seq;
    await sneakBrief(902);
    const g = gold()[0];
    await a.setNote(g.article.id!, 'x'); // seq + 1
    await putMeta(META.prunedBelow, seq + 1); // nothing lost: the snapshot is still good
    expect(await indexed(tab())).toBe(gold().length + 5);
    await putMeta(META.prunedBelow, seq + 2); // change seq + 1 is gone: the snapshot is too old
    expect(await indexed(tab())).toBe(gold().length + 5 + 1);
  });

  it('is rewritten lazily: never by a save, on the schedule or on close once due', async () => {
    const a = tab({ every: 3, delayMs: 0 });
    await fill(a, 5);
    expect(await storedSnapshot()).toBeUndefined(); // saves do not write it
    await indexed(a); // full scan: due at once (delay 0)
    await until(async () => (await storedSnapshot()) !== undefined);
    const s1 = (await storedSnapshot())!.seq;
    const g = gold();
    await a.setNote(g[0].article.id!, 'alpha');
    await a.setNote(g[0].article.id!, 'bravo');
    await indexed(a); // 2 changes behind: not due
    await new Promise((r) => setTimeout(r, 20));
    expect((await storedSnapshot())!.seq).toBe(s1);

    const b = tab({ every: 3 }); // loads from s1, replays 2
    await indexed(b);
    await a.setNote(g[0].article.id!, 'charlie');
    await indexed(b); // 3 behind: due, written on close
    await b.close();
    const s2 = (await storedSnapshot())!;
    expect(s2.seq).toBe(s1 + 3);
    const c = tab();
    expect((await c.searchInMemory('charlie')).map((h) => h.id)).toEqual([g[0].article.id]);
  });

  it('a closed or stepped-aside archive never writes (nor recreates a deleted database)', async () => {
    const a = tab();
    await fill(a, 5);
    await indexed(a);
    await a.close(); // writes the due snapshot first
    const seq = (await storedSnapshot())!.seq;
    await tab().setNote(gold()[0].article.id!, 'delta');
    expect(await a.writeIndexSnapshot()).toBe(false); // closed: never writes
    expect((await storedSnapshot())!.seq).toBe(seq);
    const b = tab();
    await indexed(b);
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.deleteDatabase('snap');
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error);
    });
    expect(await b.writeIndexSnapshot()).toBe(false);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('snap');
  });

  it('tabs stay in step after loading from a snapshot, and a newer snapshot carries their changes', async () => {
    const seed = tab();
    await fill(seed, 10);
    await indexed(seed);
    await seed.writeIndexSnapshot();
    const tabA = tab();
    const tabB = tab();
    const [g0, g1, g2] = gold();
    expect((await tabB.searchInMemory('guangxi')).length).toBeGreaterThan(0); // B loads from the snapshot
    await tabA.remove(g2.article.id!);
    await tabA.setNote(g0.article.id!, 'zanzibar');
    expect(await tabB.searchInMemory('guangxi')).toEqual([]);
    expect((await tabB.searchInMemory('zanzibar')).map((h) => h.id)).toEqual([g0.article.id]);
    const added = synthetic(700, { title: 'Coopération Guangxi', entities: [['LOC', 'Hanoï']] });
    await tabB.save(added.article, added.entities);
    expect((await tabA.searchInMemory('guangxi')).map((h) => h.id)).toEqual([added.article.id]);
    expect((await tabA.related(g1.article, g1.entities, { k: 50 })).map((r) => r.id)).not.toContain(g2.article.id);
    // B (up to date) writes a newer snapshot; a third context loads it and sees the same.
    await indexed(tabB);
    expect(await tabB.writeIndexSnapshot()).toBe(true);
    expect(await view(tab())).toEqual(await view(tab({ snapshot: false })));
    expect(await view(tabA)).toEqual(await view(tabB));
  });
});

describe('MemIndex snapshot round trip', () => {
  const brief = (i: number, words: string[]): BriefRecord => ({
    id: `d${i}`,
    title: `T ${i}`,
    url: `https://x.test/${i}`,
    site: i % 2 ? 'a.test' : 'b.test',
    published: i % 7 ? `2024-01-${String((i % 28) + 1).padStart(2, '0')}` : null,
    savedAt: i,
    entityKeys: [`LOC:l${i % 5}`, `PER:p${i % 13}`],
    entityNames: [`l${i % 5}`, `p${i % 13}`],
    o: i,
    titleWords: words.slice(0, 2).join(' '),
    terms: words.slice(0, 4).join(' '),
  });
  const wordsOf = (i: number) => [`w${i % 3}`, `w${i % 11}x`, `common`, `r${i}`, `pre${i % 17}`];
  const results = (m: MemIndex) => ({
    size: m.size,
    // Each live doc under its persisted ord (what maps a persisted search's hits to the briefs).
    byStoreOrd: Array.from({ length: 5001 }, (_, o) => m.atStoreOrd(o)?.brief.id ?? null),
    related: m.related({ entities: [{ key: 'LOC:l1', name: 'l1', type: 'LOC' }, { key: 'PER:p3', name: 'p3', type: 'PER' }], terms: ['w1', 'common'] }, null, 20).map(({ d, s }) => [d.brief.id, s.score]),
    withEntity: m.withEntity('PER:p4').map((d) => d.brief.id).sort(),
  });

  it('snapshot -> fromSnapshot gives the same index, also after removals, compaction and re-puts', () => {
    const m = new MemIndex();
    for (let i = 0; i < 3000; i++) m.put(brief(i, wordsOf(i)));
    for (let i = 0; i < 3000; i += 3) m.remove(`d${i}`); // 1000 dead: not yet compacted
    const r = MemIndex.fromSnapshot(m.snapshot(7));
    expect(results(r)).toEqual(results(m));
    // Edits on both after the load: re-puts, new words, removals past the compaction threshold.
    for (const x of [m, r]) {
      for (let i = 1; i < 3000; i += 3) x.remove(`d${i}`); // compacts (2000 dead of 3000)
      for (let i = 2; i < 100; i += 3) x.put(brief(i, [...wordsOf(i), `neu${i}`, 'aaa']));
      x.put(brief(5000, ['zzz', 'common', 'prefix']));
    }
    expect(results(r)).toEqual(results(m));
    expect(r.atStoreOrd(5000)?.brief.id).toBe('d5000');
    expect(r.atStoreOrd(1)).toBeUndefined(); // removed
    expect(r.atStoreOrd(2)?.brief.id).toBe('d2'); // re-put under the same ord
    expect(results(MemIndex.fromSnapshot(r.snapshot(8)))).toEqual(results(m));
  });
});

async function until(cond: () => Promise<boolean>, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
