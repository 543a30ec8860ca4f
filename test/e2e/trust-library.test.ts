// Issue 13, the library in real Chromium with a few hundred dispatches: it keeps its place in
// the URL (back from the reader, reload), finds entities by any word or alias, keeps one tag
// per case-insensitive name with a tag list and filter, is dense and keyboard-usable, and an
// import reports its write progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extUrl, launchExtension, type Ext } from './harness';
import { exportFile, extractSeeds, importThroughLibrary } from './reader-support';

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];
const N = 300;

interface Item { article: any; entities: any[]; savedAt: number }

const rowIds = (lib: Page) => lib.getByTestId('dispatch-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')!));

describe('trust: the library', () => {
  let ext: Ext;
  let lib: Page;
  const base: Item[] = [];
  const items: Item[] = [];

  beforeAll(async () => {
    ext = await launchExtension();
    for (const [i, s] of (await extractSeeds(ext, SEEDS)).entries()) base.push({ ...s, savedAt: Date.UTC(2026, 0, 1 + i) });
    // A few hundred dispatches: copies of the five articles under their own ids and dates.
    for (let i = 0; i < N; i++) {
      const b = base[i % base.length];
      const n = 500_000 + i;
      const day = String(1 + (i % 28)).padStart(2, '0');
      items.push({
        article: { ...b.article, id: `fr.vietnamplus.vn:${n}`, url: `https://fr.vietnamplus.vn/depeche-${n}-post${n}.vnp`, title: `${b.article.title} — ${i}`, published: `20${10 + (i % 15)}-0${1 + (i % 9)}-${day}T08:00:00+07:00` },
        entities: b.entities,
        savedAt: Date.UTC(2026, 0, 1) + i * 60_000,
      });
    }
    lib = await ext.context.newPage();
    await lib.setViewportSize({ width: 1280, height: 900 });
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await lib.getByTestId('library').waitFor();
  });
  afterAll(() => ext?.close());

  it('an import reports its write progress (written / total)', async () => {
    // Every state the progress bar goes through, recorded in the page as it happens.
    await lib.evaluate(() => {
      (window as any).seen = [];
      new MutationObserver(() => {
        const p = document.querySelector('[data-testid=import-progress]');
        const v = p?.getAttribute('aria-valuetext');
        if (v && (window as any).seen.at(-1) !== v) (window as any).seen.push(v);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    expect(await importThroughLibrary(lib, exportFile(items))).toMatch(String(N));
    const seen: string[] = await lib.evaluate(() => (window as any).seen);
    const written = seen.map((s) => /(\d+) \/ (\d+)/.exec(s)).filter(Boolean).map((m) => [Number(m![1]), Number(m![2])]);
    expect(written.length).toBeGreaterThanOrEqual(2);
    expect(written.every(([, total]) => total === N)).toBe(true);
    expect(written.some(([done]) => done > 0 && done < N)).toBe(true);
  });

  it('keeps search, filters, sort and page in the URL: back from the reader and reload restore them', async () => {
    await lib.getByTestId('sort').selectOption('published:asc');
    await lib.getByTestId('filter-site').selectOption({ index: 1 });
    await expect.poll(() => lib.getByTestId('page-info').first().innerText()).toMatch(/1\D+\d/);
    await lib.getByTestId('pager-top').getByTestId('pager-next').click();
    await expect.poll(() => lib.getByTestId('page-info').first().innerText()).toMatch(/^\D*2\D/);
    const before = { url: lib.url(), rows: await rowIds(lib), sort: await lib.getByTestId('sort').inputValue(), site: await lib.getByTestId('filter-site').inputValue() };
    expect(before.url).toMatch(/[?&]page=2/);
    await lib.getByTestId('dispatch-title').first().click();
    await lib.waitForURL(/reader\/index\.html/);
    await lib.goBack();
    await lib.getByTestId('library').waitFor();
    await expect.poll(() => rowIds(lib)).toEqual(before.rows);
    expect(await lib.getByTestId('sort').inputValue()).toBe(before.sort);
    expect(await lib.getByTestId('filter-site').inputValue()).toBe(before.site);
    await lib.reload();
    await expect.poll(() => rowIds(lib)).toEqual(before.rows);
    // A search is kept as well.
    await lib.getByTestId('search').fill('migrations');
    await expect.poll(() => lib.url()).toMatch(/[?&]q=migrations/);
    // Search rows carry a snippet; wait until the list is the search's and stays the same.
    await lib.getByTestId('snippet').first().waitFor();
    let hits: string[] = [];
    await expect.poll(async () => { const prev = hits; hits = await rowIds(lib); return prev.join() === hits.join() && hits.length > 0; }).toBe(true);
    await lib.reload();
    expect(await lib.getByTestId('search').inputValue()).toBe('migrations');
    await expect.poll(() => rowIds(lib)).toEqual(hits);
    // Search results show the matched words marked in a snippet.
    expect(await lib.getByTestId('snippet').first().locator('mark').first().innerText()).toMatch(/^migrations?$/i);
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
  });

  it('the entity filter finds any word, alias or acronym, diacritic-insensitively, and says when nothing matches', async () => {
    const box = lib.getByTestId('filter-entity');
    const suggestionKeys = async (text: string) => {
      // Start from an empty box, so the suggestions read are those of `text`.
      await box.fill('');
      await expect.poll(async () => (await lib.getByTestId('entity-suggestion').count()) + (await lib.getByTestId('entity-none').count())).toBe(0);
      await box.fill(text);
      await expect.poll(async () => (await lib.getByTestId('entity-suggestion').count()) + (await lib.getByTestId('entity-none').count())).toBeGreaterThan(0);
      return lib.getByTestId('entity-suggestion').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')!));
    };
    expect((await suggestionKeys('asean')).some((k) => /^ORG:.*(asean|asie du sud-est)/.test(k))).toBe(true);
    // The UN is stored as `Nations Unies` (key of its long form): found by its name, first.
    const un = (await suggestionKeys('Nations Unies'))[0];
    expect(un).toMatch(/^ORG:.*nations unies$/);
    expect(await lib.getByTestId('entity-suggestion').first().innerText()).toMatch(/^Nations Unies/);
    expect(await suggestionKeys('unies')).toContain(un);
    expect(await suggestionKeys('ONU')).toContain(un);
    expect(await suggestionKeys('HANOÏ')).toContain('LOC:hanoi');
    expect(await suggestionKeys('zzqxw')).toEqual([]);
    expect(await lib.getByTestId('entity-none').innerText()).toMatch(/Aucune entité|No entity/);
    await box.fill('');
  });

  it('one tag per case-insensitive name, a tag list with counts, a tag filter; Ctrl+Enter saves', async () => {
    await expect.poll(() => lib.getByTestId('dispatch-row').count()).toBe(50);
    const [a, b] = (await rowIds(lib)).slice(0, 2);
    const tag = async (id: string, text: string) => {
      const row = lib.locator(`[data-testid=dispatch-row][data-id="${id}"]`);
      await row.getByTestId('edit').click();
      await row.getByTestId('tags-input').fill(text);
      await row.getByTestId('tags-input').press('Control+Enter');
      await expect.poll(() => row.getByTestId('edit-status').getAttribute('data-state')).toBe('saved');
      await row.getByTestId('edit').click();
    };
    await tag(a, 'Diplomatie');
    await tag(b, 'diplomatie, ASEAN');
    const list = lib.getByTestId('tag-list');
    await expect.poll(() => list.getByTestId('tag-filter').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-tag')}:${e.querySelector('[data-testid=tag-count]')?.textContent}`)))
      .toEqual(['Diplomatie:2', 'ASEAN:1']);
    expect(await lib.locator(`[data-testid=dispatch-row][data-id="${b}"] [data-testid=user-tag]`).allInnerTexts()).toEqual(['Diplomatie', 'ASEAN']);
    await list.locator('[data-tag=Diplomatie]').click();
    await expect.poll(async () => (await rowIds(lib)).sort()).toEqual([a, b].sort());
    expect(lib.url()).toMatch(/[?&]tag=Diplomatie/);
    // A tag on a row filters too.
    await lib.getByTestId('tag-clear').click();
    await expect.poll(() => lib.getByTestId('dispatch-row').count()).toBe(50);
    await lib.locator(`[data-testid=dispatch-row][data-id="${b}"] [data-testid=user-tag]`, { hasText: 'ASEAN' }).click();
    await expect.poll(() => rowIds(lib)).toEqual([b]);
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
  });

  it('a deleted dispatch waits in the trash (30 days) and "Put back" restores it with its tags', async () => {
    await expect.poll(() => lib.getByTestId('dispatch-row').count()).toBe(50);
    const [id] = await rowIds(lib);
    const row = lib.locator(`[data-testid=dispatch-row][data-id="${id}"]`);
    await row.getByTestId('edit').click();
    await row.getByTestId('tags-input').fill('Corbeille');
    await row.getByTestId('tags-input').press('Control+Enter');
    await expect.poll(() => row.getByTestId('edit-status').getAttribute('data-state')).toBe('saved');
    await row.getByTestId('edit').click();
    await row.getByTestId('delete').click();
    await expect.poll(() => row.count()).toBe(0);
    await lib.getByTestId('trash-link').click();
    const entry = lib.locator(`[data-testid=trash-row][data-id="${id}"]`);
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Corbeille');
    await entry.getByTestId('trash-restore').click();
    await expect.poll(() => entry.count()).toBe(0);
    await lib.getByTestId('back-to-library').click();
    await expect.poll(() => lib.locator(`[data-testid=dispatch-row][data-id="${id}"] [data-testid=user-tag]`).allInnerTexts()).toEqual(['Corbeille']);
  });

  it('is dense and keyboard-usable: compact rows, aligned actions, pager top and bottom, / to search, focus to undo', async () => {
    await expect.poll(() => lib.getByTestId('dispatch-row').count()).toBe(50);
    const rows = await lib.getByTestId('dispatch-row').evaluateAll((els) => els.slice(0, 12).map((r) => {
      const a = r.querySelector('.lib-actions')!.getBoundingClientRect();
      return { h: r.getBoundingClientRect().height, ax: Math.round(a.left), aw: Math.round(a.width) };
    }));
    const avg = rows.reduce((s, r) => s + r.h, 0) / rows.length;
    expect(avg).toBeLessThan(130);
    expect(new Set(rows.map((r) => `${r.ax}:${r.aw}`)).size).toBe(1);
    expect(await lib.getByTestId('pager-top').count()).toBe(1);
    expect(await lib.getByTestId('pager-bottom').count()).toBe(1);

    await lib.locator('body').click({ position: { x: 5, y: 5 } });
    await lib.keyboard.press('/');
    expect(await lib.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search');
    await lib.keyboard.press('Tab');

    // Keyboard path on a row: read link, tags & note, delete; after delete, focus is on Undo.
    const first = (await rowIds(lib))[0];
    const row = lib.locator(`[data-testid=dispatch-row][data-id="${first}"]`);
    await row.getByTestId('open-reader').focus();
    await lib.keyboard.press('Tab');
    expect(await lib.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('edit');
    await lib.keyboard.press('Tab');
    expect(await lib.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('delete');
    await lib.keyboard.press('Enter');
    await expect.poll(() => lib.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo');
    await lib.keyboard.press('Enter');
    await expect.poll(() => rowIds(lib).then((r) => r[0])).toBe(first);
    // …and after the undo, focus is back on the restored row.
    await expect.poll(() => lib.evaluate(() => document.activeElement?.closest('[data-testid=dispatch-row]')?.getAttribute('data-id'))).toBe(first);

    // The import control (a label around a hidden file input) shows keyboard focus.
    await lib.getByTestId('import-file').focus();
    const outline = await lib.evaluate(() => getComputedStyle(document.querySelector('[data-testid=import-file]')!.parentElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });
});
