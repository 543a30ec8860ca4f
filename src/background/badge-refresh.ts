// After the archive changes (save/unsave), the related-count badge of every open VNA article
// tab may be stale: ask each tab's content script for its (cached) article and recount.
import browser from 'webextension-polyfill';
import { vnaPagePatterns } from '../shared/vna-pages';
import { toTab } from '../shared/rpc';
import { updateBadge } from './badge';

export async function refreshBadges(): Promise<{ tabs: number }> {
  let tabs: browser.Tabs.Tab[] = [];
  try {
    tabs = await browser.tabs.query({ url: vnaPagePatterns() });
  } catch {
    return { tabs: 0 };
  }
  let n = 0;
  await Promise.all(tabs.map(async (tab) => {
    if (tab.id === undefined) return;
    try {
      const state = await toTab(tab.id, { type: 'content/getArticle' });
      if (!state.ok) return;
      await updateBadge(tab.id, state.article, state.entities);
      n++;
    } catch {
      // No content script in that tab (loaded before install) or the tab closed.
    }
  }));
  return { tabs: n };
}
