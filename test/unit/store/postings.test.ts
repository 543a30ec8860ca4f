// Issue 17: the persisted index (postings + cards + summary) stays exactly in step with the
// archive through every kind of write, in every context, and ranks as the in-memory index.
import { countCardReads } from '../../support/card-reads';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshArchives } from '../../support/fresh-archives';
import { Archive } from '../../../src/store/archive';
import { findRelated } from '../../../src/store/related';
import { topByScore } from '../../../src/store/postings';
import { META, POSTING_SHARD, STORE, type PostingRecord } from '../../../src/store/schema';
import { decodeShard, lastOrd } from '../../../src/store/posting-codec';
import { synthetic } from '../../support/store-fixtures';
import type { EntityType } from '../../../src/core/types';
import type { RelatedDispatch } from '../../../src/store/types';

let clock = 1_700_000_000_000;
/** An archive as a tab opens it; `clocked: false` for a reader that writes nothing (its own clock). */
const tab = freshArchives((clocked: boolean = true) => new Archive({ name: 'p', storage: null, indexSnapshot: false, ...(clocked ? { now: () => ++clock } : {}) }));

const PLACES = ['Hanoï', 'Huê', 'Da Nang', 'Can Tho', 'Lao Cai', 'Ca Mau'];
const PEOPLE = ['To Lam', 'Pham Minh Chinh', 'Luong Cuong', 'Tran Thanh Man', 'Bui Thanh Son'];
const ORGS = ['ASEAN', 'Banque mondiale', 'UNESCO', 'Interpol'];
function item(i: number) {
  const ents: [EntityType, string][] = [['LOC', PLACES[i % PLACES.length]], ['PER', PEOPLE[(i * 7) % PEOPLE.length]]];
  if (i % 3 === 0) ents.push(['ORG', ORGS[i % ORGS.length]]);
  if (i % 11 === 0) ents.push(['PER', `Personne ${i}`]);
  return synthetic(i, { entities: ents, published: `2024-0${1 + (i % 9)}-${String(1 + (i % 27)).padStart(2, '0')}` });
}
const byId = (xs: RelatedDispatch[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));

async function expectSameAsMemory(a: Archive) {
  const fresh = tab(false);
  const mem = await fresh.index();
  expect(await a.count()).toBe(mem.size);
  expect(await a.tags()).toEqual(mem.tagCounts());
  expect(await a.sites()).toEqual([...new Set([...mem.all()].map((d) => d.brief.site))].sort());
  for (const i of [1, 3, 11, 22, 500, 501]) {
    const { article, entities } = item(i);
    for (const excludeId of [undefined, null]) {
      const got = await a.related(article, entities, { k: 1000, excludeId });
      expect(byId(got)).toEqual(byId(findRelated(mem, article, entities, { k: 1000, excludeId })));
    }
  }
}

describe('persisted index', () => {
  it('follows saves, re-saves with other entities, tags, removals, undo, import and forget-all', async () => {
    const a = tab();
    await a.saveMany(Array.from({ length: 120 }, (_, i) => ({ ...item(i), userTags: i % 5 ? [] : ['Diplomatie'] })));
    await expectSameAsMemory(a);
    // Re-save with different entities: the old keys' postings lose it.
    const moved = synthetic(4, { entities: [['LOC', 'Ca Mau'], ['ORG', 'UNESCO']] });
    await a.save(moved.article, moved.entities);
    await a.setUserTags('fr.vietnamplus.vn:4', ['diplomatie', 'Économie']);
    await a.remove('fr.vietnamplus.vn:6');
    await a.remove('fr.vietnamplus.vn:7');
    await a.undoRemove('fr.vietnamplus.vn:7');
    const d9 = await a.get('fr.vietnamplus.vn:9');
    await a.importDispatches([{ ...d9!, entities: item(10).entities, entityKeys: [], updatedAt: d9!.updatedAt + 5 }, { ...(await a.get('fr.vietnamplus.vn:12'))!, id: 'fr.vietnamplus.vn:9000', article: { ...item(12).article, id: 'fr.vietnamplus.vn:9000' } }]);
    await expectSameAsMemory(a);
    expect((await a.byEntity('LOC:hue')).map((b) => b.id)).not.toContain('fr.vietnamplus.vn:4');
    await a.removeAll();
    expect(await a.count()).toBe(0);
    expect(await a.tags()).toEqual([]);
    expect(await a.sites()).toEqual([]);
    expect(await a.related(item(1).article, item(1).entities, { k: 10 })).toEqual([]);
    const db = await a.db();
    expect(await db.count(STORE.postings)).toBe(0);
    expect(await db.count(STORE.cards)).toBe(0);
  });

  it('one batch saving the same id twice indexes it once', async () => {
    const a = tab();
    await a.saveMany([item(1), item(2), { ...item(1), entities: item(2).entities }]);
    expect(await a.count()).toBe(2);
    await expectSameAsMemory(a);
  });

  it('another context sees a write at once, with no log to replay', async () => {
    const worker = tab();
    const page = tab();
    await page.saveMany(Array.from({ length: 20 }, (_, i) => item(i)));
    const probe = item(500);
    const before = await worker.related(probe.article, probe.entities, { k: 50 });
    const s = synthetic(777, { entities: [['PER', 'Personne 500'], ['LOC', PLACES[500 % 6]]] });
    await page.save(s.article, s.entities);
    const after = await worker.related(probe.article, probe.entities, { k: 50 });
    expect(after.map((r) => r.id)).toContain('fr.vietnamplus.vn:777');
    expect(before.map((r) => r.id)).not.toContain('fr.vietnamplus.vn:777');
    expect(await worker.count()).toBe(21);
  });

  it('shards hold the ords of POSTING_SHARD ords each as offsets, split by ord, through appends, removals and re-saves', async () => {
    const a = tab();
    const db = await a.db();
    // Ords are allocated from the summary's nextOrd: moved forward by hand between saves, the
    // last saves cross into the next shard without writing 32,768 dispatches.
    const jumpTo = async (nextOrd: number) => {
      const sum = (await db.get(STORE.meta, META.summary))?.value as { nextOrd: number } | undefined;
      await db.put(STORE.meta, { key: META.summary, value: { n: 0, tags: {}, sites: {}, ...sum, nextOrd } });
    };
    const ents = (i: number): [EntityType, string][] => [['ORG', 'ASEAN'], ['LOC', PLACES[i % PLACES.length]]];
    let i = 0;
    const save = (n: number) => a.saveMany(Array.from({ length: n }, () => synthetic(i, { entities: ents(i++) })));
    await jumpTo(POSTING_SHARD - 20_000);
    await save(5);
    await jumpTo(POSTING_SHARD - 19_600);
    await save(5);
    await jumpTo(POSTING_SHARD - 3);
    await save(6);
    const want = [0, 1, 2, 3, 4].map((j) => POSTING_SHARD - 20_000 + j).concat([0, 1, 2, 3, 4].map((j) => POSTING_SHARD - 19_600 + j), [0, 1, 2, 3, 4, 5].map((j) => POSTING_SHARD - 3 + j));
    // The saves go to the index tail (v11) first: folded before the shards are looked at.
    const asean = async () => {
      await a.mergeIndexTail();
      return (await db.getAll(STORE.postings)).filter((r) => r.k === 'ORG:asean');
    };
    const ordsOf = (rs: PostingRecord[]) => rs.flatMap((r) => { const o: number[] = []; decodeShard(r, o); return o; });
    let shards = await asean();
    expect(shards.map((r) => [r.s, r.o.length, lastOrd(r)])).toEqual([[0, 13, POSTING_SHARD - 1], [1, 3, POSTING_SHARD + 2]]);
    expect(ordsOf(shards)).toEqual(want);
    expect((await a.byEntity('ORG:asean')).length).toBe(16);
    await expectSameAsMemory(a);
    // A removal in the middle (decoded, re-encoded), its undo (saved again: a new ord, appended).
    await a.remove('fr.vietnamplus.vn:7');
    const less = want.filter((o) => o !== want[7]);
    expect(ordsOf(await asean())).toEqual(less);
    await a.undoRemove('fr.vietnamplus.vn:7');
    const back = [...less, want.at(-1)! + 1];
    expect(ordsOf(await asean())).toEqual(back);
    // A re-save without ASEAN (dropped), then with it again: inserted back at its own ord, before the last.
    await a.save(synthetic(2, { entities: [['LOC', 'Huê']] }).article, synthetic(2, { entities: [['LOC', 'Huê']] }).entities);
    expect(ordsOf(await asean())).toEqual(back.filter((o) => o !== want[2]));
    await a.save(synthetic(2, { entities: ents(2) }).article, synthetic(2, { entities: ents(2) }).entities);
    shards = await asean();
    expect(ordsOf(shards)).toEqual(back);
    expect(shards.map((r) => [r.o.length, lastOrd(r)])).toEqual([[12, POSTING_SHARD - 1], [4, back.at(-1)]]);
    await expectSameAsMemory(a);
  });
});

describe('related ties', () => {
  it('dispatches equal in score and date keep one order, the same persisted and in memory', async () => {
    const a = tab();
    // ids of two digits sort as their ords do, so both indexes meet them in the same order
    const same = (i: number) => synthetic(10 + i, { entities: [['LOC', 'Huê'], ['PER', 'To Lam']], published: '2024-05-15', body: ['Même texte.'] });
    await a.saveMany(Array.from({ length: 30 }, (_, i) => same(i)));
    const mem = await tab(false).index();
    const probe = same(40);
    const got = (await a.related(probe.article, probe.entities, { k: 30 })).map((r) => r.id);
    expect(got).toHaveLength(30);
    expect(got).toEqual(findRelated(mem, probe.article, probe.entities, { k: 30 }).map((r) => r.id));
    // pool order: the order they were saved in
    expect(got).toEqual(Array.from({ length: 30 }, (_, i) => `fr.vietnamplus.vn:${10 + i}`));
  });
});

describe('topByScore', () => {
  it('equals a stable sort then slice, ties in insertion order', () => {
    let s = 7;
    const r = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    for (const [len, size] of [[50, 10], [5000, 100], [20000, 100], [3000, 3000]]) {
      const m = new Map<number, number>();
      for (let i = 0; i < len; i++) m.set(Math.floor(r() * 200_000), Math.floor(r() * 20) / 4);
      const want = [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, size).map((e) => e[0]);
      expect(topByScore(m, size)).toEqual(want);
      // Distinct scores too (no ties at the cut).
      const d = new Map([...m.keys()].map((o) => [o, r()]));
      expect(topByScore(d, size)).toEqual([...d.entries()].sort((a, b) => b[1] - a[1]).slice(0, size).map((e) => e[0]));
    }
  });
});

describe('persisted related, top k (issue 17: phase 2 reads only the cards that can matter)', () => {
  const VOCAB = ['riz', 'export', 'port', 'fleuve', 'forêt', 'budget', 'école', 'hôpital', 'séisme', 'tourisme', 'pêche', 'énergie'];
  function rich(i: number) {
    const ents: [EntityType, string][] = [
      ['LOC', PLACES[i % PLACES.length]],
      ['PER', PEOPLE[(i * 7) % PEOPLE.length]],
      ['ORG', ORGS[(i * 3) % ORGS.length]],
    ];
    if (i % 4 === 0) ents.push(['PER', PEOPLE[(i + 2) % PEOPLE.length]]);
    if (i % 13 === 0) ents.push(['EVENT', `Forum ${i % 5}`]);
    const words = Array.from({ length: 6 }, (_, j) => VOCAB[(i * (j + 1)) % VOCAB.length]).join(' ');
    return synthetic(i, { entities: ents, body: [`Dépêche ${i}: ${words}. ${ents.map(([, n]) => n).join(', ')}.`], published: `2024-0${1 + (i % 9)}-${String(1 + (i % 27)).padStart(2, '0')}` });
  }

  it('gives exactly the in-memory ranking (order and explanations) while reading fewer cards than the pool', async () => {
    const a = tab();
    await a.saveMany(Array.from({ length: 600 }, (_, i) => rich(i)));
    const mem = await new Archive({ name: 'p', storage: null, indexSnapshot: false }).index();
    const cardReads = countCardReads();
    try {
      const reads: number[] = [];
      for (const i of [0, 5, 13, 52, 77, 600, 601, 650]) {
        const { article, entities } = rich(i);
        for (const k of [1, 3, 10]) {
          cardReads.reset();
          const got = await a.related(article, entities, { k });
          reads.push(cardReads.count);
          expect(got).toEqual(findRelated(mem, article, entities, { k }));
        }
      }
      // Every query here has a full pool of 100 candidates; far fewer cards were read.
      expect(Math.max(...reads)).toBeLessThan(100);
    } finally {
      cardReads.restore();
    }
  }, 60_000);
});
