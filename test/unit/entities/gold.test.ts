// The gold records (shared ../shared/gold and our own test/gold), scored exactly as score.py.
// Three groups, as in `npm run bench:entities`: the shared set and our records test-101..107
// were tuned on; test-108.. are held-out (written after tuning, never tuned on — their
// `source` field says when). Targets hold on each tuned set and on the whole gold set; the
// held-out group only has floors, so that it stays an honest measurement.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities as shippedEntities, recognise, type EntityInput } from '../../../src/core/entities/index';
import { loadGold, newTally, addDoc, prf, entMatch, CORE, TYPES, type GoldRecord } from '../../../bench/lib/entity-score';

// The per-group targets of issue #4 hold for the rules (one of the recognisers the shipped one
// combines); the shipped recogniser must keep the whole set >= 0.95 (issue #12, last test).
const extractEntities = (a: EntityInput) => recognise(a, 'rules');
const SHARED = resolve(__dirname, '../../../../shared/gold');
const OURS = resolve(__dirname, '../../gold');
/** Same split as bench/entities.ts. */
const HELD_OUT_FROM = 108;
const isHeldOut = (g: GoldRecord) => Number(/(\d+)$/.exec(g.id)?.[1] ?? 0) >= HELD_OUT_FROM;

const shared = existsSync(SHARED) ? loadGold(SHARED) : [];
const own = existsSync(OURS) ? loadGold(OURS) : [];
const groups: [string, GoldRecord[], boolean][] = [
  ['shared gold (tuned)', shared, true],
  ['own gold test-101..107 (tuned)', own.filter((g) => !isHeldOut(g)), true],
  ['held-out gold test-108.. (never tuned on)', own.filter(isHeldOut), false],
];

function targets(recs: GoldRecord[]) {
  const t = newTally();
  for (const g of recs) addDoc(t, extractEntities(g), g.entities);
  expect(prf(...t.core).f1).toBeGreaterThanOrEqual(0.92);
  for (const ty of TYPES) expect(prf(...t.perType[ty]).f1, ty).toBeGreaterThanOrEqual(0.85);
  expect(prf(...t.perType.DATE).f1).toBeGreaterThanOrEqual(0.9);
}

describe.each(groups)('%s', (_n, recs, tuned) => {
  it('has records', () => expect(recs.length).toBeGreaterThanOrEqual(tuned ? 5 : 3));
  it.each(recs.map((r) => [r.id, r] as const))('%s: core F1 >= 0.7 (a floor per article; the targets below are on whole sets), nothing leaks from teasers', (_id, g) => {
    const es = extractEntities(g);
    expect(prf(...entMatch(es, g.entities, CORE)).f1).toBeGreaterThanOrEqual(0.7);
    const teaserText = JSON.stringify(g.teasers ?? []);
    const article = [g.title, g.lead, ...g.body, ...g.captions].join(' ');
    for (const e of es) if (teaserText.includes(e.name)) expect(article).toContain(e.name);
  });
  if (tuned) it('meets the targets: core F1 >= 0.92, every type >= 0.85, DATE >= 0.9', () => targets(recs));
  else
    it('held-out floor: core F1 >= 0.85 (a regression guard, not a target to tune for)', () => {
      const t = newTally();
      for (const g of recs) addDoc(t, extractEntities(g), g.entities);
      expect(prf(...t.core).f1).toBeGreaterThanOrEqual(0.85);
    });
});

describe('whole gold set (shared + own + held-out)', () => {
  it('meets the targets: core F1 >= 0.92, every type >= 0.85, DATE >= 0.9', () => targets([...shared, ...own]));
  // issue #12: whatever recogniser is shipped (src/data/entity-model.json), the 21 records stay >= 0.95
  it('the shipped recogniser keeps all 21 records at headline F1 >= 0.95', () => {
    expect(shared.length + own.length).toBe(21);
    const t = newTally();
    for (const g of [...shared, ...own]) addDoc(t, shippedEntities(g), g.entities);
    expect(prf(...t.core).f1).toBeGreaterThanOrEqual(0.95);
  });
});
