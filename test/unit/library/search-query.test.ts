// Issue 17 (search): the library's search (runQuery with a text) pages, filters and sorts in
// the store's persisted word index without loading the in-memory index, and gives the rows the
// in-memory search gave (relevance, site, entity, dates, date sorts, later pages).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { makeDispatch } from '../../../bench/store-corpus';
import { loadGold } from '../../support/store-fixtures';

vi.mock('../../../src/shared/rpc', () => ({ toBackground: vi.fn() }));
const data = await import('../../../src/pages/library/data');

const golds = loadGold();
const base = { q: '', site: '', entity: '', tag: '', from: '', to: '', sort: 'relevance', direction: 'desc', page: 0 } as const;
let writer: Archive;

beforeAll(async () => {
  writer = new Archive({ storage: null, indexSnapshot: false, wordMerge: false });
  await writer.saveMany(Array.from({ length: 140 }, (_, i) => ({ ...makeDispatch(golds, i, 3), savedAt: Date.UTC(2020, 0, 1) + i * 86_400_000 })));
  // A few single saves: their words are pending deltas when the library searches.
  for (let i = 140; i < 150; i++) await writer.save(makeDispatch(golds, i, 3).article, makeDispatch(golds, i, 3).entities);
});
afterAll(() => writer.close());

describe('library search', { timeout: 60_000 }, () => {
  it('answers from the persisted index, as the in-memory search did, without loading the index', async () => {
    const index = vi.spyOn(data.archive, 'index');
    const all = await writer.search('cooperation', { limit: 100_000 });
    expect(all.length).toBeGreaterThan(data.PAGE_SIZE);
    const ids = (p: { rows: { id: string }[] }) => p.rows.map((r) => r.id);
    const first = await data.runQuery({ ...base, q: 'cooperation' });
    expect(first.total).toBe(all.length);
    expect(first.matched).toEqual(['cooperation']);
    expect(ids(first)).toEqual(all.slice(0, data.PAGE_SIZE).map((h) => h.id));
    const second = await data.runQuery({ ...base, q: 'cooperation', page: 1 });
    expect(ids(second)).toEqual(all.slice(data.PAGE_SIZE, 2 * data.PAGE_SIZE).map((h) => h.id));
    const site = 'fr.vietnamplus.vn';
    expect((await data.runQuery({ ...base, q: 'cooperation', site })).total).toBe(all.filter((h) => h.site === site).length);
    const byPub = await data.runQuery({ ...base, q: 'cooperation', sort: 'published', from: '2018-01-01', to: '2022-06-30' });
    const want = all.filter((h) => h.published && h.published >= '2018-01-01' && h.published.slice(0, 10) <= '2022-06-30').sort((x, y) => (x.published! < y.published! ? 1 : x.published! > y.published! ? -1 : 0));
    expect(ids(byPub)).toEqual(want.slice(0, data.PAGE_SIZE).map((h) => h.id));
    const ent = (await writer.byEntity('LOC:hanoi')).map((b) => b.id);
    expect((await data.runQuery({ ...base, q: 'cooperation', entity: 'LOC:hanoi' })).total).toBe(all.filter((h) => ent.includes(h.id)).length);
    // Citing the selection: every hit, in order, in one query.
    expect((await data.allMatching({ ...base, q: 'cooperation' })).map((d) => d.id)).toEqual(all.map((h) => h.id));
    expect(index).not.toHaveBeenCalled();
  });
});
