// The extension pages' extension API: webextension-polyfill (the product's fixed stack), which
// gives Chromium's callback-era corners the same promise shape as Firefox's `browser.*`. Imported
// first by every page entry, so every module of the page talks through it. The popup, the
// service worker and the content script do not load it: their start-up is what a reader waits
// for (issue 17), and both browsers' MV3 APIs already return promises there (src/shared/webext.ts).
import browser from 'webextension-polyfill';
import { provideExtensionApi } from '../shared/webext';

provideExtensionApi(browser);
