import { defineConfig, type Plugin } from 'vite';
import { build as esbuild, type Plugin as EsbuildPlugin } from 'esbuild';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import sitesJson from './src/data/sites.json' with { type: 'json' };
import { extensionHomePatterns, extensionHostPatterns, extensionImageSources, extensionUrlRules, parseSites } from './src/core/extract/site-schema.ts';

// The VNA hosts the extension runs on and has access to are not written in manifest.json:
// its "$VNA_HOSTS" (and "$VNA_HOMES", their home pages, where the content script is not
// injected, and "$VNA_IMAGE_SOURCES" in the CSP's img-src) placeholders are filled from src/data/sites.json, the one description of each
// outlet, so a new outlet is a data change (test/unit/sites.test.ts checks both).
const SITES = parseSites(sitesJson).sites;
const PLACEHOLDERS: Record<string, string[]> = { $VNA_HOSTS: extensionHostPatterns(SITES), $VNA_HOMES: extensionHomePatterns(SITES) };
function withHosts<T>(value: T): T {
  if (Array.isArray(value)) return (value.length === 1 && value[0] in PLACEHOLDERS ? PLACEHOLDERS[value[0]] : value.map(withHosts)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withHosts(v)])) as T;
  // The extension pages' CSP names the same hosts as the only image sources.
  if (typeof value === 'string') return value.replace('$VNA_IMAGE_SOURCES', extensionImageSources(SITES)) as T;
  return value;
}

// The browser looks for _locales/ at the root of the extension; crxjs only copies what the
// manifest names, so the translations are emitted here from assets/_locales.
function locales(): Plugin {
  return {
    name: 'vna-reader:locales',
    generateBundle() {
      const root = 'assets/_locales';
      for (const lang of readdirSync(root)) {
        this.emitFile({
          type: 'asset',
          fileName: `_locales/${lang}/messages.json`,
          source: readFileSync(join(root, lang, 'messages.json')),
        });
      }
    },
  };
}

// Issue 17: the popup's stylesheet goes into its HTML as a <style>, not a <link>. A linked
// stylesheet is fetched through the extension's resource loader and blocks the entry module
// from running until it has arrived (a module script waits for pending style sheets), so the
// tab's request left later than the stand-in's (measured: the module started 2-10 ms later
// with the link than without). The CSP (script-src only) allows inline styles; the popup
// alone: the other pages' start-up is off the measured path.
const POPUP_HTML = 'src/popup/index.html';
function inlinePopupCss(): Plugin {
  return {
    name: 'vna-reader:popup-inline-css',
    enforce: 'post',
    generateBundle(_, bundle) {
      const page = bundle[POPUP_HTML];
      if (!page || page.type !== 'asset') this.error(`${POPUP_HTML} not in the bundle: cannot inline its stylesheet`);
      const html = String(page.source);
      const links = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g)];
      if (links.length === 0) this.error(`${POPUP_HTML} links no stylesheet: was it already inlined?`);
      let out = html;
      for (const [tag, file] of links) {
        const css = bundle[file];
        if (!css || css.type !== 'asset') this.error(`${file} (linked by ${POPUP_HTML}) not in the bundle`);
        // `</` cannot close the <style> early: the stylesheet is ours, built from src/popup/styles.css.
        out = out.replace(tag, () => `<style>${String(css.source).replace(/<\//g, '<\\/')}</style>`);
        // The file stays only if something else still names it.
        const named = Object.values(bundle).some((o) => o.fileName !== POPUP_HTML && o.fileName !== file && (o.type === 'chunk' ? o.code : String(o.source)).includes(file));
        if (!named) delete bundle[file];
      }
      page.source = out;
    },
  };
}

// Issue 17: the popup's first paint is a classic script (src/popup/boot.ts), bundled here on its
// own, as one file: a classic script at the end of the page runs as soon as it is parsed, where
// a module entry first waits for its chunks (the tab's request left ~7 ms after the do-nothing
// stand-in's). It shares i18n's state with the view's modules through the page's global object
// (src/shared/i18n.ts) and fetches a chosen language's packaged file instead of carrying both.
const POPUP_BOOT = { entry: 'src/popup/boot.ts', file: 'src/popup/boot.js' };
const noLocaleFiles: EsbuildPlugin = {
  name: 'no-locale-files',
  setup(b) {
    b.onResolve({ filter: /_locales[\\/]\w+[\\/]messages\.json$/ }, (a) => ({ path: a.path, namespace: 'no-locale-files' }));
    b.onLoad({ filter: /.*/, namespace: 'no-locale-files' }, () => ({ contents: 'throw new Error("boot.js carries no locale file: setTableLoader")', loader: 'js' }));
  },
};
async function bundleBoot(minify: boolean): Promise<string> {
  const out = await esbuild({
    entryPoints: [POPUP_BOOT.entry], bundle: true, format: 'iife', target: 'chrome120', minify, write: false,
    legalComments: 'none', plugins: [noLocaleFiles], logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}
function popupBoot(): Plugin {
  return {
    name: 'vna-reader:popup-boot',
    enforce: 'post', // after vite's HTML plugin has emitted the page
    async generateBundle(_, bundle) {
      const page = bundle[POPUP_HTML];
      const html = page?.type === 'asset' ? String(page.source) : '';
      const bootTag = /<script (?![^>]*type=)[^>]*src="\.\/boot\.js"><\/script>/.exec(html);
      const viewTag = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>\s*/.exec(html);
      if (!page || page.type !== 'asset' || !bootTag || !viewTag) this.error(`${POPUP_HTML} does not load ./boot.js as a classic script and one view module`);
      // The view's module (and its preloads) leave the page: boot.js imports it once the first
      // frame is painted (its URL in data-view). Fetched beside boot.js, they delayed it: the
      // extension's resources come through one loader (measured: the first statement ran
      // ~14 ms after the stand-in's with the module in the page, whose fetches went first).
      page.source = html
        .replace(viewTag[0], '')
        .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
        .replace(bootTag[0], `<script src="./boot.js" data-view="${viewTag[1]}"></script>`);
      this.emitFile({ type: 'asset', fileName: POPUP_BOOT.file, source: await bundleBoot(true) });
    },
    configureServer(server) {
      server.middlewares.use(`/${POPUP_BOOT.file}`, (_req, res) => {
        bundleBoot(false).then((js) => { res.setHeader('Content-Type', 'text/javascript'); res.end(js); }, (e: Error) => { res.statusCode = 500; res.end(String(e)); });
      });
    },
  };
}

export default defineConfig(({ mode }) => ({
  publicDir: false,
  // The content script's entry decides from the URL alone whether to load the rest: it gets the
  // URL rules of sites.json (hosts and article/non-article patterns, no selectors) as a literal.
  define: { __VNA_URL_RULES__: JSON.stringify(extensionUrlRules(SITES)) },
  plugins: [preact(), crx({ manifest: withHosts({ ...manifest, version: pkg.version }) as any }), locales(), inlinePopupCss(), popupBoot()],
  build: {
    outDir: mode.startsWith('firefox') ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    // Chrome 120+ and Firefox 115+ preload modules natively: the polyfill was one more module
    // fetched and run before the popup's own code.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        reader: 'src/pages/reader/index.html',
        library: 'src/pages/library/index.html',
        // First-run page (opened by the worker on install; not named in the manifest).
        welcome: 'src/pages/welcome/index.html',
      },
      output: {
        // The popup's time to first render is mostly module loading: every shared chunk is
        // one more fetch + compile before its code runs. The small extension plumbing that
        // the popup, pages, content script and worker all import goes in one chunk instead
        // of several (rpc, webext, i18n, the popup's stored answers, manifest); Preact stays
        // its own chunk so that the content script and the worker never load it.
        manualChunks(id: string) {
          if (id.includes('rolldown/runtime')) return 'ext'; // CJS interop helpers
          if (/[\\/]src[\\/]shared[\\/](?:rpc|i18n|webext|tab-answer)\.ts$/.test(id) || /[\\/]manifest\.json$/.test(id)) return 'ext';
          return undefined;
        },
      },
    },
  },
  server: { port: 5174, strictPort: true, hmr: { port: 5174 } },
}));
