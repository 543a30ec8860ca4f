// Read-later requests. From content scripts (the overlay on a live article cannot open the
// extension's IndexedDB): its kept photos, one at a time as base64 (a message carries JSON, not
// blobs, and one photo stays far below the message size limit), and its highlights, saving the
// dispatch first when a highlight is made on an article not saved yet. From our pages (reader
// page, library): their highlight and reading-state writes, so that the background stays the
// archive's one writer and every write is announced once (open pages follow it).
import { workerArchive as db } from './archive';
import type { Article, Entity } from '../core/types';
import {
  addHighlight, getHighlight, highlightsOf, markOpened, photosOf, removeHighlight, setPosition, setReadingState, updateHighlight,
  type Highlight, type HighlightAnchor, type HighlightColor, type ReadingRecord,
} from '../store';
import type { ReadingWrite } from '../shared/messages';
import { importReadLater, type ReadLaterExport } from '../store/export-readlater';
import { saveArticle, saveFromTab } from './saving';
import { readLaterChanged } from './changed';


export async function keptPhotoUrls(id: string): Promise<string[]> {
  return [...(await photosOf(db(), id)).keys()];
}

export async function photoData(id: string, url: string): Promise<{ type: string; base64: string } | null> {
  const blob = (await photosOf(db(), id)).get(url);
  if (!blob) return null;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { type: blob.type || 'image/jpeg', base64: btoa(bin) };
}

export const highlightsFor = (id: string): Promise<Highlight[]> => highlightsOf(db(), id);

/**
 * A highlight made in the overlay. From a tab, an unsaved article is saved the way the popup
 * saves it (saveFromTab: the tab's own reading, checked against the tab's address), never from
 * the article in the message; the highlight then belongs to the id that save stored.
 */
export async function highlightAdd(
  article: Article, entities: Entity[], anchor: HighlightAnchor, color: HighlightColor, note: string,
  page?: { tabId: number; tabUrl: string | undefined },
): Promise<{ ok: true; highlight: Highlight; saved: boolean } | { ok: false; error: string }> {
  let id = article.id;
  let saved = false;
  if (!(await db().has(id))) {
    const r = page ? await saveFromTab(page.tabId, page.tabUrl) : await saveArticle(article, entities);
    if (!r.ok) return r;
    id = r.id;
    saved = true;
  }
  const highlight = await addHighlight(db(), { dispatchId: id, anchor, color, note });
  readLaterChanged('highlight', [id]);
  return { ok: true, highlight, saved };
}

export async function highlightUpdate(id: string, patch: { color?: HighlightColor; note?: string }): Promise<Highlight | null> {
  const h = (await updateHighlight(db(), id, patch)) ?? null;
  if (h) readLaterChanged('highlight', [h.dispatchId]);
  return h;
}

export async function highlightRemove(id: string): Promise<boolean> {
  const h = await getHighlight(db(), id);
  if (!h || !(await removeHighlight(db(), id))) return false;
  readLaterChanged('highlight', [h.dispatchId]);
  return true;
}

export async function readingWrite(id: string, w: ReadingWrite): Promise<ReadingRecord> {
  const r = w.kind === 'state' ? await setReadingState(db(), id, w.state)
    : w.kind === 'opened' ? await markOpened(db(), id)
    : await setPosition(db(), id, w.position, w.end);
  readLaterChanged('reading', [id]);
  return r;
}

/** One part of an import's read-later section (the library validated the file). */
export async function importReadLaterPart(part: ReadLaterExport): Promise<{ highlights: number; photos: number }> {
  const r = await importReadLater(db(), part);
  if (part.highlights.length) readLaterChanged('highlight', [...new Set(part.highlights.map((h) => h.dispatchId))]);
  if (part.reading.length) readLaterChanged('reading', part.reading.map((x) => x.id));
  return r;
}
