// The two steps every archive bench repeats in the built extension: stop its service worker
// (a cold sample: the next message wakes a fresh worker) and open an extension page with the
// store bundle evaluated in it (CDP evaluation is not bound by the page's CSP).
import type { CDPSession, Page } from 'playwright-core';
import { extUrl, type Ext } from '../../test/e2e/harness';

export async function stopWorkers(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable').catch(() => {});
  await cdp.send('ServiceWorker.stopAllWorkers');
  await new Promise((r) => setTimeout(r, 150));
}

export async function storePage(ext: Ext, script: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(extUrl(ext, 'src/pages/options/index.html'));
  // tsx's keepNames wraps inner functions of evaluated callbacks in __name(); define it.
  await page.evaluate('globalThis.__name = globalThis.__name || ((f) => f);');
  await page.evaluate(script);
  return page;
}
