// Highlights and notes in the text of a saved dispatch. Each is its own record (indexed by
// dispatch), so adding one never rewrites the dispatch or its search index, and a dispatch's
// highlights are read with one index query when it is reopened.
import type { Archive } from './archive';
import { fold } from '../core/text/fold';
import { HIGHLIGHT_COLORS, RL_INDEX, RL_STORE, rlDb, type Highlight, type HighlightAnchor, type HighlightColor } from './readlater-schema';

export function newHighlightId(): string {
  return `hl-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function isHighlightColor(v: unknown): v is HighlightColor {
  return typeof v === 'string' && (HIGHLIGHT_COLORS as string[]).includes(v);
}

export interface NewHighlight {
  dispatchId: string;
  anchor: HighlightAnchor;
  color?: HighlightColor;
  note?: string;
  id?: string;
}

export async function addHighlight(archive: Archive, h: NewHighlight, now = Date.now()): Promise<Highlight> {
  const rec: Highlight = {
    id: h.id ?? newHighlightId(),
    dispatchId: h.dispatchId,
    color: isHighlightColor(h.color) ? h.color : 'yellow',
    note: typeof h.note === 'string' ? h.note : '',
    anchor: h.anchor,
    createdAt: now,
    updatedAt: now,
  };
  const db = rlDb(await archive.db());
  await db.put(RL_STORE.highlights, rec);
  return rec;
}

export async function updateHighlight(archive: Archive, id: string, patch: { color?: HighlightColor; note?: string }, now = Date.now()): Promise<Highlight | undefined> {
  const db = rlDb(await archive.db());
  const tx = db.transaction(RL_STORE.highlights, 'readwrite');
  const old = await tx.store.get(id);
  if (!old) return undefined;
  const next: Highlight = {
    ...old,
    color: isHighlightColor(patch.color) ? patch.color : old.color,
    note: typeof patch.note === 'string' ? patch.note : old.note,
    updatedAt: Math.max(now, old.updatedAt + 1),
  };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** One highlight by id (the background names its dispatch when it announces a removal). */
export async function getHighlight(archive: Archive, id: string): Promise<Highlight | undefined> {
  return rlDb(await archive.db()).get(RL_STORE.highlights, id);
}

export async function removeHighlight(archive: Archive, id: string): Promise<boolean> {
  const db = rlDb(await archive.db());
  const tx = db.transaction(RL_STORE.highlights, 'readwrite');
  const had = (await tx.store.count(id)) > 0;
  if (had) await tx.store.delete(id);
  await tx.done;
  return had;
}

/** A dispatch's highlights, in reading order (paragraph, then offset). */
export async function highlightsOf(archive: Archive, dispatchId: string): Promise<Highlight[]> {
  const db = rlDb(await archive.db());
  const list = await db.getAllFromIndex(RL_STORE.highlights, RL_INDEX.dispatch, dispatchId);
  const fieldRank = (f: string) => (f === 'lead' ? 0 : 1);
  return list.sort((a, b) => fieldRank(a.anchor.field) - fieldRank(b.anchor.field) || a.anchor.index - b.anchor.index || a.anchor.start - b.anchor.start);
}

/** Every highlight, newest first (the library's highlights view and export). */
export async function allHighlights(archive: Archive): Promise<Highlight[]> {
  const db = rlDb(await archive.db());
  return (await db.getAllFromIndex(RL_STORE.highlights, RL_INDEX.created)).reverse();
}

/** Whether a highlight matches a search text (folded words of its quote, note or title). */
export function highlightMatches(h: Highlight, title: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = fold(`${h.anchor.exact} ${h.note} ${title}`);
  return words.every((w) => hay.includes(w));
}

/** Put highlights from an import: a newer local copy of one is kept. */
export async function putHighlights(archive: Archive, list: Highlight[]): Promise<{ added: number; updated: number; skipped: number }> {
  const db = rlDb(await archive.db());
  const tx = db.transaction(RL_STORE.highlights, 'readwrite');
  const counts = { added: 0, updated: 0, skipped: 0 };
  for (const h of list) {
    const old = await tx.store.get(h.id);
    if (old && old.updatedAt >= h.updatedAt) counts.skipped++;
    else {
      if (old) counts.updated++;
      else counts.added++;
      await tx.store.put(h);
    }
  }
  await tx.done;
  return counts;
}
