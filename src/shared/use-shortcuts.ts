// The reader's current keyboard shortcuts for tooltips and hints (Preact pages), asked once
// per page from the service worker (only it can read chrome.commands for content scripts, and
// one path keeps the pages alike).
import { useEffect, useState } from 'preact/hooks';
import type { Shortcuts } from './messages';
import { toBackground } from './rpc';
import { t, type MessageKey } from './i18n';

let asked: Promise<Shortcuts> | null = null;

export function useShortcuts(): Shortcuts {
  const [keys, setKeys] = useState<Shortcuts>({ toggleReader: '', save: '' });
  useEffect(() => {
    asked ??= toBackground({ type: 'bg/shortcuts' }).then((s) => s ?? { toggleReader: '', save: '' }, () => ({ toggleReader: '', save: '' }));
    let live = true;
    asked.then((s) => live && setKeys(s));
    return () => { live = false; };
  }, []);
  return keys;
}

/** "Enregistrer la dépêche (Alt+Maj+S)"; the label alone while the shortcut is unknown or unset. */
export function withShortcut(key: MessageKey, shortcut: string): string {
  return shortcut ? t('labelWithKey', t(key), shortcut) : t(key);
}
