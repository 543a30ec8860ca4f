import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { QuotaError, isQuotaError, toArchiveError } from '../../../src/store/errors';
import { canonicalIdFromUrl, dispatchId } from '../../../src/store/records';
import { goldArticle, loadGold, synthetic } from '../../support/store-fixtures';

let archive: Archive;
let clock = 1_700_000_000_000;
const now = () => ++clock;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  archive = new Archive({ storage: null, now });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await archive.close();
});

const gold = () => loadGold().map(goldArticle);

describe('canonical id', () => {
  it('old and new URL forms of one article give one id', () => {
    expect(canonicalIdFromUrl('https://fr.vietnamplus.vn/maintien-de-la-paix-post128832.vnp')).toBe('fr.vietnamplus.vn:128832');
    expect(canonicalIdFromUrl('https://fr.vietnamplus.vn/maintien-de-la-paix/128832.vnp')).toBe('fr.vietnamplus.vn:128832');
    expect(canonicalIdFromUrl('https://fr.vietnamplus.vn/chinhtri.vnp')).toBeNull();
    expect(canonicalIdFromUrl('not a url')).toBeNull();
    expect(dispatchId({ id: '', url: 'https://fr.vietnamplus.vn/a/b-post5.vnp' })).toBe('fr.vietnamplus.vn:5');
    expect(dispatchId({ id: 'x:1', url: 'https://fr.vietnamplus.vn/a/b-post5.vnp' })).toBe('x:1');
  });
});

describe('save / get', () => {
  it('save is idempotent: re-saving updates, never duplicates', async () => {
    const { article, entities } = gold()[0];
    const r1 = await archive.save(article, entities, { userTags: ['paix'], note: 'à lire' });
    expect(r1).toMatchObject({ id: 'fr.vietnamplus.vn:128832', created: true });
    const first = await archive.get(r1.id);
    const r2 = await archive.save({ ...article, title: article.title + ' (mise à jour)' }, entities);
    expect(r2.created).toBe(false);
    expect(await archive.count()).toBe(1);
    const d = await archive.get(r1.id);
    expect(d!.article.title).toMatch(/mise à jour/);
    expect(d!.savedAt).toBe(first!.savedAt);
    expect(d!.updatedAt).toBeGreaterThan(first!.updatedAt);
    expect(d!.userTags).toEqual(['paix']);
    expect(d!.note).toBe('à lire');
    expect(d!.entityKeys).toContain('PER:hoang kim phung');
    // Search words live in the brief only (issue 16: not stored twice), and still find it.
    expect(d).not.toHaveProperty('words');
    expect((await archive.search('hanoi')).map((h) => h.id)).toContain(r1.id);
  });

  it('the same article under its old and new URL is one dispatch (id derived from URL when missing)', async () => {
    const { article, entities } = gold()[0];
    const asNew = { ...article, id: '', url: 'https://fr.vietnamplus.vn/maintien-de-la-paix-cooperation-post128832.vnp' };
    const asOld = { ...article, id: '', url: 'https://fr.vietnamplus.vn/maintien-de-la-paix-cooperation/128832.vnp' };
    expect((await archive.save(asNew, entities)).created).toBe(true);
    const again = await archive.save(asOld, entities);
    expect(again).toMatchObject({ id: 'fr.vietnamplus.vn:128832', created: false });
    expect(await archive.count()).toBe(1);
    // Article.id given: the canonical id wins over URL differences.
    expect((await archive.save({ ...article, url: asOld.url }, entities)).created).toBe(false);
    expect(await archive.count()).toBe(1);
  });

  it('get of an unknown id is undefined; has() tells saved from not', async () => {
    expect(await archive.get('nope:1')).toBeUndefined();
    const { article, entities } = gold()[1];
    await archive.save(article, entities);
    expect(await archive.has(article.id)).toBe(true);
    expect(await archive.has('nope:1')).toBe(false);
  });

  it('requests persistent storage on the first save only', async () => {
    const persist = vi.fn(async () => true);
    const storage = { persist, persisted: vi.fn(async () => false), estimate: vi.fn(async () => ({ usage: 1234, quota: 99999 })) };
    const a = new Archive({ name: 'persist', storage, now });
    const [g0, g1] = gold();
    await a.save(g0.article, g0.entities);
    await a.save(g1.article, g1.entities);
    await a.save(g0.article, g0.entities);
    expect(persist).toHaveBeenCalledTimes(1);
    // A second connection (another tab) does not ask again: the flag is in the database.
    const b = new Archive({ name: 'persist', storage, now });
    await b.save(gold()[2].article, gold()[2].entities);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await a.stats()).toEqual({ dispatches: 3, bytes: 1234, quota: 99999, persisted: false });
    await a.close();
    await b.close();
  });

  it('stats without a storage manager reports nulls', async () => {
    expect(await archive.stats()).toEqual({ dispatches: 0, bytes: null, quota: null, persisted: null });
  });
});

describe('list', () => {
  beforeEach(async () => {
    for (let i = 1; i <= 25; i++) {
      const { article, entities } = synthetic(i, {
        published: i === 25 ? null : `2024-02-${String(i).padStart(2, '0')}`,
        host: i % 2 ? 'fr.vietnamplus.vn' : 'en.vietnamplus.vn',
        entities: i % 5 === 0 ? [['PER', 'To Lam']] : [['LOC', 'Hanoï']],
      });
      await archive.save(article, entities);
    }
  });

  it('pages by savedAt, newest first by default, with a total', async () => {
    const p1 = await archive.list({ limit: 10 });
    const p2 = await archive.list({ limit: 10, offset: 10 });
    const p3 = await archive.list({ limit: 10, offset: 20 });
    expect(p1.total).toBe(25);
    expect([p1, p2, p3].map((p) => p.items.length)).toEqual([10, 10, 5]);
    const ids = [...p1.items, ...p2.items, ...p3.items].map((d) => d.id);
    expect(new Set(ids).size).toBe(25);
    const saved = [...p1.items, ...p2.items, ...p3.items].map((d) => d.savedAt);
    expect(saved).toEqual([...saved].sort((a, b) => b - a));
  });

  it('sorts by published both ways; undated dispatches are still listed', async () => {
    const asc = await archive.list({ sort: 'published', direction: 'asc', limit: 100 });
    expect(asc.total).toBe(25);
    expect(asc.items[0].published).toBeNull();
    expect(asc.items[1].published).toBe('2024-02-01');
    const desc = await archive.list({ sort: 'published', limit: 3 });
    expect(desc.items.map((d) => d.published)).toEqual(['2024-02-24', '2024-02-23', '2024-02-22']);
  });

  it('filters by site, entity and date range', async () => {
    expect((await archive.list({ site: 'en.vietnamplus.vn', limit: 100 })).total).toBe(12);
    const byPer = await archive.list({ entityKey: 'PER:to lam', limit: 100 });
    expect(byPer.items.map((d) => d.id).sort()).toEqual([5, 10, 15, 20, 25].map((n) => `fr.vietnamplus.vn:${n}`.replace(/^fr(?=.*:(10|20)$)/, 'en')).sort());
    const range = await archive.list({ sort: 'published', from: '2024-02-10', to: '2024-02-12', direction: 'asc' });
    expect(range.items.map((d) => d.published)).toEqual(['2024-02-10', '2024-02-11', '2024-02-12']);
    const both = await archive.list({ site: 'fr.vietnamplus.vn', entityKey: 'PER:to lam', limit: 100 });
    expect(both.total).toBe(3);
  });
});

describe('remove / restore / tags / note', () => {
  it('delete then restore brings back the same dispatch', async () => {
    const { article, entities } = gold()[2];
    await archive.save(article, entities, { userTags: ['chine'], note: 'frontière' });
    const before = await archive.get(article.id);
    const removed = await archive.remove(article.id);
    expect(removed).toEqual(before);
    expect(await archive.get(article.id)).toBeUndefined();
    expect(await archive.search('guangxi')).toEqual([]);
    expect(await archive.byEntity('LOC:cao bang')).toEqual([]);
    expect(await archive.remove(article.id)).toBeUndefined();
    await archive.restore(removed!);
    expect(await archive.get(article.id)).toEqual(before);
    expect((await archive.search('guangxi')).map((h) => h.id)).toEqual([article.id]);
  });

  it('tags and notes are saved, searchable and kept across re-saves', async () => {
    const { article, entities } = gold()[3];
    await archive.save(article, entities);
    const d = await archive.setUserTags(article.id, [' migration ', 'migration', 'police', '']);
    expect(d.userTags).toEqual(['migration', 'police']);
    await archive.setNote(article.id, 'Suivre le protocole de Londres');
    await archive.save(article, entities);
    const got = await archive.get(article.id);
    expect(got!.userTags).toEqual(['migration', 'police']);
    expect(got!.note).toBe('Suivre le protocole de Londres');
    expect((await archive.search('protocole londres')).map((h) => h.id)).toEqual([article.id]);
    await expect(archive.setNote('nope:1', 'x')).rejects.toThrow(/No saved dispatch/);
  });
});

describe('search', () => {
  beforeEach(async () => {
    for (const { article, entities } of gold()) await archive.save(article, entities);
  });

  it('is case- and diacritic-insensitive: hanoi finds Hanoï', async () => {
    const hits = await archive.search('hanoi');
    expect(hits.length).toBeGreaterThan(0);
    const ids = hits.map((h) => h.id);
    expect(ids).toContain('fr.vietnamplus.vn:128832');
    expect(await archive.search('HANOÏ')).toEqual(hits);
    expect(await archive.search('Hanoï')).toEqual(hits);
  });

  it('matches prefixes and requires every word', async () => {
    const ids = (await archive.search('retail')).map((h) => h.id);
    expect(ids).toEqual(['fr.vietnamplus.vn:200333']);
    expect((await archive.search('guangx cao')).map((h) => h.id)).toEqual(['fr.vietnamplus.vn:200222']);
    expect(await archive.search('guangxi retailleau')).toEqual([]);
    expect(await archive.search('   ')).toEqual([]);
  });

  it('ranks title matches first and honours limit/offset', async () => {
    const hits = await archive.search('asean');
    expect(hits[0].id).toBe('fr.vietnamplus.vn:137520'); // "Vidéoconférence de hauts officiels de l'ASEAN"
    expect(hits[0].matched).toEqual(['asean']);
    const all = await archive.search('vietnam', { limit: 50 });
    expect(all.length).toBe(5);
    const page = await archive.search('vietnam', { limit: 2, offset: 2 });
    expect(page.map((h) => h.id)).toEqual(all.slice(2, 4).map((h) => h.id));
    for (let i = 1; i < all.length; i++) expect(all[i - 1].score).toBeGreaterThanOrEqual(all[i].score);
  });
});

describe('byEntity', () => {
  it('lists dispatches mentioning an entity, newest first', async () => {
    for (const { article, entities } of gold()) await archive.save(article, entities);
    const vn = await archive.byEntity('LOC:vietnam');
    expect(vn.length).toBe(5);
    expect(vn.map((b) => b.published)).toEqual(['2025-04-01', '2025-02-07', '2021-04-09', '2020-05-18', '2019-10-21']);
    expect((await archive.byEntity('ORG:nations unies')).length).toBe(3);
    expect(await archive.byEntity('PER:personne')).toEqual([]);
    expect((await archive.byEntity('LOC:vietnam', { limit: 2 })).length).toBe(2);
  });
});

describe('concurrency', () => {
  it('two tabs (two connections) saving at once lose nothing', async () => {
    const tabA = new Archive({ name: 'tabs', storage: null, now });
    const tabB = new Archive({ name: 'tabs', storage: null, now });
    const items = Array.from({ length: 60 }, (_, i) => synthetic(i + 1, { entities: [['PER', `Personne ${i % 7}`]] }));
    await Promise.all([
      // Different dispatches from each tab...
      ...items.slice(0, 30).map(({ article, entities }) => tabA.save(article, entities)),
      ...items.slice(30).map(({ article, entities }) => tabB.save(article, entities)),
      // ...and the same dispatches from both, with different tags.
      ...items.slice(0, 10).map(({ article, entities }) => tabB.save(article, entities, { userTags: ['b'] })),
    ]);
    expect(await tabA.count()).toBe(60);
    expect(await tabB.count()).toBe(60);
    const all = await tabA.list({ limit: 100 });
    expect(new Set(all.items.map((d) => d.id)).size).toBe(60);
    for (const { article } of items.slice(0, 10)) expect((await tabA.get(article.id))!.userTags).toEqual(['b']);
    expect((await tabB.byEntity('PER:personne 3')).length).toBe(items.filter((_, i) => i % 7 === 3).length);
    await tabA.close();
    await tabB.close();
  });
});

describe('quota', () => {
  it('a QuotaExceededError is reported as QuotaError and nothing is half-written', async () => {
    const [g0, g1] = gold();
    await archive.save(g0.article, g0.entities);
    const before = await archive.list({ limit: 10 });
    const proto = globalThis.IDBObjectStore.prototype;
    const realPut = proto.put;
    // The dispatch record is written, then the brief fails: the whole save must roll back.
    vi.spyOn(proto, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'briefs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const err = await archive.save(g1.article, g1.entities).catch((e) => e);
    expect(err).toBeInstanceOf(QuotaError);
    expect(err.message).toMatch(/Storage is full/);
    vi.restoreAllMocks();
    expect(await archive.get(g1.article.id)).toBeUndefined();
    expect(await archive.search('liuzhou')).toEqual([]);
    expect(await archive.list({ limit: 10 })).toEqual(before);
    // And the archive still works afterwards.
    expect((await archive.save(g1.article, g1.entities)).created).toBe(true);
    expect(await archive.count()).toBe(2);
  });

  it('recognises a quota failure however it is wrapped', () => {
    const q = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(q)).toBe(true);
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError({ name: 'AbortError', inner: q })).toBe(true);
    expect(isQuotaError(new Error('x', { cause: q }))).toBe(true);
    expect(toArchiveError(new DOMException('aborted', 'AbortError'), q)).toBeInstanceOf(QuotaError);
    const other = new Error('other');
    expect(toArchiveError(other)).toBe(other);
  });
});

describe('in-memory index stays in step across tabs', () => {
  it('a search in one tab sees saves, edits and deletes made in another', async () => {
    const tabA = new Archive({ name: 'sync', storage: null, now });
    const tabB = new Archive({ name: 'sync', storage: null, now });
    const [g0, , g2] = gold();
    await tabA.save(g0.article, g0.entities);
    expect((await tabB.search('razafindranaly')).length).toBe(1); // B loads its index
    await tabA.save(g2.article, g2.entities);
    await tabA.setNote(g0.article.id, 'zanzibar');
    expect((await tabB.search('guangxi')).map((h) => h.id)).toEqual([g2.article.id]);
    expect((await tabB.search('zanzibar')).map((h) => h.id)).toEqual([g0.article.id]);
    await tabA.remove(g2.article.id);
    expect(await tabB.search('guangxi')).toEqual([]);
    expect(await tabB.count()).toBe(1);
    const rel = await tabB.related(g0.article, g0.entities, { excludeId: null });
    expect(rel.map((r) => r.id)).toEqual([g0.article.id]);
    await tabA.close();
    await tabB.close();
  });
});
