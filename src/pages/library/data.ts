// The library's queries over the local archive (the store, opened in the extension origin).
// Without a search text, the store pages the list itself (index order, offset/limit; the
// first screen is a bounded cursor read while the in-memory index is cold). With one, the
// store's ranked search gives the matching ids, filtered and paged here.
import { importArchive, openArchive, type Dispatch, type ImportCounts, type ImportProgress, type SortField } from '../../store';
import type { EntityType } from '../../core/types';
import { keyType } from '../../core/entity-types';
import { formatDate as formatSharedDate } from '../../shared/format';
import { toBackground } from '../../shared/rpc';
import { written } from '../../shared/page-writes';
import { splitReadLater } from '../../store/export-readlater';

export const archive = openArchive();
export const PAGE_SIZE = 50;

export type SortKey = 'savedAt' | 'published' | 'relevance';

export interface Query {
  q: string;
  site: string;
  entity: string;
  /** A reader's tag (case-insensitive). */
  tag: string;
  /** `YYYY-MM-DD` bounds on the date the list is ordered by (published for relevance). */
  from: string;
  to: string;
  sort: SortKey;
  direction: 'asc' | 'desc';
  page: number;
}

const SORTS: SortKey[] = ['savedAt', 'published', 'relevance'];

/**
 * The query as URL parameters (only what differs from the defaults), so that back, reload
 * and a bookmark bring the reader back to the same search, filters, sort and page.
 */
export function queryToParams(q: Query): URLSearchParams {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.site) p.set('site', q.site);
  if (q.entity) p.set('ent', q.entity);
  if (q.tag) p.set('tag', q.tag);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.sort !== (q.q.trim() ? 'relevance' : 'savedAt')) p.set('sort', q.sort);
  if (q.direction !== 'desc') p.set('dir', q.direction);
  if (q.page > 0) p.set('page', String(q.page + 1));
  return p;
}

export function queryFromParams(p: URLSearchParams): Query {
  const q = p.get('q') ?? '';
  const sort = p.get('sort') as SortKey | null;
  const page = Number(p.get('page'));
  const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
  return {
    q,
    site: p.get('site') ?? '',
    entity: p.get('ent') ?? '',
    tag: p.get('tag') ?? '',
    from: date(p.get('from')),
    to: date(p.get('to')),
    sort: sort && SORTS.includes(sort) ? sort : q.trim() ? 'relevance' : 'savedAt',
    direction: p.get('dir') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
  };
}

export interface Page {
  rows: Dispatch[];
  total: number;
  /** The folded search terms (to mark them in the snippets). */
  matched?: string[];
}

const DAY = 86_400_000;

/** The date field the range applies to for a sort. */
export function dateField(sort: SortKey): SortField {
  return sort === 'savedAt' ? 'savedAt' : 'published';
}

function bounds(q: Query): { from?: number | string; to?: number | string } {
  const field = dateField(q.sort);
  if (field === 'savedAt') {
    // Days in Hanoi, as the list shows them (src/shared/format.ts), not in the machine's zone.
    return {
      from: q.from ? Date.parse(`${q.from}T00:00:00+07:00`) : undefined,
      to: q.to ? Date.parse(`${q.to}T00:00:00+07:00`) + DAY - 1 : undefined,
    };
  }
  return { from: q.from || undefined, to: q.to || undefined };
}

export async function runQuery(q: Query, size = PAGE_SIZE): Promise<Page> {
  const offset = q.page * size;
  if (!q.q.trim()) {
    const sort: SortField = q.sort === 'relevance' ? 'published' : q.sort;
    const res = await archive.list({
      offset, limit: size, sort, direction: q.direction,
      site: q.site || undefined, entityKey: q.entity || undefined, tag: q.tag || undefined, ...bounds(q),
    });
    return { rows: res.items, total: res.total };
  }
  // The store filters, orders and pages every hit from its persisted word index (issue 17:
  // no in-memory index for a search, at any archive size); only a tag filter still lists the
  // tag's dispatches from the in-memory index (the store keeps no persisted tag postings).
  const ids = q.tag ? (await archive.list({ tag: q.tag, limit: 1_000_000 })).items.map((d) => d.id) : undefined;
  const res = await archive.searchPage(q.q, {
    offset, limit: size, sort: q.sort, direction: q.direction,
    site: q.site || undefined, entityKey: q.entity || undefined, ids, ...bounds(q),
  });
  const rows = (await Promise.all(res.hits.map((h) => archive.get(h.id)))).filter((d): d is Dispatch => !!d);
  return { rows, total: res.total, matched: res.matched };
}

/**
 * Every dispatch the query selects, in its order (citing a filtered selection): one query for
 * all of them (page by page, a search would rank every hit once per page).
 */
export async function allMatching(q: Query): Promise<Dispatch[]> {
  return (await runQuery({ ...q, page: 0 }, Number.MAX_SAFE_INTEGER)).rows;
}

/** Every site present in the archive (from the archive's summary: one read at any size). */
export const listSites = (): Promise<string[]> => archive.sites();

export interface EntitySuggestion {
  key: string;
  type: EntityType;
  name: string;
  /** Dispatches mentioning it. */
  count: number;
}

/**
 * Entities matching the typed text by any word of their name or of an alias (acronym),
 * diacritic-insensitively (`asean`, `Nations Unies`, `unies`), from the in-memory index.
 */
export async function suggestEntities(text: string, max = 12): Promise<EntitySuggestion[]> {
  // A key of no known type (an archive from a later version) is not offered rather than mislabelled.
  return (await archive.suggestEntities(text, max)).flatMap((s) => {
    const type = keyType(s.key);
    return type ? [{ ...s, type }] : [];
  });
}

/** The entity's name as written in one dispatch that mentions it. */
export async function entityName(key: string): Promise<string | null> {
  const db = await archive.db();
  const rec = await db.getFromIndex('dispatches', 'entityKeys', key);
  return rec?.entities.find((e) => e.key === key)?.name ?? null;
}

export function readerUrl(id: string): string {
  return `../reader/index.html?id=${encodeURIComponent(id)}`;
}

export function entityUrl(key: string): string {
  return `./index.html?entity=${encodeURIComponent(key)}`;
}

/** The shared formatter's date (Hanoi time, UI language); '—' when there is none. */
export function formatDate(iso: string | null | number, locale?: string): string {
  return formatSharedDate(iso, 'medium', locale) || '—';
}

export { formatBytes } from '../../shared/format';

/** Every write goes through the background (the archive's one writer), which announces it. */
const write = written;

export const removeDispatch = (id: string) => write(toBackground({ type: 'bg/unsave', id }) as Promise<{ ok: boolean; error?: string }>);
export const undoRemove = (id: string) => write(toBackground({ type: 'bg/undoRemove', id }));
export const saveTags = async (id: string, tags: string[]) => (await write(toBackground({ type: 'bg/setTags', id, tags }))).dispatch;
export const saveNote = async (id: string, note: string) => (await write(toBackground({ type: 'bg/setNote', id, note }))).dispatch;

let importing = 0;
/**
 * While this page imports, the change signal of each batch is not worth a list refresh (it
 * would compete with the import for the page's time); the page refreshes once at the end.
 */
export const isImporting = (): boolean => importing > 0;

/** Validate the file here, then write it through the background in batches, with progress. */
export async function importFile(f: File, onProgress: (p: ImportProgress) => void): Promise<ImportCounts> {
  importing++;
  try {
    return await importBatches(f, onProgress);
  } finally {
    importing--;
  }
}

function importBatches(f: File, onProgress: (p: ImportProgress) => void): Promise<ImportCounts> {
  return importArchive(archive, f, {
    onProgress,
    writeBatch: async (batch) => {
      const r = await write(toBackground({ type: 'bg/importBatch', dispatches: batch }));
      return { added: r.added, updated: r.updated, skipped: r.skipped };
    },
    writeReadLater: async (rl) => {
      for (const part of splitReadLater(rl)) await write(toBackground({ type: 'bg/importReadLater', part }));
    },
  });
}
