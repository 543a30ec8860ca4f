// Scores of a recogniser over corpus articles: the gold README's entity scoring (score.py
// ent_match/prf), micro-averaged, in total, per type and per source.
import { addDoc, newTally, prf, TYPES, type ScoredEntity, type Tally } from './entity-score';
import type { CorpusDoc, Source } from './corpus';

export const SOURCES: Source[] = ['fr.vietnamplus', 'lecourrier', 'en.vietnamplus', 'other'];

export interface Figures {
  docs: number;
  core: { p: number; r: number; f1: number; tp: number; fp: number; fn: number };
  perType: Record<string, { p: number; r: number; f1: number; tp: number; fp: number; fn: number }>;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
function fig(c: [number, number, number]) {
  const m = prf(...c);
  return { p: r3(m.p), r: r3(m.r), f1: r3(m.f1), tp: c[0], fp: c[1], fn: c[2] };
}

export function figures(t: Tally, docs: number): Figures {
  return { docs, core: fig(t.core), perType: Object.fromEntries(TYPES.map((ty) => [ty, fig(t.perType[ty])])) };
}

export interface Scored {
  all: Figures;
  bySource: Partial<Record<Source, Figures>>;
}

export function score(docs: CorpusDoc[], fn: (d: CorpusDoc) => ScoredEntity[]): Scored {
  const all = newTally();
  const by = new Map<Source, { t: Tally; n: number }>();
  for (const d of docs) {
    const pred = fn(d);
    addDoc(all, pred, d.record.entities);
    const s = by.get(d.source) ?? { t: newTally(), n: 0 };
    addDoc(s.t, pred, d.record.entities);
    s.n++;
    by.set(d.source, s);
  }
  const bySource: Partial<Record<Source, Figures>> = {};
  for (const src of SOURCES) {
    const s = by.get(src);
    if (s) bySource[src] = figures(s.t, s.n);
  }
  return { all: figures(all, docs.length), bySource };
}
