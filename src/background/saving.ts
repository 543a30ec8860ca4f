// Every change to the archive made through the background, from the popup, the context menu
// or the keyboard: after it, the related-count badges of open article tabs may be stale.
import type { Article, Entity } from '../core/types';
import * as archive from './archive';
import { refreshBadges } from './badge-refresh';
import { forgetPhotos, keepPhotosOffline } from './offline-photos';

export async function saveArticle(article: Article, entities: Entity[]) {
  const r = await archive.save(article, entities);
  if (r.ok) refreshBadges().catch(() => {});
  // Photos are fetched after the answer: a save never waits for the network.
  if (r.ok) keepPhotosOffline(article).catch(() => 0);
  return r;
}

export async function unsaveArticle(id: string) {
  const r = await archive.remove(id);
  if (r.ok) refreshBadges().catch(() => {});
  if (r.ok) await forgetPhotos(id);
  return r;
}
