// Library page in real Chromium: import of a store-format file, diacritic-insensitive search,
// filters (site, entity, date range), sort, delete with undo, tags and note, the entity view,
// and export then import into a fresh profile giving the same library.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extUrl, launchExtension, type Ext } from './harness';
import { exportFile, extractSeeds, importThroughLibrary } from './reader-support';
import { fold, searchWords } from '../../src/core/text/fold';

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];
const DIST = process.env.VNA_DIST;

interface Item { article: any; entities: any[]; savedAt: number; userTags?: string[]; note?: string }

async function rowIds(lib: Page): Promise<string[]> {
  return lib.getByTestId('dispatch-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')!));
}

async function settle(lib: Page, count: number): Promise<void> {
  await expect.poll(() => lib.getByTestId('dispatch-row').count(), { timeout: 10_000 }).toBe(count);
}

describe('library', () => {
  let ext: Ext;
  let lib: Page;
  const items: Item[] = [];

  beforeAll(async () => {
    ext = await launchExtension({ dist: DIST });
    const day = 86_400_000;
    for (const [i, s] of (await extractSeeds(ext, SEEDS)).entries()) items.push({ ...s, savedAt: Date.UTC(2026, 0, 10 + i) });
    // A second site, so the site filter has something to tell apart.
    const base = items[3];
    const en = { ...base.article, id: 'en.vietnamplus.vn:999001', url: 'https://en.vietnamplus.vn/police-minister-meets-counterparts-post999001.vnp', site: 'en.vietnamplus.vn', lang: 'en' };
    items.push({ article: en, entities: base.entities, savedAt: Date.UTC(2026, 0, 10) + 5 * day });
    lib = await ext.context.newPage();
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await lib.getByTestId('library').waitFor();
  });
  afterAll(() => ext?.close());

  it('imports a store-format file with progress and clear feedback', async () => {
    const status = await importThroughLibrary(lib, exportFile(items));
    expect(status).toMatch(/6/);
    await settle(lib, items.length);
    expect(await lib.getByTestId('storage-count').innerText()).toMatch(/6/);
    // Default order: saved, newest first.
    expect(await rowIds(lib)).toEqual([...items].sort((a, b) => b.savedAt - a.savedAt).map((i) => i.article.id));
  });

  it('searches full text without diacritics (hanoi finds Hanoï)', async () => {
    const word = 'hanoi';
    const expected = items.filter((i) => {
      const a = i.article;
      const words = searchWords([a.title, a.lead ?? '', ...a.body, ...a.captions, ...i.entities.map((e: any) => e.name)].join(' '));
      return words.some((w) => w.startsWith(word));
    }).map((i) => i.article.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(items.length);
    expect(items.some((i) => JSON.stringify(i.article).includes('Hanoï'))).toBe(true);
    await lib.getByTestId('search').fill(word);
    await settle(lib, expected.length);
    expect((await rowIds(lib)).sort()).toEqual([...expected].sort());
    // Accented query gives the same set.
    await lib.getByTestId('search').fill('Hanoï');
    await settle(lib, expected.length);
    expect((await rowIds(lib)).sort()).toEqual([...expected].sort());
    await lib.getByTestId('search').fill('');
    await settle(lib, items.length);
  });

  it('filters by site, by entity and by date range, and sorts', async () => {
    await lib.getByTestId('filter-site').selectOption('en.vietnamplus.vn');
    await settle(lib, 1);
    expect(await rowIds(lib)).toEqual(['en.vietnamplus.vn:999001']);
    await lib.getByTestId('filter-site').selectOption('');
    await settle(lib, items.length);

    // An entity mentioned by some dispatches but not all.
    const counts = new Map<string, { n: number; name: string }>();
    for (const i of items) for (const e of i.entities) if (e.type !== 'DATE') counts.set(e.key, { n: (counts.get(e.key)?.n ?? 0) + 1, name: e.name });
    const [key, { name }] = [...counts.entries()].find(([, v]) => v.n >= 2 && v.n < items.length)!;
    const expected = items.filter((i) => i.entities.some((e: any) => e.key === key)).map((i) => i.article.id);
    await lib.getByTestId('filter-entity').fill(fold(name).slice(0, 5));
    await lib.locator(`[data-testid=entity-suggestion][data-key="${key}"]`).click();
    await lib.getByTestId('entity-chip').waitFor();
    await settle(lib, expected.length);
    expect((await rowIds(lib)).sort()).toEqual([...expected].sort());
    await lib.getByTestId('entity-clear').click();
    await settle(lib, items.length);

    // Published order, then a published date range.
    await lib.getByTestId('sort').selectOption('published:asc');
    const byPub = [...items].sort((a, b) => (a.article.published ?? '').localeCompare(b.article.published ?? '') || 0);
    await expect.poll(async () => (await rowIds(lib)).map((id) => items.find((i) => i.article.id === id)!.article.published)).toEqual(byPub.map((i) => i.article.published));
    const dates = [...new Set(items.map((i) => (i.article.published ?? '').slice(0, 10)).filter(Boolean))].sort();
    expect(dates.length).toBeGreaterThan(2);
    const from = dates[1], to = dates[dates.length - 2];
    const inRange = items.filter((i) => { const d = (i.article.published ?? '').slice(0, 10); return d >= from && d <= to; }).map((i) => i.article.id);
    await lib.getByTestId('filter-from').fill(from);
    await lib.getByTestId('filter-to').fill(to);
    await settle(lib, inRange.length);
    expect((await rowIds(lib)).sort()).toEqual([...inRange].sort());
    await lib.getByTestId('filter-from').fill('');
    await lib.getByTestId('filter-to').fill('');
    await lib.getByTestId('sort').selectOption('savedAt:desc');
    // The row count is the same in both orders: wait for the order itself.
    const bySaved = [...items].sort((a, b) => b.savedAt - a.savedAt).map((i) => i.article.id);
    await expect.poll(() => rowIds(lib), { timeout: 10_000 }).toEqual(bySaved);
  });

  it('deletes with undo', async () => {
    const first = (await rowIds(lib))[0];
    await lib.locator(`[data-testid=dispatch-row][data-id="${first}"] [data-testid=delete]`).click();
    await settle(lib, items.length - 1);
    expect(await rowIds(lib)).not.toContain(first);
    await lib.getByTestId('undo').click();
    await settle(lib, items.length);
    expect((await rowIds(lib))[0]).toBe(first);
  });

  it('keeps tags and a note per dispatch (across reloads, and searchable)', async () => {
    const id = items[2].article.id;
    const row = lib.locator(`[data-testid=dispatch-row][data-id="${id}"]`);
    await row.getByTestId('edit').click();
    await row.getByTestId('tags-input').fill('à relire, diplomatie');
    await row.getByTestId('note-input').fill('Comparer avec la dépêche de 2019.');
    // Issue 13: no separate save buttons: "Done" (closing the editor) keeps what was typed.
    await row.getByTestId('edit').click();
    await expect.poll(() => row.getByTestId('user-note').count()).toBe(1);
    await lib.reload();
    await settle(lib, items.length);
    const again = lib.locator(`[data-testid=dispatch-row][data-id="${id}"]`);
    expect(await again.getByTestId('user-tag').allInnerTexts()).toEqual(['à relire', 'diplomatie']);
    expect(await again.getByTestId('user-note').innerText()).toBe('Comparer avec la dépêche de 2019.');
    await lib.getByTestId('search').fill('relire');
    await settle(lib, 1);
    expect(await rowIds(lib)).toEqual([id]);
    await lib.getByTestId('search').fill('');
    await settle(lib, items.length);
  });

  it('shows the entity view: every dispatch mentioning it, newest first, with roles', async () => {
    const per = new Map<string, number>();
    for (const i of items) for (const e of i.entities) if (e.type === 'LOC') per.set(e.key, (per.get(e.key) ?? 0) + 1);
    const [key, n] = [...per.entries()].sort((a, b) => b[1] - a[1])[0];
    const view = await ext.context.newPage();
    await view.goto(extUrl(ext, `src/pages/library/index.html?entity=${encodeURIComponent(key)}`));
    await view.getByTestId('entity-count').waitFor();
    await expect.poll(() => view.getByTestId('entity-dispatch').count()).toBe(n);
    const ids = await view.getByTestId('entity-dispatch').evaluateAll((r) => r.map((x) => x.getAttribute('data-id')!));
    const pubs = ids.map((id) => items.find((i) => i.article.id === id)!.article.published ?? '');
    expect(pubs).toEqual([...pubs].sort().reverse());
    // A person with a role gets a role history.
    const person = items.flatMap((i) => i.entities).find((e: any) => e.type === 'PER' && e.role);
    if (person) {
      await view.goto(extUrl(ext, `src/pages/library/index.html?entity=${encodeURIComponent(person.key)}`));
      await view.getByTestId('role-history').waitFor();
      expect(await view.getByTestId('role-item').first().innerText()).toContain(person.role);
    }
    await view.close();
  });

  it('exports, and importing the file into a fresh profile gives the same library', async () => {
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.getByTestId('export').click()]);
    const path = await download.path();
    const text = readFileSync(path!, 'utf8');
    await lib.getByTestId('io-status').waitFor();
    const file = JSON.parse(text);
    expect(file.format).toBe('vna-reader-archive');
    expect(file.count).toBe(items.length);
    // The export's progress bar ended at its max: every dispatch in the file was counted.
    expect(await lib.getByTestId('io-status').getAttribute('data-exported')).toBe(String(items.length));
    expect(await lib.getByTestId('io-status').innerText()).toMatch(new RegExp(`${items.length}\\D.*\\d+(\\.\\d)? (B|KB|MB)`));

    const snapshot = async (p: Page) => p.getByTestId('dispatch-row').evaluateAll((rows) => rows.map((r) => ({
      id: r.getAttribute('data-id'),
      title: r.querySelector('[data-testid=dispatch-title]')?.textContent,
      tags: [...r.querySelectorAll('[data-testid=user-tag]')].map((t) => t.textContent),
      note: r.querySelector('[data-testid=user-note]')?.textContent ?? null,
    })));
    const mine = await snapshot(lib);

    const fresh = await launchExtension({ dist: DIST });
    try {
      const other = await fresh.context.newPage();
      await other.goto(extUrl(fresh, 'src/pages/library/index.html'));
      await other.getByTestId('library').waitFor();
      expect(await other.getByTestId('dispatch-row').count()).toBe(0);
      const status = await importThroughLibrary(other, text);
      expect(status).toMatch(/6/);
      await settle(other, items.length);
      expect(await snapshot(other)).toEqual(mine);
      // Importing the same file again adds nothing.
      expect(await importThroughLibrary(other, text)).toMatch(/0/);
      await settle(other, items.length);
    } finally {
      await fresh.close();
    }
  });
});
