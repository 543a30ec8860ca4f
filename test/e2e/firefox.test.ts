// Smoke test in real Firefox ESR over WebDriver BiDi: the Firefox build's content script
// extracts a fixture served at its fr.vietnamplus.vn address, and the background saves it in
// the extension's own IndexedDB. Fixtures reach Firefox through a local HTTP proxy, since
// BiDi request interception cannot answer for a host that does not resolve here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ROOT, fixture, gold } from './harness';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const PATH = '/maintien-de-la-paix-cooperation-renforcee-entre-le-vietnam-et-la-france-post128832.vnp';

describe.skipIf(!existsSync(FIREFOX))('Firefox ESR build', () => {
  let proxy: Server;
  let browser: Browser;

  beforeAll(async () => {
    execFileSync('node', ['scripts/build-firefox.mjs', '--test-hooks'], { cwd: ROOT, stdio: 'pipe' });
    const html = fixture('seed-000.new.html');
    proxy = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://invalid');
      if (u.host === 'fr.vietnamplus.vn' && u.pathname === PATH) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as AddressInfo).port;
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Puppeteer's default 30 s: a loaded CI machine once took longer to print the WebDriver
      // BiDi endpoint ("Timed out ... WS endpoint URL"); the hook's own limit is 120 s.
      timeout: 90_000,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.no_proxies_on': '',
      },
    });
    await browser.installExtension(resolve(ROOT, 'dist-firefox'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    proxy?.close();
  });

  it('extracts the routed article and saves it in the extension IndexedDB', async () => {
    const page = await browser.newPage();
    await page.goto(`http://fr.vietnamplus.vn${PATH}`, { waitUntil: 'load' });
    const ask = async () => {
      await page.evaluate(() => {
        document.documentElement.removeAttribute('data-vna-reader-test');
        window.postMessage({ vnaReaderTest: 'save' }, '*');
      });
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-vna-reader-test'), { timeout: 30_000 });
      return JSON.parse((await page.evaluate(() => document.documentElement.getAttribute('data-vna-reader-test')))!);
    };
    // The content script loads its page module after load: wait until its hook listens, then ask
    // once (the first save decodes the entity model and may take seconds on a loaded machine).
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-vna-reader-test-ready'), { timeout: 30_000 });
    const first = await ask();
    expect(first.isArticle).toBe(true);
    expect(first.title).toBe(gold('seed-000').title);
    expect(first.paragraphs).toBe(gold('seed-000').body.length);
    expect(first.entities).toBeGreaterThan(3);
    expect(first.save).toMatchObject({ ok: true, created: true });
    expect(first.stats.dispatches).toBe(1);
    const again = await ask();
    expect(again.save).toMatchObject({ ok: true, created: false });
    expect(again.stats.dispatches).toBe(1);
  }, 90_000);
});
