// Issue 17 / 16 in real Chromium: the extension meets an archive as the v3 code left it (the
// frozen stores of test/unit/store/fixtures/archive-v3.json, put into the extension's own
// IndexedDB with the v3 schema), with a cold service worker. The first popup upgrades it to
// v4 and answers from the persisted index: saved state, related dispatches; the library lists
// every dispatch; nothing of the reader's work is lost and the stored records lose `words`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openArticle, openPopup, extUrl, gold, ROOT, type Ext } from './harness';

const frozen = JSON.parse(readFileSync(join(ROOT, 'test/unit/store/fixtures/archive-v3.json'), 'utf8'));
const TARGET = 'seed-004'; // not in the frozen archive; names the Organisation internationale pour les migrations, as 6 frozen dispatches do
const SAVED = 'seed-000';

describe('a v3 archive in the extension, cold worker', () => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launchExtension();
    for (const s of [TARGET, SAVED]) ext.serveFixture(gold(s).url, `${s}.new.html`);
    const page = await ext.context.newPage();
    await page.goto(extUrl(ext, 'src/pages/options/index.html'));
    // The v3 schema as it was (frozen here, not built by today's upgrade code), then the records.
    await page.evaluate(async (f) => {
      // The worker may have created today's archive at start (it retries pending photos): this
      // profile's archive must be the frozen v3 one, so it goes first (the worker's connection
      // closes on versionchange).
      await new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('vna-reader');
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error);
      });
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('vna-reader', 3);
        req.onupgradeneeded = () => {
          const db = req.result;
          const d = db.createObjectStore('dispatches', { keyPath: 'id' });
          d.createIndex('savedAt', 'savedAt');
          d.createIndex('published', 'publishedKey');
          d.createIndex('site', 'site');
          d.createIndex('entityKeys', 'entityKeys', { multiEntry: true });
          db.createObjectStore('briefs', { keyPath: 'id' });
          db.createObjectStore('meta', { keyPath: 'key' });
          db.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true });
          db.createObjectStore('trash', { keyPath: 'id' }).createIndex('removedAt', 'removedAt');
          const tx = req.transaction!;
          for (const s of ['dispatches', 'briefs', 'meta', 'changes', 'trash']) for (const r of f[s]) tx.objectStore(s).put(r);
        };
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(req.error);
      });
    }, frozen);
    await page.close();
    // A cold worker, as after MV3's 30 s idle stop.
    const helper = await ext.context.newPage();
    await helper.goto(extUrl(ext, 'src/pages/options/index.html'));
    const cdp = await ext.context.newCDPSession(helper);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await helper.close();
  });
  afterAll(() => ext?.close());

  it('the popup shows related dispatches and the saved state from the migrated archive', async () => {
    const { tabId } = await openArticle(ext, gold(TARGET).url);
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.getByTestId('related').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const ids = await popup.$$eval('[data-testid=related]', (els) => els.map((e) => e.getAttribute('data-id')));
    const oim = frozen.dispatches.filter((d: { entityKeys: string[] }) => d.entityKeys.includes('ORG:organisation internationale pour les migrations')).map((d: { id: string }) => d.id);
    expect(oim.length).toBe(6);
    for (const id of ids) expect(oim).toContain(id);
    await popup.close();
    const saved = await openArticle(ext, gold(SAVED).url);
    const p2 = await openPopup(ext, saved.tabId);
    await expect.poll(() => p2.getByTestId('save').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await p2.close();
  });

  it('the library lists every dispatch, search is diacritic-insensitive, the trash is kept; records lost `words`', async () => {
    const lib = await ext.context.newPage();
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await expect.poll(() => lib.getByTestId('dispatch-row').count(), { timeout: 15_000 }).toBe(Math.min(50, frozen.dispatches.length));
    await expect.poll(() => lib.getByTestId('result-count').textContent()).toContain(String(frozen.dispatches.length));
    const raw = await lib.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('vna-reader');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const all = await new Promise<any[]>((res) => {
        const q = db.transaction('dispatches').objectStore('dispatches').getAll();
        q.onsuccess = () => res(q.result);
      });
      const trash = await new Promise<number>((res) => {
        const q = db.transaction('trash').objectStore('trash').count();
        q.onsuccess = () => res(q.result);
      });
      db.close();
      return { version: db.version, n: all.length, withWords: all.filter((r) => 'words' in r).length, withOrd: all.filter((r) => Number.isInteger(r.ord)).length, trash };
    });
    expect(raw).toMatchObject({ n: frozen.dispatches.length, withWords: 0, withOrd: frozen.dispatches.length, trash: frozen.trash.length });
    expect(raw.version).toBeGreaterThanOrEqual(4);
    await lib.goto(extUrl(ext, 'src/pages/library/index.html?q=hue'));
    await expect.poll(() => lib.getByTestId('dispatch-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await lib.close();
  });
});
