// Read-later in the reader page: local copies of the photos, highlights and notes stored with
// the dispatch, the reading position (restored on reopening) and state (read at the end, or by
// hand; archived), and the dispatch as a Markdown note.
import { onLanguageChange, type MessageKey } from '../../shared/i18n';
import type { Archive, Dispatch, ReadingRecord } from '../../store';
import { highlightsOf, photosOf, readingOf } from '../../store';
import { addPageHighlight, removePageHighlight, updatePageHighlight, writeReading } from '../../shared/page-writes';
import { dispatchToMarkdown, markdownFileName } from '../../core/format/markdown-notes';
import { installHighlighter, type Highlighter } from '../../reader/highlights';
import { restorePosition, trackPosition } from '../../reader/position';
import type { ReaderView } from '../../reader/view';

type T = (key: MessageKey, ...subs: string[]) => string;

/** Object URLs of the kept photos of a dispatch (revoked when the page goes). */
export async function localPhotos(archive: Archive, id: string): Promise<Map<string, string>> {
  const blobs = await photosOf(archive, id).catch(() => new Map<string, Blob>());
  const out = new Map<string, string>();
  for (const [url, blob] of blobs) out.set(url, URL.createObjectURL(blob));
  addEventListener('pagehide', () => { for (const u of out.values()) URL.revokeObjectURL(u); }, { once: true });
  return out;
}

import { downloadBlob as download } from '../../shared/download';

export function pageHighlighter(archive: Archive, d: Dispatch, root: HTMLElement, t: T): Highlighter {
  return installHighlighter({
    doc: document,
    root,
    t,
    backend: {
      list: () => highlightsOf(archive, d.id),
      add: (anchor, color, note) => addPageHighlight(d, anchor, color, note),
      update: updatePageHighlight,
      remove: removePageHighlight,
    },
  });
}

/** The toolbar's read-later buttons: read/unread, archive, Markdown. */
export function stateControls(d: Dispatch, t: T, hl: () => Highlighter | null): { elements: HTMLElement[]; show(r: ReadingRecord): void } {
  const mk = (testid: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('data-testid', testid);
    b.addEventListener('click', onClick);
    return b;
  };
  let state: ReadingRecord | null = null;
  const status = document.createElement('span');
  status.className = 'vr-label';
  status.setAttribute('data-testid', 'reader-state');
  status.setAttribute('aria-live', 'polite');
  const read = mk('reader-mark-read', () => void set(state?.state === 'read' ? 'unread' : 'read'));
  const arch = mk('reader-archive', () => void set(state?.state === 'archived' ? 'unread' : 'archived'));
  const md = mk('reader-markdown', () => {
    const text = dispatchToMarkdown(d, hl()?.highlights() ?? [], { highlightsHeading: t('rlHighlights'), readingState: state?.state });
    download(markdownFileName(d), new Blob([text], { type: 'text/markdown' }));
  });
  md.textContent = t('rlMarkdown');
  const show = (r: ReadingRecord) => {
    state = r;
    status.textContent = t(`rlState_${r.state}`);
    status.setAttribute('data-state', r.state);
    read.textContent = r.state === 'read' ? t('rlMarkUnread') : t('rlMarkRead');
    arch.textContent = r.state === 'archived' ? t('rlUnarchive') : t('rlArchive');
    arch.setAttribute('aria-pressed', String(r.state === 'archived'));
  };
  const set = async (s: ReadingRecord['state']) => show(await writeReading(d.id, { kind: 'state', state: s }));
  const group = document.createElement('div');
  group.className = 'vr-rl-bar vr-noprint';
  group.setAttribute('data-testid', 'reader-readlater-bar');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('rlReadingState'));
  group.append(status, read, arch, md);
  // The settings page's language applies at once in open pages.
  onLanguageChange(() => {
    md.textContent = t('rlMarkdown');
    group.setAttribute('aria-label', t('rlReadingState'));
    if (state) show(state);
  });
  return { elements: [group], show };
}

/** Restore the stored position, mark the dispatch opened, and keep the position as it changes. */
export async function followReading(archive: Archive, d: Dispatch, view: ReaderView, show: (r: ReadingRecord) => void): Promise<void> {
  const r = await readingOf(archive, d.id);
  show(r);
  const article = view.root.querySelector<HTMLElement>('[data-testid=reader-article]');
  if (!article) return;
  const bar = view.root.querySelector<HTMLElement>('[data-testid=reader-toolbar]');
  const inset = () => bar?.getBoundingClientRect().height ?? 0;
  // Opened from the library's highlights view (`#<highlight id>`): show that highlight.
  const wanted = decodeURIComponent(location.hash.slice(1));
  const mark = wanted ? article.querySelector<HTMLElement>(`mark.vr-hl[data-hl-id="${CSS.escape(wanted)}"]`) : null;
  if (mark) {
    mark.scrollIntoView({ block: 'center' });
  } else if (r.position) {
    // Photos above the stored block change the layout when they load: wait for them (briefly).
    const imgs = [...article.querySelectorAll('img')].map((i) => i.decode().catch(() => {}));
    await Promise.race([Promise.all(imgs), new Promise((res) => setTimeout(res, 1500))]);
    restorePosition(article, window, r.position, inset());
  }
  show(await writeReading(d.id, { kind: 'opened' }));
  // Start following after the restoring scroll has been dispatched: only the reader's own
  // scrolling moves the position or reaches the end.
  await new Promise((res) => setTimeout(res, 150));
  trackPosition(article, window, (pos, end) => {
    void writeReading(d.id, { kind: 'position', position: pos, end }).then(show, () => {});
  }, { topInset: inset });
}
