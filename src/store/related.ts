// Related dispatches over the archive. Only dispatches that share at least one entity with the
// article are considered, found through the multiEntry `entityKeys` index; document
// frequencies come from index.count(key), so they are always exact and need no upkeep.
// Scoring itself is the pure ../core/related.ts.
import type { Article, Entity, EntityType } from '../core/types';
import { scoreRelated, topTerms, TYPE_WEIGHT, idf, keyType, type RelatedQuery } from '../core/related';
import type { ArchiveDb } from './db';
import { dispatchId } from './records';
import { INDEX, STORE, type DispatchBrief } from './schema';
import type { RelatedDispatch } from './types';

export interface RelatedOptions {
  /** How many to return (default 5). */
  k?: number;
  /** Dispatch id to leave out; defaults to the article's own id. */
  excludeId?: string | null;
}

/** Entities that are in more than this share of the archive do not generate candidates. */
const COMMON_SHARE = 0.05;
/** ...unless they are among this many rarest keys of the article. */
const ALWAYS_EXPAND = 3;
/** Upper bound on ids read for one key. */
const MAX_POSTINGS = 2000;

export async function findRelated(db: ArchiveDb, article: Article, entities: Entity[], opts: RelatedOptions = {}): Promise<RelatedDispatch[]> {
  const k = opts.k ?? 5;
  const exclude = opts.excludeId === undefined ? safeId(article) : opts.excludeId;
  const byKey = new Map<string, { key: string; name: string; type: EntityType }>();
  for (const e of entities) if (e?.key && !byKey.has(e.key)) byKey.set(e.key, { key: e.key, name: e.name, type: e.type ?? keyType(e.key) });
  if (!byKey.size || k <= 0) return [];

  const tx = db.transaction([STORE.dispatches, STORE.briefs], 'readonly');
  tx.done.catch(() => {});
  const store = tx.objectStore(STORE.dispatches);
  const index = store.index(INDEX.entityKeys);
  const keys = [...byKey.keys()];
  const [n, ...dfs] = await Promise.all([store.count(), ...keys.map((key) => index.count(key))]);
  if (!n) return [];
  const df = new Map<string, number>();
  keys.forEach((key, i) => df.set(key, dfs[i]));
  // Does the article itself sit in the archive? Then its own entities are counted in df.
  const selfSaved = exclude ? (await store.count(exclude)) > 0 : false;
  const dfOf = (key: string) => Math.max(0, (df.get(key) ?? 0) - (selfSaved ? 1 : 0));
  const nEff = n - (selfSaved ? 1 : 0);
  if (nEff <= 0) return [];

  const byRarity = keys.filter((key) => dfOf(key) > 0).sort((a, b) => dfOf(a) - dfOf(b));
  const limit = Math.max(50, COMMON_SHARE * nEff);
  const expand = byRarity.filter((key, i) => i < ALWAYS_EXPAND || dfOf(key) <= limit);
  const postings = await Promise.all(expand.map((key) => index.getAllKeys(key, MAX_POSTINGS)));
  const partial = new Map<string, number>();
  expand.forEach((key, i) => {
    const w = TYPE_WEIGHT[byKey.get(key)!.type] * idf(dfOf(key), nEff);
    for (const id of postings[i]) if (id !== exclude) partial.set(id, (partial.get(id) ?? 0) + w);
  });
  if (!partial.size) return [];

  const pool = Math.max(60, 6 * k);
  const top = [...partial.entries()].sort((a, b) => b[1] - a[1]).slice(0, pool);
  const briefs = tx.objectStore(STORE.briefs);
  const got = await Promise.all(top.map(([id]) => briefs.get(id)));

  const q: RelatedQuery = {
    entities: [...byKey.values()],
    terms: topTerms([article.title, article.lead ?? '', ...(article.body ?? []), ...(article.captions ?? [])].join('\n')),
  };
  const scored: { b: DispatchBrief; s: ReturnType<typeof scoreRelated> }[] = [];
  for (const b of got) {
    if (!b) continue;
    const s = scoreRelated(q, b, dfOf, nEff);
    if (s.shared.length) scored.push({ b, s });
  }
  scored.sort((x, y) => y.s.score - x.s.score || ((y.b.published ?? '') > (x.b.published ?? '') ? 1 : -1));
  return scored.slice(0, k).map(({ b, s }) => ({
    id: b.id,
    title: b.title,
    published: b.published,
    site: b.site,
    url: b.url,
    score: Math.round(s.score * 1e4) / 1e4,
    shared: s.shared.map(({ key, name, type }) => ({ key, name, type })),
  }));
}

function safeId(a: Article): string | null {
  try {
    return dispatchId(a);
  } catch {
    return null;
  }
}
