// In-memory index over the briefs, for the views that filter or list the whole archive (tag
// and entity filters without a search text, entity suggestions, the read-later lists) and the
// warm related query: entity postings and each dispatch's brief. Other contexts' writes are
// replayed from the `changes` store. The load is one get of a columnar snapshot (IndexSnapshot)
// or, without one, a getAll of the briefs. Since v10 it holds no word postings (search reads the
// persisted word shards, word-postings.ts, in every context): each doc keeps its ord (`o`) so
// that a persisted search's hits map to the briefs held here.
import { TYPE_WEIGHT, idf, scoreRelated, type RelatedQuery } from '../core/related';
import type { BriefRecord, DispatchBrief } from './schema';
import { fold } from '../core/text/fold';
import { cmpDesc } from './sorted';

/** What the index keeps of a brief: no word string (since v10 the words live in the persisted word shards only). */
export interface IndexedBrief extends DispatchBrief {
  /** The dispatch's ord in the persisted index (its card, postings and word shards); -1 unknown. */
  o: number;
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
 * a few typed arrays and string arrays instead of 100,000 brief records. `seq` is the last
 * `changes` entry it reflects. Format 3 (v10) has no word postings and a persisted-ord column.
 */
export interface IndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  seq: number;
  n: number;
  ids: string[];
  /** Format 3: each doc's persisted ord (IndexedBrief.o; -1 unknown). */
  ords: Int32Array;
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
}

/** Bump when IndexSnapshot or what goes into it changes: older snapshots are then ignored. */
export const SNAPSHOT_FORMAT = 3;

const badSnapshot = (what: string) => new Error(`Bad index snapshot: ${what}`);

/** Throws unless every column of a snapshot has the length its count says. */
function checkSnapshotShape(s: IndexSnapshot): void {
  if (!s || s.format !== SNAPSHOT_FORMAT) throw badSnapshot('format');
  const { n } = s;
  if (!Number.isInteger(n) || n < 0) throw badSnapshot('n');
  for (const k of ['ids', 'titles', 'urls', 'published', 'titleWords', 'terms', 'userTags'] as const) if (!Array.isArray(s[k]) || s[k].length !== n) throw badSnapshot(k);
  if (!(s.siteOf instanceof Int32Array) || s.siteOf.length !== n || !(s.savedAt instanceof Float64Array) || s.savedAt.length !== n || !(s.ords instanceof Int32Array) || s.ords.length !== n) throw badSnapshot('columns');
  if (!(s.entOff instanceof Int32Array) || s.entOff.length !== n + 1 || !(s.entIdx instanceof Int32Array) || s.entOff[n] !== s.entIdx.length) throw badSnapshot('entities');
  if (!Array.isArray(s.siteTable) || !Array.isArray(s.entityTable)) throw badSnapshot('tables');
}

export class MemIndex {
  private docs = new Map<string, DocEntry>();
  private byOrd: (DocEntry | null)[] = [];
  /** Persisted ord -> doc (IndexedBrief.o): the hits of a persisted search, mapped to their briefs. */
  private byStoreOrd: (DocEntry | undefined)[] = [];
  private entityPostings = new Map<string, number[]>();
  private entityDf = new Map<string, number>();
  /** Entity key -> [name, ...aliases] as first seen (suggestions match any of them). */
  private labels = new Map<string, string[]>();
  /** Folded words of each label, built on the first suggestion (labels never change once set). */
  private labelWords = new Map<string, string[][]>();
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

  /** The live doc stored under a persisted ord (IndexedBrief.o), if this index holds it. */
  atStoreOrd(o: number): DocEntry | undefined {
    return this.byStoreOrd[o];
  }

  put(b: BriefRecord): void {
    if (this.docs.has(b.id)) this.remove(b.id);
    const brief: IndexedBrief = {
      o: Number.isInteger(b.o) ? b.o! : -1,
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
    this.add(brief);
    b.entityKeys.forEach((k, i) => {
      if (!this.labels.has(k)) this.labels.set(k, [b.entityNames?.[i] ?? k.slice(k.indexOf(':') + 1), ...(b.entityAliases?.[i] ?? [])]);
    });
  }

  /** A new doc with its entity postings. */
  private add(brief: IndexedBrief): DocEntry {
    const e = new Doc(this.byOrd.length, brief);
    this.byOrd.push(e);
    this.docs.set(brief.id, e);
    if (brief.o >= 0) this.byStoreOrd[brief.o] = e;
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
    if (e.brief.o >= 0 && this.byStoreOrd[e.brief.o] === e) this.byStoreOrd[e.brief.o] = undefined;
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
    this.byStoreOrd = [];
    this.entityPostings.clear();
    this.entityDf.clear();
    this.labels.clear();
    this.labelWords.clear();
    this.dead = 0;
  }

  /** The live index in columns, renumbered densely, as reflecting change `seq`. */
  snapshot(seq: number): IndexSnapshot {
    const live = this.byOrd.filter((d): d is DocEntry => d !== null);
    const n = live.length;
    const siteIds = new Map<string, number>();
    const entIds = new Map<string, number>();
    const siteOf = new Int32Array(n);
    const savedAt = new Float64Array(n);
    const ords = new Int32Array(n);
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
      ords[i] = b.o;
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
    return {
      format: SNAPSHOT_FORMAT,
      seq,
      n,
      ids,
      ords,
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
      const o = s.ords[i];
      m.add({ o: Number.isInteger(o) && o >= 0 ? o : -1, id: s.ids[i], title: s.titles[i], url: s.urls[i], site, published: s.published[i], savedAt: s.savedAt[i], entityKeys, titleWords: s.titleWords[i], terms: s.terms[i], userTags: Array.isArray(s.userTags[i]) ? s.userTags[i] : [] });
    }
    if (Array.isArray(s.entityLabels)) {
      s.entityTable.forEach((k, i) => {
        const l = s.entityLabels[i];
        if (typeof k === 'string' && Array.isArray(l) && l.length) m.labels.set(k, l);
      });
    }
    return m;
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
    // Ties on score and date keep pool order (postings.ts persistedRelated sorts its candidates the same way).
    out.sort((x, y) => y.s.score - x.s.score || cmpDesc(x.d.brief.published ?? '', y.d.brief.published ?? ''));
    return out.slice(0, k);
  }
}
