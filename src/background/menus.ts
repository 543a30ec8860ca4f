import browser from 'webextension-polyfill';
import manifest from '../../manifest.json';
import { toTab } from '../shared/rpc';
import { saveFromTab } from './saving';

const SAVE_MENU = 'vna-reader-save';
const VNA_PAGES = manifest.content_scripts[0].matches;

/** The tab's article, checked against the tab's URL as the browser reports it (saving.ts). */
async function saveTab(tabId: number, tabUrl?: string): Promise<void> {
  await saveFromTab(tabId, tabUrl);
}

export function installMenusAndCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: SAVE_MENU,
        title: browser.i18n.getMessage('menuSave') || 'Save to VNA Reader',
        contexts: ['page'],
        documentUrlPatterns: VNA_PAGES,
      }),
    );
  });
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
