// Small display helpers for the popup (locale follows the browser UI language).
import browser from 'webextension-polyfill';

function uiLang(): string {
  try {
    return browser.i18n.getUILanguage() || 'fr';
  } catch {
    return 'fr';
  }
}

/** `2019-10-21` or `2019-10-21T08:00:00+07:00` → "21 oct. 2019" / "Oct 21, 2019". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  try {
    const d = new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1));
    const opts: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
    if (m[2]) opts.month = 'short';
    if (m[3]) opts.day = 'numeric';
    return new Intl.DateTimeFormat(uiLang(), opts).format(d);
  } catch {
    return iso.slice(0, 10);
  }
}

// Site names and editions come from src/data/sites.json (one place for each outlet).
export { siteLabel } from '../core/extract/profiles';
