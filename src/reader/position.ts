// Reading position in the reader page: which body block is at the top of the screen and how far
// through the article the reader is; restoring it scrolls that block back to the top. The end
// is reached when the last paragraph's bottom has been on screen after a scroll.
import type { ReadingPosition } from '../store/readlater-schema';

function bodyBlocks(article: HTMLElement): HTMLElement[] {
  return [...article.querySelectorAll<HTMLElement>('[data-vr-slot^="body:"]')];
}

/** The first body block whose bottom is below the top of the viewport (under the toolbar). */
export function currentPosition(article: HTMLElement, win: Window, topInset = 0): ReadingPosition {
  const blocks = bodyBlocks(article);
  let index = 0;
  for (const el of blocks) {
    if (el.getBoundingClientRect().bottom > topInset + 1) {
      index = Number(el.getAttribute('data-vr-slot')!.split(':')[1]);
      break;
    }
    index = Number(el.getAttribute('data-vr-slot')!.split(':')[1]);
  }
  const doc = win.document.documentElement;
  const max = doc.scrollHeight - win.innerHeight;
  const progress = max > 0 ? Math.min(1, Math.max(0, win.scrollY / max)) : 1;
  return { index, progress: Math.round(progress * 1000) / 1000 };
}

export function reachedEnd(article: HTMLElement, win: Window): boolean {
  const blocks = bodyBlocks(article);
  const last = blocks[blocks.length - 1];
  if (!last) return true;
  return last.getBoundingClientRect().bottom <= win.innerHeight;
}

/** Scroll so that body block `index` is at the top (below the sticky toolbar). */
export function restorePosition(article: HTMLElement, win: Window, pos: ReadingPosition, topInset = 0): boolean {
  const el = article.querySelector<HTMLElement>(`[data-vr-slot="body:${pos.index}"]`);
  if (!el || pos.index <= 0) return false;
  const y = el.getBoundingClientRect().top + win.scrollY - topInset - 8;
  win.scrollTo(0, Math.max(0, y));
  return true;
}

/**
 * Follow the reader's scrolling: `save` is called (at most every `everyMs`) with the position
 * and whether the end was reached; once more when the page is hidden.
 */
export function trackPosition(article: HTMLElement, win: Window, save: (p: ReadingPosition, end: boolean) => void, opts: { everyMs?: number; topInset?: () => number } = {}): () => void {
  const every = opts.everyMs ?? 400;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let scrolled = false;
  const flush = () => {
    timer = null;
    if (!scrolled) return;
    save(currentPosition(article, win, opts.topInset?.() ?? 0), reachedEnd(article, win));
  };
  const onScroll = () => {
    scrolled = true;
    if (!timer) timer = setTimeout(flush, every);
  };
  const onHide = () => { if (win.document.visibilityState === 'hidden') flush(); };
  win.addEventListener('scroll', onScroll, { passive: true });
  win.document.addEventListener('visibilitychange', onHide);
  return () => {
    win.removeEventListener('scroll', onScroll);
    win.document.removeEventListener('visibilitychange', onHide);
    if (timer) clearTimeout(timer);
  };
}
