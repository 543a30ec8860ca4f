// Read-later in the reader overlay on a live article: highlights and notes (stored through the
// background, which saves the dispatch first when needed) and the local copies of photos kept
// offline, so the overlay shows them with the network cut. Photos come one message each, as
// base64, and are shown through object URLs that live as long as the overlay.
import type { ArticleState } from '../shared/messages';
import { toBackground } from '../shared/rpc';
import { t } from '../shared/i18n';
import { installHighlighter } from '../reader/highlights';
import type { ReaderView } from '../reader/view';

export interface OverlayReadLater {
  apply(article: HTMLElement): void;
  destroy(): void;
}

function blobOf(base64: string, type: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function attachReadLater(view: ReaderView, state: ArticleState): OverlayReadLater {
  const id = state.article.id;
  let live = true;
  const hl = installHighlighter({
    doc: document,
    root: view.root,
    t,
    backend: {
      list: () => toBackground({ type: 'bg/highlights', id }),
      add: async (anchor, color, note) => {
        const r = await toBackground({ type: 'bg/highlightAdd', article: state.article, entities: state.entities, anchor, color, note });
        return r.ok ? r.highlight : null;
      },
      update: (hid, patch) => toBackground({ type: 'bg/highlightUpdate', id: hid, ...patch }),
      remove: (hid) => toBackground({ type: 'bg/highlightRemove', id: hid }),
    },
  });
  const article = view.root.querySelector<HTMLElement>('[data-testid=reader-article]');
  if (article) hl.apply(article);

  const urls = new Map<string, string>();
  (async () => {
    const kept = await toBackground({ type: 'bg/photoUrls', id });
    for (const url of kept) {
      const data = await toBackground({ type: 'bg/photoData', id, url });
      if (!live) return;
      if (!data) continue;
      urls.set(url, URL.createObjectURL(blobOf(data.base64, data.type)));
      view.setPhotos(new Map(urls));
    }
  })().catch(() => {});

  return {
    apply: (a) => hl.apply(a),
    destroy() {
      live = false;
      hl.destroy();
      for (const u of urls.values()) URL.revokeObjectURL(u);
    },
  };
}
