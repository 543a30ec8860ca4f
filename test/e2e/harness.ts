// Real-browser harness: Debian's Chromium with the built extension (dist/) loaded in a fresh
// profile, fixture pages served at real VNA URLs so the manifest's match patterns apply, and
// every other request refused so a test can never depend on the network.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(ROOT, '../shared');
export const FIXTURES = join(SHARED, 'fixtures/vna');
export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Ext {
  context: BrowserContext;
  worker: Worker;
  id: string;
  profile: string;
  /** Serve `body` at `url` (exact URL, query ignored) for every later navigation. */
  serve(url: string, body: string | Buffer, contentType?: string): void;
  /** Serve a shared fixture (e.g. `seed-000.new.html`) at `url`. */
  serveFixture(url: string, file: string): void;
  close(): Promise<void>;
}

export function fixture(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

/** Gold record of a shared seed, e.g. gold('seed-000'). */
export function gold(id: string): any {
  return JSON.parse(readFileSync(join(SHARED, 'gold', `${id}.json`), 'utf8'));
}

export interface LaunchOptions {
  dist?: string;
  profile?: string;
  offline?: boolean;
  /**
   * Browser process environment on top of ours: a French browser is
   * `{ LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' }` (Debian's Chromium ignores --lang and needs
   * chromium-l10n); `TZ` sets the reader's time zone.
   */
  env?: Record<string, string>;
  /** Leave the first-run welcome tab open (by default it is closed so tests start alike). */
  keepWelcome?: boolean;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<Ext> {
  const dist = resolve(ROOT, opts.dist ?? process.env.VNA_DIST ?? 'dist');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no manifest.json: run \`npm run build\` first`);
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'vna-reader-e2e-'));
  // Only a first install opens the welcome page: a reused profile has nothing to wait for.
  const fresh = !existsSync(profile) || readdirSync(profile).length === 0;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
    ...(opts.env ? { env: { ...process.env, ...opts.env } as Record<string, string> } : {}),
  });
  const pages = new Map<string, { body: string | Buffer; type: string }>();
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => {
      const u = new URL(route.request().url());
      const hit = pages.get(u.origin + u.pathname);
      if (hit) return route.fulfill({ status: 200, body: hit.body, contentType: hit.type });
      // Images of served pages and any third-party request: refused, never fetched.
      return route.abort('blockedbyclient');
    },
  );
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const id = new URL(worker.url()).host;
  // The worker opens the welcome page on install: wait for it (so it cannot appear in the
  // middle of a test that waits for a new tab) and close it.
  if (fresh && !opts.keepWelcome && existsSync(join(dist, 'src/pages/welcome/index.html'))) {
    for (let i = 0; i < 50; i++) {
      const welcome = context.pages().find((p) => p.url().includes('/src/pages/welcome/'));
      if (welcome) { await welcome.close().catch(() => {}); break; }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const ext: Ext = {
    context,
    worker,
    id,
    profile,
    serve(url, body, contentType = 'text/html; charset=utf-8') {
      const u = new URL(url);
      pages.set(u.origin + u.pathname, { body, type: contentType });
    },
    serveFixture(url, file) {
      ext.serve(url, fixture(file));
    },
    async close() {
      await context.close().catch(() => {});
      if (!opts.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
  return ext;
}

/** Opens a served URL in a new tab and waits until the content script answers there. */
/**
 * Opens `url` in a new tab and returns that tab's id: the one tab at `url` that was not open
 * before (a test that opens the same article twice must get the second tab, not the first).
 */
export async function openArticle(ext: Ext, url: string): Promise<{ page: Page; tabId: number }> {
  const before = await tabIdsAt(ext, url);
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await tabIdOf(ext, url, before);
  return { page, tabId };
}

const tabIdsAt = (ext: Ext, url: string): Promise<number[]> =>
  ext.worker.evaluate(async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id!), url);

/** The id of the tab at `url` (not one of `except`); throws when there is none, or more than one. */
export async function tabIdOf(ext: Ext, url: string, except: number[] = []): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const ids = (await tabIdsAt(ext, url)).filter((id) => !except.includes(id));
    if (ids.length > 1) throw new Error(`${ids.length} tabs at ${url}: which one is meant?`);
    if (ids.length === 1) return ids[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab found for ${url}`);
}

export function extUrl(ext: Ext, path: string): string {
  return `chrome-extension://${ext.id}/${path}`;
}

/** The popup opened as a page for a given tab (the popup honours `?tab=<id>`). */
export async function openPopup(ext: Ext, tabId: number | null): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(extUrl(ext, `src/popup/index.html${tabId === null ? '' : `?tab=${tabId}`}`));
  await popupViewReady(page);
  return page;
}

/**
 * Waits until the Preact view has replaced the popup's plain-DOM first frame (issue 17), so an
 * element a test holds is not one of the first frame's, removed a moment later.
 */
export async function popupViewReady(page: Page): Promise<void> {
  await page.locator('[data-view=ready]').waitFor({ state: 'attached', timeout: 10_000 });
}

/** Saves the tab's article through its popup's Save button, as a reader does. */
export async function saveFromPopup(ext: Ext, tabId: number): Promise<void> {
  const { expect } = await import('vitest');
  const popup = await openPopup(ext, tabId);
  const save = popup.getByTestId('save');
  await expect.poll(() => save.isEnabled(), { timeout: 10_000 }).toBe(true);
  if ((await save.getAttribute('aria-pressed')) !== 'true') await save.click();
  await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
  await popup.close();
}
