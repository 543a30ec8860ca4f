// Is this page an article of a VNA outlet, and in which layout? URL first (cheap and
// decisive for home/tag/search pages), then structure: a known layout's selectors, else
// the structural fallback must find real prose. The same analysis feeds the extractor so
// a page is only scanned once.
import type { Layout } from '../types';
import { all, first, newsArticleLd, textOf, withTextCache } from './dom';
import { findContentRoots, proseScore } from './fallback';
import { SITES, type LayoutProfile, type SiteProfile } from './profiles';
import { canonicalId, isVnaUrl, nonArticleReason, parseUrl, siteOfUrl } from './url';

export interface DetectOptions {
  /** Reader mode on any page (user override): accept non-VNA hosts. */
  anySite?: boolean;
}

export interface Analysis {
  isArticle: boolean;
  site: string | null;
  layout: Layout | null;
  reason?: string;
  /** The URL the article is known by (the page URL, or its canonical when that is VNA's). */
  url: string;
  siteProfile: SiteProfile | null;
  profile: LayoutProfile | null;
  roots: Element[];
}

const MIN_PARAGRAPHS = 2;
const MIN_CHARS = 300;

function effectiveUrl(doc: Document, url: string): string {
  if (isVnaUrl(url)) return url;
  for (const cand of [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ]) {
    if (!cand) continue;
    try {
      const abs = new URL(cand, parseUrl(url) ? url : undefined).href;
      if (isVnaUrl(abs)) return abs;
    } catch {
      /* relative canonical on a non-URL base: ignore */
    }
  }
  return url;
}

/** A known layout whose body holds prose; other sites' layouts count too (same CMS lineage). */
function matchProfile(doc: Document, site: SiteProfile | null): { profile: LayoutProfile; body: Element } | null {
  // The site's own layouts first, newest first: on today's pages the first query hits early.
  const order = (site ? [site, ...SITES.filter((s) => s !== site)] : SITES).flatMap((s) => s.layouts);
  for (const lay of order) {
    // The body selectors identify the layout by themselves (one walk per layout); `detect`
    // only settles the case where another layout's body selector also matched.
    const body = first(doc, lay.body);
    if (!body) continue;
    if (!first(doc, [lay.detect])) continue;
    const { paragraphs, chars } = proseScore([body]);
    if (paragraphs >= 1 || chars >= MIN_CHARS) return { profile: lay, body };
  }
  return null;
}

function siteLayout(site: SiteProfile | null): Layout {
  if (site?.id === 'lecourrier') return 'lecourrier';
  if (site?.id === 'vnanet') return 'vnanet';
  return 'generic';
}

export function analyze(doc: Document, url: string, opts: DetectOptions = {}): Analysis {
  const eff = effectiveUrl(doc, url);
  const site = siteOfUrl(eff);
  const base = { url: eff, siteProfile: site, profile: null, roots: [] as Element[] };
  if (!site && !opts.anySite) return { ...base, isArticle: false, site: null, layout: null, reason: 'not a VNA site' };
  const siteId = site?.id ?? parseUrl(eff)?.hostname ?? null;
  if (site) {
    const why = nonArticleReason(eff);
    if (why) return { ...base, isArticle: false, site: siteId, layout: null, reason: why };
  }
  const articleUrl = site ? canonicalId(eff) !== null : true;
  if (!doc.body) return { ...base, isArticle: false, site: siteId, layout: null, reason: 'empty document' };
  // The site's own layouts first; other outlets' layouts next, since they share one CMS lineage.
  const m = matchProfile(doc, site);
  if (m) {
    const layout = site && site.layouts.includes(m.profile) ? m.profile.layout : siteLayout(site);
    if (!articleUrl && !looksLikeSingleArticle(doc)) {
      return { ...base, isArticle: false, site: siteId, layout: null, reason: 'not an article page (no article id in URL)' };
    }
    return { ...base, profile: m.profile, roots: [m.body], isArticle: true, site: siteId, layout };
  }
  const roots = findContentRoots(doc);
  const { paragraphs, chars } = proseScore(roots);
  if (!roots.length || paragraphs < MIN_PARAGRAPHS || chars < MIN_CHARS) {
    return { ...base, isArticle: false, site: siteId, layout: null, reason: 'no article content found' };
  }
  if (!articleUrl && !looksLikeSingleArticle(doc)) {
    return { ...base, isArticle: false, site: siteId, layout: null, reason: 'not an article page (no article id in URL)' };
  }
  return { ...base, roots, isArticle: true, site: siteId, layout: siteLayout(site) };
}

/** Without an article id in the URL, only a page that declares itself one article counts. */
function looksLikeSingleArticle(doc: Document): boolean {
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  if (/article/i.test(ogType)) return true;
  const ld = newsArticleLd(doc) !== null;
  const h1s = all(doc, 'h1').filter((h) => textOf(h).length > 10).length;
  return ld && h1s === 1;
}

export function detectPage(
  doc: Document,
  url: string,
  opts: DetectOptions = {},
): { isArticle: boolean; site: string | null; layout: Layout | null; reason?: string } {
  try {
    const a = withTextCache(() => analyze(doc, url, opts));
    return a.reason ? { isArticle: a.isArticle, site: a.site, layout: a.layout, reason: a.reason } : { isArticle: a.isArticle, site: a.site, layout: a.layout };
  } catch (e) {
    return { isArticle: false, site: null, layout: null, reason: `detection failed: ${(e as Error)?.message ?? e}` };
  }
}
