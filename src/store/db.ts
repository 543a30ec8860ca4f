// Opening the archive database with versioned, fall-through upgrade steps. Each step runs
// only for databases older than its version, so a v1 archive is carried to the current
// version with every dispatch kept (and backfilled where a new field or store appears).
import { openDB, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME, DB_VERSION, INDEX, META, RECORD_VERSION, SHARD_SIZE, STORE, V1_WORDS_INDEX, type ArchiveSchema, type BriefRecord, type CardRecord, type DispatchRecord, type PostingRecordV6 } from './schema';
import { shardsOf } from './posting-codec';
import { buildBrief, buildCard, splitEntities, tagKey } from './records';
import { READLATER_DB_VERSION, upgradeReadLater } from './readlater-schema';
import { buildDayColumns, buildWordIndex } from './word-postings';
import { buildTermPostings } from './term-postings-build';

export type ArchiveDb = IDBPDatabase<ArchiveSchema>;

export interface OpenOptions {
  /** Open an older version (tests build a v1 archive this way). Defaults to DB_VERSION. */
  version?: number;
  /** Another context (tab, worker) wants a newer version: this connection is closed first. */
  onVersionChange?: () => void;
  /** Our upgrade waits for old connections elsewhere to close. */
  onBlocked?: () => void;
  /** The browser closed the connection abnormally (e.g. storage cleared). */
  onTerminated?: () => void;
}

type UpgradeTx = IDBPTransaction<ArchiveSchema, StoreNames<ArchiveSchema>[], 'versionchange'>;

/** v1: the dispatches store and its indexes. */
function upgradeToV1(db: ArchiveDb): void {
  const s = db.createObjectStore(STORE.dispatches, { keyPath: 'id' });
  s.createIndex(INDEX.savedAt, 'savedAt');
  s.createIndex(INDEX.published, 'publishedKey');
  s.createIndex(INDEX.site, 'site');
  s.createIndex(INDEX.entityKeys, 'entityKeys', { multiEntry: true });
  (s as unknown as IDBPObjectStore<unknown, string[], string, 'versionchange'>).createIndex(V1_WORDS_INDEX, 'words', { multiEntry: true });
}

/** v2: drop the words index; briefs, meta and changes stores; backfill every dispatch. */
async function upgradeToV2(db: ArchiveDb, tx: UpgradeTx): Promise<void> {
  const s = tx.objectStore(STORE.dispatches);
  if ((s.indexNames as DOMStringList).contains(V1_WORDS_INDEX)) s.deleteIndex(V1_WORDS_INDEX as never);
  const briefs = db.createObjectStore(STORE.briefs, { keyPath: 'id' });
  db.createObjectStore(STORE.meta, { keyPath: 'key' });
  db.createObjectStore(STORE.changes, { keyPath: 'seq', autoIncrement: true });
  // Only IDB work may be awaited here, or the upgrade transaction would auto-commit.
  for (let c = await s.openCursor(); c; c = await c.continue()) {
    const r = c.value as DispatchRecord;
    const next: DispatchRecord = { ...r, publishedKey: r.publishedKey ?? r.published ?? '', schemaVersion: 2 };
    c.update(next);
    briefs.put(buildBrief(next));
  }
}

/**
 * v3 (issue 13, trash): the `trash` store, and the reader's tags copied into every brief so
 * the in-memory index can list and filter tags. Briefs change, so the index snapshot goes.
 */
async function upgradeToV3(db: ArchiveDb, tx: UpgradeTx): Promise<void> {
  const trash = db.createObjectStore(STORE.trash, { keyPath: 'id' });
  trash.createIndex('removedAt', 'removedAt');
  await tx.objectStore(STORE.meta).delete(META.indexSnapshot);
  const briefs = tx.objectStore(STORE.briefs);
  for (let c = await tx.objectStore(STORE.dispatches).openCursor(); c; c = await c.continue()) {
    briefs.put(buildBrief(c.value as DispatchRecord));
  }
}

/**
 * v4 (issue 17, scale): the persisted index. Every dispatch gets an ord (in id order), loses
 * the `words` array its brief already holds, and gets a card; the entity postings and the
 * summary (count, next ord, tag counts) are built from all of them. The briefs and the index
 * snapshot are unchanged (same words, same ids).
 */
async function upgradeToV5(db: ArchiveDb, tx: UpgradeTx): Promise<void> {
  const postings = db.createObjectStore(STORE.postings, { keyPath: ['k', 's'] });
  const cards = db.createObjectStore(STORE.cards, { keyPath: 'o' });
  cards.createIndex('id', 'id', { unique: true });
  const briefs = tx.objectStore(STORE.briefs);
  const byKey = new Map<string, number[]>();
  const tags: Record<string, Record<string, number>> = {};
  const sites: Record<string, number> = {};
  let ord = 0;
  for (let c = await tx.objectStore(STORE.dispatches).openCursor(); c; c = await c.continue()) {
    const { words: _words, ...r } = c.value as DispatchRecord & { words?: unknown };
    const o = ord++;
    // Entities beside the article only (issue 16): an old record may carry them twice.
    const split = splitEntities(r.article, r.entities ?? []);
    const next: DispatchRecord = { ...r, ...split, ord: o, schemaVersion: RECORD_VERSION };
    c.update(next);
    const b = ((await briefs.get(next.id)) as BriefRecord | undefined) ?? buildBrief(next);
    if (!b.userTags) briefs.put(buildBrief(next));
    cards.put(buildCard(b, o));
    for (const k of new Set(next.entityKeys)) {
      let l = byKey.get(k);
      if (!l) byKey.set(k, (l = []));
      l.push(o);
    }
    sites[next.site] = (sites[next.site] ?? 0) + 1;
    for (const t of next.userTags ?? []) {
      const sp = (tags[tagKey(t)] ??= {});
      sp[t] = (sp[t] ?? 0) + 1;
    }
  }
  for (const [k, l] of byKey) {
    // l is ascending: cut it where the shard number changes.
    for (let i = 0; i < l.length; ) {
      const s = Math.floor(l[i] / SHARD_SIZE);
      let j = i;
      while (j < l.length && Math.floor(l[j] / SHARD_SIZE) === s) j++;
      // The v5-v6 shard format (PostingRecordV6); upgradeToV7 rewrites it.
      postings.put({ k, s, o: Int32Array.from(l.slice(i, j)) } as PostingRecordV6 as never);
      i = j;
    }
  }
  await tx.objectStore(STORE.meta).put({ key: META.summary, value: { n: ord, nextOrd: ord, tags, sites, tailFrom: ord, tail: 0 } });
}

/**
 * v6 (issue 17, search): the persisted word index (word-postings.ts): `words` shards, the
 * `wordDeltas` log (empty after the upgrade) and the `ordCols` columns, built from the v5
 * cards (ords) and briefs (words). Nothing existing is rewritten.
 */
async function upgradeToV6(db: ArchiveDb, tx: UpgradeTx): Promise<void> {
  db.createObjectStore(STORE.words, { keyPath: ['w', 's'] });
  db.createObjectStore(STORE.wordDeltas, { keyPath: 'seq', autoIncrement: true });
  db.createObjectStore(STORE.ordCols, { keyPath: ['k', 's'] });
  const sum = (await tx.objectStore(STORE.meta).get(META.summary))?.value as { nextOrd?: number } | undefined;
  await buildWordIndex(tx, Number(sum?.nextOrd) || 0);
}

/**
 * v7 (issue 17, related): the entity postings rewritten from SHARD_SIZE shards of Int32 ords
 * (PostingRecordV6) to POSTING_SHARD shards of 16-bit offsets (PostingRecord, posting-codec.ts).
 * The v6 records are read in key order ([k, s]: one key's shards together, ascending), so
 * each key's ords are regrouped as they come. Nothing else changes.
 */
async function upgradeToV7(tx: UpgradeTx): Promise<void> {
  const store = tx.objectStore(STORE.postings);
  const old = (await store.getAll()) as unknown as PostingRecordV6[];
  await store.clear();
  let key: string | null = null;
  let ords: number[] = [];
  const put = () => {
    if (key !== null) for (const r of shardsOf(key, ords)) store.put(r);
  };
  for (const r of old) {
    // A record already in the v7 format (Uint16 offsets; none expected) is kept as it is.
    if (!(r.o instanceof Int32Array)) {
      store.put(r as never);
      continue;
    }
    if (r.k !== key) {
      put();
      key = r.k;
      ords = [];
    }
    for (const o of r.o) ords.push(o);
  }
  put();
}

/**
 * v8 (issue 17, search): a `day` column (dayKey, 2 bytes per ord) beside each v6 `pub` column,
 * for the relevance cut (word-postings.ts buildDayColumns). Adds `ordCols` records of kind
 * `day` only; nothing else is read but the `pub` columns (and the cards of odd dates).
 */
async function upgradeToV8(tx: UpgradeTx): Promise<void> {
  await buildDayColumns(tx);
}

/**
 * v9 (issue 17, related): the `terms` store (term-postings.ts), built from the v8 cards' terms
 * one POSTING_SHARD of ords at a time (term-postings-build.ts). Nothing existing is rewritten.
 */
async function upgradeToV9(db: ArchiveDb, tx: UpgradeTx): Promise<void> {
  db.createObjectStore(STORE.terms, { keyPath: ['k', 's'] });
  await buildTermPostings(tx);
}

/**
 * v10 (issue 17, bytes per dispatch): every brief loses its `words` (the word shards hold them;
 * a write recomputes the old ones from the record) and gains its ord `o` (its card's key), so
 * the in-memory index can map a persisted search's hits to its briefs; the index snapshot
 * (format 2, with word postings) goes. One card range at a time, like buildWordIndex.
 */
async function upgradeToV10(tx: UpgradeTx): Promise<void> {
  await tx.objectStore(STORE.meta).delete(META.indexSnapshot);
  const cards = tx.objectStore(STORE.cards);
  const briefs = tx.objectStore(STORE.briefs);
  const sum = (await tx.objectStore(STORE.meta).get(META.summary))?.value as { nextOrd?: number } | undefined;
  const nextOrd = Number(sum?.nextOrd) || 0;
  for (let s = 0; s * SHARD_SIZE < nextOrd; s++) {
    const cs = (await cards.getAll(IDBKeyRange.bound(s * SHARD_SIZE, (s + 1) * SHARD_SIZE - 1))) as CardRecord[];
    const bs = (await Promise.all(cs.map((c) => briefs.get(c.id)))) as (BriefRecord | undefined)[];
    await Promise.all(
      bs.map((b, i) => {
        if (!b) return null;
        const { words: _w, ...rest } = b;
        return briefs.put({ ...rest, o: cs[i].o });
      }),
    );
  }
}

/** v11 (issue 17, save): the index tail's store, empty (schema.ts IndexTailRecord); nothing else changes. */
function upgradeToV11(db: ArchiveDb): void {
  db.createObjectStore(STORE.indexTail, { keyPath: 'o' });
}

export function openArchiveDb(name: string = DB_NAME, opts: OpenOptions = {}): Promise<ArchiveDb> {
  const version = opts.version ?? DB_VERSION;
  let db: ArchiveDb | undefined;
  const p = openDB<ArchiveSchema>(name, version, {
    async upgrade(udb, oldVersion, newVersion, tx) {
      const target = newVersion ?? version;
      if (oldVersion < 1 && target >= 1) upgradeToV1(udb);
      if (oldVersion < 2 && target >= 2) await upgradeToV2(udb, tx);
      if (oldVersion < 3 && target >= 3) await upgradeToV3(udb, tx);
      // Read-later step (v4: photos offline, highlights, reading state): new stores only.
      if (oldVersion < READLATER_DB_VERSION && target >= READLATER_DB_VERSION) upgradeReadLater(udb);
      // Scale step (v5: persisted postings and cards, records without `words`): rewrites every record.
      if (oldVersion < 5 && target >= 5) await upgradeToV5(udb, tx);
      // Search step (v6: persisted word postings, deltas, ord columns): new stores only.
      if (oldVersion < 6 && target >= 6) await upgradeToV6(udb, tx);
      // Related step (v7: entity postings as 16-bit offsets in larger shards): rewrites `postings` only.
      if (oldVersion < 7 && target >= 7) await upgradeToV7(tx);
      // Search step (v8: the `day` column of the relevance cut): adds `ordCols` records only.
      if (oldVersion < 8 && target >= 8) await upgradeToV8(tx);
      // Related step (v9: term postings, so a related query reads no candidate's card): a new store only.
      if (oldVersion < 9 && target >= 9) await upgradeToV9(udb, tx);
      // Bytes step (v10: briefs without their words, with their ord; no word postings in the snapshot): rewrites `briefs`.
      if (oldVersion < 10 && target >= 10) await upgradeToV10(tx);
      // Save step (v11: the index tail, so a save writes one record instead of ~55 shards): a new store only.
      if (oldVersion < 11 && target >= 11) upgradeToV11(udb);
    },
    blocked() {
      opts.onBlocked?.();
    },
    blocking() {
      // A newer version is being opened elsewhere: step aside so its upgrade can run.
      db?.close();
      opts.onVersionChange?.();
    },
    terminated() {
      opts.onTerminated?.();
    },
  });
  return p.then((d) => (db = d));
}
