// Our pages' writes to the archive, each one a request to the background, the archive's one
// writer, which announces it once on the archive channel (store/changes.ts) so that every open
// page follows (issue 13/16). Reads stay direct: a page reads IndexedDB itself.
import { toBackground } from './rpc';
import { t } from './i18n';
import type { ReadingWrite } from './messages';
import type { Highlight, HighlightAnchor, HighlightColor, ReadingRecord } from '../store/readlater-schema';
import type { Dispatch } from '../store/types';

/** A write's outcome, or its message in the reader's language as the error. */
export async function written<T extends { ok: boolean; error?: string }>(p: Promise<T>): Promise<T & { ok: true }> {
  const r = await p;
  if (!r.ok) throw new Error(r.error || t('errorArchive'));
  return r as T & { ok: true };
}

/** The reader page's reading of dispatch `id` (state by hand, opening, position). */
export const writeReading = async (id: string, write: ReadingWrite): Promise<ReadingRecord> =>
  (await written(toBackground({ type: 'bg/reading', id, write }))).reading;

/** A highlight made in the reader page on a saved dispatch (the background names its dispatch). */
export const addPageHighlight = async (d: Dispatch, anchor: HighlightAnchor, color: HighlightColor, note: string): Promise<Highlight> =>
  (await written(toBackground({ type: 'bg/highlightAdd', article: d.article, entities: d.entities, anchor, color, note }))).highlight;

export const updatePageHighlight = (id: string, patch: { color?: HighlightColor; note?: string }): Promise<Highlight | null> =>
  toBackground({ type: 'bg/highlightUpdate', id, ...patch });

export const removePageHighlight = (id: string): Promise<boolean> => toBackground({ type: 'bg/highlightRemove', id });
