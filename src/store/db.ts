// Opening the archive database with versioned, fall-through upgrade steps. Each step runs
// only for databases older than its version, so a v1 archive is carried to the current
// version with every dispatch kept (and backfilled where a new field or store appears).
import { openDB, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME, DB_VERSION, INDEX, META, RECORD_VERSION, STORE, V1_WORDS_INDEX, type ArchiveSchema, type DispatchRecord } from './schema';
import { buildBrief } from './records';
import { READLATER_DB_VERSION, upgradeReadLater } from './readlater-schema';

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
    const next: DispatchRecord = { ...r, publishedKey: r.publishedKey ?? r.published ?? '', schemaVersion: RECORD_VERSION };
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
