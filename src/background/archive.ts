// The background's view of the archive: one Archive per service-worker life, and every
// failure turned into a message the popup can show as it is (never a stack trace).
import type { Article, Entity } from '../core/types';
import { Archive, ArchiveError, forgetReadLater } from '../store';
import { errorText } from '../shared/error-text';
import type { Dispatch, RelatedDispatch, StoreStats } from '../store/types';
import type { SaveOutcome, WriteOutcome } from '../shared/messages';
import type { RelatedQuery } from '../core/related';

let archive: Archive | null = null;
const db = () => (archive ??= new Archive());
/** The worker's one Archive, shared with the read-later modules (photos, highlights). */
export const workerArchive = db;

/** In the reader's language: the popup shows it as it is. */
function messageOf(err: unknown): string {
  if (err instanceof ArchiveError) return errorText(err);
  return errorText(new ArchiveError(String((err as Error)?.message ?? err), { code: 'write', params: [String((err as Error)?.message ?? err)] }));
}

/**
 * A write's outcome as the popup and pages receive it: its result, or the failure in the
 * reader's language (never a stack trace, never a rejected message). Every bg/ write goes
 * through here, so a failure reads the same whichever write it was.
 */
export async function outcome<T extends object>(write: () => Promise<T>): Promise<WriteOutcome<T>> {
  try {
    return { ok: true, ...(await write()) };
  } catch (err) {
    return { ok: false, error: messageOf(err) };
  }
}

export const save = (article: Article, entities: Entity[]): Promise<SaveOutcome> =>
  outcome(async () => {
    const { id, created, restored } = await db().save(article, entities);
    return { id, created, restored };
  });

export async function remove(id: string): Promise<{ ok: boolean; error?: string }> {
  const r = await outcome(async () => ({ removed: Boolean(await db().remove(id)) }));
  return r.ok ? { ok: r.removed } : r;
}

/** Undo a removal: the dispatch comes back from the trash as it was. */
export const undoRemove = (id: string): Promise<WriteOutcome<{ restored: boolean }>> => outcome(async () => ({ restored: Boolean(await db().undoRemove(id)) }));

export const setTags = (id: string, tags: string[]): Promise<WriteOutcome<{ dispatch: Dispatch }>> => outcome(async () => ({ dispatch: await db().setUserTags(id, tags) }));

export const setNote = (id: string, note: string): Promise<WriteOutcome<{ dispatch: Dispatch }>> => outcome(async () => ({ dispatch: await db().setNote(id, note) }));

/** One batch of an import (validated by the library first), in one transaction. */
export const importBatch = (ds: Dispatch[]): Promise<WriteOutcome<{ added: number; updated: number; skipped: number }>> => outcome(() => db().importDispatches(ds));

/**
 * "Forget everything" (settings page): every dispatch, the trash and the search index, then the
 * reader's highlights, reading states and kept photos, which go with them.
 */
export const forgetAll = (): Promise<WriteOutcome<{ removed: number }>> =>
  outcome(async () => {
    const removed = await db().removeAll();
    await forgetReadLater(db());
    return { removed };
  });

export const isSaved = (id: string) => db().has(id);

/**
 * Related dispatches for an already built query (a tab's view keeps its query), from the
 * persisted postings: a cold worker reads the query's keys, never the whole index (issue 17).
 */
export const relatedFor = (q: RelatedQuery, excludeId: string, k: number): Promise<RelatedDispatch[]> => db().relatedTo(q, excludeId, k);

export const get = (id: string) => db().get(id);

export const related = (article: Article, entities: Entity[], k: number): Promise<RelatedDispatch[]> =>
  db().related(article, entities, { k, excludeId: article.id });

export async function byEntity(key: string) {
  const briefs = await db().byEntity(key, { limit: 50 });
  return briefs.map(({ id, title, published, site }) => ({ id, title, published, site }));
}

export const stats = (): Promise<StoreStats> => db().stats();
