// Content script entry: runs on every page of the VNA hosts (manifest matches), so it must cost
// next to nothing where there is nothing to read. It holds only the URL rules of the sites
// (projected from src/data/sites.json by the build) and a message listener; extraction,
// entities, highlighting and the reader overlay are in ./page, loaded by dynamic import()
// when the URL is an article (read at idle, for the badge) or when the popup or a command
// first asks something of this tab.
// It uses the browser's own messaging API rather than webextension-polyfill: the polyfill
// alone is more script than this whole entry. Both target browsers expose `chrome.runtime`
// with sendResponse, which is all an entry needs.
import { compileUrlRules, isArticleUrlOf, type RawUrlRules } from '../core/extract/url-rules';
import { loadedUrl } from './loaded-url';

declare const __VNA_URL_RULES__: RawUrlRules[];

type PageModule = typeof import('./page');
let page: Promise<PageModule> | null = null;
const loadPage = (): Promise<PageModule> => (page ??= import('./page'));

try {
  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !type.startsWith('content/')) return undefined;
    loadPage().then(
      // The router answers through sendResponse itself; a type it does not know gets nothing.
      (m) => { if (!m.route(message, sender, sendResponse)) sendResponse(undefined); },
      // The shape the senders (src/shared/rpc.ts) turn back into a rejected promise.
      (err) => sendResponse({ __mozWebExtensionPolyfillReject__: true, message: String((err as Error)?.message ?? err) }),
    );
    return true; // the answer comes asynchronously
  });
  if (import.meta.env.MODE === 'firefox-test') loadPage().then((m) => m.installTestHook()).catch(() => {});
  // The address the document was loaded from: the page may rewrite location.href.
  if (isArticleUrlOf(__VNA_URL_RULES__.map(compileUrlRules), loadedUrl())) {
    const report = () => loadPage().then((m) => m.reportArticle()).catch(() => {});
    // Off the critical path of the page's own scripts.
    if ('requestIdleCallback' in window) requestIdleCallback(report, { timeout: 1500 });
    else setTimeout(report, 200);
  }
} catch {
  // A content script must never break the page it runs on.
}
