// The two keyboard shortcuts as the reader has them now (they can be changed at
// chrome://extensions/shortcuts), for the popup's tooltips, the reader toolbar and the
// welcome page. Content scripts cannot read chrome.commands themselves.
import { ext as browser } from '../shared/webext';
import type { Shortcuts } from '../shared/messages';

export async function shortcuts(): Promise<Shortcuts> {
  const out: Shortcuts = { toggleReader: '', save: '' };
  try {
    for (const c of await browser.commands.getAll()) {
      if (c.name === 'toggle-reader') out.toggleReader = c.shortcut ?? '';
      if (c.name === 'save-article') out.save = c.shortcut ?? '';
    }
  } catch {
    /* no commands API (never on our targets) */
  }
  return out;
}
