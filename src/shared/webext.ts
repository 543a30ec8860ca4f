// The running browser's extension API, typed as webextension-polyfill declares it, without the
// polyfill's code (issue 17): its ~14 KB were fetched, compiled and run before every popup's
// first paint and every service-worker start. Both target browsers return promises in MV3:
// Firefox's `browser.*` natively, Chromium's `chrome.*` whenever no callback is passed.
// The one polyfill behaviour we relied on — an onMessage listener answering with a promise,
// a rejection reaching the sender as a rejected promise — is kept by rpc.ts (listener side:
// sendResponse with the polyfill's rejection shape; sender side: that shape thrown again).
import type Browser from 'webextension-polyfill';

export type { Browser };

const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };

/** `browser` where the browser has it (Firefox), else `chrome` (Chromium). Undefined outside an extension (unit tests). */
export let ext: typeof Browser = (g.browser?.runtime ? g.browser : g.chrome) as typeof Browser;

/**
 * The extension pages (library, reader, settings, welcome) run on webextension-polyfill, the
 * stack's cross-browser API (src/pages/polyfill.ts installs it before anything else runs): there
 * its load cost is off every measured path. The popup, the worker and the content script keep
 * the browser's own API above. A live binding, so modules that imported `ext` see the swap.
 */
export function provideExtensionApi(api: typeof Browser): void {
  ext = api;
}
