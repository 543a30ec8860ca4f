// The one change signal of the archive. The background is the archive's only writer (the
// popup, the library and the reader page ask it through messages); after each write it
// announces what changed, once, on this BroadcastChannel, and every open extension page
// (popup, library, reader page) reacts. Content scripts are not on the channel (another
// origin): the background updates their tabs' badges itself.

export const ARCHIVE_CHANNEL = 'vna-reader:archive';

export type ArchiveChangeKind = 'save' | 'remove' | 'undo' | 'tags' | 'note' | 'import' | 'forget' | ReadLaterChangeKind;

/**
 * The reader's own layer over a dispatch: its highlights and notes in the text, and its reading
 * state and position. They change no dispatch, search hit or related list, so listeners that
 * show only dispatches ignore them (see touchesDispatches); the reader page and the library's
 * states and highlights follow them. A reading position is announced at most every 400 ms
 * while the reader scrolls (reader/position.ts).
 */
export type ReadLaterChangeKind = 'highlight' | 'reading';

/** Whether a change can change a dispatch, a list of dispatches or a related list. */
export const touchesDispatches = (c: ArchiveChange): boolean => c.kind !== 'highlight' && c.kind !== 'reading';

/**
 * Whether a change can change the list of highlights across the archive (the library's
 * highlights view): a highlight made, edited or deleted, or its dispatch removed, put back,
 * re-saved (its title), imported or forgotten. Reading positions, tags and notes cannot, and a
 * reader scrolling in another tab must not reload every highlight and title many times a second.
 */
export const touchesHighlights = (c: ArchiveChange): boolean => c.kind !== 'reading' && c.kind !== 'tags' && c.kind !== 'note';

export interface ArchiveChange {
  type: 'archive/changed';
  kind: ArchiveChangeKind;
  /** Dispatch ids written (an import lists its batch; 'forget' lists none: every dispatch went). */
  ids: string[];
  /** Increases with every announced change during one background life (ordering, dedupe). */
  rev: number;
}

let channel: BroadcastChannel | null = null;
const open = (): BroadcastChannel | null => {
  if (channel) return channel;
  if (typeof BroadcastChannel === 'undefined') return null;
  return (channel = new BroadcastChannel(ARCHIVE_CHANNEL));
};

let rev = 0;

/** Announce a change (background only). */
export function announceArchiveChange(kind: ArchiveChangeKind, ids: string[]): ArchiveChange {
  const msg: ArchiveChange = { type: 'archive/changed', kind, ids, rev: ++rev };
  try {
    open()?.postMessage(msg);
  } catch {
    // No listener context can be harmed by a lost announcement more than by a thrown one.
  }
  return msg;
}

/** Run `fn` on every archive change announced by the background; returns the unsubscribe. */
export function onArchiveChange(fn: (c: ArchiveChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  // Its own channel object: a BroadcastChannel does not hear its own posts, and a listener's
  // channel must not be the announcer's.
  const ch = new BroadcastChannel(ARCHIVE_CHANNEL);
  ch.onmessage = (ev: MessageEvent) => {
    const c = ev.data as ArchiveChange;
    if (c && c.type === 'archive/changed') fn(c);
  };
  return () => ch.close();
}
