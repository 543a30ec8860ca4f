// Keeps the photos of a saved dispatch offline when the reader asked for it (settings page).
// Only images on the VNA hosts the extension already has access to are fetched (no new
// permission, no third-party request), without cookies or referrer, and only real images
// of a sane size.
import browser from 'webextension-polyfill';
import type { Article } from '../core/types';
import { clearPhotos, deletePhotos, photoIds, putPhotos, type StoredPhoto } from '../store/photos';
import { loadAppSettings } from '../shared/settings';
import * as archive from './archive';

const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
// The built manifest's host permissions (the build derives them from src/data/sites.json).
const hosts = () => (browser.runtime.getManifest().host_permissions ?? []).map((p) => {
  const host = /^[^:]+:\/\/([^/]+)\/\*$/.exec(p)?.[1] ?? '';
  return host.startsWith('*.') ? { suffix: host.slice(1), exact: null } : { suffix: null, exact: host };
});

/** True for an http(s) URL on a host of the manifest's host_permissions. */
function isVnaImageUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    return hosts().some((h) => (h.exact ? u.hostname === h.exact : u.hostname.endsWith(h.suffix!)));
  } catch {
    return false;
  }
}

async function fetchPhoto(src: string): Promise<StoredPhoto | null> {
  try {
    const res = await fetch(src, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'force-cache' });
    if (!res.ok) return null;
    const blob = await res.blob();
    if (!blob.type.startsWith('image/') || blob.size === 0 || blob.size > MAX_PHOTO_BYTES) return null;
    return { src, blob };
  } catch {
    return null;
  }
}

/** After a save: fetch and keep the article's photos, if the setting is on. */
export async function keepPhotosOffline(article: Article): Promise<number> {
  if (!(await loadAppSettings()).offlinePhotos) return 0;
  const srcs = [...new Set((article.images ?? []).map((i) => i?.src).filter((s): s is string => typeof s === 'string' && isVnaImageUrl(s)))];
  const photos = (await Promise.all(srcs.map(fetchPhoto))).filter((p): p is StoredPhoto => !!p);
  if (photos.length) await putPhotos(article.id, photos);
  return photos.length;
}

/** Photos of dispatches that are no longer in the archive (deleted from the library) go. */
export async function dropOrphanPhotos(): Promise<void> {
  for (const id of await photoIds()) if (!(await archive.isSaved(id))) await deletePhotos(id);
}

export const dropAllPhotos = () => clearPhotos();
