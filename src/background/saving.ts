// Every change to the archive made through the background, from the popup, the context menu
// or the keyboard: after it, the related-count badges of open article tabs may be stale.
import type { Article, Entity } from '../core/types';
import * as archive from './archive';
import { refreshBadges } from './badge-refresh';
import { keepPhotos } from './photos';

export async function saveArticle(article: Article, entities: Entity[]) {
  const r = await archive.save(article, entities);
  if (r.ok) refreshBadges().catch(() => {});
  // Text first: the photos are fetched after the save has answered.
  if (r.ok) keepPhotos(r.id, article).catch(() => {});
  return r;
}

export async function unsaveArticle(id: string) {
  const r = await archive.remove(id);
  if (r.ok) refreshBadges().catch(() => {});
  return r;
}
