// The reader view as a whole: settings toolbar + rendered article inside one .vr-root, with
// settings loaded from and saved to extension storage and followed across views. Used by the
// overlay (inside a closed shadow root) and by the reader extension page.
// Live: the "System" theme follows the system's light/dark setting as it changes, and the
// toolbar and article chrome are rebuilt in the new language when the reader changes it.
import type { Article, Entity } from '../core/types';
import { formatNumber, languageName } from '../shared/format';
import { onLanguageChange, uiLocale, type MessageKey } from '../shared/i18n';
import { createReadAloud, type SpeechState } from './read-aloud';
import { renderArticle } from './render';
import { applySettings, DEFAULTS, LIMITS, loadSettings, normalizeSettings, onSettingsChanged, saveSettings, THEMES, type ReaderSettings, type ReaderTheme } from './settings';

export interface ReaderViewOptions {
  doc: Document;
  article: Article;
  entities?: Entity[];
  t: (key: MessageKey, ...subs: string[]) => string;
  /** Settings to paint the first frame with (the stored ones are loaded right after). */
  initial?: ReaderSettings;
  /** Shows a close button (overlay). */
  onClose?: () => void;
  /** The overlay's keyboard shortcut, shown on the close button (e.g. "Alt+Shift+L"). */
  toggleShortcut?: string;
  /** Extra toolbar elements (the reader page's link to the library). */
  extra?: HTMLElement[];
  /** Called when a highlighted entity is activated. */
  onEntity?: (key: string) => void;
  /** ARIA role of the root: 'dialog' for the overlay, 'main' for the page. */
  role?: 'dialog' | 'main';
  /** Offline copies of the photos (reader page), see RenderOptions.imageSrc. */
  imageSrc?: (src: string) => string | null;
  /** Local copies of photos kept offline (original URL -> object URL), e.g. from setPhotos. */
  photos?: Map<string, string>;
  /** Called with the article element after every (re-)render (highlights are drawn there). */
  onRender?: (article: HTMLElement) => void;
}

export interface ReaderView {
  root: HTMLElement;
  /** Resolves once the stored settings are applied. */
  ready: Promise<void>;
  settings(): ReaderSettings;
  setFocusKey(key: string | null): void;
  /** Show local copies of photos that arrived after the first render (the overlay's case). */
  setPhotos(photos: Map<string, string>): void;
  /** Shows the shortcut on the close button once it is known. */
  setToggleShortcut(shortcut: string): void;
  destroy(): void;
}

const WIDTHS = [50, 60, 68, 80, 100];
const HEIGHTS = [1.3, 1.5, 1.6, 1.8, 2];
const RATES = [0.75, 1, 1.25, 1.5, 2];

export function createReaderView(o: ReaderViewOptions): ReaderView {
  const { doc, t } = o;
  const win = doc.defaultView;
  let settings = normalizeSettings(o.initial ?? DEFAULTS);
  let focusKey: string | null = null;
  let destroyed = false;
  let photos = o.photos ?? new Map<string, string>();
  let shortcut = o.toggleShortcut ?? '';

  const root = doc.createElement('div');
  root.className = 'vr-root';
  root.setAttribute('data-testid', 'reader-root');
  root.setAttribute('tabindex', '-1');
  root.setAttribute('role', o.role ?? 'main');
  if (o.role === 'dialog') root.setAttribute('aria-modal', 'true');

  const button = (label: string, testid: string, onClick: () => void, title?: string): HTMLButtonElement => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('data-testid', testid);
    if (title) { b.title = title; b.setAttribute('aria-label', title); }
    b.addEventListener('click', onClick);
    return b;
  };
  /** A labelled group; `visible` is the short label shown beside it (the full one is its name). */
  const group = (label: string, visible: string | null, ...kids: HTMLElement[]): HTMLElement => {
    const g = doc.createElement('div');
    g.className = 'vr-group';
    g.setAttribute('role', 'group');
    g.setAttribute('aria-label', label);
    if (visible) {
      const l = doc.createElement('span');
      l.className = 'vr-label';
      l.textContent = visible;
      l.setAttribute('aria-hidden', 'true');
      g.append(l);
    }
    g.append(...kids);
    return g;
  };
  const select = (testid: string, label: string, onPick: (v: string) => void): HTMLSelectElement => {
    const s = doc.createElement('select');
    s.setAttribute('data-testid', testid);
    s.setAttribute('aria-label', label);
    s.title = label;
    s.addEventListener('change', () => onPick(s.value));
    return s;
  };
  const fill = <V extends string | number>(s: HTMLSelectElement, current: V, values: V[], fmt: (v: V) => string) => {
    const all = [...new Set([...values, current])];
    if (typeof current === 'number') (all as number[]).sort((a, b) => a - b);
    s.replaceChildren(...all.map((v) => {
      const opt = doc.createElement('option');
      opt.value = String(v);
      opt.textContent = fmt(v);
      return opt;
    }));
    s.value = String(current);
  };

  const change = (patch: Partial<ReaderSettings>) => {
    const next = normalizeSettings({ ...settings, ...patch });
    const rerender = next.highlight !== settings.highlight;
    const rate = next.speechRate !== settings.speechRate;
    settings = next;
    paint(rerender);
    if (rate) speech.rateChanged();
    void saveSettings(settings);
  };

  // Read aloud: the article's own language picks the voice; its blocks are read in order.
  let speechState: SpeechState = 'idle';
  const speech = createReadAloud({
    win: win ?? (globalThis as unknown as Window),
    lang: (o.article.lang || 'fr').toLowerCase(),
    rate: () => settings.speechRate,
    blocks: () => [...root.querySelectorAll<HTMLElement>('.vr-title, .vr-lead, .vr-body > p, .vr-body > h2')],
    onChange: (state, current) => {
      speechState = state;
      for (const el of root.querySelectorAll('.vr-speaking')) { el.classList.remove('vr-speaking'); el.removeAttribute('aria-current'); }
      if (current) {
        current.classList.add('vr-speaking');
        current.setAttribute('aria-current', 'true');
        if (state === 'playing') current.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
      }
      paintSpeech();
    },
  });

  // The toolbar: built from scratch in the current language (first paint and on a change).
  let bar = doc.createElement('div');
  let ui: {
    size: HTMLElement; smaller: HTMLButtonElement; larger: HTMLButtonElement; serif: HTMLButtonElement; sans: HTMLButtonElement;
    widthSel: HTMLSelectElement; heightSel: HTMLSelectElement; themeSel: HTMLSelectElement; hl: HTMLButtonElement;
    play: HTMLButtonElement; rateSel: HTMLSelectElement; speechMsg: HTMLElement; close: HTMLButtonElement | null;
  };
  function buildBar(): void {
    root.setAttribute('aria-label', o.article.title || t('readerView'));
    const next = doc.createElement('div');
    next.className = 'vr-toolbar';
    next.setAttribute('role', 'toolbar');
    next.setAttribute('aria-label', t('readerSettings'));
    next.setAttribute('data-testid', 'reader-toolbar');
    const smaller = button('A−', 'font-smaller', () => change({ fontSize: settings.fontSize - LIMITS.fontSize.step }), t('readerSmaller'));
    const size = doc.createElement('span');
    size.className = 'vr-value';
    size.setAttribute('data-testid', 'font-size-value');
    size.setAttribute('aria-live', 'polite');
    const larger = button('A+', 'font-larger', () => change({ fontSize: settings.fontSize + LIMITS.fontSize.step }), t('readerLarger'));
    const serif = button(t('readerSerif'), 'font-serif', () => change({ font: 'serif' }));
    const sans = button(t('readerSans'), 'font-sans', () => change({ font: 'sans' }));
    const widthSel = select('line-width', t('readerWidth'), (v) => change({ width: Number(v) }));
    const heightSel = select('line-height', t('readerLineHeight'), (v) => change({ lineHeight: Number(v) }));
    const themeSel = select('theme', t('readerTheme'), (v) => change({ theme: v as ReaderTheme }));
    const hl = button(t('readerHighlight'), 'toggle-highlight', () => change({ highlight: !settings.highlight }), t('readerHighlightHint'));
    const play = button('', 'read-aloud', () => { void speech.toggle(); });
    const rateSel = select('speech-rate', t('readerSpeed'), (v) => change({ speechRate: Number(v) }));
    const speechMsg = doc.createElement('span');
    speechMsg.className = 'vr-speech-msg';
    speechMsg.setAttribute('role', 'status');
    speechMsg.setAttribute('data-testid', 'read-aloud-status');
    const print = button(t('readerPrint'), 'reader-print', () => win?.print());
    const spacer = doc.createElement('span');
    spacer.className = 'vr-spacer';
    next.append(
      group(t('readerSize'), null, smaller, size, larger),
      group(t('readerFont'), null, serif, sans),
      group(t('readerWidth'), t('readerWidthShort'), widthSel),
      group(t('readerLineHeight'), t('readerLineHeightShort'), heightSel),
      group(t('readerTheme'), t('readerTheme'), themeSel),
      hl,
      group(t('readerListen'), null, play, rateSel),
      print, speechMsg, spacer, ...(o.extra ?? []),
    );
    let close: HTMLButtonElement | null = null;
    if (o.onClose) {
      close = button('', 'reader-close', () => o.onClose?.());
      close.classList.add('vr-close');
      next.appendChild(close);
    }
    ui = { size, smaller, larger, serif, sans, widthSel, heightSel, themeSel, hl, play, rateSel, speechMsg, close };
    if (bar.isConnected) bar.replaceWith(next);
    else root.prepend(next);
    bar = next;
  }

  function paintClose(): void {
    if (!ui.close) return;
    const keys = shortcut ? t('readerCloseKeys', shortcut) : t('readerCloseKey');
    ui.close.replaceChildren(doc.createTextNode(`✕ ${t('readerClose')} `));
    const kbd = doc.createElement('kbd');
    kbd.textContent = keys;
    ui.close.appendChild(kbd);
    const hint = shortcut ? t('readerCloseHintKeys', shortcut) : t('readerCloseHint');
    ui.close.title = hint;
    ui.close.setAttribute('aria-label', hint);
  }

  function paintSpeech(): void {
    const playing = speechState === 'playing';
    ui.play.textContent = playing ? `❚❚ ${t('readerPause')}` : speechState === 'paused' ? `▶ ${t('readerResume')}` : `▶ ${t('readerListen')}`;
    ui.play.setAttribute('aria-pressed', String(playing));
    ui.play.title = t('readerListenHint');
    const lang = (o.article.lang || 'fr').toLowerCase();
    ui.speechMsg.textContent = speechState === 'novoice'
      ? t('readerNoVoice', languageName(lang, uiLocale()))
      : speechState === 'unsupported' ? t('readerNoSpeech') : '';
    ui.speechMsg.hidden = !ui.speechMsg.textContent;
  }

  let article: HTMLElement | null = null;
  const renderBody = () => {
    speech.stop();
    const imageSrc = (src: string) => photos.get(src) ?? o.imageSrc?.(src) ?? null;
    const next = renderArticle(doc, o.article, settings, { t, entities: o.entities, focusKey, imageSrc });
    if (article) article.replaceWith(next);
    else root.appendChild(next);
    article = next;
    o.onRender?.(next);
  };

  function paint(rerender: boolean) {
    applySettings(root, settings);
    ui.size.textContent = `${formatNumber(settings.fontSize)} px`;
    ui.smaller.disabled = settings.fontSize <= LIMITS.fontSize.min;
    ui.larger.disabled = settings.fontSize >= LIMITS.fontSize.max;
    ui.serif.setAttribute('aria-pressed', String(settings.font === 'serif'));
    ui.sans.setAttribute('aria-pressed', String(settings.font === 'sans'));
    ui.hl.setAttribute('aria-pressed', String(settings.highlight));
    fill(ui.widthSel, settings.width, WIDTHS, (v) => `${formatNumber(v)} ${t('readerChars')}`);
    fill(ui.heightSel, settings.lineHeight, HEIGHTS, (v) => formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    fill(ui.themeSel, settings.theme, [...THEMES], (v) => t(`readerTheme_${v}`));
    fill(ui.rateSel, settings.speechRate, RATES, (v) => `${formatNumber(v)}×`);
    paintSpeech();
    paintClose();
    if (rerender || !article) renderBody();
  }
  buildBar();
  paint(true);

  root.addEventListener('click', (ev) => {
    const target = ev.target as Element | null;
    const mark = target?.closest?.('mark.vr-ent');
    const key = mark?.getAttribute('data-entity-key');
    if (key && o.onEntity && settings.highlight) o.onEntity(key);
  });

  // "System": repaint when the system switches between light and dark.
  const media = win?.matchMedia?.('(prefers-color-scheme: dark)');
  const onScheme = () => { if (!destroyed) applySettings(root, settings); };
  media?.addEventListener?.('change', onScheme);
  const unlang = onLanguageChange(() => {
    if (destroyed) return;
    buildBar();
    paint(true);
  });

  const unlisten = onSettingsChanged((s) => {
    if (destroyed) return;
    const rerender = s.highlight !== settings.highlight;
    settings = s;
    paint(rerender);
  });
  const ready = loadSettings().then((s) => {
    if (destroyed) return;
    const rerender = s.highlight !== settings.highlight;
    settings = s;
    paint(rerender);
  });

  return {
    root,
    ready,
    settings: () => settings,
    setFocusKey(key) {
      focusKey = key;
      renderBody();
      const first = root.querySelector('mark.vr-focus');
      first?.scrollIntoView({ block: 'center' });
    },
    setPhotos(next) {
      photos = next;
      for (const img of root.querySelectorAll<HTMLImageElement>('img[data-vr-src]')) {
        const local = photos.get(img.getAttribute('data-vr-src') ?? '');
        if (local && local.startsWith('blob:') && img.getAttribute('src') !== local) img.setAttribute('src', local);
      }
    },
    setToggleShortcut(s) {
      shortcut = s;
      paintClose();
    },
    destroy() {
      destroyed = true;
      speech.stop();
      media?.removeEventListener?.('change', onScheme);
      unlang();
      unlisten();
    },
  };
}
