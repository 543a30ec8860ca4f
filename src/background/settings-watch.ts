// Settings the service worker acts on when they change: the badge mode (every open article
// tab's badge is redrawn), the UI language (archive messages it sends), and the first-run
// welcome page.
import browser from 'webextension-polyfill';
import { initI18n } from '../shared/i18n';
import { onAppSettingsChanged } from '../shared/settings';
import { refreshBadges } from './badge-refresh';

export function watchSettingsForBackground(): void {
  initI18n().catch(() => {});
  onAppSettingsChanged((s, old) => {
    if (s.badge !== old?.badge) refreshBadges().catch(() => {});
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First install only: an update or a browser update must not open a tab.
    if (reason === 'install') {
      browser.tabs.create({ url: browser.runtime.getURL('src/pages/welcome/index.html') }).catch(() => {});
    }
  });
}
