// The persisted index (v4, issue 17): what the popup's related list, the badge, the count and
// the tag list need, read from IndexedDB in work bounded by the query, not by the archive.
//
// - `postings`: for each entity key, the ords of the dispatches that mention it, in shards of
//   POSTING_SHARD ords keyed [key, ord / POSTING_SHARD]. A related query reads the shards of
//   its ~16 keys (a range getAll per key: 4 records for a common one at 100,000 dispatches); a
//   save rewrites one shard per entity of the dispatch. A shard is one Uint16Array of offsets
//   (posting-codec.ts, v7): structured clone copies it as bytes.
// - `cards`: one small record per dispatch (title, url, date, entity keys, top terms), read
//   only for the final k of a query (v9: its candidates are scored from the term postings,
//   term-postings.ts, not from ~100 cards scattered over the archive).
// - `terms` (v9): for each top content term, the ords of the cards holding it (and each short
//   card's term count), written by IndexWriter beside the entity postings.
// - META.summary: count, next ord and tag counts, one get.
// Everything is written in the same transaction as the dispatch, so any context reads a
// consistent archive without replaying a log. Why not the in-memory index everywhere: at
// 100,000 dispatches loading it costs a context seconds and ~100 MB (issue 17's table), and
// MV3 stops the service worker after 30 s idle, so the first popup after a pause paid it.
import { unwrap, type IDBPTransaction } from 'idb';
import { TYPE_WEIGHT, combinedScore, idf, jaccardOfCounts, queryWeights, relatedAt, relatedTermScorer, type QueryWeights, type RelatedQuery } from '../core/related';
import { tagKey } from './records';
import { decodeShard, encodeShard, lastOrd, postingShardOf, shardBase } from './posting-codec';
import { cmpDesc, lowerBound } from './sorted';
import { META, STORE, type ArchiveSchema, type ArchiveSummary, type CardRecord, type IndexTailRecord, type PostingRecord, type TermPostingRecord } from './schema';
import { TAIL_MAX, tailOrds, withTail } from './index-tail';
import { COUNT_PREFIX, FULL_TERMS, OrdSet, TermShardEdit, countRange, termKeysOf } from './term-postings';
import type { RelatedDispatch } from './types';

type PStores = 'postings' | 'cards' | 'meta' | 'terms' | 'indexTail';
 
type AnyTx<M extends IDBTransactionMode> = IDBPTransaction<ArchiveSchema, any, M>;

export const emptySummary = (): ArchiveSummary => ({ n: 0, nextOrd: 0, tags: {}, sites: {}, tailFrom: 0, tail: 0 });

/** What the index knows of a stored dispatch before a write: its ord, entities and tags. */
export interface IndexedState {
  ord: number;
  site: string;
  entityKeys: readonly string[];
  userTags: readonly string[];
}

const shardId = (k: string, s: number) => `${s}\u0000${k}`;

/**
 * One shard being changed by a write transaction, as ords (a batch of saves edits it many
 * times and writes it once).
 */
class ShardEdit {
  readonly o: number[] = [];

  constructor(readonly k: string, readonly s: number, r: PostingRecord | undefined) {
    if (r) decodeShard(r, this.o);
  }

  add(ord: number): void {
    const o = this.o;
    // Ords only grow, so this is almost always an append.
    if (!o.length || o[o.length - 1] < ord) o.push(ord);
    else {
      const i = lowerBound(o, ord);
      if (o[i] !== ord) o.splice(i, 0, ord);
    }
  }

  drop(ord: number): void {
    const i = lowerBound(this.o, ord);
    if (this.o[i] === ord) this.o.splice(i, 1);
  }

  /** The record to write, or null when the shard is now empty. */
  record(): PostingRecord | null {
    return this.o.length ? encodeShard(this.k, this.s, this.o) : null;
  }
}

/**
 * The persisted index's side of one write transaction: shards and the summary are read once,
 * changed in memory, and written back by flush() (a batch of 500 saves rewrites each touched
 * shard once). Callers await flush() before the transaction's end.
 */
export class IndexWriter {
  private summary: Promise<ArchiveSummary> | null = null;
  private shards = new Map<string, Promise<ShardEdit>>();
  private dirty = new Set<string>();
  /** v9: term shards (term-postings.ts), as the entity shards. */
  private termShards = new Map<string, Promise<TermShardEdit>>();
  private termDirty = new Set<string>();
  private summaryDirty = false;
  /** v11: tail records this transaction writes (null: deletes), by ord (index-tail.ts). */
  private tailEdits = new Map<number, IndexTailRecord | null>();

  constructor(private readonly tx: AnyTx<'readwrite'>) {}

  private meta() {
    return this.tx.objectStore(STORE.meta) as unknown as ReturnType<AnyTx<'readwrite'>['objectStore']>;
  }

  private sum(): Promise<ArchiveSummary> {
    return (this.summary ??= this.meta()
      .get(META.summary)
      .then((r: { value?: ArchiveSummary } | undefined) => normalise(r?.value)));
  }

  private shard(k: string, s: number) {
    const id = shardId(k, s);
    let p = this.shards.get(id);
    if (!p) {
      p = (this.tx.objectStore(STORE.postings).get([k, s]) as Promise<PostingRecord | undefined>).then((r) => new ShardEdit(k, s, r));
      this.shards.set(id, p);
    }
    return p;
  }

  private termShard(k: string, s: number) {
    const id = shardId(k, s);
    let p = this.termShards.get(id);
    if (!p) {
      p = (this.tx.objectStore(STORE.terms).get([k, s]) as Promise<TermPostingRecord | undefined>).then((r) => new TermShardEdit(k, s, r));
      this.termShards.set(id, p);
    }
    return p;
  }

  private async termEdit(k: string, ord: number, add: boolean): Promise<void> {
    const sh = await this.termShard(k, postingShardOf(ord));
    if (add) sh.add(ord);
    else sh.drop(ord);
    this.termDirty.add(shardId(k, sh.s));
  }

  /** The term keys indexed for the card stored under `ord` (read before it is replaced). */
  private async oldTermKeys(ord: number): Promise<string[]> {
    const c = (await this.tx.objectStore(STORE.cards).get(ord)) as CardRecord | undefined;
    return c ? termKeysOf(c.terms) : [];
  }

  /** A new ord for a dispatch not yet indexed. */
  async allocate(): Promise<number> {
    const s = await this.sum();
    this.summaryDirty = true;
    return s.nextOrd++;
  }

  /**
   * Index a dispatch written under `ord` with these entity keys and tags; `old` is what was
   * indexed for it before (same ord), or null for a new one.
   */
  async put(id: string, ord: number, card: CardRecord, entityKeys: readonly string[], userTags: readonly string[], old: IndexedState | null): Promise<void> {
    const s = await this.sum();
    this.summaryDirty = true;
    if (old && old.ord !== ord) await this.remove(old);
    const same = !!old && old.ord === ord;
    if (ord >= s.tailFrom) {
      // In the tail (a new dispatch, or one not folded yet): its keys are one record, replaced whole.
      if (!same) s.tail++;
      this.tailEdits.set(ord, { o: ord, k: [...new Set(entityKeys)], t: termKeysOf(card.terms) });
      this.countPut(s, card, userTags, old, same);
      await this.tx.objectStore(STORE.cards).put({ ...card, id, o: ord });
      return;
    }
    // The card's terms as indexed, read before the card below replaces it.
    const termsBefore = new Set(same ? await this.oldTermKeys(ord) : []);
    const termsAfter = new Set(termKeysOf(card.terms));
    const before = new Set(same ? old!.entityKeys : []);
    const after = new Set(entityKeys);
    const jobs: Promise<void>[] = [];
    for (const k of before) if (!after.has(k)) jobs.push(this.drop(k, ord));
    for (const k of after) if (!before.has(k)) jobs.push(this.add(k, ord));
    for (const t of termsBefore) if (!termsAfter.has(t)) jobs.push(this.termEdit(t, ord, false));
    for (const t of termsAfter) if (!termsBefore.has(t)) jobs.push(this.termEdit(t, ord, true));
    this.countPut(s, card, userTags, old, same);
    jobs.push(this.tx.objectStore(STORE.cards).put({ ...card, id, o: ord }).then(() => {}));
    await Promise.all(jobs);
  }

  /** The summary's counts after a put (`same`: it replaces the dispatch indexed under its ord). */
  private countPut(s: ArchiveSummary, card: CardRecord, userTags: readonly string[], old: IndexedState | null, same: boolean): void {
    if (!same) s.n++;
    if (same) {
      countTags(s, old!.userTags, -1);
      countSite(s, old!.site, -1);
    }
    countTags(s, userTags, +1);
    countSite(s, card.site, +1);
  }

  /** Forget an indexed dispatch (removal). */
  async remove(old: IndexedState): Promise<void> {
    const s = await this.sum();
    this.summaryDirty = true;
    s.n = Math.max(0, s.n - 1);
    countTags(s, old.userTags, -1);
    countSite(s, old.site, -1);
    if (old.ord >= s.tailFrom) {
      // In the tail: its one record goes (it is in no shard).
      s.tail = Math.max(0, s.tail - 1);
      this.tailEdits.set(old.ord, null);
      await this.tx.objectStore(STORE.cards).delete(old.ord);
      return;
    }
    // The card's terms first: the delete below is queued after this read.
    const terms = this.oldTermKeys(old.ord).then((ts) => Promise.all(ts.map((t) => this.termEdit(t, old.ord, false)))).then(() => {});
    await Promise.all([...new Set(old.entityKeys)].map((k) => this.drop(k, old.ord)).concat(this.tx.objectStore(STORE.cards).delete(old.ord), terms));
  }

  /** Everything gone ("Forget everything"); ords keep increasing so none is ever reused. */
  async clear(): Promise<void> {
    const s = await this.sum();
    this.summaryDirty = true;
    s.n = 0;
    s.tags = {};
    s.sites = {};
    s.tailFrom = s.nextOrd;
    s.tail = 0;
    this.shards.clear();
    this.dirty.clear();
    this.termShards.clear();
    this.termDirty.clear();
    this.tailEdits.clear();
    await Promise.all([this.tx.objectStore(STORE.postings).clear(), this.tx.objectStore(STORE.cards).clear(), this.tx.objectStore(STORE.terms).clear(), this.tx.objectStore(STORE.indexTail).clear()]);
  }

  /** How many dispatches the tail holds once this transaction commits (when to fold it). */
  async tailSize(): Promise<number> {
    return this.summary ? (await this.summary).tail : 0;
  }

  /**
   * Fold the tail into the shards in this transaction: its `max` lowest ords (all when
   * omitted), with this transaction's own tail writes. Resolves to how many were folded.
   * `tailFrom` moves past the folded ords, so the invariant holds for what stays.
   */
  async fold(max = Infinity): Promise<number> {
    const s = await this.sum();
    const store = this.tx.objectStore(STORE.indexTail);
    const stored = (await (Number.isFinite(max) ? store.getAll(null, max) : store.getAll())) as IndexTailRecord[];
    const recs = new Map<number, IndexTailRecord | null>(stored.map((r) => [r.o, r]));
    // This transaction's writes win over what was stored; with a limit only those within it.
    const upTo = Number.isFinite(max) && stored.length >= max ? stored[stored.length - 1].o : Infinity;
    for (const [o, r] of this.tailEdits) if (o <= upTo) recs.set(o, r);
    for (const o of recs.keys()) this.tailEdits.delete(o);
    let folded = 0;
    let top = -1;
    const jobs: Promise<void>[] = [];
    for (const [o, r] of recs) {
      top = Math.max(top, o);
      if (!r) continue;
      folded++;
      for (const k of r.k) jobs.push(this.add(k, o));
      for (const t of r.t) jobs.push(this.termEdit(t, o, true));
    }
    await Promise.all(jobs);
    if (stored.length) await store.delete(IDBKeyRange.bound(stored[0].o, stored[stored.length - 1].o));
    // Everything below the highest ord folded is now in the shards (or removed).
    s.tailFrom = upTo === Infinity ? s.nextOrd : Math.max(s.tailFrom, top + 1);
    s.tail = upTo === Infinity ? 0 : Math.max(0, s.tail - folded);
    this.summaryDirty = true;
    return folded;
  }

  private async add(k: string, ord: number): Promise<void> {
    const sh = await this.shard(k, postingShardOf(ord));
    sh.add(ord);
    this.dirty.add(shardId(k, sh.s));
  }

  private async drop(k: string, ord: number): Promise<void> {
    const sh = await this.shard(k, postingShardOf(ord));
    sh.drop(ord);
    this.dirty.add(shardId(k, sh.s));
  }

  /** Write the changed shards (an empty one is deleted), the tail's records and the summary. */
  async flush(): Promise<void> {
    // A write that would leave more than TAIL_MAX in the tail (a batch) folds it all now.
    if (this.tailEdits.size && this.summary && (await this.summary).tail > TAIL_MAX) await this.fold();
    const store = this.tx.objectStore(STORE.postings);
    const writes: Promise<unknown>[] = [];
    const tail = this.tx.objectStore(STORE.indexTail);
    for (const [o, r] of this.tailEdits) writes.push(r ? tail.put(r) : tail.delete(o));
    this.tailEdits.clear();
    for (const id of this.dirty) {
      const sh = await this.shards.get(id)!;
      const r = sh.record();
      writes.push(r ? store.put(r) : store.delete([sh.k, sh.s]));
    }
    this.dirty.clear();
    const terms = this.tx.objectStore(STORE.terms);
    for (const id of this.termDirty) {
      const sh = await this.termShards.get(id)!;
      const r = sh.record();
      writes.push(r ? terms.put(r) : terms.delete([sh.k, sh.s]));
    }
    this.termDirty.clear();
    if (this.summaryDirty && this.summary) writes.push(this.meta().put({ key: META.summary, value: await this.summary }));
    await Promise.all(writes);
  }
}

function normalise(v: ArchiveSummary | undefined): ArchiveSummary {
  if (!v || !Number.isInteger(v.n) || !Number.isInteger(v.nextOrd)) return emptySummary();
  const obj = (x: unknown) => (x && typeof x === 'object' ? (x as Record<string, never>) : {});
  // Before v11 (no tailFrom) every ord is in the shards: the tail starts at nextOrd, empty.
  const tailed = Number.isInteger(v.tailFrom) && v.tailFrom <= v.nextOrd;
  return { n: v.n, nextOrd: v.nextOrd, tags: obj(v.tags), sites: obj(v.sites), tailFrom: tailed ? v.tailFrom : v.nextOrd, tail: tailed && Number.isInteger(v.tail) ? Math.max(0, v.tail) : 0 };
}

function countSite(s: ArchiveSummary, site: string, by: number): void {
  s.sites[site] = (s.sites[site] ?? 0) + by;
  if (s.sites[site] <= 0) delete s.sites[site];
}

function countTags(s: ArchiveSummary, tags: readonly string[], by: number): void {
  for (const t of tags) {
    const k = tagKey(t);
    const sp = (s.tags[k] ??= {});
    sp[t] = (sp[t] ?? 0) + by;
    if (sp[t] <= 0) delete sp[t];
    if (!Object.keys(sp).length) delete s.tags[k];
  }
}

/** Tag counts from the summary, exactly as MemIndex.tagCounts orders and spells them. */
export function summaryTags(s: ArchiveSummary): { tag: string; count: number }[] {
  return Object.values(s.tags)
    .map((sp) => {
      const e = Object.entries(sp).filter(([, c]) => c > 0);
      return { e, count: e.reduce((a, [, c]) => a + c, 0) };
    })
    .filter((x) => x.count > 0)
    .map(({ e, count }) => ({ tag: e.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0], count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'fr'));
}

export async function readSummary(tx: AnyTx<IDBTransactionMode>): Promise<ArchiveSummary> {
  const r = (await tx.objectStore(STORE.meta).get(META.summary)) as { value?: ArchiveSummary } | undefined;
  return normalise(r?.value);
}

/** All ords of an entity key (its shards in order, then the tail's: ascending). */
export async function entityOrds(tx: AnyTx<IDBTransactionMode>, key: string): Promise<Int32Array> {
  const [shards, tail] = await Promise.all([entityShards(tx, key), tx.objectStore(STORE.indexTail).getAll() as Promise<IndexTailRecord[]>]);
  const recs = withTail(shards, key, tailOrds(tail, 'k', (k) => k === key).get(key));
  const out = new Int32Array(recs.reduce((a, r) => a + r.o.length, 0));
  let at = 0;
  for (const r of recs) at = decodeShard(r, out, at);
  return out;
}

/** The shards of an entity key, in ord order. */
function entityShards(tx: AnyTx<IDBTransactionMode>, key: string): Promise<PostingRecord[]> {
  return tx.objectStore(STORE.postings).getAll(keyRange(key)) as Promise<PostingRecord[]>;
}

const keyRange = (key: string) => IDBKeyRange.bound([key, -Infinity], [key, Infinity]);

/**
 * Phase 1 over one shard: adds `w` to each ord's score, appending first-touched ords to
 * `touched`.
 */
function addShard(score: Float64Array, touched: Int32Array, nt: number, r: PostingRecord, w: number): number {
  const o = r.o;
  const base = shardBase(r.s);
  for (let j = 0; j < o.length; j++) {
    const x = base + o[j];
    if (score[x] === 0) touched[nt++] = x;
    score[x] += w;
  }
  return nt;
}

/** The pool size of phase 2, as MemIndex.related. */
const poolSize = (k: number) => Math.max(100, 10 * k);

/**
 * The results of plain requests, with one promise for the batch: through idb each of the
 * ~120 requests of a related query paid its proxies and its own promise, ~3 ms of a cold
 * worker's time (its code runs unoptimised).
 */
function requestAll(reqs: (IDBRequest | null)[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const out = new Array<unknown>(reqs.length);
    let left = reqs.filter(Boolean).length;
    if (!left) return resolve(out);
    reqs.forEach((r, i) => {
      if (!r) return; // a request not made: its result is undefined
      r.onsuccess = () => {
        out[i] = r.result;
        if (--left === 0) resolve(out);
      };
      r.onerror = () => reject(r.error);
    });
  });
}

/** The count keys' shards (v9) by key, with the tail's ords of each (v11). */
function countRecords(recs: readonly TermPostingRecord[], tailTerms: Map<string, number[]>): Map<string, TermPostingRecord[]> {
  const out = new Map<string, TermPostingRecord[]>();
  for (const r of recs) out.set(r.k, [...(out.get(r.k) ?? []), r]);
  for (const [t, ords] of tailTerms) if (t.startsWith(COUNT_PREFIX)) out.set(t, withTail(out.get(t) ?? [], t, ords));
  return out;
}

/** The query keys that ord `o` has, each once, from their shards (the final k's explanations). */
function keysOf(w: QueryWeights, sets: Map<string, OrdSet>, o: number): string[] {
  return w.keys.filter((x) => sets.get(x.key)!.has(o)).map((x) => x.key);
}

/**
 * The candidates of phase 2 in ord order, to test which of them each key's (or term's) shards
 * hold. A cold worker runs this code unoptimised (a lookup through closures and maps per
 * candidate and key cost ~5 ms, a shard search per candidate ~3 ms at 100,000 dispatches), so
 * it is one merge walk per key: candidates and shards both ascend, and within an offsets shard
 * each search starts where the previous candidate's ended.
 */
class Candidates {
  /** Candidate indices (into `cand`) by ascending ord, and those ords' shards and offsets. */
  private readonly idx: Int32Array;
  private readonly shard: Int32Array;
  private readonly off: Int32Array;

  constructor(cand: Int32Array) {
    this.idx = Int32Array.from(cand.keys()).sort((a, b) => cand[a] - cand[b]);
    this.shard = new Int32Array(cand.length);
    this.off = new Int32Array(cand.length);
    for (let j = 0; j < cand.length; j++) {
      const o = cand[this.idx[j]];
      this.shard[j] = postingShardOf(o);
      this.off[j] = o - shardBase(this.shard[j]);
    }
  }

  /** Which candidates the shards `recs` (ascending, as a range getAll reads them) hold, as a mask in `cand` order. */
  members(recs: readonly { s: number; o?: Uint16Array; b?: Uint8Array }[]): Uint8Array {
    const { idx, shard, off } = this;
    const m = idx.length;
    const out = new Uint8Array(m);
    let j = 0;
    for (let r = 0; r < recs.length && j < m; r++) {
      const rec = recs[r];
      while (j < m && shard[j] < rec.s) j++;
      if (rec.b) {
        const b = rec.b;
        for (; j < m && shard[j] === rec.s; j++) if (b[off[j] >> 3] & (1 << (off[j] & 7))) out[idx[j]] = 1;
        continue;
      }
      const o = rec.o!;
      let lo = 0;
      for (; j < m && shard[j] === rec.s; j++) {
        lo = lowerBound(o, off[j], lo);
        if (lo < o.length && o[lo] === off[j]) out[idx[j]] = 1;
      }
    }
    return out;
  }
}

/**
 * Related dispatches from the persisted index, with the scores, order and explanations of
 * MemIndex.related (the same two phases: entity-only partial scores over the query's postings,
 * then the full score of the pool's candidates). Reads, in one round trip: the summary, the
 * query keys' shards, the query terms' shards and the count keys (v9, term-postings.ts), the
 * index tail (v11, index-tail.ts) and the excluded dispatch's card; then the cards of the final
 * k only (their titles).
 */
export async function persistedRelated(tx: AnyTx<'readonly'>, q: RelatedQuery, exclude: string | null, k: number): Promise<RelatedDispatch[]> {
  if (!q.entities.length || k <= 0) return [];
  // Plain requests on the native transaction, answered through one promise (see requestAll).
  const raw = unwrap(tx) as IDBTransaction;
  const rawCards = raw.objectStore(STORE.cards);
  const rawPostings = raw.objectStore(STORE.postings);
  const rawTerms = raw.objectStore(STORE.terms);
  const qterms = [...new Set(q.terms)];
  const ne = q.entities.length;
  // One round trip, in two parts answered in the order issued: what phase 1 needs (the summary,
  // the index tail, the excluded dispatch's own card by its id, the entity postings), then what
  // only phase 2 needs (the term postings and count keys). Phase 1 runs as soon as the first
  // part is in, while IndexedDB is still reading the second: measured cold at 100,000, the
  // postings were in ~10 ms after issue and the terms ~7 ms later, and phase 1 costs ~10 ms.
  const first = requestAll([
    raw.objectStore(STORE.meta).get(META.summary),
    raw.objectStore(STORE.indexTail).getAll(),
    exclude != null ? rawCards.index('id').get(exclude) : null,
    ...q.entities.map((e) => rawPostings.getAll(keyRange(e.key))),
  ]);
  const second = requestAll([...qterms.map((t) => rawTerms.getAll(keyRange(t))), rawTerms.getAll(countRange())]);
  second.catch(() => {}); // awaited below; an error then aborts the transaction anyway
  const got = await first;
  const summary = normalise((got[0] as { value?: ArchiveSummary } | undefined)?.value);
  // The tail's ords (v11, index-tail.ts) joined to the shards of each key, term and count key.
  const tail = got[1] as IndexTailRecord[];
  const qkeys = new Set(q.entities.map((e) => e.key));
  const tailKeys = tailOrds(tail, 'k', (k) => qkeys.has(k));
  const lists = (got.slice(3, 3 + ne) as PostingRecord[][]).map((recs, i) => withTail(recs, q.entities[i].key, tailKeys.get(q.entities[i].key)));
  const self = got[2] as CardRecord | undefined;
  const n = summary.n - (self ? 1 : 0);
  if (n <= 0) return [];
  const selfKeys = self ? new Set(self.entityKeys) : null;
  const dfOf = new Map<string, number>();
  let size = summary.nextOrd;
  let cap = 0;
  q.entities.forEach((e, i) => {
    let len = 0;
    for (const r of lists[i]) len += r.o.length;
    dfOf.set(e.key, len);
    cap += len;
    const last = lists[i].at(-1);
    if (last) size = Math.max(size, lastOrd(last) + 1);
  });
  const df = (key: string) => Math.max(0, (dfOf.get(key) ?? 0) - (selfKeys?.has(key) ? 1 : 0));
  // Phase 1: partial scores by ord (typed arrays: ~40,000 touched ords for a common place at
  // 30,000 dispatches cost a Map ~20 ms), remembering the first-touch order that MemIndex's
  // Map keeps, so ties are cut the same way. Weights are > 0, so 0 means untouched. The
  // shards are walked as read (copying them into one list per key cost a cold worker ~2 ms).
  const score = new Float64Array(size);
  const touched = new Int32Array(cap);
  let nt = 0;
  q.entities.forEach((e, i) => {
    const w = (TYPE_WEIGHT[e.type] ?? 1) * idf(df(e.key), n);
    for (const r of lists[i]) nt = addShard(score, touched, nt, r, w);
  });
  const pool = topOrds(score, touched.subarray(0, nt), poolSize(k));
  // Phase 2: every pool candidate's full score, from which query keys and terms it has (ord
  // lookups in the shards just read: ~100 candidates × ~55 keys and terms) and its term count
  // (the count keys), by the scorer's own arithmetic (core/related: the same weights, added in
  // the same order): exactly the scores its card would give, without reading it. Only the
  // query's keys count in a candidate's score, so its other keys are not needed.
  const W = queryWeights(q, df, n);
  const terms = await second;
  const qtermSet = new Set(qterms);
  const tailTerms = tailOrds(tail, 't', (t) => qtermSet.has(t) || t.startsWith(COUNT_PREFIX));
  const selfOrd = self?.o ?? -1;
  const at = new Map<string, number>();
  q.entities.forEach((e, i) => at.has(e.key) || at.set(e.key, i));
  const cand = Int32Array.from(pool.filter((o) => o !== selfOrd));
  const m = cand.length;
  const byOrd = new Candidates(cand);
  const shared = new Float64Array(m);
  const tells = new Uint8Array(m);
  for (const x of W.keys) {
    const has = byOrd.members(lists[at.get(x.key)!]);
    for (let j = 0; j < m; j++) {
      if (!has[j]) continue;
      shared[j] += x.w;
      if (x.telling) tells[j] = 1;
    }
  }
  const termRecs = new Map(qterms.map((t, i) => [t, withTail(terms[i] as TermPostingRecord[], t, tailTerms.get(t))]));
  const inter = new Uint8Array(m);
  for (const t of W.qterms) {
    const has = byOrd.members(termRecs.get(t)!);
    for (let j = 0; j < m; j++) inter[j] += has[j];
  }
  const count = new Uint8Array(m).fill(FULL_TERMS);
  for (const [key, recs] of countRecords(terms[qterms.length] as TermPostingRecord[], tailTerms)) {
    const has = byOrd.members(recs);
    const c = Number(key.slice(COUNT_PREFIX.length));
    for (let j = 0; j < m; j++) if (has[j]) count[j] = c;
  }
  const ranked: { o: number; i: number; score: number }[] = [];
  for (let j = 0; j < m; j++) {
    const textScore = jaccardOfCounts(W.qterms.length, count[j], inter[j]);
    const score = combinedScore(W.total > 0 ? shared[j] / W.total : 0, textScore);
    if (relatedAt(tells[j] === 1, textScore)) ranked.push({ o: cand[j], i: j, score });
  }
  // Best first (stable: pool order among equal scores). The final order also looks at the
  // published date, so every candidate whose score equals the k-th's is read too; a card found
  // missing (none expected) is passed over for the next.
  ranked.sort((x, y) => y.score - x.score);
  const found: { c: CardRecord; o: number; i: number; score: number }[] = [];
  for (let from = 0; from < ranked.length; ) {
    let end = Math.min(ranked.length, from + Math.max(1, k - found.length));
    while (end < ranked.length && ranked[end].score === ranked[end - 1].score) end++;
    const batch = ranked.slice(from, end);
    const cards = (await requestAll(batch.map((x) => rawCards.get(x.o)))) as (CardRecord | undefined)[];
    cards.forEach((c, j) => {
      if (c && c.id !== exclude) found.push({ c, ...batch[j] });
    });
    from = end;
    if (found.length >= k && (from >= ranked.length || ranked[from].score < found[k - 1].score)) break;
  }
  // As MemIndex.related sorts its candidates: in pool order, by score then date.
  found.sort((x, y) => x.i - y.i);
  found.sort((x, y) => y.score - x.score || cmpDesc(x.c.published ?? '', y.c.published ?? ''));
  // The explanations of the final k (which telling keys, which words), by the scorer itself.
  const scoreOf = relatedTermScorer(q, df, n);
  const keySets = new Map(W.keys.map((x) => [x.key, new OrdSet(lists[at.get(x.key)!])]));
  const termSets = new Map([...termRecs].map(([t, recs]) => [t, new OrdSet(recs)]));
  const out = found.slice(0, k).map(({ c, o, i }) => ({ c, s: scoreOf(keysOf(W, keySets, o), (t) => termSets.get(t)!.has(o), count[i]) }));
  return out.map(({ c, s }) => ({
    id: c.id,
    title: c.title,
    published: c.published,
    site: c.site,
    url: c.url,
    score: Math.round(s.score * 1e4) / 1e4,
    shared: s.shared.map(({ key, name, type }) => ({ key, name, type })),
    words: s.shared.length ? [] : s.words,
  }));
}

/**
 * The `size` best ords by score, ties in first-touch order: what a stable sort of every
 * touched ord then slice would give, without sorting 100,000 entries for a common entity.
 */
export function topOrds(score: Float64Array, touched: Int32Array, size: number): number[] {
  const m = touched.length;
  if (m <= size * 4) {
    // Array.prototype.sort is stable: equal scores keep their first-touch order.
    return Array.from(touched)
      .sort((a, b) => score[b] - score[a])
      .slice(0, size);
  }
  // One pass with a heap of the `size` best so far, its worst on top: the lowest score and,
  // among equal scores, the latest touched (its index in `touched`). A later ord enters only
  // with a score above the top's: at an equal score it was touched later, so it is worse.
  // (A heap pass then a pass to collect cost twice this on a cold worker, where this code
  // runs unoptimised: each pass over ~100,000 touched ords costs milliseconds.)
  const hs = new Float64Array(size);
  const ht = new Int32Array(size);
  for (let t = 0; t < size; t++) {
    hs[t] = score[touched[t]];
    ht[t] = t;
  }
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(hs, ht, i, size);
  let top = hs[0];
  for (let t = size; t < m; t++) {
    const v = score[touched[t]];
    if (v > top) {
      hs[0] = v;
      ht[0] = t;
      siftDown(hs, ht, 0, size);
      top = hs[0];
    }
  }
  // Best first: score descending, then first touched first (the stable sort's order).
  return Array.from(ht)
    .sort((a, b) => score[touched[b]] - score[touched[a]] || a - b)
    .map((t) => touched[t]);
}

/** Min-heap step over (score, touch index): the worse of two is the lower score, then the later touched. */
function siftDown(hs: Float64Array, ht: Int32Array, from: number, size: number): void {
  let i = from;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) return;
    const r = l + 1;
    const c = r < size && (hs[r] < hs[l] || (hs[r] === hs[l] && ht[r] > ht[l])) ? r : l;
    if (hs[c] > hs[i] || (hs[c] === hs[i] && ht[c] < ht[i])) return;
    const s = hs[c];
    hs[c] = hs[i];
    hs[i] = s;
    const t = ht[c];
    ht[c] = ht[i];
    ht[i] = t;
    i = c;
  }
}

/** topOrds over a Map (insertion order = first touch). */
export function topByScore(map: Map<number, number>, size: number): number[] {
  const keys = [...map.keys()];
  const score = new Float64Array(keys.reduce((a, o) => Math.max(a, o + 1), 0));
  for (const [o, v] of map) score[o] = v;
  return topOrds(score, Int32Array.from(keys), size);
}

/** Dispatch ids mentioning an entity key, newest ords (latest saves) last. */
export async function entityCards(tx: AnyTx<'readonly'>, key: string, max: number): Promise<CardRecord[]> {
  const ords = await entityOrds(tx, key);
  const from = Math.max(0, ords.length - max);
  const cards = tx.objectStore(STORE.cards);
  const got = (await Promise.all(Array.from(ords.subarray(from), (o) => cards.get(o)))) as (CardRecord | undefined)[];
  return got.filter((c): c is CardRecord => !!c);
}

export type { PStores };
