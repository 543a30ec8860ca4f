import browser from 'webextension-polyfill';

/**
 * The tab the popup speaks for: the active tab, or the one named by `?tab=<id>` so tests and
 * the start script can open the popup as a page for a given tab.
 */
export async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
