// Photos kept offline, in real Chromium with the built extension: saving keeps the text at
// once and the photos after; with the network down they stay "photos pending" and a retry
// keeps them; with the network cut the reader page and the overlay show the local copies, and
// a photo that could not be kept shows a placeholder with its caption; storage counts photos
// apart; export with photos into a fresh profile restores them; "drop all photos" frees them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extUrl, fixture, launchExtension, saveFromPopup, type Ext } from './harness';
import { canonicalUrl, importThroughLibrary, inReader, openVnaTab, toggleReader } from './reader-support';
import { cutPhotos, png, rawStore, threePhotoArticle } from './readlater-support';

const DIST = process.env.VNA_DIST;
const A = threePhotoArticle();
const ID = 'fr.vietnamplus.vn:128832';
const IMG = png(64, 48, [200, 30, 60]);

/** What the reader page shows for each figure, after scrolling every one into view. */
async function figures(page: Page): Promise<{ src: string | null; loaded: boolean; placeholder: boolean; placeholderVisible: boolean; caption: string }[]> {
  const n = await page.getByTestId('reader-figure').count();
  for (let i = 0; i < n; i++) await page.getByTestId('reader-figure').nth(i).scrollIntoViewIfNeeded();
  return page.getByTestId('reader-figure').evaluateAll((figs) => figs.map((f) => {
    const img = f.querySelector('img') as HTMLImageElement | null;
    const ph = f.querySelector('[data-testid=reader-photo-missing]') as HTMLElement | null;
    return {
      src: img?.getAttribute('src') ?? null,
      loaded: !!img && img.complete && img.naturalWidth > 0 && getComputedStyle(img).display !== 'none',
      placeholder: !!ph,
      placeholderVisible: !!ph && ph.getBoundingClientRect().height > 40 && getComputedStyle(ph).display !== 'none',
      caption: f.querySelector('figcaption')?.textContent ?? '',
    };
  }));
}

async function settledFigures(page: Page) {
  let last: Awaited<ReturnType<typeof figures>> = [];
  await expect.poll(async () => {
    last = await figures(page);
    return last.every((f) => f.loaded || f.placeholderVisible);
  }, { timeout: 10_000 }).toBe(true);
  return last;
}

describe('photos kept offline', () => {
  let ext: Ext;
  let lib: Page;
  beforeAll(async () => {
    ext = await launchExtension({ dist: DIST });
    ext.serve(A.url, A.html);
    ext.serve(A.photos[0], IMG, 'image/png');
    ext.serve(A.photos[1], IMG, 'image/png');
    // p3: the server refuses it for good (it can never be kept).
    await ext.context.route(A.photos[2], (r) => r.fulfill({ status: 404, body: 'gone' }));
  });
  afterAll(() => ext?.close());

  it('saves the text at once; with the network down the photos stay pending; a retry keeps them', async () => {
    // The setting is off by default (settings page); the library's switch turns it on.
    lib = await ext.context.newPage();
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await lib.getByTestId('photos-offline').waitFor();
    expect(await lib.getByTestId('photos-offline').isChecked()).toBe(false);
    await lib.getByTestId('photos-offline').check();
    await expect.poll(() => ext.worker.evaluate(async () => ((await chrome.storage.local.get('settings')) as any).settings?.offlinePhotos)).toBe(true);
    const restore = await cutPhotos(ext);
    const { tabId, page } = await openVnaTab(ext, A.url);
    await saveFromPopup(ext, tabId);
    await lib.reload();
    await lib.getByTestId('dispatch-row').first().waitFor();
    // Text saved, photos not: the job lists the three photos as pending.
    await expect.poll(async () => (await rawStore(lib, 'photoJobs'))[0]?.photos.map((p: any) => p.status), { timeout: 10_000 }).toEqual(['pending', 'pending', 'pending']);
    expect((await rawStore(lib, 'dispatches')).map((d) => d.id)).toEqual([ID]);
    expect(await rawStore(lib, 'photos')).toEqual([]);
    await lib.reload();
    await expect.poll(() => lib.getByTestId('photos-pending').innerText()).toMatch(/^3 /);
    await lib.getByTestId('photos-pending-total').waitFor();

    await restore();
    await lib.getByTestId('photos-retry').click();
    await expect.poll(async () => (await rawStore(lib, 'photoJobs'))[0].photos.map((p: any) => p.status), { timeout: 10_000 }).toEqual(['kept', 'kept', 'refused']);
    await expect.poll(() => lib.getByTestId('photos-pending').count()).toBe(0);
    const photos = await rawStore(lib, 'photos');
    expect(photos.map((p) => p.url).sort()).toEqual([A.photos[0], A.photos[1]]);
    expect(photos.every((p) => p.blob === IMG.length && p.type === 'image/png')).toBe(true);
    // Storage counts the photos apart from the text.
    await lib.reload();
    await expect.poll(() => lib.getByTestId('storage-photos').getAttribute('data-count')).toBe('2');
    expect(await lib.getByTestId('storage-photos').getAttribute('data-bytes')).toBe(String(IMG.length * 2));
    await page.close();
  });

  it('with the network cut: the reader page shows the local copies and a placeholder with its caption', async () => {
    const restore = await cutPhotos(ext);
    try {
      const reader = await ext.context.newPage();
      const requests: string[] = [];
      reader.on('request', (r) => { if (/^https?:/.test(r.url())) requests.push(r.url()); });
      await reader.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(ID)}`));
      await reader.locator('body[data-ready=true]').waitFor();
      const figs = await settledFigures(reader);
      expect(figs).toHaveLength(3);
      expect(figs[0]).toMatchObject({ loaded: true, placeholder: false, caption: A.captions[0] });
      expect(figs[1]).toMatchObject({ loaded: true, placeholder: false, caption: A.captions[1] });
      expect(figs[0].src).toMatch(/^blob:chrome-extension:/);
      // The photo that could not be kept: a visible placeholder, and its caption under it.
      expect(figs[2]).toMatchObject({ loaded: false, placeholder: true, placeholderVisible: true, caption: A.captions[2] });
      // Kept photos cost no request: only the one not kept was tried.
      expect(requests.filter((u) => u.includes('p1.jpg') || u.includes('p2.jpg'))).toEqual([]);
      await reader.screenshot({ path: '.tmp/readlater-offline-reader.png', fullPage: true });
      await reader.close();
    } finally {
      await restore();
    }
  });

  it('with the network cut: the overlay on the live article shows the local copies too', async () => {
    const { page, tabId } = await openVnaTab(ext, A.url);
    const restore = await cutPhotos(ext);
    try {
      expect(await toggleReader(ext, tabId, true)).toEqual({ open: true });
      const snap = `function () {
        const figs = [...this.querySelectorAll('[data-testid=reader-figure]')];
        for (const f of figs) f.scrollIntoView();
        return figs.map((f) => {
          const img = f.querySelector('img');
          const ph = f.querySelector('[data-testid=reader-photo-missing]');
          return { src: img && img.getAttribute('src'), loaded: !!img && img.complete && img.naturalWidth > 0 && getComputedStyle(img).display !== 'none',
            placeholder: !!ph && ph.getBoundingClientRect().height > 40, caption: f.querySelector('figcaption')?.textContent ?? '' };
        });
      }`;
      let figs: any[] = [];
      await expect.poll(async () => {
        figs = await inReader<any[]>(page, snap);
        return figs.map((f) => (f.loaded ? 'photo' : f.placeholder ? 'placeholder' : 'none'));
      }, { timeout: 10_000 }).toEqual(['photo', 'photo', 'placeholder']);
      expect(figs[0].src).toMatch(/^blob:https:\/\/fr\.vietnamplus\.vn\//);
      expect(figs[2].caption).toBe(A.captions[2]);
    } finally {
      await restore();
      await page.close();
    }
  });

  it('exported with photos, imported into a fresh profile: the photos show there offline', async () => {
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await lib.getByTestId('export-with-photos').check();
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.getByTestId('export').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(text);
    expect(file).toMatchObject({ version: 2, photos: 'included' });
    expect(file.readLater.photos.map((p: any) => p.url).sort()).toEqual([A.photos[0], A.photos[1]]);
    // Without photos: the same dispatches, no blob, and the file says so.
    await lib.getByTestId('export-with-photos').uncheck();
    const [d2] = await Promise.all([lib.waitForEvent('download'), lib.getByTestId('export').click()]);
    const without = JSON.parse(readFileSync((await d2.path())!, 'utf8'));
    expect(without).toMatchObject({ version: 2, photos: 'omitted' });
    expect(without.readLater.photos).toEqual([]);

    const fresh = await launchExtension({ dist: DIST });
    try {
      // Fresh profile, no network for photos at all.
      await fresh.context.route(/mediafr\.vietnamplus\.vn/, (r) => r.abort('internetdisconnected'));
      const other = await fresh.context.newPage();
      await other.goto(extUrl(fresh, 'src/pages/library/index.html'));
      await other.getByTestId('library').waitFor();
      expect(await importThroughLibrary(other, text)).toMatch(/1/);
      await expect.poll(() => other.getByTestId('storage-photos').getAttribute('data-count')).toBe('2');
      await other.goto(extUrl(fresh, `src/pages/reader/index.html?id=${encodeURIComponent(ID)}`));
      await other.locator('body[data-ready=true]').waitFor();
      const figs = await settledFigures(other);
      expect(figs.map((f) => (f.loaded ? 'photo' : 'placeholder'))).toEqual(['photo', 'photo', 'placeholder']);
    } finally {
      await fresh.close();
    }
  });

  it('drop all photos frees them; the text stays and each figure shows its placeholder', async () => {
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    lib.once('dialog', (d) => d.accept());
    await lib.getByTestId('photos-drop').click();
    await lib.getByTestId('photos-status').waitFor();
    await expect.poll(() => lib.getByTestId('storage-photos').getAttribute('data-count')).toBe('0');
    expect(await rawStore(lib, 'photos')).toEqual([]);
    const restore = await cutPhotos(ext);
    try {
      const reader = await ext.context.newPage();
      await reader.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(ID)}`));
      await reader.locator('body[data-ready=true]').waitFor();
      const figs = await settledFigures(reader);
      expect(figs.map((f) => f.placeholderVisible)).toEqual([true, true, true]);
      expect(await reader.getByTestId('reader-paragraph').count()).toBeGreaterThan(3);
      await reader.close();
    } finally {
      await restore();
    }
  });

  it('with "keep photos offline" off, a save keeps the text only', async () => {
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await lib.getByTestId('photos-offline').uncheck();
    const html = fixture('seed-002.new.html');
    const url = canonicalUrl(html);
    ext.serve(url, html);
    const { page, tabId } = await openVnaTab(ext, url);
    await saveFromPopup(ext, tabId);
    await expect.poll(async () => (await rawStore(lib, 'dispatches')).length).toBe(2);
    await lib.waitForTimeout(1500);
    expect((await rawStore(lib, 'photoJobs')).map((j) => j.id)).toEqual([ID]);
    await lib.reload();
    expect(await lib.getByTestId('photos-offline').isChecked()).toBe(false);
    await page.close();
  });
});
