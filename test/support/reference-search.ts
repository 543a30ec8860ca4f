// The search's specification as a test oracle, independent of the persisted word index
// (word-postings.ts, word-rank.ts): every stored dispatch's words recomputed from its record
// (records.ts recordWords, what the index is built from), and the scoring rule written out
// plainly: every query term must match a word exactly or as a prefix; score Σ IDF(term) × (1
// exact, 0.6 prefix) × (2 when in the title), summed rarest term first (the index sums in that
// order, so the floats are the same); hits by score, then published, then savedAt, descending.
// Until v10 the in-memory index held this search; the tests now compare the index with this.
import { searchTerms, type Archive, type SearchHit } from '../../src/store/archive';
import { indexWords, recordWords } from '../../src/store/records';
import { idf } from '../../src/core/related';
import type { Dispatch } from '../../src/store/types';

interface Doc {
  d: Dispatch;
  words: string[];
  title: Set<string>;
}

/** The hits of `query` over these dispatches, as the spec orders them (ties in the given order). */
export function referenceHits(all: readonly Dispatch[], query: string): SearchHit[] {
  const terms = searchTerms(query);
  if (!terms.length || !all.length) return [];
  const docs: Doc[] = all.map((d) => ({ d, words: recordWords(d).split(' ').filter(Boolean), title: new Set(indexWords(d.article.title)) }));
  const n = docs.length;
  const per = terms.map((t) => {
    const m = new Map<number, number>();
    docs.forEach((doc, i) => {
      let q = 0;
      for (const w of doc.words) if (w === t) q = 1;
      else if (q < 0.6 && w.startsWith(t)) q = 0.6;
      if (q > 0) m.set(i, q);
    });
    return { t, m };
  });
  per.sort((a, b) => a.m.size - b.m.size);
  let scores = new Map<number, number>();
  for (const [k, pt] of per.entries()) {
    const w = idf(pt.m.size, n);
    const next = new Map<number, number>();
    const source: [number, number][] = k === 0 ? [...pt.m.keys()].map((i) => [i, 0]) : [...scores];
    for (const [i, s] of source) {
      const q = pt.m.get(i);
      if (q === undefined) continue;
      const title = docs[i].title;
      const inTitle = title.has(pt.t) || (q < 1 && [...title].some((x) => x.startsWith(pt.t)));
      next.set(i, s + w * q * (inTitle ? 2 : 1));
    }
    scores = next;
    if (!scores.size) return [];
  }
  const hits = [...scores].map(([i, score]) => ({ d: docs[i].d, score }));
  const pub = (d: Dispatch) => d.published ?? '';
  hits.sort((x, y) => y.score - x.score || (pub(y.d) > pub(x.d) ? 1 : pub(y.d) < pub(x.d) ? -1 : 0) || y.d.savedAt - x.d.savedAt);
  return hits.map(({ d, score }) => ({ id: d.id, title: d.article.title, url: d.article.url, site: d.site, published: d.published, savedAt: d.savedAt, score: Math.round(score * 1e4) / 1e4, matched: terms }));
}

/** referenceHits over every dispatch the archive holds, paged like Archive.search. */
export async function referenceSearch(a: Archive, query: string, opts: { limit?: number; offset?: number } = {}): Promise<SearchHit[]> {
  const { limit = 20, offset = 0 } = opts;
  return referenceHits(await a.all(), query).slice(Math.max(0, offset), Math.max(0, offset) + limit);
}
