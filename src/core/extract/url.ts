// URL knowledge: which hosts are VNA's, which paths are articles, and the canonical id.
// The id must be stable across URL generations because the same article exists as
// `/<slug>/56054.vnp` (2018 layout) and `/<slug>-post56054.vnp` (2023 layout).
import { siteForHost, type SiteProfile } from './profiles';
import { articleIdIn, pathOf } from './url-rules';

let lastUrl: string | null = null;
let lastParsed: URL | null = null;

/** URL parse with a one-entry memo: one extraction asks about the same URL many times. */
export function parseUrl(url: string | null | undefined): URL | null {
  if (!url) return null;
  if (url === lastUrl) return lastParsed;
  let u: URL | null;
  try {
    u = new URL(url);
  } catch {
    u = null;
  }
  lastUrl = url;
  lastParsed = u;
  return u;
}

export function isVnaUrl(url: string): boolean {
  const u = parseUrl(url);
  return !!u && /^https?:$/.test(u.protocol) && siteForHost(u.hostname) !== null;
}

export function siteOfUrl(url: string): SiteProfile | null {
  const u = parseUrl(url);
  return u ? siteForHost(u.hostname) : null;
}

/** Canonical host: lower-case, known aliases folded (`vietnamplus.vn` → `www.vietnamplus.vn`). */
export function canonicalHost(host: string, site: SiteProfile | null): string {
  const h = host.toLowerCase();
  return site?.hostAliases[h] ?? h;
}

/** Why a VNA URL is not an article (home, tag, search, section…), or null when it may be one. */
export function nonArticleReason(url: string): string | null {
  const u = parseUrl(url);
  if (!u) return 'invalid URL';
  const site = siteForHost(u.hostname);
  if (!site) return 'not a VNA site';
  const path = pathOf(u);
  if (/^\/?$/.test(u.pathname)) return 'home page';
  for (const re of site.nonArticleUrl) if (re.test(path)) return `not an article page (${describe(path)})`;
  return null;
}

function describe(path: string): string {
  if (/^\/tags?\//i.test(path)) return 'tag page';
  if (/search|timkiem|tim-kiem/i.test(path)) return 'search page';
  if (/trang\d+/i.test(path)) return 'listing page';
  return 'section or utility page';
}

export function isVnaArticleUrl(url: string): boolean {
  return canonicalId(url) !== null;
}

/** `<host>:<numeric id>` for an article URL of a known VNA site, else null. */
export function canonicalId(url: string): string | null {
  const u = parseUrl(url);
  if (!u) return null;
  const site = siteForHost(u.hostname);
  if (!site) return null;
  const id = articleIdIn(u, site);
  return id ? `${canonicalHost(u.hostname, site)}:${id}` : null;
}

/** Language of an edition from its host (`fr.vietnamplus.vn` → fr), or null. */
export function langOfUrl(url: string): string | null {
  const u = parseUrl(url);
  if (!u) return null;
  const site = siteForHost(u.hostname);
  if (!site) return null;
  const host = u.hostname.toLowerCase();
  const bases = site.hosts.filter((h) => host === h || host.endsWith('.' + h)).sort((a, b) => a.length - b.length);
  const base = bases[0] ?? host;
  const sub = host === base ? '' : host.slice(0, host.length - base.length - 1);
  return site.langByHost[sub] ?? site.langByHost[''] ?? null;
}
