// The page context menu item, present only while the reader wants it (settings page), titled
// in the UI language (the reader may have chosen one other than the browser's).
import { ext as browser } from '../shared/webext';
import { vnaPagePatterns } from '../shared/vna-pages';
import { initI18n, onLanguageChange, t } from '../shared/i18n';
import { isContextMenuEnabled, onAppSettingsChanged } from '../shared/settings';

export const SAVE_MENU = 'vna-reader-save';

let queue: Promise<void> = Promise.resolve();

/** Removes our item and creates it again if the setting is on; calls are serialised. */
export function syncContextMenu(): Promise<void> {
  queue = queue.then(async () => {
    await browser.contextMenus.removeAll();
    if (!(await isContextMenuEnabled())) return;
    browser.contextMenus.create({ id: SAVE_MENU, title: t('menuSave'), contexts: ['page'], documentUrlPatterns: vnaPagePatterns() });
  }).catch(() => {});
  return queue;
}

export function watchContextMenuSetting(): void {
  initI18n().catch(() => {});
  onAppSettingsChanged((s, old) => {
    if (s.contextMenu !== old?.contextMenu) void syncContextMenu();
  });
  onLanguageChange(() => void syncContextMenu());
}
