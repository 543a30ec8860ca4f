// The local archive: saved dispatches in the extension's own IndexedDB. Every write is one
// readwrite transaction over all the stores it touches, so a failure (quota, crash, abort)
// leaves nothing half-written, and IndexedDB serialises concurrent writers from other tabs.
import type { IDBPTransaction } from 'idb';
import type { Article, Entity } from '../core/types';
import { idf } from '../core/related';
import { searchWords } from '../core/text/fold';
import { openArchiveDb, type ArchiveDb, type OpenOptions } from './db';
import { ArchiveError, DatabaseError, toArchiveError } from './errors';
import { buildBrief, buildRecord, dispatchId, indexWords, toDispatch } from './records';
import { DB_NAME, INDEX, META, STORE, type ArchiveSchema, type DispatchBrief, type DispatchRecord } from './schema';
import type { Dispatch, RelatedDispatch, StoreStats } from './types';
import { findRelated, type RelatedOptions } from './related';

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
  dispatch: Dispatch;
}

export interface SearchHit {
  id: string;
  title: string;
  url: string;
  site: string;
  published: string | null;
  savedAt: number;
  score: number;
  /** The folded query terms that matched. */
  matched: string[];
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
}

type WriteTx = IDBPTransaction<ArchiveSchema, ('dispatches' | 'briefs' | 'meta')[], 'readwrite'>;
type ReadTx = IDBPTransaction<ArchiveSchema, ('dispatches' | 'briefs' | 'meta')[], 'readonly'>;

const ALL_STORES = [STORE.dispatches, STORE.briefs, STORE.meta] as ('dispatches' | 'briefs' | 'meta')[];

export class Archive {
  readonly name: string;
  private dbp: Promise<ArchiveDb> | null = null;
  private readonly opts: ArchiveOptions;
  private readonly now: () => number;
  private orderCache: { rev: unknown; rank: Map<string, number> } | null = null;

  constructor(opts: ArchiveOptions = {}) {
    this.opts = opts;
    this.name = opts.name ?? DB_NAME;
    this.now = opts.now ?? Date.now;
  }

  /** The open connection; reopened lazily after another context upgraded the database. */
  db(): Promise<ArchiveDb> {
    if (!this.dbp) {
      const p = openArchiveDb(this.name, {
        ...this.opts,
        onVersionChange: () => {
          if (this.dbp === p) this.dbp = null;
          this.orderCache = null;
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
        throw new DatabaseError('The archive was upgraded by a newer version of VNA Reader; reload the extension to use it.', { cause: e });
      }
      throw new DatabaseError(`The archive could not be opened: ${(e as Error)?.message ?? e}`, { cause: e });
    });
  }

  async close(): Promise<void> {
    const p = this.dbp;
    this.dbp = null;
    if (p) (await p.catch(() => null))?.close();
  }

  /** Run `fn` in one readwrite transaction over every store; all or nothing. */
  private async write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    const db = await this.db();
    const tx = db.transaction(ALL_STORES, 'readwrite') as WriteTx;
    const done = tx.done;
    done.catch(() => {});
    try {
      const result = await fn(tx);
      const meta = tx.objectStore(STORE.meta);
      const rev = await meta.get(META.revision);
      await meta.put({ key: META.revision, value: (Number(rev?.value) || 0) + 1 });
      await done;
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

  private async read<T>(fn: (tx: ReadTx) => Promise<T>): Promise<T> {
    const db = await this.db();
    const tx = db.transaction(ALL_STORES, 'readonly') as ReadTx;
    tx.done.catch(() => {});
    return fn(tx);
  }

  /**
   * Save an article (idempotent). Re-saving the same canonical id updates the article and
   * entities, keeps savedAt, and keeps the reader's tags/note unless new ones are given.
   */
  async save(article: Article, entities: Entity[] = article.entities ?? [], opts: SaveOptions = {}): Promise<SaveResult> {
    const id = dispatchId(article);
    const now = this.now();
    let firstSave = false;
    const out = await this.write(async (tx) => {
      const store = tx.objectStore(STORE.dispatches);
      const [old, asked] = await Promise.all([store.get(id), tx.objectStore(STORE.meta).get(META.persistRequested)]);
      const rec = buildRecord(
        article,
        entities,
        {
          savedAt: old?.savedAt ?? now,
          updatedAt: Math.max(now, (old?.updatedAt ?? 0) + 1),
          userTags: opts.userTags ?? old?.userTags ?? [],
          note: opts.note ?? old?.note ?? '',
        },
        id,
      );
      const writes: Promise<unknown>[] = [track(store.put(rec)), track(tx.objectStore(STORE.briefs).put(buildBrief(rec)))];
      if (!asked) {
        firstSave = true;
        writes.push(track(tx.objectStore(STORE.meta).put({ key: META.persistRequested, value: now })));
      }
      await Promise.all(writes);
      return { id, created: !old, dispatch: toDispatch(rec) };
    });
    if (firstSave) await this.requestPersistence().catch(() => false);
    return out;
  }

  /** Save many articles in one transaction (bulk setup, tests, benchmarks). */
  async saveMany(items: { article: Article; entities: Entity[]; userTags?: string[]; note?: string; savedAt?: number }[]): Promise<number> {
    const now = this.now();
    return this.write(async (tx) => {
      const store = tx.objectStore(STORE.dispatches);
      const briefs = tx.objectStore(STORE.briefs);
      const writes: Promise<unknown>[] = [];
      for (const it of items) {
        const t = it.savedAt ?? now;
        const rec = buildRecord(it.article, it.entities, { savedAt: t, updatedAt: t, userTags: it.userTags ?? [], note: it.note ?? '' });
        writes.push(track(store.put(rec)), track(briefs.put(buildBrief(rec))));
      }
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

  async count(): Promise<number> {
    const db = await this.db();
    return db.count(STORE.dispatches);
  }

  /** Every dispatch, in id order (export). */
  async all(): Promise<Dispatch[]> {
    const db = await this.db();
    return (await db.getAll(STORE.dispatches)).map(toDispatch);
  }

  async list(opts: ListOptions = {}): Promise<ListResult> {
    const { offset = 0, limit = 50, sort = 'savedAt', direction = 'desc' } = opts;
    return this.read(async (tx) => {
      const store = tx.objectStore(STORE.dispatches);
      const range = sortRange(sort, opts.from, opts.to);
      const [ordered, bySite, byEntity] = await Promise.all([
        store.index(sort === 'published' ? INDEX.published : INDEX.savedAt).getAllKeys(range),
        opts.site != null ? store.index(INDEX.site).getAllKeys(opts.site) : null,
        opts.entityKey != null ? store.index(INDEX.entityKeys).getAllKeys(opts.entityKey) : null,
      ]);
      let keys = ordered;
      if (direction === 'desc') keys.reverse();
      if (bySite) {
        const s = new Set(bySite);
        keys = keys.filter((k) => s.has(k));
      }
      if (byEntity) {
        const s = new Set(byEntity);
        keys = keys.filter((k) => s.has(k));
      }
      const page = keys.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit));
      const recs = await Promise.all(page.map((k) => store.get(k)));
      return { items: recs.filter((r): r is DispatchRecord => !!r).map(toDispatch), total: keys.length };
    });
  }

  /** Delete a dispatch; returns it (for undo through restore()), or undefined if absent. */
  async remove(id: string): Promise<Dispatch | undefined> {
    return this.write(async (tx) => {
      const store = tx.objectStore(STORE.dispatches);
      const old = await store.get(id);
      if (!old) return undefined;
      await Promise.all([track(store.delete(id)), track(tx.objectStore(STORE.briefs).delete(id))]);
      return toDispatch(old);
    });
  }

  /** Put a removed dispatch back exactly as it was (undo). */
  async restore(d: Dispatch): Promise<void> {
    await this.write(async (tx) => {
      await putDispatch(tx, d);
    });
  }

  async setUserTags(id: string, tags: string[]): Promise<Dispatch> {
    const clean = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
    return this.update(id, (d) => ({ ...d, userTags: clean }));
  }

  async setNote(id: string, note: string): Promise<Dispatch> {
    return this.update(id, (d) => ({ ...d, note }));
  }

  private async update(id: string, change: (d: Dispatch) => Dispatch): Promise<Dispatch> {
    return this.write(async (tx) => {
      const old = await tx.objectStore(STORE.dispatches).get(id);
      if (!old) throw new ArchiveError(`No saved dispatch with id ${id}`);
      const next = change(toDispatch(old));
      next.updatedAt = Math.max(this.now(), old.updatedAt + 1);
      return putDispatch(tx, next);
    });
  }

  /**
   * Write dispatches from an import in one transaction: new ids are added, older local copies
   * replaced, identical or newer local copies left alone (so importing twice adds nothing).
   */
  async importDispatches(ds: Dispatch[]): Promise<ImportCounts> {
    return this.write(async (tx) => {
      const store = tx.objectStore(STORE.dispatches);
      const olds = await Promise.all(ds.map((d) => store.get(d.id)));
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
        writes.push(putDispatch(tx, d));
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
    const { limit = 20, offset = 0 } = opts;
    let terms = indexWords(query);
    if (!terms.length) terms = [...new Set(searchWords(query).filter((w) => w.length >= 2))];
    if (!terms.length) return [];
    return this.read(async (tx) => {
      const store = tx.objectStore(STORE.dispatches);
      const words = store.index(INDEX.words);
      const title = store.index(INDEX.titleWords);
      const n = await store.count();
      const perTerm = await Promise.all(
        terms.map(async (t) => {
          const pre = IDBKeyRange.bound(t, t + '\uffff', true, false);
          const [exact, prefix, tExact, tPrefix] = await Promise.all([
            words.getAllKeys(t),
            words.getAllKeys(pre),
            title.getAllKeys(t),
            title.getAllKeys(pre),
          ]);
          const m = new Map<string, number>();
          for (const id of prefix) m.set(id, 0.6);
          for (const id of exact) m.set(id, 1);
          const inTitle = new Set<string>(tExact);
          for (const id of tPrefix) inTitle.add(id);
          return { t, m, inTitle };
        }),
      );
      perTerm.sort((a, b) => a.m.size - b.m.size);
      const scores = new Map<string, number>();
      const first = perTerm[0];
      const w0 = idf(first.m.size, n);
      for (const [id, q] of first.m) scores.set(id, w0 * q * (first.inTitle.has(id) ? 2 : 1));
      for (const pt of perTerm.slice(1)) {
        const w = idf(pt.m.size, n);
        for (const [id, s] of scores) {
          const q = pt.m.get(id);
          if (q === undefined) scores.delete(id);
          else scores.set(id, s + w * q * (pt.inTitle.has(id) ? 2 : 1));
        }
      }
      if (!scores.size) return [];
      let ranked = [...scores.entries()];
      const want = offset + limit;
      if (ranked.length > want) {
        // Break ties by recency without loading records: rank of each id in the published index.
        const rank = await this.publishedRank(tx);
        ranked.sort((a, b) => b[1] - a[1] || (rank.get(b[0]) ?? -1) - (rank.get(a[0]) ?? -1));
        ranked = ranked.slice(offset, want);
      } else {
        ranked = ranked.slice(offset);
      }
      const briefs = tx.objectStore(STORE.briefs);
      const got = await Promise.all(ranked.map(([id]) => briefs.get(id)));
      const hits: SearchHit[] = [];
      got.forEach((b, i) => {
        if (!b) return;
        hits.push({ id: b.id, title: b.title, url: b.url, site: b.site, published: b.published, savedAt: b.savedAt, score: ranked[i][1], matched: terms });
      });
      hits.sort((a, b) => b.score - a.score || cmpDesc(a.published ?? '', b.published ?? '') || b.savedAt - a.savedAt);
      return hits;
    });
  }

  /** Position of every id in published order, cached until the archive's revision changes. */
  private async publishedRank(tx: ReadTx): Promise<Map<string, number>> {
    const rev = (await tx.objectStore(STORE.meta).get(META.revision))?.value;
    if (this.orderCache && this.orderCache.rev === rev && rev !== undefined) return this.orderCache.rank;
    const keys = await tx.objectStore(STORE.dispatches).index(INDEX.published).getAllKeys();
    const rank = new Map<string, number>();
    keys.forEach((k, i) => rank.set(k, i));
    this.orderCache = { rev, rank };
    return rank;
  }

  /** Saved dispatches that mention an entity key, most recently published first. */
  async byEntity(key: string, opts: { limit?: number } = {}): Promise<DispatchBrief[]> {
    return this.read(async (tx) => {
      const ids = await tx.objectStore(STORE.dispatches).index(INDEX.entityKeys).getAllKeys(key);
      const briefs = tx.objectStore(STORE.briefs);
      const got = (await Promise.all(ids.map((id) => briefs.get(id)))).filter((b): b is DispatchBrief => !!b);
      got.sort((a, b) => cmpDesc(a.published ?? '', b.published ?? '') || b.savedAt - a.savedAt);
      return opts.limit != null ? got.slice(0, opts.limit) : got;
    });
  }

  /** The k saved dispatches most related to an article (saved or not), with explanations. */
  async related(article: Article, entities: Entity[] = article.entities ?? [], opts: RelatedOptions = {}): Promise<RelatedDispatch[]> {
    return findRelated(await this.db(), article, entities, opts);
  }

  async stats(): Promise<StoreStats> {
    const dispatches = await this.count();
    const storage = this.storage();
    let bytes: number | null = null;
    let quota: number | null = null;
    let persisted: boolean | null = null;
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

/** Put a public Dispatch (from restore/import/update): derived fields are recomputed. */
async function putDispatch(tx: WriteTx, d: Dispatch): Promise<Dispatch> {
  const rec = buildRecord(d.article, d.entities, { savedAt: d.savedAt, updatedAt: d.updatedAt, userTags: d.userTags, note: d.note }, d.id);
  await Promise.all([track(tx.objectStore(STORE.dispatches).put(rec)), track(tx.objectStore(STORE.briefs).put(buildBrief(rec)))]);
  return toDispatch(rec);
}

/**
 * Mark a request promise as handled: when a later request of the same transaction throws, the
 * transaction aborts and earlier requests reject with AbortError, which is expected, not news.
 */
function track<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

function cmpDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

function sortRange(sort: SortField, from?: number | string, to?: number | string): IDBKeyRange | undefined {
  if (from == null && to == null) return undefined;
  if (sort === 'savedAt') {
    const f = from == null ? -Infinity : typeof from === 'number' ? from : Date.parse(from);
    const t = to == null ? Infinity : typeof to === 'number' ? to : Date.parse(to);
    return IDBKeyRange.bound(f, t);
  }
  const iso = (v: number | string) => (typeof v === 'number' ? new Date(v).toISOString() : v);
  const f = from == null ? '' : iso(from);
  const t = to == null ? '\uffff' : iso(to) + '\uffff';
  return IDBKeyRange.bound(f, t);
}

/** Open (lazily) the archive with the default database name. */
export function openArchive(opts: ArchiveOptions = {}): Archive {
  return new Archive(opts);
}
