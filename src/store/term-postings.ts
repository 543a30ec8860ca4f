// The v9 term postings (schema.ts TermPostingRecord, issue 17): for each top content term of
// the cards (core/related topTerms), the ords of the dispatches whose top terms hold it, sharded
// by POSTING_SHARD ords like the entity postings. Why: the full related score of a candidate
// needs only which of the query's ~40 terms it has and how many terms it has (a Jaccard), so
// phase 2 of a cold related query reads the postings of the query's terms (a few getAll, beside
// the entity postings, in the same round trip) instead of ~100 cards scattered over the archive
// (9-25 ms at 100,000 dispatches, bound by the scattering, not the bytes). Only the final k
// cards are read, for their titles.
//
// A shard is a list of 16-bit offsets (as the entity postings) while it holds at most
// DENSE_AT ords, else a bitmap of POSTING_SHARD bits (4 KB): a term in thousands of
// dispatches' top terms then costs a fixed 4 KB per shard to store and to read, and a lookup is
// one bit test (the query only tests its ~100 candidates, it never walks a shard).
//
// A card's term count is kept as one more key, COUNT_PREFIX + count, for the cards whose count is
// not FULL_TERMS (short dispatches): one range read gives every such card's count.
import { POSTING_SHARD, type TermPostingRecord } from './schema';
import { perShard, postingShardOf, shardBase } from './posting-codec';
import { lowerBound } from './sorted';

/** Top terms a card holds unless its dispatch is short (core/related topTerms' default k). */
export const FULL_TERMS = 40;

/** Term keys below this code point are counts, not terms (a folded term never starts so low). */
export const COUNT_PREFIX = '\u0001';

/** A shard holding more ords than this is a bitmap (it is then no larger than the offsets). */
export const DENSE_AT = POSTING_SHARD / 16;

const BITMAP_BYTES = POSTING_SHARD / 8;

/** The count key of a card with `n` terms (stored only when n !== FULL_TERMS). */
export const countKey = (n: number) => `${COUNT_PREFIX}${n}`;

/** Every count key, as one key range (an IDB array key range over [k, s]). */
export const countRange = () => IDBKeyRange.bound([COUNT_PREFIX, -Infinity], [`${COUNT_PREFIX}\uffff`, Infinity]);

/** The distinct terms of a card's `terms` string, as the related scorer splits it. */
export function cardTerms(terms: string | undefined): string[] {
  return terms ? [...new Set(terms.split(' '))] : [];
}

/** The term keys a card is indexed under: its terms, and its count when not FULL_TERMS. */
export function termKeysOf(terms: string | undefined): string[] {
  const t = cardTerms(terms);
  if (t.length !== FULL_TERMS) t.push(countKey(t.length));
  return t;
}

/** One term shard record from ascending ords, all in shard `s`. */
export function encodeTermShard(k: string, s: number, ords: ArrayLike<number>): TermPostingRecord {
  const base = shardBase(s);
  if (ords.length > DENSE_AT) {
    const b = new Uint8Array(BITMAP_BYTES);
    for (let i = 0; i < ords.length; i++) {
      const x = ords[i] - base;
      b[x >> 3] |= 1 << (x & 7);
    }
    return { k, s, b };
  }
  const o = new Uint16Array(ords.length);
  for (let i = 0; i < ords.length; i++) o[i] = ords[i] - base;
  return { k, s, o };
}

/** The ascending ords of a term shard record. */
export function decodeTermShard(r: TermPostingRecord): number[] {
  const base = shardBase(r.s);
  const out: number[] = [];
  if (r.b) {
    const b = r.b;
    for (let i = 0; i < b.length; i++) {
      const v = b[i];
      if (v) for (let j = 0; j < 8; j++) if (v & (1 << j)) out.push(base + i * 8 + j);
    }
  } else if (r.o) for (let j = 0; j < r.o.length; j++) out.push(base + r.o[j]);
  return out;
}

/** Term shard records for one key's ascending ords (the upgrade step and tests). */
export const termShardsOf = (k: string, ords: readonly number[]): TermPostingRecord[] => perShard(ords, (s, run) => encodeTermShard(k, s, run));

/** Whether a shard record (a term's, or an entity's: offsets only) holds `ord`. */
export function shardHas(r: { s: number; o?: Uint16Array; b?: Uint8Array }, ord: number): boolean {
  const x = ord - shardBase(r.s);
  if (r.b) return (r.b[x >> 3] & (1 << (x & 7))) !== 0;
  const o = r.o!;
  const lo = lowerBound(o, x);
  return lo < o.length && o[lo] === x;
}

/** Membership of ords in one key's shards (as read by a range getAll: ascending shards). */
export class OrdSet {
  private readonly byShard = new Map<number, { s: number; o?: Uint16Array; b?: Uint8Array }>();

  constructor(recs: readonly { s: number; o?: Uint16Array; b?: Uint8Array }[]) {
    for (const r of recs) this.byShard.set(r.s, r);
  }

  has(ord: number): boolean {
    const r = this.byShard.get(postingShardOf(ord));
    return r ? shardHas(r, ord) : false;
  }
}

/**
 * One term shard being changed by a write transaction (a batch of saves edits it many times and
 * writes it once): offsets while sparse, the bitmap once dense.
 */
export class TermShardEdit {
  private o: number[] | null = null;
  private b: Uint8Array | null = null;
  private n = 0;

  constructor(readonly k: string, readonly s: number, r: TermPostingRecord | undefined) {
    if (r?.b) {
      this.b = r.b.slice();
      for (let i = 0; i < this.b.length; i++) this.n += popcount(this.b[i]);
    } else {
      this.o = r ? decodeTermShard(r) : [];
      this.n = this.o.length;
    }
  }

  add(ord: number): void {
    if (this.b) {
      const x = ord - shardBase(this.s);
      if (!(this.b[x >> 3] & (1 << (x & 7)))) this.n++;
      this.b[x >> 3] |= 1 << (x & 7);
      return;
    }
    const o = this.o!;
    // Ords only grow, so this is almost always an append.
    if (!o.length || o[o.length - 1] < ord) o.push(ord);
    else {
      const i = lowerBound(o, ord);
      if (o[i] !== ord) o.splice(i, 0, ord);
    }
    this.n = o.length;
    if (this.n > DENSE_AT) {
      this.b = encodeTermShard(this.k, this.s, o).b!;
      this.o = null;
    }
  }

  drop(ord: number): void {
    if (this.b) {
      const x = ord - shardBase(this.s);
      if (this.b[x >> 3] & (1 << (x & 7))) this.n--;
      this.b[x >> 3] &= ~(1 << (x & 7));
      return;
    }
    const o = this.o!;
    const i = lowerBound(o, ord);
    if (o[i] === ord) o.splice(i, 1);
    this.n = o.length;
  }

  /** The record to write, or null when the shard is now empty. */
  record(): TermPostingRecord | null {
    if (!this.n) return null;
    if (this.b) return this.n > DENSE_AT ? { k: this.k, s: this.s, b: this.b.slice() } : encodeTermShard(this.k, this.s, decodeTermShard({ k: this.k, s: this.s, b: this.b }));
    return encodeTermShard(this.k, this.s, this.o!);
  }
}

function popcount(v: number): number {
  let c = 0;
  for (; v; v &= v - 1) c++;
  return c;
}
