// Which article a tab really shows, decided by the background from what the BROWSER says
// the tab's URL is, cross-checked with what the page says of itself. A page served at
// `…-post9500004.vnp` can call history.replaceState to `…-post128832.vnp`, and it can carry a
// canonical link or an og:url naming another article: before the fix it was then extracted
// and saved under 128832, over the reader's own copy of that dispatch (issue #18).
import { canonicalId } from '../core/extract/url';
import type { Article } from '../core/types';
import type { PageOrigin } from '../shared/messages';

/** `address`: the tab's URL and the page's load URL name different articles; `canonical`: the page claims another article. */
export type OriginProblem = 'address' | 'canonical';

const bare = (url: string) => url.split('#')[0];

/** The article a URL names: its canonical id, else the URL without its fragment. */
function keyOf(url: string): string {
  return canonicalId(url) ?? bare(url);
}

/**
 * Null when the article may be saved under `article.id`: the tab's URL (from the browser),
 * the URL the document was loaded from and the page's current location all name that
 * article, and no canonical link or og:url names another VNA article.
 */
export function originProblem(article: Pick<Article, 'id' | 'url'>, origin: PageOrigin | undefined, tabUrl: string | undefined): OriginProblem | null {
  if (!tabUrl || !origin) return 'address';
  const key = keyOf(origin.loadedUrl);
  if (keyOf(tabUrl) !== key || keyOf(origin.currentUrl) !== key) return 'address';
  const urlId = canonicalId(origin.loadedUrl);
  if (urlId !== null && article.id !== urlId) return 'address';
  if (canonicalId(article.url) !== urlId) return 'address';
  for (const claim of [origin.canonical, origin.ogUrl]) {
    const id = claim ? canonicalId(claim) : null;
    if (id !== null && id !== urlId) return 'canonical';
  }
  return null;
}
