import browser from 'webextension-polyfill';

/** UI strings come from _locales (the browser language decides); the key is the fallback. */
export function t(key: string, ...subs: string[]): string {
  try {
    return browser.i18n.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}
