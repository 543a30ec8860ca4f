// A re-save never silently replaces the reader's saved copy with a markedly different text
// (issue #18: a page could rewrite another article's saved copy, `savedAt` kept, so nothing
// looked changed). A small edit (a corrected figure, an added line) updates the copy as
// before; a material change keeps the reader's copy and puts the page's version aside as a
// pending revision, which the popup shows with the choice to keep either.
import browser from 'webextension-polyfill';
import type { Article, Entity } from '../core/types';
import { searchWords } from '../core/text/fold';
import type { PendingRevision } from '../shared/messages';

/** Below this share of common words (Dice over word multisets) the text changed materially. */
export const SAME_TEXT = 0.8;
/** Below this the headline changed materially. */
export const SAME_TITLE = 0.5;

function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of searchWords(text)) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Dice similarity of two texts' word multisets, 1 for two empty texts. */
export function textSimilarity(a: string, b: string): number {
  const x = bag(a), y = bag(b);
  let nx = 0, ny = 0, common = 0;
  for (const n of x.values()) nx += n;
  for (const [w, n] of y) {
    ny += n;
    common += Math.min(n, x.get(w) ?? 0);
  }
  return nx + ny === 0 ? 1 : (2 * common) / (nx + ny);
}

const bodyText = (a: Article) => [a.lead ?? '', ...(a.body ?? [])].join('\n');

export function materiallyDifferent(saved: Article, page: Article): boolean {
  return textSimilarity(saved.title, page.title) < SAME_TITLE || textSimilarity(bodyText(saved), bodyText(page)) < SAME_TEXT;
}

interface Stored { article: Article; entities: Entity[]; seenAt: number; savedTitle: string }

// In storage.local (the extension's own, `unlimitedStorage`): no archive schema change, and a
// pending revision is not a dispatch (search, related, export leave it out).
const keyOf = (id: string) => `vna-revision:${id}`;

export async function putRevision(article: Article, entities: Entity[], savedTitle: string, now = Date.now()): Promise<void> {
  const rec: Stored = { article, entities, seenAt: now, savedTitle };
  await browser.storage.local.set({ [keyOf(article.id)]: rec });
}

export async function getRevision(id: string): Promise<Stored | null> {
  const got = await browser.storage.local.get(keyOf(id));
  const rec = got[keyOf(id)] as Stored | undefined;
  return rec && rec.article ? rec : null;
}

export async function dropRevision(id: string): Promise<void> {
  await browser.storage.local.remove(keyOf(id));
}

export function briefOf(id: string, rec: Stored): PendingRevision {
  return { id, title: rec.article.title, seenAt: rec.seenAt, savedTitle: rec.savedTitle };
}
