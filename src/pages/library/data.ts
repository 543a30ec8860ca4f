// The library's queries over the local archive (the store, opened in the extension origin).
// Without a search text, the store pages the list itself (index order, offset/limit). With
// one, the store's ranked search gives the matching ids, filtered and paged here.
import { openArchive, type Dispatch, type SortField } from '../../store';
import { fold } from '../../core/text/fold';
import type { EntityType } from '../../core/types';
import { formatDate as formatSharedDate } from '../../shared/format';

export const archive = openArchive();
export const PAGE_SIZE = 50;

export type SortKey = 'savedAt' | 'published' | 'relevance';

export interface Query {
  q: string;
  site: string;
  entity: string;
  /** `YYYY-MM-DD` bounds on the date the list is ordered by (published for relevance). */
  from: string;
  to: string;
  sort: SortKey;
  direction: 'asc' | 'desc';
  page: number;
}

export const EMPTY_QUERY: Query = { q: '', site: '', entity: '', from: '', to: '', sort: 'savedAt', direction: 'desc', page: 0 };

export interface Page {
  rows: Dispatch[];
  total: number;
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

export async function runQuery(q: Query): Promise<Page> {
  const offset = q.page * PAGE_SIZE;
  if (!q.q.trim()) {
    const sort: SortField = q.sort === 'relevance' ? 'published' : q.sort;
    const res = await archive.list({
      offset, limit: PAGE_SIZE, sort, direction: q.direction,
      site: q.site || undefined, entityKey: q.entity || undefined, ...bounds(q),
    });
    return { rows: res.items, total: res.total };
  }
  let hits = await archive.search(q.q, { limit: 1_000_000 });
  if (q.site) hits = hits.filter((h) => h.site === q.site);
  if (q.entity) {
    const ids = new Set((await archive.byEntity(q.entity)).map((b) => b.id));
    hits = hits.filter((h) => ids.has(h.id));
  }
  const field = dateField(q.sort);
  const { from, to } = bounds(q);
  if (from !== undefined || to !== undefined) {
    hits = hits.filter((h) => {
      const v = field === 'savedAt' ? h.savedAt : h.published;
      if (v === null || v === undefined) return false;
      if (from !== undefined && v < from) return false;
      if (to !== undefined && (typeof v === 'string' ? v.slice(0, 10) > String(to) : v > (to as number))) return false;
      return true;
    });
  }
  if (q.sort !== 'relevance') {
    const sign = q.direction === 'asc' ? 1 : -1;
    hits = [...hits].sort((a, b) => {
      const va = field === 'savedAt' ? a.savedAt : a.published ?? '';
      const vb = field === 'savedAt' ? b.savedAt : b.published ?? '';
      return va < vb ? -sign : va > vb ? sign : 0;
    });
  }
  const pageIds = hits.slice(offset, offset + PAGE_SIZE).map((h) => h.id);
  const rows = (await Promise.all(pageIds.map((id) => archive.get(id)))).filter((d): d is Dispatch => !!d);
  return { rows, total: hits.length };
}

/** Every dispatch the query selects, all pages, in its order (citing a filtered selection). */
export async function allMatching(q: Query): Promise<Dispatch[]> {
  const out: Dispatch[] = [];
  for (let page = 0; ; page++) {
    const p = await runQuery({ ...q, page });
    out.push(...p.rows);
    if (!p.rows.length || out.length >= p.total) return out;
  }
}

/** Every site present in the archive (unique keys of the site index). */
export async function listSites(): Promise<string[]> {
  const db = await archive.db();
  const out: string[] = [];
  let c = await db.transaction('dispatches').store.index('site').openKeyCursor(null, 'nextunique');
  while (c) {
    out.push(c.key as string);
    c = await c.continue();
  }
  return out;
}

export interface EntitySuggestion {
  key: string;
  type: EntityType;
  name: string;
}

const TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'EVENT', 'DATE'];

/** Entity keys starting with the folded text (per type), with a display name from a record. */
export async function suggestEntities(text: string, max = 12): Promise<EntitySuggestion[]> {
  const f = fold(text).replace(/^(le |la |les |l')/, '');
  if (f.length < 2) return [];
  const db = await archive.db();
  const tx = db.transaction('dispatches');
  const index = tx.store.index('entityKeys');
  const keys: string[] = [];
  for (const type of TYPES) {
    const lo = `${type}:${f}`;
    let c = await index.openKeyCursor(IDBKeyRange.bound(lo, `${lo}\uffff`), 'nextunique');
    let n = 0;
    while (c && n < max) {
      keys.push(c.key as string);
      n++;
      c = await c.continue();
    }
  }
  const picked = keys.slice(0, max);
  return Promise.all(picked.map(async (key) => ({ key, type: key.split(':')[0] as EntityType, name: (await entityName(key)) ?? key.slice(key.indexOf(':') + 1) })));
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
