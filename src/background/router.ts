import browser from 'webextension-polyfill';
import type { BackgroundRequest, BackgroundResponse } from '../shared/messages';
import { makeRouter } from '../shared/rpc';
import * as archive from './archive';
import { updateBadge } from './badge';
import { saveArticle, unsaveArticle } from './saving';
import * as readlater from './readlater';
import { runPhotoQueue } from './photos';
import { shortcuts } from './shortcuts';

interface Ctx { tabId: number | undefined }

export function installBackgroundRouter(): void {
  browser.runtime.onMessage.addListener(
    makeRouter<BackgroundRequest, BackgroundResponse, Ctx>('bg/', {
      'bg/articleSeen': async ({ article, entities }, { tabId }) => ({
        related: tabId !== undefined ? await updateBadge(tabId, article, entities) : (await archive.related(article, entities, 10)).length,
      }),
      'bg/save': ({ article, entities }) => saveArticle(article, entities),
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
      'bg/photoUrls': ({ id }) => readlater.keptPhotoUrls(id),
      'bg/photoData': ({ id, url }) => readlater.photoData(id, url),
      'bg/photosRetry': () => runPhotoQueue({ force: true }),
      'bg/highlights': ({ id }) => readlater.highlightsFor(id),
      'bg/highlightAdd': ({ article, entities, anchor, color, note }) => readlater.highlightAdd(article, entities, anchor, color, note),
      'bg/highlightUpdate': ({ id, color, note }) => readlater.highlightUpdate(id, { color, note }),
      'bg/highlightRemove': ({ id }) => readlater.highlightRemove(id),
      'bg/shortcuts': () => shortcuts(),
    }, (sender) => ({ tabId: sender.tab?.id })),
  );
}
