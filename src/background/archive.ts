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

export async function save(article: Article, entities: Entity[]): Promise<SaveOutcome> {
  try {
    const { id, created, restored } = await db().save(article, entities);
    return { ok: true, id, created, restored };
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

/** Undo a removal: the dispatch comes back from the trash as it was. */
export async function undoRemove(id: string): Promise<WriteOutcome<{ restored: boolean }>> {
  try {
    return { ok: true, restored: Boolean(await db().undoRemove(id)) };
  } catch (err) {
    return { ok: false, error: messageOf(err) };
  }
}

export async function setTags(id: string, tags: string[]): Promise<WriteOutcome<{ dispatch: Dispatch }>> {
  try {
    return { ok: true, dispatch: await db().setUserTags(id, tags) };
  } catch (err) {
    return { ok: false, error: messageOf(err) };
  }
}

export async function setNote(id: string, note: string): Promise<WriteOutcome<{ dispatch: Dispatch }>> {
  try {
    return { ok: true, dispatch: await db().setNote(id, note) };
  } catch (err) {
    return { ok: false, error: messageOf(err) };
  }
}

/** One batch of an import (validated by the library first), in one transaction. */
export async function importBatch(ds: Dispatch[]): Promise<WriteOutcome<{ added: number; updated: number; skipped: number }>> {
  try {
    return { ok: true, ...(await db().importDispatches(ds)) };
  } catch (err) {
    return { ok: false, error: messageOf(err) };
  }
}

/**
 * "Forget everything" (settings page): every dispatch, the trash and the search index, then the
 * reader's highlights, reading states and kept photos, which go with them.
 */
export async function forgetAll(): Promise<WriteOutcome<{ removed: number }>> {
  try {
    const removed = await db().removeAll();
    await forgetReadLater(db());
    return { ok: true, removed };
  } catch (err) {
    return { ok: false, error: messageOf(err) };
  }
}

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
