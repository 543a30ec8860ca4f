import { defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

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

export default defineConfig(({ mode }) => ({
  publicDir: false,
  plugins: [preact(), crx({ manifest: { ...manifest, version: pkg.version } as any }), locales()],
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
        // of four (polyfill, rpc, i18n, manifest); Preact stays its own chunk so that the
        // content script and the worker never load it.
        manualChunks(id: string) {
          if (id.includes('rolldown/runtime')) return 'ext'; // CJS interop helpers (for the polyfill)
          if (/[\\/]node_modules[\\/]webextension-polyfill[\\/]/.test(id)) return 'ext';
          if (/[\\/]src[\\/]shared[\\/](?:rpc|i18n)\.ts$/.test(id) || /[\\/]manifest\.json$/.test(id)) return 'ext';
          return undefined;
        },
      },
    },
  },
  server: { port: 5174, strictPort: true, hmr: { port: 5174 } },
}));
