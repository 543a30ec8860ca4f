// The frozen v3 archive (test/unit/store/fixtures/archive-v3.json: the raw records of every store,
// dumped once from the v3 code) put into a v3 database as they are, for the migration tests that
// start from it. Each test reads the records through its own view `F` of the fields it checks.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { openArchiveDb } from '../../src/store/db';

const V3_STORES = ['dispatches', 'briefs', 'meta', 'changes', 'trash'] as const;

export const frozenV3 = <F extends { dbVersion: number }>(): F => JSON.parse(readFileSync(new URL('../unit/store/fixtures/archive-v3.json', import.meta.url), 'utf8'));

/** The v3 database `name` with the frozen records (changed first by `tweak`, if given). */
export async function loadFrozenV3<F extends { dbVersion: number }>(name: string, tweak?: (f: F) => void): Promise<F> {
  const f = frozenV3<F>();
  tweak?.(f);
  expect(f.dbVersion).toBe(3);
  const db = await openArchiveDb(name, { version: 3 });
  const tx = db.transaction([...V3_STORES], 'readwrite');
  const stores = f as unknown as Record<(typeof V3_STORES)[number], unknown[]>;
  for (const k of V3_STORES) for (const r of stores[k]) tx.objectStore(k).put(r as never);
  await tx.done;
  db.close();
  return f;
}
