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
// The reader sits in the browser's top layer: a <dialog> inside the closed root, shown modally,
// so no z-index of the page can cover it and the page under it is inert. A page's own
// top-layer element opened later (dialog.showModal(), a popover, fullscreen) would stack above
// it, so the reader is raised again whenever one opens. Only trusted events (a real key press)
// close it: a page's synthetic Escape does nothing. The page hears nothing from us: the
// popup's entity choice reaches the overlay through setReaderFocus(), never a DOM event.
// Closing removes the single host node (its <style> child included, which locked the page's
// scroll), restores the scroll position and gives focus back: the page is as it was.
import type { ArticleState } from '../shared/messages';
import { initI18n, t } from '../shared/i18n';
import { toBackground } from '../shared/rpc';
import { createReaderView, type ReaderView } from '../reader/view';
import { OVERLAY_PAGE_CSS, OVERLAY_SHADOW_CSS, READER_CSS } from '../reader/styles';
import { DEFAULTS, loadSettings, onSettingsChanged, type ReaderSettings } from '../reader/settings';
import { attachReadLater, type OverlayReadLater } from './overlay-readlater';

const HOST_TAG = 'vna-reader-view';

/** The dialog fills the viewport and shows nothing of its own: the reader root is the view. */
const DIALOG_CSS = `
dialog.vr-dialog{position:fixed;inset:0;width:100%;height:100%;max-width:none;max-height:none;margin:0;padding:0;border:0;
  background:transparent;color:inherit;overflow:hidden;outline:none}
dialog.vr-dialog::backdrop{background:transparent}
@media print{dialog.vr-dialog{position:static;height:auto;overflow:visible}}
`;

interface OpenState {
  host: HTMLElement;
  dialog: HTMLDialogElement | null;
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
  style.textContent = READER_CSS + OVERLAY_SHADOW_CSS + DIALOG_CSS;
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
  // The top layer where the browser has it; otherwise the pinned fixed host alone.
  const dialog = typeof doc.createElement('dialog').showModal === 'function' ? doc.createElement('dialog') : null;
  if (dialog) {
    dialog.className = 'vr-dialog';
    dialog.setAttribute('aria-label', state.article.title || t('readerView'));
    dialog.appendChild(view.root);
    shadow.appendChild(dialog);
  } else {
    shadow.appendChild(view.root);
  }
  // Highlights and notes, and the photos kept offline (read-later).
  readLater = attachReadLater(view, state);

  const cleanup: (() => void)[] = [() => readLater?.destroy()];
  const onKey = (ev: KeyboardEvent) => {
    // A page can dispatch a KeyboardEvent of its own; only the reader's key press counts.
    if (!ev.isTrusted || ev.key !== 'Escape') return;
    ev.stopPropagation();
    ev.preventDefault();
    closeReader();
  };
  // Inside the reader (events from the closed root) and on the page (focus may be outside).
  shadow.addEventListener('keydown', onKey as EventListener);
  window.addEventListener('keydown', onKey, true);
  cleanup.push(() => window.removeEventListener('keydown', onKey, true));

  doc.documentElement.appendChild(host);
  current = { host, dialog, view, prevFocus, scrollX, scrollY, cleanup };
  if (dialog) {
    // Escape on a modal dialog is a `cancel` (trusted, from the browser): close the reader
    // rather than leave an empty host. A `close` we did not ask for means the same.
    dialog.addEventListener('cancel', (ev) => {
      ev.preventDefault();
      if (ev.isTrusted) closeReader();
    });
    // `close` is dispatched a task later: after raise() the dialog is open again by then.
    dialog.addEventListener('close', () => {
      if (current?.dialog === dialog && !dialog.open) closeReader();
    });
    raise(dialog);
    watchTopLayer(doc, dialog, cleanup);
  }
  view.root.focus({ preventScroll: true });
}

/** Puts our dialog on top of the top layer (the last element shown modally is the topmost). */
function raise(dialog: HTMLDialogElement): void {
  // Closing hides the scroller for a moment, which can reset where the reader was.
  const scroller = dialog.firstElementChild;
  const top = scroller instanceof HTMLElement ? scroller.scrollTop : 0;
  try {
    if (dialog.open) dialog.close();
    dialog.showModal();
    if (scroller instanceof HTMLElement && scroller.scrollTop !== top) scroller.scrollTop = top;
  } catch {
    // Not connected or not allowed: the pinned host still covers the page's own stacking.
  }
}

/**
 * Raises the reader again when the page opens a top-layer element of its own while the
 * reader is open: a modal dialog (its `open` attribute appears; a MutationObserver, which
 * the page cannot stop), a popover (a `toggle` event) or fullscreen.
 */
function watchTopLayer(doc: Document, dialog: HTMLDialogElement, cleanup: (() => void)[]): void {
  const again = () => {
    if (current?.dialog === dialog) raise(dialog);
  };
  const mo = new MutationObserver((records) => {
    if (records.some((r) => r.target instanceof HTMLDialogElement && r.target.open)) again();
  });
  mo.observe(doc.documentElement, { subtree: true, attributes: true, attributeFilter: ['open'] });
  const onToggle = (ev: Event) => {
    if ((ev as ToggleEvent).newState === 'open') again();
  };
  doc.addEventListener('toggle', onToggle, true);
  doc.addEventListener('fullscreenchange', again);
  cleanup.push(() => {
    mo.disconnect();
    doc.removeEventListener('toggle', onToggle, true);
    doc.removeEventListener('fullscreenchange', again);
  });
}

/** The popup's entity selection, handed over by the content router (no page-visible event). */
export function setReaderFocus(state: ArticleState, key: string | null): void {
  const s = current;
  if (!s) return;
  s.view.setFocusKey(typeof key === 'string' && state.entities.some((e) => e.key === key) ? key : null);
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
  if (s.dialog?.open) {
    try { s.dialog.close(); } catch { /* removed below anyway */ }
  }
  s.host.remove();
  if (window.scrollX !== s.scrollX || window.scrollY !== s.scrollY) window.scrollTo(s.scrollX, s.scrollY);
  const prev = s.prevFocus;
  if (prev instanceof HTMLElement && prev.isConnected && prev !== document.body) prev.focus({ preventScroll: true });
  else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}
