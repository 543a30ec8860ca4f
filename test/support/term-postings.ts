// The check shared by the term postings tests (term-postings.test.ts, migrate-terms.test.ts): the
// v9 `terms` store holds exactly what the stored cards say.
import { expect } from 'vitest';
import type { Archive } from '../../src/store/archive';
import { META, STORE, type TermPostingRecord } from '../../src/store/schema';
import { DENSE_AT, decodeTermShard, termKeysOf } from '../../src/store/term-postings';
import { postingShardOf } from '../../src/store/posting-codec';

/**
 * The `terms` store and the index tail (v11) together hold, for every term key of every card,
 * exactly its ords, each in one of the two (ords >= the summary's tailFrom in the tail); and once
 * the tail is folded, the `terms` store alone, one record per shard, with the tail empty.
 */
export async function expectTermsInStep(a: Archive): Promise<number> {
  await expectTermsInStepWith(a, true);
  await a.mergeIndexTail();
  expect(await (await a.db()).count(STORE.indexTail)).toBe(0);
  return expectTermsInStepWith(a, false);
}

async function expectTermsInStepWith(a: Archive, withTail: boolean): Promise<number> {
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
  if (withTail) {
    const from = ((await db.get(STORE.meta, META.summary))?.value as { tailFrom?: number } | undefined)?.tailFrom ?? Infinity;
    for (const r of await db.getAll(STORE.indexTail)) {
      expect(r.o).toBeGreaterThanOrEqual(from);
      for (const t of r.t) got.set(t, [...(got.get(t) ?? []), r.o]);
    }
    for (const [t, ords] of got) expect(new Set(ords).size, `${t}: an ord in both the shards and the tail`).toBe(ords.length);
  }
  const sorted = (m: Map<string, number[]>) => new Map([...m].map(([k, l]) => [k, [...l].sort((x, y) => x - y)] as const).sort((x, y) => (x[0] < y[0] ? -1 : 1)));
  expect(sorted(got)).toEqual(sorted(want));
  return want.size;
}
