// Issue 17 (search): the v8 step (upgradeToV8) adds the `day` column (dayKey, 2 bytes per ord)
// that the relevance cut reads, beside the v6 `pub` columns. From the FROZEN v3 archive, with
// some dates made odd (none, empty, not a date, a bare day, seconds and a zone), carried to v7 by
// the old steps (so its columns are as v7 wrote them: no `day`), then opened at the latest
// version: every live ord's day key is dayKey of its card's published, each record is one
// DAY_SIZE slice, and relevance pages equal the in-memory ranking; later writes keep it in step.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { loadFrozenV3 } from '../../support/frozen-v3';
import { referenceSearch } from '../../support/reference-search';
import { beforeEach, describe, expect, it } from 'vitest';
import { Archive, type SearchHit } from '../../../src/store/archive';
import { openArchiveDb } from '../../../src/store/db';
import { DB_VERSION, STORE, type OrdColsRecord } from '../../../src/store/schema';
import { DAY_SIZE } from '../../../src/store/word-postings';
import { dayKey } from '../../../src/store/word-rank';
import { synthetic } from '../../support/store-fixtures';

interface Frozen {
  dbVersion: number;
  dispatches: { id: string; published: string | null; publishedKey: string; article: { published: string | null } }[];
  briefs: { id: string; published: string | null; titleWords: string }[];
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const ODD = [null, '', 'mars 2030', '2030-01-01', '2030-01-01T10:20:05+07:00', '2030-01-01T10:20:59Z'];
/** Every fourth dispatch gets an odd date (in its record, article and brief alike). */
function oddDates(f: Frozen): void {
  f.dispatches.forEach((d, i) => {
    if (i % 4) return;
    const p = ODD[(i / 4) % ODD.length];
    d.published = p;
    d.article.published = p;
    d.publishedKey = p ?? '';
    const b = f.briefs.find((x) => x.id === d.id);
    if (b) b.published = p;
  });
}

const DAY_RANGE = IDBKeyRange.bound(['day', -Infinity], ['day', Infinity]);
const archive = (name: string) => new Archive({ name, storage: null, indexSnapshot: false, wordMerge: false });
const key = (h: SearchHit) => [h.score, h.published ?? '', h.savedAt].join('|');

/** Every card's day key in the `day` records is dayKey(card.published). */
async function expectDays(a: Archive) {
  const db = await a.db();
  const days = (await db.getAll(STORE.ordCols, DAY_RANGE)) as OrdColsRecord[];
  expect(days.length).toBeGreaterThan(0);
  for (const r of days) expect(r.day instanceof Uint16Array && r.day.length === DAY_SIZE).toBe(true);
  const bySlice = new Map(days.map((r) => [r.s, r.day!]));
  const cards = await db.getAll(STORE.cards);
  expect(cards.length).toBeGreaterThan(20);
  for (const c of cards) expect(bySlice.get(Math.floor(c.o / DAY_SIZE))?.[c.o % DAY_SIZE], `${c.id} ${c.published}`).toBe(dayKey(c.published));
}

/** Relevance pages (small, so the cut decides) equal the in-memory ranking sliced, totals too. */
async function expectPagesAsMemory(a: Archive, f: Frozen) {
  const ref = archive(a.name);
  const words = [...new Set(f.briefs.flatMap((b) => b.titleWords.split(' ')).filter(Boolean))];
  for (const q of [...words, 'vietnam', 'hanoi', 'viet', 'de la']) {
    const want = (await referenceSearch(ref, q, { limit: 1000 })).map(key);
    for (const offset of [0, 1, 3]) {
      const page = await a.searchPage(q, { limit: 2, offset });
      expect(page.hits.map(key), `${q} @${offset}`).toEqual(want.slice(offset, offset + 2));
      expect(page.total, q).toBe(want.length);
    }
  }
  await ref.close();
}

describe('v8 search step: the day column (frozen archive)', { timeout: 60_000 }, () => {
  it('v7 → v8: every ord gets its day key, odd dates included, and pages rank as in memory', async () => {
    const f = await loadFrozenV3<Frozen>('v7', oddDates);
    const v7 = await openArchiveDb('v7', { version: 7 });
    // As v7 left it: the v6 columns, no day column.
    expect(await v7.count(STORE.ordCols, IDBKeyRange.bound(['pub', -Infinity], ['pub', Infinity]))).toBeGreaterThan(0);
    expect(await v7.count(STORE.ordCols, DAY_RANGE)).toBe(0);
    v7.close();
    const a = archive('v7');
    expect((await a.db()).version).toBe(DB_VERSION);
    await expectDays(a);
    await expectPagesAsMemory(a, f);

    // Writes after the upgrade: a pending save (its delta's day key), then merged into the column.
    const late = synthetic(900, { title: 'Vietnam et Hanoi en mars', entities: [['LOC', 'Hanoï']] });
    await a.save({ ...late.article, published: 'mars 2031' }, late.entities);
    const early = synthetic(901, { title: 'Vietnam Hanoi', entities: [['LOC', 'Hanoï']] });
    await a.save({ ...early.article, published: '1999-01-01T08:00:00+07:00' }, early.entities);
    await a.remove(f.dispatches[1].id);
    await expectPagesAsMemory(a, f);
    expect(await a.mergeWordDeltas()).toBe(3);
    await expectDays(a);
    await expectPagesAsMemory(a, f);
    await a.close();
  });
});
