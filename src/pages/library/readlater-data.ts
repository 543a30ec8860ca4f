// The library's read-later queries: the dispatches in one reading state (unread / read /
// archived) under the same search, site, entity, date and sort as the main list, paged here
// from the in-memory briefs (no full record is read for the filtering), and Markdown export of
// a whole filtered selection.
import type { Dispatch, ReadingStateName } from '../../store';
import { highlightsOf, readingMap, tagKey } from '../../store';
import { dispatchToMarkdown, markdownFileName } from '../../core/format/markdown-notes';
import { zipFiles } from '../../core/format/markdown-zip';
import { t } from '../../shared/i18n';
import { allMatching, archive, dateField, PAGE_SIZE, type Page, type Query } from './data';

interface Row { id: string; site: string; savedAt: number; published: string | null }

const DAY = 86_400_000;

function inRange(q: Query, r: Row): boolean {
  if (!q.from && !q.to) return true;
  if (dateField(q.sort) === 'savedAt') {
    const from = q.from ? new Date(`${q.from}T00:00:00`).getTime() : -Infinity;
    const to = q.to ? new Date(`${q.to}T00:00:00`).getTime() + DAY - 1 : Infinity;
    return r.savedAt >= from && r.savedAt <= to;
  }
  const d = (r.published ?? '').slice(0, 10);
  return !!d && (!q.from || d >= q.from) && (!q.to || d <= q.to);
}

/** Ids matching the query and the reading state, in the query's order. */
export async function stateIds(q: Query, state: ReadingStateName): Promise<string[]> {
  const states = await readingMap(archive);
  const inState = (id: string) => (states.get(id)?.state ?? 'unread') === state;
  const mem = await archive.index();
  let rows: Row[];
  // This view holds the in-memory index already: its search gives every hit without a card read each.
  if (q.q.trim()) rows = await archive.searchInMemory(q.q, { limit: 1_000_000 });
  else rows = [...mem.all()].map((d) => d.brief);
  let entityIds: Set<string> | null = null;
  if (q.entity) entityIds = new Set((await archive.byEntity(q.entity)).map((b) => b.id));
  // The reader's tag (case-insensitive), from the brief the in-memory index holds.
  const tag = q.tag ? tagKey(q.tag) : null;
  const tagged = (id: string) => !tag || (mem.doc(id)?.brief.userTags ?? []).some((x) => tagKey(x) === tag);
  rows = rows.filter((r) => inState(r.id) && (!q.site || r.site === q.site) && (!entityIds || entityIds.has(r.id)) && tagged(r.id) && inRange(q, r));
  if (q.sort !== 'relevance' || !q.q.trim()) {
    const field = q.sort === 'relevance' ? 'published' : dateField(q.sort);
    const sign = q.direction === 'asc' ? 1 : -1;
    const key = (r: Row) => (field === 'savedAt' ? r.savedAt : r.published ?? '');
    rows = [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return sign * (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
  }
  return rows.map((r) => r.id);
}

export async function runStateQuery(q: Query, state: ReadingStateName): Promise<Page> {
  const ids = await stateIds(q, state);
  const page = ids.slice(q.page * PAGE_SIZE, (q.page + 1) * PAGE_SIZE);
  const rows = (await Promise.all(page.map((id) => archive.get(id)))).filter((d): d is Dispatch => !!d);
  return { rows, total: ids.length };
}

/** Every dispatch of the current selection (all pages), for the Markdown export. */
export async function selectionOf(q: Query, state: ReadingStateName | ''): Promise<Dispatch[]> {
  if (state) {
    const ids = await stateIds(q, state);
    return (await Promise.all(ids.map((id) => archive.get(id)))).filter((d): d is Dispatch => !!d);
  }
  return allMatching(q);
}

/** The selection as Markdown: one .md file for one dispatch, a ZIP of notes for several. */
export async function markdownOf(list: Dispatch[]): Promise<{ name: string; blob: Blob }> {
  const states = await readingMap(archive);
  const files = [];
  for (const d of list) {
    const text = dispatchToMarkdown(d, await highlightsOf(archive, d.id), { highlightsHeading: t('rlHighlights'), readingState: states.get(d.id)?.state ?? 'unread' });
    files.push({ name: markdownFileName(d), text });
  }
  if (files.length === 1) return { name: files[0].name, blob: new Blob([files[0].text], { type: 'text/markdown' }) };
  const day = new Date().toISOString().slice(0, 10);
  return { name: `vna-reader-notes-${day}.zip`, blob: new Blob([zipFiles(files) as BlobPart], { type: 'application/zip' }) };
}

export { downloadBlob } from '../../shared/download';
