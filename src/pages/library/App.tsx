import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Dispatch, StoreStats } from '../../store';
import { t, uiLocale } from '../../shared/i18n';
import { errorText } from '../../shared/error-text';
import { onArchiveChange, touchesDispatches } from '../../store/changes';
import { READLATER_CHANGED } from './components/RowReadLater';
import { allMatching, archive, isImporting, listSites, queryFromParams, queryToParams, removeDispatch, runQuery, saveNote, saveTags, undoRemove, type Page, type Query } from './data';
import { SearchBar } from './components/SearchBar';
import { Filters } from './components/Filters';
import { SortSelect } from './components/SortSelect';
import { DispatchList } from './components/DispatchList';
import { UndoToast } from './components/UndoToast';
import { ImportExport } from './components/ImportExport';
import { StorageUsage } from './components/StorageUsage';
import { EntityView } from './components/EntityView';
// Read-later: reading state filter, continue reading, photos kept offline, highlights, Markdown.
import type { ReadingStateName } from '../../store';
import { runStateQuery } from './readlater-data';
import { ReadingFilter } from './components/ReadingFilter';
import { ContinueReading } from './components/ContinueReading';
import { PhotoStorage } from './components/PhotoStorage';
import { MarkdownExport } from './components/MarkdownExport';
import { HighlightsView } from './components/HighlightsView';
import { EmptyLibrary } from './components/EmptyLibrary';
import { CiteMenu } from './components/CiteMenu';
import { plural } from '../../shared/format';
import { TagBar } from './components/TagBar';
import { TrashView } from './components/TrashView';

const UNDO_MS = 10_000;

const locale = uiLocale;

export function App() {
  const params = new URLSearchParams(location.search);
  const entityKey = params.get('entity');
  if (params.get('view') === 'highlights') return <main class="lib"><HighlightsView locale={locale()} /></main>;
  if (entityKey) {
    document.title = `${t('libEntityTitle')} — VNA Reader`;
    return <main class="lib"><EntityView entityKey={entityKey} locale={locale()} /></main>;
  }
  if (params.get('view') === 'trash') {
    document.title = `${t('libTrash')} — VNA Reader`;
    return <main class="lib"><TrashView locale={locale()} /></main>;
  }
  return <Library />;
}

/** The library's place (search, filters, sort, page) lives in the URL: back, reload and bookmarks keep it. */
function urlQuery(): Query {
  return queryFromParams(new URLSearchParams(location.search));
}

function Library() {
  const [query, setQuery] = useState<Query>(urlQuery);
  const [page, setPage] = useState<Page>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [stats, setStats] = useState<StoreStats | null>(null);
  const [tags, setTags] = useState<{ tag: string; count: number }[]>([]);
  const [undo, setUndo] = useState<Dispatch | null>(null);
  const [revision, setRevision] = useState(0);
  /** Bumped by reading-state changes: "continue reading" follows them. */
  const [readingRevision, setReadingRevision] = useState(0);
  const [readState, setReadState] = useState<ReadingStateName | ''>('');
  const undoTimer = useRef<number | undefined>(undefined);
  /** After an undo, focus goes back to the restored row once it is listed again. */
  const focusRow = useRef<string | null>(null);
  const seq = useRef(0);
  const lang = locale();

  useEffect(() => { document.title = `${t('libraryTitle')} — VNA Reader`; });

  // Back/forward between library states (the reader page and back lands here too, by reload).
  useEffect(() => {
    const onPop = () => setQuery(urlQuery());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // Every archive change (from this page, the popup, a shortcut, another tab) arrives once.
  // A reading state (a reader page in another tab) changes the rows' states and "continue
  // reading", and the list itself only when it is filtered by state; a highlight none of these.
  const readStateRef = useRef(readState);
  readStateRef.current = readState;
  useEffect(() => onArchiveChange((c) => {
    if (isImporting()) return;
    if (touchesDispatches(c) || (c.kind === 'reading' && readStateRef.current)) setRevision((r) => r + 1);
    if (c.kind === 'reading') {
      setReadingRevision((r) => r + 1);
      dispatchEvent(new CustomEvent(READLATER_CHANGED, { detail: { ids: c.ids } }));
    }
  }), []);

  // `/` focuses the search box, as on most sites with a search.
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const el = ev.target as HTMLElement | null;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      ev.preventDefault();
      document.querySelector<HTMLInputElement>('[data-testid=search]')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    (readState ? runStateQuery(query, readState) : runQuery(query))
      .then((p) => { if (mine === seq.current) { setPage(p); setError(null); } })
      .catch((e) => { if (mine === seq.current) setError(errorText(e)); })
      .finally(() => { if (mine === seq.current) setLoading(false); });
  }, [query, revision, readState]);

  useEffect(() => {
    listSites().then(setSites).catch(() => {});
    archive.stats().then(setStats).catch(() => {});
    archive.tags().then(setTags).catch(() => {});
  }, [revision]);

  const change = useCallback((p: Partial<Query>) => {
    setQuery((q) => {
      const next = { ...q, ...p, page: p.page ?? 0 };
      // Relevance only means something with a search text; a new search defaults to it.
      if (p.q !== undefined) {
        if (!p.q.trim() && next.sort === 'relevance') { next.sort = 'savedAt'; next.direction = 'desc'; }
        else if (p.q.trim() && !q.q.trim()) { next.sort = 'relevance'; next.direction = 'desc'; }
      }
      const search = queryToParams(next).toString();
      const url = `${location.pathname}${search ? `?${search}` : ''}`;
      // Typing refines one place (replace); a filter, sort or page is a step back can undo (push).
      if (p.q !== undefined && Object.keys(p).length === 1) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
      return next;
    });
  }, []);

  const fail = (e: unknown) => setError(errorText(e));

  const onDelete = async (d: Dispatch) => {
    try {
      await removeDispatch(d.id);
      setUndo(d);
      window.clearTimeout(undoTimer.current);
      undoTimer.current = window.setTimeout(() => setUndo(null), UNDO_MS);
    } catch (e) {
      fail(e);
    }
  };
  const onUndo = async () => {
    if (!undo) return;
    window.clearTimeout(undoTimer.current);
    const d = undo;
    setUndo(null);
    focusRow.current = d.id;
    try { await undoRemove(d.id); } catch (e) { focusRow.current = null; fail(e); }
  };
  useEffect(() => {
    const id = focusRow.current;
    if (!id || !page.rows.some((r) => r.id === id)) return;
    focusRow.current = null;
    document.querySelector<HTMLElement>(`[data-testid=dispatch-row][data-id="${CSS.escape(id)}"] [data-testid=dispatch-title]`)?.focus();
  }, [page]);
  const replaceRow = (d: Dispatch) => setPage((p) => ({ ...p, rows: p.rows.map((r) => (r.id === d.id ? d : r)) }));
  const onTags = async (id: string, list: string[]) => { replaceRow(await saveTags(id, list)); };
  const onNote = async (id: string, note: string) => { replaceRow(await saveNote(id, note)); };

  return (
    <main class="lib" data-testid="library">
      <header class="lib-header">
        <h1>{t('libraryTitle')}</h1>
        <StorageUsage stats={stats} />
        <a class="lib-small" href="./index.html?view=trash" data-testid="trash-link">{t('libTrash')}</a>
      </header>
      <PhotoStorage revision={revision} onChanged={() => setRevision((r) => r + 1)} />
      <ContinueReading revision={revision + readingRevision} />
      <div class="lib-controls">
        <SearchBar value={query.q} onSearch={(q) => change({ q })} />
        <SortSelect query={query} onChange={change} />
      </div>
      <Filters query={query} sites={sites} onChange={change} />
      <TagBar tags={tags} current={query.tag} onTag={(tag) => change({ tag })} />
      <div class="lib-readlater-bar">
        <ReadingFilter value={readState} onChange={(v) => { setReadState(v); change({}); }} />
        <MarkdownExport query={query} state={readState} />
        <a href="./index.html?view=highlights" data-testid="open-highlights">{t('rlHighlightsView')}</a>
      </div>
      <ImportExport onImported={() => setRevision((r) => r + 1)} />
      {page.total > 0 && <CiteMenu testid="cite-selection" label={plural('citeSelection', page.total)} load={() => allMatching(query)} />}
      {error && <p class="lib-error" role="alert" data-testid="lib-error">{error}</p>}
      {stats?.dispatches === 0 && <EmptyLibrary />}
      <DispatchList
        rows={page.rows} total={page.total} page={query.page} locale={lang} loading={loading} matched={page.matched ?? []}
        onPage={(p) => { change({ page: p }); window.scrollTo(0, 0); }}
        onDelete={onDelete} onTags={onTags} onNote={onNote}
        onEntity={(key) => change({ entity: key })}
        onTag={(tag) => change({ tag })}
      />
      {undo && <UndoToast title={undo.article.title} onUndo={onUndo} onDismiss={() => setUndo(null)} />}
    </main>
  );
}
