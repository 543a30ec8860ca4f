import { ext as browser, type Browser } from '../shared/webext';
import type { BackgroundRequest, BackgroundResponse } from '../shared/messages';
import { makeRouter } from '../shared/rpc';
import { t } from '../shared/i18n';
import * as archive from './archive';
import { relatedOfView, updateBadge, withSiteLabels } from './badge';
import { pendingRevision, resolveRevision, saveArticle, saveFromTab, unsaveArticle } from './saving';
import * as readlater from './readlater';
import { runPhotoQueue } from './photos';
import { shortcuts } from './shortcuts';
import { archiveChanged } from './changed';
import { BADGE_K, viewOf } from './views';
import { watchTabs } from './badge-refresh';
import { dropAllPhotos } from './offline-photos';

interface Ctx {
  tabId: number | undefined;
  /** Sent by one of our extension pages (popup, library, reader), not by a content script. */
  fromPage: boolean;
  /** Set only when a content script sent the message: its tab, and that tab's URL per the browser. */
  page: { tabId: number; tabUrl: string | undefined } | undefined;
}

const isOurPage = (sender: Browser.Runtime.MessageSender) => (sender.url ?? '').startsWith(browser.runtime.getURL(''));

/** A content script's message (an extension page opened in a tab has a tab too). */
function pageOf(sender: Browser.Runtime.MessageSender): Ctx['page'] {
  if (sender.tab?.id === undefined || isOurPage(sender)) return undefined;
  return { tabId: sender.tab.id, tabUrl: sender.tab.url };
}

/** The library's writes are for our own pages only: a content script never sends them. */
const pageOnly = () => ({ ok: false as const, error: t('errPageOnly') });

export function installBackgroundRouter(): void {
  watchTabs();
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
      'bg/related': async ({ article, entities, k, tabId }) => {
        // The popup of a tab whose view the badge already counted: the same list, not a second computation.
        const v = tabId !== undefined ? viewOf(tabId) : undefined;
        const list = v && v.id === article.id && (k ?? 8) <= BADGE_K ? (await relatedOfView(v)).slice(0, k ?? 8) : await archive.related(article, entities, k ?? 8);
        return withSiteLabels(list);
      },
      'bg/undoRemove': async ({ id }, { fromPage }) => {
        if (!fromPage) return pageOnly();
        const r = await archive.undoRemove(id);
        if (r.ok && r.restored) archiveChanged('undo', [id]);
        return r;
      },
      'bg/setTags': async ({ id, tags }, { fromPage }) => {
        if (!fromPage) return pageOnly();
        const r = await archive.setTags(id, tags);
        if (r.ok) archiveChanged('tags', [id]);
        return r;
      },
      'bg/setNote': async ({ id, note }, { fromPage }) => {
        if (!fromPage) return pageOnly();
        const r = await archive.setNote(id, note);
        if (r.ok) archiveChanged('note', [id]);
        return r;
      },
      'bg/importBatch': async ({ dispatches }, { fromPage }) => {
        if (!fromPage) return pageOnly();
        const r = await archive.importBatch(dispatches);
        if (r.ok && r.added + r.updated > 0) archiveChanged('import', dispatches.map((d) => d.id));
        return r;
      },
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
      'bg/photoUrls': ({ id }) => readlater.keptPhotoUrls(id),
      'bg/photoData': ({ id, url }) => readlater.photoData(id, url),
      'bg/photosRetry': () => runPhotoQueue({ force: true }),
      'bg/highlights': ({ id }) => readlater.highlightsFor(id),
      'bg/highlightAdd': ({ article, entities, anchor, color, note }, { page }) => readlater.highlightAdd(article, entities, anchor, color, note, page),
      'bg/highlightUpdate': ({ id, color, note }) => readlater.highlightUpdate(id, { color, note }),
      'bg/highlightRemove': ({ id }) => readlater.highlightRemove(id),
      'bg/reading': async ({ id, write }, { fromPage }) => {
        if (!fromPage) return pageOnly();
        return archive.outcome(async () => ({ reading: await readlater.readingWrite(id, write) }));
      },
      'bg/importReadLater': async ({ part }, { fromPage }) => {
        if (!fromPage) return pageOnly();
        return archive.outcome(() => readlater.importReadLaterPart(part));
      },
      'bg/photosDrop': async (_, { fromPage }) => ({ dropped: fromPage ? await dropAllPhotos().catch(() => 0) : 0 }),
      'bg/forgetAll': async (_, { fromPage }) => {
        if (!fromPage) return pageOnly();
        const r = await archive.forgetAll();
        if (r.ok) archiveChanged('forget', []);
        return r;
      },
      'bg/shortcuts': () => shortcuts(),
    }, (sender) => ({ tabId: sender.tab?.id, fromPage: isOurPage(sender), page: pageOf(sender) })),
  );
}
