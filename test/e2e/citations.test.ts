// Citations from the library in real Chromium: one dispatch copied as a French reference and
// downloaded as BibTeX; a filtered selection downloaded as RIS and CSL-JSON with exactly the
// dispatches the filter shows.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extUrl, gold, launchExtension, type Ext } from './harness';
import { exportFile, getArticle, importThroughLibrary, openVnaTab } from './reader-support';
import { parseBibtex, parseRis, bibUnescape } from '../../src/core/format/citation';

const SEEDS = ['seed-000', 'seed-001', 'seed-002'];

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

describe('citations in the library', () => {
  let ext: Ext;
  let lib: Page;
  const articles: any[] = [];
  beforeAll(async () => {
    ext = await launchExtension({ env: { LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' } });
    const list = [];
    for (const seed of SEEDS) {
      const g = gold(seed);
      ext.serveFixture(g.url, `${seed}.new.html`);
      const { page, tabId } = await openVnaTab(ext, g.url);
      const s = await getArticle(ext, tabId);
      articles.push(s.article);
      list.push({ article: s.article, entities: s.entities, savedAt: Date.parse('2026-11-30T20:00:00Z') });
      await page.close();
    }
    lib = await ext.context.newPage();
    // What the page writes to the clipboard, recorded on its way (Chromium grants no clipboard
    // read permission to an extension origin from the outside).
    await lib.addInitScript(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => { (window as any).__copied = text; return write(text).catch(() => {}); };
    });
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await importThroughLibrary(lib, exportFile(list));
  });
  afterAll(() => ext?.close());

  it('one dispatch: the French reference to the clipboard, BibTeX as a file', async () => {
    const row = lib.getByTestId('dispatch-row').first();
    const id = await row.getAttribute('data-id');
    const a = articles.find((x) => x.id === id)!;
    await row.getByTestId('cite').locator('summary').click();
    await row.getByTestId('cite-copy-refFr').click();
    await expect.poll(() => row.getByTestId('cite-status').innerText()).toBe('1 citation copiée dans le presse-papiers.');
    const clip: string = await lib.evaluate(() => (window as any).__copied);
    expect(clip.startsWith(a.author ? `${a.author}. « ` : '« ')).toBe(true);
    expect(clip).toContain(`« ${a.title} ».`);
    expect(clip).toContain(a.url);
    expect(clip).toMatch(/\(consulté le 1er décembre 2026\)\.$/); // saved at 03:00 on 1 December in Hanoi

    const file = await downloaded(lib, () => row.getByTestId('cite-file-bib').click());
    expect(file.name).toMatch(/\.bib$/);
    const [entry] = parseBibtex(file.text);
    expect(entry.type).toBe('online');
    expect(bibUnescape(entry.fields.title)).toBe(a.title.replace(/\s+/g, ' ').trim());
    expect(entry.fields.url).toBe(a.url);
  });

  it('a filtered selection: RIS and CSL-JSON hold exactly what the filter shows', async () => {
    const all = await lib.getByTestId('cite-selection').locator('summary').innerText();
    expect(all).toBe('Citer ces 3 dépêches');
    // Filter by the first article's top entity: the selection is what the list shows.
    // A word of the second title that the other two dispatches never use.
    const fold = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const others = fold(JSON.stringify([articles[0], articles[2]]));
    const word = articles[1].title.split(/[\s,.:;«»"'’()]+/).find((w: string) => w.length > 4 && !others.includes(fold(w)))!;
    expect(word).toBeTruthy();
    await lib.getByTestId('search').fill(word);
    await expect.poll(() => lib.getByTestId('cite-selection').locator('summary').innerText()).toBe('Citer cette dépêche');
    const shown = await lib.getByTestId('dispatch-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(shown.length).toBeLessThan(3);
    await lib.getByTestId('cite-selection').locator('summary').click();
    const ris = await downloaded(lib, () => lib.getByTestId('cite-selection-file-ris').click());
    const records = parseRis(ris.text);
    expect(records.map((r) => r.UR[0])).toEqual(shown.map((id) => articles.find((a) => a.id === id)!.url));
    for (const r of records) expect(r).toMatchObject({ TY: ['NEWS'], T2: ['VietnamPlus'], PB: ["Agence vietnamienne d'information (VNA)"] });
    const csl = await downloaded(lib, () => lib.getByTestId('cite-selection-file-csl').click());
    const items = JSON.parse(csl.text);
    expect(items.map((i: any) => i.URL)).toEqual(records.map((r) => r.UR[0]));
    expect(items[0].type).toBe('article-newspaper');
    expect(csl.name).toMatch(/\.json$/);
  });
});
