// Every change to the archive made through the background, from the popup, the context menu
// or the keyboard: after it, the change is announced once and the badges recounted.
import type { Article, Entity } from '../core/types';
import * as archive from './archive';
import { archiveChanged } from './changed';
import { keepPhotosOffline } from './offline-photos';

export async function saveArticle(article: Article, entities: Entity[]) {
  const r = await archive.save(article, entities);
  if (r.ok) archiveChanged('save', [r.id]);
  // Photos are fetched after the answer: a save never waits for the network.
  if (r.ok) keepPhotosOffline(article).catch(() => 0);
  return r;
}

export async function unsaveArticle(id: string) {
  const r = await archive.remove(id);
  if (r.ok) archiveChanged('remove', [id]);
  return r;
}
