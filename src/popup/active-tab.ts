import browser from 'webextension-polyfill';
import manifest from '../../manifest.json';

const tabParam = () => new URLSearchParams(location.search).get('tab');

/** True when the popup was opened as a page for a given tab (`?tab=<id>`), not as the popup. */
export function isEmbedded(): boolean {
  return !!tabParam();
}

/**
 * The tab the popup speaks for: the active tab, or the one named by `?tab=<id>` so tests and
 * the start script can open the popup as a page for a given tab.
 */
export async function targetTabId(): Promise<number | null> {
  const param = tabParam();
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function patternToRegExp(p: string): RegExp {
  const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(p) ?? [];
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const h = host?.startsWith('*.') ? `(?:[^/]+\\.)?${esc(host.slice(2))}` : esc(host ?? '');
  return new RegExp(`^${scheme === '*' ? 'https?' : scheme}://${h}${esc(path ?? '/').replace(/\*/g, '.*')}$`);
}

/** Whether the tab shows a page where the content script should run (VNA hosts). */
export async function isVnaTab(tabId: number): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.url) return false;
    return manifest.content_scripts[0].matches.some((p) => patternToRegExp(p).test(tab.url!));
  } catch {
    return false;
  }
}
