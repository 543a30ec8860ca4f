// The short in-page notice after a save by keyboard shortcut or context menu (issue 13): the
// popup is closed then, so without it the reader cannot tell whether anything happened. It
// lives in its own CLOSED shadow root on a host appended to <html> (page CSS and scripts
// cannot reach or hide it), is a polite live region (screen readers announce it without
// moving focus), never takes focus, and leaves after a few seconds or on its close button.
// Text only, from _locales; the failure detail is our own message, set as textContent.
import type { SaveNoticeKind } from '../shared/messages';
import { t } from '../shared/i18n';

const NOTICE_TAG = 'vna-reader-notice';
const SHOW_MS = 5000;

const CSS = `
:host{all:initial!important;display:block!important;position:fixed!important;right:16px!important;bottom:16px!important;left:auto!important;top:auto!important;
  z-index:2147483647!important;visibility:visible!important;opacity:1!important;pointer-events:auto!important;max-width:min(360px,calc(100vw - 32px))!important}
.box{display:flex;gap:10px;align-items:center;font:14px/1.4 system-ui,-apple-system,"Segoe UI","Noto Sans",sans-serif;
  background:#1b1b1b;color:#fff;border-radius:8px;padding:10px 12px;box-shadow:0 4px 16px #0006;border-left:4px solid #1e7b34}
.box[data-kind=failed]{border-left-color:#ff8a80}
button{font:inherit;background:transparent;color:#fff;border:1px solid #fff8;border-radius:6px;padding:0 8px;cursor:pointer}
button:focus-visible{outline:2px solid #fff;outline-offset:2px}
@media (prefers-reduced-motion:no-preference){.box{animation:in .15s ease-out}@keyframes in{from{transform:translateY(8px);opacity:0}}}
`;

let current: { host: HTMLElement; timer: ReturnType<typeof setTimeout> } | null = null;

function text(kind: SaveNoticeKind, detail?: string): string {
  switch (kind) {
    case 'saved': return t('noticeSaved');
    case 'restored': return t('noticeRestored');
    case 'updated': return t('noticeUpdated');
    case 'failed': return detail ? `${t('noticeFailed')} ${detail}` : t('noticeFailed');
  }
}

function hide(): void {
  if (!current) return;
  clearTimeout(current.timer);
  current.host.remove();
  current = null;
}

/** Our element, or a plain <div> when the page squats the name (as the reader overlay does). */
function makeHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  try {
    const host = doc.createElement(NOTICE_TAG);
    return { host, shadow: host.attachShadow({ mode: 'closed' }) };
  } catch {
    const host = doc.createElement('div');
    return { host, shadow: host.attachShadow({ mode: 'closed' }) };
  }
}

/** Shows (or replaces) the notice; returns whether it is in the page. */
export function showSaveNotice(kind: SaveNoticeKind, detail?: string): boolean {
  try {
    hide();
    const doc = document;
    const { host, shadow } = makeHost(doc);
    const style = doc.createElement('style');
    style.textContent = CSS;
    const box = doc.createElement('div');
    box.className = 'box';
    box.setAttribute('role', kind === 'failed' ? 'alert' : 'status');
    box.setAttribute('aria-live', kind === 'failed' ? 'assertive' : 'polite');
    box.setAttribute('data-kind', kind);
    box.setAttribute('data-testid', 'save-notice');
    const msg = doc.createElement('span');
    msg.textContent = text(kind, detail);
    const close = doc.createElement('button');
    close.type = 'button';
    close.textContent = '✕';
    close.setAttribute('aria-label', t('noticeClose'));
    close.addEventListener('click', hide);
    box.append(msg, close);
    shadow.append(style, box);
    doc.documentElement.appendChild(host);
    current = { host, timer: setTimeout(hide, kind === 'failed' ? SHOW_MS * 2 : SHOW_MS) };
    return true;
  } catch {
    return false; // never break the page
  }
}
