// Export format v2: highlights, reading states and photo jobs always; photo blobs only "with
// photos" (the file says which). Lossless round trip with photos; a version 1 file still imports;
// a tampered read-later part or a photo from a foreign host is refused with nothing written.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { exportArchive, importArchive } from '../../../src/store/export';
import { photosOf, photoStats, processPhotos, queuePhotos, type PhotoFetch } from '../../../src/store/photos';
import { addHighlight, allHighlights } from '../../../src/store/highlights';
import { readingMap, setPosition, setReadingState } from '../../../src/store/reading';
import { goldArticle, loadGold } from '../../support/store-fixtures';

let source: Archive;
let target: Archive;
const bytesOf = (u: string) => new Uint8Array([...u].map((c) => c.charCodeAt(0) & 0xff));
const fetchOk: PhotoFetch = async (url) => ({
  ok: true,
  status: 200,
  headers: new Headers({ 'content-type': 'image/png' }),
  blob: async () => new Blob([bytesOf(url)], { type: 'image/png' }),
});

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  source = new Archive({ name: 'source', storage: null });
  target = new Archive({ name: 'target', storage: null });
  const golds = loadGold().map(goldArticle).slice(0, 3);
  for (const [i, g] of golds.entries()) {
    const article = { ...g.article, images: [{ src: `https://mediafr.vietnamplus.vn/images/${i}/a.jpg`, caption: 'A', alt: null }, { src: 'https://mediafr.vietnamplus.vn/images/shared.jpg', caption: 'S', alt: null }] };
    const { id } = await source.save(article, g.entities);
    await queuePhotos(source, id, article);
    const p = g.article.body[0];
    await addHighlight(source, { dispatchId: id, anchor: { field: 'body', index: 0, start: 0, end: 12, exact: p.slice(0, 12), prefix: '', suffix: p.slice(12, 44) }, color: 'blue', note: `note ${i}` });
  }
  await processPhotos(source, { fetch: fetchOk });
  const [first, second] = golds.map((g) => g.article.id);
  await setPosition(source, first, { index: 2, progress: 0.5 }, false);
  await setReadingState(source, second, 'archived');
});
afterEach(async () => {
  await source.close();
  await target.close();
});

describe('export with read-later data', () => {
  it('with photos: lossless round trip (photos, highlights, reading state)', async () => {
    const text = await exportArchive(source, { withPhotos: true });
    const file = JSON.parse(text);
    expect(file).toMatchObject({ version: 2, photos: 'included' });
    expect(file.readLater.photos).toHaveLength(4); // 3 own + 1 shared, each once
    await importArchive(target, text);
    expect(await photoStats(target)).toEqual(await photoStats(source));
    for (const d of await source.all()) {
      const a = await photosOf(source, d.id);
      const b = await photosOf(target, d.id);
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [url, blob] of a) expect(new Uint8Array(await b.get(url)!.arrayBuffer())).toEqual(new Uint8Array(await blob.arrayBuffer()));
    }
    expect(await allHighlights(target)).toEqual(await allHighlights(source));
    expect([...(await readingMap(target)).values()]).toEqual([...(await readingMap(source)).values()]);
    // Exporting the imported copy gives the same file.
    const again = JSON.parse(await exportArchive(target, { withPhotos: true }));
    expect(again.readLater).toEqual(file.readLater);
    expect(again.dispatches).toEqual(file.dispatches);
  });

  it('without photos: highlights and states travel, no blob; the photos are marked to fetch again', async () => {
    const text = await exportArchive(source);
    const file = JSON.parse(text);
    expect(file.photos).toBe('omitted');
    expect(file.readLater.photos).toEqual([]);
    expect(file.readLater.highlights).toHaveLength(3);
    await importArchive(target, text);
    expect(await photoStats(target)).toEqual({ photos: 0, bytes: 0 });
    expect((await allHighlights(target)).map((h) => h.note).sort()).toEqual(['note 0', 'note 1', 'note 2']);
  });

  it('refuses a tampered read-later part or a photo from another host, writing nothing', async () => {
    const file = JSON.parse(await exportArchive(source, { withPhotos: true }));
    const tampered = structuredClone(file);
    tampered.readLater.highlights[0].note = 'changed';
    await expect(importArchive(target, JSON.stringify(tampered))).rejects.toThrow(/read-later checksum/);
    const foreign = structuredClone(file);
    foreign.readLater.photos[0].url = 'https://tracker.example.com/pixel.png';
    await expect(importArchive(target, JSON.stringify(foreign))).rejects.toThrow(/not a VNA image address/);
    expect(await target.count()).toBe(0);
    expect(await allHighlights(target)).toEqual([]);
  });
});
