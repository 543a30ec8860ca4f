// The URL half of a site profile: which hosts belong to a site, which paths are articles and
// their numeric id. Kept apart from the selectors so that the content script's entry can tell
// an article URL without loading anything else (the build passes it these rules, projected
// from src/data/sites.json); src/core/extract/url.ts applies the same functions to the full
// profiles.

/** What sites.json says of a site's URLs (patterns as strings). */
export interface RawUrlRules {
  hosts: string[];
  hostAliases: Record<string, string>;
  articleUrl: string[];
  nonArticleUrl: string[];
}

/** The same, patterns compiled. */
export interface UrlRules {
  hosts: string[];
  hostAliases: Record<string, string>;
  articleUrl: RegExp[];
  nonArticleUrl: RegExp[];
}

/** Paths are matched case-insensitively: old ASP.NET URLs mix cases (/Utilities/Print.aspx). */
export function compileUrlRules<T extends RawUrlRules>(site: T): Omit<T, 'articleUrl' | 'nonArticleUrl'> & UrlRules {
  return { ...site, articleUrl: site.articleUrl.map((r) => new RegExp(r, 'i')), nonArticleUrl: site.nonArticleUrl.map((r) => new RegExp(r, 'i')) };
}

/** The site a host belongs to: a listed host, or any subdomain of one. */
export function siteOfHost<T extends { hosts: string[] }>(sites: readonly T[], host: string): T | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const s of sites) if (s.hosts.includes(h)) return s;
  for (const s of sites) for (const known of s.hosts) if (h.endsWith('.' + known)) return s;
  return null;
}

/** Path plus query, as the patterns in sites.json expect it (a malformed %-escape is kept as is). */
export function pathOf(u: URL): string {
  let p = u.pathname;
  try {
    p = decodeURIComponent(p);
  } catch {
    // `%E0%A4%A` and the like: match the raw path rather than fail on a page's odd link.
  }
  return p.replace(/\/{2,}/g, '/') + u.search;
}

/** The article's numeric id in a URL of this site, or null (not an article page). */
export function articleIdIn(u: URL, site: Pick<UrlRules, 'articleUrl' | 'nonArticleUrl'>): string | null {
  const path = pathOf(u);
  for (const re of site.nonArticleUrl) if (re.test(path)) return null;
  // Path alone first (tracking queries like ?utm=… must not hide the id), then with the query.
  const bare = path.slice(0, path.length - u.search.length);
  for (const candidate of [bare, path]) {
    for (const re of site.articleUrl) {
      const m = re.exec(candidate);
      if (m?.[1]) return String(Number(m[1]));
    }
  }
  return null;
}

/** Whether a URL is an article of one of these sites (http/https only). */
export function isArticleUrlOf(sites: readonly UrlRules[], url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(u.protocol)) return false;
  const site = siteOfHost(sites, u.hostname);
  return !!site && articleIdIn(u, site) !== null;
}
