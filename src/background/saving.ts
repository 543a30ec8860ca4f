// Every change to the archive made through the background, from the popup, the context menu
// or the keyboard: after it, the change is announced once and the badges recounted.
// A save from a tab is checked first (issue #18): the article must be the one the browser
// says the tab shows (page-origin.ts), and a re-save must not silently replace the reader's
// copy with a materially different text (revision.ts).
import { ext as browser } from '../shared/webext';
import type { Article, Entity } from '../core/types';
import type { SaveOutcome } from '../shared/messages';
import { t } from '../shared/i18n';
import { toTab } from '../shared/rpc';
import { keepVnaImages } from '../reader/image-hosts';
import * as archive from './archive';
import { archiveChanged } from './changed';
import { keepPhotosOffline } from './offline-photos';
import { originProblem } from './page-origin';
import { briefOf, dropRevision, getRevision, putRevision } from './revision';
import { materiallyDifferent } from './text-change';

/**
 * Saves an article. A dispatch already saved keeps the reader's copy when the new text
 * differs materially: the new one is kept aside as a pending revision and the outcome
 * says so (code `revision`), in words the popup shows as they are.
 */
export async function saveArticle(page: Article, entities: Entity[]): Promise<SaveOutcome> {
  // A saved copy never calls a third-party host: photos off VNA's hosts keep only their caption.
  const article = keepVnaImages(page);
  let old;
  try {
    old = await archive.get(article.id);
  } catch {
    old = undefined;
  }
  if (old && materiallyDifferent(old.article, article)) {
    try {
      await putRevision(article, entities, old.article.title);
    } catch {
      // Could not keep the page's version aside: the reader's copy is still kept.
    }
    return { ok: false, code: 'revision', error: t('saveKeptRevision', old.article.title) };
  }
  const r = await archive.save(article, entities);
  if (r.ok) {
    dropRevision(r.id).catch(() => {});
    archiveChanged('save', [r.id]);
    // Photos are fetched after the answer: a save never waits for the network.
    keepPhotosOffline(article).catch(() => 0);
  }
  return r;
}

/**
 * Saves what a tab shows: the article is read again from the tab's content script (never
 * taken from the caller) and its addresses are checked against the tab's URL as the
 * browser reports it.
 */
export async function saveFromTab(tabId: number, knownTabUrl?: string): Promise<SaveOutcome> {
  let state;
  let tabUrl = knownTabUrl;
  try {
    if (tabUrl === undefined) tabUrl = (await browser.tabs.get(tabId)).url;
    state = await toTab(tabId, { type: 'content/getArticle' });
  } catch {
    return { ok: false, error: t('errorSave') };
  }
  if (!state?.ok) return { ok: false, error: t('errorSave') };
  const problem = originProblem(state.article, state.origin, tabUrl);
  if (problem) return { ok: false, code: 'origin', error: t(problem === 'canonical' ? 'saveRefusedCanonical' : 'saveRefusedAddress') };
  return saveArticle(state.article, state.entities);
}

export async function unsaveArticle(id: string) {
  const r = await archive.remove(id);
  if (r.ok) {
    dropRevision(id).catch(() => {});
    archiveChanged('remove', [id]);
  }
  return r;
}

/** The pending revision of a saved dispatch, if a re-save was kept aside. */
export async function pendingRevision(id: string) {
  const rec = await getRevision(id).catch(() => null);
  return rec ? briefOf(id, rec) : null;
}

/** The reader's choice on a pending revision: keep the saved copy, or replace it with the page's version. */
export async function resolveRevision(id: string, use: 'saved' | 'page'): Promise<{ ok: boolean; error?: string }> {
  const rec = await getRevision(id).catch(() => null);
  if (!rec) return { ok: false, error: t('errorSave') };
  if (use === 'page') {
    const r = await archive.save(keepVnaImages(rec.article), rec.entities);
    if (!r.ok) return { ok: false, error: r.error };
    archiveChanged('save', [id]);
  }
  await dropRevision(id).catch(() => {});
  return { ok: true };
}
