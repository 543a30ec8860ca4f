// Building stored records from an Article and its entities: canonical id, the derived
// fields the indexes need (site, publishedKey, entityKeys, titleWords), the search words (the
// word index's input, recomputed from the record: no store keeps them as text) and the brief.
import type { Article, Block, Entity } from '../core/types';
import { canonicalId } from '../core/extract/url';
import { searchWords } from '../core/text/fold';
import { STOPWORDS, topTerms } from '../core/related';
import { RECORD_VERSION, type BriefRecord, type CardRecord, type DispatchBrief, type DispatchRecord } from './schema';
import type { Dispatch } from './types';

/**
 * Canonical id `<host>:<numeric id>` from an article URL: the one rule of src/core/extract/url.ts
 * (the extractor gives articles the same id), so `vietnamplus.vn/…` and `www.vietnamplus.vn/…`,
 * `/<slug>/<ID>.vnp` and `/<slug>-post<ID>.vnp` are one dispatch. Null when the URL is not an
 * article of a known VNA site.
 */
export const canonicalIdFromUrl = canonicalId;

/** The id a dispatch is stored under: Article.id, else derived from the URL, else the URL. */
export function dispatchId(article: Pick<Article, 'id' | 'url'>): string {
  if (article.id && article.id.trim()) return article.id.trim();
  const fromUrl = canonicalIdFromUrl(article.url);
  if (fromUrl) return fromUrl;
  if (article.url) return `url:${article.url}`;
  throw new TypeError('Cannot save an article without an id or a URL');
}

/** Search words of a text: folded, at least 2 characters, no stopwords, deduplicated. */
export function indexWords(...texts: (string | null | undefined)[]): string[] {
  const set = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    for (const w of searchWords(t)) if (w.length >= 2 && !STOPWORDS.has(w)) set.add(w);
  }
  return [...set];
}

function articleText(a: Article): string[] {
  return [a.title, a.lead ?? '', ...(a.body ?? []), ...(a.captions ?? [])];
}

/**
 * `body` as the extractor builds it: the text of every block that is not a photo, in order
 * (core/extract/assemble.ts). Null when the blocks cannot give it (none, or malformed).
 */
function bodyOfBlocks(blocks: unknown): string[] | null {
  if (!Array.isArray(blocks) || !blocks.length) return null;
  const out: string[] = [];
  for (const b of blocks as Block[]) {
    if (!b || typeof b !== 'object') return null;
    if (b.kind === 'img') continue;
    if (typeof b.text !== 'string') return null;
    out.push(b.text);
  }
  return out;
}

const sameList = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);

/**
 * The article as stored (issue 17, bytes per dispatch): without `body` when it is exactly the
 * flat view of `blocks`, as it is for every extracted article (the two held every paragraph
 * twice, about a third of a dispatch's bytes on disk); `packed` says so, and the record
 * carries it as `bodyPacked`. An article whose body differs (an import, an older extractor,
 * a record of an old schema with no body at all) is kept as it is.
 */
export function packArticle(a: Article): { article: Article; packed: boolean } {
  if (!Array.isArray(a.body)) return { article: a, packed: false };
  const derived = bodyOfBlocks(a.blocks);
  if (!derived || !sameList(derived, a.body)) return { article: a, packed: false };
  const { body: _b, ...rest } = a;
  return { article: rest as Article, packed: true };
}

/** The whole article of a stored record: packArticle's inverse (an unpacked one as it is). */
export function wholeArticle(r: Pick<DispatchRecord, 'article' | 'bodyPacked'>): Article {
  return r.bodyPacked ? { ...r.article, body: bodyOfBlocks(r.article.blocks) ?? [] } : r.article;
}

/** Unique entity keys, in the article's order. */
export function entityKeysOf(entities: Entity[]): string[] {
  return [...new Set(entities.map((e) => e.key).filter((k) => typeof k === 'string' && k))];
}

export interface UserFields {
  savedAt: number;
  updatedAt: number;
  userTags: string[];
  note: string;
}

/**
 * Search words of a dispatch: title, lead, body, captions, entity names and aliases, tags and
 * note. Since v10 no store keeps them as text (the record held a copy until v5, the brief until
 * v10): the word shards are their one persisted form, and a write that must take a dispatch's
 * old words out of the shards recomputes them from the stored record (recordWords), so this
 * function and indexWords must not change without a step that rebuilds the word index.
 */
export function dispatchWords(d: Pick<Dispatch, 'article' | 'entities' | 'userTags' | 'note'>): string[] {
  const names = d.entities.flatMap((e) => [e.name, ...(e.aliases ?? [])]);
  return indexWords(...articleText(d.article), ...names, ...d.userTags, d.note);
}

/**
 * The article as stored: without `entities` (they live beside it, in Dispatch.entities; an
 * older save could carry them twice). Returns the entities to keep: the given ones, or the
 * article's own when none were given.
 */
/** The search words of a stored record (or a public Dispatch) as the word index holds them. */
export function recordWords(r: Dispatch | DispatchRecord): string {
  const whole = 'bodyPacked' in r && r.bodyPacked ? { ...r, article: wholeArticle(r) } : r;
  return dispatchWords(whole).join(' ');
}

export function splitEntities(article: Article, entities: Entity[]): { article: Article; entities: Entity[] } {
  if (!('entities' in article)) return { article, entities };
  const { entities: inner, ...rest } = article;
  return { article: rest, entities: entities.length || !Array.isArray(inner) ? entities : inner };
}

/** Full stored record: user fields as given, everything else derived from article/entities. */
export function buildRecord(fullArticle: Article, givenEntities: Entity[], user: UserFields, id = dispatchId(fullArticle)): DispatchRecord {
  const { article: whole, entities } = splitEntities(fullArticle, givenEntities);
  const { article, packed } = packArticle(whole);
  return {
    ...(packed ? { bodyPacked: true as const } : {}),
    id,
    article,
    entities,
    savedAt: user.savedAt,
    updatedAt: user.updatedAt,
    userTags: user.userTags,
    note: user.note,
    site: article.site || hostOf(article.url),
    published: article.published ?? null,
    entityKeys: entityKeysOf(entities),
    schemaVersion: RECORD_VERSION,
    publishedKey: article.published ?? '',
  };
}

const ordOf = (r: Dispatch | DispatchRecord): number | undefined => (r as Partial<DispatchRecord>).ord;

export function buildBrief(stored: Dispatch | DispatchRecord): BriefRecord {
  const r = 'bodyPacked' in stored && stored.bodyPacked ? { ...stored, article: wholeArticle(stored) } : stored;
  const names = new Map<string, string>();
  const aliases = new Map<string, string[]>();
  for (const e of r.entities) {
    if (names.has(e.key)) continue;
    names.set(e.key, e.name);
    aliases.set(e.key, (e.aliases ?? []).filter((x) => typeof x === 'string' && x && x !== e.name).slice(0, 8));
  }
  return {
    id: r.id,
    title: r.article.title,
    url: r.article.url,
    site: r.site,
    published: r.published,
    savedAt: r.savedAt,
    entityKeys: r.entityKeys,
    entityNames: r.entityKeys.map((k) => names.get(k) ?? k),
    titleWords: indexWords(r.article.title).join(' '),
    terms: topTerms(articleText(r.article).join('\n')).join(' '),
    userTags: r.userTags,
    entityAliases: r.entityKeys.map((k) => aliases.get(k) ?? []),
    ...(Number.isInteger(ordOf(r)) ? { o: ordOf(r) } : {}),
  };
}

/**
 * The reader's tags, cleaned: trimmed, inner spaces collapsed, one per case-insensitive name
 * (the first spelling wins, or the one the archive already uses when `known` gives it).
 */
export function cleanTags(tags: readonly string[], known?: (lower: string) => string | undefined): string[] {
  const out = new Map<string, string>();
  for (const raw of tags) {
    const t = String(raw).replace(/\s+/g, ' ').trim();
    if (!t) continue;
    const k = tagKey(t);
    if (!out.has(k)) out.set(k, known?.(k) ?? t);
  }
  return [...out.values()];
}

/** The case-insensitive identity of a tag. */
export const tagKey = (t: string): string => t.replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');

/** The public part of a stored brief. */
export function toBrief(b: DispatchBrief): DispatchBrief {
  return { id: b.id, title: b.title, url: b.url, site: b.site, published: b.published, savedAt: b.savedAt, entityKeys: b.entityKeys };
}

/** The v4 card of a dispatch, from its brief (whose terms are computed once per write). */
export function buildCard(b: BriefRecord, ord: number): CardRecord {
  return { o: ord, id: b.id, title: b.title, url: b.url, site: b.site, published: b.published, savedAt: b.savedAt, entityKeys: b.entityKeys, terms: b.terms };
}

/**
 * The public Dispatch view of a stored record: drops the store-only fields, and the `words`
 * a record written before v4 may still carry.
 */
export function toDispatch(r: DispatchRecord): Dispatch {
  const { publishedKey: _p, ord: _o, words: _w, bodyPacked: _b, ...d } = r as DispatchRecord & { words?: unknown };
  return r.bodyPacked ? { ...d, article: wholeArticle(r) } : d;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
