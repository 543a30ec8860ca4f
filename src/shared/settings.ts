// The reader's extension-wide settings (the settings page writes them), kept in
// storage.local under one key so that every context — popup, pages, content script, service
// worker — reads the same object and hears the same change event. Reading settings (font,
// width, theme of the reader view) live beside them in src/reader/settings.ts.
// No webextension-polyfill: both browsers' MV3 storage API returns promises.

export type UiLanguageChoice = 'browser' | 'fr' | 'en';
/** What the toolbar badge shows for a VNA article tab. */
export type BadgeMode = 'related' | 'saved' | 'none';

export interface AppSettings {
  uiLanguage: UiLanguageChoice;
  badge: BadgeMode;
  /** The "Save the dispatch" item in the page's context menu. */
  contextMenu: boolean;
  /** Keep a saved dispatch's photos in the extension, for reading offline (src/store/photos.ts). */
  offlinePhotos: boolean;
}

const APP_SETTINGS_KEY = 'settings';

export const APP_DEFAULTS: Readonly<AppSettings> = Object.freeze({
  uiLanguage: 'browser',
  badge: 'related',
  contextMenu: true,
  offlinePhotos: false,
});

const LANGS: readonly UiLanguageChoice[] = ['browser', 'fr', 'en'];
const BADGES: readonly BadgeMode[] = ['related', 'saved', 'none'];

/** Any stored value (older version, garbage, nothing) to valid settings. */
export function normalizeAppSettings(raw: unknown): AppSettings {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    uiLanguage: LANGS.includes(o.uiLanguage as UiLanguageChoice) ? (o.uiLanguage as UiLanguageChoice) : APP_DEFAULTS.uiLanguage,
    badge: BADGES.includes(o.badge as BadgeMode) ? (o.badge as BadgeMode) : APP_DEFAULTS.badge,
    contextMenu: typeof o.contextMenu === 'boolean' ? o.contextMenu : APP_DEFAULTS.contextMenu,
    offlinePhotos: typeof o.offlinePhotos === 'boolean' ? o.offlinePhotos : APP_DEFAULTS.offlinePhotos,
  };
}

interface StorageChange { oldValue?: unknown; newValue?: unknown }
interface ExtStorage {
  local: { get(key: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
  onChanged: {
    addListener(fn: (c: Record<string, StorageChange>, area: string) => void): void;
    removeListener(fn: (c: Record<string, StorageChange>, area: string) => void): void;
  };
}
/** The extension's storage API, or null outside an extension (unit tests). */
export function extStorage(): ExtStorage | null {
  const g = globalThis as { chrome?: { storage?: ExtStorage }; browser?: { storage?: ExtStorage } };
  return g.browser?.storage ?? g.chrome?.storage ?? null;
}

export async function loadAppSettings(): Promise<AppSettings> {
  try {
    const got = await extStorage()?.local.get(APP_SETTINGS_KEY);
    return normalizeAppSettings(got?.[APP_SETTINGS_KEY]);
  } catch {
    return { ...APP_DEFAULTS };
  }
}

/** Merges `patch` into the stored settings; every open context hears the change. */
export async function updateAppSettings(patch: Partial<AppSettings>): Promise<AppSettings> {
  const next = normalizeAppSettings({ ...(await loadAppSettings()), ...patch });
  await extStorage()?.local.set({ [APP_SETTINGS_KEY]: next });
  return next;
}

/** Calls `fn(new, old)` whenever the settings change (in any context). Returns an unsubscribe. */
export function onAppSettingsChanged(fn: (s: AppSettings, old: AppSettings | null) => void): () => void {
  const storage = extStorage();
  if (!storage) return () => {};
  const listener = (changes: Record<string, StorageChange>, area: string) => {
    const c = changes[APP_SETTINGS_KEY];
    if (area === 'local' && c) fn(normalizeAppSettings(c.newValue), c.oldValue === undefined ? null : normalizeAppSettings(c.oldValue));
  };
  storage.onChanged.addListener(listener);
  return () => storage.onChanged.removeListener(listener);
}

/** For the background's badge code: what the badge of an article tab should show. */
export async function getBadgeMode(): Promise<BadgeMode> {
  return (await loadAppSettings()).badge;
}

/** For the background's menu code: whether the page context menu item is wanted. */
export async function isContextMenuEnabled(): Promise<boolean> {
  return (await loadAppSettings()).contextMenu;
}
