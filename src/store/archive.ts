// The local archive: saved dispatches in the extension's own IndexedDB. Every write is one
// readwrite transaction over all the stores it touches, so a failure (quota, crash, abort)
// leaves nothing half-written, and IndexedDB serialises concurrent writers from other tabs.
import type { IDBPTransaction } from 'idb';
import type { Article, Entity } from '../core/types';
import { searchWords } from '../core/text/fold';
import { MemIndex, type IndexSnapshot, type IndexedBrief } from './memindex';
import { openArchiveDb, type ArchiveDb, type OpenOptions } from './db';
import { ArchiveError, DatabaseError, toArchiveError } from './errors';
import { buildBrief, buildCard, buildRecord, cleanTags, dispatchId, indexWords, recordWords, tagKey, toBrief, toDispatch } from './records';
import { DB_NAME, INDEX, META, STORE, TRASH_MS, type ArchiveSchema, type ChangeRecord, type DispatchBrief, type DispatchRecord, type TrashRecord } from './schema';
import type { Dispatch, RelatedDispatch, StoreStats } from './types';
import { relatedExclude, relatedQuery, type RelatedOptions } from './related';
import type { RelatedQuery } from '../core/related';
import { cmpDesc } from './sorted';
import { TAIL_MERGE_AT, TAIL_MERGE_BATCH } from './index-tail';
import { IdleWork, type IdleResult } from './idle-work';
import { IndexWriter, entityCards, entityOrds, persistedRelated, readSummary, summaryTags, type IndexedState } from './postings';
import { WORD_MERGE_AT, WORD_MERGE_BATCH, WordWriter, findWordHits, mergeDeltas, type WordHits } from './word-postings';
import { bestScoreHits, publishedBounds, rankHits, relevanceCandidates } from './word-rank';

export type SortField = 'savedAt' | 'published';
export type SortDirection = 'asc' | 'desc';

export interface ListOptions {
  offset?: number;
  limit?: number;
  sort?: SortField;
  /** Default 'desc' (newest first). */
  direction?: SortDirection;
  site?: string;
  entityKey?: string;
  /** Only dispatches carrying this tag (case-insensitive). */
  tag?: string;
  /** Inclusive bounds on the sort field: ms or ISO string for savedAt, ISO date(-time) for published. */
  from?: number | string;
  to?: number | string;
}

export interface ListResult {
  items: Dispatch[];
  /** Number of dispatches matching the filters (for paging). */
  total: number;
}

export interface SaveOptions {
  userTags?: string[];
  note?: string;
}

export interface SaveResult {
  id: string;
  created: boolean;
  /** The article was in the trash: the reader's tags and note came back with it. */
  restored: boolean;
  dispatch: Dispatch;
}

export interface SearchHit extends Omit<DispatchBrief, 'entityKeys'> {
  score: number;
  /** The folded query terms that matched. */
  matched: string[];
}

/** searchPage's filters, order and page (see Archive.searchPage). */
export interface SearchPageOptions {
  offset?: number;
  limit?: number;
  /** Default 'relevance'. */
  sort?: 'relevance' | SortField;
  direction?: SortDirection;
  site?: string;
  entityKey?: string;
  ids?: string[];
  /** savedAt: ms bounds, inclusive; published: `YYYY-MM-DD` bounds. On the sort's date field (published for relevance). */
  from?: number | string;
  to?: number | string;
}

export interface ImportCounts {
  added: number;
  updated: number;
  skipped: number;
}

export interface ArchiveOptions extends Omit<OpenOptions, 'version'> {
  name?: string;
  /** Storage manager for estimate()/persist(); defaults to navigator.storage when present. */
  storage?: Pick<StorageManager, 'estimate' | 'persist' | 'persisted'> | null;
  now?: () => number;
  /** When to write the index snapshot (META.indexSnapshot); `false`: never write or read one. */
  indexSnapshot?: Partial<SnapshotPolicy> | false;
  /**
   * When this context (the archive's writer) merges pending word deltas into the shards: this
   * long after a write left WORD_MERGE_AT or more pending. `false`: never (tests merge by hand).
   */
  wordMerge?: { delayMs: number } | false;
  /**
   * When this context folds the index tail into the shards (index-tail.ts): this long after a
   * write left TAIL_MERGE_AT or more in it. `false`: never by a timer (tests and benches fold by hand).
   */
  tailMerge?: { delayMs: number } | false;
}

export interface SnapshotPolicy {
  /** Smaller archives load fast enough from the briefs: no snapshot below this many dispatches. */
  minDocs: number;
  /** Rewrite the snapshot once the index is this many changes ahead of the stored one. */
  every: number;
  /** The write waits this long after the load or replay that made it due (idle time). */
  delayMs: number;
}

/**
 * Defaults: at 10,000 dispatches a snapshot write costs ~100 ms of one context's time, the
 * cold load from it ~60 ms instead of ~800 ms from the briefs; replaying 200 changes is ~20 ms.
 */
const SNAPSHOT_POLICY: SnapshotPolicy = { minDocs: 500, every: 200, delayMs: 2000 };

type Stores = ('dispatches' | 'briefs' | 'meta' | 'changes' | 'trash' | 'postings' | 'cards' | 'words' | 'wordDeltas' | 'ordCols' | 'terms' | 'indexTail')[];
type WriteTx = IDBPTransaction<ArchiveSchema, Stores, 'readwrite'>;
type IndexTx = IDBPTransaction<ArchiveSchema, ('briefs' | 'meta' | 'changes')[], 'readonly'>;

const ALL_STORES = [STORE.dispatches, STORE.briefs, STORE.meta, STORE.changes, STORE.trash, STORE.postings, STORE.cards, STORE.words, STORE.wordDeltas, STORE.ordCols, STORE.terms, STORE.indexTail] as Stores;
/** The stores a persisted search reads (word-postings.ts), in one transaction: shards and deltas agree. */
const SEARCH_STORES = [STORE.words, STORE.wordDeltas, STORE.ordCols, STORE.meta, STORE.cards, STORE.postings, STORE.indexTail] as ('words' | 'wordDeltas' | 'ordCols' | 'meta' | 'cards' | 'postings' | 'indexTail')[];
/** The stores a persisted-index read needs (related, byEntity; v9: the term postings; v11: the index tail). */
const INDEX_STORES = [STORE.postings, STORE.cards, STORE.meta, STORE.terms, STORE.indexTail] as ('postings' | 'cards' | 'meta' | 'terms' | 'indexTail')[];
/** The stores an idle fold of the index tail writes (index-tail.ts). */
const TAIL_STORES = [STORE.postings, STORE.meta, STORE.terms, STORE.indexTail] as ('postings' | 'meta' | 'terms' | 'indexTail')[];
/** An unfiltered list is read from an IDB index up to this offset (deeper: the in-memory index). */
const CURSOR_LIST_MAX_OFFSET = 5000;
/** byEntity from the persisted index reads at most this many (latest saved) cards. */
const BY_ENTITY_MAX_CARDS = 5000;
/**
 * A relevance page reads the cards of its candidates (the hits its day keys cannot rule out) to
 * order them exactly, up to this many (~k plus the ties of the k-th day); beyond, the `pub` columns.
 */
const EXACT_CARDS_MAX = 200;
/** The changes log keeps at least this many entries; older ones are pruned. */
const KEEP_CHANGES = 2000;

export class Archive {
  readonly name: string;
  private dbp: Promise<ArchiveDb> | null = null;
  private readonly opts: ArchiveOptions;
  private readonly now: () => number;
  /** In-memory search/related index, loaded on first use and replayed from `changes`. */
  private mem: MemIndex | null = null;
  private seenSeq = 0;
  private loading: Promise<MemIndex> | null = null;
  private readonly snapPolicy: SnapshotPolicy | null;
  /** seq of the newest index snapshot this context read or wrote (-1: none). */
  private snapSeq = -1;
  private snapTimer: ReturnType<typeof setTimeout> | null = null;
  private snapWriting: Promise<boolean> | null = null;
  /** Idle work of the writer (idle-work.ts): word deltas merged into the word shards, the index tail folded. */
  private readonly wordMerge: IdleWork;
  private readonly tailMerge: IdleWork;

  constructor(opts: ArchiveOptions = {}) {
    this.opts = opts;
    this.name = opts.name ?? DB_NAME;
    this.now = opts.now ?? Date.now;
    this.snapPolicy = opts.indexSnapshot === false ? null : { ...SNAPSHOT_POLICY, ...opts.indexSnapshot };
    const delay = (pol: { delayMs: number } | false | undefined) => (pol === false ? false : (pol?.delayMs ?? 1000));
    this.wordMerge = new IdleWork(delay(opts.wordMerge), () => this.wordMergeBatch());
    this.tailMerge = new IdleWork(delay(opts.tailMerge), () => this.tailFoldBatch());
  }

  /** The open connection; reopened lazily after another context upgraded the database. */
  db(): Promise<ArchiveDb> {
    if (!this.dbp) {
      const p = openArchiveDb(this.name, {
        ...this.opts,
        onVersionChange: () => {
          if (this.dbp === p) this.dbp = null;
          this.mem = null;
          this.snapSeq = -1; // the new version may have rewritten (and dropped) the snapshot
          this.opts.onVersionChange?.();
        },
        onTerminated: () => {
          if (this.dbp === p) this.dbp = null;
          this.opts.onTerminated?.();
        },
      });
      this.dbp = p;
      p.catch(() => {
        if (this.dbp === p) this.dbp = null;
      });
    }
    return this.dbp.catch((e) => {
      if ((e as Error)?.name === 'VersionError') {
        throw new DatabaseError('The archive was upgraded by a newer version of VNA Reader; reload the extension to use it.', { cause: e, code: 'dbNewer' });
      }
      throw new DatabaseError(`The archive could not be opened: ${(e as Error)?.message ?? e}`, { cause: e, code: 'dbOpen', params: [String((e as Error)?.message ?? e)] });
    });
  }

  /** Close the connection; an index snapshot that is due is written first. */
  async close(): Promise<void> {
    await Promise.all([this.wordMerge.stop(), this.tailMerge.stop()]);
    if (this.snapTimer) {
      clearTimeout(this.snapTimer);
      this.snapTimer = null;
      await this.writeIndexSnapshot().catch(() => false);
    } else if (this.snapWriting) await this.snapWriting.catch(() => false);
    const p = this.dbp;
    this.dbp = null;
    if (p) (await p.catch(() => null))?.close();
  }

  /**
   * Run `fn` in one readwrite transaction over every store; all or nothing. `fn` reports the
   * ids it changed so that other contexts can replay them into their in-memory index.
   */
  private async write<T>(fn: (tx: WriteTx, changed: (id: string) => void, w: IndexWriter, ww: WordWriter) => Promise<T>): Promise<T> {
    const db = await this.db();
    const tx = db.transaction(ALL_STORES, 'readwrite') as WriteTx;
    const done = tx.done;
    done.catch(() => {});
    try {
      const ids = new Set<string>();
      const w = new IndexWriter(tx);
      const ww = new WordWriter(tx);
      const result = await fn(tx, (id) => ids.add(id), w, ww);
      await Promise.all([w.flush(), ww.flush()]);
      const changes = tx.objectStore(STORE.changes);
      // All adds at once: one await per id would cost a round trip each (seconds for an import).
      const seqs = (await Promise.all([...ids].map((id) => track(changes.add({ id }))))) as number[];
      const first = seqs.length ? Math.min(...seqs) : 0;
      const last = seqs.length ? Math.max(...seqs) : 0;
      // Prune the log now and then (when a write crosses a multiple of 500).
      if (last > KEEP_CHANGES * 2 && Math.floor(last / 500) !== Math.floor((first - 1) / 500)) {
        const below = last - KEEP_CHANGES;
        await Promise.all([track(changes.delete(IDBKeyRange.upperBound(below, true))), track(tx.objectStore(STORE.meta).put({ key: META.prunedBelow, value: below }))]);
      }
      const tail = await w.tailSize();
      await done;
      if (ww.pending >= WORD_MERGE_AT) this.wordMerge.schedule();
      if (tail >= TAIL_MERGE_AT) this.tailMerge.schedule();
      return result;
    } catch (e) {
      try {
        tx.abort();
      } catch {
        /* already finished or aborted */
      }
      throw toArchiveError(e, tx.error);
    }
  }

  /**
   * The in-memory index, brought up to date. On first use it is loaded from the index snapshot
   * (one get) plus the changes logged after it, or, without a usable snapshot, from every
   * brief (one getAll); later only the changes logged since (by any tab or worker) are replayed.
   */
  async index(): Promise<MemIndex> {
    if (this.loading) return this.loading;
    const p = (this.loading = this.refresh().finally(() => {
      if (this.loading === p) this.loading = null;
    }));
    return p;
  }

  private async refresh(): Promise<MemIndex> {
    const db = await this.db();
    const tx = db.transaction([STORE.briefs, STORE.meta, STORE.changes], 'readonly');
    tx.done.catch(() => {});
    const changes = tx.objectStore(STORE.changes);
    const meta = tx.objectStore(STORE.meta);
    if (this.mem) {
      const [pruned, log] = await Promise.all([meta.get(META.prunedBelow), changes.getAll(IDBKeyRange.lowerBound(this.seenSeq, true))]);
      if (!log.length) return this.mem;
      if (!(Number(pruned?.value ?? 0) > this.seenSeq + 1)) {
        await replay(tx, this.mem, log, () => (this.seenSeq = log[log.length - 1].seq!));
        this.scheduleSnapshot();
        return this.mem;
      }
    }
    // Cold (or too far behind the pruned log): everything from one consistent read.
    const [snapRec, pruned, lastChange] = await Promise.all([
      this.snapPolicy ? meta.get(META.indexSnapshot) : undefined,
      meta.get(META.prunedBelow),
      changes.openKeyCursor(null, 'prev'),
    ]);
    const last = (lastChange?.key as number | undefined) ?? 0;
    const snap = snapRec?.value as IndexSnapshot | undefined;
    // Usable when it is not ahead of the log (another database's) and no change after it was pruned.
    if (snap && Number.isInteger(snap.seq) && snap.seq >= 0 && snap.seq <= last && !(Number(pruned?.value ?? 0) > snap.seq + 1)) {
      let mem: MemIndex | null = null;
      try {
        mem = MemIndex.fromSnapshot(snap);
      } catch {
        mem = null; // malformed: scan the briefs instead, and overwrite it later
      }
      if (mem) {
        const log = snap.seq < last ? await changes.getAll(IDBKeyRange.lowerBound(snap.seq, true)) : [];
        await replay(tx, mem, log, () => {
          this.mem = mem;
          this.seenSeq = log.length ? log[log.length - 1].seq! : snap.seq;
        });
        this.snapSeq = Math.max(this.snapSeq, snap.seq);
        this.scheduleSnapshot();
        return mem;
      }
    }
    const all = await tx.objectStore(STORE.briefs).getAll();
    const mem = new MemIndex();
    for (const b of all) mem.put(b);
    this.mem = mem;
    this.seenSeq = last;
    this.scheduleSnapshot();
    return mem;
  }

  /** Write the index snapshot later (idle) when the stored one is missing or far behind. */
  private scheduleSnapshot(): void {
    const pol = this.snapPolicy;
    if (!pol || this.snapTimer || !this.mem || this.mem.size < pol.minDocs) return;
    if (this.seenSeq <= this.snapSeq || (this.snapSeq >= 0 && this.seenSeq - this.snapSeq < pol.every)) return;
    this.snapTimer = setTimeout(() => {
      this.snapTimer = null;
      this.writeIndexSnapshot().catch(() => false);
    }, pol.delayMs);
  }

  /**
   * Store this context's index as the snapshot (in its own small transaction, never inside a
   * save). Resolves false when there is nothing newer to write or no open connection: it never
   * reopens the database (which may have been deleted or upgraded meanwhile).
   */
  async writeIndexSnapshot(): Promise<boolean> {
    if (!this.snapPolicy) return false;
    if (this.snapWriting) return this.snapWriting;
    const p = (this.snapWriting = this.putSnapshot().finally(() => {
      if (this.snapWriting === p) this.snapWriting = null;
    }));
    return p;
  }

  private async putSnapshot(): Promise<boolean> {
    const dbp = this.dbp;
    const mem = this.mem;
    if (!dbp || !mem) return false;
    const db = await dbp;
    if (this.dbp !== dbp || this.mem !== mem) return false;
    // mem and seenSeq change together, synchronously: the snapshot is exactly as of seq.
    const seq = this.seenSeq;
    if (seq <= this.snapSeq) return false;
    const snap = mem.snapshot(seq);
    const tx = db.transaction(STORE.meta, 'readwrite');
    tx.done.catch(() => {});
    await tx.store.put({ key: META.indexSnapshot, value: snap });
    await tx.done;
    this.snapSeq = Math.max(this.snapSeq, seq);
    return true;
  }

  /**
   * Merge every pending word delta into the shards, WORD_MERGE_BATCH per transaction (each a
   * few tens of ms at 100,000, so a save or a search waits at most one batch), yielding between
   * batches. Never reopens a closed connection. Resolves to how many were merged.
   */
  mergeWordDeltas(): Promise<number> {
    return this.wordMerge.run();
  }

  private wordMergeBatch() {
    return this.idleTx([STORE.words, STORE.wordDeltas, STORE.ordCols], async (tx) => {
      const got = await mergeDeltas(tx as never, WORD_MERGE_BATCH);
      return { done: got, more: got >= WORD_MERGE_BATCH };
    });
  }

  /** One idle batch in its own readwrite transaction over `stores`; null without an open connection (never reopened). */
  private async idleTx(stores: Stores, fn: (tx: IDBPTransaction<ArchiveSchema, Stores, 'readwrite'>) => Promise<IdleResult>): Promise<IdleResult | null> {
    const dbp = this.dbp;
    if (!dbp) return null;
    const db = await dbp;
    const tx = db.transaction(stores, 'readwrite');
    tx.done.catch(() => {});
    const r = await fn(tx);
    await tx.done;
    return r;
  }

  /**
   * Fold the whole index tail into the entity and term shards, TAIL_MERGE_BATCH dispatches per
   * transaction (a save or a related query waits at most one), yielding between batches.
   * Never reopens a closed connection. Resolves to how many were folded.
   */
  mergeIndexTail(): Promise<number> {
    return this.tailMerge.run();
  }

  private tailFoldBatch() {
    return this.idleTx(TAIL_STORES as Stores, async (tx) => {
      const w = new IndexWriter(tx as never);
      const got = await w.fold(TAIL_MERGE_BATCH);
      await w.flush();
      return { done: got, more: (await w.tailSize()) > 0 };
    });
  }

  /**
   * Save an article (idempotent). Re-saving the same canonical id updates the article and
   * entities, keeps savedAt, and keeps the reader's tags/note unless new ones are given.
   * The entities are given beside the article (never read from `Article.entities`, issue 16).
   */
  async save(article: Article, entities: Entity[] = [], opts: SaveOptions = {}): Promise<SaveResult> {
    const id = dispatchId(article);
    const now = this.now();
    let firstSave = false;
    const out = await this.write(async (tx, changed, w, ww) => {
      changed(id);
      const store = tx.objectStore(STORE.dispatches);
      const trash = tx.objectStore(STORE.trash);
      const [old, asked, binned] = await Promise.all([store.get(id), tx.objectStore(STORE.meta).get(META.persistRequested), trash.get(id)]);
      // Re-saving an article the reader removed brings back their own work on it.
      const prev = old ?? (binned && isLive(binned, now) ? binned.dispatch : undefined);
      const rec = buildRecord(
        article,
        entities,
        {
          savedAt: old?.savedAt ?? now,
          updatedAt: Math.max(now, (prev?.updatedAt ?? 0) + 1),
          userTags: opts.userTags ?? prev?.userTags ?? [],
          note: opts.note ?? prev?.note ?? '',
        },
        id,
      );
      const writes: Promise<unknown>[] = [putRecord(tx, w, ww, rec, old)];
      if (binned) writes.push(track(trash.delete(id)));
      if (!asked) {
        firstSave = true;
        writes.push(track(tx.objectStore(STORE.meta).put({ key: META.persistRequested, value: now })));
      }
      await Promise.all(writes);
      return { id, created: !old, restored: !old && prev !== undefined, dispatch: toDispatch(rec) };
    });
    if (firstSave) await this.requestPersistence().catch(() => false);
    return out;
  }

  /** Save many articles in one transaction (bulk setup, tests, benchmarks). */
  async saveMany(items: { article: Article; entities: Entity[]; userTags?: string[]; note?: string; savedAt?: number }[]): Promise<number> {
    const now = this.now();
    return this.write(async (tx, changed, w, ww) => {
      const store = tx.objectStore(STORE.dispatches);
      const recs = items.map((it) => {
        const t = it.savedAt ?? now;
        return buildRecord(it.article, it.entities, { savedAt: t, updatedAt: t, userTags: cleanTags(it.userTags ?? []), note: it.note ?? '' });
      });
      const olds = await Promise.all(recs.map((r) => track(store.get(r.id))));
      const writes: Promise<unknown>[] = [];
      const after = inOrder(tx, w, ww);
      recs.forEach((rec, i) => {
        changed(rec.id);
        writes.push(after(rec, olds[i]));
      });
      await Promise.all(writes);
      return items.length;
    });
  }

  async get(id: string): Promise<Dispatch | undefined> {
    const db = await this.db();
    const r = await db.get(STORE.dispatches, id);
    return r && toDispatch(r);
  }

  async has(id: string): Promise<boolean> {
    const db = await this.db();
    return (await db.count(STORE.dispatches, id)) > 0;
  }

  /** The number of saved dispatches: one get of the summary, never the whole index. */
  async count(): Promise<number> {
    const db = await this.db();
    const tx = db.transaction(STORE.meta, 'readonly');
    tx.done.catch(() => {});
    return (await readSummary(tx)).n;
  }

  /** Every dispatch, in id order (export). */
  async all(): Promise<Dispatch[]> {
    const db = await this.db();
    return (await db.getAll(STORE.dispatches)).map(toDispatch);
  }

  async list(opts: ListOptions = {}): Promise<ListResult> {
    const { offset = 0, limit = 50, sort = 'savedAt', direction = 'desc' } = opts;
    // The library's unfiltered pages: one cursor over the sort field's IDB index (offset +
    // limit steps) and the summary's count, instead of loading the in-memory index (and,
    // when it is loaded, instead of sorting every dispatch: 130 ms at 100,000).
    const plain = opts.site == null && opts.entityKey == null && !opts.tag && opts.from == null && opts.to == null;
    if (plain && offset <= CURSOR_LIST_MAX_OFFSET) return this.listByCursor(sort, direction, Math.max(0, offset), Math.max(0, limit));
    const mem = await this.index();
    const [lo, hi] = sortBounds(sort, opts.from, opts.to);
    const key = (b: DispatchBrief): number | string => (sort === 'published' ? (b.published ?? '') : b.savedAt);
    const tag = opts.tag ? tagKey(opts.tag) : null;
    let docs = opts.entityKey != null ? mem.withEntity(opts.entityKey) : [...mem.all()];
    docs = docs.filter((d) => {
      const b = d.brief;
      if (opts.site != null && b.site !== opts.site) return false;
      if (tag != null && !b.userTags.some((t) => tagKey(t) === tag)) return false;
      const k = key(b);
      return (lo == null || k >= lo) && (hi == null || k <= hi);
    });
    const sign = direction === 'asc' ? 1 : -1;
    docs.sort((a, b) => {
      const x = key(a.brief);
      const y = key(b.brief);
      return sign * (x < y ? -1 : x > y ? 1 : a.brief.id < b.brief.id ? -1 : a.brief.id > b.brief.id ? 1 : 0);
    });
    const from = Math.max(0, offset);
    const page = docs.slice(from, from + Math.max(0, limit));
    const db = await this.db();
    const tx = db.transaction(STORE.dispatches, 'readonly');
    tx.done.catch(() => {});
    const recs = await Promise.all(page.map((d) => tx.store.get(d.brief.id)));
    return { items: recs.filter((r): r is DispatchRecord => !!r).map(toDispatch), total: docs.length };
  }

  private async listByCursor(sort: SortField, direction: SortDirection, offset: number, limit: number): Promise<ListResult> {
    const db = await this.db();
    const tx = db.transaction([STORE.dispatches, STORE.meta], 'readonly');
    tx.done.catch(() => {});
    const items: Dispatch[] = [];
    const [summary] = await Promise.all([
      readSummary(tx),
      (async () => {
        if (!limit) return;
        // Same order as the in-memory path: the sort key, then the id (IDB orders equal keys by primary key).
        let c = await tx.objectStore(STORE.dispatches).index(sort === 'published' ? INDEX.published : INDEX.savedAt).openCursor(null, direction === 'asc' ? 'next' : 'prev');
        if (c && offset) c = await c.advance(offset);
        while (c && items.length < limit) {
          items.push(toDispatch(c.value));
          c = await c.continue();
        }
      })(),
    ]);
    return { items, total: summary.n };
  }

  /**
   * Remove a dispatch: it goes to the trash with the reader's tags and note, for TRASH_DAYS
   * (undo with undoRemove(), or re-save the article). Returns it, or undefined if absent.
   */
  async remove(id: string): Promise<Dispatch | undefined> {
    const now = this.now();
    return this.write(async (tx, changed, w, ww) => {
      const store = tx.objectStore(STORE.dispatches);
      const old = await store.get(id);
      if (!old) return undefined;
      changed(id);
      const d = toDispatch(old);
      const bin: TrashRecord = { id, removedAt: now, dispatch: d };
      const st = indexedState(old);
      if (st) ww.remove(st.ord, recordWords(old));
      await Promise.all([
        track(store.delete(id)),
        track(tx.objectStore(STORE.briefs).delete(id)),
        track(tx.objectStore(STORE.trash).put(bin)),
        purgeTrash(tx, now),
        st ? w.remove(st) : null,
      ]);
      return d;
    });
  }

  /**
   * "Forget everything" (settings page): every dispatch deleted in one transaction, each id
   * logged as a change so that open tabs and the worker drop it from their in-memory index.
   * Returns how many were deleted.
   */
  async removeAll(): Promise<number> {
    return this.write(async (tx, changed, w, ww) => {
      const store = tx.objectStore(STORE.dispatches);
      const ids = (await store.getAllKeys()) as string[];
      for (const id of ids) changed(id);
      await Promise.all([w.clear(), ww.clear()]);
      // The index snapshot holds every dispatch's words, the trash the removed ones: forgetting means they go too.
      await Promise.all([track(store.clear()), track(tx.objectStore(STORE.briefs).clear()), track(tx.objectStore(STORE.trash).clear()), track(tx.objectStore(STORE.meta).delete(META.indexSnapshot))]);
      return ids.length;
    });
  }

  /** Put a removed dispatch back from the trash exactly as it was (undo). Undefined if gone. */
  async undoRemove(id: string): Promise<Dispatch | undefined> {
    const now = this.now();
    return this.write(async (tx, changed, w, ww) => {
      const trash = tx.objectStore(STORE.trash);
      const [bin, live] = await Promise.all([trash.get(id), tx.objectStore(STORE.dispatches).get(id)]);
      if (!bin || !isLive(bin, now)) return live ? toDispatch(live) : undefined;
      changed(id);
      // Saved again meanwhile: that copy is newer; the trash entry has done its work.
      if (live) {
        await track(trash.delete(id));
        return toDispatch(live);
      }
      const [d] = await Promise.all([putDispatch(tx, w, ww, bin.dispatch, undefined), track(trash.delete(id))]);
      return d;
    });
  }

  /** Put a removed dispatch back exactly as it was (undo, when the caller kept it). */
  async restore(d: Dispatch): Promise<void> {
    await this.write(async (tx, changed, w, ww) => {
      changed(d.id);
      const old = await tx.objectStore(STORE.dispatches).get(d.id);
      await Promise.all([putDispatch(tx, w, ww, d, old), track(tx.objectStore(STORE.trash).delete(d.id))]);
    });
  }

  /** The trash, most recently removed first, each with the time it will be purged. */
  async trash(): Promise<{ id: string; title: string; site: string; removedAt: number; purgeAt: number; userTags: string[]; note: string }[]> {
    const now = this.now();
    const db = await this.db();
    const all = await db.getAll(STORE.trash);
    return all
      .filter((b) => isLive(b, now))
      .sort((a, b) => b.removedAt - a.removedAt)
      .map((b) => ({ id: b.id, title: b.dispatch.article.title, site: b.dispatch.site, removedAt: b.removedAt, purgeAt: b.removedAt + TRASH_MS, userTags: b.dispatch.userTags, note: b.dispatch.note }));
  }

  /** Entities matching typed text by name, alias or word (see MemIndex.suggestEntities). */
  async suggestEntities(text: string, max = 12): Promise<{ key: string; name: string; count: number }[]> {
    return (await this.index()).suggestEntities(text, max);
  }

  /** Every site in the archive, sorted (the summary: one get, whatever the archive's size). */
  async sites(): Promise<string[]> {
    const db = await this.db();
    const tx = db.transaction(STORE.meta, 'readonly');
    tx.done.catch(() => {});
    return Object.keys((await readSummary(tx)).sites).sort();
  }

  /** Every tag with the number of dispatches carrying it, one per case-insensitive name (the summary). */
  async tags(): Promise<{ tag: string; count: number }[]> {
    const db = await this.db();
    const tx = db.transaction(STORE.meta, 'readonly');
    tx.done.catch(() => {});
    return summaryTags(await readSummary(tx));
  }

  /**
   * Set a dispatch's tags: one per case-insensitive name, written as the archive already
   * writes it (`diplomatie` joins an existing `Diplomatie`).
   */
  async setUserTags(id: string, tags: string[]): Promise<Dispatch> {
    const [rec, counts] = await Promise.all([this.db().then((db) => db.get(STORE.dispatches, id)), this.tags()]);
    const own = new Set((rec?.userTags ?? []).map(tagKey));
    // Only another dispatch's spelling binds: the one dispatch with a tag may change its case.
    const known = new Map(counts.filter((t) => t.count - (own.has(tagKey(t.tag)) ? 1 : 0) > 0).map((t) => [tagKey(t.tag), t.tag]));
    const clean = cleanTags(tags, (k) => known.get(k));
    return this.update(id, (d) => ({ ...d, userTags: clean }));
  }

  async setNote(id: string, note: string): Promise<Dispatch> {
    return this.update(id, (d) => ({ ...d, note }));
  }

  private async update(id: string, change: (d: Dispatch) => Dispatch): Promise<Dispatch> {
    return this.write(async (tx, changed, w, ww) => {
      const old = await tx.objectStore(STORE.dispatches).get(id);
      if (!old) throw new ArchiveError(`No saved dispatch with id ${id}`, { code: 'notFound', params: [id] });
      changed(id);
      const next = change(toDispatch(old));
      next.updatedAt = Math.max(this.now(), old.updatedAt + 1);
      return putDispatch(tx, w, ww, next, old);
    });
  }

  /**
   * Write dispatches from an import in one transaction: new ids are added, older local copies
   * replaced, identical or newer local copies left alone (so importing twice adds nothing).
   */
  async importDispatches(ds: Dispatch[]): Promise<ImportCounts> {
    // One tag per case-insensitive name across the archive: an imported `diplomatie` is
    // written as the archive's `Diplomatie` (or as the first spelling the import brings).
    const known = new Map((await this.tags()).map((t) => [tagKey(t.tag), t.tag]));
    const spell = (t: string) => {
      const k = tagKey(t);
      if (!known.has(k)) known.set(k, t);
      return known.get(k)!;
    };
    ds = ds.map((d) => ({ ...d, userTags: cleanTags(d.userTags).map(spell) }));
    return this.write(async (tx, changed, w, ww) => {
      const store = tx.objectStore(STORE.dispatches);
      const olds = await Promise.all(ds.map((d) => store.get(d.id)));
      const after = inOrder(tx, w, ww);
      const counts: ImportCounts = { added: 0, updated: 0, skipped: 0 };
      const writes: Promise<unknown>[] = [];
      ds.forEach((d, i) => {
        const old = olds[i];
        if (old && old.updatedAt >= d.updatedAt) {
          counts.skipped++;
          return;
        }
        if (old) counts.updated++;
        else counts.added++;
        changed(d.id);
        writes.push(after(toRecord(d), old));
      });
      await Promise.all(writes);
      return counts;
    });
  }

  /**
   * Full-text search: every query word must match a word of the dispatch (title, lead, body,
   * captions, entity names, tags, note), folded so `hanoi` finds `Hanoï`; a word also matches
   * as a prefix (`minist` finds `ministre`). Ranked by IDF of the matched words, exact over
   * prefix, title matches double; ties go to the most recently published.
   */
  async search(query: string, opts: { limit?: number; offset?: number } = {}): Promise<SearchHit[]> {
    return (await this.searchPage(query, opts)).hits;
  }

  /**
   * search() with the library's filters, order and paging applied to every hit before the
   * page is cut, from the persisted word index (word-postings.ts): the query's shards, the
   * pending deltas and the date columns, then the cards of the page only. `total` counts every
   * hit that passes the filters. Filters and sorts as the library applies them (data.ts):
   * `ids` keeps only those dispatches (a tag's), dates bound the sort's date field
   * (`published` compared on its first 10 characters for `to`; undated ones excluded), and a
   * date sort keeps relevance order among equal dates.
   */
  async searchPage(query: string, opts: SearchPageOptions = {}): Promise<{ hits: SearchHit[]; total: number; matched: string[] }> {
    const { limit = 20, offset = 0 } = opts;
    const terms = searchTerms(query);
    if (!terms.length) return { hits: [], total: 0, matched: [] };
    const db = await this.db();
    const tx = db.transaction(SEARCH_STORES, 'readonly');
    tx.done.catch(() => {});
    const start = Math.max(0, offset);
    const k = start + Math.max(0, limit);
    const sort = opts.sort ?? 'relevance';
    const relevance = sort === 'relevance' && !opts.site && opts.from === undefined && opts.to === undefined;
    // A relevance page with no filter at all: the k-th best score is kept while the scores are summed.
    const h = await findWordHits(tx, terms, relevance && opts.entityKey == null && !opts.ids ? k : 0);
    // The hit indexes the entity and id filters keep (null: every hit).
    let keep: number[] | null = null;
    const only = (ords: Iterable<number>) => {
      const set = new Set(ords);
      const from = keep ?? Array.from({ length: h.ords.length }, (_, i) => i);
      keep = from.filter((i) => set.has(h.ords[i]));
    };
    if (opts.entityKey != null) only(await entityOrds(tx, opts.entityKey));
    if (opts.ids) {
      const ords = await Promise.all(opts.ids.map((id) => tx.objectStore(STORE.cards).index('id').getKey(id) as Promise<number | undefined>));
      only(ords.filter((o): o is number => o !== undefined));
    }
    const load = (x: number[]) => h.loadExact(x);
    let top: number[];
    let total: number;
    if (relevance) {
      // Without a site or date filter, a relevance page can only hold hits scoring at least the
      // k-th best, and of those at that score the latest published: their day keys (v8 `day`
      // columns, 2 bytes per ord) only, then the exact order of those few (word-rank.ts), from
      // their cards (the page's own are among them); from the `pub` columns when many tie.
      total = keep ? (keep as number[]).length : h.ords.length;
      const best = !keep && h.best ? h.best : bestScoreHits(h.scores, keep, k, keep ? undefined : h.cut);
      const cand = relevanceCandidates(h, best, k, await h.pubSource(), keep ? undefined : h.cut);
      if (cand.length <= EXACT_CARDS_MAX) await h.exactCols(cand);
      else await h.cols(cand, ['pub']);
      top = await rankHits(h, cand, k, sort, false, load);
    } else {
      let idx: number[] = keep ?? Array.from({ length: h.ords.length }, (_, i) => i);
      // savedAt and site where a sort or filter needs them.
      await h.cols(idx, ['pub', ...(sort === 'savedAt' ? (['saved'] as const) : []), ...(opts.site ? (['site'] as const) : [])]);
      idx = await filterHits(h, idx, opts);
      total = idx.length;
      top = await rankHits(h, idx, k, sort, opts.direction === 'asc', load);
    }
    top = top.slice(start);
    const cards = await Promise.all(top.map((i) => h.card(i)));
    const hits = top.flatMap((i, j) => {
      const c = cards[j];
      if (!c) return [];
      return [{ id: c.id, title: c.title, url: c.url, site: c.site, published: c.published, savedAt: c.savedAt, score: Math.round(h.scores[i] * 1e4) / 1e4, matched: terms }];
    });
    return { hits, total, matched: terms };
  }

  /**
   * Every hit of a search, in relevance order, as the briefs of this context's in-memory index
   * (loading it): for the views that hold it already and filter the whole archive (the
   * read-later lists), without a card read per hit. The hits and scores are the persisted
   * word index's (findWordHits, as search()); a hit the index does not hold (yet) is left out.
   */
  async searchInMemory(query: string, opts: { limit?: number; offset?: number } = {}): Promise<SearchHit[]> {
    const { limit = 20, offset = 0 } = opts;
    const terms = searchTerms(query);
    if (!terms.length) return [];
    const mem = await this.index();
    const db = await this.db();
    const tx = db.transaction(SEARCH_STORES, 'readonly');
    tx.done.catch(() => {});
    const h = await findWordHits(tx, terms, 0);
    const hits: { score: number; b: IndexedBrief }[] = [];
    for (let i = 0; i < h.ords.length; i++) {
      const d = mem.atStoreOrd(h.ords[i]);
      if (d) hits.push({ score: h.scores[i], b: d.brief });
    }
    hits.sort((x, y) => y.score - x.score || cmpDesc(x.b.published ?? '', y.b.published ?? '') || y.b.savedAt - x.b.savedAt || y.b.o - x.b.o);
    return hits.slice(Math.max(0, offset), Math.max(0, offset) + limit).map(({ score, b }) => ({
      id: b.id,
      title: b.title,
      url: b.url,
      site: b.site,
      published: b.published,
      savedAt: b.savedAt,
      score: Math.round(score * 1e4) / 1e4,
      matched: terms,
    }));
  }

  /**
   * Saved dispatches that mention an entity key, most recently published first. From the warm
   * in-memory index when this context has one; else from the persisted postings and cards
   * (for an entity in more than BY_ENTITY_MAX_CARDS dispatches: among the latest saved ones).
   */
  async byEntity(key: string, opts: { limit?: number } = {}): Promise<DispatchBrief[]> {
    let got: DispatchBrief[];
    if (this.mem) got = (await this.index()).withEntity(key).map((d) => toBrief(d.brief));
    else {
      const db = await this.db();
      const tx = db.transaction(INDEX_STORES, 'readonly');
      tx.done.catch(() => {});
      got = (await entityCards(tx, key, BY_ENTITY_MAX_CARDS)).map((c) => toBrief(c));
    }
    got.sort((a, b) => cmpDesc(a.published ?? '', b.published ?? '') || b.savedAt - a.savedAt);
    return opts.limit != null ? got.slice(0, opts.limit) : got;
  }

  /**
   * The k saved dispatches most related to an article (saved or not), with explanations.
   * Always from the persisted index (postings + cards): bounded by the article's entities,
   * the same in every context whether or not its in-memory index is loaded.
   */
  async related(article: Article, entities: Entity[] = [], opts: RelatedOptions = {}): Promise<RelatedDispatch[]> {
    const k = opts.k ?? 5;
    if (k <= 0) return [];
    // The connection opens (in the browser's IndexedDB thread) while the query is built here:
    // on a cold worker both cost ~2-3 ms at 100,000 dispatches, one after the other before.
    this.db().catch(() => {});
    return this.relatedTo(relatedQuery(article, entities), relatedExclude(article, opts), k);
  }

  /** Related dispatches for a query built once (relatedQuery), e.g. kept per tab view. */
  async relatedTo(q: RelatedQuery, exclude: string | null, k: number): Promise<RelatedDispatch[]> {
    if (!q.entities.length || k <= 0) return [];
    const db = await this.db();
    const tx = db.transaction(INDEX_STORES, 'readonly');
    tx.done.catch(() => {});
    return persistedRelated(tx, q, exclude, k);
  }

  async stats(): Promise<StoreStats> {
    const dispatches = await this.count();
    const storage = this.storage();
    let bytes: number | null = null;
    let quota: number | null = null;
    let persisted: boolean | null;
    try {
      const est = await storage?.estimate?.();
      bytes = est?.usage ?? null;
      quota = est?.quota ?? null;
    } catch {
      /* estimate unavailable */
    }
    try {
      persisted = storage?.persisted ? await storage.persisted() : null;
    } catch {
      persisted = null;
    }
    return { dispatches, bytes, quota, persisted };
  }

  /** Ask the browser not to evict the archive (first save). Resolves to the persisted state. */
  async requestPersistence(): Promise<boolean> {
    const storage = this.storage();
    if (!storage?.persist) return false;
    if (storage.persisted && (await storage.persisted())) return true;
    return storage.persist();
  }

  private storage(): ArchiveOptions['storage'] {
    if (this.opts.storage !== undefined) return this.opts.storage;
    return (globalThis as { navigator?: Navigator }).navigator?.storage ?? null;
  }
}

/** The folded query terms: index words, else (only stopwords typed) the plain words of 2+ letters. */
export function searchTerms(query: string): string[] {
  const terms = indexWords(query);
  return terms.length ? terms : [...new Set(searchWords(query).filter((w) => w.length >= 2))];
}

/**
 * The hits passing searchPage's site and date filters, as the library's data.ts applied them:
 * savedAt bounds in ms; published bounds on its first 10 characters, from the columns' date
 * key, reading a card only where a date is not shaped YYYY-MM-DD (the key cannot decide).
 */
async function filterHits(h: WordHits, idx: number[], opts: SearchPageOptions): Promise<number[]> {
  if (opts.site) idx = idx.filter((i) => h.site[i] === opts.site);
  if (opts.from === undefined && opts.to === undefined) return idx;
  if (opts.sort === 'savedAt') return idx.filter((i) => !(opts.from !== undefined && h.saved[i] < Number(opts.from)) && !(opts.to !== undefined && h.saved[i] > Number(opts.to)));
  const from = opts.from === undefined ? undefined : String(opts.from);
  const to = opts.to === undefined ? undefined : String(opts.to);
  const byKey = publishedBounds(from, to);
  const undecided = idx.filter((i) => byKey(h, i) === null);
  if (undecided.length) await h.loadExact(undecided);
  return idx.filter((i) => {
    const d = byKey(h, i);
    if (d !== null) return d;
    const v = h.exact.get(i) ?? null;
    return v !== null && !(from !== undefined && v < from) && !(to !== undefined && v.slice(0, 10) > to);
  });
}

/** A trash entry still within its TRASH_MS. */
function isLive(b: TrashRecord, now: number): boolean {
  return now - b.removedAt < TRASH_MS;
}

/** Drop the trash entries older than TRASH_MS (on each removal). */
async function purgeTrash(tx: WriteTx, now: number): Promise<void> {
  await track(tx.objectStore(STORE.trash).index('removedAt').getAllKeys(IDBKeyRange.upperBound(now - TRASH_MS)).then((keys) => Promise.all(keys.map((k) => track(tx.objectStore(STORE.trash).delete(k))))));
}

/** The stored record of a public Dispatch (restore/import/update): derived fields recomputed. */
function toRecord(d: Dispatch): DispatchRecord {
  return buildRecord(d.article, d.entities, { savedAt: d.savedAt, updatedAt: d.updatedAt, userTags: d.userTags, note: d.note }, d.id);
}

/** Put a public Dispatch over `old` (the stored copy, if any). */
async function putDispatch(tx: WriteTx, w: IndexWriter, ww: WordWriter, d: Dispatch, old: DispatchRecord | undefined): Promise<Dispatch> {
  const rec = toRecord(d);
  await putRecord(tx, w, ww, rec, old);
  return toDispatch(rec);
}

/** What the persisted index holds for a stored record (none for a record without an ord). */
function indexedState(r: DispatchRecord | undefined): IndexedState | null {
  return r && Number.isInteger(r.ord) ? { ord: r.ord!, site: r.site, entityKeys: r.entityKeys, userTags: r.userTags } : null;
}

/**
 * putRecord for a batch that may write one id twice: the later write waits for the earlier
 * one and replaces it (with its ord), not the copy read before the batch.
 */
function inOrder(tx: WriteTx, w: IndexWriter, ww: WordWriter): (rec: DispatchRecord, stored: DispatchRecord | undefined) => Promise<void> {
  const last = new Map<string, { rec: DispatchRecord; done: Promise<void> }>();
  return (rec, stored) => {
    const prev = last.get(rec.id);
    const done = prev ? prev.done.then(() => putRecord(tx, w, ww, rec, prev.rec)) : putRecord(tx, w, ww, rec, stored);
    last.set(rec.id, { rec, done });
    return done;
  };
}

/**
 * Write a record, its brief, its card and its postings: the one path of every dispatch write.
 * It keeps the ord of the copy it replaces, so postings change only where entities changed.
 */
async function putRecord(tx: WriteTx, w: IndexWriter, ww: WordWriter, rec: DispatchRecord, old: DispatchRecord | undefined): Promise<void> {
  const st = indexedState(old);
  const ord = st ? st.ord : await w.allocate();
  rec.ord = ord;
  const brief = buildBrief(rec);
  // The words the shards hold for this ord are those of the record it replaces (see recordWords).
  ww.put(ord, brief, recordWords(rec), st && old ? recordWords(old) : null);
  await Promise.all([
    track(tx.objectStore(STORE.dispatches).put(rec)),
    track(tx.objectStore(STORE.briefs).put(brief)),
    w.put(rec.id, ord, buildCard(brief, ord), rec.entityKeys, rec.userTags, st),
  ]);
}

/**
 * Bring an index up to date with logged changes: each changed id is re-read from the briefs
 * (so replaying a change twice is harmless). `then` runs in the same synchronous step as the
 * last update, so that no snapshot can see the index and its seq out of step.
 */
async function replay(tx: IndexTx, mem: MemIndex, log: ChangeRecord[], then: () => void): Promise<void> {
  const ids = [...new Set(log.map((c) => c.id))];
  const briefs = ids.length ? await Promise.all(ids.map((id) => tx.objectStore(STORE.briefs).get(id))) : [];
  ids.forEach((id, i) => {
    const b = briefs[i];
    if (b) mem.put(b);
    else mem.remove(id);
  });
  then();
}

/**
 * Mark a request promise as handled: when a later request of the same transaction throws, the
 * transaction aborts and earlier requests reject with AbortError, which is expected, not news.
 */
function track<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

function sortBounds(sort: SortField, from?: number | string, to?: number | string): [number | string | null, number | string | null] {
  if (sort === 'savedAt') {
    const ms = (v: number | string) => (typeof v === 'number' ? v : Date.parse(v));
    return [from == null ? null : ms(from), to == null ? null : ms(to)];
  }
  const iso = (v: number | string) => (typeof v === 'number' ? new Date(v).toISOString() : v);
  return [from == null ? null : iso(from), to == null ? null : iso(to) + '\uffff'];
}

/** Open (lazily) the archive with the default database name. */
export function openArchive(opts: ArchiveOptions = {}): Archive {
  return new Archive(opts);
}
