// The settings page and the first run, in real Chromium: the welcome page opens on install;
// every setting applies live in pages that are already open (language, reader defaults,
// badge, context menu); "forget everything" asks first, offers the export, then empties the
// archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extUrl, gold, launchExtension, openPopup, type Ext } from './harness';
import { exportFile, getArticle, importThroughLibrary, openVnaTab, toggleReader, inReader } from './reader-support';

const G0 = gold('seed-000');
const URL0: string = G0.url;
const NB = /[\u00a0\u202f]/g;

describe('first run and settings', () => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launchExtension({ env: { LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' }, keepWelcome: true });
    ext.serveFixture(URL0, 'seed-000.new.html');
  });
  afterAll(() => ext?.close());

  it('opens the welcome page on install: three steps, the two shortcuts, a sample article', async () => {
    let welcome = ext.context.pages().find((p) => p.url().includes('/src/pages/welcome/'));
    for (let i = 0; !welcome && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      welcome = ext.context.pages().find((p) => p.url().includes('/src/pages/welcome/'));
    }
    expect(welcome, 'welcome tab').toBeTruthy();
    await welcome!.getByTestId('welcome').waitFor();
    expect(await welcome!.getByTestId('welcome-step').count()).toBe(3);
    await expect.poll(() => welcome!.getByTestId('welcome-shortcuts').innerText()).toMatch(/Alt\+(Maj|Shift)\+L[\s\S]*Alt\+(Maj|Shift)\+S/);
    expect(await welcome!.getByTestId('welcome-pin').innerText()).toMatch(/épingle/);
    expect(await welcome!.getByTestId('welcome-sample').getAttribute('href')).toMatch(/^https:\/\/fr\.vietnamplus\.vn\/.+\.vnp$/);
    await welcome!.close();
  });

  it('the options page is the manifest options_ui page', async () => {
    const manifest = await ext.worker.evaluate(() => chrome.runtime.getManifest());
    expect((manifest as any).options_ui.page).toBe('src/pages/options/index.html');
  });

  it('language override applies live to an open library, popup and reader view, and back to the browser', async () => {
    const { page, tabId } = await openVnaTab(ext, URL0);
    const state = await getArticle(ext, tabId);
    const lib = await ext.context.newPage();
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await importThroughLibrary(lib, exportFile([{ article: state.article, entities: state.entities, savedAt: Date.now() }]));
    await expect.poll(() => lib.getByTestId('storage-count').innerText()).toBe('1 dépêche enregistrée');
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('article').waitFor();
    expect(await popup.getByTestId('open-library').innerText()).toBe('Ouvrir la bibliothèque');
    await toggleReader(ext, tabId, true);
    const bar = () => inReader<string>(page, `function () { return this.querySelector('[data-testid=reader-toolbar]').innerText; }`);
    await expect.poll(bar).toContain('Écouter');

    const options = await ext.context.newPage();
    await options.goto(extUrl(ext, 'src/pages/options/index.html'));
    await options.getByTestId('options').waitFor();
    expect(await options.locator('h1').innerText()).toBe('Réglages de VNA Reader');
    await options.getByTestId('lang-en').check();
    // Everything already open switches, with no reload.
    await expect.poll(() => options.locator('h1').innerText()).toBe('VNA Reader settings');
    await expect.poll(() => lib.getByTestId('storage-count').innerText()).toBe('1 saved dispatch');
    expect(await lib.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => popup.getByTestId('open-library').innerText()).toBe('Open the library');
    await expect.poll(bar).toContain('Listen');
    // A page opened now starts in English too.
    const lib2 = await ext.context.newPage();
    await lib2.goto(extUrl(ext, 'src/pages/library/index.html'));
    await expect.poll(() => lib2.getByTestId('storage-count').innerText()).toBe('1 saved dispatch');
    // So does a popup, from its first frame: the classic first-paint script (src/popup/boot.ts)
    // fetches the packaged English file, and the view that takes over shares its language.
    const popup2 = await ext.context.newPage();
    await popup2.addInitScript(() => {
      new PerformanceObserver((list, obs) => {
        if (!list.getEntriesByName('vna:entities-painted').length) return;
        obs.disconnect();
        const w = window as unknown as { atPaint: unknown };
        w.atPaint = { lang: document.documentElement.lang, library: document.querySelector('[data-testid=open-library]')?.textContent, view: performance.getEntriesByName('vna:view-loaded').length > 0 };
      }).observe({ type: 'mark' });
    });
    await popup2.goto(extUrl(ext, `src/popup/index.html?tab=${tabId}`));
    await expect.poll(() => popup2.evaluate(() => (window as unknown as { atPaint?: unknown }).atPaint ?? null)).toEqual({ lang: 'en', library: 'Open the library', view: false });
    await expect.poll(() => popup2.evaluate(() => performance.getEntriesByName('vna:view-loaded').length)).toBe(1);
    expect(await popup2.getByTestId('open-library').innerText()).toBe('Open the library');
    await popup2.close();
    // The context menu title follows as well (the item is re-created in the chosen language).
    await options.getByTestId('lang-browser').check();
    await expect.poll(() => lib.getByTestId('storage-count').innerText()).toBe('1 dépêche enregistrée');
    await expect.poll(bar).toContain('Écouter');
    for (const p of [lib, lib2, popup, options, page]) await p.close();
  });

  it('reader defaults from the settings page reach an open reader view', async () => {
    const { page, tabId } = await openVnaTab(ext, URL0);
    await toggleReader(ext, tabId, true);
    const root = () => inReader<{ theme: string; font: string; size: string; hl: string }>(page, `function () {
      const r = this.querySelector('[data-testid=reader-root]');
      return { theme: r.dataset.theme, font: r.dataset.font, size: r.style.getPropertyValue('--vr-font-size'), hl: r.dataset.highlight };
    }`);
    const options = await ext.context.newPage();
    await options.goto(extUrl(ext, 'src/pages/options/index.html'));
    await options.getByTestId('opt-theme').selectOption('sepia');
    await options.getByTestId('opt-font').selectOption('sans');
    await options.getByTestId('opt-highlight').check();
    await expect.poll(root).toMatchObject({ theme: 'sepia', font: 'sans', hl: 'on' });
    expect(await options.getByTestId('opt-saved').innerText()).toMatch(/s'applique déjà/);
    await options.getByTestId('opt-theme').selectOption('system');
    await ext.worker.evaluate(() => chrome.storage.local.remove('readerSettings'));
    await options.close();
    await page.close();
  });

  it('badge: related count, saved check mark, or nothing — redrawn on the open tab when changed', async () => {
    const { page, tabId } = await openVnaTab(ext, URL0);
    const badge = () => ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    const options = await ext.context.newPage();
    await options.goto(extUrl(ext, 'src/pages/options/index.html'));
    await options.getByTestId('badge-saved').check();
    // The dispatch is in the archive (imported above): a check mark.
    await expect.poll(badge).toBe('✓');
    await options.getByTestId('badge-none').check();
    await expect.poll(badge).toBe('');
    await options.getByTestId('badge-related').check();
    await expect.poll(() => ext.worker.evaluate(async () => ((await chrome.storage.local.get('settings')) as any).settings.badge)).toBe('related');
    await options.close();
    await page.close();
  });

  it('context menu item goes away and comes back with the setting', async () => {
    // update() fails for an item that does not exist: that is how the worker can tell.
    const exists = () => ext.worker.evaluate(() => new Promise<boolean>((resolve) => {
      chrome.contextMenus.update('vna-reader-save', {}, () => resolve(!chrome.runtime.lastError));
    }));
    await expect.poll(exists).toBe(true);
    const options = await ext.context.newPage();
    await options.goto(extUrl(ext, 'src/pages/options/index.html'));
    await options.getByTestId('opt-context-menu').uncheck();
    await expect.poll(exists).toBe(false);
    await options.getByTestId('opt-context-menu').check();
    await expect.poll(exists).toBe(true);
    await options.close();
  });

  it('forget everything: confirmation with the count, export offered first, then an empty archive everywhere', async () => {
    const { page, tabId } = await openVnaTab(ext, URL0);
    const state = await getArticle(ext, tabId);
    await page.close();
    const lib = await ext.context.newPage();
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    const other = { ...state.article, id: 'fr.vietnamplus.vn:900002', url: 'https://fr.vietnamplus.vn/autre-post900002.vnp', title: 'Autre dépêche' };
    await importThroughLibrary(lib, exportFile([{ article: state.article, entities: state.entities, savedAt: Date.now() }, { article: other, entities: [], savedAt: Date.now() }]));
    await expect.poll(() => lib.getByTestId('storage-count').innerText()).toBe('2 dépêches enregistrées');

    const options = await ext.context.newPage();
    await options.goto(extUrl(ext, 'src/pages/options/index.html'));
    await options.getByTestId('forget-start').click();
    const confirm = options.getByTestId('forget-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('Supprimer définitivement les 2 dépêches enregistrées ?');
    // Cancel keeps everything.
    await options.getByTestId('forget-cancel').click();
    const isSaved = (id: string) => options.evaluate(async (i) => (await chrome.runtime.sendMessage({ type: 'bg/isSaved', id: i })).saved, id);
    expect(await isSaved('fr.vietnamplus.vn:900002')).toBe(true);
    // Export first: a real download of the archive.
    await options.getByTestId('forget-start').click();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('forget-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^vna-reader-archive-\d{4}-\d{2}-\d{2}\.json$/);
    await expect.poll(() => options.getByTestId('forget-exported').innerText()).toMatch(/^2 dépêches exportées \(\d+(,\d)? (Ko|octets)\)\.$/);
    await options.getByTestId('forget-confirm-yes').click();
    await expect.poll(() => options.getByTestId('forget-done').innerText()).toBe("L'archive est vide : 2 dépêches supprimées.");
    // The worker's index forgot too, and the library explains how it fills up.
    expect(await isSaved('fr.vietnamplus.vn:900002')).toBe(false);
    expect(await isSaved(state.article.id)).toBe(false);
    await lib.reload();
    await lib.getByTestId('empty-library').waitFor();
    // The shortcuts in the text arrive from the worker after the first paint.
    await expect.poll(async () => (await lib.getByTestId('empty-library').innerText()).replace(NB, ' ')).toMatch(/Votre bibliothèque est vide[\s\S]*Alt\+(Maj|Shift)\+S/);
    await options.close();
    await lib.close();
  });

  it('popup tooltips show the shortcuts', async () => {
    const { page, tabId } = await openVnaTab(ext, URL0);
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('article').waitFor();
    await expect.poll(() => popup.getByTestId('reader').getAttribute('title')).toMatch(/\(Alt\+(Maj|Shift)\+L\)$/);
    await expect.poll(() => popup.getByTestId('save').isEnabled()).toBe(true);
    // Not saved (the archive was emptied above): the tooltip names the save shortcut.
    expect(await popup.getByTestId('save').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(async () => popup.getByTestId('save').getAttribute('title')).toMatch(/^Enregistrer la dépêche \(Alt\+(Maj|Shift)\+S\)$/);
    await popup.close();
    await page.close();
  });
});
