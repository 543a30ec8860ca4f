// UI strings, all from assets/_locales/{fr,en}/messages.json. Keys are typed from the French
// file (the default locale), so `t('aKeyThatDoesNotExist')` is a compile error; a unit test
// keeps the English file's keys identical.
//
// By default the browser picks the language (chrome.i18n.getMessage). The reader can override
// it on the settings page (French / English / browser): the chosen file is then loaded and
// used instead, and every open page re-renders when the choice changes (onLanguageChange).
// No webextension-polyfill here: both browsers' MV3 APIs return promises, and this module is
// also imported by unit tests in Node.
import { loadAppSettings, onAppSettingsChanged, type UiLanguageChoice } from './settings';

type Messages = typeof import('../../assets/_locales/fr/messages.json');
export type MessageKey = keyof Messages;
/** Keys that have plural forms: `<base>_one`, `<base>_other` (and `_many` where a language has it). */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
export type UiLang = 'fr' | 'en';

interface Entry { message: string; placeholders?: Record<string, { content: string }> }
type Table = Record<string, Entry>;

interface ExtI18n { getMessage(key: string, subs?: string[]): string; getUILanguage(): string }
function extI18n(): ExtI18n | null {
  const g = globalThis as { chrome?: { i18n?: ExtI18n }; browser?: { i18n?: ExtI18n } };
  return g.browser?.i18n ?? g.chrome?.i18n ?? null;
}

/**
 * The page's language state. It lives on the page's global object, not in this module's
 * variables: the popup runs this module twice, once in its classic first-paint script
 * (src/popup/boot.ts, bundled on its own so that it runs as soon as the page is parsed) and
 * once in the view's modules, and both must show the one language the reader chose.
 */
interface I18nState {
  /** The file used when the reader chose a language other than the browser's (null: browser decides). */
  override: { lang: UiLang; table: Table } | null;
  /** Our copy of the browser-picked language's file, used only when getMessage answers nothing (ensureFallback). */
  fallback: Table | null;
  listeners: Set<() => void>;
  choiceSeq: number;
  watching: boolean;
}
const STATE_KEY = Symbol.for('vna-reader.i18n');
const state: I18nState = ((globalThis as { [STATE_KEY]?: I18nState })[STATE_KEY] ??= {
  override: null, fallback: null, listeners: new Set(), choiceSeq: 0, watching: false,
});

/** How a language's file is loaded; the popup's first-paint script fetches the packaged file instead (setTableLoader). */
let tableLoader = async (lang: UiLang): Promise<Table> => {
  // A separate chunk each: only loaded when a language overrides the browser's.
  const mod = lang === 'en'
    ? await import('../../assets/_locales/en/messages.json')
    : await import('../../assets/_locales/fr/messages.json');
  return ((mod as { default?: Table }).default ?? mod) as Table;
};
const loadTable = (lang: UiLang): Promise<Table> => tableLoader(lang);

/**
 * Replaces how a language's file is loaded, for a bundle that does not carry the files (the
 * popup's classic first-paint script: a classic script has no chunks, so the two files would be
 * inlined in it, 60 KB to parse before the first paint).
 */
export function setTableLoader(load: (lang: UiLang) => Promise<Record<string, Entry>>): void {
  tableLoader = load;
}

/** Chrome's substitution rules: `$name$` → the placeholder's content, then `$1`…`$9` → subs. */
function substitute(entry: Entry, subs: readonly string[]): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (m, name: string) => {
    const ph = entry.placeholders?.[name.toLowerCase()];
    return ph ? ph.content : m;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : subs[Number(d) - 1] ?? ''));
}

/** The UI string for `key`, with `$1`… substituted. Falls back to the key itself, never throws. */
export function t(key: MessageKey, ...subs: string[]): string {
  const { override } = state;
  if (override) {
    const e = override.table[key];
    return e ? substitute(e, subs) : key;
  }
  let got = '';
  try {
    got = extI18n()?.getMessage(key, subs) ?? '';
  } catch {
    /* no extension API (unit tests) */
  }
  if (got) return got;
  const e = state.fallback?.[key];
  return e ? substitute(e, subs) : key;
}

/**
 * Loads our own copy of the browser-picked language's file, used only when the browser's
 * getMessage answers nothing for a key that exists (seen once under heavy load in CI: a
 * library page showing raw keys). Called by initI18n, which pages await before rendering.
 */
async function ensureFallback(): Promise<void> {
  if (state.fallback || !extI18n()) return;
  let native = '';
  try {
    native = extI18n()!.getMessage('lang');
  } catch {
    /* treated as empty */
  }
  if (native) return;
  let browserLang = '';
  try {
    browserLang = extI18n()!.getUILanguage().toLowerCase();
  } catch {
    /* the default locale */
  }
  state.fallback = await loadTable(browserLang.startsWith('en') ? 'en' : 'fr').catch(() => null);
}

/** The language the UI is shown in: the override, else the locale the browser picked for us. */
export function uiLang(): UiLang {
  if (state.override) return state.override.lang;
  const l = t('lang');
  return l === 'en' ? 'en' : 'fr';
}

/** A BCP 47 tag for Intl: the browser's own region when it speaks the UI language (en-GB), else the language. */
export function uiLocale(): string {
  const lang = uiLang();
  try {
    const b = extI18n()?.getUILanguage() ?? '';
    if (b.toLowerCase().split(/[-_]/)[0] === lang) return b.replace('_', '-');
  } catch {
    /* no extension API (unit tests) */
  }
  return lang;
}

/** Applies a choice: loads the file of an explicit language, or returns to the browser's. */
export async function setUiLanguage(choice: UiLanguageChoice): Promise<void> {
  // Choices can cross (a file still loading when the reader picks again): the last one wins.
  const mine = ++state.choiceSeq;
  const table = choice === 'browser' ? null : await loadTable(choice);
  if (mine !== state.choiceSeq) return;
  const before = uiLang();
  const hadOverride = !!state.override;
  state.override = table && choice !== 'browser' ? { lang: choice, table } : null;
  if (before !== uiLang() || hadOverride !== !!state.override) for (const fn of state.listeners) fn();
}

const HINT_KEY = 'vna-reader:uiLanguage';

/**
 * The last choice seen, kept in the extension origin's localStorage (read synchronously):
 * with the browser's language — the usual case — a page renders at once instead of waiting
 * for storage.local. Never in a content script: there localStorage is the web page's.
 */
function hintStore(): Storage | null {
  try {
    return /^(chrome|moz)-extension:$/.test(globalThis.location?.protocol ?? '') ? globalThis.localStorage : null;
  } catch {
    return null;
  }
}

/**
 * Reads the reader's language choice and applies it; pages await this before their first
 * render (it resolves at once when the last choice seen was the browser's language). Later
 * changes (settings page, another tab) are applied as they happen, through onLanguageChange.
 */
export async function initI18n(): Promise<UiLang> {
  const hints = hintStore();
  const real = loadAppSettings()
    .then(async (s) => {
      try { hints?.setItem(HINT_KEY, s.uiLanguage); } catch { /* private mode */ }
      await setUiLanguage(s.uiLanguage);
    })
    .catch(() => {});
  if (!state.watching) {
    state.watching = true;
    onAppSettingsChanged((s, old) => {
      if (s.uiLanguage === old?.uiLanguage) return;
      try { hints?.setItem(HINT_KEY, s.uiLanguage); } catch { /* private mode */ }
      void setUiLanguage(s.uiLanguage).catch(() => {});
    });
  }
  await ensureFallback();
  const hint = hints?.getItem(HINT_KEY);
  if (hints && (hint === null || hint === 'browser')) return uiLang();
  await real;
  return uiLang();
}

/** Calls `fn` after the UI language changed (the new strings are ready). */
export function onLanguageChange(fn: () => void): () => void {
  state.listeners.add(fn);
  return () => state.listeners.delete(fn);
}

/** `<html lang>` of an extension page follows the UI language. */
export function applyDocumentLang(doc: Document = document): void {
  doc.documentElement.lang = uiLang();
}
