// Reading settings: defaults, validation, persistence in extension storage (shared by the
// overlay in a page and the reader/library extension pages), and application as CSS variables.
import { extStorage } from '../shared/settings';

/** 'system' follows the system's light/dark setting, live (the default). */
export type ReaderTheme = 'system' | 'light' | 'sepia' | 'dark';
export type ReaderFont = 'serif' | 'sans';

export interface ReaderSettings {
  /** Body font size in px. */
  fontSize: number;
  font: ReaderFont;
  /** Maximum line width in characters (ch). */
  width: number;
  lineHeight: number;
  theme: ReaderTheme;
  /** Mark entity mentions in the text, with a legend. */
  highlight: boolean;
  /** Read-aloud speed (speechSynthesis rate). */
  speechRate: number;
}

const STORAGE_KEY = 'readerSettings';

export const DEFAULTS: Readonly<ReaderSettings> = Object.freeze({
  fontSize: 19,
  font: 'serif',
  width: 68,
  lineHeight: 1.6,
  theme: 'system',
  highlight: false,
  speechRate: 1,
});

export const LIMITS = {
  fontSize: { min: 14, max: 30, step: 1 },
  width: { min: 45, max: 100, step: 5 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
  speechRate: { min: 0.5, max: 2, step: 0.25 },
} as const;

export const THEMES: readonly ReaderTheme[] = ['system', 'light', 'sepia', 'dark'];
const FONTS: readonly ReaderFont[] = ['serif', 'sans'];

function num(v: unknown, lim: { min: number; max: number }, dflt: number): number {
  const n = typeof v === 'number' ? v : Number.NaN;
  if (!Number.isFinite(n)) return dflt;
  return Math.round(Math.min(lim.max, Math.max(lim.min, n)) * 10) / 10;
}

/** Any stored value (possibly from an older version, or garbage) to valid settings. */
export function normalizeSettings(raw: unknown): ReaderSettings {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    fontSize: num(o.fontSize, LIMITS.fontSize, DEFAULTS.fontSize),
    font: FONTS.includes(o.font as ReaderFont) ? (o.font as ReaderFont) : DEFAULTS.font,
    width: num(o.width, LIMITS.width, DEFAULTS.width),
    lineHeight: num(o.lineHeight, LIMITS.lineHeight, DEFAULTS.lineHeight),
    theme: THEMES.includes(o.theme as ReaderTheme) ? (o.theme as ReaderTheme) : DEFAULTS.theme,
    highlight: typeof o.highlight === 'boolean' ? o.highlight : DEFAULTS.highlight,
    speechRate: typeof o.speechRate === 'number' && Number.isFinite(o.speechRate)
      ? Math.round(Math.min(LIMITS.speechRate.max, Math.max(LIMITS.speechRate.min, o.speechRate)) * 100) / 100
      : DEFAULTS.speechRate,
  };
}

export async function loadSettings(): Promise<ReaderSettings> {
  try {
    const got = await extStorage()?.local.get(STORAGE_KEY);
    return normalizeSettings(got?.[STORAGE_KEY]);
  } catch {
    return { ...DEFAULTS };
  }
}

export async function saveSettings(s: ReaderSettings): Promise<void> {
  try {
    await extStorage()?.local.set({ [STORAGE_KEY]: normalizeSettings(s) });
  } catch {
    // Storage unavailable: the change still applies to this view.
  }
}

/** Calls `fn` when the settings change in another view (another tab, the reader page). */
export function onSettingsChanged(fn: (s: ReaderSettings) => void): () => void {
  const storage = extStorage();
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && STORAGE_KEY in changes) fn(normalizeSettings(changes[STORAGE_KEY].newValue));
  };
  try {
    storage?.onChanged.addListener(listener);
  } catch {
    return () => {};
  }
  return () => storage?.onChanged.removeListener(listener);
}

/** The theme actually painted: 'system' is dark or light as the system is now. */
function resolveTheme(theme: ReaderTheme, win: Window | null | undefined): Exclude<ReaderTheme, 'system'> {
  if (theme !== 'system') return theme;
  try {
    return win?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

/**
 * Applies the settings to a reader root as CSS custom properties and theme attributes:
 * data-theme is the painted theme, data-theme-choice what the reader picked.
 */
export function applySettings(root: HTMLElement, s: ReaderSettings): void {
  root.style.setProperty('--vr-font-size', `${s.fontSize}px`);
  root.style.setProperty('--vr-line-height', String(s.lineHeight));
  root.style.setProperty('--vr-width', `${s.width}ch`);
  root.setAttribute('data-theme', resolveTheme(s.theme, root.ownerDocument?.defaultView));
  root.setAttribute('data-theme-choice', s.theme);
  root.setAttribute('data-font', s.font);
  root.setAttribute('data-highlight', s.highlight ? 'on' : 'off');
}
