// The extension in a French browser and in an English one (Debian's Chromium with
// chromium-l10n, LANG/LANGUAGE set: --lang is ignored there), each in a time zone far from
// Hanoi: the popup, the reader overlay, the reader page and the library show their strings,
// plural forms, numbers, sizes and dates in the browser's language, and every date is the
// date in Hanoi.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extUrl, gold, launchExtension, openPopup, type Ext } from './harness';
import { exportFile, getArticle, importThroughLibrary, inReader, openVnaTab, toggleReader } from './reader-support';

const G0 = gold('seed-000');
const URL0: string = G0.url;
const NB = /[\u00a0\u202f]/g;
const text = async (p: Page, testid: string) => ((await p.getByTestId(testid).first().innerText()) ?? '').replace(NB, ' ');

interface Lang {
  name: 'fr' | 'en';
  env: Record<string, string>;
  ui: RegExp;
  popup: { save: string; reader: string; library: string; minutes: RegExp; mention: RegExp };
  one: string;
  two: string;
  stored1: string;
  stored2: string;
  size: RegExp;
  newYear: string;
  newYearLong: RegExp;
  toolbar: string[];
  importError: RegExp;
  english: RegExp | null;
}

const LANGS: Lang[] = [
  {
    name: 'fr',
    env: { LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr', TZ: 'America/Los_Angeles' },
    ui: /^fr/,
    popup: { save: 'Enregistrer', reader: 'Vue de lecture', library: 'Ouvrir la bibliothèque', minutes: /^\d+ min de lecture$/, mention: /^\d+ mentions?$/ },
    one: '1 dépêche',
    two: '2 dépêches',
    stored1: '1 dépêche enregistrée',
    stored2: '2 dépêches enregistrées',
    size: /^\d+(,\d)? (octets|Ko|Mo) utilisés sur \d+(,\d)? (Ko|Mo|Go|To)$/,
    newYear: '1 janv. 2018',
    newYearLong: /^1 janvier 2018 à 05:30$/,
    toolbar: ['Serif', 'Sans', 'Largeur', 'Interligne', 'Thème', 'Entités', 'Écouter', 'Imprimer', 'Fermer'],
    importError: /^Export de VNA Reader invalide : la dépêche n° 1 est mal formée \(champ savedAt\)\. Rien n'a été importé\.$/,
    english: /\b(Save|Library|saved|dispatch|Listen|Close|Invalid)\b/,
  },
  {
    name: 'en',
    env: { LANG: 'en_US.UTF-8', LANGUAGE: 'en', TZ: 'Europe/Paris' },
    ui: /^en/,
    popup: { save: 'Save', reader: 'Reader view', library: 'Open the library', minutes: /^\d+ min read$/, mention: /^\d+ mentions?$/ },
    one: '1 dispatch',
    two: '2 dispatches',
    stored1: '1 saved dispatch',
    stored2: '2 saved dispatches',
    size: /^\d+(\.\d)? (bytes|KB|MB) used of \d+(\.\d)? (KB|MB|GB|TB)$/,
    newYear: 'Jan 1, 2018',
    newYearLong: /^January 1, 2018 at 5:30\s?AM$/,
    toolbar: ['Serif', 'Sans', 'Width', 'Spacing', 'Theme', 'Entities', 'Listen', 'Print', 'Close'],
    importError: /^Invalid VNA Reader export: dispatch no\. 1 is malformed \(field savedAt\)\. Nothing was imported\.$/,
    english: null,
  },
];

/** A dispatch published at 05:30 on 1 January in Hanoi: still 31 December in Los Angeles and Paris. */
function newYearDispatch(article: any, entities: any[]) {
  const url = 'https://fr.vietnamplus.vn/nouvel-an-a-hanoi-post900001.vnp';
  return {
    article: { ...article, id: 'fr.vietnamplus.vn:900001', url, title: 'Nouvel An à Hanoï', published: '2018-01-01T05:30:00+07:00' },
    entities: entities.slice(0, 3),
    savedAt: Date.parse('2017-12-31T22:30:00Z'), // 05:30 on 1 January in Hanoi too
  };
}

for (const L of LANGS) {
  describe(`browser in ${L.name} (TZ=${L.env.TZ})`, () => {
    let ext: Ext;
    beforeAll(async () => {
      ext = await launchExtension({ env: L.env });
      ext.serveFixture(URL0, 'seed-000.new.html');
    });
    afterAll(() => ext?.close());

    it('the browser really runs in that language', async () => {
      expect(await ext.worker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(L.ui);
      expect(await ext.worker.evaluate(() => chrome.i18n.getMessage('lang'))).toBe(L.name);
      // The keyboard commands (chrome://extensions/shortcuts) are named from _locales too.
      const commands = await ext.worker.evaluate(async () => (await chrome.commands.getAll()).map((c) => c.description).filter(Boolean).sort());
      expect(commands).toEqual(L.name === 'fr' ? ['Afficher ou fermer la vue de lecture', 'Enregistrer la dépêche'] : ['Open or close the reader view', 'Save the dispatch']);
    });

    it('popup: actions, reading time and mention counts', async () => {
      const { page, tabId } = await openVnaTab(ext, URL0);
      const popup = await openPopup(ext, tabId);
      await popup.getByTestId('article').waitFor();
      expect(await popup.locator('html').getAttribute('lang')).toBe(L.name);
      await expect.poll(() => popup.getByTestId('save').isEnabled()).toBe(true);
      expect(await text(popup, 'save')).toBe(L.popup.save);
      expect(await text(popup, 'reader')).toBe(L.popup.reader);
      expect(await text(popup, 'open-library')).toBe(L.popup.library);
      expect(await text(popup, 'reading-time')).toMatch(L.popup.minutes);
      const labels = await popup.$$eval('[data-testid=entity-count]', (els) => els.map((e) => [e.textContent, e.getAttribute('aria-label')]));
      expect(labels.length).toBeGreaterThan(0);
      for (const [n, label] of labels) {
        expect(label).toMatch(L.popup.mention);
        expect(label).toBe(Number(n) === 1 ? `1 mention` : `${n} mentions`);
      }
      if (L.english) expect(await popup.locator('body').innerText()).not.toMatch(/\b(Save|Library|Related dispatches|Loading)\b/);
      await popup.close();
      await page.close();
    });

    it('reader overlay: toolbar and article meta in the browser language', async () => {
      const { page, tabId } = await openVnaTab(ext, URL0);
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await toggleReader(ext, tabId, true)).toEqual({ open: true });
      const got = await inReader<{ bar: string; meta: string; lang: string }>(page, `function () {
        return { bar: this.querySelector('[data-testid=reader-toolbar]').innerText, meta: this.querySelector('[data-testid=reader-meta]').innerText,
          lang: this.querySelector('[data-testid=reader-article]').getAttribute('lang') };
      }`);
      for (const s of L.toolbar) expect(got.bar).toContain(s);
      expect(got.meta.replace(NB, ' ')).toMatch(L.name === 'fr' ? /min de lecture/ : /min read/);
      if (L.english) expect(got.bar).not.toMatch(L.english);
      await page.close();
    });

    it('library and reader page: plurals, sizes, Hanoi dates, errors', async () => {
      const { page, tabId } = await openVnaTab(ext, URL0);
      const state = await getArticle(ext, tabId);
      await page.close();
      const lib = await ext.context.newPage();
      await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
      await lib.getByTestId('library').waitFor();

      // One dispatch: singular everywhere.
      const first = newYearDispatch(state.article, state.entities);
      await importThroughLibrary(lib, exportFile([first]));
      await expect.poll(() => text(lib, 'storage-count')).toBe(L.stored1);
      await expect.poll(() => text(lib, 'result-count')).toBe(L.one);
      expect(await text(lib, 'storage-bytes')).toMatch(L.size);
      const meta = await lib.locator('[data-testid=dispatch-row] .lib-meta').first().innerText();
      // Published and saved at 05:30 on 1 January in Hanoi: 1 January, not 31 December.
      expect(meta.replace(NB, ' ')).toContain(L.newYear);
      expect(meta).not.toMatch(/31|déc|Dec/);

      // Two: plural.
      await importThroughLibrary(lib, exportFile([first, { article: state.article, entities: state.entities, savedAt: Date.now() }]));
      await expect.poll(() => text(lib, 'storage-count')).toBe(L.stored2);
      await expect.poll(() => text(lib, 'result-count')).toBe(L.two);

      // A date filter is in Hanoi days too: saved on 1 January (Hanoi) is found by 1 January.
      await lib.getByTestId('filter-from').fill('2018-01-01');
      await lib.getByTestId('filter-to').fill('2018-01-01');
      await expect.poll(() => text(lib, 'result-count')).toBe(L.one);
      expect(await lib.getByTestId('dispatch-row').getAttribute('data-id')).toBe(first.article.id);
      await lib.getByTestId('filter-from').fill('');
      await lib.getByTestId('filter-to').fill('');
      await expect.poll(() => text(lib, 'result-count')).toBe(L.two);

      // A broken file: the whole message in the browser language.
      const bad = JSON.parse(exportFile([first]));
      bad.dispatches[0].savedAt = 'yesterday';
      await lib.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
      await lib.getByTestId('io-error').waitFor();
      expect(await text(lib, 'io-error')).toMatch(L.importError);
      await lib.close();

      // The reader page: the date and time in Hanoi, the toolbar in the browser language.
      const reader = await ext.context.newPage();
      await reader.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(first.article.id)}`));
      await reader.getByTestId('reader-title').waitFor();
      expect(await reader.locator('html').getAttribute('lang')).toBe(L.name);
      expect(await text(reader, 'reader-date')).toMatch(L.newYearLong);
      const bar = await text(reader, 'reader-toolbar');
      for (const s of L.toolbar.filter((x) => x !== 'Fermer' && x !== 'Close')) expect(bar).toContain(s);
      if (L.english) expect(bar).not.toMatch(L.english);
      await reader.close();
    });
  });
}
