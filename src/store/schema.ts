// Names and versions of the local archive's IndexedDB database. One place for every
// store/index name so that the upgrade steps, the queries and the tests agree.
import type { DBSchema } from 'idb';
import type { Dispatch } from './types';

export const DB_NAME = 'vna-reader';

/**
 * Database (schema) version. Every bump adds one `if (oldVersion < N)` step in db.ts.
 * v1: `dispatches` store with the date, site, entity-key and word indexes.
 * v2: the `words` multiEntry index is dropped (in Chromium an index scan costs ~30 µs per
 *     entry: 300 ms for a common word at 10,000 dispatches); search and related run on an
 *     in-memory index built from the new `briefs` store (one small record per dispatch, with
 *     its words as one string), kept in step across tabs through the `changes` log. A `meta`
 *     store holds the first-save flag. Existing dispatches are backfilled.
 * v3 (issue 13, trash): a `trash` store keeps each removed dispatch (with the reader's tags and
 *     note) for TRASH_DAYS, so a removal can be undone from any context and re-saving the
 *     article brings the reader's work back; briefs gain the reader's tags (tag list, filter).
 *     One separate step (upgradeToV3 in db.ts): the lead may renumber it at merge.
 * v4 (issue 14, read-later: photos offline, highlights, reading state): four new stores, see
 *     readlater-schema.ts (READLATER_DB_VERSION); nothing existing is rewritten.
 */
export const DB_VERSION = 4;

/** Version of the Dispatch record shape (`Dispatch.schemaVersion`). */
export const RECORD_VERSION = 2;

export const STORE = {
  dispatches: 'dispatches',
  briefs: 'briefs',
  meta: 'meta',
  changes: 'changes',
  /** v3: removed dispatches kept for TRASH_DAYS (TrashRecord), keyed by dispatch id. */
  trash: 'trash',
} as const;

/**
 * A removed dispatch stays in the trash this long (then it is purged on the next write or
 * trash listing): long enough to notice a mistaken removal, short enough that a removal
 * really removes. The library shows the date each entry will be purged.
 */
export const TRASH_DAYS = 30;
export const TRASH_MS = TRASH_DAYS * 86_400_000;

export const INDEX = {
  /** dispatches.savedAt (number, ms). */
  savedAt: 'savedAt',
  /** dispatches.publishedKey (ISO string, '' when unknown so undated dispatches stay listed). */
  published: 'published',
  site: 'site',
  /** dispatches.entityKeys, multiEntry. */
  entityKeys: 'entityKeys',
} as const;

/** v1 only: dispatches.words, multiEntry (dropped in v2). */
export const V1_WORDS_INDEX = 'words';

/** A dispatch in lists and results: what a row needs, without the article text. */
export interface DispatchBrief {
  id: string;
  title: string;
  url: string;
  site: string;
  published: string | null;
  savedAt: number;
  entityKeys: string[];
}

/** Stored brief: DispatchBrief plus what the in-memory index needs, as compact strings. */
export interface BriefRecord extends DispatchBrief {
  /** Space-separated search words of the whole dispatch (Dispatch.words). */
  words: string;
  /** Space-separated search words of the title. */
  titleWords: string;
  /** Space-separated most frequent content terms, for text similarity. */
  terms: string;
  /** Names of the entities, parallel to entityKeys, for explanations. */
  entityNames: string[];
  /** v3: the reader's tags (tag list with counts, tag filter); absent in older briefs. */
  userTags?: string[];
  /** v3: the aliases (acronyms) of each entity, parallel to entityKeys (suggestions). */
  entityAliases?: string[][];
}

/** v3: a removed dispatch as it was, with when it was removed. */
export interface TrashRecord {
  id: string;
  removedAt: number;
  dispatch: Dispatch;
}

/** The stored record: the public Dispatch plus the derived fields the indexes need. */
export interface DispatchRecord extends Dispatch {
  publishedKey: string;
}

/** One write of the archive, so other contexts can replay it into their in-memory index. */
export interface ChangeRecord {
  seq?: number;
  id: string;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface ArchiveSchema extends DBSchema {
  dispatches: {
    key: string;
    value: DispatchRecord;
    indexes: {
      savedAt: number;
      published: string;
      site: string;
      entityKeys: string;
    };
  };
  briefs: { key: string; value: BriefRecord };
  meta: { key: string; value: MetaRecord };
  changes: { key: number; value: ChangeRecord };
  trash: { key: string; value: TrashRecord; indexes: { removedAt: number } };
}

export const META = {
  /** Changes with seq below this were pruned: a reader that saw less must reload. */
  prunedBelow: 'prunedBelow',
  /** Set once navigator.storage.persist() has been asked for (first save). */
  persistRequested: 'persistRequested',
  /**
   * The in-memory index as columns (memindex.ts IndexSnapshot) with the `changes` seq it
   * reflects, so a new context loads it with one get and replays only the later changes.
   * Written lazily (see Archive); ignored when its format is unknown, it is newer than the
   * log, or the log was pruned past it. An upgrade step that rewrites briefs must delete it.
   */
  indexSnapshot: 'indexSnapshot',
} as const;
