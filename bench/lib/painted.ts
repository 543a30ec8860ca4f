// When a page first painted a frame with an element in it, measured inside the page (no polling):
// ms from navigation start, taken in the task after the next animation frame, i.e. once that
// frame is produced. Shared by bench:popup and bench:store's scale runs.
import type { Page } from 'playwright-core';

const WAIT_PAINTED = `(sel, timeoutMs) => new Promise((resolve, reject) => {
  const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
  if (document.querySelector(sel)) return painted();
  const obs = new MutationObserver(() => {
    if (!document.querySelector(sel)) return;
    obs.disconnect();
    painted();
  });
  obs.observe(document, { childList: true, subtree: true });
  if (timeoutMs) setTimeout(() => reject(new Error('not painted: ' + sel)), timeoutMs);
})`;

/** ms from navigation start to the first frame painted with `sel` in the DOM; rejects after `timeoutMs` if given. */
export const waitPainted = (page: Page, sel: string, timeoutMs = 0): Promise<number> =>
  page.evaluate(`(${WAIT_PAINTED})(${JSON.stringify(sel)}, ${timeoutMs})`) as Promise<number>;
