// Read-later stores (photos kept offline, highlights, reading state): their names, record
// shapes and their one upgrade step. Kept apart from schema.ts so that the dispatch records and
// the search index are untouched: every read-later record is keyed by (or points to) a
// dispatch id and can be dropped without touching the archive.
import type { IDBPDatabase } from 'idb';
import type { ArchiveSchema } from './schema';

/** Database version that adds the read-later stores (see upgradeReadLater). */
export const READLATER_DB_VERSION = 4;

export const RL_STORE = {
  /** One blob per photo URL (shared by every dispatch that has that photo). */
  photos: 'photos',
  /** Per dispatch: which of its photos are kept, pending (to retry) or could not be kept. */
  photoJobs: 'photoJobs',
  highlights: 'highlights',
  /** Per dispatch: unread / read / archived and the reading position. */
  reading: 'reading',
} as const;

export const RL_INDEX = {
  /** highlights.dispatchId */
  dispatch: 'dispatchId',
  /** highlights.createdAt */
  created: 'createdAt',
  /** reading.openedAt (continue reading). */
  opened: 'openedAt',
} as const;

export interface PhotoRecord {
  url: string;
  blob: Blob;
  type: string;
  bytes: number;
  storedAt: number;
}

/** Why a photo was not kept: `pending` ones are retried, the others are final. */
export type PhotoStatus = 'kept' | 'pending' | 'too-large' | 'not-image' | 'refused' | 'dropped';

export interface PhotoEntry {
  url: string;
  status: PhotoStatus;
  tries: number;
}

export interface PhotoJob {
  /** The dispatch id. */
  id: string;
  photos: PhotoEntry[];
  /** Earliest time (ms) of the next attempt at the pending photos. */
  nextAt: number;
  updatedAt: number;
}

export type HighlightColor = 'yellow' | 'green' | 'blue' | 'pink';
export const HIGHLIGHT_COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink'];

/**
 * Where a highlight sits: the paragraph (field + index, as the reader numbers them) and the
 * offsets in its text, plus a W3C Web Annotation TextQuoteSelector (exact text with up to 32
 * characters before and after) that finds it again when the text has changed a little.
 */
export interface HighlightAnchor {
  field: 'lead' | 'body';
  index: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Highlight {
  id: string;
  dispatchId: string;
  color: HighlightColor;
  note: string;
  anchor: HighlightAnchor;
  createdAt: number;
  updatedAt: number;
}

export type ReadingStateName = 'unread' | 'read' | 'archived';

export interface ReadingPosition {
  /** Index of the first body block (paragraph or sub-heading) on screen. */
  index: number;
  /** Share of the whole article scrolled (0..1), for the progress shown in the library. */
  progress: number;
}

export interface ReadingRecord {
  id: string;
  state: ReadingStateName;
  position: ReadingPosition | null;
  /** Last time the dispatch was opened in the reader page (0: never). */
  openedAt: number;
  updatedAt: number;
}

export interface ReadLaterSchema extends ArchiveSchema {
  photos: { key: string; value: PhotoRecord };
  photoJobs: { key: string; value: PhotoJob };
  highlights: { key: string; value: Highlight; indexes: { dispatchId: string; createdAt: number } };
  reading: { key: string; value: ReadingRecord; indexes: { openedAt: number } };
}

export type ReadLaterDb = IDBPDatabase<ReadLaterSchema>;

/** The archive's connection seen with the read-later stores (same database). */
export function rlDb(db: IDBPDatabase<ArchiveSchema>): ReadLaterDb {
  return db as unknown as ReadLaterDb;
}

/**
 * Upgrade step of the read-later feature (photos offline, highlights, reading state): four
 * new stores, nothing rewritten, so existing archives upgrade instantly. The lead may renumber
 * READLATER_DB_VERSION when merging other schema steps; the step itself needs no data.
 */
export function upgradeReadLater(db: IDBPDatabase<ArchiveSchema>): void {
  const d = rlDb(db);
  const names = d.objectStoreNames as DOMStringList;
  if (!names.contains(RL_STORE.photos)) d.createObjectStore(RL_STORE.photos, { keyPath: 'url' });
  if (!names.contains(RL_STORE.photoJobs)) d.createObjectStore(RL_STORE.photoJobs, { keyPath: 'id' });
  if (!names.contains(RL_STORE.highlights)) {
    const h = d.createObjectStore(RL_STORE.highlights, { keyPath: 'id' });
    h.createIndex(RL_INDEX.dispatch, 'dispatchId');
    h.createIndex(RL_INDEX.created, 'createdAt');
  }
  if (!names.contains(RL_STORE.reading)) {
    const r = d.createObjectStore(RL_STORE.reading, { keyPath: 'id' });
    r.createIndex(RL_INDEX.opened, 'openedAt');
  }
}
