import { ext as browser } from '../shared/webext';
import { toTab } from '../shared/rpc';
import type { SaveNoticeKind } from '../shared/messages';
import { saveFromTab } from './saving';
import { SAVE_MENU, syncContextMenu, watchContextMenuSetting } from './menu-setting';

/**
 * Save by shortcut or context menu: nothing else shows it happened, so the page gets a short
 * notice (in our shadow root) saying it was saved, saved again, or why it was not. The tab's
 * article is checked against the tab's URL as the browser reports it (saving.ts).
 */
async function saveTab(tabId: number, tabUrl?: string): Promise<void> {
  const r = await saveFromTab(tabId, tabUrl).catch((e) => ({ ok: false as const, error: String((e as Error)?.message ?? e) }));
  if (!r.ok) await notify(tabId, 'failed', r.error);
  else await notify(tabId, r.restored ? 'restored' : r.created ? 'saved' : 'updated');
}

async function notify(tabId: number, kind: SaveNoticeKind, detail?: string): Promise<void> {
  await toTab(tabId, { type: 'content/notice', kind, ...(detail ? { detail } : {}) }).catch(() => {});
}

export function installMenusAndCommands(): void {
  browser.runtime.onInstalled.addListener(() => void syncContextMenu());
  watchContextMenuSetting();
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU && tab?.id !== undefined) saveTab(tab.id, tab.url).catch(() => {});
  });
  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    if (command === 'save-article') await saveTab(tab.id, tab.url).catch(() => {});
    if (command === 'toggle-reader') await toTab(tab.id, { type: 'content/toggleReader' }).catch(() => {});
  });
}
