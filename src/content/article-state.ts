// The page is read once, lazily, and the result kept: the popup, the badge, highlighting and
// the reader view all ask for the same article, and a live page can be large.
import { extractArticle } from '../core/extract';
import { extractEntities } from '../core/entities';
import type { ArticleState } from '../shared/messages';

export type PageState = ArticleState | { ok: false; reason: string };

let cached: PageState | null = null;

/**
 * The same reading for the idle-time report, in two tasks: extraction, a yield to the page,
 * then entities, so neither makes one long task on a reader's visit. A message that arrives
 * during the yield reads synchronously (readPage) and this one then returns that result.
 */
export async function warmPage(): Promise<PageState> {
  if (cached) return cached;
  const t0 = performance.now();
  let res: ReturnType<typeof extractArticle>;
  try {
    res = extractArticle(document, location.href);
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
    cached = { ok: true, article: res.article, entities, extractMs: spent + performance.now() - t1 };
  } catch (err) {
    cached = { ok: false, reason: `extraction failed: ${(err as Error)?.message ?? String(err)}` };
  }
  return cached;
}

export function readPage(): PageState {
  if (cached) return cached;
  const t0 = performance.now();
  try {
    const res = extractArticle(document, location.href);
    if (!res.ok) {
      cached = { ok: false, reason: res.reason };
    } else {
      const entities = extractEntities(res.article);
      // Entities travel beside the article, not inside it: a saved dispatch would otherwise
      // store every entity and its mentions twice (Dispatch.entities and article.entities).
      cached = { ok: true, article: res.article, entities, extractMs: performance.now() - t0 };
    }
  } catch (err) {
    // Never let our code throw into the page: a failure is a state the popup can show.
    cached = { ok: false, reason: `extraction failed: ${(err as Error)?.message ?? String(err)}` };
  }
  return cached;
}
