// Issue 17: the popup of an article tab shows the related list and saved state that the badge
// computed for that tab (kept in storage.session, src/shared/tab-answer.ts) with its first
// frame, with the service worker stopped and without asking it. Any archive write (a save
// elsewhere, "Forget everything" on the settings page) makes that answer stale, and the
// popup then asks the worker again, so it never shows a list the archive no longer gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, openArticle, openPopup, extUrl, gold, saveFromPopup, type Ext } from './harness';

const URL0 = gold('seed-000').url as string;
const URL3 = gold('seed-003').url as string;
const URL4 = gold('seed-004').url as string; // shares Vietnam, Nations Unies… with seed-000 and seed-003

/**
 * Records, in the popup, the messages it sends to the worker, and what the first-paint module
 * showed of the archive (related rows, save button) before the Preact view had loaded.
 */
async function popupWatched(ext: Ext, tabId: number): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { sent: string[]; first: unknown };
    w.sent = [];
    const rt = chrome.runtime as unknown as { sendMessage: (...a: unknown[]) => unknown };
    const send = rt.sendMessage.bind(rt);
    rt.sendMessage = (...a: unknown[]) => {
      w.sent.push(String((a[0] as { type?: string })?.type));
      return send(...a);
    };
    new MutationObserver(() => {
      if (w.first || performance.getEntriesByName('vna:view-loaded').length) return;
      const save = document.querySelector('[data-testid=save]');
      const ids = [...document.querySelectorAll('[data-testid=related]')].map((e) => e.getAttribute('data-id'));
      if (!ids.length || !save || save.hasAttribute('disabled')) return;
      w.first = { ids, pressed: save.getAttribute('aria-pressed') };
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(extUrl(ext, `src/popup/index.html?tab=${tabId}`), { waitUntil: 'commit' });
  return page;
}
const firstOf = (p: Page) => p.evaluate(() => (window as unknown as { first?: { ids: string[]; pressed: string } }).first ?? null);
const sentOf = (p: Page) => p.evaluate(() => (window as unknown as { sent: string[] }).sent);

async function workerRunning(cdp: CDPSession, extId: string): Promise<boolean> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
  return targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(extId));
}

describe('popup: the badge\'s answer for the tab (issue 17)', () => {
  let ext: Ext;
  let cdp: CDPSession;
  beforeAll(async () => {
    ext = await launchExtension();
    for (const [u, f] of [[URL0, 'seed-000.new.html'], [URL3, 'seed-003.new.html'], [URL4, 'seed-004.new.html']]) ext.serveFixture(u, f);
    const helper = await ext.context.newPage();
    await helper.goto(extUrl(ext, 'src/pages/options/index.html'));
    cdp = await ext.context.newCDPSession(helper);
  });
  afterAll(() => ext?.close());

  const stopWorker = async () => {
    await cdp.send('ServiceWorker.enable').catch(() => {});
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => workerRunning(cdp, ext.id)).toBe(false);
  };

  it('with the worker stopped: related list and saved state painted by the first frame, not asked of the worker', async () => {
    const { tabId: t0 } = await openArticle(ext, URL0);
    await saveFromPopup(ext, t0);
    const { tabId } = await openArticle(ext, URL4);
    // The tab's report at idle (bg/articleSeen) has counted the badge: one related dispatch.
    await expect.poll(() => ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 10_000 }).toBe('1');
    await stopWorker();
    const popup = await popupWatched(ext, tabId);
    // The view takes over with the same answer; the first frame had it already.
    await expect.poll(() => popup.evaluate(() => performance.getEntriesByName('vna:view-loaded').length)).toBe(1);
    expect(await popup.$$eval('[data-testid=related]', (els) => els.map((e) => e.getAttribute('data-id')))).toEqual(['fr.vietnamplus.vn:128832']);
    expect(await popup.getByTestId('save').getAttribute('aria-pressed')).toBe('false');
    expect(await firstOf(popup)).toEqual({ ids: ['fr.vietnamplus.vn:128832'], pressed: 'false' });
    // Neither was asked of the worker.
    const sent = await sentOf(popup);
    expect(sent).not.toContain('bg/related');
    expect(sent).not.toContain('bg/isSaved');
    await popup.close();
  });

  it('a save elsewhere: the popup lists the new one (stale answer dropped, the recount stores the new one)', async () => {
    const { tabId } = await openArticle(ext, URL4);
    const { tabId: t3 } = await openArticle(ext, URL3);
    await saveFromPopup(ext, t3);
    await stopWorker();
    const popup = await popupWatched(ext, tabId);
    await expect.poll(() => popup.$$eval('[data-testid=related]', (els) => els.map((e) => e.getAttribute('data-id')).sort()), { timeout: 10_000 })
      .toEqual(['fr.vietnamplus.vn:128832', 'fr.vietnamplus.vn:200333']);
    await popup.close();
  });

  it('"Forget everything" on the settings page makes it stale too: no related dispatch is shown', async () => {
    const { tabId } = await openArticle(ext, URL4);
    await expect.poll(() => ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 10_000 }).toBe('2');
    const options = await ext.context.newPage();
    await options.goto(extUrl(ext, 'src/pages/options/index.html'));
    await options.getByTestId('forget-start').click();
    await options.getByTestId('forget-confirm-yes').click();
    await options.getByTestId('forget-done').waitFor({ timeout: 10_000 });
    await options.close();
    const popup = await openPopup(ext, tabId);
    await popup.getByTestId('no-related').waitFor({ timeout: 10_000 });
    expect(await popup.getByTestId('related').count()).toBe(0);
    await popup.close();
  });
});
