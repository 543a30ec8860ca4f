// Is this page an article of a VNA outlet, and in which layout? URL first (cheap and
// decisive for home/tag/search pages), then structure: a known layout's selectors, else
// the structural fallback must find real prose. The same analysis feeds the extractor so
// a page is only scanned once.
import type { Layout } from '../types';
import { all, first, newsArticleLd, textOf, withTextCache } from './dom';
import { findContentRoots, proseScore } from './fallback';
import { SITES, type LayoutProfile, type SiteProfile } from './profiles';
import { SelectorIndex } from './select';
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
  // The site's own layouts first, newest first: on today's pages the first layout hits early.
  const { order, sels } = layoutOrder(site);
  if (!order.length) return null;
  // Every layout's body and detect selectors in one walk of the page (instead of one walk
  // per layout, which on an older-layout page meant three walks of 200 KB). The walk stops
  // as soon as the first layout in order has both its preferred body and its detect match:
  // those are then the same elements the per-layout search finds, so only when that layout
  // is turned down (no prose in it) do the other layouts need the rest of the page.
  const head = order[0];
  const stop = (idx: SelectorIndex) => (idx.get(head.body[0])?.length ?? 0) > 0 && (idx.get(head.detect)?.length ?? 0) > 0;
  const idx = SelectorIndex.build(doc, sels, stop);
  if (!idx) return matchProfileByQuery(doc, order);
  if (idx.complete) return pickLayout(idx, order);
  return pickLayout(idx, [head]) ?? pickLayout(SelectorIndex.build(doc, sels)!, order.slice(1));
}

const orders = new Map<SiteProfile | null, { order: LayoutProfile[]; sels: string[] }>();
/** Layouts to try for a site (its own first, then the other outlets'), and their selectors. */
function layoutOrder(site: SiteProfile | null): { order: LayoutProfile[]; sels: string[] } {
  let o = orders.get(site);
  if (!o) {
    const order = (site ? [site, ...SITES.filter((s) => s !== site)] : SITES).flatMap((s) => s.layouts);
    o = { order, sels: order.flatMap((l) => [...l.body, l.detect]) };
    orders.set(site, o);
  }
  return o;
}

function pickLayout(idx: SelectorIndex, order: LayoutProfile[]): { profile: LayoutProfile; body: Element } | null {
  for (const lay of order) {
    const body = bestOf(idx, lay.body);
    if (!body || !idx.get(lay.detect)?.length) continue;
    const { paragraphs, chars } = proseScore([body]);
    if (paragraphs >= 1 || chars >= MIN_CHARS) return { profile: lay, body };
  }
  return null;
}

/** The first match of the best-ranked selector that matched anything (as `first`). */
function bestOf(idx: SelectorIndex, sels: string[]): Element | null {
  for (const s of sels) {
    const m = idx.get(s);
    if (m?.length) return m[0];
  }
  return null;
}

/** Selectors the cached matcher cannot parse: one query per layout, as a browser would. */
function matchProfileByQuery(doc: Document, order: LayoutProfile[]): { profile: LayoutProfile; body: Element } | null {
  for (const lay of order) {
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
