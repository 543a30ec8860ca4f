// Photos kept offline (settings page): off by default (a save fetches no image); on, a save
// keeps the dispatch's VNA images and the reader page shows them with the network cut;
// turning it off deletes them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extUrl, gold, launchExtension, openPopup, ROOT, type Ext } from './harness';
import { getArticle, openVnaTab } from './reader-support';

const G0 = gold('seed-000');
const PNG = readFileSync(join(ROOT, 'assets/icon-48.png'));

describe('photos kept offline', () => {
  let ext: Ext;
  let images: string[] = [];
  let hits = 0;
  beforeAll(async () => {
    ext = await launchExtension();
    ext.serveFixture(G0.url, 'seed-000.new.html');
    const { page, tabId } = await openVnaTab(ext, G0.url);
    images = (await getArticle(ext, tabId)).article.images.map((i: any) => i.src);
    await page.close();
    expect(images.length).toBeGreaterThan(0);
    await ext.context.route((u) => images.includes(u.href), (route) => { hits++; return route.fulfill({ status: 200, body: PNG, contentType: 'image/png' }); });
  });
  afterAll(() => ext?.close());

  const save = async (on: boolean) => {
    const { page, tabId } = await openVnaTab(ext, G0.url);
    const popup = await openPopup(ext, tabId);
    const button = popup.getByTestId('save');
    await expect.poll(() => button.isEnabled()).toBe(true);
    if ((await button.getAttribute('aria-pressed')) === 'true') {
      await button.click(); // unsave first, so this save is a fresh one
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    }
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await popup.close();
    await page.close();
    return on;
  };
  const readerImages = async () => {
    const reader = await ext.context.newPage();
    await reader.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(`fr.vietnamplus.vn:${/post(\d+)/.exec(G0.url)![1]}`)}`));
    await reader.getByTestId('reader-title').waitFor();
    const srcs = await reader.locator('[data-testid=reader-figure] img').evaluateAll((imgs) => imgs.map((i) => ({ src: i.getAttribute('src')!, w: (i as HTMLImageElement).naturalWidth, done: (i as HTMLImageElement).complete })));
    return { reader, srcs };
  };

  it('off by default: a save fetches no photo', async () => {
    await save(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(hits).toBe(0);
    const { reader, srcs } = await readerImages();
    for (const s of srcs) expect(s.src).toMatch(/^https:/);
    await reader.close();
  });

  it('on: the photos are kept and shown offline, and unticking deletes them', async () => {
    const options = await ext.context.newPage();
    await options.goto(extUrl(ext, 'src/pages/options/index.html'));
    await options.getByTestId('opt-offline-photos').check();
    await expect.poll(() => ext.worker.evaluate(async () => ((await chrome.storage.local.get('settings')) as any).settings?.offlinePhotos)).toBe(true);
    await save(true);
    await expect.poll(() => hits).toBeGreaterThan(0);

    // The network cut: every http(s) request fails.
    await ext.context.setOffline(true);
    try {
      await expect.poll(async () => {
        const { reader, srcs } = await readerImages();
        await reader.close();
        return srcs.length > 0 && srcs.every((s) => s.src.startsWith('blob:'));
      }, { timeout: 10_000 }).toBe(true);
      const { reader, srcs } = await readerImages();
      await expect.poll(() => reader.locator('[data-testid=reader-figure] img').first().evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(48);
      expect(srcs.length).toBe(images.length);
      await reader.close();
    } finally {
      await ext.context.setOffline(false);
    }

    await options.getByTestId('opt-offline-photos').uncheck();
    await expect.poll(async () => {
      const { reader, srcs } = await readerImages();
      await reader.close();
      return srcs.every((s) => s.src.startsWith('https:'));
    }, { timeout: 10_000 }).toBe(true);
    await options.close();
  });
});
