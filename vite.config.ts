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
    rollupOptions: {
      input: {
        reader: 'src/pages/reader/index.html',
        library: 'src/pages/library/index.html',
      },
    },
  },
  server: { port: 5174, strictPort: true, hmr: { port: 5174 } },
}));
