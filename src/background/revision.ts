// A re-save never silently replaces the reader's saved copy with a markedly different text
// (issue #18: a page could rewrite another article's saved copy, `savedAt` kept, so nothing
// looked changed). A small edit (a corrected figure, an added line) updates the copy as
// before; a material change keeps the reader's copy and puts the page's version aside as a
// pending revision, which the popup shows with the choice to keep either.
import { ext as browser } from '../shared/webext';
import type { Article, Entity } from '../core/types';
import type { PendingRevision } from '../shared/messages';

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
