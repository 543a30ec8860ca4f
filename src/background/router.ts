import browser from 'webextension-polyfill';
import type { BackgroundRequest, BackgroundResponse } from '../shared/messages';
import { makeRouter } from '../shared/rpc';
import * as archive from './archive';
import { updateBadge } from './badge';
import { pendingRevision, resolveRevision, saveArticle, saveFromTab, unsaveArticle } from './saving';

interface Ctx {
  tabId: number | undefined;
  /** Set only when a content script sent the message: its tab, and that tab's URL per the browser. */
  page: { tabId: number; tabUrl: string | undefined } | undefined;
}

/** A content script's message (an extension page opened in a tab has a tab too). */
function pageOf(sender: browser.Runtime.MessageSender): Ctx['page'] {
  if (sender.tab?.id === undefined) return undefined;
  if ((sender.url ?? '').startsWith(browser.runtime.getURL(''))) return undefined;
  return { tabId: sender.tab.id, tabUrl: sender.tab.url };
}

export function installBackgroundRouter(): void {
  browser.runtime.onMessage.addListener(
    makeRouter<BackgroundRequest, BackgroundResponse, Ctx>('bg/', {
      'bg/articleSeen': async ({ article, entities }, { tabId }) => ({
        related: tabId !== undefined ? await updateBadge(tabId, article, entities) : (await archive.related(article, entities, 10)).length,
      }),
      // From a content script, or from the popup naming its tab: the background reads the
      // article from that tab and checks it against the tab's URL (issue #18). Our other
      // extension pages save what they already hold.
      'bg/save': ({ article, entities, tabId }, { page }) =>
        page ? saveFromTab(page.tabId, page.tabUrl) : tabId !== undefined ? saveFromTab(tabId) : saveArticle(article, entities),
      'bg/revision': ({ id }) => pendingRevision(id),
      'bg/resolveRevision': ({ id, use }) => resolveRevision(id, use),
      'bg/unsave': ({ id }) => unsaveArticle(id),
      'bg/isSaved': async ({ id }) => ({ saved: await archive.isSaved(id) }),
      'bg/related': ({ article, entities, k }) => archive.related(article, entities, k ?? 8),
      'bg/byEntity': ({ key }) => archive.byEntity(key),
      'bg/openReader': async ({ id }) => {
        await browser.tabs.create({ url: browser.runtime.getURL(`src/pages/reader/index.html?id=${encodeURIComponent(id)}`) });
        return { ok: true };
      },
      'bg/openLibrary': async ({ query, entity }) => {
        const q = entity ? `?entity=${encodeURIComponent(entity)}` : query ? `?q=${encodeURIComponent(query)}` : '';
        await browser.tabs.create({ url: browser.runtime.getURL(`src/pages/library/index.html${q}`) });
        return { ok: true };
      },
      'bg/stats': () => archive.stats(),
    }, (sender) => ({ tabId: sender.tab?.id, page: pageOf(sender) })),
  );
}
