import browser from 'webextension-polyfill';
import { toTab } from '../shared/rpc';
import { vnaPagePatterns } from '../shared/vna-pages';
import { saveArticle } from './saving';

const SAVE_MENU = 'vna-reader-save';

async function saveTab(tabId: number): Promise<void> {
  const state = await toTab(tabId, { type: 'content/getArticle' });
  if (state.ok) await saveArticle(state.article, state.entities);
}

export function installMenusAndCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: SAVE_MENU,
        title: browser.i18n.getMessage('menuSave') || 'Save to VNA Reader',
        contexts: ['page'],
        documentUrlPatterns: vnaPagePatterns(),
      }),
    );
  });
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
