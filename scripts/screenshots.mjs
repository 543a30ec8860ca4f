// The screenshots `npm start -- --screenshot DIR` writes, one function so the UI issues can
// add their views here.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const READER_HOST = 'vna-reader-view';

/**
 * Every view in one language into DIR (start.mjs calls it once per browser language). The
 * UI language setting is pinned to `lang` too, so the shots are right even in a browser
 * without that language pack.
 */
export async function takeScreenshots({ context, worker, extId, page, samples = [], dir, lang = 'fr' }) {
  mkdirSync(dir, { recursive: true });
  await worker.evaluate((l) => chrome.storage.local.set({ settings: { uiLanguage: l } }), lang);
  await takeLanguage({ context, worker, extId, page, samples, dir });
  await worker.evaluate(() => chrome.storage.local.remove('settings'));
}

async function takeLanguage({ context, worker, extId, page, samples, dir }) {
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(dir, 'page.png') });
  const tabId = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${extId}/src/popup/index.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="article"], [data-testid="not-article"]');
  await popup.screenshot({ path: join(dir, 'popup.png') });
  await popup.close();

  await readerShots({ worker, page, tabId, dir });
  await libraryShots({ context, worker, extId, samples, dir });
  await pageShot(context, `chrome-extension://${extId}/src/pages/options/index.html`, '[data-testid="options"]', join(dir, 'options.png'));
  await pageShot(context, `chrome-extension://${extId}/src/pages/welcome/index.html`, '[data-testid="welcome"]', join(dir, 'welcome.png'));
}

async function pageShot(context, url, ready, path) {
  const p = await context.newPage();
  await p.setViewportSize({ width: 1000, height: 1100 });
  await p.goto(url);
  await p.waitForSelector(ready);
  await p.waitForTimeout(200);
  await p.screenshot({ path, fullPage: true });
  await p.close();
}

const setReaderSettings = (worker, s) => worker.evaluate((v) => chrome.storage.local.set({ readerSettings: v }), s);

/** The reader overlay on the sample page, light then dark (the reader's theme setting). */
async function readerShots({ worker, page, tabId, dir }) {
  const base = { fontSize: 19, font: 'serif', width: 68, lineHeight: 1.6, highlight: true };
  await setReaderSettings(worker, { ...base, theme: 'light' });
  const res = await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'content/toggleReader', open: true }), tabId).catch(() => null);
  if (!res?.open) {
    console.warn('reader view did not open on the sample page; no reader screenshots');
    return;
  }
  await page.waitForSelector(READER_HOST, { state: 'attached' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, 'reader-light.png') });
  await setReaderSettings(worker, { ...base, theme: 'dark' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, 'reader-dark.png') });
  // The default theme, System, with the system in dark mode.
  await setReaderSettings(worker, { ...base, theme: 'system' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, 'reader-system-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');
  await worker.evaluate(() => chrome.storage.local.remove('readerSettings'));
}

/** The library with the sample articles in it (imported through its own import control). */
async function libraryShots({ context, worker, extId, samples, dir }) {
  const dispatches = [];
  for (const [i, s] of samples.entries()) {
    if (!s.url) continue;
    const tab = await context.newPage();
    await tab.goto(s.url);
    let state = null;
    for (let k = 0; k < 50 && !state?.ok; k++) {
      state = await worker.evaluate(async (u) => {
        const t = (await chrome.tabs.query({ url: u })).sort((a, b) => b.id - a.id)[0];
        return t ? chrome.tabs.sendMessage(t.id, { type: 'content/getArticle' }).catch(() => null) : null;
      }, s.url);
      if (!state?.ok) await tab.waitForTimeout(100);
    }
    await tab.close();
    if (!state?.ok) continue;
    const t = Date.now() - (i + 1) * 3_600_000;
    dispatches.push({ id: state.article.id, article: state.article, entities: state.entities, savedAt: t, updatedAt: t, userTags: i === 0 ? ['diplomatie'] : [], note: '' });
  }
  const lib = await context.newPage();
  await lib.setViewportSize({ width: 1280, height: 900 });
  await lib.goto(`chrome-extension://${extId}/src/pages/library/index.html`);
  await lib.waitForSelector('[data-testid="library"]');
  if (dispatches.length) {
    const checksum = `sha256-${createHash('sha256').update(JSON.stringify(dispatches)).digest('hex')}`;
    const file = JSON.stringify({ format: 'vna-reader-archive', version: 1, exportedAt: new Date().toISOString(), count: dispatches.length, checksum, dispatches });
    await lib.setInputFiles('[data-testid="import-file"]', { name: 'samples.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await lib.waitForSelector('[data-testid="io-status"], [data-testid="io-error"]');
    await lib.waitForSelector('[data-testid="dispatch-row"]').catch(() => {});
  }
  for (const scheme of ['light', 'dark']) {
    await lib.emulateMedia({ colorScheme: scheme });
    await lib.waitForTimeout(200);
    await lib.screenshot({ path: join(dir, `library-${scheme}.png`) });
  }
  await lib.close();
}
