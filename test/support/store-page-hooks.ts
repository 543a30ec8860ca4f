// One store page (the store bundled into a routed page, on-disk Chromium profile) per e2e file:
// opened before the file's tests, closed after; the tests reach it through `page`.
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { openStorePage, type StorePage } from '../../bench/store-browser';

export function useStorePage(): { readonly page: Page } {
  let sp: StorePage | undefined;
  beforeAll(async () => {
    sp = await openStorePage();
  });
  afterAll(async () => {
    await sp?.close();
  });
  return {
    get page() {
      if (!sp) throw new Error('the store page is opened in beforeAll');
      return sp.page;
    },
  };
}
