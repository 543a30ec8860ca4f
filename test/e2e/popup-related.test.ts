// Issue #6: related saved dispatches in the popup and the toolbar badge. Other fixture articles
// are saved through their own popups, then an article sharing entities with them lists them
// (with the shared entities) and the badge shows their number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openArticle, openPopup, gold, saveFromPopup, type Ext } from './harness';

const SEEDS = ['seed-000', 'seed-001', 'seed-003', 'seed-004'] as const;
const URLS = Object.fromEntries(SEEDS.map((s) => [s, gold(s).url as string]));
const TARGET = 'seed-004'; // Vietnam, Nations Unies… shared with seed-000 and seed-003.

const badgeOf = (ext: Ext, tabId: number) =>
  ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

async function relatedIds(popup: Page): Promise<string[]> {
  await popup.getByTestId('related-list').waitFor();
  await expect.poll(async () => (await popup.getByTestId('related').count()) > 0 || (await popup.getByTestId('no-related').count()) > 0).toBe(true);
  return popup.$$eval('[data-testid=related]', (els) => els.map((e) => e.getAttribute('data-id')!));
}

describe('popup: related saved dispatches and the badge', () => {
  let ext: Ext;
  const tabs: Record<string, number> = {};
  beforeAll(async () => {
    ext = await launchExtension();
    for (const s of SEEDS) ext.serveFixture(URLS[s], `${s}.new.html`);
  });
  afterAll(() => ext?.close());

  it('with nothing saved: no related dispatch, empty badge', async () => {
    const { tabId } = await openArticle(ext, URLS[TARGET]);
    tabs[TARGET] = tabId;
    const popup = await openPopup(ext, tabId);
    expect(await relatedIds(popup)).toEqual([]);
    expect(await badgeOf(ext, tabId)).toBe('');
    await popup.close();
  });

  it('after saving other articles: lists them with title, date, site and shared entities; badge = count', async () => {
    for (const s of SEEDS.filter((x) => x !== TARGET)) {
      const { tabId } = await openArticle(ext, URLS[s]);
      tabs[s] = tabId;
      await saveFromPopup(ext, tabId);
    }
    const popup = await openPopup(ext, tabs[TARGET]);
    await expect.poll(() => popup.getByTestId('related').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const ids = await relatedIds(popup);
    // seed-000 and seed-003 share several entities with seed-004 (Vietnam, Nations Unies).
    expect(ids).toContain('fr.vietnamplus.vn:128832');
    expect(ids).toContain('fr.vietnamplus.vn:200333');
    expect(ids).not.toContain('fr.vietnamplus.vn:238758');
    const first = popup.getByTestId('related').first();
    const text = (await first.textContent()) ?? '';
    expect(text).toContain('VietnamPlus (fr)');
    expect(text).toMatch(/2019|2025/);
    expect(await first.getByTestId('related-shared').textContent()).toMatch(/Viet ?nam|Nations/i);
    // The badge of the target tab equals the number of related saved dispatches (refreshed
    // after each save without reloading the tab).
    await expect.poll(() => badgeOf(ext, tabs[TARGET]), { timeout: 10_000 }).toBe(String(ids.length));

    // Opening a related item shows the saved copy in the reader page.
    const [reader] = await Promise.all([
      ext.context.waitForEvent('page', { timeout: 10_000 }),
      first.click(),
    ]);
    expect(reader.url()).toContain(`src/pages/reader/index.html?id=${encodeURIComponent(ids[0])}`);
    await reader.close();
    await popup.close();
  });

  it('an entity lists the saved dispatches that mention it', async () => {
    const popup = await openPopup(ext, tabs[TARGET]);
    await popup.getByTestId('entity').first().waitFor();
    const vn = popup.locator('[data-testid=entity][data-type=LOC]').filter({ hasText: /^Vi[eê]t ?Nam/i }).first();
    await vn.click();
    await popup.getByTestId('entity-panel').waitFor();
    await expect.poll(() => popup.getByTestId('entity-dispatch').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await popup.close();
  });

  it('a freshly opened related article shows the badge from bg/articleSeen', async () => {
    // Reload the target: the content script reports it again and the background sets the badge.
    const page = ext.context.pages().find((p) => p.url() === URLS[TARGET])!;
    await page.reload();
    const popup = await openPopup(ext, tabs[TARGET]);
    const n = (await relatedIds(popup)).length;
    expect(n).toBeGreaterThan(0);
    await expect.poll(() => badgeOf(ext, tabs[TARGET]), { timeout: 10_000 }).toBe(String(n));
    await popup.close();
  });
});
