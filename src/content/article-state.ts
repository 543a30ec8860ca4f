// The page is read once, lazily, and the result kept: the popup, the badge, highlighting and
// the reader view all ask for the same article, and a live page can be large.
// Two defences against the page itself (issue #18, SECURITY.md):
//  - the article is extracted under the URL the document was LOADED from (its navigation
//    entry), not location.href, which the page can rewrite with history.replaceState to
//    another article's address; the addresses it claims travel beside the article
//    (`origin`) so the background can check them against the tab's URL before a save;
//  - the extractor reads an unclobbered copy of the page (see safe-dom.ts), so a form
//    field named like a DOM method cannot make extraction fail.
import { extractArticle } from '../core/extract';
import { extractEntities } from '../core/entities';
import type { ArticleState, PageOrigin } from '../shared/messages';
import { attr, query, unclobberedCopy } from './safe-dom';
import { loadedUrl } from './loaded-url';

export { loadedUrl };

export type PageState = ArticleState | { ok: false; reason: string };

let cached: PageState | null = null;

function absolute(raw: string | null, base: string): string | null {
  if (!raw || !raw.trim()) return null;
  try {
    return new URL(raw.trim(), base).href;
  } catch {
    return null;
  }
}

export function pageOrigin(doc: Document = document): PageOrigin {
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
  let res: ReturnType<typeof extractArticle>;
  let origin: PageOrigin;
  try {
    origin = pageOrigin();
    res = extractArticle(unclobberedCopy(document), origin.loadedUrl);
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
    cached = { ok: true, article: res.article, entities, extractMs: spent + performance.now() - t1, origin };
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
    const res = extractArticle(unclobberedCopy(document), origin.loadedUrl);
    if (!res.ok) {
      cached = { ok: false, reason: res.reason };
    } else {
      const entities = extractEntities(res.article);
      // Entities travel beside the article, not inside it: a saved dispatch would otherwise
      // store every entity and its mentions twice (Dispatch.entities and article.entities).
      cached = { ok: true, article: res.article, entities, extractMs: performance.now() - t0, origin };
    }
  } catch (err) {
    // Never let our code throw into the page: a failure is a state the popup can show.
    cached = { ok: false, reason: `extraction failed: ${(err as Error)?.message ?? String(err)}` };
  }
  return cached;
}
