// In-memory search and related index over the briefs. Measured in Chromium 156 at 10,000
// dispatches, every IndexedDB index scan costs ~30 µs per matching entry (a `words` lookup for
// `vietnam` took 300 ms, store.count() 150 ms), so ranked search and related cannot run on IDB
// indexes within 30 ms. Instead each context loads the briefs once (one getAll) and keeps
// postings in memory; other contexts' writes are replayed from the `changes` store.
import { TYPE_WEIGHT, idf, scoreRelated, type RelatedQuery } from '../core/related';
import type { BriefRecord } from './schema';

export interface DocEntry {
  ord: number;
  brief: BriefRecord;
  words: string[];
  titleWords: Set<string>;
  entityKeys: string[];
  terms: string[];
}

export interface IndexHit {
  id: string;
  score: number;
}

export class MemIndex {
  private docs = new Map<string, DocEntry>();
  private byOrd: (DocEntry | null)[] = [];
  private postings = new Map<string, number[]>();
  private entityPostings = new Map<string, number[]>();
  private wordDf = new Map<string, number>();
  private entityDf = new Map<string, number>();
  private sortedTerms: string[] | null = null;
  private dead = 0;

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  doc(id: string): DocEntry | undefined {
    return this.docs.get(id);
  }

  all(): IterableIterator<DocEntry> {
    return this.docs.values();
  }

  put(b: BriefRecord): void {
    if (this.docs.has(b.id)) this.remove(b.id);
    const words = b.words ? b.words.split(' ') : [];
    const e: DocEntry = {
      ord: this.byOrd.length,
      brief: b,
      words,
      titleWords: new Set(b.titleWords ? b.titleWords.split(' ') : []),
      entityKeys: b.entityKeys,
      terms: b.terms ? b.terms.split(' ') : [],
    };
    this.byOrd.push(e);
    this.docs.set(b.id, e);
    for (const w of words) {
      let p = this.postings.get(w);
      if (!p) {
        this.postings.set(w, (p = []));
        this.sortedTerms = null;
      }
      p.push(e.ord);
      this.wordDf.set(w, (this.wordDf.get(w) ?? 0) + 1);
    }
    for (const k of e.entityKeys) {
      let p = this.entityPostings.get(k);
      if (!p) this.entityPostings.set(k, (p = []));
      p.push(e.ord);
      this.entityDf.set(k, (this.entityDf.get(k) ?? 0) + 1);
    }
  }

  remove(id: string): void {
    const e = this.docs.get(id);
    if (!e) return;
    this.docs.delete(id);
    this.byOrd[e.ord] = null;
    this.dead++;
    for (const w of e.words) this.wordDf.set(w, (this.wordDf.get(w) ?? 1) - 1);
    for (const k of e.entityKeys) this.entityDf.set(k, (this.entityDf.get(k) ?? 1) - 1);
    if (this.dead > 1000 && this.dead > this.byOrd.length / 4) this.compact();
  }

  private compact(): void {
    const live = [...this.docs.values()].map((d) => d.brief);
    this.clear();
    for (const b of live) this.put(b);
  }

  clear(): void {
    this.docs.clear();
    this.byOrd = [];
    this.postings.clear();
    this.entityPostings.clear();
    this.wordDf.clear();
    this.entityDf.clear();
    this.sortedTerms = null;
    this.dead = 0;
  }

  entityDfOf(key: string): number {
    return this.entityDf.get(key) ?? 0;
  }

  /** Live dispatches mentioning an entity key. */
  withEntity(key: string): DocEntry[] {
    const out: DocEntry[] = [];
    for (const o of this.entityPostings.get(key) ?? []) {
      const d = this.byOrd[o];
      if (d) out.push(d);
    }
    return out;
  }

  /** Index words that start with `prefix` (binary search over the sorted vocabulary). */
  private expand(prefix: string): string[] {
    const terms = (this.sortedTerms ??= [...this.postings.keys()].sort());
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < terms.length && terms[i].startsWith(prefix); i++) out.push(terms[i]);
    return out;
  }

  /**
   * Every query term must match a word exactly or as a prefix. Score: Σ IDF(term) × (1 exact,
   * 0.6 prefix) × (2 when in the title).
   */
  search(terms: string[]): IndexHit[] {
    const n = this.docs.size;
    if (!n || !terms.length) return [];
    const per = terms.map((t) => {
      const m = new Map<number, number>();
      for (const w of this.expand(t)) {
        const q = w === t ? 1 : 0.6;
        for (const o of this.postings.get(w) ?? []) if (this.byOrd[o] && (m.get(o) ?? 0) < q) m.set(o, q);
      }
      return { t, m };
    });
    per.sort((a, b) => a.m.size - b.m.size);
    let scores = new Map<number, number>();
    for (const [i, pt] of per.entries()) {
      const w = idf(pt.m.size, n);
      const next = new Map<number, number>();
      const source: Iterable<[number, number]> = i === 0 ? [...pt.m.keys()].map((o) => [o, 0] as [number, number]) : scores;
      for (const [o, s] of source) {
        const q = pt.m.get(o);
        if (q === undefined) continue;
        const d = this.byOrd[o]!;
        const inTitle = d.titleWords.has(pt.t) || (q < 1 && [...d.titleWords].some((x) => x.startsWith(pt.t)));
        next.set(o, s + w * q * (inTitle ? 2 : 1));
      }
      scores = next;
      if (!scores.size) return [];
    }
    return [...scores.entries()].map(([o, score]) => ({ id: this.byOrd[o]!.brief.id, score }));
  }

  /** Related dispatches: candidates share at least one entity; scored by ../core/related. */
  related(q: RelatedQuery, exclude: string | null, k: number) {
    const selfIn = exclude != null && this.docs.has(exclude);
    const n = this.docs.size - (selfIn ? 1 : 0);
    if (n <= 0) return [];
    const selfKeys = selfIn ? new Set(this.docs.get(exclude!)!.entityKeys) : null;
    const df = (key: string) => Math.max(0, this.entityDfOf(key) - (selfKeys?.has(key) ? 1 : 0));
    // Phase 1: entity-only partial scores by walking the query's postings (cheap adds).
    const partial = new Map<number, number>();
    for (const e of q.entities) {
      const w = (TYPE_WEIGHT[e.type] ?? 1) * idf(df(e.key), n);
      for (const o of this.entityPostings.get(e.key) ?? []) {
        if (this.byOrd[o]) partial.set(o, (partial.get(o) ?? 0) + w);
      }
    }
    // Phase 2: full score (with text similarity) for the best few only.
    const pool = [...partial.entries()].sort((a, b) => b[1] - a[1]).slice(0, Math.max(100, 10 * k));
    const out: { d: DocEntry; s: ReturnType<typeof scoreRelated> }[] = [];
    for (const [o] of pool) {
      const d = this.byOrd[o]!;
      if (d.brief.id === exclude) continue;
      const s = scoreRelated(q, d, df, n);
      if (s.shared.length) out.push({ d, s });
    }
    out.sort((x, y) => y.s.score - x.s.score || ((y.d.brief.published ?? '') > (x.d.brief.published ?? '') ? 1 : -1));
    return out.slice(0, k);
  }
}
