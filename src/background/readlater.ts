// Read-later requests from content scripts (the overlay on a live article cannot open the
// extension's IndexedDB): its kept photos, one at a time as base64 (a message carries JSON, not
// blobs, and one photo stays far below the message size limit), and its highlights, saving the
// dispatch first when a highlight is made on an article not saved yet.
import { workerArchive as db } from './archive';
import type { Article, Entity } from '../core/types';
import {
  addHighlight, highlightsOf, photosOf, removeHighlight, updateHighlight,
  type Highlight, type HighlightAnchor, type HighlightColor,
} from '../store';
import { saveArticle, saveFromTab } from './saving';


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
  return { ok: true, highlight, saved };
}

export async function highlightUpdate(id: string, patch: { color?: HighlightColor; note?: string }): Promise<Highlight | null> {
  return (await updateHighlight(db(), id, patch)) ?? null;
}

export const highlightRemove = (id: string): Promise<boolean> => removeHighlight(db(), id);
