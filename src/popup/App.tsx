// The toolbar popup: what the reader sees for the tab it was opened on. The article (from the
// content script's cache) renders first; the archive state (saved, related) fills in after, so
// entities show as fast as the tab can answer. Every failure becomes a friendly state.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Entity } from '../core/types';
import type { ArticleState } from '../shared/messages';
import type { RelatedDispatch } from '../store/types';
import { toBackground, toTab } from '../shared/rpc';
import { onArchiveChange } from '../store/changes';
import { t } from '../shared/i18n';
import { isEmbedded, isVnaTab, targetTabId } from './active-tab';
import { Header } from './components/Header';
import { EntityList } from './components/EntityList';
import { EntityDispatches } from './components/EntityDispatches';
import { RelatedList } from './components/RelatedList';
import { Actions } from './components/Actions';
import { NotArticle } from './components/NotArticle';
import { RevisionNotice } from './components/RevisionNotice';

type View =
  | { kind: 'loading' }
  | { kind: 'none'; hint: 'none' | 'reload' }
  | { kind: 'article'; state: ArticleState; tabId: number };

/** Closes the real popup after an action that opens something else; a popup opened as a page
 *  for a given tab (tests, start script) stays. */
function done(): void {
  if (!isEmbedded()) window.close();
}

const openLibrary = () => toBackground({ type: 'bg/openLibrary' }).then(done, () => {});

/**
 * The archive questions of the first view, asked as soon as the tab answers (issue 17): the
 * worker (often stopped, MV3) wakes and reads the archive while this page renders the
 * entities, instead of after the first paint. Used once, by the first ArticleView.
 */
let early: { id: string; related: Promise<RelatedDispatch[]>; saved: Promise<{ saved: boolean }> } | null = null;

async function loadView(): Promise<View> {
  const tabId = await targetTabId();
  if (tabId === null) return { kind: 'none', hint: 'none' };
  const ask = () => toTab(tabId, { type: 'content/getArticle' }).catch(() => null);
  let state = await ask();
  // No answer on a VNA page: the content script may still be starting (the page has just
  // loaded), so ask again for a moment before concluding it was opened before the extension.
  const vna = !state && (await isVnaTab(tabId));
  for (let i = 0; vna && !state && i < 15; i++) {
    await new Promise((r) => setTimeout(r, 100));
    state = await ask();
  }
  if (state && state.ok) {
    const { article, entities } = state;
    early = { id: article.id, related: toBackground({ type: 'bg/related', article, entities, k: 10, tabId }), saved: toBackground({ type: 'bg/isSaved', id: article.id }) };
    early.related.catch(() => {});
    early.saved.catch(() => {});
    return { kind: 'article', state, tabId };
  }
  return { kind: 'none', hint: !state && vna ? 'reload' : 'none' };
}

// Asked as soon as the module runs, not after the first paint (Preact runs effects a frame
// later): the tab's answer is what the reader waits for.
const firstView: Promise<View> = loadView().catch(() => ({ kind: 'none', hint: 'none' }));

export function App() {
  const [view, setView] = useState<View>({ kind: 'loading' });
  useLayoutEffect(() => {
    firstView.then(setView);
  }, []);

  if (view.kind === 'loading') return <p class="muted loading" data-testid="loading" aria-busy="true">{t('loading')}</p>;
  if (view.kind === 'none') return <NotArticle hint={view.hint} onLibrary={openLibrary} />;
  return <ArticleView state={view.state} tabId={view.tabId} />;
}

function ArticleView({ state, tabId }: { state: ArticleState; tabId: number }) {
  const { article, entities } = state;
  const [saved, setSaved] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [related, setRelated] = useState<RelatedDispatch[] | null>(null);
  const [relatedFailed, setRelatedFailed] = useState(false);
  const [active, setActive] = useState<Entity | null>(null);
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  /** After an unsave: the undo offer (the dispatch is in the trash with its tags and note). */
  const [undoable, setUndoable] = useState(false);

  const first = early && early.id === article.id ? early : null;
  early = null;
  const loadRelated = (asked = toBackground({ type: 'bg/related', article, entities, k: 10, tabId })) =>
    asked
      .then((list) => { setRelated(Array.isArray(list) ? list : []); setRelatedFailed(false); })
      .catch(() => setRelatedFailed(true));

  // Read by bench/popup.ts: when the entities were first in the DOM, and when that frame was
  // painted (the task after the next animation frame runs once the frame is produced), both
  // from navigation start.
  useLayoutEffect(() => {
    performance.mark('vna:entities-rendered');
    requestAnimationFrame(() => setTimeout(() => performance.mark('vna:entities-painted'), 0));
  }, []);
  const loadSaved = (asked = toBackground({ type: 'bg/isSaved', id: article.id })) => asked.then((r) => setSaved(!!r?.saved), () => setSaved(false));
  useEffect(() => {
    loadSaved(first?.saved);
    loadRelated(first?.related);
    // Another context changed the archive (library delete, undo, import, a shortcut save):
    // the saved state and the related list follow it while the popup is open.
    return onArchiveChange((c) => {
      if (c.ids.includes(article.id)) loadSaved();
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
      <Header article={article} />
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
