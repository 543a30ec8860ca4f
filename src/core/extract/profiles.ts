// Site knowledge lives in data (src/data/sites.json) so that a renamed class or a new
// edition is a data change, not a code change. This module only types and compiles it.
import sitesJson from '../../data/sites.json';
import type { Layout } from '../types';

export interface LayoutProfile {
  layout: Layout;
  /** Selector whose presence says "this page is in this layout". */
  detect: string;
  title: string[];
  lead: string[];
  body: string[];
  date: string[];
  dateText: string[];
  author: string[];
  tags: string[];
}

export interface SiteProfile {
  id: string;
  name: string;
  hosts: string[];
  hostAliases: Record<string, string>;
  langByHost: Record<string, string>;
  articleUrl: RegExp[];
  nonArticleUrl: RegExp[];
  layouts: LayoutProfile[];
}

export interface GenericProfile {
  title: string[];
  lead: string[];
  date: string[];
  author: string[];
  tags: string[];
}

interface RawSite extends Omit<SiteProfile, 'articleUrl' | 'nonArticleUrl' | 'layouts'> {
  articleUrl: string[];
  nonArticleUrl: string[];
  layouts: Array<Omit<LayoutProfile, 'layout'> & { layout: string }>;
}

const raw = sitesJson as unknown as { sites: RawSite[]; generic: GenericProfile };

export const SITES: SiteProfile[] = raw.sites.map((s) => ({
  ...s,
  // Paths are matched case-insensitively: old ASP.NET URLs mix cases (/Utilities/Print.aspx).
  articleUrl: s.articleUrl.map((r) => new RegExp(r, 'i')),
  nonArticleUrl: s.nonArticleUrl.map((r) => new RegExp(r, 'i')),
  layouts: s.layouts.map((l) => ({ ...l, layout: l.layout as Layout })),
}));

export const GENERIC: GenericProfile = raw.generic;

const byHost = new Map<string, SiteProfile>();
for (const s of SITES) for (const h of s.hosts) byHost.set(h, s);

/** The profile for a host, by exact host or by a known parent domain (any subdomain). */
export function siteForHost(host: string): SiteProfile | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  const exact = byHost.get(h);
  if (exact) return exact;
  for (const s of SITES) {
    for (const known of s.hosts) if (h.endsWith('.' + known)) return s;
  }
  return null;
}
