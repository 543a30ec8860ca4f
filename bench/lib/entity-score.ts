// Port of ent_match / prf / norm from ../shared/gold/score.py (the reference scorer), so the
// entity benchmark and the unit tests count exactly as the gold README says: per article,
// unique entities; a prediction matches a same-type gold entity when any normalised form
// (name or alias) is shared; each gold entity matches once, a second hit is a false positive.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { entMatch } from './score';

export interface ScoredEntity {
  type: string;
  name: string;
  aliases?: string[];
}

// One port of score.py's norm()/ent_match() serves both benches: bench/lib/score.ts.
export { norm, entMatch } from './score';

export type Counts = [tp: number, fp: number, fn: number];

export function prf(tp: number, fp: number, fn: number): { p: number; r: number; f1: number } {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export interface GoldRecord {
  id: string;
  lang: string;
  title: string;
  lead: string | null;
  body: string[];
  captions: string[];
  published: string | null;
  entities: (ScoredEntity & { role?: string; value?: string })[];
  [k: string]: unknown;
}

export function loadGold(dir: string): GoldRecord[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldRecord);
}

export const TYPES = ['PER', 'ORG', 'LOC', 'EVENT', 'DATE'] as const;
export const CORE = new Set(['PER', 'ORG', 'LOC']);

export interface Tally {
  core: Counts;
  perType: Record<string, Counts>;
}

export function newTally(): Tally {
  return { core: [0, 0, 0], perType: Object.fromEntries(TYPES.map((t) => [t, [0, 0, 0] as Counts])) };
}

export function addDoc(t: Tally, pred: ScoredEntity[], gold: ScoredEntity[]) {
  const c = entMatch(pred, gold, CORE);
  for (let i = 0; i < 3; i++) t.core[i] += c[i];
  for (const ty of TYPES) {
    const v = entMatch(pred, gold, new Set([ty]));
    for (let i = 0; i < 3; i++) t.perType[ty][i] += v[i];
  }
}
