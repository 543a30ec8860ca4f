// The meeting point of the popup's two scripts (issue 17): the classic first-paint script
// (./boot.ts) publishes, on the page's global object, a promise of what it painted; the view's
// module (./view.ts) takes over from it once that frame is painted. Types and the key only.
import type { Early, View } from './App';

export const BOOT_KEY = Symbol.for('vna-reader.popup-boot');

export interface Handover {
  view: View;
  early: Early | null;
  /** Mounts the view in place of the first frame, then replays the reader's click and focus on it. */
  takeOver(mount: (root: HTMLElement, view: View, early: Early | null) => void): void;
}

export interface Boot {
  /** Resolves once the first frame is painted (or, with no article, at once). */
  handover: Promise<Handover>;
}
