// Read-later stores: photos kept offline (bounded, shared blobs, retried, dropped), highlights
// and reading state, over fake-indexeddb, and the v2 -> v3 upgrade keeping every dispatch.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { openArchiveDb } from '../../../src/store/db';
import { buildBrief, buildRecord } from '../../../src/store/records';
import {
  MAX_PHOTOS, MAX_PHOTO_BYTES, dropAllPhotos, dropOrphanPhotos, forgetPhotosOf, forgetReadLater, pendingPhotoIds, photoStats, photosOf, photoSummaries, photoUrlsOf, processPhotos, queuePhotos, type PhotoFetch,
} from '../../../src/store/photos';
import { isVnaImageUrl } from '../../../src/store/photo-hosts';
import { addHighlight, allHighlights, highlightMatches, highlightsOf, removeHighlight, updateHighlight } from '../../../src/store/highlights';
import { continueReading, markOpened, readingMap, readingOf, setPosition, setReadingState } from '../../../src/store/reading';
import { goldArticle, loadGold } from '../../support/store-fixtures';
import type { Article } from '../../../src/core/types';

let archive: Archive;
let clock = 1_700_000_000_000;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  archive = new Archive({ storage: null, now: () => ++clock });
});
afterEach(() => archive.close());

const gold = () => loadGold().map(goldArticle);
const img = (n: number, host = 'mediafr.vietnamplus.vn') => ({ src: `https://${host}/images/p${n}.jpg`, caption: `Photo ${n}`, alt: null });

function withImages(a: Article, images: Article['images']): Article {
  return { ...a, images, blocks: [...a.blocks, ...images.map((_, image) => ({ kind: 'img' as const, image }))] };
}

/** A fetch that serves `bytes` of image/jpeg for every URL, counting calls; `down` fails them. */
function fakeFetch(opts: { bytes?: (url: string) => number; type?: string; status?: (url: string) => number } = {}) {
  const calls: string[] = [];
  let down = false;
  const f: PhotoFetch = async (url) => {
    calls.push(url);
    if (down) throw new TypeError('Failed to fetch');
    const n = opts.bytes?.(url) ?? 100;
    const status = opts.status?.(url) ?? 200;
    return {
      ok: status >= 200 && status < 300,
      status,
      headers: new Headers({ 'content-type': opts.type ?? 'image/jpeg', 'content-length': String(n) }),
      blob: async () => new Blob([new Uint8Array(n)], { type: opts.type ?? 'image/jpeg' }),
    };
  };
  return { f, calls, setDown: (v: boolean) => (down = v) };
}

describe('photos kept offline', () => {
  it('keeps only VNA image hosts, at most 20, unique', () => {
    expect(isVnaImageUrl('https://mediafr.vietnamplus.vn/images/a.jpg')).toBe(true);
    expect(isVnaImageUrl('https://img.lecourrier.vn/a.jpg')).toBe(true);
    expect(isVnaImageUrl('https://vietnamplus.vn.evil.example/a.jpg')).toBe(false);
    expect(isVnaImageUrl('https://ads.example.com/a.jpg')).toBe(false);
    expect(isVnaImageUrl('data:image/gif;base64,R0lGOD')).toBe(false);
    const images = [...Array.from({ length: 30 }, (_, i) => img(i)), img(0), img(99, 'cdn.ads.example')];
    const urls = photoUrlsOf({ images });
    expect(urls).toHaveLength(MAX_PHOTOS);
    expect(new Set(urls).size).toBe(MAX_PHOTOS);
    expect(urls.every((u) => u.includes('mediafr.vietnamplus.vn'))).toBe(true);
  });

  it('stores the photos after the text, one blob per URL, skipping those over 5 MB', async () => {
    const [g1, g2] = gold();
    const a1 = withImages(g1.article, [img(1), img(2), img(3)]);
    const a2 = withImages(g2.article, [img(2), img(4)]);
    const { f, calls } = fakeFetch({ bytes: (u) => (u.endsWith('p3.jpg') ? MAX_PHOTO_BYTES + 1 : 1000) });
    const s1 = await archive.save(a1, g1.entities);
    const s2 = await archive.save(a2, g2.entities);
    await queuePhotos(archive, s1.id, a1);
    await queuePhotos(archive, s2.id, a2);
    expect(await pendingPhotoIds(archive)).toEqual([s1.id, s2.id].sort());
    const r = await processPhotos(archive, { fetch: f });
    expect(r.failed).toBe(1);
    // p2 is fetched once and shared by both dispatches.
    expect(calls.filter((u) => u.endsWith('p2.jpg'))).toHaveLength(1);
    expect([...(await photosOf(archive, s1.id)).keys()].sort()).toEqual([img(1).src, img(2).src]);
    expect([...(await photosOf(archive, s2.id)).keys()].sort()).toEqual([img(2).src, img(4).src]);
    const sums = await photoSummaries(archive, [s1.id, s2.id]);
    expect(sums.get(s1.id)).toEqual({ kept: 2, pending: 0, failed: 1 });
    expect(await photoStats(archive)).toEqual({ photos: 3, bytes: 3000 });
    expect(await pendingPhotoIds(archive)).toEqual([]);
  });

  it('retries later when the network fails, and does not refetch what is kept', async () => {
    const [g] = gold();
    const a = withImages(g.article, [img(1), img(2)]);
    const { id } = await archive.save(a, g.entities);
    await queuePhotos(archive, id, a, 1000);
    const net = fakeFetch();
    net.setDown(true);
    const r1 = await processPhotos(archive, { fetch: net.f, now: () => 1000 });
    expect(r1).toEqual({ kept: 0, failed: 0, pending: 2 });
    expect(await pendingPhotoIds(archive)).toEqual([id]);
    // Not due yet: no request.
    net.setDown(false);
    const before = net.calls.length;
    await processPhotos(archive, { fetch: net.f, now: () => 2000 });
    expect(net.calls.length).toBe(before);
    const r2 = await processPhotos(archive, { fetch: net.f, now: () => 1000 + 61_000 });
    expect(r2.kept).toBe(2);
    expect(await pendingPhotoIds(archive)).toEqual([]);
    const again = net.calls.length;
    await queuePhotos(archive, id, a, 70_000);
    await processPhotos(archive, { fetch: net.f, now: () => 70_000 });
    expect(net.calls.length).toBe(again);
  });

  it('refuses non-images and 404s for good; drop all photos frees the blobs and keeps the text', async () => {
    const [g] = gold();
    const a = withImages(g.article, [img(1), img(2), img(3)]);
    const { id } = await archive.save(a, g.entities);
    await queuePhotos(archive, id, a);
    const { f } = fakeFetch({ status: (u) => (u.endsWith('p2.jpg') ? 404 : 200) });
    await processPhotos(archive, { fetch: f });
    expect((await photoSummaries(archive, [id])).get(id)).toEqual({ kept: 2, pending: 0, failed: 1 });
    expect(await dropAllPhotos(archive)).toBe(2);
    expect(await photoStats(archive)).toEqual({ photos: 0, bytes: 0 });
    expect((await photosOf(archive, id)).size).toBe(0);
    expect(await pendingPhotoIds(archive)).toEqual([]);
    expect((await archive.get(id))?.article.title).toBe(a.title);
    const html = fakeFetch({ type: 'text/html' });
    const b = withImages(gold()[1].article, [img(7)]);
    const s = await archive.save(b, []);
    await queuePhotos(archive, s.id, b);
    await processPhotos(archive, { fetch: html.f });
    expect((await photoSummaries(archive, [s.id])).get(s.id)).toEqual({ kept: 0, pending: 0, failed: 1 });
  });
});

describe('photos of deleted dispatches', () => {
  it('unsave forgets a dispatch\'s photos but keeps one another dispatch shows; orphans go; forget everything clears all', async () => {
    const [g1, g2, g3] = gold();
    const a1 = withImages(g1.article, [img(1), img(2)]);
    const a2 = withImages(g2.article, [img(2), img(3)]);
    const s1 = await archive.save(a1, g1.entities);
    const s2 = await archive.save(a2, g2.entities);
    await queuePhotos(archive, s1.id, a1);
    await queuePhotos(archive, s2.id, a2);
    await processPhotos(archive, { fetch: fakeFetch().f });
    expect((await photoStats(archive)).photos).toBe(3);
    await archive.remove(s1.id);
    await forgetPhotosOf(archive, s1.id);
    expect([...(await photosOf(archive, s2.id)).keys()].sort()).toEqual([img(2).src, img(3).src]);
    expect((await photoStats(archive)).photos).toBe(2);
    // Removed to the trash: still restorable, so its photos stay.
    await archive.remove(s2.id);
    expect(await dropOrphanPhotos(archive)).toBe(0);
    expect((await photosOf(archive, s2.id)).size).toBe(2);
    // Gone for good (trash emptied): an orphan.
    const db = await archive.db();
    await db.clear('trash' as never);
    expect(await dropOrphanPhotos(archive)).toBe(2);
    expect(await photoStats(archive)).toEqual({ photos: 0, bytes: 0 });
    const s3 = await archive.save(g3.article, g3.entities);
    await addHighlight(archive, { dispatchId: s3.id, anchor: { field: 'lead', index: 0, start: 0, end: 3, exact: g3.article.lead!.slice(0, 3), prefix: '', suffix: '' } });
    await setReadingState(archive, s3.id, 'read');
    await forgetReadLater(archive);
    expect(await allHighlights(archive)).toEqual([]);
    expect((await readingMap(archive)).size).toBe(0);
  });
});

describe('highlights', () => {
  it('adds, lists in reading order, edits, searches and deletes', async () => {
    const [g] = gold();
    const { id } = await archive.save(g.article, g.entities);
    const p = g.article.body[1];
    const h2 = await addHighlight(archive, { dispatchId: id, anchor: { field: 'body', index: 1, start: 0, end: 10, exact: p.slice(0, 10), prefix: '', suffix: p.slice(10, 42) }, color: 'green', note: 'à vérifier' });
    const h1 = await addHighlight(archive, { dispatchId: id, anchor: { field: 'lead', index: 0, start: 0, end: 5, exact: g.article.lead!.slice(0, 5), prefix: '', suffix: '' } });
    expect((await highlightsOf(archive, id)).map((h) => h.id)).toEqual([h1.id, h2.id]);
    expect(h1.color).toBe('yellow');
    const up = await updateHighlight(archive, h2.id, { note: 'Vérifié', color: 'pink' });
    expect(up).toMatchObject({ note: 'Vérifié', color: 'pink' });
    expect(up!.updatedAt).toBeGreaterThan(h2.updatedAt);
    expect(highlightMatches(up!, g.article.title, 'verifie')).toBe(true);
    expect(highlightMatches(up!, g.article.title, 'introuvable')).toBe(false);
    expect((await allHighlights(archive)).length).toBe(2);
    expect(await removeHighlight(archive, h1.id)).toBe(true);
    expect((await highlightsOf(archive, id)).map((h) => h.id)).toEqual([h2.id]);
  });
});

describe('reading state', () => {
  it('unread by default, read at the end, archived by hand, position kept, continue reading', async () => {
    const [g1, g2, g3] = gold();
    const ids = [];
    for (const g of [g1, g2, g3]) ids.push((await archive.save(g.article, g.entities)).id);
    expect((await readingOf(archive, ids[0])).state).toBe('unread');
    await markOpened(archive, ids[0], 10);
    await setPosition(archive, ids[0], { index: 3, progress: 0.4 }, false, 11);
    await markOpened(archive, ids[1], 20);
    await setPosition(archive, ids[1], { index: 9, progress: 1 }, true, 21);
    await setReadingState(archive, ids[2], 'archived', 30);
    await setPosition(archive, ids[2], { index: 9, progress: 1 }, true, 31);
    const m = await readingMap(archive);
    expect(m.get(ids[0])).toMatchObject({ state: 'unread', position: { index: 3, progress: 0.4 } });
    expect(m.get(ids[1])?.state).toBe('read');
    expect(m.get(ids[2])?.state).toBe('archived');
    expect((await continueReading(archive)).map((r) => r.id)).toEqual([ids[0]]);
    await archive.remove(ids[0]);
    expect(await continueReading(archive)).toEqual([]);
  });
});

describe('schema upgrade', () => {
  it('a v2 archive opens at v3 with every dispatch and the new stores', async () => {
    // A v2 database with one dispatch, as the previous release left it.
    const [g] = gold();
    const db2 = await openArchiveDb('old', { version: 2 });
    const rec = buildRecord(g.article, g.entities, { savedAt: 1, updatedAt: 1, userTags: ['x'], note: 'n' });
    await db2.put('dispatches', rec);
    await db2.put('briefs', buildBrief(rec));
    expect([...db2.objectStoreNames]).not.toContain('photos');
    db2.close();
    const old = new Archive({ name: 'old', storage: null });
    const names = [...(await old.db()).objectStoreNames];
    expect(names).toEqual(expect.arrayContaining(['dispatches', 'briefs', 'photos', 'photoJobs', 'highlights', 'reading']));
    expect(await old.count()).toBe(1);
    expect((await old.get(rec.id))?.userTags).toEqual(['x']);
    expect((await readingOf(old, rec.id)).state).toBe('unread');
    await old.close();
  });
});
