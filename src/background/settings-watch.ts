// Settings the service worker acts on when they change: the badge mode (every open article
// tab's badge is redrawn), the UI language (archive messages it sends), and the first-run
// welcome page.
import { ext as browser } from '../shared/webext';
import { initI18n } from '../shared/i18n';
import { onAppSettingsChanged } from '../shared/settings';
import { refreshBadges } from './badge-refresh';
import { dropAllPhotos, dropOrphanPhotos } from './offline-photos';

export function watchSettingsForBackground(): void {
  initI18n().catch(() => {});
  onAppSettingsChanged((s, old) => {
    if (s.badge !== old?.badge) refreshBadges().catch(() => {});
    // Photos off: the kept ones are deleted (they can be large), not left behind.
    if (!s.offlinePhotos && old?.offlinePhotos) dropAllPhotos().catch(() => {});
  });
  dropOrphanPhotos().catch(() => {});
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First install only: an update or a browser update must not open a tab.
    if (reason === 'install') {
      browser.tabs.create({ url: browser.runtime.getURL('src/pages/welcome/index.html') }).catch(() => {});
    }
  });
}
