import browser from 'webextension-polyfill';
import { toTab } from '../shared/rpc';
import { saveArticle } from './saving';
import { SAVE_MENU, syncContextMenu, watchContextMenuSetting } from './menu-setting';

async function saveTab(tabId: number): Promise<void> {
  const state = await toTab(tabId, { type: 'content/getArticle' });
  if (state.ok) await saveArticle(state.article, state.entities);
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
