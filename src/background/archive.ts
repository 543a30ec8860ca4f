// The background's view of the archive: one Archive per service-worker life, and every
// failure turned into a message the popup can show as it is (never a stack trace).
import type { Article, Entity } from '../core/types';
import { Archive, ArchiveError } from '../store';
import type { RelatedDispatch, StoreStats } from '../store/types';
import type { SaveOutcome } from '../shared/messages';
import { errorText } from '../shared/error-text';

let archive: Archive | null = null;
const db = () => (archive ??= new Archive());

/** In the reader's language: the popup shows it as it is. */
function messageOf(err: unknown): string {
  if (err instanceof ArchiveError) return errorText(err);
  return errorText(new ArchiveError(String((err as Error)?.message ?? err), { code: 'write', params: [String((err as Error)?.message ?? err)] }));
}

export async function save(article: Article, entities: Entity[]): Promise<SaveOutcome> {
  try {
    const { id, created } = await db().save(article, entities);
    return { ok: true, id, created };
  } catch (err) {
    return { ok: false, error: messageOf(err) };
  }
}

export async function remove(id: string): Promise<{ ok: boolean; error?: string }> {
  try {
    return { ok: Boolean(await db().remove(id)) };
  } catch (err) {
    return { ok: false, error: messageOf(err) };
  }
}

export const isSaved = (id: string) => db().has(id);

export const related = (article: Article, entities: Entity[], k: number): Promise<RelatedDispatch[]> =>
  db().related(article, entities, { k, excludeId: article.id });

export async function byEntity(key: string) {
  const briefs = await db().byEntity(key, { limit: 50 });
  return briefs.map(({ id, title, published, site }) => ({ id, title, published, site }));
}

export const stats = (): Promise<StoreStats> => db().stats();

/** Loads the search/related index while the worker is idle, so the first popup is fast. */
export function warmUp(): void {
  db().index().catch(() => {});
}
