// The popup's first paint (issue 17): only what it needs. It asks the tab's content script for
// its cached article at once, and reads beside it what the badge computed for the tab (related
// list, saved state: ../shared/tab-answer.ts); only when that is missing or out of date does it
// ask the worker, as soon as the tab answered. It paints the entities (and whatever of the
// archive state it already has) in plain DOM (./first-paint.ts), and only then hands over to
// the Preact view (./view.ts loads ./App.tsx) that takes over; a worker answer that comes
// before the view is painted in that frame too. No framework, no webextension-polyfill and no
// site table before the first paint.
//
// A classic script, not a module (vite.config.ts popupBoot bundles it alone, as one file): the
// browser runs it as soon as the page is parsed, where a module entry first waits for its
// chunks to be fetched and linked (measured: the tab's request left ~7 ms after the do-nothing
// stand-in's, whose one classic script is what this page now does too).
import type { Early, View } from './App';
import { entityTypeCss } from '../core/entity-types';
import { applyDocumentLang, initI18n, setTableLoader, t } from '../shared/i18n';
import { BOOT_KEY, type Boot, type Handover } from './handover';
import { formatDate, formatNumber, plural } from '../shared/format';
import { toBackground, toTab } from '../shared/rpc';
import type { ContentResponse } from '../shared/messages';
import { isVnaTab, namedTabId, targetTabId } from './active-tab';
import { readTabAnswer } from '../shared/tab-answer';
import { firstFrame, relatedBlock, saveButton } from './first-paint';

// The first statement of the popup's code: the tab's request leaves before anything else runs.
const firstAnswer = askFirst();
// Read by bench/popup.ts (with the tab's answer below): where the popup's own time goes.
performance.mark('vna:boot');

/** Whether the Preact view has replaced the first frame (it then shows the worker's answers itself). */
let mounted = false;

/** Resolves once the frame with the entities is painted (only then is the worker asked). */
let paintedNow: () => void = () => {};
const entitiesPainted = new Promise<void>((resolve) => { paintedNow = resolve; });

const root = document.getElementById('app')!;

type TabState = ContentResponse['content/getArticle'] | null;
// Function declarations: askFirst() runs above them, as the module's first statement.
function ask(tabId: number): Promise<TabState> {
  return toTab(tabId, { type: 'content/getArticle' }).catch(() => null);
}

interface FirstAnswer { tabId: number; state: TabState; stored: ReturnType<typeof readTabAnswer> }

/**
 * The tab's first answer, asked before anything else of this module runs (issue 17: measured,
 * the language set-up, the localStorage hint and the type colours before it delayed the request
 * by 1-10 ms under load), and, right after it, what the badge already computed for this tab.
 * With `?tab=<id>` the request leaves synchronously; the real popup asks for its active tab first.
 */
function askFirst(): Promise<FirstAnswer | null> {
  const named = namedTabId();
  const start = (tabId: number): Promise<FirstAnswer> => {
    const state = ask(tabId);
    const stored = readTabAnswer(tabId);
    return state.then((s) => {
      performance.mark('vna:tab-answered');
      return { tabId, state: s, stored };
    });
  };
  return named !== null ? start(named) : targetTabId().then((id) => (id === null ? null : start(id)));
}

async function loadView(first: Promise<FirstAnswer | null>): Promise<{ view: View; early: Early | null }> {
  const got = await first;
  if (!got) return { view: { kind: 'none', hint: 'none' }, early: null };
  const { tabId, stored } = got;
  let { state } = got;
  // No answer on a VNA page: the content script may still be starting (the page has just
  // loaded), so ask again for a moment before concluding it was opened before the extension.
  const vna = !state && (await isVnaTab(tabId));
  let waited = false;
  for (let i = 0; vna && !state && i < 15; i++) {
    await new Promise((r) => setTimeout(r, 100));
    state = await ask(tabId);
    waited = true;
  }
  if (state && state.ok) {
    const { article, entities } = state;
    // After waiting for the content script, read it again: the archive may have changed since.
    const known = (waited ? readTabAnswer(tabId) : stored).then((a) => (a && a.id === article.id ? a : null));
    // The badge's answer for this article at the archive's current revision, else the worker's,
    // asked once the entities are painted: the worker, often stopped in MV3, wakes and reads the
    // archive on the same two cores as this page (issue 17: asked before the paint, on a tab the
    // badge had not answered yet, it delayed the entities' frame), and then works while this
    // page loads the view.
    const worker = <R>(ask: () => Promise<R>): Promise<R> => entitiesPainted.then(ask);
    const early: Early = {
      id: article.id,
      related: known.then((a) => (a ? a.related : worker(() => toBackground({ type: 'bg/related', article, entities, k: 10, tabId })))),
      saved: known.then((a) => (a ? { saved: a.saved } : worker(() => toBackground({ type: 'bg/isSaved', id: article.id })))),
      now: {},
    };
    // An answer that comes before the view is loaded is painted at once in the first frame.
    early.related.then((l) => { early.now.related = Array.isArray(l) ? l : []; }, () => { early.now.relatedFailed = true; }).then(() => {
      if (!mounted) root.querySelector('[data-testid=related-list]')?.replaceWith(relatedBlock(early.now.related ?? null, !!early.now.relatedFailed));
    });
    early.saved.then((r) => { early.now.saved = !!r?.saved; }, () => {}).then(() => {
      if (!mounted && early.now.saved !== undefined) root.querySelector('[data-testid=save]')?.replaceWith(saveButton(early.now.saved));
    });
    return { view: { kind: 'article', state, tabId }, early };
  }
  return { view: { kind: 'none', hint: !state && vna ? 'reload' : 'none' }, early: null };
}

// Then the language choice (one synchronous read when the reader follows the browser's
// language) while the tab answers: the tab's answer is what the reader waits for. A chosen
// language's file is the packaged one (_locales/), fetched: this script carries no copy.
const asked = loadView(firstAnswer).catch((): { view: View; early: Early | null } => ({ view: { kind: 'none', hint: 'none' }, early: null }));
setTableLoader(async (lang) => {
  const res = await fetch(`/_locales/${lang}/messages.json`);
  if (!res.ok) throw new Error(`_locales/${lang}: ${res.status}`);
  return res.json();
});
const lang = initI18n().catch(() => {});

// The type colours come from the one table of entity types, not from a copy in the stylesheet.
const typeStyle = document.createElement('style');
typeStyle.textContent = entityTypeCss();
document.head.appendChild(typeStyle);

lang.then(() => {
  applyDocumentLang();
  // The Intl objects the first frame formats with (the date, the numbers, the mention counts'
  // plural), made now, while the tab's answer is on its way, rather than after it (each costs
  // 0.1-0.6 ms to construct; shared/format.ts keeps them for the page).
  formatDate(Date.now());
  formatNumber(1);
  plural('mentionsCount', 1);
  // While the tab has not answered (a content script still starting): the localised waiting state.
  const waiting = root.querySelector('[data-testid=loading]');
  if (waiting) {
    waiting.className = 'muted loading';
    waiting.setAttribute('aria-busy', 'true');
    waiting.textContent = t('loading');
  }
});

/**
 * What the reader does on the first frame before the view takes over (from the moment it is
 * in the DOM): the last click and the element focused, by test id (and entity key), replayed
 * on the view's own element once it has replaced the frame.
 */
function watchFirstFrame(): (view: View, early: Early | null) => void {
  let clicked: string | null = null;
  const selectorOf = (e: Element | null): string | null => {
    const hit = e?.closest('[data-testid]');
    if (!hit || !root.contains(hit)) return null;
    const by = (a: string) => (hit.hasAttribute(a) ? `[${a}="${CSS.escape(hit.getAttribute(a)!)}"]` : '');
    return `[data-testid="${hit.getAttribute('data-testid')}"]${by('data-key')}${by('data-id')}`;
  };
  const onClick = (ev: Event) => { clicked = selectorOf(ev.target as Element); };
  root.addEventListener('click', onClick);
  return (view, early) => handedOver({
    view,
    early,
    takeOver(mount) {
      root.removeEventListener('click', onClick);
      const focused = selectorOf(document.activeElement);
      mount(root, view, early);
      mounted = true;
      if (focused) root.querySelector<HTMLElement>(focused)?.focus();
      if (clicked) root.querySelector<HTMLElement>(clicked)?.click();
    },
  });
}

/** What ./view.ts waits for: the view and what the first frame knows, once that frame is painted. */
let handedOver: (h: Handover) => void = () => {};
(globalThis as { [BOOT_KEY]?: Boot })[BOOT_KEY] = { handover: new Promise<Handover>((resolve) => { handedOver = resolve; }) };

/**
 * The view's module, named by the built page (vite.config.ts popupBoot moves it out of the page,
 * so that nothing else is fetched before this script runs), imported once the first frame is
 * painted; in the dev server the page still loads it itself.
 */
const viewModule = (document.currentScript as HTMLScriptElement | null)?.dataset.view ?? null;
function loadViewModule(): void {
  if (viewModule) import(/* @vite-ignore */ viewModule).catch((e: unknown) => console.error('popup: the view did not load', e));
}

Promise.all([asked, lang]).then(([{ view, early }]) => {
  const handOver = watchFirstFrame();
  if (view.kind === 'article') {
    root.replaceChildren(firstFrame(view.state, early?.now));
    // Read by bench/popup.ts: when the entities were first in the DOM, and when that frame was
    // painted (the task after the next animation frame runs once the frame is produced), both
    // from navigation start.
    performance.mark('vna:entities-rendered');
    // The view's modules are asked for once that frame is painted: loading them earlier
    // delays it (measured: 1.4x the stand-in instead of 1.15x in bench:popup).
    requestAnimationFrame(() => setTimeout(() => {
      performance.mark('vna:entities-painted');
      paintedNow();
      handOver(view, early);
      loadViewModule();
    }, 0));
  } else {
    handOver(view, early);
    loadViewModule();
  }
});
