// The persisted search index (v6, issue 17): search reads IndexedDB in work bounded by the
// words a query touches, never the whole archive, so a cold service worker or library page
// answers without loading the in-memory index (seconds and ~100 MB at 100,000 dispatches).
//
// - `words`: for each folded search word, the dispatches holding it as `ord * 2 + title flag`,
//   in shards of SHARD_SIZE ords keyed [w, s] (like the entity `postings`). A query term is one
//   key-range getAll over [t, t + '\uffff']: the exact word and every word it prefixes at once.
//   The title flag gives "title matches double" without reading the dispatch.
// - `wordDeltas`: a dispatch has ~300-500 distinct words, so writing its shards directly would
//   rewrite ~400 records per save (~100+ ms at 100,000). A single save instead adds one delta
//   record (its words, its previous words, its date and site); search reads the pending deltas
//   beside the shards, in the same transaction, and the latest delta of an ord overrides what
//   the shards say of it. Deltas are merged into the shards in bounded batches later
//   (Archive.mergeWordDeltas, idle time after WORD_MERGE_AT pending), and directly by any write
//   of WORD_DIRECT_MIN dispatches or more (saveMany, import batches), which merges the pending
//   ones with it so the shards never lag behind a delta they would contradict.
// - `ordCols`: published, savedAt and site per ord, one record per shard: a common word matches
//   most of the archive with the same score, and the tie goes to the most recently published,
//   so ranking needs every hit's date; reading a card per hit would be ~30 µs × 90,000.
// Every context reads shards + deltas in one transaction, so it sees each write at once.
import type { IDBPTransaction } from 'idb';
import { idf } from '../core/related';
import { readSummary } from './postings';
import { BUFFER_K, PUB_NULL, dayKey, insertTop, pubKey, pubPrefix, type PubSource, type RankCols } from './word-rank';
import { SHARD_SIZE, STORE, type ArchiveSchema, type BriefRecord, type CardRecord, type DispatchRecord, type OrdColsRecord, type WordDeltaRecord, type WordPostingRecord } from './schema';
import { lowerBound } from './sorted';
import { recordWords } from './records';

// The store set differs per caller (a write, a search, the upgrade).
type AnyTx<M extends IDBTransactionMode> = IDBPTransaction<ArchiveSchema, any, M>;

/** A write of at least this many dispatches merges into the shards directly (one rewrite per touched shard). */
export const WORD_DIRECT_MIN = 16;
/** Pending deltas past which the writer merges (idle time): each search reads them all (~4 KB each). */
export const WORD_MERGE_AT = 32;
/**
 * Deltas per merge transaction (~16 × 400 shard rewrites). Measured at 100,000 (bench:store
 * --scale, light load): 16 per batch ~120 ms, 8 per batch ~100 ms (rewriting the touched column
 * records is most of a batch), so 16: half the merge time for 20 ms more that a save or a
 * search arriving meanwhile may wait, in the writer's idle time.
 */
export const WORD_MERGE_BATCH = 16;

/** One write of a dispatch's words: a delta record before it has its seq. */
export type WordChange = Omit<WordDeltaRecord, 'seq'>;

const split = (s: string | null | undefined): string[] => (s ? s.split(' ') : []);
const shardOf = (o: number) => Math.floor(o / SHARD_SIZE);
/**
 * Ords per column record: 32,768 × 19 bytes ≈ 620 KB. Measured in Chromium (bench): reading
 * 900 KB as 25 records of 35 KB took 5 ms, as 2-10 records of 90-440 KB 1.5 ms (large values
 * are kept apart from the LevelDB rows), so the columns every common word reads are few, big
 * records; a merge rewrites the one or two it touches (idle time, the writer).
 */
export const COL_SIZE = 32768;
/** log2(COL_SIZE): an ord's column is ord >> COL_SHIFT, its index there ord & (COL_SIZE - 1). */
const COL_SHIFT = 15;
const colOf = (o: number) => o >> COL_SHIFT;
/**
 * Ords per v8 `day` record: 16,384 × 2 bytes = 32 KB. Chromium keeps an IndexedDB value over
 * 64 KB apart as a blob that the page reads back as a separate step after the request's
 * success, on its main thread (while a search decodes postings there): measured, a 64 KB `day`
 * record arrived only after the decode. Below that size it comes inline with the others.
 */
export const DAY_SIZE = 16384;
const DAY_SHIFT = 14;
/** The record (s of [k, s]) holding ord o's value of column kind k. */
const colShard = (k: ColKind, o: number) => (k === 'day' ? o >> DAY_SHIFT : o >> COL_SHIFT);
const keyOf = (w: string, s: number) => `${s}\u0000${w}`;

/** One dispatch's change to the word index: its words now (`words`; null: removed) and before (`prev`; null: new). */
export function wordChange(ord: number, brief: BriefRecord | null, words: string | null, prev: string | null): WordChange {
  if (!brief || words === null) return { o: ord, words: null, title: '', prev, pub: null, saved: 0, site: '' };
  return { o: ord, words, title: brief.titleWords, prev, pub: brief.published, saved: brief.savedAt, site: brief.site };
}

/** The word index's side of one write transaction (see Archive.write). */
export class WordWriter {
  private changes: WordChange[] = [];
  private cleared = false;
  /** Deltas pending after flush() (0 when it merged directly). */
  pending = 0;

  constructor(private readonly tx: AnyTx<'readwrite'>) {}

  /** A dispatch (re)written under `ord` with these search words; `prev` is its words before (null: new). */
  put(ord: number, brief: BriefRecord, words: string, prev: string | null): void {
    this.changes.push(wordChange(ord, brief, words, prev));
  }

  remove(ord: number, prev: string | null): void {
    this.changes.push(wordChange(ord, null, null, prev));
  }

  /** "Forget everything". */
  async clear(): Promise<void> {
    this.cleared = true;
    this.changes = [];
    await Promise.all([STORE.words, STORE.wordDeltas, STORE.ordCols].map((s) => this.tx.objectStore(s).clear()));
  }

  async flush(): Promise<void> {
    const changes = this.changes;
    this.changes = [];
    if (this.cleared || !changes.length) return;
    const deltas = this.tx.objectStore(STORE.wordDeltas);
    if (changes.length >= WORD_DIRECT_MIN) {
      const pend = (await deltas.getAll()) as WordDeltaRecord[];
      await Promise.all([applyChanges(this.tx, [...pend, ...changes]), pend.length ? deltas.clear() : null]);
      this.pending = 0;
      return;
    }
    await Promise.all(changes.map((c) => deltas.add(c)));
    this.pending = (await deltas.count()) as number;
  }
}

type ColKind = OrdColsRecord['k'];
/** The column kinds every write keeps in step (v8: `day`, the relevance cut's compact key). */
const KINDS: ColKind[] = ['pub', 'saved', 'site', 'day'];
/** The kinds the v6 step wrote (its build stays the v6 format; the v8 step adds `day`). */
export const V6_KINDS: ColKind[] = ['pub', 'saved', 'site'];
function emptyCol(k: ColKind, s: number): OrdColsRecord {
  if (k === 'pub') return { k, s, pub: new Float64Array(COL_SIZE), flag: new Uint8Array(COL_SIZE) };
  if (k === 'saved') return { k, s, saved: new Float64Array(COL_SIZE) };
  if (k === 'day') return { k, s, day: new Uint16Array(DAY_SIZE) };
  return { k, s, site: new Uint16Array(COL_SIZE), sites: [] };
}


function dropOrd(list: number[], o: number): void {
  const i = lowerBound(list, o * 2);
  let j = i;
  while (j < list.length && list[j] >> 1 === o) j++;
  if (j > i) list.splice(i, j - i);
}

function addEntry(list: number[], e: number): void {
  // Ords only grow, so this is almost always an append.
  if (!list.length || list[list.length - 1] < e) list.push(e);
  else list.splice(lowerBound(list, e), 0, e);
}

/**
 * Apply writes, in order, to the word shards and the columns: each takes its ord out of its
 * previous words' shards and puts it in its new words' shards. Every touched record is read
 * at once (one round trip, not one per word) and written once.
 */
export async function applyChanges(tx: AnyTx<'readwrite'>, changes: WordChange[], kinds: ColKind[] = KINDS): Promise<void> {
  if (!changes.length) return;
  const words = tx.objectStore(STORE.words);
  const colStore = tx.objectStore(STORE.ordCols);
  const need = new Map<string, [string, number]>();
  const colNeed = new Map<string, [ColKind, number]>();
  for (const c of changes) {
    const s = shardOf(c.o);
    for (const k of kinds) colNeed.set(keyOf(k, colShard(k, c.o)), [k, colShard(k, c.o)]);
    for (const w of split(c.prev)) need.set(keyOf(w, s), [w, s]);
    for (const w of split(c.words)) need.set(keyOf(w, s), [w, s]);
  }
  const keys = [...need.values()];
  const colKeys = [...colNeed.values()];
  const [recs, colRecs] = await Promise.all([
    Promise.all(keys.map((k) => words.get(k) as Promise<WordPostingRecord | undefined>)),
    Promise.all(colKeys.map((k) => colStore.get(k) as Promise<OrdColsRecord | undefined>)),
  ]);
  const lists = new Map<string, number[]>();
  keys.forEach(([w, s], i) => lists.set(keyOf(w, s), recs[i] ? Array.from(recs[i]!.o) : []));
  const cols = new Map<string, OrdColsRecord>(colKeys.map(([k, s], i) => [keyOf(k, s), colRecs[i] ?? emptyCol(k, s)]));
  const colFor = (k: ColKind, o: number) => cols.get(keyOf(k, colShard(k, o)));
  for (const c of changes) {
    const s = shardOf(c.o);
    for (const w of split(c.prev)) dropOrd(lists.get(keyOf(w, s))!, c.o);
    if (c.words === null) continue;
    const title = new Set(split(c.title));
    for (const w of split(c.words)) addEntry(lists.get(keyOf(w, s))!, c.o * 2 + (title.has(w) ? 1 : 0));
    const i = c.o & (COL_SIZE - 1);
    const pk = pubKey(c.pub);
    const pub = colFor('pub', c.o)!;
    pub.pub![i] = pk.key;
    pub.flag![i] = pk.flag;
    colFor('saved', c.o)!.saved![i] = c.saved;
    const day = colFor('day', c.o);
    if (day) day.day![c.o & (DAY_SIZE - 1)] = dayKey(c.pub);
    const siteCol = colFor('site', c.o)!;
    const sites = siteCol.sites!;
    let site = sites.indexOf(c.site);
    if (site < 0) site = sites.push(c.site) - 1;
    siteCol.site![i] = site;
  }
  const writes: Promise<unknown>[] = [];
  keys.forEach(([w, s], i) => {
    const list = lists.get(keyOf(w, s))!;
    if (list.length) writes.push(words.put({ w, s, o: Int32Array.from(list) }));
    else if (recs[i]) writes.push(words.delete([w, s]));
  });
  for (const col of cols.values()) writes.push(colStore.put(col));
  await Promise.all(writes);
}

/** Merge up to `max` of the oldest pending deltas into the shards; returns how many. */
export async function mergeDeltas(tx: AnyTx<'readwrite'>, max: number): Promise<number> {
  const deltas = tx.objectStore(STORE.wordDeltas);
  const batch = (await deltas.getAll(null, max)) as WordDeltaRecord[];
  if (!batch.length) return 0;
  await Promise.all([applyChanges(tx, batch), deltas.delete(IDBKeyRange.bound(batch[0].seq!, batch[batch.length - 1].seq!))]);
  return batch.length;
}

/**
 * The upgrade step's build (v6): the word shards and columns of every dispatch, one shard of
 * ords at a time (its cards, then their briefs at once) so that memory stays bounded by a shard.
 */
async function wordsOfStored(dispatches: { get(id: string): Promise<unknown> }, id: string): Promise<string | null> {
  const r = (await dispatches.get(id)) as DispatchRecord | undefined;
  return r ? recordWords(r) : null;
}

export async function buildWordIndex(tx: AnyTx<'versionchange'>, nextOrd: number): Promise<void> {
  const cards = tx.objectStore(STORE.cards);
  const briefs = tx.objectStore(STORE.briefs);
  const dispatches = tx.objectStore(STORE.dispatches);
  for (let s = 0; s * SHARD_SIZE < nextOrd; s++) {
    const cs = (await cards.getAll(IDBKeyRange.bound(s * SHARD_SIZE, (s + 1) * SHARD_SIZE - 1))) as CardRecord[];
    if (!cs.length) continue;
    const bs = (await Promise.all(cs.map((c) => briefs.get(c.id)))) as (BriefRecord | undefined)[];
    // A v5 brief holds its words; one written by this code's earlier steps (v2, v3) does not:
    // its record gives them (recordWords, as every later write does).
    const words = await Promise.all(bs.map(async (b, i) => (!b ? null : b.words ?? (await wordsOfStored(dispatches, cs[i].id)))));
    const changes = cs.flatMap((c, i) => (bs[i] && words[i] !== null ? [wordChange(c.o, bs[i]!, words[i], null)] : []));
    await applyChanges(tx as unknown as AnyTx<'readwrite'>, changes, V6_KINDS);
  }
}

/**
 * The v8 step's build: a `day` column (dayKey) beside each `pub` column, from the published
 * prefix its key keeps exactly (pubPrefix); only an ord whose date is not shaped like one (or
 * null) reads its card. One column at a time; an ord without a card (none, or removed) stays 0.
 */
export async function buildDayColumns(tx: AnyTx<'versionchange'>): Promise<void> {
  const colStore = tx.objectStore(STORE.ordCols);
  const cards = tx.objectStore(STORE.cards);
  const pubs = (await colStore.getAll(IDBKeyRange.bound(['pub', -Infinity], ['pub', Infinity]))) as OrdColsRecord[];
  for (const p of pubs) {
    const day = new Uint16Array(COL_SIZE);
    const odd: number[] = [];
    for (let i = 0; i < COL_SIZE; i++) {
      const pre = pubPrefix(p.pub![i], p.flag![i]);
      if (pre !== null) day[i] = dayKey(pre);
      else if (!(p.flag![i] & PUB_NULL)) odd.push(i);
    }
    const got = (await Promise.all(odd.map((i) => cards.get(p.s * COL_SIZE + i)))) as (CardRecord | undefined)[];
    odd.forEach((i, j) => (day[i] = dayKey(got[j]?.published ?? null)));
    // COL_SIZE / DAY_SIZE day records per pub column.
    const per = COL_SIZE / DAY_SIZE;
    await Promise.all(Array.from({ length: per }, (_, h) => colStore.put({ k: 'day', s: p.s * per + h, day: day.slice(h * DAY_SIZE, (h + 1) * DAY_SIZE) })));
  }
}

export interface WordHits extends RankCols {
  /** Live dispatches (the summary's count, the N of IDF). */
  n: number;
  /** The query terms' order of evaluation (rarest first). */
  terms: string[];
  /** With findWordHits' `k` (1..BUFFER_K) and more hits than k: the k-th best score (bestScoreHits' cut). */
  cut?: number;
  /** With `cut`, when known on the way (one word: its title hits): the hit indexes scoring at least `cut` (what bestScoreHits would return). */
  best?: Int32Array;
  /** Fill columns of these hit indexes (their records in one round trip; pending ones from their delta). */
  cols(hits: ArrayLike<number>, kinds: RankKind[]): Promise<void>;
  /** The v8 day keys (dayKey) of every hit where they are, without copying them (word-rank.ts relevanceCandidates). */
  pubSource(): Promise<PubSource>;
  /** Fill `pub`, `flag`, `saved` and the exact published of these hits from their cards (or their delta): a few candidates, instead of the `pub` columns. */
  exactCols(hits: readonly number[]): Promise<void>;
  /** The exact published strings and savedAt of these hits (their cards, or their delta). */
  loadExact(hits: readonly number[]): Promise<void>;
  /** The card of hit i (read once per search). */
  card(i: number): Promise<CardRecord | undefined>;
}

type Over = { d: WordDeltaRecord; title: Set<string> | null };
/** The columns `cols` fills (`day` is read whole, by pubSource). */
type RankKind = Exclude<ColKind, 'day'>;

/**
 * Every dispatch matching all terms, with MemIndex.search's score: Σ IDF(term) × (1 exact,
 * 0.6 prefix) × (2 when in the title), summed in the same order (rarest term first) so the
 * floats are identical. Reads: the summary, the pending deltas and each term's shards.
 */
export async function findWordHits(tx: AnyTx<'readonly'>, terms: string[], k = 0): Promise<WordHits> {
  const words = tx.objectStore(STORE.words);
  const first = Promise.all([
    readSummary(tx),
    tx.objectStore(STORE.wordDeltas).getAll() as Promise<WordDeltaRecord[]>,
    ...terms.map((t) => words.getAll(IDBKeyRange.bound([t, -Infinity], [t + '\uffff', Infinity])) as Promise<WordPostingRecord[]>),
  ]);
  // Every `day` column (2 bytes per ord: ~200 KB at 100,000) is asked for after the postings,
  // so IndexedDB reads it while they are decoded; a common word's relevance cut reads most of it.
  const dayCols = tx.objectStore(STORE.ordCols).getAll(IDBKeyRange.bound(['day', -Infinity], ['day', Infinity])) as Promise<OrdColsRecord[]>;
  dayCols.catch(() => undefined);
  const [summary, pend, ...lists] = await first;
  const n = summary.n;
  let size = summary.nextOrd;
  for (const d of pend) size = Math.max(size, d.o + 1);
  for (const l of lists) for (const r of l) if (r.o.length) size = Math.max(size, (r.o[r.o.length - 1] >> 1) + 1);
  // The latest pending write of an ord overrides what the shards hold for it (getAll is in seq order).
  const over = new Map<number, Over>();
  const overridden = new Uint8Array(size);
  for (const d of pend) {
    over.set(d.o, { d, title: null });
    overridden[d.o] = 1;
  }
  const nCols = colOf(Math.max(0, size - 1)) + 1;
  /** The column records of the non-pending ords of these hits. */
  const colsOf = (hits: ArrayLike<number>): number[] => {
    // Thousands of hits of a word touch every column (a few at 100,000): no pass over them to find which.
    if (hits.length >= 1024 * nCols) return Array.from({ length: nCols }, (_, s) => s);
    const wanted = new Uint8Array(nCols);
    for (let x = 0; x < hits.length; x++) {
      const o = out.ords[hits[x]];
      if (!overridden[o]) wanted[colOf(o)] = 1;
    }
    const want: number[] = [];
    wanted.forEach((w, s) => w && want.push(s));
    return want;
  };
  // The ties' cards (loadExact) are most of the page's: each card is read once per search.
  const cardCache = new Map<number, Promise<CardRecord | undefined>>();
  // Each column record is read once per search (relevance reads `pub` for its cut, then for its candidates).
  const colCache = new Map<string, Promise<OrdColsRecord | undefined>>();
  const readCol = (k: ColKind, s: number) => {
    const key = `${k}${s}`;
    let p = colCache.get(key);
    if (!p) colCache.set(key, (p = tx.objectStore(STORE.ordCols).get([k, s]) as Promise<OrdColsRecord | undefined>));
    return p;
  };
  const out: WordHits = {
    n,
    terms: [],
    ords: new Int32Array(0),
    scores: new Float64Array(0),
    pub: new Float64Array(0),
    flag: new Uint8Array(0),
    saved: new Float64Array(0),
    site: [],
    exact: new Map(),
    async cols(hits, kinds) {
      // Column records by shard in plain arrays, indexed loops: this runs once per hit (~100,000), in a cold page.
      const m = hits.length;
      const ords = out.ords;
      const byKind = (k: RankKind) => (kinds.includes(k) ? new Array<OrdColsRecord | undefined>(nCols) : null);
      const recs = { pub: byKind('pub'), saved: byKind('saved'), site: byKind('site') };
      // Sites are read only by the site filter: the array is made when asked for.
      if (recs.site && out.site.length !== ords.length) out.site = new Array<string>(ords.length).fill('');
      const want = colsOf(hits);
      const got = await Promise.all(want.flatMap((s) => kinds.map((k) => readCol(k, s))));
      want.forEach((s, x) => kinds.forEach((k, y) => (recs[k]![s] = got[x * kinds.length + y])));
      const { pub, flag, saved, site } = out;
      for (let x = 0; x < m; x++) {
        const i = hits[x];
        const o = ords[i];
        if (overridden[o]) {
          const d = over.get(o)!.d;
          const pk = pubKey(d.pub);
          pub[i] = pk.key;
          flag[i] = pk.flag;
          saved[i] = d.saved;
          if (recs.site) out.site[i] = d.site;
          out.exact.set(i, d.pub);
          continue;
        }
        const s = colOf(o);
        const j = o - s * COL_SIZE;
        const pc = recs.pub?.[s];
        if (pc) {
          pub[i] = pc.pub![j];
          flag[i] = pc.flag![j];
        }
        const sc = recs.saved?.[s];
        if (sc) saved[i] = sc.saved![j];
        const tc = recs.site?.[s];
        if (tc) site[i] = tc.sites![tc.site![j]] ?? '';
      }
    },
    async pubSource() {
      const cols: (Uint16Array | undefined)[] = [];
      for (const r of await dayCols) cols[r.s] = r.day;
      return { cols, shift: DAY_SHIFT, overridden: over.size ? overridden : null, overKey: (o) => dayKey(over.get(o)!.d.pub) };
    },
    async exactCols(hits) {
      const { ords, pub, flag, saved, exact } = out;
      const set = (i: number, p: string | null, s: number) => {
        const pk = pubKey(p);
        pub[i] = pk.key;
        flag[i] = pk.flag;
        saved[i] = s;
        exact.set(i, p);
      };
      const fromCards = hits.filter((i) => !overridden[ords[i]]);
      for (const i of hits) {
        const d = overridden[ords[i]] ? over.get(ords[i])!.d : null;
        if (d) set(i, d.pub, d.saved);
      }
      const cards = await Promise.all(fromCards.map((i) => out.card(i)));
      fromCards.forEach((i, j) => set(i, cards[j]?.published ?? null, cards[j]?.savedAt ?? 0));
    },
    card(i) {
      const o = out.ords[i];
      let p = cardCache.get(o);
      if (!p) cardCache.set(o, (p = tx.objectStore(STORE.cards).get(o) as Promise<CardRecord | undefined>));
      return p;
    },
    async loadExact(hits) {
      const want = hits.filter((i) => !out.exact.has(i));
      const cards = await Promise.all(want.map((i) => out.card(i)));
      want.forEach((i, j) => {
        out.exact.set(i, cards[j]?.published ?? null);
        if (cards[j]) out.saved[i] = cards[j]!.savedAt;
      });
    },
  };
  if (!n || !terms.length) return out;
  // One term that is one word of the index (no longer word it prefixes), nothing pending.
  if (terms.length === 1 && !over.size && lists[0].every((r) => r.w === terms[0])) return Object.assign(out, oneWordHits(terms[0], lists[0], n, k));
  // The intersection walks the ords of the term with the fewest entries (the driver); the
  // others only fill their codes and count their ords (no list of them: most of the entries).
  const entries = lists.map((l) => l.reduce((x, r) => x + r.o.length, 0));
  const driver = entries.indexOf(Math.min(...entries));
  const per = terms.map((t, i) => termCodes(t, lists[i], size, over, overridden, i === driver));
  const walk = per[driver].touched!;
  // Array.prototype.sort is stable: equal counts keep the query's order, as MemIndex does.
  per.sort((a, b) => a.df - b.df);
  out.terms = per.map((p) => p.t);
  return Object.assign(out, intersect(per, n, k, walk));
}

/** The hit columns findWordHits fills, for `m` hits. */
function hitArrays(ords: Int32Array, scores: Float64Array, cut?: number) {
  const m = ords.length;
  return { ords, scores, pub: new Float64Array(m), flag: new Uint8Array(m), saved: new Float64Array(m), ...(cut !== undefined ? { cut } : {}) };
}

/**
 * One term that is a single word of the index, nothing pending: its entries are the hits, in
 * ord order, each scoring its title or body part. Two of the common queries are such ('hanoi'):
 * one pass over ~50,000 entries instead of decoding them into per-ord codes and reading those back.
 */
function oneWordHits(t: string, recs: WordPostingRecord[], n: number, k: number) {
  let m = 0;
  for (const r of recs) m += r.o.length;
  const w = idf(m, n);
  // As MemIndex computes them (w × q × title), so the floats are the same.
  const body = w * 1 * 1;
  const title = w * 1 * 2;
  const ords = new Int32Array(m);
  const scores = new Float64Array(m);
  // The title hits' indexes, kept on the way: a relevance page's cut when there are k of them.
  const inTitle = new Int32Array(m);
  let j = 0;
  let titles = 0;
  for (const r of recs) {
    const o = r.o;
    for (let x = 0; x < o.length; x++, j++) {
      const e = o[x];
      ords[j] = e >> 1;
      if (e & 1) {
        scores[j] = title;
        inTitle[titles++] = j;
      } else scores[j] = body;
    }
  }
  // Two scores only: the k-th best is the title score when k hits have it.
  const cut = k > 0 && m > k ? (titles >= k ? title : body) : undefined;
  return { terms: [t], ...hitArrays(ords, scores, cut), ...(cut === title ? { best: inTitle.subarray(0, titles) } : {}) };
}

interface TermCodes {
  t: string;
  /** One byte per ord: 1 exact, 2 exact in the title, 4 prefix, 8 prefix in the title. */
  code: Uint8Array;
  /** The term's document frequency (ords with a code). */
  df: number;
  /** The ords with a code, for the term the intersection walks (else null). */
  touched: Int32Array | null;
}

/** A term's codes from its shards (every word it prefixes) and the pending deltas. Typed arrays: a common word touches ~100,000 ords, often in a cold page. */
function termCodes(t: string, recs: WordPostingRecord[], size: number, over: Map<number, Over>, overridden: Uint8Array, keep: boolean): TermCodes {
  const code = new Uint8Array(size);
  let cap = 0;
  if (keep) {
    for (const r of recs) cap += r.o.length;
    for (const p of over.values()) cap += p.d.words === null ? 0 : 1;
  }
  const touched = new Int32Array(cap);
  let nt = 0;
  let first: string | null = null;
  const skip = over.size > 0;
  for (const r of recs) {
    if (!r.w.startsWith(t)) continue;
    const o = r.o;
    // The codes of a body and a title hit of this word.
    const body = r.w === t ? 1 : 4;
    const title = r.w === t ? 3 : 12;
    first ??= r.w;
    if (r.w === first && !skip) {
      // The term's first word (getAll returns a word's shards together, in key order), nothing
      // pending: its ords are distinct and untouched yet, so no check per entry.
      if (keep) for (let j = 0; j < o.length; j++) touched[nt + j] = o[j] >> 1;
      for (let j = 0; j < o.length; j++) {
        const e = o[j];
        code[e >> 1] = e & 1 ? title : body;
      }
      nt += o.length;
      continue;
    }
    for (let j = 0; j < o.length; j++) {
      const e = o[j];
      const ord = e >> 1;
      if (skip && overridden[ord]) continue;
      if (!code[ord]) {
        if (keep) touched[nt] = ord;
        nt++;
      }
      code[ord] |= e & 1 ? title : body;
    }
  }
  nt = pendingCodes(t, code, keep ? touched : null, nt, over);
  return { t, code, df: nt, touched: keep ? touched.subarray(0, nt) : null };
}

/** termCodes' part from the pending deltas (their words override the shards'); returns the new count of ords. */
function pendingCodes(t: string, code: Uint8Array, touched: Int32Array | null, nt: number, over: Map<number, Over>): number {
  for (const [ord, p] of over) {
    if (p.d.words === null) continue;
    for (const w of split(p.d.words)) {
      if (!w.startsWith(t)) continue;
      p.title ??= new Set(split(p.d.title));
      if (!code[ord]) {
        if (touched) touched[nt] = ord;
        nt++;
      }
      code[ord] |= w === t ? (p.title.has(w) ? 3 : 1) : p.title.has(w) ? 12 : 4;
    }
  }
  return nt;
}

/** A term's part of the score by code, computed as MemIndex does (w × q × title) so the sums are the same floats. */
function partTable(w: number): Float64Array {
  const part = new Float64Array(16);
  for (let c = 1; c < 16; c++) {
    const exact = (c & 1) === 1;
    const inTitle = exact ? (c & 2) !== 0 : (c & 8) !== 0;
    part[c] = w * (exact ? 1 : 0.6) * (inTitle ? 2 : 1);
  }
  return part;
}

/**
 * The dispatches matching every term, with their scores summed rarest term first (as MemIndex
 * sums them: the same floats), in one pass over the ords of one term (`walk`: the one with the
 * fewest entries) that looks up every term's code (the first three unrolled: a query has one
 * to three words); with k (1..BUFFER_K),
 * the k-th best score kept on the way (kthLargest's buffer, insertTop), so that bestScoreHits
 * need not pass over ~40,000 hits again.
 */
function intersect(per: TermCodes[], n: number, k: number, walk: Int32Array) {
  const parts = per.map((pt) => partTable(idf(pt.df, n)));
  const first = walk;
  const m0 = first.length;
  const ords = new Int32Array(m0);
  const scores = new Float64Array(m0);
  const [c0, c1, c2] = [per[0].code, per[1]?.code ?? null, per[2]?.code ?? null];
  const [p0, p1, p2] = parts;
  const rest = per.slice(3).map((pt) => pt.code);
  const restParts = parts.slice(3);
  const kk = k > 0 && k <= BUFFER_K ? k : 0;
  const top = new Float64Array(kk);
  let nTop = 0;
  let m = 0;
  next: for (let j = 0; j < m0; j++) {
    const o = first[j];
    const c = c0[o];
    if (!c) continue;
    let sc = 0 + p0[c];
    if (c1 !== null) {
      const c = c1[o];
      if (!c) continue;
      sc += p1[c];
    }
    if (c2 !== null) {
      const c = c2[o];
      if (!c) continue;
      sc += p2[c];
    }
    for (let r = 0; r < rest.length; r++) {
      const c = rest[r][o];
      if (!c) continue next;
      sc += restParts[r][c];
    }
    ords[m] = o;
    scores[m++] = sc;
    if (!kk || (nTop === kk && sc <= top[kk - 1])) continue;
    nTop = insertTop(top, nTop, sc);
  }
  return hitArrays(ords.subarray(0, m), scores.subarray(0, m), kk && m > kk ? top[kk - 1] : undefined);
}
