// Read-later requests from content scripts (the overlay on a live article cannot open the
// extension's IndexedDB): its kept photos, one at a time as base64 (a message carries JSON, not
// blobs, and one photo stays far below the message size limit), and its highlights, saving the
// dispatch first when a highlight is made on an article not saved yet.
import type { Article, Entity } from '../core/types';
import {
  addHighlight, Archive, highlightsOf, photosOf, removeHighlight, updateHighlight,
  type Highlight, type HighlightAnchor, type HighlightColor,
} from '../store';
import { saveArticle } from './saving';

let archive: Archive | null = null;
const db = () => (archive ??= new Archive());

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

export async function highlightAdd(article: Article, entities: Entity[], anchor: HighlightAnchor, color: HighlightColor, note: string): Promise<{ ok: true; highlight: Highlight; saved: boolean } | { ok: false; error: string }> {
  let saved = false;
  if (!(await db().has(article.id))) {
    const r = await saveArticle(article, entities);
    if (!r.ok) return r;
    saved = true;
  }
  const highlight = await addHighlight(db(), { dispatchId: article.id, anchor, color, note });
  return { ok: true, highlight, saved };
}

export async function highlightUpdate(id: string, patch: { color?: HighlightColor; note?: string }): Promise<Highlight | null> {
  return (await updateHighlight(db(), id, patch)) ?? null;
}

export const highlightRemove = (id: string): Promise<boolean> => removeHighlight(db(), id);
