// Issue 17 (related, v9): the term postings (term-postings.ts) that let a cold related query
// score its whole pool without reading the candidates' cards. Their shard edits agree with a plain
// set through the sparse/dense switch; the store stays exactly what the cards say through every
// kind of write; and related answers are exactly MemIndex.related's (order, scores, explanations)
// on generated archives, while reading only the final k cards (plus equal scores).
import { countCardReads } from '../../support/card-reads';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshArchives } from '../../support/fresh-archives';
import { Archive } from '../../../src/store/archive';
import { findRelated } from '../../../src/store/related';
import { POSTING_SHARD, STORE } from '../../../src/store/schema';
import { DENSE_AT, OrdSet, TermShardEdit, decodeTermShard, termKeysOf, termShardsOf } from '../../../src/store/term-postings';
import { loadGold, synthetic } from '../../support/store-fixtures';
import { expectTermsInStep } from '../../support/term-postings';
import { makeDispatch, rng } from '../../../bench/store-corpus';

let clock = 1_700_000_000_000;
const tab = freshArchives(() => new Archive({ name: 't', storage: null, indexSnapshot: false, now: () => ++clock }));

describe('term shards', () => {
  it('edits agree with a set across the sparse/dense switch, and lookups with the ords', () => {
    const r = rng(7);
    for (const s of [0, 2]) {
      const base = s * POSTING_SHARD;
      const ref = new Set<number>();
      let edit = new TermShardEdit('t', s, undefined);
      let dense = 0;
      for (let step = 0; step < 12_000; step++) {
        // Mostly adds at first, then mostly drops: the shard grows past DENSE_AT and back.
        const ord = base + Math.floor(r() * 6000);
        if (r() < (step < 6000 ? 0.85 : 0.2)) {
          edit.add(ord);
          ref.add(ord);
        } else {
          edit.drop(ord);
          ref.delete(ord);
        }
        if (step % 1500 === 0 || step === 11_999) {
          const rec = edit.record();
          const want = [...ref].sort((x, y) => x - y);
          if (!want.length) expect(rec).toBeNull();
          else {
            expect(decodeTermShard(rec!)).toEqual(want);
            expect(!!rec!.b).toBe(want.length > DENSE_AT);
            if (rec!.b) dense++;
            const set = new OrdSet([rec!]);
            for (let x = base; x < base + 6100; x += 7) expect(set.has(x)).toBe(ref.has(x));
            // A shard reloaded from its record edits on as the one kept in memory.
            edit = new TermShardEdit('t', s, rec!);
          }
        }
      }
      expect(dense).toBeGreaterThan(0);
    }
    const ords = [3, 5, POSTING_SHARD + 1, 3 * POSTING_SHARD + 9];
    const recs = termShardsOf('x', ords);
    expect(recs.map((x) => x.s)).toEqual([0, 1, 3]);
    expect(recs.flatMap(decodeTermShard)).toEqual(ords);
    const set = new OrdSet(recs);
    expect([2, 3, 5, POSTING_SHARD + 1, 2 * POSTING_SHARD + 1, 3 * POSTING_SHARD + 9].map((o) => set.has(o))).toEqual([false, true, true, true, false, true]);
  });

  it('a card is indexed under its distinct terms, and its count when it is not 40', () => {
    expect(termKeysOf('')).toEqual(['\u00010']);
    expect(termKeysOf(undefined)).toEqual(['\u00010']);
    expect(termKeysOf('riz port riz')).toEqual(['riz', 'port', '\u00012']);
    const forty = Array.from({ length: 40 }, (_, i) => `m${i}`).join(' ');
    expect(termKeysOf(forty)).toHaveLength(40);
  });
});

describe('persisted term postings', () => {
  it('follow saves, re-saves with another text, removals, undo, import and forget-all', async () => {
    const golds = loadGold();
    const a = tab();
    await a.saveMany(Array.from({ length: 150 }, (_, i) => makeDispatch(golds, i)));
    expect(await expectTermsInStep(a)).toBeGreaterThan(100);
    // A re-save with another text (other terms, a short one: its count key changes too).
    const g = makeDispatch(golds, 3);
    await a.save({ ...g.article, body: ['Riz et port : exportations du delta.'], lead: null, captions: [] }, g.entities);
    const s7 = synthetic(7, { body: ['Pêche et forêt.'] });
    await a.save(s7.article, s7.entities);
    await a.remove(makeDispatch(golds, 5).article.id!);
    await a.remove(makeDispatch(golds, 6).article.id!);
    await a.undoRemove(makeDispatch(golds, 6).article.id!);
    const d9 = await a.get(makeDispatch(golds, 9).article.id!);
    await a.importDispatches([{ ...d9!, article: { ...d9!.article, body: ['Séisme au large.'] }, updatedAt: d9!.updatedAt + 5 }]);
    await a.saveMany([makeDispatch(golds, 200), { ...makeDispatch(golds, 200), article: { ...makeDispatch(golds, 201).article, id: makeDispatch(golds, 200).article.id } }]);
    await expectTermsInStep(a);
    await a.removeAll();
    expect(await (await a.db()).count(STORE.terms)).toBe(0);
  });

  it('related is exactly MemIndex.related on a generated archive, reading only the final cards', async () => {
    const golds = loadGold();
    const a = tab();
    const N = 500;
    await a.saveMany(Array.from({ length: N }, (_, i) => makeDispatch(golds, i)));
    // Some short dispatches (term counts below 40) and shared vocabulary without shared entities.
    await a.saveMany(Array.from({ length: 40 }, (_, i) => synthetic(1000 + i, { entities: [['LOC', i % 2 ? 'Hanoï' : 'Huê']], body: [`${makeDispatch(golds, i).article.body[0] ?? ''}`] })));
    const mem = await new Archive({ name: 't', storage: null, indexSnapshot: false }).index();
    const cardReads = countCardReads();
    try {
      let compared = 0;
      let extra = 0;
      for (const i of [0, 1, 2, 3, 4, 17, 250, 499, N + 3, N + 11, N + 57, N + 1000]) {
        const { article, entities } = makeDispatch(golds, i);
        for (const k of [1, 5, 10, 40]) {
          cardReads.reset();
          const got = await a.related(article, entities, { k });
          const reads = cardReads.count;
          const want = findRelated(mem, article, entities, { k });
          expect(got, `${i} k=${k}`).toEqual(want);
          expect(got.length).toBe(Math.min(k, want.length));
          compared += got.length;
          // The final k, plus only those whose score equals the k-th's (the date decides).
          const tiedAtK = (await a.related(article, entities, { k: 1000 })).filter((r) => got.length && r.score === got.at(-1)!.score).length;
          expect(reads, `${i} k=${k}`).toBeLessThanOrEqual(got.length + tiedAtK);
          extra += reads - got.length;
        }
      }
      expect(compared).toBeGreaterThan(200);
      expect(extra).toBeLessThan(60);
    } finally {
      cardReads.restore();
    }
  }, 120_000);
});
