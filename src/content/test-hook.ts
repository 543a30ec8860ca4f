// Only in the `firefox-test` build (npm run build:firefox -- --test-hooks): Firefox's automation
// cannot open moz-extension:// pages or send extension messages, so the smoke test asks the
// content script through window.postMessage and reads the answer from a DOM attribute.
// Vite replaces import.meta.env.MODE with a literal, so this code is absent from real builds.
import { readPage } from './article-state';
import { toBackground } from '../shared/rpc';

export function installTestHook(): void {
  if (import.meta.env.MODE !== 'firefox-test') return;
  // Tells the smoke test the hook listens, so that it asks once (a retried ask would save twice).
  document.documentElement.setAttribute('data-vna-reader-test-ready', '1');
  window.addEventListener('message', async (ev) => {
    if (ev.source !== window || ev.data?.vnaReaderTest !== 'save') return;
    const s = readPage();
    const out: Record<string, unknown> = { isArticle: s.ok };
    if (s.ok) {
      out.title = s.article.title;
      out.paragraphs = s.article.body.length;
      out.entities = s.entities.length;
      out.save = await toBackground({ type: 'bg/save', article: s.article, entities: s.entities }).catch((e) => ({ ok: false, error: String(e) }));
      out.stats = await toBackground({ type: 'bg/stats' }).catch((e) => ({ error: String(e) }));
    }
    document.documentElement.setAttribute('data-vna-reader-test', JSON.stringify(out));
  });
}
