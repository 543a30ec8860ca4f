// Reader extension page: `?id=<dispatch id>` renders a saved dispatch from the local archive,
// fully offline (the article text is in IndexedDB; only remote images need the network).
import '../polyfill';
import { openArchive, readingOf, type Dispatch } from '../../store';
import { onArchiveChange } from '../../store/changes';
import { applyDocumentLang, initI18n, onLanguageChange, t } from '../../shared/i18n';
import { createReaderView } from '../../reader/view';
import { errorText } from '../../shared/error-text';
import { READER_CSS } from '../../reader/styles';
import type { Highlighter } from '../../reader/highlights';
import { followReading, localPhotos, pageHighlighter, stateControls } from './readlater';

const PAGE_CSS = `html,body{margin:0;padding:0}.vr-root{min-height:100vh}
.vr-user{max-width:var(--vr-width,68ch);margin:12px auto 0;padding:8px 12px;border:1px solid var(--vr-rule);border-radius:8px;font-size:.85em;color:var(--vr-fg)}
.vr-user[hidden]{display:none}.vr-user-tags{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 4px}
.vr-user-tag{border-radius:4px;padding:0 8px;background:var(--vr-accent);color:var(--vr-bg)}.vr-user-note{margin:0;white-space:pre-wrap;font-style:italic}`;

/**
 * The reader's own tags and note on the saved dispatch (issue 13), kept up to date: the
 * background announces every archive change, and an edit in the library shows here at once.
 */
function userBox(): { el: HTMLElement; update: (d: Dispatch | undefined) => void } {
  const el = document.createElement('aside');
  el.className = 'vr-user';
  el.setAttribute('data-testid', 'reader-user');
  el.setAttribute('aria-label', t('libTags'));
  const update = (d: Dispatch | undefined) => {
    const tags = d?.userTags ?? [];
    const note = d?.note ?? '';
    el.hidden = !tags.length && !note;
    const row = document.createElement('p');
    row.className = 'vr-user-tags';
    for (const tag of tags) {
      const s = document.createElement('span');
      s.className = 'vr-user-tag';
      s.setAttribute('data-testid', 'reader-tag');
      s.textContent = tag;
      row.appendChild(s);
    }
    const n = document.createElement('p');
    n.className = 'vr-user-note';
    n.setAttribute('data-testid', 'reader-note');
    n.textContent = note;
    el.replaceChildren(...(tags.length ? [row] : []), ...(note ? [n] : []));
  };
  return { el, update };
}

function style(): void {
  const s = document.createElement('style');
  s.textContent = READER_CSS + PAGE_CSS;
  document.head.appendChild(s);
}

function message(text: string, testid: string): void {
  const root = document.createElement('div');
  root.className = 'vr-root';
  const box = document.createElement('div');
  box.className = 'vr-message';
  box.setAttribute('data-testid', testid);
  box.setAttribute('role', 'alert');
  const p = document.createElement('p');
  p.textContent = text;
  const a = document.createElement('a');
  a.href = '../library/index.html';
  a.textContent = t('openLibrary');
  box.append(p, a);
  root.appendChild(box);
  document.getElementById('app')!.replaceChildren(root);
}

async function main(): Promise<void> {
  style();
  await initI18n();
  applyDocumentLang();
  onLanguageChange(() => applyDocumentLang());
  const id = new URLSearchParams(location.search).get('id');
  if (!id) return message(t('readerNoId'), 'reader-missing');
  let dispatch;
  const archive = openArchive();
  let photos = new Map<string, string>();
  try {
    dispatch = await archive.get(id);
    // Local copies of the photos kept offline: the page reads with the network cut.
    if (dispatch) photos = await localPhotos(archive, dispatch.id);
  } catch (e) {
    return message(`${t('readerLoadError')} ${errorText(e)}`, 'reader-error');
  }
  if (!dispatch) return message(t('readerNotFound'), 'reader-missing');
  const lib = document.createElement('a');
  lib.href = '../library/index.html';
  lib.textContent = t('libraryTitle');
  lib.setAttribute('data-testid', 'reader-library-link');
  onLanguageChange(() => { lib.textContent = t('libraryTitle'); });
  let hl: Highlighter | null = null;
  const state = stateControls(dispatch, t, () => hl);
  const view = createReaderView({
    doc: document,
    article: dispatch.article,
    entities: dispatch.entities,
    t,
    role: 'main',
    extra: [lib],
    photos,
    onRender: (article) => hl?.apply(article),
    onEntity: (key) => window.open(`../library/index.html?entity=${encodeURIComponent(key)}`, '_blank', 'noopener'),
  });
  document.title = `${dispatch.article.title} — VNA Reader`;
  const user = userBox();
  user.update(dispatch);
  const toolbar = view.root.querySelector('.vr-toolbar');
  if (toolbar) toolbar.after(user.el);
  else view.root.prepend(user.el);
  // Another tab (or the library) changed this dispatch, its highlights or its reading state.
  onArchiveChange((c) => {
    if (!c.ids.includes(id)) return;
    if (c.kind === 'highlight') void hl?.reload();
    else if (c.kind === 'reading') readingOf(archive, id).then(state.show, () => {});
    else archive.get(id).then(user.update, () => {});
  });
  document.getElementById('app')!.replaceChildren(view.root);
  // The reading state controls sit in their own bar under the toolbar (it stays one row).
  view.root.querySelector('[data-testid=reader-toolbar]')?.after(...state.elements);
  hl = pageHighlighter(archive, dispatch, view.root, t);
  hl.apply(view.root.querySelector<HTMLElement>('[data-testid=reader-article]')!);
  await Promise.all([view.ready, hl.ready]);
  await followReading(archive, dispatch, view, state.show).catch(() => {});
  document.body.setAttribute('data-ready', 'true');
}

main().catch((e) => message(errorText(e), 'reader-error'));
