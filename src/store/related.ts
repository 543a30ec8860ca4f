// Related dispatches over the archive's in-memory index (see memindex.ts for why not IDB
// indexes). Candidates are only the dispatches sharing at least one entity with the article;
// document frequencies are live counts of the entity postings. Scoring is ../core/related.ts.
import type { Article, Entity, EntityType } from '../core/types';
import { keyType, topTerms, type RelatedQuery } from '../core/related';
import type { MemIndex } from './memindex';
import { dispatchId } from './records';
import type { RelatedDispatch } from './types';

export interface RelatedOptions {
  /** How many to return (default 5). */
  k?: number;
  /** Dispatch id to leave out; defaults to the article's own id. */
  excludeId?: string | null;
}

export function relatedQuery(article: Article, entities: Entity[]): RelatedQuery {
  const byKey = new Map<string, { key: string; name: string; type: EntityType }>();
  for (const e of entities) {
    // A key of no known type is left out rather than guessed (it used to count as a place).
    const type = e?.key ? e.type ?? keyType(e.key) : null;
    if (type && !byKey.has(e.key)) byKey.set(e.key, { key: e.key, name: e.name, type });
  }
  return {
    entities: [...byKey.values()],
    terms: topTerms([article.title, article.lead ?? '', ...(article.body ?? []), ...(article.captions ?? [])].join('\n')),
  };
}

/** The dispatch a related list leaves out: `opts.excludeId` if given, else the article's own id (none for a page without one). */
export function relatedExclude(article: Article, opts: RelatedOptions): string | null {
  if (opts.excludeId !== undefined) return opts.excludeId;
  try {
    return dispatchId(article);
  } catch {
    return null;
  }
}

export function findRelated(index: MemIndex, article: Article, entities: Entity[], opts: RelatedOptions = {}): RelatedDispatch[] {
  const k = opts.k ?? 5;
  if (k <= 0) return [];
  return findRelatedQuery(index, relatedQuery(article, entities), relatedExclude(article, opts), k);
}

/** Related dispatches for a query built once (relatedQuery) and kept, e.g. per tab view. */
export function findRelatedQuery(index: MemIndex, q: RelatedQuery, exclude: string | null, k: number): RelatedDispatch[] {
  if (!q.entities.length || k <= 0) return [];
  return index.related(q, exclude, k).map(({ d, s }) => ({
    id: d.brief.id,
    title: d.brief.title,
    published: d.brief.published,
    site: d.brief.site,
    url: d.brief.url,
    score: Math.round(s.score * 1e4) / 1e4,
    shared: s.shared.map(({ key, name, type }) => ({ key, name, type })),
    words: s.shared.length ? [] : s.words,
  }));
}
