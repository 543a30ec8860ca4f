// The page is read once, lazily, and the result kept: the popup, the badge, highlighting and
// the reader view all ask for the same article, and a live page can be large.
// Two defences against the page itself (issue #18, SECURITY.md):
//  - the article is extracted under the URL the document was LOADED from (its navigation
//    entry), not location.href, which the page can rewrite with history.replaceState to
//    another article's address; the addresses it claims travel beside the article
//    (`origin`) so the background can check them against the tab's URL before a save;
//  - the extractor reads an unclobbered copy of the page (see safe-dom.ts), so a form
//    field named like a DOM method cannot make extraction fail.
import { extractArticleWithRoots, type ReadRoots } from '../core/extract';
import type { ExtractResult } from '../core/types';
import { extractEntities } from '../core/entities';
import { siteLabel } from '../core/extract/profiles';
import type { ArticleState, PageOrigin } from '../shared/messages';
import { attr, isConnectedNode, liveCounterpart, query, unclobberedCopy } from './safe-dom';
import { loadedUrl } from './loaded-url';

export { loadedUrl };

export type PageState = ArticleState | { ok: false; reason: string };

let cached: PageState | null = null;
/**
 * The live page's elements the extraction read the article from (headline, sapo, body roots),
 * kept beside the cached state: highlighting searches exactly there, so it can never disagree
 * with the extraction (the structural fallback included) by detecting the layout again.
 */
let readRoots: Element[] = [];

/** The extraction's roots, found in the copy, as the live page's elements; nested ones dropped. */
function liveRoots(read: ReadRoots, live: Document): Element[] {
  const found = [read.title, read.lead, ...read.body].filter((e): e is Element => !!e);
  const roots = found.map((e) => liveCounterpart(e, live)).filter((e): e is Element => !!e);
  return roots.filter((r, i) => !roots.some((o, j) => j !== i && o !== r && o.contains(r)) && roots.indexOf(r) === i);
}

/** Extracts from an unclobbered copy of the page and keeps the live roots it read. */
function extractLive(loaded: string): ExtractResult {
  const { result, roots } = extractArticleWithRoots(unclobberedCopy(document), loaded);
  // Same task as the copy: the page cannot have changed, so the element paths still hold.
  readRoots = roots ? liveRoots(roots, document) : [];
  return result;
}

/**
 * Where the article's text is on the live page. When the page has since replaced those
 * elements (a script re-rendering the article), the page is read again the same way.
 */
export function articleRoots(): Element[] {
  const s = readPage();
  if (!s.ok) return [];
  if (!readRoots.length || !readRoots.every(isConnectedNode)) extractLive(s.origin?.loadedUrl ?? loadedUrl());
  return readRoots;
}

function absolute(raw: string | null, base: string): string | null {
  if (!raw || !raw.trim()) return null;
  try {
    return new URL(raw.trim(), base).href;
  } catch {
    return null;
  }
}

function pageOrigin(doc: Document = document): PageOrigin {
  const loaded = loadedUrl();
  const link = query(doc, 'link[rel~="canonical" i]');
  const og = query(doc, 'meta[property="og:url" i]');
  return {
    loadedUrl: loaded,
    currentUrl: location.href,
    canonical: absolute(link && attr(link, 'href'), loaded),
    ogUrl: absolute(og && attr(og, 'content'), loaded),
  };
}

/**
 * The same reading for the idle-time report, in two tasks: extraction, a yield to the page,
 * then entities, so neither makes one long task on a reader's visit. A message that arrives
 * during the yield reads synchronously (readPage) and this one then returns that result.
 */
export async function warmPage(): Promise<PageState> {
  if (cached) return cached;
  const t0 = performance.now();
  let res: ExtractResult;
  let origin: PageOrigin;
  try {
    origin = pageOrigin();
    res = extractLive(origin.loadedUrl);
  } catch (err) {
    return (cached = { ok: false, reason: `extraction failed: ${(err as Error)?.message ?? String(err)}` });
  }
  if (!res.ok) return (cached = { ok: false, reason: res.reason });
  const spent = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 0));
  if (cached) return cached;
  const t1 = performance.now();
  try {
    const entities = extractEntities(res.article);
    cached = { ok: true, article: res.article, entities, extractMs: spent + performance.now() - t1, origin, siteLabel: siteLabel(res.article.site, res.article.url) };
  } catch (err) {
    cached = { ok: false, reason: `extraction failed: ${(err as Error)?.message ?? String(err)}` };
  }
  return cached;
}

export function readPage(): PageState {
  if (cached) return cached;
  const t0 = performance.now();
  try {
    const origin = pageOrigin();
    const res = extractLive(origin.loadedUrl);
    if (!res.ok) {
      cached = { ok: false, reason: res.reason };
    } else {
      const entities = extractEntities(res.article);
      // Entities travel beside the article, not inside it: a saved dispatch would otherwise
      // store every entity and its mentions twice (Dispatch.entities and article.entities).
      cached = { ok: true, article: res.article, entities, extractMs: performance.now() - t0, origin, siteLabel: siteLabel(res.article.site, res.article.url) };
    }
  } catch (err) {
    // Never let our code throw into the page: a failure is a state the popup can show.
    cached = { ok: false, reason: `extraction failed: ${(err as Error)?.message ?? String(err)}` };
  }
  return cached;
}
