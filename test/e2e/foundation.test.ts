import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openArticle, openPopup, gold, type Ext } from './harness';
import en from '../../assets/_locales/en/messages.json';
const t = (k: keyof typeof en) => en[k].message;
import { RAW_SITES } from '../../src/core/extract/profiles';
import { extensionHostPatterns } from '../../src/core/extract/site-schema';

const URL_NEW = 'https://fr.vietnamplus.vn/maintien-de-la-paix-cooperation-renforcee-entre-le-vietnam-et-la-france-post128832.vnp';

describe('foundation: the built extension in real Chromium', () => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launchExtension();
    ext.serveFixture(URL_NEW, 'seed-000.new.html');
    ext.serve('https://example.com/', '<html><body><h1>Not VNA</h1></body></html>');
    ext.serve('https://fr.vietnamplus.vn/', '<html><body><h1>VietnamPlus</h1><a href="/x-post1.vnp">x</a></body></html>');
    ext.serve('https://fr.vietnamplus.vn/politique/trang2.vnp', '<html><body><h1>Politique</h1></body></html>');
  });
  afterAll(() => ext?.close());

  it('loads as an MV3 extension with a service worker', async () => {
    expect(ext.id).toMatch(/^[a-p]{32}$/);
    const manifest = await ext.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(JSON.stringify(manifest.host_permissions)).not.toContain('<all_urls>');
    // Host access and content-script matches are exactly the outlets sites.json marks inExtension.
    const fromData = extensionHostPatterns(RAW_SITES.sites).sort();
    expect([...manifest.host_permissions!].sort()).toEqual(fromData);
    expect([...manifest.content_scripts![0].matches!].sort()).toEqual(fromData);
  });

  it('registers the keyboard commands for the reader view and saving', async () => {
    const commands = await ext.worker.evaluate(() => chrome.commands.getAll());
    const byName = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
    expect(byName['toggle-reader']).toBe('Alt+Shift+L');
    expect(byName['save-article']).toBe('Alt+Shift+S');
  });

  it('installs the "save the dispatch" context menu item', async () => {
    // contextMenus has no getter: update() succeeds only for an item that exists.
    const exists = (id: string) =>
      ext.worker.evaluate((i) => chrome.contextMenus.update(i, {}).then(() => true, () => false), id);
    await expect.poll(() => exists('vna-reader-save'), { timeout: 5_000 }).toBe(true);
    expect(await exists('no-such-item')).toBe(false);
  });

  it('runs the content script on a routed fr.vietnamplus.vn article and reports to the popup', async () => {
    const { tabId } = await openArticle(ext, URL_NEW);
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('article-title').waitFor();
    expect(await popup.getByTestId('article-title').textContent()).toBe(gold('seed-000').title);
    expect(await popup.getByTestId('entity').count()).toBeGreaterThan(3);
    await popup.close();
  });

  it('shows a friendly state on a page that is not a VNA article', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://example.com/');
    const tabs = await ext.worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://example.com/*' })).map((t) => t.id));
    const popup = await openPopup(ext, tabs[0]!);
    await popup.getByTestId('not-article').waitFor();
    expect(await popup.getByTestId('open-library').isVisible()).toBe(true);
  });

  it('injects no content script on a VNA home page, and the popup says "not an article" (not "reload")', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://fr.vietnamplus.vn/', { waitUntil: 'load' });
    const section = await ext.context.newPage();
    await section.goto('https://fr.vietnamplus.vn/politique/trang2.vnp', { waitUntil: 'load' });
    const ping = (u: string) => ext.worker.evaluate(async (url) => {
      const [t] = await chrome.tabs.query({ url });
      return chrome.tabs.sendMessage(t.id!, { type: 'content/ping' }).then((r) => r, () => 'no receiver');
    }, u);
    // The section page has the (light) content script: it answers, and it is no article.
    await expect.poll(() => ping('https://fr.vietnamplus.vn/politique/trang2.vnp'), { timeout: 10_000 }).toEqual({ ok: true, isArticle: false });
    expect(await ping('https://fr.vietnamplus.vn/')).toBe('no receiver');
    const tabs = await ext.worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://fr.vietnamplus.vn/' })).map((t) => t.id));
    const popup = await openPopup(ext, tabs[0]!);
    await popup.getByTestId('not-article').waitFor();
    expect(await popup.getByTestId('not-article').innerText()).not.toContain(t('reloadHint'));
  });
});
