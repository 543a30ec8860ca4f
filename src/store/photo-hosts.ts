// Which photo URLs may be kept offline: the reader's one VNA image host rule
// (src/reader/image-hosts.ts, derived from src/data/sites.json, the same list as the extension
// pages' CSP img-src). A photo elsewhere (an ad server, a tracker, a page's own third-party
// CDN) is never fetched, stored or imported.
import { vnaImageUrl } from '../reader/image-hosts';

export function isVnaImageUrl(raw: unknown): boolean {
  return vnaImageUrl(raw) !== null;
}

/** The URL a kept photo is fetched from and stored under (https, as the reader shows it), or null. */
export function keptPhotoUrl(raw: unknown): string | null {
  return vnaImageUrl(raw);
}
