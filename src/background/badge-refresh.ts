// After the archive changes, the badges of open VNA article tabs may be stale. Each tab's view
// (query built once, when the content script reported the article) is recounted; only a tab
// the background has not heard from in this worker life (the worker was restarted) is asked
// for its article, once.
import { ext as browser, type Browser } from '../shared/webext';
import { vnaPagePatterns } from '../shared/vna-pages';
import { toTab } from '../shared/rpc';
import { updateBadge, updateViewBadge } from './badge';
import { forgetView, viewOf } from './views';

let watching = false;
function watchTabs(): void {
  if (watching) return;
  watching = true;
  try {
    browser.tabs.onRemoved.addListener((tabId) => forgetView(tabId));
    // A navigation in the tab starts a new view (the content script reports it again).
    browser.tabs.onUpdated.addListener((tabId, info) => {
      if (info.status === 'loading') forgetView(tabId);
    });
  } catch {
    /* no tabs events here (tests) */
  }
}

export async function refreshBadges(): Promise<{ tabs: number }> {
  watchTabs();
  let tabs: Browser.Tabs.Tab[];
  try {
    tabs = await browser.tabs.query({ url: vnaPagePatterns() });
  } catch {
    return { tabs: 0 };
  }
  let n = 0;
  await Promise.all(tabs.map(async (tab) => {
    if (tab.id === undefined) return;
    try {
      const v = viewOf(tab.id);
      if (v) await updateViewBadge(tab.id, v);
      else {
        const state = await toTab(tab.id, { type: 'content/getArticle' });
        if (!state.ok) return;
        await updateBadge(tab.id, state.article, state.entities);
      }
      n++;
    } catch {
      // No content script in that tab (loaded before install) or the tab closed.
    }
  }));
  return { tabs: n };
}

export { watchTabs };
