// The background is the archive's one writer, and every write is announced once: in real
// Chromium, a reader page's reading state and highlights, the library's highlight edits and the
// settings page's "Forget everything" each go through the background, and the other open pages
// follow them without a reload (before, the reader page and the settings page wrote IndexedDB
// themselves: an open library kept showing "unread", another reader tab kept its old state, an
// open highlights view missed the new highlight, and an open library still listed forgotten
// dispatches until reloaded).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extUrl, launchExtension, type Ext } from './harness';
import { exportFile, extractSeeds, importThroughLibrary } from './reader-support';
import { pageMarks, selectFn } from './readlater-support';

const DIST = process.env.VNA_DIST;
const SEEDS = ['seed-000', 'seed-002', 'seed-004'];

/** Starts recording the announcements a page hears on the archive channel. */
const listen = (p: Page) => p.evaluate(() => {
  const w = window as unknown as { heard: { kind: string; ids: string[] }[]; ear?: BroadcastChannel };
  w.heard = [];
  w.ear?.close();
  w.ear = new BroadcastChannel('vna-reader:archive');
  w.ear.onmessage = (e) => w.heard.push(e.data);
});
const heard = (p: Page) => p.evaluate(() => (window as unknown as { heard: { kind: string; ids: string[] }[] }).heard);

describe('one writer: pages write through the background, and every open page follows', () => {
  let ext: Ext;
  let lib: Page;
  const ids: string[] = [];
  const reader = async (id: string) => {
    const p = await ext.context.newPage();
    await p.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(id)}`));
    await p.locator('body[data-ready=true]').waitFor();
    return p;
  };
  const rowState = (id: string) => lib.locator(`[data-testid=dispatch-row][data-id="${id}"] [data-testid=row-state]`).getAttribute('data-state');

  beforeAll(async () => {
    ext = await launchExtension({ dist: DIST });
    const items = (await extractSeeds(ext, SEEDS)).map((s, i) => ({ ...s, savedAt: Date.UTC(2026, 0, 10 + i) }));
    ids.push(...items.map((i) => i.article.id));
    lib = await ext.context.newPage();
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await importThroughLibrary(lib, exportFile(items));
    await lib.locator('[data-testid=dispatch-row]').nth(2).waitFor();
  });
  afterAll(() => ext?.close());

  it("a reader page's 'mark as read' reaches the open library's row, announced once", async () => {
    const r = await reader(ids[0]);
    expect(await rowState(ids[0])).toBe('unread');
    await listen(lib);
    await r.getByTestId('reader-mark-read').click();
    await expect.poll(() => r.getByTestId('reader-state').getAttribute('data-state')).toBe('read');
    await expect.poll(() => rowState(ids[0]), { timeout: 5000 }).toBe('read');
    await lib.waitForTimeout(400);
    expect(await heard(lib)).toEqual([expect.objectContaining({ kind: 'reading', ids: [ids[0]] })]);
    await r.close();
  });

  it('two reader tabs of one dispatch follow each other', async () => {
    const a = await reader(ids[1]);
    const b = await reader(ids[1]);
    await a.getByTestId('reader-archive').click();
    await expect.poll(() => b.getByTestId('reader-state').getAttribute('data-state'), { timeout: 5000 }).toBe('archived');
    await b.getByTestId('reader-archive').click();
    await expect.poll(() => a.getByTestId('reader-state').getAttribute('data-state'), { timeout: 5000 }).toBe('unread');
    await a.close();
    await b.close();
  });

  it('a highlight made in a reader page appears in the open highlights view; deleted there, its mark leaves the reader page', async () => {
    const view = await ext.context.newPage();
    await view.goto(extUrl(ext, 'src/pages/library/index.html?view=highlights'));
    await view.getByTestId('highlights-view').waitFor();
    await expect.poll(() => view.getByTestId('highlights-count').count()).toBe(1);
    const r = await reader(ids[2]);
    const quote = await r.evaluate(`(${selectFn(1, 0, 24)}).call(document)`) as string;
    await r.getByTestId('hl-bar').waitFor();
    await r.getByTestId('hl-color-green').click();
    await expect.poll(async () => (await pageMarks(r)).map((m) => m.text)).toEqual([quote]);
    await expect.poll(() => view.getByTestId('highlight-quote').allInnerTexts(), { timeout: 5000 }).toEqual([quote]);
    await view.getByTestId('highlight-delete').click();
    await expect.poll(async () => (await pageMarks(r)).length, { timeout: 5000 }).toBe(0);
    await expect.poll(() => view.getByTestId('highlight-item').count()).toBe(0);
    await view.close();
    await r.close();
  });

  it('"Forget everything" in the settings empties the open library without a reload', async () => {
    const options = await ext.context.newPage();
    await options.goto(extUrl(ext, 'src/pages/options/index.html'));
    await listen(lib);
    await options.getByTestId('forget-start').click();
    await options.getByTestId('forget-confirm-yes').click();
    await options.getByTestId('forget-done').waitFor();
    await expect.poll(() => lib.getByTestId('dispatch-row').count(), { timeout: 5000 }).toBe(0);
    expect((await heard(lib)).map((c) => c.kind)).toEqual(['forget']);
    await options.close();
  });
});
