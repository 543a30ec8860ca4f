// The settings page (options_ui). Every control writes storage.local at once; open popups,
// pages, reader views and the service worker follow through storage.onChanged, so there is
// no "Save" button and nothing to reload.
import { useEffect, useState } from 'preact/hooks';
import { t, uiLang } from '../../shared/i18n';
import { formatNumber, languageName } from '../../shared/format';
import { APP_DEFAULTS, loadAppSettings, onAppSettingsChanged, updateAppSettings, type AppSettings, type BadgeMode, type UiLanguageChoice } from '../../shared/settings';
import { DEFAULTS, LIMITS, loadSettings, onSettingsChanged, saveSettings, THEMES, type ReaderSettings } from '../../reader/settings';
import { toBackground } from '../../shared/rpc';
import type { Shortcuts } from '../../shared/messages';
import { ForgetEverything } from './ForgetEverything';

const LANGS: UiLanguageChoice[] = ['browser', 'fr', 'en'];
const BADGES: BadgeMode[] = ['related', 'saved', 'none'];
const WIDTHS = [50, 60, 68, 80, 100];
const HEIGHTS = [1.3, 1.5, 1.6, 1.8, 2];
const RATES = [0.75, 1, 1.25, 1.5, 2];

/** The browser's own language as the extension shows it when no override is set. */
function browserChoiceLabel(): string {
  let code = 'fr';
  try {
    const g = globalThis as { chrome?: { i18n?: { getMessage(k: string): string } } };
    code = g.chrome?.i18n?.getMessage('lang') || 'fr';
  } catch { /* default locale */ }
  return t('optLangBrowser', languageName(code, code));
}

export function App() {
  const [app, setApp] = useState<AppSettings>({ ...APP_DEFAULTS });
  const [reader, setReader] = useState<ReaderSettings>({ ...DEFAULTS });
  const [keys, setKeys] = useState<Shortcuts | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    document.title = `${t('optTitle')} — VNA Reader`;
  });
  useEffect(() => {
    loadAppSettings().then(setApp);
    loadSettings().then(setReader);
    toBackground({ type: 'bg/shortcuts' }).then(setKeys, () => setKeys({ toggleReader: '', save: '' }));
    const a = onAppSettingsChanged((s) => setApp(s));
    const r = onSettingsChanged((s) => setReader(s));
    return () => { a(); r(); };
  }, []);

  const done = () => { setSaved(true); window.setTimeout(() => setSaved(false), 2500); };
  const setA = (patch: Partial<AppSettings>) => { setApp({ ...app, ...patch }); void updateAppSettings(patch).then(done); };
  const setR = (patch: Partial<ReaderSettings>) => { const next = { ...reader, ...patch }; setReader(next); void saveSettings(next).then(done); };
  const num = (v: number, digits = 0) => formatNumber(v, { minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 2) });

  return (
    <main class="page" data-testid="options" lang={uiLang()}>
      <h1>{t('optTitle')}</h1>

      <section class="card" aria-labelledby="opt-lang">
        <h2 id="opt-lang">{t('optLanguage')}</h2>
        <fieldset data-testid="opt-language">
          <legend class="muted">{t('optLanguageHint')}</legend>
          {LANGS.map((l) => (
            <label>
              <input type="radio" name="lang" value={l} data-testid={`lang-${l}`} checked={app.uiLanguage === l} onChange={() => setA({ uiLanguage: l })} />
              {/* Each language in its own name, so a reader who cannot read the current one finds theirs. */}
              <span lang={l === 'browser' ? undefined : l}>{l === 'browser' ? browserChoiceLabel() : languageName(l, l)}</span>
            </label>
          ))}
        </fieldset>
      </section>

      <section class="card" aria-labelledby="opt-reader">
        <h2 id="opt-reader">{t('optReader')}</h2>
        <div class="row">
          <label for="opt-theme">{t('readerTheme')}</label>
          <select id="opt-theme" data-testid="opt-theme" value={reader.theme} onChange={(e) => setR({ theme: (e.target as HTMLSelectElement).value as ReaderSettings['theme'] })}>
            {THEMES.map((th) => <option value={th}>{t(`readerTheme_${th}`)}</option>)}
          </select>
        </div>
        <div class="row">
          <label for="opt-font">{t('readerFont')}</label>
          <select id="opt-font" data-testid="opt-font" value={reader.font} onChange={(e) => setR({ font: (e.target as HTMLSelectElement).value as ReaderSettings['font'] })}>
            <option value="serif">{t('readerSerif')}</option>
            <option value="sans">{t('readerSans')}</option>
          </select>
        </div>
        <div class="row">
          <label for="opt-size">{t('optFontSize')}</label>
          <input id="opt-size" data-testid="opt-size" type="range" min={LIMITS.fontSize.min} max={LIMITS.fontSize.max} step={LIMITS.fontSize.step} value={reader.fontSize}
            onInput={(e) => setR({ fontSize: Number((e.target as HTMLInputElement).value) })} />
          <output for="opt-size">{t('optPx', num(reader.fontSize))}</output>
        </div>
        <div class="row">
          <label for="opt-width">{t('readerWidth')}</label>
          <select id="opt-width" data-testid="opt-width" value={String(reader.width)} onChange={(e) => setR({ width: Number((e.target as HTMLSelectElement).value) })}>
            {[...new Set([...WIDTHS, reader.width])].sort((a, b) => a - b).map((w) => <option value={String(w)}>{`${num(w)} ${t('readerChars')}`}</option>)}
          </select>
        </div>
        <div class="row">
          <label for="opt-height">{t('readerLineHeight')}</label>
          <select id="opt-height" data-testid="opt-height" value={String(reader.lineHeight)} onChange={(e) => setR({ lineHeight: Number((e.target as HTMLSelectElement).value) })}>
            {[...new Set([...HEIGHTS, reader.lineHeight])].sort((a, b) => a - b).map((h) => <option value={String(h)}>{num(h, 1)}</option>)}
          </select>
        </div>
        <div class="row">
          <label for="opt-rate">{t('readerSpeed')}</label>
          <select id="opt-rate" data-testid="opt-rate" value={String(reader.speechRate)} onChange={(e) => setR({ speechRate: Number((e.target as HTMLSelectElement).value) })}>
            {[...new Set([...RATES, reader.speechRate])].sort((a, b) => a - b).map((r) => <option value={String(r)}>{`${num(r)}×`}</option>)}
          </select>
        </div>
        <label class="row">
          <input type="checkbox" data-testid="opt-highlight" checked={reader.highlight} onChange={(e) => setR({ highlight: (e.target as HTMLInputElement).checked })} />
          {t('optHighlight')}
        </label>
      </section>

      <section class="card" aria-labelledby="opt-browser">
        <h2 id="opt-browser">{t('optBrowser')}</h2>
        <fieldset data-testid="opt-badge">
          <legend>{t('optBadge')}</legend>
          {BADGES.map((b) => (
            <label>
              <input type="radio" name="badge" value={b} data-testid={`badge-${b}`} checked={app.badge === b} onChange={() => setA({ badge: b })} />
              {t(`optBadge_${b}`)}
            </label>
          ))}
        </fieldset>
        <label class="row">
          <input type="checkbox" data-testid="opt-context-menu" checked={app.contextMenu} onChange={(e) => setA({ contextMenu: (e.target as HTMLInputElement).checked })} />
          {t('optContextMenu')}
        </label>
        <label class="row">
          <input type="checkbox" data-testid="opt-offline-photos" checked={app.offlinePhotos} onChange={(e) => setA({ offlinePhotos: (e.target as HTMLInputElement).checked })} />
          {t('optOfflinePhotos')}
        </label>
        <h2>{t('optShortcuts')}</h2>
        <ul data-testid="opt-shortcuts">
          <li><kbd>{keys?.toggleReader || t('optShortcutUnset')}</kbd> {t('cmdToggleReader')}</li>
          <li><kbd>{keys?.save || t('optShortcutUnset')}</kbd> {t('cmdSave')}</li>
        </ul>
        <p class="muted">{t('optShortcutsWhere')}</p>
      </section>

      <ForgetEverything />

      <p><a href="../welcome/index.html" data-testid="opt-welcome">{t('optWelcome')}</a></p>
      <p class="status ok" role="status" data-testid="opt-saved">{saved ? t('optSaved') : ''}</p>
    </main>
  );
}
