// The index tail (v11, issue 17): why a save writes one record instead of ~55 shards.
//
// Measured at 100,000 dispatches in Chromium (bench:store's cached archive, one page, saves
// interleaved): a save that edits its ~40 term shards and ~15 entity shards in place took a
// median 34 ms; without the term shard edits 17 ms, without either 11 ms. The bytes are small
// (the newest shard of a key holds a few thousand ords); the cost is ~110 requests of
// read-modify-write. So a new dispatch's keys go into one IndexTailRecord keyed by its ord, and
// the writer folds the tail into the shards later, in its idle time, a few dispatches per
// transaction (Archive.mergeIndexTail), or at once in a write that would leave more than
// TAIL_MAX (a batch import: its shard rewrites are shared by the whole batch anyway).
//
// The invariant the readers rely on (ArchiveSummary.tailFrom): an ord >= tailFrom has its keys
// in the tail only, an ord below in the shards only. So the tail's ords are above every shard's,
// and a reader appends them to a key's last shard (or a new one): one record per shard still,
// ascending, which is what the related query's walks expect.
import type { IndexTailRecord } from './schema';
import { encodeShard, perShard } from './posting-codec';

/** A write leaving more than this many dispatches in the tail folds them all into the shards at once. */
export const TAIL_MAX = 64;
/** The writer schedules an idle fold once the tail holds this many. */
export const TAIL_MERGE_AT = 8;
/** Tail records folded per idle transaction (each a few shard rewrites per key; a reader waits at most one). */
export const TAIL_MERGE_BATCH = 8;

/** For each key `want` accepts, the tail ords holding it in `field` (ascending: the tail is read in ord order). */
export function tailOrds(tail: readonly IndexTailRecord[], field: 'k' | 't', want: (key: string) => boolean): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of tail) {
    for (const key of r[field]) {
      if (!want(key)) continue;
      const l = out.get(key);
      if (l) l.push(r.o);
      else out.set(key, [r.o]);
    }
  }
  return out;
}

type AnyShard = { k: string; s: number; o?: Uint16Array; b?: Uint8Array };

/**
 * A key's shard records (ascending, as a range getAll reads them) with the tail's ords `ords`
 * (ascending, all above the shards' ords) added: a bitmap gets their bits, offsets are
 * appended, a shard the key has no record for yet gets one of offsets. The records read are
 * not changed (new ones replace them in the returned list).
 */
export function withTail<R extends AnyShard>(recs: readonly R[], key: string, ords: readonly number[] | undefined): R[] {
  if (!ords?.length) return recs as R[];
  const out = recs.slice();
  for (const add of perShard(ords, (s, run) => encodeShard(key, s, run))) {
    const last = out.at(-1);
    if (!last || last.s !== add.s) out.push(add as R);
    else if (last.b) {
      const b = last.b.slice();
      for (const x of add.o) b[x >> 3] |= 1 << (x & 7);
      out[out.length - 1] = { ...last, b };
    } else {
      const o = new Uint16Array(last.o!.length + add.o.length);
      o.set(last.o!);
      o.set(add.o, last.o!.length);
      out[out.length - 1] = { ...last, o };
    }
  }
  return out;
}
