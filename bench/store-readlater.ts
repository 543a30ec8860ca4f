// Read-later part of `npm run bench:store` (real Chromium IndexedDB, same page and archive):
//  - save with 5 photos: the text is ready when save() returns (timed like the plain save), the
//    photos are fetched and stored after (timed apart), from a routed VNA image host;
//  - the archive size with photos for the whole corpus (small generated images, N per dispatch);
//  - reopening a dispatch with 20 highlights: read it and its highlights, render it, anchor and
//    draw every highlight (DOM APIs), against the same without highlights.
import type { StorePage } from './store-browser';
import type { GoldRecord } from '../test/support/store-articles';

export interface ReadLaterBenchOptions {
  runs: number;
  /** Photos per dispatch for the archive-size figure, and their size in bytes. */
  photosPer: number;
  photoBytes: number;
  /** Size of each of the 5 photos of the timed saves. */
  savePhotoBytes: number;
}

export interface ReadLaterBenchResult {
  saveTextMs: number;
  saveTextP90Ms: number;
  photosAfterMs: number;
  photosAfterP90Ms: number;
  photosKeptPerSave: number;
  corpusPhotos: number;
  corpusPhotoBytes: number;
  bytesBeforePhotos: number | null;
  bytesWithPhotos: number | null;
  photoInsertMs: number;
  reopenMs: number;
  reopenP90Ms: number;
  reopenNoHighlightsMs: number;
  highlightsDrawn: number;
}

declare const vnaStore: any;

export const IMAGE_HOST = 'https://mediafr.vietnamplus.vn';

/** Serve generated JPEG-typed bytes for every photo URL of the bench (size from the path). */
export async function routePhotos(sp: StorePage): Promise<void> {
  await sp.context.route(`${IMAGE_HOST}/**`, (route) => {
    const m = /\/(\d+)b\//.exec(new URL(route.request().url()).pathname);
    const n = m ? Number(m[1]) : 8000;
    const body = Buffer.alloc(n);
    for (let i = 0; i < n; i++) body[i] = (i * 31 + 7) & 0xff;
    return route.fulfill({ status: 200, contentType: 'image/jpeg', body });
  });
}

export async function runReadLaterBench(sp: StorePage, golds: GoldRecord[], N: number, o: ReadLaterBenchOptions): Promise<ReadLaterBenchResult> {
  await routePhotos(sp);
  return sp.page.evaluate(async ({ golds, N, o, IMAGE_HOST }) => {
    const S = vnaStore;
    const archive = new S.Archive({ name: 'bench' });
    await archive.db();
    const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
    const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

    // 1. Save with 5 photos: text ready, then photos after.
    const text: number[] = [];
    const after: number[] = [];
    let kept = 0;
    await archive.search('hanoi'); // warm the index, as the plain save timing does
    for (let i = 0; i < o.runs; i++) {
      const d = S.makeDispatch(golds, N + 10_000 + i);
      const images = Array.from({ length: 5 }, (_, k) => ({ src: `${IMAGE_HOST}/images/bench/${o.savePhotoBytes}b/${i}-${k}.jpg`, caption: `Photo ${k}`, alt: null }));
      const article = { ...d.article, images, blocks: [...d.article.blocks, ...images.map((_: unknown, image: number) => ({ kind: 'img', image }))] };
      const t0 = performance.now();
      const { id } = await archive.save(article, d.entities);
      const t1 = performance.now();
      await S.queuePhotos(archive, id, article);
      const r = await S.processPhotos(archive, { ids: [id] });
      const t2 = performance.now();
      text.push(t1 - t0);
      after.push(t2 - t1);
      kept += r.kept;
    }

    // 2. Archive size with photos for the corpus (blobs written in batches, no network).
    const est0 = await navigator.storage.estimate();
    const bytes = new Uint8Array(o.photoBytes);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 17) & 0xff;
    const ids: string[] = (await archive.db().then((db: any) => db.getAllKeys('dispatches'))).slice(0, N);
    const p0 = performance.now();
    const BATCH = 500;
    for (let i = 0; i < ids.length; i += BATCH) {
      const recs = [];
      const jobs = [];
      for (const id of ids.slice(i, i + BATCH)) {
        const photos = [];
        for (let k = 0; k < o.photosPer; k++) {
          const url = `${IMAGE_HOST}/images/corpus/${id.replace(/\W/g, '_')}-${k}.jpg`;
          // Each blob distinct (a different first byte), as real photos are.
          const b = bytes.slice();
          b[0] = k; b[1] = i & 0xff;
          recs.push({ url, blob: new Blob([b], { type: 'image/jpeg' }), type: 'image/jpeg', bytes: b.length, storedAt: Date.now() });
          photos.push({ url, status: 'kept', tries: 0 });
        }
        jobs.push({ id, photos, nextAt: 0, updatedAt: Date.now() });
      }
      await S.putPhotos(archive, recs, jobs);
    }
    const photoInsertMs = performance.now() - p0;
    const est1 = await navigator.storage.estimate();
    const stats = await S.photoStats(archive);

    // 3. Reopen a dispatch with 20 highlights (read + render + anchor + draw) vs without.
    const target = ids[Math.floor(ids.length / 2)];
    const plain = ids[Math.floor(ids.length / 2) + 1];
    const rec = await archive.get(target);
    const paras: string[] = rec.article.body;
    for (let k = 0; k < 20; k++) {
      const idx = k % paras.length;
      const p = paras[idx];
      const start = Math.min(p.length - 2, (k * 13) % Math.max(1, p.length - 40));
      const end = Math.min(p.length, start + 25);
      await S.addHighlight(archive, { dispatchId: target, anchor: S.anchorAt({ field: 'body', index: idx, text: p }, start, end), color: 'yellow', note: k % 3 ? '' : `note ${k}` });
    }
    const t = (k: string) => k;
    const reopen = async (id: string) => {
      const a = performance.now();
      const [d, hls] = await Promise.all([archive.get(id), S.highlightsOf(archive, id)]);
      const el = S.renderArticle(document, d.article, { highlight: true }, { t, entities: d.entities });
      document.body.replaceChildren(el);
      const slots = S.slotsOf(el);
      let drawn = 0;
      for (const h of hls) {
        const at = S.locate(slots.map((s: any) => s.slot), h.anchor);
        const sl = at && slots.find((s: any) => s.slot.field === at.field && s.slot.index === at.index);
        if (sl) { S.drawHighlight(sl.el, at.start, at.end, h); drawn++; }
      }
      void document.body.offsetHeight; // layout included, as the reader sees it
      return { ms: performance.now() - a, drawn };
    };
    await reopen(target);
    await reopen(plain);
    const withHl: number[] = [];
    const without: number[] = [];
    let drawn = 0;
    for (let i = 0; i < o.runs; i++) {
      const r = await reopen(target);
      withHl.push(r.ms);
      drawn = r.drawn;
      without.push((await reopen(plain)).ms);
    }
    await archive.close();
    return {
      saveTextMs: median(text), saveTextP90Ms: p90(text),
      photosAfterMs: median(after), photosAfterP90Ms: p90(after),
      photosKeptPerSave: kept / o.runs,
      corpusPhotos: stats.photos, corpusPhotoBytes: stats.bytes,
      bytesBeforePhotos: est0.usage ?? null, bytesWithPhotos: est1.usage ?? null,
      photoInsertMs,
      reopenMs: median(withHl), reopenP90Ms: p90(withHl), reopenNoHighlightsMs: median(without),
      highlightsDrawn: drawn,
    };
  }, { golds, N, o, IMAGE_HOST });
}
