// Pure scoring of "related dispatches": no IndexedDB, no DOM, so it can be unit-tested and
// reused by any store. An article is related to a saved one when they share entities,
// weighted by how rare each entity is in the archive (IDF) and by type (a shared minister
// says more than a shared country), plus a little text similarity over content terms.
import type { EntityType } from './types';
import { ENTITY_TYPES, typeInfo } from './entity-types';
import { searchWords } from './text/fold';

export { keyType } from './entity-types';

/** How much one shared entity of a type is worth before rarity (entity-types.ts holds the figures). */
export const TYPE_WEIGHT = Object.fromEntries(ENTITY_TYPES.map((t) => [t, typeInfo(t).weight])) as Record<EntityType, number>;

/** Share of the final score that comes from entities; the rest is text similarity. */
export const ENTITY_SHARE = 0.8;

/**
 * Entities a VNA archive mentions everywhere: VNA's own country and capital. Like any entity
 * found in most of the archive, they never alone make a dispatch "related".
 */
const HOME_KEYS: ReadonlySet<string> = new Set(['LOC:vietnam', 'LOC:viet nam', 'LOC:hanoi', 'LOC:ha noi']);

/** Below this many dispatches a majority says little: only HOME_KEYS count as common. */
const COMMON_MIN_DOCS = 10;

/** An entity is common when it is a HOME_KEYS one or in more than half of the archive. */
function isCommonEntity(key: string, df: number, n: number): boolean {
  return HOME_KEYS.has(key) || (n >= COMMON_MIN_DOCS && df > n / 2);
}

/**
 * Whether a shared entity of this key explains a relation (it is then in RelatedScore.shared):
 * not a date, not common. A candidate sharing one is related whatever its text.
 */
export function tellingEntity(key: string, type: EntityType, df: number, n: number): boolean {
  return type !== 'DATE' && !isCommonEntity(key, df, n);
}

/**
 * Without a telling shared entity, a dispatch is related only when this much of the two
 * articles' top content terms is shared (Jaccard): then the shared words are the reason.
 */
const TEXT_ONLY_MIN = 0.2;

/** Smoothed inverse document frequency: an entity in every dispatch is worth ~0. */
export function idf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 1)) + 0.01;
}

/** French/English function words that carry no topic (folded forms). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'le la les l un une des du de d au aux et ou en dans sur sous par pour avec sans ce cet cette ces ' +
    'son sa ses leur leurs qui que qu quoi dont ou il elle ils elles on nous vous je tu se s y ne pas plus ' +
    'est sont a ont ete etre avoir fait faire comme mais donc car ainsi aussi tres tout tous toute toutes ' +
    'entre apres avant lors selon contre vers chez depuis pendant notamment afin deux trois autre autres ' +
    'meme dont cela celui celle ceux dit the of and to in for on with at by from is are was were be this that ' +
    'an as it its has have had not or which their vna avi photo'
  ).split(' '),
);

/** Folded content terms of a text: no stopwords, no numbers, at least 3 letters. */
function contentTerms(text: string): string[] {
  return searchWords(text).filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

/** The k most frequent content terms (ties broken alphabetically, so the result is stable). */
export function topTerms(text: string, k = 40): string[] {
  const tf = new Map<string, number>();
  for (const w of contentTerms(text)) tf.set(w, (tf.get(w) ?? 0) + 1);
  return [...tf.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, k)
    .map(([w]) => w);
}

/** Jaccard similarity of two term sets. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  return setJaccard(new Set(a), new Set(b));
}

/** jaccard over term sets already built (the related scorer keeps the query's across candidates). */
function setJaccard(sa: ReadonlySet<string>, sb: ReadonlySet<string>): number {
  let inter = 0;
  for (const t of sb) if (sa.has(t)) inter++;
  return jaccardOfCounts(sa.size, sb.size, inter);
}

/**
 * Jaccard of two term sets from their sizes and the size of their intersection: what the
 * persisted index computes from its term postings (it never holds a candidate's term set).
 */
export function jaccardOfCounts(a: number, b: number, inter: number): number {
  if (!a || !b) return 0;
  return inter / (a + b - inter);
}

/** The full related score from its two parts (the one formula of both scorers). */
export function combinedScore(entityScore: number, textScore: number): number {
  return ENTITY_SHARE * entityScore + (1 - ENTITY_SHARE) * textScore;
}

export interface RelatedQuery {
  /** Entity keys of the article, with a display name for explanations. */
  entities: { key: string; name: string; type: EntityType }[];
  terms: string[];
}

export interface RelatedCandidate {
  entityKeys: string[];
  terms: string[];
}

export interface RelatedScore {
  score: number;
  entityScore: number;
  textScore: number;
  /**
   * Shared entities that tell something, rarest (highest IDF) first: common entities
   * (isCommonEntity) and dates are left out, they never explain a relation.
   */
  shared: { key: string; name: string; type: EntityType; weight: number }[];
  /** Shared content terms, the query's most frequent first (the reason when `shared` is empty). */
  words: string[];
  /** Whether the candidate is related at all: a telling shared entity, or enough shared text. */
  related: boolean;
}

/**
 * Score one candidate against a query. `df(key)` is the number of archived dispatches that
 * mention the key, `n` the archive size. The entity part is the share of the query's entity
 * information (Σ type weight × IDF) that the candidate also carries, so it lies in [0, 1]
 * and a shared `Vietnam` in a 10,000-dispatch archive adds almost nothing.
 */
export function scoreRelated(
  q: RelatedQuery,
  c: RelatedCandidate,
  df: (key: string) => number,
  n: number,
): RelatedScore {
  return relatedScorer(q, df, n)(c);
}

/**
 * scoreRelated for many candidates of one query: the query's side (its keys' weights, which
 * of them can explain a relation, its term set) is worked out once. The persisted index
 * scores ~100 candidates per query on a cold worker, where building those per candidate cost
 * more than the candidates' own part. Same arithmetic in the same order: the same scores.
 */
export function relatedScorer(q: RelatedQuery, df: (key: string) => number, n: number): (c: RelatedCandidate) => RelatedScore {
  const byTerms = relatedTermScorer(q, df, n);
  return (c) => {
    // the candidate's one term set gives both the text score and the shared words
    const cterms = new Set(c.terms);
    return byTerms(c.entityKeys, (t) => cterms.has(t), cterms.size);
  };
}

/**
 * relatedScorer for a candidate known by its entity keys, a membership test over its term set
 * and that set's size: the persisted index answers those from its term postings (postings.ts)
 * without the candidate's terms. Same arithmetic in the same order: the same scores.
 */
export function relatedTermScorer(
  q: RelatedQuery,
  df: (key: string) => number,
  n: number,
): (entityKeys: readonly string[], hasTerm: (t: string) => boolean, termCount: number) => RelatedScore {
  const { keys, total, qterms } = queryWeights(q, df, n);
  return (entityKeys, hasTerm, termCount) => {
    const cand = new Set(entityKeys);
    let shared = 0;
    const explain: RelatedScore['shared'] = [];
    for (const e of keys) {
      if (!cand.has(e.key)) continue;
      shared += e.w;
      if (e.telling) explain.push({ key: e.key, name: e.name, type: e.type, weight: e.w });
    }
    explain.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
    const entityScore = total > 0 ? shared / total : 0;
    let inter = 0;
    for (const t of qterms) if (hasTerm(t)) inter++;
    const textScore = jaccardOfCounts(qterms.length, termCount, inter);
    const score = combinedScore(entityScore, textScore);
    const words = q.terms.filter(hasTerm).slice(0, 6);
    return { score, entityScore, textScore, shared: explain, words, related: relatedAt(explain.length > 0, textScore) };
  };
}

/** The query's side of a score: its distinct keys with weights (in its order), their total, its distinct terms. */
export interface QueryWeights {
  keys: { key: string; name: string; type: EntityType; w: number; telling: boolean }[];
  total: number;
  qterms: string[];
}

/** QueryWeights of a query (the scorers' one computation of it, so every path adds the same floats). */
export function queryWeights(q: RelatedQuery, df: (key: string) => number, n: number): QueryWeights {
  const keys: QueryWeights['keys'] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const e of q.entities) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    const w = TYPE_WEIGHT[e.type] * idf(df(e.key), n);
    total += w;
    keys.push({ key: e.key, name: e.name, type: e.type, w, telling: tellingEntity(e.key, e.type, df(e.key), n) });
  }
  return { keys, total, qterms: [...new Set(q.terms)] };
}

/** Whether a candidate is related: a telling shared entity, or enough shared text (RelatedScore.related). */
export function relatedAt(tells: boolean, textScore: number): boolean {
  return tells || textScore >= TEXT_ONLY_MIN;
}
