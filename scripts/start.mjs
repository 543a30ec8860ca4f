// `npm start`: builds the extension and opens Chromium with it loaded in a fresh profile on a
// bundled sample VNA article (served at its real fr.vietnamplus.vn address, nothing fetched).
//   npm start                      a window, when there is a display
//   npm start -- --screenshot DIR  headless: PNGs (DIR/fr, DIR/en) of the page, the popup, the reader view,
//                                  the library (light and dark), the settings and welcome pages
// CHROME_PATH names another Chromium-family browser. Branded Google Chrome 137+ ignores
// --load-extension: there, load dist/ by hand (chrome://extensions → Developer mode → Load unpacked).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const shotIdx = args.indexOf('--screenshot');
const shotDir = shotIdx >= 0 ? resolve(args[shotIdx + 1] ?? 'screenshots') : null;
const browserPath = process.env.CHROME_PATH || '/usr/bin/chromium';

if (!existsSync(browserPath)) {
  console.error(`No browser at ${browserPath}. Install Debian's chromium (apt-get install chromium) or set CHROME_PATH.`);
  process.exit(1);
}
if (!args.includes('--no-build')) execSync('npx vite build --logLevel warn', { stdio: 'inherit' });

const dist = resolve('dist');
const samples = readdirSync('assets/sample').filter((f) => f.endsWith('.html')).map((f) => {
  const html = readFileSync(join('assets/sample', f), 'utf8');
  const url = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
  return { url, html };
});
const headless = Boolean(shotDir) || !process.env.DISPLAY;
if (!shotDir && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('There is no display here (DISPLAY is not set), so no browser window can open.\n' +
    'Run `npm start -- --screenshot DIR` to get PNGs of the page, the popup, the reader view and the library instead,\n' +
    'or load dist/ as an unpacked extension in your own browser (see README.md).');
  process.exit(1);
}

/** A fresh profile with the extension; `env` sets the browser's language (LANG/LANGUAGE). */
async function launch(env = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'vna-reader-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath,
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
    env: { ...process.env, ...env },
    args: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
  });
  await context.route((u) => u.protocol === 'http:' || u.protocol === 'https:', (route) => {
    const u = new URL(route.request().url());
    const hit = samples.find((s) => s.url && new URL(s.url).pathname === u.pathname && new URL(s.url).host === u.host);
    return hit ? route.fulfill({ body: hit.html, contentType: 'text/html; charset=utf-8' }) : route.abort('blockedbyclient');
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  const extId = new URL(worker.url()).host;
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(samples[0].url);
  return { context, worker, extId, page };
}

if (!shotDir) {
  const { context, extId } = await launch();
  console.log(`VNA Reader is loaded (id ${extId}). The sample article is open: click the toolbar button.\nClose the window to stop.`);
  await new Promise((r) => context.on('close', r));
  process.exit(0);
}

// Screenshots: the browser itself in French, then in English (Debian's Chromium follows
// LANG/LANGUAGE, with chromium-l10n installed), so even its own widgets (date inputs) match.
mkdirSync(shotDir, { recursive: true });
const { takeScreenshots } = await import('./screenshots.mjs');
const BROWSER_LANGS = { fr: { LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' }, en: { LANG: 'en_US.UTF-8', LANGUAGE: 'en' } };
for (const [lang, env] of Object.entries(BROWSER_LANGS)) {
  const { context, worker, extId, page } = await launch(env);
  await takeScreenshots({ context, worker, extId, page, samples, dir: join(shotDir, lang), lang });
  await context.close();
}
console.log(`Screenshots written to ${shotDir}/fr and ${shotDir}/en`);
