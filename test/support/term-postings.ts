// The check shared by the term postings tests (term-postings.test.ts, migrate-terms.test.ts): the
// v9 `terms` store holds exactly what the stored cards say.
import { expect } from 'vitest';
import type { Archive } from '../../src/store/archive';
import { STORE, type TermPostingRecord } from '../../src/store/schema';
import { DENSE_AT, decodeTermShard, termKeysOf } from '../../src/store/term-postings';
import { postingShardOf } from '../../src/store/posting-codec';

/** The `terms` store holds, for every term key of every card, exactly its ords, one record per shard. */
export async function expectTermsInStep(a: Archive): Promise<number> {
  const db = await a.db();
  const want = new Map<string, number[]>();
  for (const c of await db.getAll(STORE.cards)) {
    for (const t of termKeysOf(c.terms)) {
      let l = want.get(t);
      if (!l) want.set(t, (l = []));
      l.push(c.o);
    }
  }
  const got = new Map<string, number[]>();
  for (const r of (await db.getAll(STORE.terms)) as TermPostingRecord[]) {
    const ords = decodeTermShard(r);
    expect(ords.length, `${r.k} ${r.s}`).toBeGreaterThan(0);
    expect(ords.every((o) => postingShardOf(o) === r.s)).toBe(true);
    // Sparse as offsets, dense as a bitmap, never both.
    expect(!!r.b !== !!r.o).toBe(true);
    expect(!!r.b).toBe(ords.length > DENSE_AT);
    got.set(r.k, [...(got.get(r.k) ?? []), ...ords]);
  }
  const sorted = (m: Map<string, number[]>) => new Map([...m].map(([k, l]) => [k, [...l].sort((x, y) => x - y)] as const).sort((x, y) => (x[0] < y[0] ? -1 : 1)));
  expect(sorted(got)).toEqual(sorted(want));
  return want.size;
}
