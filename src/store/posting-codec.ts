// The v7 entity postings shard format (schema.ts PostingRecord): a shard's ascending ords as
// 16-bit offsets from its first ord. Why: a related query reads the shards of ~16 keys, most of
// them common (12-60 % of the archive); measured in a cold Chromium page at 100,000
// dispatches, those ords in 4,096-ord shards of Int32 (~400 records, ~880 KB) cost IndexedDB
// ~6 ms to read, in 16 records ~3.5 ms, in half the bytes less again. Varint gaps (a byte an
// ord) were smaller still, but decoding them cost the cold worker's unoptimised code more
// (~5 ms over 220,000 ords) than the read saved; an offset costs one add.
import { POSTING_SHARD, type PostingRecord } from './schema';

export const postingShardOf = (ord: number) => Math.floor(ord / POSTING_SHARD);

/** The first ord of shard `s` (offsets are counted from it). */
export const shardBase = (s: number) => s * POSTING_SHARD;

/** One shard record of ascending ords, all in shard `s`. */
export function encodeShard(k: string, s: number, ords: ArrayLike<number>): PostingRecord {
  const base = shardBase(s);
  const o = new Uint16Array(ords.length);
  for (let i = 0; i < ords.length; i++) o[i] = ords[i] - base;
  return { k, s, o };
}

/** The shard's ords written into `into` from `at`; returns the index after the last. */
export function decodeShard(r: PostingRecord, into: Int32Array | number[], at = 0): number {
  const base = shardBase(r.s);
  const o = r.o;
  for (let j = 0; j < o.length; j++) into[at++] = base + o[j];
  return at;
}

/** The highest ord of a shard (-1 when empty). */
export const lastOrd = (r: PostingRecord) => (r.o.length ? shardBase(r.s) + r.o[r.o.length - 1] : -1);

/** One record per shard of ascending ords, each made by `encode` from its shard and its ords. */
export function perShard<R>(ords: readonly number[], encode: (s: number, run: number[]) => R): R[] {
  const out: R[] = [];
  for (let i = 0; i < ords.length; ) {
    const s = postingShardOf(ords[i]);
    let j = i;
    while (j < ords.length && postingShardOf(ords[j]) === s) j++;
    out.push(encode(s, ords.slice(i, j)));
    i = j;
  }
  return out;
}

/** Shard records for one key's ascending ords (upgrades and tests). */
export const shardsOf = (k: string, ords: readonly number[]): PostingRecord[] => perShard(ords, (s, run) => encodeShard(k, s, run));
