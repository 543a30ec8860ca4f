// Issue 16 "one writer, one change signal" (and 13 "stale badges") in real Chromium: every
// archive change goes through the background and is announced once; the popup, the library,
// the reader page and the badges follow it without a reload, and the background recounts
// badges from what each tab already reported instead of pulling every tab's article again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { extUrl, gold, launchExtension, openPopup, saveFromPopup, type Ext } from './harness';
import { openVnaTab } from './reader-support';

const A = 'seed-004';
const B = 'seed-000';
const A_ID = 'fr.vietnamplus.vn:238758';
const badge = (ext: Ext, tabId: number) => ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** Counts, inside the content script's own (isolated) world, the getArticle requests its tab receives. */
async function countArticleRequests(page: Page): Promise<{ read: () => Promise<number>; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as never));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && /VNA Reader/.test(c.name))).toBe(true);
  const ctx = contexts.find((c) => c.auxData?.type === 'isolated' && /VNA Reader/.test(c.name))!;
  const evaluate = async (expression: string) => (await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, returnByValue: true })).result.value;
  await evaluate(`globalThis.__pulls = 0; chrome.runtime.onMessage.addListener((m) => { if (m && m.type === 'content/getArticle') globalThis.__pulls++; }); true`);
  return { read: () => evaluate('globalThis.__pulls'), cdp };
}

describe('trust: one writer, one change signal', () => {
  let ext: Ext;
  let tabA = 0;
  let pageA: Page;
  let tabB = 0;

  beforeAll(async () => {
    ext = await launchExtension();
    for (const s of [A, B]) ext.serveFixture(gold(s).url, `${s}.new.html`);
    ({ page: pageA, tabId: tabA } = await openVnaTab(ext, gold(A).url));
    ({ tabId: tabB } = await openVnaTab(ext, gold(B).url));
  });
  afterAll(() => ext?.close());

  it('the popup, the reader page, the library and the badge follow a change made elsewhere', async () => {
    await saveFromPopup(ext, tabA);
    await saveFromPopup(ext, tabB);
    await expect.poll(() => badge(ext, tabA)).toBe('✓1');
    const popup = await openPopup(ext, tabA);
    const save = popup.getByTestId('save');
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => popup.getByTestId('related').count()).toBe(1);
    const reader = await ext.context.newPage();
    await reader.goto(extUrl(ext, `src/pages/reader/index.html?id=${encodeURIComponent(A_ID)}`));
    await reader.locator('body[data-ready=true]').waitFor();
    expect(await reader.getByTestId('reader-tag').count()).toBe(0);
    const lib = await ext.context.newPage();
    await lib.goto(extUrl(ext, 'src/pages/library/index.html'));
    const row = lib.locator(`[data-testid=dispatch-row][data-id="${A_ID}"]`);
    await row.waitFor();

    // Tags and note typed in the library show in the open reader page.
    await row.getByTestId('edit').click();
    await row.getByTestId('tags-input').fill('ONU, Migrations');
    await row.getByTestId('note-input').fill('Relire avec le rapport 2024.');
    await row.getByTestId('note-input').press('Control+Enter');
    await expect.poll(() => reader.getByTestId('reader-tag').allInnerTexts()).toEqual(['ONU', 'Migrations']);
    expect(await reader.getByTestId('reader-note').innerText()).toBe('Relire avec le rapport 2024.');
    await row.getByTestId('edit').click();

    // A delete in the library: the open popup is no longer "Saved", the badge loses its ✓.
    await row.getByTestId('delete').click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => badge(ext, tabA)).toBe('1');
    // The related dispatch B removed: the popup's related list empties by itself.
    const rowB = lib.locator('[data-testid=dispatch-row][data-id="fr.vietnamplus.vn:128832"]');
    await lib.getByTestId('undo').click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    await rowB.getByTestId('delete').click();
    await expect.poll(() => popup.getByTestId('no-related').count()).toBe(1);
    await expect.poll(() => badge(ext, tabA)).toBe('✓');
    await lib.getByTestId('undo').click();
    await expect.poll(() => popup.getByTestId('related').count()).toBe(1);
    await expect.poll(() => badge(ext, tabA)).toBe('✓1');
    await Promise.all([popup.close(), reader.close(), lib.close()]);
  });

  it('after a save, badges are recounted without pulling the article from every tab again', async () => {
    const counter = await countArticleRequests(pageA);
    // Unsave and save B (from its own popup): A's badge changes twice.
    const popup = await openPopup(ext, tabB);
    const save = popup.getByTestId('save');
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    const pullsBefore = await counter.read();
    await save.click();
    await expect.poll(() => badge(ext, tabA)).toBe('✓');
    await save.click();
    await expect.poll(() => badge(ext, tabA)).toBe('✓1');
    expect(await counter.read()).toBe(pullsBefore);
    await popup.close();
    await counter.cdp.detach();
  });
});
