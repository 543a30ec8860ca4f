import browser from 'webextension-polyfill';
import type { BackgroundRequest, BackgroundResponse } from '../shared/messages';
import { makeRouter } from '../shared/rpc';
import * as archive from './archive';
import { updateBadge } from './badge';
import { saveArticle, unsaveArticle } from './saving';
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
      'bg/shortcuts': () => shortcuts(),
    }, (sender) => ({ tabId: sender.tab?.id })),
  );
}
