// Names and versions of the local archive's IndexedDB database. One place for every
// store/index name so that the upgrade steps, the queries and the tests agree.
import type { DBSchema } from 'idb';
import type { Dispatch } from './types';

export const DB_NAME = 'vna-reader';

/**
 * Database (schema) version. Every bump adds one `if (oldVersion < N)` step in db.ts.
 * v1: `dispatches` store with the date, site, entity-key and word indexes.
 * v2: `titleWords` index (search ranking), `briefs` store (small per-dispatch records used by
 *     related/search so they never load full articles) and `meta` store (revision counter,
 *     first-save flag); existing dispatches are backfilled.
 */
export const DB_VERSION = 2;

/** Version of the Dispatch record shape (`Dispatch.schemaVersion`). */
export const RECORD_VERSION = 2;

export const STORE = {
  dispatches: 'dispatches',
  briefs: 'briefs',
  meta: 'meta',
} as const;

export const INDEX = {
  /** dispatches.savedAt (number, ms). */
  savedAt: 'savedAt',
  /** dispatches.publishedKey (ISO string, '' when unknown so undated dispatches stay listed). */
  published: 'published',
  site: 'site',
  /** dispatches.entityKeys, multiEntry. */
  entityKeys: 'entityKeys',
  /** dispatches.words, multiEntry: folded words of the whole article. */
  words: 'words',
  /** dispatches.titleWords, multiEntry (v2): folded words of the title, for ranking. */
  titleWords: 'titleWords',
} as const;

/** What related/search read instead of the full record: a few hundred bytes per dispatch. */
export interface DispatchBrief {
  id: string;
  title: string;
  url: string;
  site: string;
  published: string | null;
  savedAt: number;
  entityKeys: string[];
  /** The article's most frequent content terms (folded), for text similarity. */
  terms: string[];
}

/** The stored record: the public Dispatch plus the derived fields the indexes need. */
export interface DispatchRecord extends Dispatch {
  publishedKey: string;
  titleWords: string[];
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
      words: string;
      titleWords: string;
    };
  };
  briefs: { key: string; value: DispatchBrief };
  meta: { key: string; value: MetaRecord };
}

export const META = {
  /** Incremented by every write transaction; lets readers cache derived orderings safely. */
  revision: 'revision',
  /** Set once navigator.storage.persist() has been asked for (first save). */
  persistRequested: 'persistRequested',
} as const;
