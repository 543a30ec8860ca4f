// Issue 17 (related): the v9 step (upgradeToV9) builds the term postings (term-postings.ts) from
// the cards already stored. From the FROZEN v3 archive carried to v8 by the old steps (so it has
// cards but no `terms` store), then opened at the latest version: the store holds exactly every
// card's term keys, related answers equal the in-memory index's, and later writes keep it in step.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadFrozenV3 } from '../../support/frozen-v3';
import { Archive } from '../../../src/store/archive';
import { openArchiveDb } from '../../../src/store/db';
import { findRelated } from '../../../src/store/related';
import { DB_VERSION, STORE } from '../../../src/store/schema';
import type { Article, Entity } from '../../../src/core/types';
import { synthetic } from '../../support/store-fixtures';
import { expectTermsInStep } from '../../support/term-postings';

interface Frozen {
  dbVersion: number;
  dispatches: { id: string; article: Article; entities: Entity[] }[];
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const archive = (name: string) => new Archive({ name, storage: null, indexSnapshot: false, wordMerge: false });

/** Related for each frozen dispatch (itself left out, and not), as the in-memory index ranks it. */
async function expectRelatedAsMemory(a: Archive, f: Frozen) {
  const mem = await archive(a.name).index();
  let found = 0;
  for (const d of f.dispatches) {
    for (const excludeId of [undefined, null]) {
      for (const k of [1, 3, 50]) {
        const got = await a.related(d.article, d.entities, { k, excludeId });
        expect(got, `${d.id} k=${k}`).toEqual(findRelated(mem, d.article, d.entities, { k, excludeId }));
        found += got.length;
      }
    }
  }
  expect(found).toBeGreaterThan(50);
}

describe('v9 related step: term postings (frozen archive)', { timeout: 60_000 }, () => {
  it('v8 → v9: the terms store is built from the cards, and related ranks as in memory', async () => {
    const f = await loadFrozenV3<Frozen>('v8');
    const v8 = await openArchiveDb('v8', { version: 8 });
    // As v8 left it: cards with their terms, no term postings.
    expect(await v8.count(STORE.cards)).toBeGreaterThan(20);
    expect([...v8.objectStoreNames]).not.toContain(STORE.terms);
    v8.close();
    const a = archive('v8');
    expect((await a.db()).version).toBe(DB_VERSION);
    expect(await expectTermsInStep(a)).toBeGreaterThan(20);
    await expectRelatedAsMemory(a, f);

    // Writes after the upgrade: a new save, a re-save with another text, a removal.
    const late = synthetic(900, { title: 'Maintien de la paix au Vietnam', entities: [['LOC', 'France'], ['ORG', 'Nations Unies']] });
    await a.save(late.article, late.entities);
    const d = f.dispatches[0];
    await a.save({ ...d.article, body: ['Coopération renforcée : maintien de la paix.'] }, d.entities);
    await a.remove(f.dispatches[1].id);
    await expectTermsInStep(a);
    await expectRelatedAsMemory(a, f);
    await a.close();
  });
});
