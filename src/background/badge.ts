import browser from 'webextension-polyfill';

/** The badge shows how many saved dispatches relate to the article in that tab. */
export async function setBadge(tabId: number, related: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#c41e3a' });
    await browser.action.setBadgeText({ tabId, text: related > 0 ? String(Math.min(related, 99)) : '' });
  } catch {
    // The tab may have closed in the meantime.
  }
}
