// Issue 17 (search): the v6 step (upgradeToV6) builds the persisted word index from the FROZEN
// v3 archive (fixtures/archive-v3.json, carried v3 → v4 → v5 → v6 in one upgrade, and v5 → v6
// from a database left at v5): every word of every dispatch is found, and the persisted search
// answers exactly what the reference search (test/support/reference-search.ts) answers.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { loadFrozenV3 } from '../../support/frozen-v3';
import { referenceSearch } from '../../support/reference-search';
import { beforeEach, describe, expect, it } from 'vitest';
import { Archive, type SearchHit } from '../../../src/store/archive';
import { openArchiveDb } from '../../../src/store/db';
import { DB_VERSION, STORE } from '../../../src/store/schema';

interface Frozen {
  dbVersion: number;
  dispatches: Record<string, unknown>[];
  briefs: { id: string; words: string; titleWords: string }[];
  meta: { key: string; value: unknown }[];
  changes: { seq: number; id: string }[];
  trash: { id: string }[];
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const loadFrozen = (name: string) => loadFrozenV3<Frozen>(name);

const archive = (name: string) => new Archive({ name, storage: null, indexSnapshot: false, wordMerge: false });
const key = (h: SearchHit) => [h.score, h.published ?? '', h.savedAt].join('|');
const canon = (hs: SearchHit[]) => hs.map((h) => `${key(h)}|${h.id}`).sort();

async function expectSearchAsMemory(name: string, f: Frozen, deltas = 0) {
  const a = archive(name);
  const db = await a.db();
  expect(db.version).toBe(DB_VERSION);
  expect(await db.count(STORE.wordDeltas)).toBe(deltas);
  const ref = archive(name);
  // Every title word, prefixes of 3-4 letters of some, pairs, and words with diacritics typed.
  const words = [...new Set(f.briefs.flatMap((b) => b.titleWords.split(' ')).filter(Boolean))];
  const queries = [...words, ...words.slice(0, 40).map((w) => w.slice(0, 3)), ...words.slice(0, 40).map((w) => w.slice(0, 4)), ...words.slice(0, 30).map((w, i) => `${w} ${words[(i * 7) % words.length]}`), 'Huê', 'HANOÏ', 'coopération', 'diplomatie'];
  for (const q of queries) {
    const want = await referenceSearch(ref, q, { limit: 1000 });
    const got = await a.search(q, { limit: 1000 });
    expect(canon(got), q).toEqual(canon(want));
    expect(got.map(key), q).toEqual(want.map(key));
  }
  // Every word of every dispatch finds it.
  for (const b of f.briefs) {
    if (!(await a.get(b.id))) continue;
    for (const w of (b.words ?? '').split(' ').slice(0, 60)) expect((await a.search(w, { limit: 1000 })).map((h) => h.id), w).toContain(b.id);
  }
  await a.close();
  await ref.close();
}

// Hundreds of searches on fake-indexeddb: seconds, more on a loaded machine.
describe('v6 search step (frozen archive)', { timeout: 60_000 }, () => {
  it('v3 → v6 in one upgrade: the persisted search equals the reference search', async () => {
    const f = await loadFrozen('v3');
    await expectSearchAsMemory('v3', f);
  });

  it('v5 → v6: a database left at v5 gets its word index on the next open', async () => {
    const f = await loadFrozen('v5');
    (await openArchiveDb('v5', { version: 5 })).close();
    await expectSearchAsMemory('v5', f);
    // Writes after the upgrade keep it in step (a put-back from the migrated trash, a removal).
    const a = archive('v5');
    await a.undoRemove(f.trash[0].id);
    await a.remove(f.dispatches[1].id as string);
    await a.close();
    await expectSearchAsMemory('v5', f, 2);
  });
});
