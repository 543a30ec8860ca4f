import browser from 'webextension-polyfill';
import type { Article, Entity } from '../core/types';
import * as archive from './archive';
import { getBadgeMode } from '../shared/settings';

/** The badge shows how many saved dispatches relate to the article in that tab. */
export async function setBadge(tabId: number, related: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#c41e3a' });
    await browser.action.setBadgeText({ tabId, text: related > 0 ? String(Math.min(related, 99)) : '' });
  } catch {
    // The tab may have closed in the meantime.
  }
}

/** Counts the saved dispatches related to a tab's article and shows that number on its badge. */
export async function updateBadge(tabId: number, article: Article, entities: Entity[]): Promise<number> {
  const related = (await archive.related(article, entities, 10)).length;
  // The settings page's badge choice: related count (default), saved state, or nothing.
  const mode = await getBadgeMode();
  if (mode === 'related') await setBadge(tabId, related);
  else if (mode === 'none') await setBadge(tabId, 0);
  else await setSavedBadge(tabId, await archive.isSaved(article.id));
  return related;
}

/** Badge mode 'saved': a check mark on the tab of a saved article, nothing otherwise. */
async function setSavedBadge(tabId: number, saved: boolean): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#2e7d32' });
    await browser.action.setBadgeText({ tabId, text: saved ? '✓' : '' });
  } catch {
    // The tab may have closed in the meantime.
  }
}
