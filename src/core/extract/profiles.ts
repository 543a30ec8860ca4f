// Site knowledge lives in data (src/data/sites.json) so that a renamed class or a new
// edition is a data change, not a code change. This module only checks (site-schema.ts),
// types and compiles it.
import sitesJson from '../../data/sites.json';
import { parseSites, type RawGeneric, type RawLayout, type RawSite } from './site-schema';
import { compileUrlRules, siteOfHost } from './url-rules';

/** A layout as sites.json describes it (checked by site-schema.ts). */
export type LayoutProfile = RawLayout;

/** A site as sites.json describes it, URL patterns compiled; the test-only fields left out. */
export interface SiteProfile extends Omit<RawSite, 'articleUrl' | 'nonArticleUrl' | 'samples' | 'excludedBecause'> {
  articleUrl: RegExp[];
  nonArticleUrl: RegExp[];
}

export type GenericProfile = RawGeneric;

/** The file, checked: a malformed sites.json throws here, naming the field. */
export const RAW_SITES = parseSites(sitesJson);
const raw = RAW_SITES;

export const SITES: SiteProfile[] = raw.sites.map(({ samples: _samples, excludedBecause: _why, ...s }: RawSite) => compileUrlRules(s));

export const GENERIC: GenericProfile = raw.generic;

const byHost = new Map<string, SiteProfile>();
for (const s of SITES) for (const h of s.hosts) byHost.set(h, s);

/** The profile for a host, by exact host or by a known parent domain (any subdomain). */
export function siteForHost(host: string): SiteProfile | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  return byHost.get(h) ?? siteOfHost(SITES, h);
}

/** Display name of a site by its id (`vietnamplus` → "VietnamPlus"); the id itself when unknown. */
export function siteName(siteId: string): string {
  return SITES.find((s) => s.id === siteId)?.name ?? siteId;
}

/**
 * "VietnamPlus (fr)": the site's name and, when the URL's host is a language edition (a
 * two-letter first label that sites.json gives a language, as fr. en. es. zh. cn. ru.), that label.
 */
export function siteLabel(siteId: string, url?: string | null): string {
  const name = siteName(siteId);
  if (!url) return name;
  let first: string;
  try {
    first = new URL(url).hostname.toLowerCase().split('.')[0];
  } catch {
    return name;
  }
  const site = SITES.find((s) => s.id === siteId);
  return site && /^[a-z]{2}$/.test(first) && first in site.langByHost ? `${name} (${first})` : name;
}
