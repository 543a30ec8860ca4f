import { ext as browser } from '../shared/webext';

const tabParam = () => new URLSearchParams(location.search).get('tab');

/** True when the popup was opened as a page for a given tab (`?tab=<id>`), not as the popup. */
export function isEmbedded(): boolean {
  return !!tabParam();
}

/** The tab named by `?tab=<id>`, known synchronously; null for the real popup. */
export function namedTabId(): number | null {
  const param = tabParam();
  return param && /^\d+$/.test(param) ? Number(param) : null;
}

/**
 * The tab the popup speaks for: the active tab, or the one named by `?tab=<id>` so tests and
 * the start script can open the popup as a page for a given tab.
 */
export async function targetTabId(): Promise<number | null> {
  const named = namedTabId();
  if (named !== null) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Whether the tab shows a page where the content script should run (VNA hosts). */
export async function isVnaTab(tabId: number): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.url) return false;
    // Only asked when the tab did not answer: the host patterns are not loaded before the first paint.
    const { isVnaPage } = await import('../shared/vna-pages');
    return isVnaPage(tab.url);
  } catch {
    return false;
  }
}
