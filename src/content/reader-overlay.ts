// The reader view over a live page. Isolation choice: a CLOSED shadow root on a host element
// appended to <html>, rather than an extension iframe, because
//  - no extension page needs to be web-accessible: a site cannot frame our pages, and they
//    keep their CSP `frame-ancestors 'none'` (only the content script's JS chunks are
//    web-accessible, to VNA pages, because crxjs loads it as an ES module);
//  - the article is rendered synchronously from the content script's cached extraction (no
//    second channel for a page to spoof), with the same renderer as the reader page;
//  - the browser's own Print (Ctrl+P) prints the clean article (an iframe prints one screen).
// The page's scripts cannot reach into a closed root (host.shadowRoot is null to them) and its
// CSS cannot cross it (`:host{all:initial}`; the host's own box is pinned with !important rules).
// Nothing is built from page HTML: see src/reader/render.ts.
// Closing removes the single host node (its <style> child included, which locked the page's
// scroll), restores the scroll position and gives focus back: the page is as it was.
import type { ArticleState } from '../shared/messages';
import { initI18n, t } from '../shared/i18n';
import { toBackground } from '../shared/rpc';
import { createReaderView, type ReaderView } from '../reader/view';
import { OVERLAY_PAGE_CSS, OVERLAY_SHADOW_CSS, READER_CSS } from '../reader/styles';
import { DEFAULTS, loadSettings, onSettingsChanged, type ReaderSettings } from '../reader/settings';
import { attachReadLater, type OverlayReadLater } from './overlay-readlater';

export const HOST_TAG = 'vna-reader-view';

interface OpenState {
  host: HTMLElement;
  view: ReaderView;
  prevFocus: Element | null;
  scrollX: number;
  scrollY: number;
  cleanup: (() => void)[];
}

let current: OpenState | null = null;
let lastSettings: ReaderSettings = { ...DEFAULTS };
let settingsWatched = false;

let shortcut = '';

/**
 * Keeps the last stored settings at hand so the first frame already has the reader's theme,
 * and loads the reader's UI language choice (an open view re-renders when it arrives).
 */
function watchSettings(): void {
  if (settingsWatched) return;
  settingsWatched = true;
  initI18n().catch(() => {});
  toBackground({ type: 'bg/shortcuts' }).then((s) => {
    shortcut = s?.toggleReader ?? '';
    current?.view.setToggleShortcut(shortcut);
  }).catch(() => {});
  loadSettings().then((s) => (lastSettings = s)).catch(() => {});
  onSettingsChanged((s) => (lastSettings = s));
}

export function isReaderOpen(): boolean {
  return current !== null;
}

/** Opens (open=true), closes (false) or toggles (undefined); returns whether it is open. */
export function toggleReader(state: ArticleState, open?: boolean): boolean {
  const want = open ?? !current;
  try {
    if (want && !current) openReader(state);
    else if (!want && current) closeReader();
  } catch {
    // Never break the page: on failure, leave it exactly as it was.
    if (current) closeReader();
  }
  return current !== null;
}

function openReader(state: ArticleState): void {
  watchSettings();
  const doc = document;
  const prevFocus = doc.activeElement;
  const scrollX = window.scrollX;
  const scrollY = window.scrollY;

  const { host, shadow } = makeHost(doc);
  host.setAttribute('data-vna-reader', '');
  // The light-DOM <style> is not rendered (the host has a shadow root) but applies to the
  // page: it locks the page's scroll and keeps print to the reader. It leaves with the host.
  const pageStyle = doc.createElement('style');
  pageStyle.textContent = OVERLAY_PAGE_CSS;
  host.appendChild(pageStyle);

  const style = doc.createElement('style');
  style.textContent = READER_CSS + OVERLAY_SHADOW_CSS;
  shadow.appendChild(style);

  let readLater: OverlayReadLater | null = null;
  const view = createReaderView({
    doc,
    article: state.article,
    onRender: (article) => readLater?.apply(article),
    entities: state.entities,
    t,
    initial: lastSettings,
    toggleShortcut: shortcut,
    role: 'dialog',
    onClose: () => closeReader(),
    onEntity: (key) => {
      toBackground({ type: 'bg/openLibrary', entity: key }).catch(() => {});
    },
  });
  shadow.appendChild(view.root);
  // Highlights and notes, and the photos kept offline (read-later).
  readLater = attachReadLater(view, state);

  const cleanup: (() => void)[] = [() => readLater?.destroy()];
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape') {
      ev.stopPropagation();
      closeReader();
    }
  };
  // Inside the reader (events from the closed root) and on the page (focus may be outside).
  shadow.addEventListener('keydown', onKey as EventListener);
  window.addEventListener('keydown', onKey, true);
  cleanup.push(() => window.removeEventListener('keydown', onKey, true));
  // The popup's entity selection (dispatched by highlight.ts in this same content script).
  const onHighlight = (ev: Event) => {
    const key = (ev as CustomEvent).detail?.key;
    view.setFocusKey(typeof key === 'string' && state.entities.some((e) => e.key === key) ? key : null);
  };
  doc.addEventListener('vna-reader:highlight', onHighlight);
  cleanup.push(() => doc.removeEventListener('vna-reader:highlight', onHighlight));

  doc.documentElement.appendChild(host);
  current = { host, view, prevFocus, scrollX, scrollY, cleanup };
  view.root.focus({ preventScroll: true });
}

/**
 * The host and its closed shadow root. A page can squat our element name
 * (`customElements.define('vna-reader-view', …)` whose constructor attaches its own shadow
 * root, or disables shadow roots): then a plain <div> hosts the reader, and the squatted
 * element is never connected, so none of the page's callbacks run for it.
 */
function makeHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  try {
    const host = doc.createElement(HOST_TAG);
    return { host, shadow: host.attachShadow({ mode: 'closed' }) };
  } catch {
    const host = doc.createElement('div');
    return { host, shadow: host.attachShadow({ mode: 'closed' }) };
  }
}

function closeReader(): void {
  const s = current;
  if (!s) return;
  current = null;
  for (const fn of s.cleanup) {
    try { fn(); } catch { /* keep closing */ }
  }
  s.view.destroy();
  s.host.remove();
  if (window.scrollX !== s.scrollX || window.scrollY !== s.scrollY) window.scrollTo(s.scrollX, s.scrollY);
  const prev = s.prevFocus;
  if (prev instanceof HTMLElement && prev.isConnected && prev !== document.body) prev.focus({ preventScroll: true });
  else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}
