// Building the v9 term postings (term-postings.ts) from the cards already stored: the schema
// step upgradeToV9 (db.ts). Cards are read one POSTING_SHARD of ords at a time (one getAll each),
// so the work in memory is bounded by a shard (~32,768 cards), whatever the archive's size.
import type { IDBPTransaction } from 'idb';
import { POSTING_SHARD, STORE, type ArchiveSchema, type CardRecord } from './schema';
import { encodeTermShard, termKeysOf } from './term-postings';

type AnyTx = IDBPTransaction<ArchiveSchema, any, 'versionchange' | 'readwrite'>;

/** Writes the term shards of every stored card (the `terms` store is expected empty). */
export async function buildTermPostings(tx: AnyTx): Promise<number> {
  const cards = tx.objectStore(STORE.cards);
  const terms = tx.objectStore(STORE.terms);
  const last = (await cards.openCursor(null, 'prev'))?.key as number | undefined;
  if (last == null) return 0;
  let written = 0;
  for (let s = 0; s * POSTING_SHARD <= last; s++) {
    const got = (await cards.getAll(IDBKeyRange.bound(s * POSTING_SHARD, (s + 1) * POSTING_SHARD, false, true))) as CardRecord[];
    // Cards come in ord order, so each term's ords are ascending.
    const byTerm = new Map<string, number[]>();
    for (const c of got) {
      for (const t of termKeysOf(c.terms)) {
        let l = byTerm.get(t);
        if (!l) byTerm.set(t, (l = []));
        l.push(c.o);
      }
    }
    for (const [t, ords] of byTerm) {
      terms.put(encodeTermShard(t, s, ords));
      written++;
    }
  }
  return written;
}
