// Keeps the photos of a saved dispatch offline when the reader asked for it (settings page or
// library). Only images on the VNA hosts the extension already has access to are fetched (the
// built manifest's host permissions, and the store's own VNA image host rule: both must agree),
// without cookies or referrer, only real images within the store's bounds (src/store/photos.ts:
// 20 per dispatch, 5 MB each, one blob per URL, retried when the network fails).
import { workerArchive as db } from './archive';
import { ext as browser } from '../shared/webext';
import type { Article } from '../core/types';
import { dispatchId, dropAllPhotos as dropAll, dropOrphanPhotos as dropOrphans, forgetPhotosOf } from '../store';
import { keepPhotos } from './photos';


// The built manifest's host permissions (the build derives them from src/data/sites.json).
const hosts = () => (browser.runtime.getManifest().host_permissions ?? []).map((p) => {
  const host = /^[^:]+:\/\/([^/]+)\/\*$/.exec(p)?.[1] ?? '';
  return host.startsWith('*.') ? { suffix: host.slice(1), exact: null } : { suffix: null, exact: host };
});

/** True for an http(s) URL on a host of the manifest's host_permissions. */
export function isVnaImageUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    return hosts().some((h) => (h.exact ? u.hostname === h.exact : u.hostname.endsWith(h.suffix!)));
  } catch {
    return false;
  }
}

/** After a save: queue the article's photos and fetch them, if the setting is on. */
export async function keepPhotosOffline(article: Article): Promise<void> {
  const images = (article.images ?? []).filter((i) => typeof i?.src === 'string' && isVnaImageUrl(i.src));
  await keepPhotos(dispatchId(article), { ...article, images });
}

export const forgetPhotos = (id: string) => forgetPhotosOf(db(), id).catch(() => {});

/** Photos of dispatches that are no longer in the archive (deleted from the library) go. */
export const dropOrphanPhotos = () => dropOrphans(db());

export const dropAllPhotos = () => dropAll(db());
