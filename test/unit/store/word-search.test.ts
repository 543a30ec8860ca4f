// Issue 17 (search): the persisted word index (word-postings.ts) answers every query exactly as
// the reference search (test/support/reference-search.ts, the spec written out plainly) does (same hits, same scores, same order up to ties the spec leaves
// open), through pending deltas, merges, direct batch writes, removals, re-saves with other
// text, tag and note edits, trash put-back, import and forget-all; and in every context.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshArchives } from '../../support/fresh-archives';
import { Archive, type SearchHit } from '../../../src/store/archive';
import { STORE } from '../../../src/store/schema';
import { WORD_DIRECT_MIN } from '../../../src/store/word-postings';
import { makeDispatch, BENCH_QUERIES } from '../../../bench/store-corpus';
import { loadGold, synthetic } from '../../support/store-fixtures';
import { referenceSearch } from '../../support/reference-search';

let clock = 1_700_000_000_000;
/** An archive as a tab opens it; `clocked: false` for a reader that writes nothing (its own clock). */
const tab = freshArchives((clocked: boolean = true) => new Archive({ name: 'w', storage: null, indexSnapshot: false, wordMerge: false, ...(clocked ? { now: () => (clock += 1000) } : {}) }));

const golds = loadGold();
/**
 * Dispatch i, some with dates that tie on the search's date key or that it cannot read (same
 * minute, other seconds or zone; a bare date; none; not a date at all), at the top of the
 * published order (2030) so that they decide pages.
 */
const ODD = ['2030-01-01T10:20:05+07:00', '2030-01-01T10:20:59Z', '2030-01-01T10:20', '2030-01-01', null, 'mars 2030', '', '2030-01-01T10:20:05+07:00'];
const item = (i: number) => {
  const d = makeDispatch(golds, i, 7);
  if (i % 9 === 4) d.article = { ...d.article, published: ODD[Math.floor(i / 9) % ODD.length] };
  return d;
};

const QUERIES = [
  ...BENCH_QUERIES,
  'vietnam', 'viet', 'ha', 'hanoi cooperation', 'cooper', 'minist', 'ministre', 'le', 'de la', 'Hô Chi Minh', 'ho chi', 'HANOÏ',
  'selon', 'nguyen', 'tran van', 'developpement', 'develop', 'econom', 'commerce industrie', 'culture tourisme', 'zz', 'xyzzy',
  'diplomatie', 'diplo', 'urgent', 'relire', 'relire urgent', 'clandestin', 'dépêche', 'depeche numero',
  // Three, four and five terms (the intersection's unrolled lookups and the rest).
  'cooperation hanoi viet', 'ministere sante cooperation vietnam', 'nguyen cooperation hanoi develop selon',
];

/** Hits in a canonical order: the spec's (score, published, saved) then id for the ties it leaves open. */
const canon = (hs: SearchHit[]) =>
  [...hs].sort((x, y) => y.score - x.score || ((y.published ?? '') > (x.published ?? '') ? 1 : (y.published ?? '') < (x.published ?? '') ? -1 : 0) || y.savedAt - x.savedAt || (x.id < y.id ? -1 : 1));
const key = (h: SearchHit) => [h.score, h.published ?? '', h.savedAt].join('|');

async function expectSameAsMemory(a: Archive, queries = QUERIES) {
  const ref = tab(false);
  for (const q of queries) {
    const want = await referenceSearch(ref, q, { limit: 100_000 });
    const got = await a.search(q, { limit: 100_000 });
    expect(canon(got), q).toEqual(canon(want));
    // The persisted order itself is the spec's: only equal (score, published, saved) may swap.
    expect(got.map(key), q).toEqual(want.map(key));
    // A page is the same slice of that order, and its total counts every hit, not the page's candidates.
    const page = await a.searchPage(q, { limit: 3, offset: 2 });
    expect(page.hits.map(key), q).toEqual(want.slice(2, 5).map(key));
    expect(page.total, q).toBe(want.length);
  }
}

const pending = async (a: Archive) => (await a.db()).count(STORE.wordDeltas);

// Hundreds of searches on fake-indexeddb: seconds, more on a loaded machine.
describe('persisted word search', { timeout: 60_000 }, () => {
  it('equals the reference search through every kind of write, with deltas pending and merged', async () => {
    const a = tab();
    // A batch write (>= WORD_DIRECT_MIN) goes straight into the shards.
    // savedAt out of ord order, so that a tie left to savedAt is not settled by the ord.
    await a.saveMany(Array.from({ length: 150 }, (_, i) => ({ ...item(i), savedAt: clock - ((i * 7919) % 150) * 1000, userTags: i % 7 ? [] : ['Diplomatie'], note: i % 13 ? '' : 'à relire, urgent' })));
    expect(await pending(a)).toBe(0);
    await expectSameAsMemory(a);

    // Single writes leave deltas: saves, a re-save with other text, tags, notes, removals, undo.
    for (let i = 150; i < 160; i++) await a.save(item(i).article, item(i).entities);
    const other = synthetic(0, { title: 'Clandestin à Hanoï', body: ['Un texte tout autre sur la coopération clandestine.'], entities: [['LOC', 'Hanoï']] });
    await a.save({ ...other.article, id: item(3).article.id, url: item(3).article.url }, other.entities);
    await a.setUserTags(item(4).article.id, ['Diplomatie', 'Urgent']);
    await a.setNote(item(5).article.id, 'clandestin');
    await a.setNote(item(0).article.id, ''); // its note's words go
    await a.remove(item(6).article.id);
    await a.remove(item(152).article.id); // removed while only a delta knows it
    await a.remove(item(8).article.id);
    await a.undoRemove(item(8).article.id); // back under a new ord
    expect(await pending(a)).toBeGreaterThan(10);
    await expectSameAsMemory(a);
    expect((await a.search('clandestin')).map((h) => h.id).sort()).toEqual([item(3).article.id, item(5).article.id].sort());
    expect(await a.search('relire', { limit: 50 })).toHaveLength(11);

    // Another context sees the deltas at once (same transaction as the shards).
    const b = tab();
    expect(await b.search('clandestin', { limit: 50 })).toEqual(await a.search('clandestin', { limit: 50 }));

    // Merged in batches: same answers, no delta left.
    expect(await a.mergeWordDeltas()).toBeGreaterThan(10);
    expect(await pending(a)).toBe(0);
    await expectSameAsMemory(a);

    // A few deltas, then a batch write merges them with itself.
    await a.remove(item(10).article.id);
    await a.save(item(11).article, item(11).entities, { note: 'clandestin' });
    expect(await pending(a)).toBe(2);
    const d = await a.get(item(12).article.id);
    await a.importDispatches([
      { ...d!, note: 'importé clandestin', updatedAt: d!.updatedAt + 5 },
      ...Array.from({ length: WORD_DIRECT_MIN }, (_, j) => {
        const x = item(500 + j);
        return { ...d!, id: x.article.id, article: x.article, entities: x.entities, entityKeys: [], note: '', userTags: [] };
      }),
    ]);
    expect(await pending(a)).toBe(0);
    await expectSameAsMemory(a);

    await a.removeAll();
    expect(await a.search('hanoi')).toEqual([]);
    const db = await a.db();
    expect([await db.count(STORE.words), await db.count(STORE.wordDeltas), await db.count(STORE.ordCols)]).toEqual([0, 0, 0]);
  });

  it('pages with the library filters and date sorts as it applied them to the full hit list', async () => {
    const a = tab();
    await a.saveMany(Array.from({ length: 120 }, (_, i) => ({ ...item(i), savedAt: clock + i * 3_600_000 })));
    for (let i = 120; i < 126; i++) await a.save(item(i).article, item(i).entities);
    const all = await a.search('hanoi', { limit: 100_000 });
    const ents = await a.byEntity('LOC:hanoi');
    const inEnt = new Set(ents.map((e) => e.id));
    const site = all[0].site;
    const pubSorted = [...all].sort((x, y) => ((x.published ?? '') < (y.published ?? '') ? 1 : (x.published ?? '') > (y.published ?? '') ? -1 : 0));
    const cases: [Parameters<Archive['searchPage']>[1], SearchHit[]][] = [
      [{ entityKey: 'LOC:hanoi' }, all.filter((h) => inEnt.has(h.id))],
      [{ site }, all.filter((h) => h.site === site)],
      [{ sort: 'published' }, pubSorted],
      [{ sort: 'savedAt', direction: 'asc' }, [...all].sort((x, y) => x.savedAt - y.savedAt)],
      [{ from: '2018-01-01', to: '2021-12-31' }, all.filter((h) => h.published !== null && h.published >= '2018-01-01' && h.published.slice(0, 10) <= '2021-12-31')],
      [{ from: '2030-01-01' }, all.filter((h) => h.published !== null && h.published >= '2030-01-01')],
      [{ to: '2016-12-31' }, all.filter((h) => h.published !== null && h.published.slice(0, 10) <= '2016-12-31')],
      [{ sort: 'published', direction: 'asc' }, [...all].sort((x, y) => ((x.published ?? '') < (y.published ?? '') ? -1 : (x.published ?? '') > (y.published ?? '') ? 1 : 0))],
      [{ ids: all.slice(0, 5).map((h) => h.id).concat('nope') }, all.slice(0, 5)],
    ];
    for (const [opts, want] of cases) {
      const got = await a.searchPage('hanoi', { ...opts, limit: 1000 });
      expect(got.total, JSON.stringify(opts)).toBe(want.length);
      expect(got.hits.map(key), JSON.stringify(opts)).toEqual(want.map(key));
      expect(got.matched).toEqual(['hanoi']);
      // A page further on: only the hits that can reach it are ranked exactly.
      const page = await a.searchPage('hanoi', { ...opts, offset: 3, limit: 4 });
      expect(page.hits.map(key), `page ${JSON.stringify(opts)}`).toEqual(want.slice(3, 7).map(key));
    }
  });
});
