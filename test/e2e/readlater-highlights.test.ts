// Highlights and notes in real Chromium: made in the overlay on a live (unsaved) article, which
// saves the dispatch; shown again when the overlay is reopened and in the reader page; made with
// a note in the reader page; still there after a reload; edited and deleted in place; listed,
// searched, edited and deleted in the library's highlights view; and back after export and
// import into a fresh profile.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extUrl, fixture, launchExtension, type Ext } from './harness';
import { canonicalUrl, importThroughLibrary, inReader, openVnaTab, toggleReader } from './reader-support';
import { MARKS, pageMarks, rawStore, selectFn, type Mark } from './readlater-support';

const DIST = process.env.VNA_DIST;
const FILE = 'seed-001.new.html';
const URL_ = canonicalUrl(fixture(FILE));

describe('highlights and notes', () => {
  let ext: Ext;
  let first = '';
  let second = '';
  let id = '';
  beforeAll(async () => {
    ext = await launchExtension({ dist: DIST });
    ext.serveFixture(URL_, FILE);
  });
  afterAll(() => ext?.close());

  it('in the overlay on a live article: select, pick a colour; the dispatch is saved with it', async () => {
    const { page, tabId } = await openVnaTab(ext, URL_);
    expect(await toggleReader(ext, tabId, true)).toEqual({ open: true });
    first = await inReader<string>(page, selectFn(1, 4, 48));
    expect(first.length).toBe(44);
    await expect.poll(() => inReader<boolean>(page, `function () { return !this.querySelector('[data-testid=hl-bar]').hidden; }`)).toBe(true);
    await page.screenshot({ path: '.tmp/readlater-overlay-bar.png' });
    await inReader(page, `function () { this.querySelector('[data-testid=hl-color-green]').click(); }`);
    await expect.poll(() => inReader<Mark[]>(page, MARKS)).toHaveLength(1);
    const [m] = await inReader<Mark[]>(page, MARKS);
    expect(m).toMatchObject({ text: first, color: 'vr-hl-green' });
    // Saved with the dispatch (it was not saved before).
    const libPage = await ext.context.newPage();
    await libPage.goto(extUrl(ext, 'src/pages/library/index.html'));
    const dispatches = await rawStore(libPage, 'dispatches');
    expect(dispatches).toHaveLength(1);
    id = dispatches[0].id;
    const hls = await rawStore(libPage, 'highlights');
    expect(hls).toHaveLength(1);
    expect(hls[0]).toMatchObject({ dispatchId: id, color: 'green', anchor: { field: 'body', index: expect.any(Number), exact: first } });
    expect(hls[0].anchor.prefix.length).toBeGreaterThan(0);
    await libPage.close();
    // Closed and opened again: drawn again.
    await toggleReader(ext, tabId, false);
    await toggleReader(ext, tabId, true);
    await expect.poll(async () => (await inReader<Mark[]>(page, MARKS)).map((x) => x.text)).toEqual([first]);
    await page.close();
  });

  it('in the reader page: a highlight with a note, both still there after a reload', async () => {
    const reader = await ext.context.newPage();
    await reader.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(id)}`));
    await reader.locator('body[data-ready=true]').waitFor();
    expect((await pageMarks(reader)).map((m) => m.text)).toEqual([first]);
    second = await reader.evaluate(`(${selectFn(3, 0, 30)}).call(document)`) as string;
    await reader.getByTestId('hl-bar').waitFor();
    await reader.getByTestId('hl-note').click();
    await reader.getByTestId('hl-note-input').fill('À comparer avec la dépêche de mars.');
    await reader.getByTestId('hl-edit-color-pink').click();
    await reader.getByTestId('hl-note-save').click();
    await expect.poll(async () => (await pageMarks(reader)).length).toBe(2);
    await reader.reload();
    await reader.locator('body[data-ready=true]').waitFor();
    const marks = await pageMarks(reader);
    expect(marks.map((m) => [m.text, m.color, m.note])).toEqual([
      [first, 'vr-hl-green', ''],
      [second, 'vr-hl-pink', 'À comparer avec la dépêche de mars.'],
    ]);
    await reader.locator('mark.vr-hl').first().scrollIntoViewIfNeeded();
    await reader.screenshot({ path: '.tmp/readlater-highlights.png' });
    // Edit in place: click the first, give it a note and another colour; it stays after reload.
    await reader.locator(`mark.vr-hl[data-hl-id="${marks[0].id}"]`).first().click();
    await reader.getByTestId('hl-editor').waitFor();
    await reader.getByTestId('hl-edit-color-blue').click();
    await reader.getByTestId('hl-note-input').fill('Chiffre clé');
    await reader.getByTestId('hl-note-save').click();
    // Stored once the editor closes and the mark carries the note.
    await reader.getByTestId('hl-editor').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await pageMarks(reader))[0].note).toBe('Chiffre clé');
    await reader.reload();
    await reader.locator('body[data-ready=true]').waitFor();
    expect((await pageMarks(reader)).map((m) => [m.color, m.note])).toEqual([['vr-hl-blue', 'Chiffre clé'], ['vr-hl-pink', 'À comparer avec la dépêche de mars.']]);
    await reader.close();
  });

  it('the library lists every highlight, searchable, editable and deletable', async () => {
    const lib = await ext.context.newPage();
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    await lib.getByTestId('open-highlights').click();
    await lib.getByTestId('highlights-view').waitFor();
    await expect.poll(() => lib.getByTestId('highlight-item').count()).toBe(2);
    await lib.getByTestId('highlights-search').fill('depeche de mars');
    await expect.poll(() => lib.getByTestId('highlight-item').count()).toBe(1);
    expect(await lib.getByTestId('highlight-quote').innerText()).toBe(second);
    await lib.getByTestId('highlight-edit').click();
    await lib.getByTestId('highlight-note-input').fill('À comparer avec la dépêche de mars (vérifié).');
    await lib.getByTestId('highlight-save').click();
    await expect.poll(() => lib.getByTestId('highlight-note').innerText()).toBe('À comparer avec la dépêche de mars (vérifié).');
    await lib.getByTestId('highlights-search').fill('');
    await expect.poll(() => lib.getByTestId('highlight-item').count()).toBe(2);
    await lib.reload();
    await expect.poll(() => lib.getByTestId('highlight-item').count()).toBe(2);
    // A highlight's link opens the reader page on it.
    const [opened] = await Promise.all([lib.waitForEvent('framenavigated'), lib.getByTestId('highlight-dispatch').last().click()]);
    void opened;
    await lib.locator('body[data-ready=true]').waitFor();
    const hash = decodeURIComponent(new URL(lib.url()).hash.slice(1));
    expect(await lib.locator(`mark.vr-hl[data-hl-id="${hash}"]`).first().isVisible()).toBe(true);
    expect(await lib.locator(`mark.vr-hl[data-hl-id="${hash}"]`).first().evaluate((m) => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    await lib.goBack();
    await lib.getByTestId('highlights-view').waitFor();
    expect(await lib.getByTestId('highlight-note').allInnerTexts()).toEqual(expect.arrayContaining(['À comparer avec la dépêche de mars (vérifié).', 'Chiffre clé']));
    await lib.close();
  });

  it('export, import into a fresh profile: the highlights are in the reader page there', async () => {
    const lib = await ext.context.newPage();
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    const [download] = await Promise.all([lib.waitForEvent('download'), lib.getByTestId('export').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(text).readLater.highlights).toHaveLength(2);
    const fresh = await launchExtension({ dist: DIST });
    try {
      const other = await fresh.context.newPage();
      await other.goto(extUrl(fresh, 'src/pages/library/index.html'));
      await other.getByTestId('library').waitFor();
      await importThroughLibrary(other, text);
      await other.goto(extUrl(fresh, `src/pages/reader/index.html?id=${encodeURIComponent(id)}`));
      await other.locator('body[data-ready=true]').waitFor();
      expect((await pageMarks(other)).map((m) => [m.text, m.note])).toEqual([[first, 'Chiffre clé'], [second, 'À comparer avec la dépêche de mars (vérifié).']]);
    } finally {
      await fresh.close();
    }
    // Delete in the library; the reader page no longer shows it.
    await lib.goto(extUrl(ext, 'src/pages/library/index.html?view=highlights'));
    await expect.poll(() => lib.getByTestId('highlight-item').count()).toBe(2);
    await lib.getByTestId('highlight-delete').first().click();
    await expect.poll(() => lib.getByTestId('highlight-item').count()).toBe(1);
    const reader = await ext.context.newPage();
    await reader.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(id)}`));
    await reader.locator('body[data-ready=true]').waitFor();
    expect(await pageMarks(reader)).toHaveLength(1);
    await reader.close();
    await lib.close();
  });
});
