// Reading state and position, and Markdown notes, in real Chromium: a position survives a
// reload, reaching the end marks read, archive and "mark as read" by hand, the library's state
// filters and "continue reading"; the reader page's Markdown note and the library's Markdown
// export of a filtered selection (a ZIP of notes) with front matter and highlights as quotes.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';
import { extUrl, launchExtension, type Ext } from './harness';
import { exportFile, extractSeeds, importThroughLibrary } from './reader-support';

const DIST = process.env.VNA_DIST;
// The first is the longest (10 paragraphs): a position in the middle is far from its end.
const SEEDS = ['seed-004', 'seed-000', 'seed-002'];

interface Item { article: any; entities: any[]; savedAt: number; userTags?: string[] }

async function rowIds(lib: Page): Promise<string[]> {
  return lib.getByTestId('dispatch-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')!));
}

/** Index of the first reader paragraph below the sticky toolbar. */
async function topParagraph(page: Page): Promise<number> {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-testid=reader-toolbar]')!.getBoundingClientRect().bottom;
    const ps = [...document.querySelectorAll('[data-vr-slot^="body:"]')];
    const p = ps.find((e) => e.getBoundingClientRect().bottom > bar + 1)!;
    return Number(p.getAttribute('data-vr-slot')!.split(':')[1]);
  });
}

describe('reading state, position and Markdown', () => {
  let ext: Ext;
  let lib: Page;
  const items: Item[] = [];
  const ids = () => items.map((i) => i.article.id);
  const readerOf = async (id: string) => {
    const p = await ext.context.newPage();
    await p.setViewportSize({ width: 900, height: 500 });
    await p.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(id)}`));
    await p.locator('body[data-ready=true]').waitFor();
    return p;
  };

  beforeAll(async () => {
    ext = await launchExtension({ dist: DIST });
    for (const [i, s] of (await extractSeeds(ext, SEEDS)).entries()) items.push({ ...s, savedAt: Date.UTC(2026, 0, 10 + i), ...(i === 1 ? { userTags: ['suivi'] } : {}) });
    lib = await ext.context.newPage();
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await importThroughLibrary(lib, exportFile(items));
  });
  afterAll(() => ext?.close());

  it('the reading position survives a reload', async () => {
    const r = await readerOf(ids()[0]);
    expect(await r.getByTestId('reader-state').getAttribute('data-state')).toBe('unread');
    const target = r.locator('[data-vr-slot="body:3"]');
    // Body block 3 just under the sticky toolbar.
    await target.evaluate((e) => {
      const bar = document.querySelector('[data-testid=reader-toolbar]')!.getBoundingClientRect().height;
      window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - bar - 4);
    });
    const at = await topParagraph(r);
    expect(at).toBeGreaterThanOrEqual(3);
    await r.waitForTimeout(700);
    await r.reload();
    await r.locator('body[data-ready=true]').waitFor();
    await expect.poll(() => topParagraph(r)).toBe(at);
    expect(await r.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    expect(await r.getByTestId('reader-state').getAttribute('data-state')).toBe('unread');
    await r.close();
  });

  it('reaching the end marks read; archive by hand; the library filters by state; continue reading', async () => {
    const r = await readerOf(ids()[1]);
    await r.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => r.getByTestId('reader-state').getAttribute('data-state'), { timeout: 5000 }).toBe('read');
    await r.close();
    const c = await readerOf(ids()[2]);
    await c.getByTestId('reader-archive').click();
    await expect.poll(() => c.getByTestId('reader-state').getAttribute('data-state')).toBe('archived');
    // Reaching the end does not take an archived dispatch out of the archive.
    await c.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await c.waitForTimeout(700);
    await c.reload();
    await c.locator('body[data-ready=true]').waitFor();
    expect(await c.getByTestId('reader-state').getAttribute('data-state')).toBe('archived');
    await c.close();

    await lib.reload();
    await lib.getByTestId('continue-reading').waitFor();
    expect(await lib.getByTestId('continue-item').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-id')))).toEqual([ids()[0]]);
    await lib.screenshot({ path: '.tmp/readlater-library.png' });
    const expectRows = async (state: string, want: string[]) => {
      await lib.getByTestId('filter-state').selectOption(state);
      await expect.poll(async () => (await rowIds(lib)).sort(), { timeout: 10_000 }).toEqual([...want].sort());
    };
    await expectRows('unread', [ids()[0]]);
    await expectRows('read', [ids()[1]]);
    await expectRows('archived', [ids()[2]]);
    await expectRows('', ids());
    expect(await lib.locator(`[data-testid=dispatch-row][data-id="${ids()[1]}"] [data-testid=row-state]`).getAttribute('data-state')).toBe('read');

    // Mark as read by hand: it leaves "continue reading".
    const a = await readerOf(ids()[0]);
    await a.getByTestId('reader-mark-read').click();
    await expect.poll(() => a.getByTestId('reader-state').getAttribute('data-state')).toBe('read');
    await a.close();
    await lib.reload();
    await lib.getByTestId('dispatch-row').first().waitFor();
    expect(await lib.getByTestId('continue-reading').count()).toBe(0);
    await expectRows('read', [ids()[0], ids()[1]]);
    // With the reader's tag filter (the URL's place): the state list is filtered by both.
    await lib.goto(extUrl(ext, 'src/pages/library/index.html?tag=Suivi'));
    await lib.getByTestId('dispatch-row').first().waitFor();
    await expectRows('read', [ids()[1]]);
    await lib.getByTestId('filter-state').selectOption('');
  });

  it('the reader page writes the dispatch as a Markdown note with its highlights', async () => {
    const r = await readerOf(ids()[0]);
    const quote = await r.evaluate(() => {
      const p = document.querySelectorAll('[data-testid=reader-paragraph]')[0];
      const t = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const range = document.createRange();
      range.setStart(t, 0);
      range.setEnd(t, Math.min(30, t.data.length));
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return range.toString();
    });
    await r.getByTestId('hl-note').click();
    await r.getByTestId('hl-note-input').fill('Une note : à suivre');
    await r.getByTestId('hl-note-save').click();
    await r.locator('mark.vr-hl').first().waitFor();
    const [dl] = await Promise.all([r.waitForEvent('download'), r.getByTestId('reader-markdown').click()]);
    expect(dl.suggestedFilename()).toMatch(/\(\d+\)\.md$/);
    const md = readFileSync((await dl.path())!, 'utf8');
    const a = items[0].article;
    expect(md.startsWith('---\n')).toBe(true);
    expect(md).toContain(`title: ${JSON.stringify(a.title)}`);
    expect(md).toContain(`url: ${JSON.stringify(a.url)}`);
    expect(md).toContain(`site: ${JSON.stringify(a.site)}`);
    expect(md).toContain(`published: ${JSON.stringify(a.published)}`);
    expect(md).toMatch(/\nentities:\n {2}people:\n/);
    const person = items[0].entities.find((e: any) => e.type === 'PER');
    if (person) expect(md).toContain(`    - ${JSON.stringify(person.name)}`);
    expect(md).toContain('status: "read"');
    expect(md).toContain(`> ${quote}`);
    expect(md).toContain('Une note : à suivre');
    expect(md).toContain(`# ${a.title.slice(0, 20)}`);
    await r.close();
  });

  it('the library exports a filtered selection as a ZIP of Markdown notes', async () => {
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await lib.getByTestId('filter-state').selectOption('read');
    await expect.poll(() => lib.getByTestId('dispatch-row').count()).toBe(2);
    const [dl] = await Promise.all([lib.waitForEvent('download'), lib.getByTestId('markdown-export').click()]);
    expect(dl.suggestedFilename()).toMatch(/^vna-reader-notes-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync((await dl.path())!)));
    const names = Object.keys(files);
    expect(names).toHaveLength(2);
    const texts = names.map((n) => strFromU8(files[n]));
    const titles = texts.map((t) => JSON.parse(/\ntitle: (.*)\n/.exec(t)![1]));
    expect(titles.sort()).toEqual([items[0].article.title, items[1].article.title].sort());
    expect(texts.every((t) => t.includes('status: "read"'))).toBe(true);
    expect(texts.some((t) => t.includes('Une note : à suivre'))).toBe(true);
    expect(await lib.getByTestId('markdown-status').getAttribute('data-count')).toBe('2');
  });
});
