import browser from 'webextension-polyfill';
import { toTab } from '../shared/rpc';
import type { SaveNoticeKind } from '../shared/messages';
import { saveArticle } from './saving';
import { SAVE_MENU, syncContextMenu, watchContextMenuSetting } from './menu-setting';

/**
 * Save by shortcut or context menu: nothing else shows it happened, so the page gets a short
 * notice (in our shadow root) saying it was saved, saved again, or why it was not.
 */
async function saveTab(tabId: number): Promise<void> {
  const state = await toTab(tabId, { type: 'content/getArticle' });
  if (!state.ok) {
    await notify(tabId, 'failed', state.reason);
    return;
  }
  const r = await saveArticle(state.article, state.entities).catch((e) => ({ ok: false as const, error: String((e as Error)?.message ?? e) }));
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
    if (info.menuItemId === SAVE_MENU && tab?.id !== undefined) saveTab(tab.id).catch(() => {});
  });
  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    if (command === 'save-article') await saveTab(tab.id).catch(() => {});
    if (command === 'toggle-reader') await toTab(tab.id, { type: 'content/toggleReader' }).catch(() => {});
  });
}
