// Reader extension page: `?id=<dispatch id>` renders a saved dispatch from the local archive,
// fully offline (the article text is in IndexedDB; only remote images need the network).
import { openArchive } from '../../store';
import { applyDocumentLang, initI18n, onLanguageChange, t } from '../../shared/i18n';
import { createReaderView } from '../../reader/view';
import { errorText } from '../../shared/error-text';
import { READER_CSS } from '../../reader/styles';
import type { Highlighter } from '../../reader/highlights';
import { followReading, localPhotos, pageHighlighter, stateControls } from './readlater';

const PAGE_CSS = `html,body{margin:0;padding:0}.vr-root{min-height:100vh}`;

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
  const state = stateControls(archive, dispatch, t, () => hl);
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
