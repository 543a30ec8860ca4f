// The archive through the real extension: the service worker writes the extension origin's own
// IndexedDB (never the page's), and one article under its old `/<slug>/<ID>.vnp` and new
// `-post<ID>.vnp` addresses is one dispatch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openArticle, openPopup, gold, saveFromPopup, type Ext } from './harness';

const NEW_URL = gold('seed-000').url as string;
const OLD_URL = 'https://fr.vietnamplus.vn/maintien-de-la-paix-cooperation-renforcee-entre-le-vietnam-et-la-france/128832.vnp';

const dumpArchive = (ext: Ext) =>
  ext.worker.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res, rej) => {
      const r = indexedDB.open('vna-reader');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = (store: string) =>
      new Promise<any[]>((res, rej) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    const out = { version: db.version, dispatches: await all('dispatches'), briefs: await all('briefs') };
    db.close();
    return out;
  });

describe('archive in the extension origin', () => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launchExtension();
    ext.serveFixture(NEW_URL, 'seed-000.new.html');
    ext.serveFixture(OLD_URL, 'seed-000.old.html');
  });
  afterAll(() => ext?.close());

  it('saves one dispatch for the old and the new URL of the same article', async () => {
    const a = await openArticle(ext, NEW_URL);
    await saveFromPopup(ext, a.tabId);
    const b = await openArticle(ext, OLD_URL);
    // The popup on the old-layout page already knows the article is saved.
    const popup = await openPopup(ext, b.tabId);
    await expect.poll(() => popup.getByTestId('save').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await popup.close();

    const { version, dispatches, briefs } = await dumpArchive(ext);
    expect(version).toBeGreaterThanOrEqual(2);
    expect(dispatches.map((d) => d.id)).toEqual(['fr.vietnamplus.vn:128832']);
    expect(briefs.map((d) => d.id)).toEqual(['fr.vietnamplus.vn:128832']);
    expect(dispatches[0].article.title).toBe(gold('seed-000').title);
    // stored once, as the text of its blocks (store/records.ts packArticle)
    expect(dispatches[0].bodyPacked).toBe(true);
    expect(dispatches[0].article.blocks.filter((b: { kind: string }) => b.kind !== 'img').map((b: { text: string }) => b.text)).toEqual(gold('seed-000').body);
    expect(dispatches[0].entityKeys).toContain('PER:hoang kim phung');

    // The page origin has no archive: the content script never opened IndexedDB there.
    const pageDbs = await a.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(pageDbs).not.toContain('vna-reader');
  });
});
