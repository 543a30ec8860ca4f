import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Dispatch, StoreStats } from '../../store';
import { t, uiLocale } from '../../shared/i18n';
import { errorText } from '../../shared/error-text';
import { allMatching, archive, EMPTY_QUERY, listSites, runQuery, type Page, type Query } from './data';
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
  return <Library initialQ={params.get('q') ?? ''} />;
}

function Library({ initialQ }: { initialQ: string }) {
  const [query, setQuery] = useState<Query>({ ...EMPTY_QUERY, q: initialQ, sort: initialQ ? 'relevance' : 'savedAt' });
  const [page, setPage] = useState<Page>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [stats, setStats] = useState<StoreStats | null>(null);
  const [undo, setUndo] = useState<Dispatch | null>(null);
  const [revision, setRevision] = useState(0);
  const [readState, setReadState] = useState<ReadingStateName | ''>('');
  const undoTimer = useRef<number | undefined>(undefined);
  const seq = useRef(0);
  const lang = locale();

  useEffect(() => { document.title = `${t('libraryTitle')} — VNA Reader`; });

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
  }, [revision]);

  const change = useCallback((p: Partial<Query>) => {
    setQuery((q) => {
      const next = { ...q, ...p, page: p.page ?? 0 };
      // Relevance only means something with a search text; a new search defaults to it.
      if (p.q !== undefined) {
        if (!p.q.trim() && next.sort === 'relevance') { next.sort = 'savedAt'; next.direction = 'desc'; }
        else if (p.q.trim() && !q.q.trim()) { next.sort = 'relevance'; next.direction = 'desc'; }
      }
      return next;
    });
  }, []);

  const refresh = () => setRevision((r) => r + 1);

  const onDelete = async (d: Dispatch) => {
    try {
      const removed = await archive.remove(d.id);
      if (!removed) return;
      setUndo(removed);
      window.clearTimeout(undoTimer.current);
      undoTimer.current = window.setTimeout(() => setUndo(null), UNDO_MS);
      refresh();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const onUndo = async () => {
    if (!undo) return;
    window.clearTimeout(undoTimer.current);
    const d = undo;
    setUndo(null);
    try { await archive.restore(d); } catch (e) { setError(errorText(e)); }
    refresh();
  };
  const replaceRow = (d: Dispatch) => setPage((p) => ({ ...p, rows: p.rows.map((r) => (r.id === d.id ? d : r)) }));
  const onTags = async (id: string, tags: string[]) => { replaceRow(await archive.setUserTags(id, tags)); };
  const onNote = async (id: string, note: string) => { replaceRow(await archive.setNote(id, note)); };

  return (
    <main class="lib" data-testid="library">
      <header class="lib-header">
        <h1>{t('libraryTitle')}</h1>
        <StorageUsage stats={stats} />
      </header>
      <PhotoStorage revision={revision} onChanged={refresh} />
      <ContinueReading revision={revision} />
      <div class="lib-controls">
        <SearchBar value={query.q} onSearch={(q) => change({ q })} />
        <SortSelect query={query} onChange={change} />
      </div>
      <Filters query={query} sites={sites} onChange={change} />
      <div class="lib-readlater-bar">
        <ReadingFilter value={readState} onChange={(v) => { setReadState(v); change({}); }} />
        <MarkdownExport query={query} state={readState} />
        <a href="./index.html?view=highlights" data-testid="open-highlights">{t('rlHighlightsView')}</a>
      </div>
      <ImportExport onImported={refresh} />
      {page.total > 0 && <CiteMenu testid="cite-selection" label={plural('citeSelection', page.total)} load={() => allMatching(query)} />}
      {error && <p class="lib-error" role="alert" data-testid="lib-error">{error}</p>}
      {stats?.dispatches === 0 && <EmptyLibrary />}
      <DispatchList
        rows={page.rows} total={page.total} page={query.page} locale={lang} loading={loading}
        onPage={(p) => { change({ page: p }); window.scrollTo(0, 0); }}
        onDelete={onDelete} onTags={onTags} onNote={onNote}
        onEntity={(key) => change({ entity: key })}
      />
      {undo && <UndoToast title={undo.article.title} onUndo={onUndo} onDismiss={() => setUndo(null)} />}
    </main>
  );
}
