// Issue #6, the toolbar popup, in real Chromium: article with entities, non-article tabs,
// save/unsave, highlighting in the live page, keyboard use, and the action buttons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openArticle, openPopup, tabIdOf, gold, type Ext } from './harness';

const G0 = gold('seed-000');
const URL0: string = G0.url;
const HOME = 'https://fr.vietnamplus.vn/';

async function entitiesOf(popup: Page) {
  await popup.getByTestId('entity').first().waitFor();
  return popup.$$eval('[data-testid=entity]', (els) => els.map((el) => ({
    type: el.getAttribute('data-type'),
    key: el.getAttribute('data-key'),
    name: el.querySelector('.entity-name')?.textContent ?? '',
    detail: el.querySelector('[data-testid=entity-detail]')?.textContent ?? '',
    count: Number(el.querySelector('[data-testid=entity-count]')?.textContent),
    pressed: el.getAttribute('aria-pressed'),
  })));
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('popup on a VNA article', () => {
  let ext: Ext;
  beforeAll(async () => {
    ext = await launchExtension();
    ext.serveFixture(URL0, 'seed-000.new.html');
    ext.serve(HOME, '<html><body><h1>VietnamPlus</h1><p>Accueil</p></body></html>');
    ext.serve('https://example.com/', '<html><body><h1>Not VNA</h1></body></html>');
  });
  afterAll(() => ext?.close());

  it('shows title, date, reading time and the entities grouped by type with roles and counts', async () => {
    const { tabId } = await openArticle(ext, URL0);
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('article').waitFor();
    expect(await popup.getByTestId('article-title').textContent()).toBe(G0.title);
    expect(await popup.getByTestId('article-date').getAttribute('datetime')).toMatch(/^2019-10-21/);
    expect(await popup.getByTestId('reading-time').textContent()).toMatch(/\d/);

    const items = await entitiesOf(popup);
    for (const it of items) {
      expect(['PER', 'ORG', 'LOC', 'EVENT', 'DATE']).toContain(it.type);
      expect(it.key).toBeTruthy();
      expect(it.count).toBeGreaterThan(0);
      expect(it.pressed).toBe('false');
    }
    // Groups appear in the fixed order PER, ORG, LOC, EVENT, DATE.
    const order = ['PER', 'ORG', 'LOC', 'EVENT', 'DATE'];
    const seen = items.map((i) => order.indexOf(i.type!));
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    // The gold people are there, as PER, with their role.
    const people = G0.entities.filter((e: any) => e.type === 'PER');
    for (const p of people) {
      const hit = items.find((i) => i.type === 'PER' && fold(i.name).includes(fold(p.name)));
      expect(hit, `PER ${p.name}`).toBeTruthy();
      // The role shown overlaps the gold role (the entity core decides its exact extent).
      const words = fold(p.role).split(/[^\p{L}-]+/u).filter((w) => w.length > 3);
      expect(words.some((w) => fold(hit!.detail).includes(w)), `role of ${p.name}: ${hit!.detail}`).toBe(true);
    }
    // Every gold type present in the article shows up as a group.
    const types = new Set(items.map((i) => i.type));
    for (const t of ['PER', 'ORG', 'LOC']) expect(types.has(t), t).toBe(true);
    // A DATE shows its ISO value; an ORG with an all-caps alias shows it (UE for Union européenne).
    // Issue 13: a DATE shows its French name only; its ISO value is the <time> datetime, not a
    // second line repeating it.
    const date = items.find((i) => i.type === 'DATE');
    if (date) {
      expect(date.detail).toBe('');
      expect(await popup.locator(`[data-testid=entity][data-key="${date.key}"] time`).getAttribute('datetime')).toMatch(/^\d{4}(-\d{2}){0,2}/);
    }
    const ue = items.find((i) => i.type === 'ORG' && fold(i.name).includes('union europeenne'));
    if (ue) expect(ue.detail).toContain('UE');
    // Each group's dot has its type's colour from core/entity-types.ts (the popup's sheet lists no type).
    const dot = (type: string) => popup.evaluate((t) => getComputedStyle(document.querySelector(`[data-testid=entity][data-type="${t}"]`)!, '::before').backgroundColor, type);
    expect(await dot('PER')).toBe('rgb(123, 63, 160)');
    expect(await dot('LOC')).toBe('rgb(46, 125, 50)');
    await popup.close();
  });

  it('highlights an entity\'s mentions in the page, and clears them on a second press', async () => {
    const page = ext.context.pages().find((p) => p.url() === URL0)!;
    const tabId = await tabIdOf(ext, URL0);
    const popup = await openPopup(ext, tabId);
    const items = await entitiesOf(popup);
    const loc = items.find((i) => i.type === 'LOC' && fold(i.name) === 'vietnam') ?? items.find((i) => i.type === 'LOC')!;
    const btn = popup.locator(`[data-testid=entity][data-key="${loc.key}"]`);
    await btn.click();
    await expect.poll(() => btn.getAttribute('aria-pressed')).toBe('true');
    const size = () => page.evaluate(() => (CSS as any).highlights?.get('vna-entity')?.size ?? document.querySelectorAll('mark[data-vna-reader-mark]').length);
    await expect.poll(size).toBeGreaterThan(0);
    const n = await size();
    // The count reported to the reader is the number of ranges in the page.
    await expect.poll(() => popup.getByTestId('highlight-status').textContent()).toContain(String(n));
    // No page HTML was inserted: the highlight lives in the registry, not in the DOM.
    expect(await page.evaluate(() => document.querySelectorAll('mark').length)).toBe(0);
    // The highlight panel offers the saved dispatches that mention the entity.
    await popup.getByTestId('entity-panel').waitFor();
    expect(await popup.getByTestId('entity-library').isVisible()).toBe(true);
    await btn.click();
    await expect.poll(() => btn.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(size).toBe(0);
    await popup.close();
  });

  it('is fully keyboard-usable: arrows move between entities, Enter toggles, focus is visible', async () => {
    const tabId = await tabIdOf(ext, URL0);
    const popup = await openPopup(ext, tabId);
    const items = await entitiesOf(popup);
    expect(items.length).toBeGreaterThan(2);
    const first = popup.getByTestId('entity').first();
    await first.focus();
    // Roving tab stop: one entity is tabbable, the others are reached with the arrows.
    expect(await popup.locator('[data-testid=entity][tabindex="0"]').count()).toBe(1);
    await popup.keyboard.press('ArrowDown');
    const focused = () => popup.evaluate(() => document.activeElement?.getAttribute('data-key'));
    expect(await focused()).toBe(items[1].key);
    await popup.keyboard.press('End');
    expect(await focused()).toBe(items[items.length - 1].key);
    await popup.keyboard.press('Home');
    expect(await focused()).toBe(items[0].key);
    await popup.keyboard.press('Enter');
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
    await popup.keyboard.press(' ');
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('false');
    const outline = await popup.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    // Every button has an accessible name.
    const unnamed = await popup.$$eval('button', (bs) => bs.filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim())).length);
    expect(unnamed).toBe(0);
    await popup.close();
  });

  it('saves, shows Saved (pressed), and unsaves on a second click; the state survives reopening', async () => {
    const tabId = await tabIdOf(ext, URL0);
    let popup = await openPopup(ext, tabId);
    const save = popup.getByTestId('save');
    await expect.poll(() => save.isEnabled()).toBe(true);
    expect(await save.getAttribute('aria-pressed')).toBe('false');
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    expect(await save.textContent()).toMatch(/^(Saved|Enregistrée)$/);
    await popup.close();

    popup = await openPopup(ext, tabId);
    const save2 = popup.getByTestId('save');
    await expect.poll(() => save2.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => save2.isEnabled()).toBe(true);
    await save2.click();
    await expect.poll(() => save2.getAttribute('aria-pressed')).toBe('false');
    expect(await save2.textContent()).toMatch(/^(Save|Enregistrer)$/);
    // Issue 13: an unsave is undoable from the popup (see trust.test.ts for the undo itself).
    expect(await popup.getByTestId('undo-unsave').isVisible()).toBe(true);
    await popup.close();

    popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.getByTestId('save').isEnabled()).toBe(true);
    expect(await popup.getByTestId('save').getAttribute('aria-pressed')).toBe('false');
    await popup.close();
  });

  it('Reader view asks the tab; Open library opens the library page', async () => {
    const tabId = await tabIdOf(ext, URL0);
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('reader').click();
    expect(await popup.getByTestId('notice').isHidden()).toBe(true);
    const [lib] = await Promise.all([
      ext.context.waitForEvent('page', { timeout: 10_000 }),
      popup.getByTestId('open-library').click(),
    ]);
    expect(lib.url()).toContain(`chrome-extension://${ext.id}/src/pages/library/index.html`);
    await lib.close();
    await popup.close();
  });

  it('shows the friendly not-article state on another site, a VNA non-article page and without a tab', async () => {
    // Without the `tabs` permission the worker cannot read a foreign tab's URL: the new tab is
    // the one id that was not there before.
    const ids = () => ext.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
    const before = await ids();
    const other = await ext.context.newPage();
    await other.goto('https://example.com/');
    const otherId = (await ids()).find((id) => !before.includes(id))!;
    expect(otherId).toBeTypeOf('number');
    const home = await openArticle(ext, HOME);
    for (const tabId of [otherId, home.tabId, null]) {
      const popup = await openPopup(ext, tabId);
      await popup.getByTestId('not-article').waitFor();
      expect(await popup.getByTestId('open-library').isVisible()).toBe(true);
      const text = (await popup.textContent('body')) ?? '';
      expect(text).not.toMatch(/Error|TypeError|at \w+ \(|undefined/);
      expect(await popup.getByTestId('entity').count()).toBe(0);
      await popup.close();
    }
    await other.close();
  });
});
