// The gold records (shared ../shared/gold and our own test/gold), scored exactly as score.py.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/entities/index';
import { loadGold, newTally, addDoc, prf, entMatch, CORE, TYPES } from '../../../bench/lib/entity-score';

const SHARED = resolve(__dirname, '../../../../shared/gold');
const OURS = resolve(__dirname, '../../gold');

describe.each([
  ['shared gold', SHARED],
  ['own gold', OURS],
])('%s', (_n, dir) => {
  const recs = existsSync(dir) ? loadGold(dir) : [];
  it('has records', () => expect(recs.length).toBeGreaterThanOrEqual(5));
  it.each(recs.map((r) => [r.id, r] as const))('%s: core F1 >= 0.7 (a floor per article; the targets below are on the whole set), nothing leaks from teasers', (_id, g) => {
    const es = extractEntities(g);
    expect(prf(...entMatch(es, g.entities, CORE)).f1).toBeGreaterThanOrEqual(0.7);
    const teaserText = JSON.stringify(g.teasers ?? []);
    const article = [g.title, g.lead, ...g.body, ...g.captions].join(' ');
    for (const e of es) if (teaserText.includes(e.name)) expect(article).toContain(e.name);
  });
  it('meets the targets: core F1 >= 0.92, every type >= 0.85, DATE >= 0.9', () => {
    const t = newTally();
    for (const g of recs) addDoc(t, extractEntities(g), g.entities);
    expect(prf(...t.core).f1).toBeGreaterThanOrEqual(0.92);
    for (const ty of TYPES) expect(prf(...t.perType[ty]).f1, ty).toBeGreaterThanOrEqual(0.85);
    expect(prf(...t.perType.DATE).f1).toBeGreaterThanOrEqual(0.9);
  });
});
