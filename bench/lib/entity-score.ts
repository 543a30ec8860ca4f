// Port of ent_match / prf / norm from ../shared/gold/score.py (the reference scorer), so the
// entity benchmark and the unit tests count exactly as the gold README says: per article,
// unique entities; a prediction matches a same-type gold entity when any normalised form
// (name or alias) is shared; each gold entity matches once, a second hit is a false positive.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ScoredEntity {
  type: string;
  name: string;
  aliases?: string[];
}

const COMBINING = /\p{M}/gu;

/** score.py norm(): NFKD, drop combining marks, đ→d, unify quotes/dashes, collapse spaces, casefold, drop a leading article, strip edge punctuation. */
export function norm(s: string | null | undefined): string {
  let x = (s ?? '').normalize('NFKD').replace(COMBINING, '');
  x = x.replace(/đ/g, 'd').replace(/Đ/g, 'D');
  x = x.replace(/[’‘`´]/g, "'");
  x = x.replace(/[‐‑‒–—―-]/g, '-');
  x = x.replace(/\s+/g, ' ').trim().toLowerCase();
  x = x.replace(/^(le |la |les |l')/, '');
  return x.replace(/^[ .,;:]+|[ .,;:]+$/g, '');
}

export type Counts = [tp: number, fp: number, fn: number];

export function entMatch(pred: ScoredEntity[], gold: ScoredEntity[], types: Set<string>): Counts {
  let tp = 0;
  let fp = 0;
  const golds = gold.filter((g) => types.has(g.type));
  const keys = golds.map((g) => new Set([norm(g.name), ...(g.aliases ?? []).map(norm)]));
  const used = new Set<number>();
  for (const e of pred) {
    if (!types.has(e.type)) continue;
    const names = new Set([norm(e.name), ...(e.aliases ?? []).map(norm)]);
    let hit: number | null = null;
    for (let i = 0; i < golds.length; i++) {
      if (golds[i].type === e.type && [...keys[i]].some((k) => names.has(k))) {
        hit = i;
        break;
      }
    }
    if (hit === null || used.has(hit)) fp++;
    else {
      used.add(hit);
      tp++;
    }
  }
  return [tp, fp, golds.length - used.size];
}

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
