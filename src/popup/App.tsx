// The toolbar popup's view for the tab it was opened on, loaded by ./main.ts once it has the
// tab's answer and has painted the first frame (./first-paint.ts). The article came from the
// content script's cache; the archive state (saved, related), already asked by ./main.ts,
// fills in here. Every failure becomes a friendly state.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Entity } from '../core/types';
import type { ArticleState, RelatedRow } from '../shared/messages';
import { toBackground, toTab } from '../shared/rpc';
import { onArchiveChange, touchesDispatches } from '../store/changes';
import { applyDocumentLang, onLanguageChange, t } from '../shared/i18n';
import { isEmbedded } from './active-tab';
import { Header } from './components/Header';
import { EntityList } from './components/EntityList';
import { EntityDispatches } from './components/EntityDispatches';
import { RelatedList } from './components/RelatedList';
import { Actions } from './components/Actions';
import { NotArticle } from './components/NotArticle';
import { RevisionNotice } from './components/RevisionNotice';

// When the view's modules ran (bench/popup.ts, the e2e test of the first paint): after the
// first frame was painted, never before.
performance.mark('vna:view-loaded');

export type View =
  | { kind: 'none'; hint: 'none' | 'reload' }
  | { kind: 'article'; state: ArticleState; tabId: number };

/** The archive questions of the first view, asked by ./main.ts as soon as the tab answered. */
export interface Early {
  id: string;
  related: Promise<RelatedRow[]>;
  saved: Promise<{ saved: boolean }>;
  /** The answers that arrived before this module was loaded: the view starts with them (no empty frame). */
  now: { related?: RelatedRow[]; relatedFailed?: boolean; saved?: boolean };
}

/** Closes the real popup after an action that opens something else; a popup opened as a page
 *  for a given tab (tests, start script) stays. */
function done(): void {
  if (!isEmbedded()) window.close();
}

const openLibrary = () => toBackground({ type: 'bg/openLibrary' }).then(done, () => {});

/** Used once, by the first ArticleView. */
let early: Early | null = null;

function App({ view }: { view: View }) {
  if (view.kind === 'none') return <NotArticle hint={view.hint} onLibrary={openLibrary} />;
  return <ArticleView state={view.state} tabId={view.tabId} />;
}

/**
 * Renders the view into `root`, replacing the first frame in the same task (no frame between).
 * A later language change (settings page) re-renders the same tree, state kept, in the new language.
 */
export function mountPopup(root: HTMLElement, view: View, asked: Early | null): void {
  early = asked;
  const paint = () => {
    applyDocumentLang();
    render(<App view={view} />, root);
  };
  root.textContent = '';
  paint();
  // Says the view has taken over from the first frame (whose elements are gone now): what a test
  // that holds on to an element waits for.
  root.dataset.view = 'ready';
  onLanguageChange(paint);
}

function ArticleView({ state, tabId }: { state: ArticleState; tabId: number }) {
  const { article, entities } = state;
  const first = early && early.id === article.id ? early : null;
  early = null;
  const [saved, setSaved] = useState<boolean | null>(first?.now.saved ?? null);
  const [busy, setBusy] = useState(false);
  const [related, setRelated] = useState<RelatedRow[] | null>(first?.now.related ?? null);
  const [relatedFailed, setRelatedFailed] = useState(first?.now.relatedFailed ?? false);
  const [active, setActive] = useState<Entity | null>(null);
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  /** After an unsave: the undo offer (the dispatch is in the trash with its tags and note). */
  const [undoable, setUndoable] = useState(false);

  const loadRelated = (asked = toBackground({ type: 'bg/related', article, entities, k: 10, tabId })) =>
    asked
      .then((list) => { setRelated(Array.isArray(list) ? list : []); setRelatedFailed(false); })
      .catch(() => setRelatedFailed(true));

  const loadSaved = (asked = toBackground({ type: 'bg/isSaved', id: article.id })) => asked.then((r) => setSaved(!!r?.saved), () => setSaved(false));
  useEffect(() => {
    loadSaved(first?.saved);
    loadRelated(first?.related);
    // Another context changed the archive (library delete, undo, import, a shortcut save):
    // the saved state and the related list follow it while the popup is open.
    return onArchiveChange((c) => {
      // A highlight or a reading position changes neither the saved state nor a related list.
      if (!touchesDispatches(c)) return;
      if (c.kind === 'forget' || c.ids.includes(article.id)) loadSaved();
      loadRelated();
    });
  }, [article.id]);

  const undoRemove = async () => {
    setBusy(true);
    try {
      const r = await toBackground({ type: 'bg/undoRemove', id: article.id });
      if (!r.ok) return setNotice(r.error || t('errorSave'));
      setSaved(true);
      setUndoable(false);
      setNotice(t('popupRestored'));
    } catch {
      setNotice(t('errorSave'));
    } finally {
      setBusy(false);
    }
  };

  const toggleSave = async () => {
    setBusy(true);
    setNotice('');
    setUndoable(false);
    try {
      if (saved) {
        const r = await toBackground({ type: 'bg/unsave', id: article.id });
        if (r?.ok === false && r.error) throw new Error(r.error);
        setSaved(false);
        setUndoable(true);
        setNotice(t('popupRemoved'));
      } else {
        // No answer at all: the service worker was stopped in the middle of the save. The
        // archive writes all or nothing, so nothing is half-saved; the reader can try again.
        const r = await toBackground({ type: 'bg/save', article, entities, tabId }).catch(() => null);
        if (!r) return setNotice(t('errorSaveInterrupted'));
        // The archive's own message (e.g. storage full) is written to be shown as it is.
        if (!r.ok) return setNotice(r.error || t('errorSave'));
        setSaved(true);
        if (r.restored) setNotice(t('noticeRestored'));
      }
    } catch {
      setNotice(t('errorSave'));
    } finally {
      setBusy(false);
    }
  };

  const toggleEntity = (e: Entity) => {
    const next = active?.key === e.key ? null : e;
    setActive(next);
    setHighlighted(null);
    toTab(tabId, { type: 'content/highlight', key: next?.key ?? null })
      .then((r) => setHighlighted(next ? r?.count ?? 0 : null), () => setHighlighted(next ? 0 : null));
  };

  const openReader = () => toTab(tabId, { type: 'content/toggleReader' }).then(done, () => setNotice(t('errorGeneric')));
  const openSaved = (id: string) => toBackground({ type: 'bg/openReader', id }).then(done, () => setNotice(t('errorArchive')));

  return (
    <main data-testid="article">
      <Header article={article} label={state.siteLabel} />
      <Actions saved={saved} busy={busy} onSave={toggleSave} onReader={openReader} onLibrary={openLibrary} />
      <p class={undoable ? 'notice info' : 'notice'} role="status" data-testid="notice" hidden={!notice}>
        {notice}
        {undoable && <> <button type="button" class="small-btn" data-testid="undo-unsave" disabled={busy} onClick={undoRemove}>{t('libUndo')}</button></>}
      </p>
      <RevisionNotice id={article.id} saved={saved} />
      {/* Related first: with many entities it would otherwise sit far below the fold. */}
      <RelatedList related={related} failed={relatedFailed} onOpen={openSaved} />
      <section aria-labelledby="entities-title">
        <h2 id="entities-title">{t('entities')}</h2>
        <EntityList entities={entities} activeKey={active?.key ?? null} onToggle={toggleEntity}
          panel={active && <EntityDispatches entity={active} currentId={article.id} highlighted={highlighted} onOpen={openSaved} onDone={done} />} />
      </section>
    </main>
  );
}
