// Runs the bundled store in a page of real Chromium (Debian's binary through playwright-core),
// at a fixed routed origin, with an on-disk profile so IndexedDB is the real, persistent one.
// Shared by the store benchmark and the store e2e test.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const BENCH_ORIGIN = 'https://bench.vna-reader.test';
const here = dirname(fileURLToPath(import.meta.url));

/** The store page bundle; `root` builds another checkout's (bench:store --base, "before" figures). */
export async function bundleStore(root?: string): Promise<string> {
  const out = await build({
    entryPoints: [root ? join(root, 'bench/store-page.ts') : join(here, 'store-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

export interface StorePage {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function openStorePage(opts: { executablePath?: string; userDataDir?: string } = {}): Promise<StorePage> {
  const script = await bundleStore();
  const dir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'vna-store-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: opts.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  // tsx/esbuild's keepNames wraps functions passed to page.evaluate in __name(); define it.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  await context.route(`${BENCH_ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/store.js') return route.fulfill({ status: 200, contentType: 'text/javascript', body: script });
    return route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><meta charset="utf-8"><title>VNA Reader store</title><script src="/store.js"></script>',
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${BENCH_ORIGIN}/`);
  await page.waitForFunction(() => 'vnaStore' in globalThis);
  return {
    page,
    context,
    async close() {
      await context.close();
      if (!opts.userDataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
