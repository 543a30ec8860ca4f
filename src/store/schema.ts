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
/*
 * v5 (issue 17, scale): persisted, sharded entity postings (`postings`, ords per entity key)
 *     and one small `cards` record per dispatch (what a related row and its scoring need), plus
 *     META.summary (count, next ord, tag counts), all written in the same transaction as the
 *     dispatch. A cold service worker answers related/count/tags from a few reads of the keys a
 *     query touches instead of loading the whole in-memory index. The stored record loses its
 *     `words` array (the brief holds the one copy) and gains its `ord`. One separate step
 *     (upgradeToV5 in db.ts), after the read-later step because it rewrites every record.
 */
/*
 * v6 (issue 17, search): persisted word postings (`words`: folded word -> ords with a title
 *     flag, sharded like `postings`), a delta log of the writes not yet merged into them
 *     (`wordDeltas`: one small record per single save, merged in bounded batches later) and a
 *     per-ord column of published/savedAt/site (`ordCols`) for tie-breaking and date sorts
 *     without reading a card per hit. Search then reads only the shards of the words a query
 *     touches instead of loading the in-memory index. One separate step (upgradeToV6 in db.ts),
 *     built from the v5 cards and briefs; the lead may renumber it at merge.
 */
/*
 * v7 (issue 17, related): the entity `postings` change format: each shard covers POSTING_SHARD
 *     (32,768) ords instead of SHARD_SIZE and holds 16-bit offsets instead of Int32 ords
 *     (PostingRecord: a few records per key instead of 25 at 100,000 dispatches, half the
 *     bytes). A cold related query reads the shards of ~16 keys: ~880 KB in ~400 records
 *     before, which cost IndexedDB more than the rest of the query. One separate step
 *     (upgradeToV7 in db.ts) rewrites the v6 shards; nothing else changes. The lead may
 *     renumber it at merge.
 */
/*
 * v8 (issue 17, search): a fourth `ordCols` kind, `day` (OrdColsRecord.day: word-rank.ts dayKey,
 *     2 bytes per ord), read by the relevance cut of a common word instead of the 9-byte `pub`
 *     column (~1.2 MB at 100,000 dispatches, the largest read of a cold search); the few
 *     candidates it leaves are ordered from their cards. One separate step (upgradeToV8 in db.ts)
 *     adds the `day` records from the v6 `pub` columns; it touches no other record. The lead may
 *     renumber it at merge.
 */
/*
 * v9 (issue 17, related): term postings (`terms`: top content term -> ords, sharded like
 *     `postings`, a shard a list of offsets or, when dense, a bitmap; term-postings.ts), with each
 *     short card's term count under a count key. A cold related query scores every candidate of
 *     its pool from them (Jaccard = shared terms and term counts) and reads only the final k
 *     cards, instead of ~100 cards scattered over the archive. One separate step (upgradeToV9 in
 *     db.ts) builds them from the v8 cards; nothing else changes. The lead may renumber it at merge.
 */
/*
 * v10 (issue 17, bytes per dispatch): briefs lose their `words` string (~1,100 characters per
 *     dispatch, a second copy of what the `words` shards hold) and gain their ord (`o`); the
 *     in-memory index keeps no word postings (nor does its snapshot: ~550 bytes per dispatch),
 *     and its search reads the word shards like every other search. A write recomputes the old
 *     words it takes out of the shards from the stored record (records.ts recordWords). One
 *     step (upgradeToV10 in db.ts) rewrites every brief and drops the index snapshot.
 */
/*
 * v11 (issue 17, save): the index tail (`indexTail`, IndexTailRecord, index-tail.ts): a new
 *     dispatch's entity keys and term keys in one record keyed by its ord, instead of ~55
 *     shard rewrites in its save; readers of the postings merge the tail in, and the writer
 *     folds it into the shards when idle (or at once past TAIL_MAX). ArchiveSummary gains
 *     `tailFrom` and `tail`. One step (upgradeToV11 in db.ts) creates the empty store: a v10
 *     summary without `tailFrom` reads as an empty tail.
 */
export const DB_VERSION = 11;

/** Version of the stored record shape (`schemaVersion`): 3 = no `words`, an `ord`. */
export const RECORD_VERSION = 3;

export const STORE = {
  dispatches: 'dispatches',
  briefs: 'briefs',
  meta: 'meta',
  changes: 'changes',
  /** v3: removed dispatches kept for TRASH_DAYS (TrashRecord), keyed by dispatch id. */
  trash: 'trash',
  /** v5: entity key -> ords, sharded by ord (PostingRecord, v7 format), keyed [k, s]. */
  postings: 'postings',
  /** v4: one CardRecord per dispatch, keyed by ord, with a unique `id` index. */
  cards: 'cards',
  /** v6 (search): folded word -> ords * 2 + title flag, sharded by ord (WordPostingRecord), keyed [w, s]. */
  words: 'words',
  /** v6 (search): writes not yet merged into `words` (WordDeltaRecord), keyed by an auto seq. */
  wordDeltas: 'wordDeltas',
  /** v6 (search): published/savedAt/site per ord, one OrdColsRecord per kind and COL_SIZE ords (word-postings.ts), keyed [k, s]. */
  ordCols: 'ordCols',
  /** v9 (related): top content term -> ords, sharded by ord (TermPostingRecord), keyed [k, s]. */
  terms: 'terms',
  /** v11 (save): the newest dispatches' entity and term keys, not yet in `postings`/`terms` (IndexTailRecord), keyed by ord. */
  indexTail: 'indexTail',
} as const;

/** v4: ords per postings shard (a save rewrites one shard per entity key, never a whole list). */
export const SHARD_SIZE = 4096;

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
  /** Before v10 only: the search words of the whole dispatch (now recomputed from the record: recordWords). */
  words?: string;
  /** v10: the dispatch's ord (its card, its entries in the postings and word shards); absent before v5. */
  o?: number;
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

/**
 * The stored record: the public Dispatch plus the fields only the store needs (the IDB index
 * key and, from v4, the dispatch's ord in the persisted postings). Search words are not kept
 * here: the brief has the one copy.
 */
export interface DispatchRecord extends Dispatch {
  publishedKey: string;
  /** v4: position in the postings and the cards store (absent only before the v4 upgrade). */
  ord?: number;
  /** `article.body` is left out, being the flat view of `article.blocks` (records.ts packArticle). */
  bodyPacked?: true;
}

/** v5-v6: the ords of the dispatches mentioning entity key `k` within shard `s` (SHARD_SIZE ords), ascending. */
export interface PostingRecordV6 {
  k: string;
  s: number;
  o: Int32Array;
}

/** v7: ords per entity postings shard (a save appends to one shard per entity key). */
export const POSTING_SHARD = 32768;

/**
 * v7: the ords of the dispatches mentioning entity key `k` within shard `s` (ords
 * s * POSTING_SHARD .. (s + 1) * POSTING_SHARD - 1), ascending, as offsets from its first
 * (posting-codec.ts).
 */
export interface PostingRecord {
  k: string;
  s: number;
  o: Uint16Array;
}

/**
 * v9: the dispatches whose card's top terms hold term `k` (or, for a count key, whose card holds
 * that many terms) within shard `s` (as PostingRecord): `o`, ascending offsets from the shard's
 * first ord, while sparse; `b`, a bitmap of POSTING_SHARD bits (bit ord - first), when dense.
 */
export interface TermPostingRecord {
  k: string;
  s: number;
  o?: Uint16Array;
  b?: Uint8Array;
}

/** v4: what a related row and its scoring need of one dispatch, keyed by ord: its brief, and its terms. */
export interface CardRecord extends DispatchBrief {
  o: number;
  /** Space-separated top content terms (text similarity). */
  terms: string;
}

/** v4: the always-loaded summary (META.summary): one small get answers count and tags. */
export interface ArchiveSummary {
  n: number;
  nextOrd: number;
  /** Folded tag key -> spelling -> number of dispatches carrying it. */
  tags: Record<string, Record<string, number>>;
  /** Site -> number of dispatches (the library's site filter). */
  sites: Record<string, number>;
  /**
   * v11: every indexed ord >= tailFrom has its keys in `indexTail` and none in the shards; every
   * ord below, the reverse (absent before v11: nextOrd, an empty tail).
   */
  tailFrom: number;
  /** v11: how many records `indexTail` holds (when to fold it into the shards). */
  tail: number;
}

/**
 * v11: one dispatch's postings while it is in the tail (ord >= ArchiveSummary.tailFrom): its
 * distinct entity keys (`k`) and term keys (`t`, term-postings.ts termKeysOf: its count key
 * included), exactly what a fold adds to `postings` and `terms` for ord `o`.
 */
export interface IndexTailRecord {
  o: number;
  k: string[];
  t: string[];
}

/**
 * v6 (search): the dispatches holding word `w` within shard `s`, as `ord * 2 + (in title ? 1 : 0)`,
 * ascending (so ascending by ord).
 */
export interface WordPostingRecord {
  w: string;
  s: number;
  o: Int32Array;
}

/**
 * v6 (search): one write of a dispatch's search words not yet merged into `words`. `words`
 * null: removed. `prev`: its words before this write (what a merge takes out of the shards).
 */
export interface WordDeltaRecord {
  seq?: number;
  o: number;
  words: string | null;
  title: string;
  prev: string | null;
  pub: string | null;
  saved: number;
  site: string;
}

/**
 * v6 (search): one column of ords s * COL_SIZE .. (index ord - s * COL_SIZE), keyed [k, s]:
 * `pub` (published as an order-keeping number, word-rank.ts pubKey: exact to the minute for ISO
 * dates, the string itself read from the card only for the rare ties it cannot settle; `flag`
 * PUB_LOSSY | PUB_LOSSY10 | PUB_NULL), `saved` (savedAt) or `site` (interned in `sites`).
 * Typed arrays, which IndexedDB clones as bytes (as strings, 100,000 dates cost ~12 ms to read),
 * one kind per record so that relevance reads only `pub`.
 */
export interface OrdColsRecord {
  k: 'pub' | 'saved' | 'site' | 'day';
  s: number;
  pub?: Float64Array;
  /** v8: dayKey(published) per ord (kind `day`). */
  day?: Uint16Array;
  flag?: Uint8Array;
  saved?: Float64Array;
  site?: Uint16Array;
  sites?: string[];
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
  postings: { key: [string, number]; value: PostingRecord };
  cards: { key: number; value: CardRecord; indexes: { id: string } };
  words: { key: [string, number]; value: WordPostingRecord };
  wordDeltas: { key: number; value: WordDeltaRecord };
  ordCols: { key: [string, number]; value: OrdColsRecord };
  terms: { key: [string, number]; value: TermPostingRecord };
  indexTail: { key: number; value: IndexTailRecord };
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
  /** v4: ArchiveSummary, updated in every write transaction. */
  summary: 'summary',
} as const;
