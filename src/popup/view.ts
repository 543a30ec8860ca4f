// The popup's module entry (issue 17): the stylesheet (inlined into the page by vite.config.ts)
// and, once the classic first-paint script (./boot.ts) has painted the entities, the Preact
// view that takes over. Nothing here runs before that frame: the view's modules are asked for
// only then (loading them earlier delayed it, measured: 1.4x the stand-in instead of 1.15x).
import './styles.css';
import { BOOT_KEY, type Boot } from './handover';

const boot = (globalThis as { [BOOT_KEY]?: Boot })[BOOT_KEY];
if (!boot) throw new Error('popup: the first-paint script (boot.js) did not run');
boot.handover.then((h) => import('./App').then((m) => h.takeOver(m.mountPopup))).catch((e: unknown) => {
  console.error('popup: the view did not load', e);
});
