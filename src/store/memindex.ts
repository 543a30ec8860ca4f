// In-memory search and related index over the briefs. Measured in Chromium 156 at 10,000
// dispatches, every IndexedDB index scan costs ~30 µs per matching entry (a `words` lookup for
// `vietnam` took 300 ms, store.count() 150 ms), so ranked search and related cannot run on IDB
// indexes within 30 ms. Instead each context loads the index once and keeps postings in
// memory; other contexts' writes are replayed from the `changes` store. The load is one get of
// a columnar snapshot (IndexSnapshot, ~60-90 ms at 10,000) or, without one, a getAll of the
// briefs (~700 ms: most of it is cloning 11 M characters of word strings).
import { TYPE_WEIGHT, idf, scoreRelated, type RelatedQuery } from '../core/related';
import type { BriefRecord, DispatchBrief } from './schema';
import { fold } from '../core/text/fold';
import { lowerBound } from './sorted';

/** What the index keeps of a brief: no word string (the words live in the postings only). */
export interface IndexedBrief extends DispatchBrief {
  /** Space-separated search words of the title. */
  titleWords: string;
  /** Space-separated most frequent content terms, for text similarity. */
  terms: string;
  /** The reader's tags (v3 briefs; [] for older ones). */
  userTags: string[];
}

export interface DocEntry {
  ord: number;
  brief: IndexedBrief;
  readonly entityKeys: string[];
  /** Title words, split on first use (only search hits need them). */
  readonly titleWords: Set<string>;
  /** Content terms, split on first use (only related candidates need them). */
  readonly terms: string[];
}

class Doc implements DocEntry {
  private tw: Set<string> | null = null;
  private tm: string[] | null = null;
  constructor(
    public ord: number,
    public brief: IndexedBrief,
  ) {}
  get entityKeys(): string[] {
    return this.brief.entityKeys;
  }
  get titleWords(): Set<string> {
    return (this.tw ??= new Set(split(this.brief.titleWords)));
  }
  get terms(): string[] {
    return (this.tm ??= split(this.brief.terms));
  }
}

const split = (s: string): string[] => (s ? s.split(' ') : []);


export interface IndexHit {
  id: string;
  score: number;
}

/**
 * The index in columns, as stored in `meta` (see Archive): one get and a structured clone of
 * a few typed arrays and string arrays instead of 10,000 brief records and 1.4 M word strings.
 * `seq` is the last `changes` entry it reflects. Word postings are CSR: the ords of the docs
 * holding `vocab[w]` are `post[postOff[w] .. postOff[w + 1])`, ascending; `vocab` is sorted.
 */
export interface IndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  seq: number;
  n: number;
  ids: string[];
  titles: string[];
  urls: string[];
  /** Interned: `siteTable[siteOf[i]]`. */
  siteTable: string[];
  siteOf: Int32Array;
  published: (string | null)[];
  savedAt: Float64Array;
  titleWords: string[];
  terms: string[];
  /** Format 2: the reader's tags of each doc. */
  userTags: string[][];
  /** Format 2: `[name, ...aliases]` of each entityTable key (entity suggestions). */
  entityLabels: string[][];
  /** Interned entity keys: doc i has `entityTable[entIdx[entOff[i] .. entOff[i + 1])]`. */
  entityTable: string[];
  entOff: Int32Array;
  entIdx: Int32Array;
  vocab: string[];
  postOff: Int32Array;
  post: Int32Array;
}

/** Bump when IndexSnapshot or what goes into it changes: older snapshots are then ignored. */
export const SNAPSHOT_FORMAT = 2;

const badSnapshot = (what: string) => new Error(`Bad index snapshot: ${what}`);

/** Throws unless every column of a snapshot has the length its count says. */
function checkSnapshotShape(s: IndexSnapshot): void {
  if (!s || s.format !== SNAPSHOT_FORMAT) throw badSnapshot('format');
  const { n } = s;
  if (!Number.isInteger(n) || n < 0) throw badSnapshot('n');
  for (const k of ['ids', 'titles', 'urls', 'published', 'titleWords', 'terms', 'userTags'] as const) if (!Array.isArray(s[k]) || s[k].length !== n) throw badSnapshot(k);
  if (!(s.siteOf instanceof Int32Array) || s.siteOf.length !== n || !(s.savedAt instanceof Float64Array) || s.savedAt.length !== n) throw badSnapshot('columns');
  if (!(s.entOff instanceof Int32Array) || s.entOff.length !== n + 1 || !(s.entIdx instanceof Int32Array) || s.entOff[n] !== s.entIdx.length) throw badSnapshot('entities');
  if (!Array.isArray(s.vocab) || !(s.postOff instanceof Int32Array) || s.postOff.length !== s.vocab.length + 1 || !(s.post instanceof Int32Array) || s.postOff[s.vocab.length] !== s.post.length) throw badSnapshot('postings');
  if (!Array.isArray(s.siteTable) || !Array.isArray(s.entityTable)) throw badSnapshot('tables');
}

export class MemIndex {
  private docs = new Map<string, DocEntry>();
  private byOrd: (DocEntry | null)[] = [];
  /** Word -> ords, read-only views into a loaded snapshot's postings array. */
  private base = new Map<string, Int32Array>();
  /** Word -> ords added since (or all of them without a snapshot). Both lists are ascending. */
  private postings = new Map<string, number[]>();
  private entityPostings = new Map<string, number[]>();
  private entityDf = new Map<string, number>();
  /** Entity key -> [name, ...aliases] as first seen (suggestions match any of them). */
  private labels = new Map<string, string[]>();
  /** Folded words of each label, built on the first suggestion (labels never change once set). */
  private labelWords = new Map<string, string[][]>();
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
    const brief: IndexedBrief = {
      id: b.id,
      title: b.title,
      url: b.url,
      site: b.site,
      published: b.published,
      savedAt: b.savedAt,
      entityKeys: b.entityKeys,
      titleWords: b.titleWords,
      terms: b.terms,
      userTags: b.userTags ?? [],
    };
    const e = this.add(brief);
    b.entityKeys.forEach((k, i) => {
      if (!this.labels.has(k)) this.labels.set(k, [b.entityNames?.[i] ?? k.slice(k.indexOf(':') + 1), ...(b.entityAliases?.[i] ?? [])]);
    });
    for (const w of split(b.words)) {
      let p = this.postings.get(w);
      if (!p) {
        this.postings.set(w, (p = []));
        if (!this.base.has(w)) this.newTerm(w);
      }
      p.push(e.ord);
    }
  }

  /** Keep the sorted vocabulary (when built) sorted: one binary insert, not a re-sort. */
  private newTerm(w: string): void {
    const terms = this.sortedTerms;
    if (!terms) return;
    terms.splice(lowerBound(terms, w), 0, w);
  }

  /** A new doc with its entity postings (word postings are the caller's). */
  private add(brief: IndexedBrief): DocEntry {
    const e = new Doc(this.byOrd.length, brief);
    this.byOrd.push(e);
    this.docs.set(brief.id, e);
    for (const k of brief.entityKeys) {
      let p = this.entityPostings.get(k);
      if (!p) this.entityPostings.set(k, (p = []));
      p.push(e.ord);
      this.entityDf.set(k, (this.entityDf.get(k) ?? 0) + 1);
    }
    return e;
  }

  remove(id: string): void {
    const e = this.docs.get(id);
    if (!e) return;
    this.docs.delete(id);
    this.byOrd[e.ord] = null;
    this.dead++;
    for (const k of e.entityKeys) this.entityDf.set(k, (this.entityDf.get(k) ?? 1) - 1);
    if (this.dead > 1000 && this.dead > this.byOrd.length / 4) this.compact();
  }

  /** Drop the removed docs: renumber the live ones and filter every posting list. */
  private compact(): void {
    const remap = new Int32Array(this.byOrd.length).fill(-1);
    const byOrd: DocEntry[] = [];
    for (const d of this.byOrd) {
      if (!d) continue;
      remap[d.ord] = byOrd.length;
      d.ord = byOrd.length;
      byOrd.push(d);
    }
    const filter = (p: ArrayLike<number>): number[] => {
      const out: number[] = [];
      for (let i = 0; i < p.length; i++) if (remap[p[i]] >= 0) out.push(remap[p[i]]);
      return out;
    };
    for (const w of this.terms()) {
      const q = [...filter(this.base.get(w) ?? []), ...filter(this.postings.get(w) ?? [])];
      if (q.length) this.postings.set(w, q);
      else this.postings.delete(w);
    }
    this.base.clear();
    this.sortedTerms = null;
    for (const [k, p] of this.entityPostings) {
      const q = filter(p);
      if (q.length) this.entityPostings.set(k, q);
      else {
        this.entityPostings.delete(k);
        this.entityDf.delete(k);
      }
    }
    this.byOrd = byOrd;
    this.dead = 0;
  }

  clear(): void {
    this.docs.clear();
    this.byOrd = [];
    this.base.clear();
    this.postings.clear();
    this.entityPostings.clear();
    this.entityDf.clear();
    this.labels.clear();
    this.labelWords.clear();
    this.sortedTerms = null;
    this.dead = 0;
  }

  /** The live index in columns, renumbered densely, as reflecting change `seq`. */
  snapshot(seq: number): IndexSnapshot {
    const live = this.byOrd.filter((d): d is DocEntry => d !== null);
    const n = live.length;
    const remap = new Int32Array(this.byOrd.length).fill(-1);
    live.forEach((d, i) => (remap[d.ord] = i));
    const siteIds = new Map<string, number>();
    const entIds = new Map<string, number>();
    const siteOf = new Int32Array(n);
    const savedAt = new Float64Array(n);
    const entOff = new Int32Array(n + 1);
    const ent: number[] = [];
    const ids: string[] = [];
    const titles: string[] = [];
    const urls: string[] = [];
    const published: (string | null)[] = [];
    const titleWords: string[] = [];
    const terms: string[] = [];
    const userTags: string[][] = [];
    live.forEach((d, i) => {
      const b = d.brief;
      ids.push(b.id);
      titles.push(b.title);
      urls.push(b.url);
      published.push(b.published);
      titleWords.push(b.titleWords);
      terms.push(b.terms);
      userTags.push(b.userTags);
      savedAt[i] = b.savedAt;
      let s = siteIds.get(b.site);
      if (s === undefined) siteIds.set(b.site, (s = siteIds.size));
      siteOf[i] = s;
      for (const k of b.entityKeys) {
        let x = entIds.get(k);
        if (x === undefined) entIds.set(k, (x = entIds.size));
        ent.push(x);
      }
      entOff[i + 1] = ent.length;
    });
    const vocab: string[] = [];
    const offs: number[] = [0];
    let post = new Int32Array(1 << 16);
    let len = 0;
    const copy = (p: ArrayLike<number> | undefined) => {
      if (!p) return;
      for (let i = 0; i < p.length; i++) {
        const o = remap[p[i]];
        if (o < 0) continue;
        if (len === post.length) {
          const grown = new Int32Array(post.length * 2);
          grown.set(post);
          post = grown;
        }
        post[len++] = o;
      }
    };
    for (const w of this.terms()) {
      const start = len;
      copy(this.base.get(w));
      copy(this.postings.get(w));
      if (len === start) continue;
      vocab.push(w);
      offs.push(len);
    }
    return {
      format: SNAPSHOT_FORMAT,
      seq,
      n,
      ids,
      titles,
      urls,
      siteTable: [...siteIds.keys()],
      siteOf,
      published,
      savedAt,
      titleWords,
      terms,
      userTags,
      entityTable: [...entIds.keys()],
      entityLabels: [...entIds.keys()].map((k) => this.labels.get(k) ?? []),
      entOff,
      entIdx: Int32Array.from(ent),
      vocab,
      postOff: Int32Array.from(offs),
      post: post.slice(0, len),
    };
  }

  /** Rebuild from a snapshot; throws when it is malformed (the caller then scans the briefs). */
  static fromSnapshot(s: IndexSnapshot): MemIndex {
    checkSnapshotShape(s);
    const { n } = s;
    const m = new MemIndex();
    for (let i = 0; i < n; i++) {
      const site = s.siteTable[s.siteOf[i]];
      const entityKeys: string[] = [];
      for (let j = s.entOff[i]; j < s.entOff[i + 1]; j++) {
        const k = s.entityTable[s.entIdx[j]];
        if (typeof k !== 'string') throw badSnapshot('entity key');
        entityKeys.push(k);
      }
      if (typeof s.ids[i] !== 'string' || typeof site !== 'string' || m.docs.has(s.ids[i])) throw badSnapshot('doc');
      m.add({ id: s.ids[i], title: s.titles[i], url: s.urls[i], site, published: s.published[i], savedAt: s.savedAt[i], entityKeys, titleWords: s.titleWords[i], terms: s.terms[i], userTags: Array.isArray(s.userTags[i]) ? s.userTags[i] : [] });
    }
    if (Array.isArray(s.entityLabels)) {
      s.entityTable.forEach((k, i) => {
        const l = s.entityLabels[i];
        if (typeof k === 'string' && Array.isArray(l) && l.length) m.labels.set(k, l);
      });
    }
    m.loadPostings(s);
    return m;
  }

  /** The snapshot's word postings as the base layer: words strictly sorted, ordinals in range. */
  private loadPostings(s: IndexSnapshot): void {
    let prev = '';
    for (let w = 0; w < s.vocab.length; w++) {
      const word = s.vocab[w];
      const a = s.postOff[w];
      const b = s.postOff[w + 1];
      if (typeof word !== 'string' || (w > 0 && !(word > prev)) || !(a <= b) || (b > a && (s.post[a] < 0 || s.post[b - 1] >= s.n))) throw badSnapshot('postings');
      prev = word;
      this.base.set(word, s.post.subarray(a, b));
    }
    this.sortedTerms = s.vocab.slice();
  }

  /** The vocabulary, sorted. */
  private terms(): string[] {
    return (this.sortedTerms ??= [...new Set([...this.base.keys(), ...this.postings.keys()])].sort());
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

  /**
   * The reader's tags with how many live dispatches carry each, one per case-insensitive
   * name (the spelling most dispatches use), most used first.
   */
  tagCounts(): { tag: string; count: number }[] {
    const byKey = new Map<string, { count: number; spellings: Map<string, number> }>();
    for (const d of this.docs.values()) {
      for (const t of d.brief.userTags) {
        const k = t.toLocaleLowerCase('fr');
        let e = byKey.get(k);
        if (!e) byKey.set(k, (e = { count: 0, spellings: new Map() }));
        e.count++;
        e.spellings.set(t, (e.spellings.get(t) ?? 0) + 1);
      }
    }
    return [...byKey.values()]
      .map(({ count, spellings }) => ({ tag: [...spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0], count }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'fr'));
  }

  /**
   * Entities whose name, any alias (acronym) or any word of them matches the typed text,
   * diacritic- and case-insensitively: every typed word must start a word of one label
   * (`asean`, `nations unies`, `unies` find `Nations Unies`/`ASEAN`). An exact alias or name
   * ranks first, then a match at the start of the name, then the most mentioned.
   */
  suggestEntities(text: string, max = 12): { key: string; name: string; count: number }[] {
    const typed = fold(text).replace(/^(le |la |les |l')/, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!typed.length || typed.join('').length < 2) return [];
    const whole = typed.join(' ');
    const out: { key: string; name: string; count: number; rank: number }[] = [];
    for (const [key, df] of this.entityDf) {
      if (df <= 0) continue;
      const labels = this.labels.get(key) ?? [key.slice(key.indexOf(':') + 1)];
      let folded = this.labelWords.get(key);
      if (!folded) this.labelWords.set(key, (folded = labels.map((l) => fold(l).split(/[^\p{L}\p{N}]+/u).filter(Boolean))));
      let rank = -1;
      for (const [i, words] of folded.entries()) {
        if (!typed.every((t) => words.some((w) => w.startsWith(t)))) continue;
        const joined = words.join(' ');
        const r = joined === whole ? 3 : joined.startsWith(whole) ? (i === 0 ? 2 : 1) : 0;
        rank = Math.max(rank, r);
      }
      if (rank >= 0) out.push({ key, name: labels[0] || key, count: df, rank });
    }
    out.sort((a, b) => b.rank - a.rank || b.count - a.count || a.name.localeCompare(b.name, 'fr'));
    return out.slice(0, max).map(({ key, name, count }) => ({ key, name, count }));
  }

  /** Index words that start with `prefix` (binary search over the sorted vocabulary). */
  private expand(prefix: string): string[] {
    const terms = this.terms();
    const lo = lowerBound(terms, prefix);
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
        for (const p of [this.base.get(w), this.postings.get(w)]) {
          if (p) for (const o of p) if (this.byOrd[o] && (m.get(o) ?? 0) < q) m.set(o, q);
        }
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
      // A shared Vietnam (or any entity in most of the archive) alone is no relation.
      if (s.related) out.push({ d, s });
    }
    out.sort((x, y) => y.s.score - x.s.score || ((y.d.brief.published ?? '') > (x.d.brief.published ?? '') ? 1 : -1));
    return out.slice(0, k);
  }
}
