// The reader view in real Chromium, for a reader's habits: the "System" theme by default
// that follows the system's light/dark setting live (overlay and reader page), a toolbar on
// one row at 1,280 px that wraps by group at 420 px, read aloud with speechSynthesis, and
// the reader's toggle shortcut on the close button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extUrl, gold, launchExtension, type Ext } from './harness';
import { exportFile, getArticle, importThroughLibrary, inReader, openVnaTab, toggleReader } from './reader-support';

const G0 = gold('seed-000');
const URL0: string = G0.url;

/** Where each toolbar control sits: rows are told apart by their top edge. */
const LAYOUT = `function () {
  const bar = this.querySelector('[data-testid=reader-toolbar]');
  const kids = [...bar.children].filter((e) => e.offsetParent !== null && getComputedStyle(e).display !== 'none' && !e.classList.contains('vr-spacer'));
  // Items of different heights share a row when their boxes overlap vertically.
  const rowsOf = (els) => {
    const boxes = els.map((e) => e.getBoundingClientRect()).filter((b) => b.height > 0).sort((a, b) => a.top - b.top);
    let rows = 0, bottom = -Infinity;
    for (const b of boxes) if (b.top >= bottom - 1) { rows++; bottom = b.bottom; } else bottom = Math.max(bottom, b.bottom);
    return rows;
  };
  const groups = [...bar.querySelectorAll('.vr-group')].map((g) => rowsOf([...g.children].filter((c) => getComputedStyle(c).display !== 'none')));
  const r = bar.getBoundingClientRect();
  return {
    rows: rowsOf(kids),
    groupRows: Math.max(...groups),
    overflow: bar.scrollWidth - bar.clientWidth,
    right: Math.max(...kids.map((k) => k.getBoundingClientRect().right)) - r.right,
    height: Math.round(r.height),
  };
}`;

describe('reader habits', () => {
  let ext: Ext;
  let savedId = '';
  beforeAll(async () => {
    // French, the default locale and the longer labels: the toolbar wrapped at 1,280 px in French.
    ext = await launchExtension({ env: { LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' } });
    ext.serveFixture(URL0, 'seed-000.new.html');
    const { page, tabId } = await openVnaTab(ext, URL0);
    const state = await getArticle(ext, tabId);
    savedId = state.article.id;
    const lib = await ext.context.newPage();
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await importThroughLibrary(lib, exportFile([{ article: state.article, entities: state.entities, savedAt: Date.now() }]));
    await lib.close();
    await page.close();
  });
  afterAll(() => ext?.close());

  const theme = (page: Page) => inReader<{ theme: string; choice: string; bg: string }>(page, `function () {
    const r = this.querySelector('[data-testid=reader-root]');
    return { theme: r.dataset.theme, choice: r.dataset.themeChoice, bg: getComputedStyle(r).backgroundColor };
  }`);

  it('overlay: System by default, dark when the system is dark, and it follows a change live', async () => {
    const { page, tabId } = await openVnaTab(ext, URL0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await toggleReader(ext, tabId, true);
    await expect.poll(() => theme(page)).toMatchObject({ theme: 'dark', choice: 'system', bg: 'rgb(22, 24, 27)' });
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => theme(page)).toMatchObject({ theme: 'light', choice: 'system', bg: 'rgb(255, 255, 255)' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => theme(page)).toMatchObject({ theme: 'dark' });
    await page.close();
  });

  it('reader page: System by default and live; an explicit theme stays put', async () => {
    const reader = await ext.context.newPage();
    await reader.emulateMedia({ colorScheme: 'dark' });
    await reader.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(savedId)}`));
    await reader.getByTestId('reader-title').waitFor();
    const root = reader.getByTestId('reader-root');
    await expect.poll(() => root.getAttribute('data-theme')).toBe('dark');
    expect(await reader.getByTestId('theme').inputValue()).toBe('system');
    await reader.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => root.getAttribute('data-theme')).toBe('light');
    await reader.getByTestId('theme').selectOption('sepia');
    await reader.emulateMedia({ colorScheme: 'dark' });
    await reader.waitForTimeout(200);
    expect(await root.getAttribute('data-theme')).toBe('sepia');
    await ext.worker.evaluate(() => chrome.storage.local.remove('readerSettings'));
    await reader.close();
  });

  it('toolbar: one row at 1,280 px (overlay and page), wraps by whole groups at 420 px without overflow', async () => {
    const { page, tabId } = await openVnaTab(ext, URL0);
    await page.setViewportSize({ width: 1280, height: 800 });
    await toggleReader(ext, tabId, true);
    const wide = await inReader<any>(page, LAYOUT);
    expect(wide, JSON.stringify(wide)).toMatchObject({ rows: 1, groupRows: 1 });
    expect(wide.overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 420, height: 800 });
    await page.waitForTimeout(100);
    const narrow = await inReader<any>(page, LAYOUT);
    expect(narrow.groupRows, JSON.stringify(narrow)).toBe(1); // a group never splits across rows
    expect(narrow.overflow).toBeLessThanOrEqual(0);
    expect(narrow.right).toBeLessThanOrEqual(0);
    expect(narrow.rows).toBeLessThanOrEqual(5);
    await page.close();

    const reader = await ext.context.newPage();
    await reader.setViewportSize({ width: 1280, height: 800 });
    await reader.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(savedId)}`));
    await reader.getByTestId('reader-title').waitFor();
    const bar = await reader.getByTestId('reader-toolbar').evaluate((b) => Math.round(b.getBoundingClientRect().height));
    const button = await reader.getByTestId('reader-print').evaluate((b) => Math.round(b.getBoundingClientRect().height));
    expect(bar).toBeLessThan(button * 2); // one row of controls (plus padding)
    await reader.close();
  });

  it('the close button shows the reader shortcut (Esc and the toggle key)', async () => {
    const { page, tabId } = await openVnaTab(ext, URL0);
    await toggleReader(ext, tabId, true);
    await expect.poll(() => inReader<string>(page, `function () { return this.querySelector('[data-testid=reader-close]').title; }`)).toMatch(/Alt\+Shift\+L|Alt\+Maj\+L/);
    const label = await inReader<string>(page, `function () { return this.querySelector('[data-testid=reader-close] kbd').textContent; }`);
    expect(label).toMatch(/Échap|Esc/);
    await page.close();
  });

  it('read aloud in the overlay with the real speech API: a clear message without a French voice, else it plays', async () => {
    const probe = await ext.context.newPage();
    await probe.goto(extUrl(ext, 'src/pages/options/index.html'));
    const frVoices = await probe.evaluate(() => new Promise<number>((resolve) => {
      const count = () => speechSynthesis.getVoices().filter((v) => v.localService && v.lang.toLowerCase().startsWith('fr')).length;
      if (speechSynthesis.getVoices().length) return resolve(count());
      speechSynthesis.addEventListener('voiceschanged', () => resolve(count()));
      setTimeout(() => resolve(count()), 2000);
    }));
    await probe.close();
    const { page, tabId } = await openVnaTab(ext, URL0);
    await toggleReader(ext, tabId, true);
    await inReader(page, `function () { this.querySelector('[data-testid=read-aloud]').click(); }`);
    if (frVoices === 0) {
      await expect.poll(() => inReader<string>(page, `function () { return this.querySelector('[data-testid=read-aloud-status]').textContent; }`), { timeout: 5_000 })
        .toMatch(/^Aucune voix « Français » n'est installée sur ce système/);
    } else {
      await expect.poll(() => inReader<string>(page, `function () { return this.querySelector('[data-testid=read-aloud]').getAttribute('aria-pressed'); }`)).toBe('true');
    }
    await page.close();
  });

  it('read aloud: no voice for the language says so clearly', async () => {
    const reader = await ext.context.newPage();
    // A browser without any voice installed (what a bare Linux desktop has).
    await reader.addInitScript(() => {
      const synth = window.speechSynthesis;
      Object.defineProperty(synth, 'getVoices', { value: () => [] });
    });
    await reader.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(savedId)}`));
    await reader.getByTestId('reader-title').waitFor();
    await reader.getByTestId('read-aloud').click();
    const status = reader.getByTestId('read-aloud-status');
    await expect.poll(() => status.innerText(), { timeout: 5_000 }).toMatch(/(Aucune voix « Français »|No “French” voice)/);
    await reader.close();
  });

  it('read aloud: play, the paragraph marked, pause and resume where it was, speed', async () => {
    const reader = await ext.context.newPage();
    // Chromium's speech API with a recording engine in place of the system's voices (headless
    // Chromium has none): each utterance ends 150 ms after it starts.
    await reader.addInitScript(() => {
      const voices = [{ name: 'Voix FR', lang: 'fr-FR', default: false, localService: true, voiceURI: 'fr' }, { name: 'Voice EN', lang: 'en-US', default: true, localService: true, voiceURI: 'en' }];
      const spoken: { text: string; lang: string; rate: number; voice: string }[] = [];
      (window as any).__spoken = spoken;
      let current: any = null;
      let timer: any = null;
      const synth = window.speechSynthesis;
      Object.defineProperty(synth, 'getVoices', { value: () => voices });
      Object.defineProperty(synth, 'speak', { value: (u: any) => {
        current = u;
        spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name ?? '' });
        timer = setTimeout(() => { const c = current; current = null; c?.onend?.(new Event('end')); }, 150);
      } });
      Object.defineProperty(synth, 'cancel', { value: () => {
        clearTimeout(timer);
        const c = current;
        current = null;
        c?.onerror?.(Object.assign(new Event('error'), { error: 'interrupted' }));
      } });
      (window as any).SpeechSynthesisUtterance = class { text: string; lang = ''; rate = 1; voice: any = null; onend: any; onerror: any; constructor(t: string) { this.text = t; } };
    });
    await reader.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(savedId)}`));
    await reader.getByTestId('reader-title').waitFor();
    const play = reader.getByTestId('read-aloud');
    await play.click();
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('true');
    // The title is read first, with the French voice, and marked.
    const spoken = () => reader.evaluate(() => (window as any).__spoken as { text: string; lang: string; rate: number; voice: string }[]);
    await expect.poll(async () => (await spoken()).length).toBeGreaterThan(2);
    const s = await spoken();
    expect(s[0]).toMatchObject({ text: G0.title, lang: 'fr-FR', voice: 'Voix FR', rate: 1 });
    expect(await reader.locator('.vr-speaking').count()).toBe(1);
    expect(await reader.locator('.vr-speaking').getAttribute('aria-current')).toBe('true');
    // Pause: nothing more is spoken; resume starts again at the paragraph that was marked.
    await play.click();
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
    const marked = await reader.locator('.vr-speaking').innerText();
    const n = (await spoken()).length;
    await reader.waitForTimeout(400);
    expect((await spoken()).length).toBe(n);
    expect(await play.innerText()).toMatch(/Reprendre|Resume/);
    await reader.getByTestId('speech-rate').selectOption('1.5');
    await play.click();
    await expect.poll(async () => (await spoken()).length).toBeGreaterThan(n);
    const resumed = (await spoken())[n];
    expect(resumed.text).toBe(marked.trim());
    expect(resumed.rate).toBe(1.5);
    // The speed is a reading setting: it is kept.
    expect(await ext.worker.evaluate(async () => ((await chrome.storage.local.get('readerSettings')) as any).readerSettings.speechRate)).toBe(1.5);
    await ext.worker.evaluate(() => chrome.storage.local.remove('readerSettings'));
    await reader.close();
  });
});
