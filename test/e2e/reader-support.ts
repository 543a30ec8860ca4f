// Helpers for the reader and library e2e tests.
// The overlay lives in a CLOSED shadow root, so neither the page's scripts nor Playwright's
// selectors can see into it. The tests reach it the way DevTools does: the DevTools protocol
// describes closed shadow roots (DOM.describeNode with pierce), and Runtime.callFunctionOn runs
// a test function with `this` bound to that root. No test hook exists in the product code.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { fixture, type Ext } from './harness';

export const HOST = 'vna-reader-view';

/** Runs `fn` (source of a `function () {…}` using `this` = the reader's shadow root). */
export async function inReader<T>(page: Page, fn: string, host: string = HOST): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: host });
    if (!nodeId) throw new Error('reader overlay is not open');
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error('overlay host has no shadow root');
    if (shadow.shadowRootType !== 'closed') throw new Error(`shadow root is ${shadow.shadowRootType}, expected closed`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const res = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: fn, returnByValue: true, awaitPromise: true });
    if (res.exceptionDetails) throw new Error(res.exceptionDetails.exception?.description ?? res.exceptionDetails.text);
    return res.result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Opens `url` in a new tab; returns the newest tab with that URL once its content script answers. */
export async function openVnaTab(ext: Ext, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  for (let i = 0; i < 100; i++) {
    const tabId = await ext.worker.evaluate(async (u) => {
      const ids = (await chrome.tabs.query({ url: u.split('#')[0] })).map((t) => t.id!).sort((a, b) => b - a);
      const id = ids[0];
      if (id === undefined) return null;
      try {
        const pong: any = await chrome.tabs.sendMessage(id, { type: 'content/ping' });
        return pong?.ok ? id : null;
      } catch {
        return null;
      }
    }, url);
    if (tabId !== null) return { page, tabId };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`content script did not answer in ${url}`);
}

export async function toggleReader(ext: Ext, tabId: number, open?: boolean): Promise<{ open: boolean }> {
  return ext.worker.evaluate(
    ([id, o]) => chrome.tabs.sendMessage(id as number, { type: 'content/toggleReader', ...(o === null ? {} : { open: o }) }),
    [tabId, open ?? null] as const,
  );
}

export async function getArticle(ext: Ext, tabId: number): Promise<any> {
  return ext.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'content/getArticle' }), tabId);
}

/** A file in the store's export format (format/version/checksum as src/store/export.ts). */
export function exportFile(dispatches: { article: any; entities: any[]; savedAt: number; userTags?: string[]; note?: string }[]): string {
  const list = dispatches.map((d) => ({
    id: d.article.id,
    article: d.article,
    entities: d.entities,
    savedAt: d.savedAt,
    updatedAt: d.savedAt,
    userTags: d.userTags ?? [],
    note: d.note ?? '',
  }));
  const checksum = `sha256-${createHash('sha256').update(JSON.stringify(list)).digest('hex')}`;
  return JSON.stringify({ format: 'vna-reader-archive', version: 1, exportedAt: new Date().toISOString(), count: list.length, checksum, dispatches: list });
}

/** Imports an export file through the library page's own import control. */
export async function importThroughLibrary(lib: Page, json: string): Promise<string> {
  await lib.getByTestId('import-file').setInputFiles({ name: 'archive.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await lib.getByTestId('io-status').or(lib.getByTestId('io-error')).waitFor({ timeout: 30_000 });
  if (await lib.getByTestId('io-error').count()) throw new Error(await lib.getByTestId('io-error').innerText());
  return lib.getByTestId('io-status').innerText();
}

export function canonicalUrl(html: string): string {
  const m = html.match(/<link rel="canonical" href="([^"]+)"/);
  if (!m) throw new Error('fixture without canonical link');
  return m[1];
}

/**
 * Each seed's `new` layout served at its real VNA address, opened in a tab, and what the content
 * script extracted from it, in the seeds' order (the library suites build their archives from it).
 */
export async function extractSeeds(ext: Ext, seeds: readonly string[]): Promise<{ article: any; entities: any[] }[]> {
  const out: { article: any; entities: any[] }[] = [];
  for (const seed of seeds) {
    const file = `${seed}.new.html`;
    const url = canonicalUrl(fixture(file));
    ext.serveFixture(url, file);
    const { page, tabId } = await openVnaTab(ext, url);
    const s = await getArticle(ext, tabId);
    if (!s.ok) throw new Error(`${seed}: ${s.reason}`);
    out.push({ article: s.article, entities: s.entities });
    await page.close();
  }
  return out;
}
