// Content script entry: runs on VNA hosts only (manifest matches). It reads nothing until the
// URL looks like an article, then tells the background so the badge can show related dispatches.
import { isVnaArticleUrl } from '../core/extract';
import { toBackground } from '../shared/rpc';
import { loadedUrl, readPage } from './article-state';
import { installContentRouter } from './router';
import { installTestHook } from './test-hook';

try {
  installContentRouter();
  installTestHook();
  // The address the document was loaded from: the page may rewrite location.href.
  if (isVnaArticleUrl(loadedUrl())) {
    const report = () => {
      const s = readPage();
      if (s.ok) toBackground({ type: 'bg/articleSeen', article: s.article, entities: s.entities }).catch(() => {});
    };
    // Off the critical path of the page's own scripts.
    if ('requestIdleCallback' in window) requestIdleCallback(report, { timeout: 1500 });
    else setTimeout(report, 200);
  }
} catch {
  // A content script must never break the page it runs on.
}
