// The reader view as a whole: settings toolbar + rendered article inside one .vr-root, with
// settings loaded from and saved to extension storage and followed across views. Used by the
// overlay (inside a closed shadow root) and by the reader extension page.
import type { Article, Entity } from '../core/types';
import { renderArticle } from './render';
import { applySettings, DEFAULTS, LIMITS, loadSettings, normalizeSettings, onSettingsChanged, saveSettings, type ReaderSettings, type ReaderTheme } from './settings';

export interface ReaderViewOptions {
  doc: Document;
  article: Article;
  entities?: Entity[];
  t: (key: string, ...subs: string[]) => string;
  /** Settings to paint the first frame with (the stored ones are loaded right after). */
  initial?: ReaderSettings;
  /** Shows a close button (overlay). */
  onClose?: () => void;
  /** Extra toolbar elements (the reader page's link to the library). */
  extra?: HTMLElement[];
  /** Called when a highlighted entity is activated. */
  onEntity?: (key: string) => void;
  /** ARIA role of the root: 'dialog' for the overlay, 'main' for the page. */
  role?: 'dialog' | 'main';
  /** Local copies of photos kept offline (original URL -> object URL). */
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
  destroy(): void;
}

const WIDTHS = [50, 60, 68, 80, 100];
const HEIGHTS = [1.3, 1.5, 1.6, 1.8, 2];
const THEMES: ReaderTheme[] = ['light', 'sepia', 'dark'];

export function createReaderView(o: ReaderViewOptions): ReaderView {
  const { doc, t } = o;
  let settings = normalizeSettings(o.initial ?? DEFAULTS);
  let focusKey: string | null = null;
  let destroyed = false;
  let photos = o.photos ?? new Map<string, string>();

  const root = doc.createElement('div');
  root.className = 'vr-root';
  root.setAttribute('data-testid', 'reader-root');
  root.setAttribute('tabindex', '-1');
  root.setAttribute('role', o.role ?? 'main');
  if (o.role === 'dialog') root.setAttribute('aria-modal', 'true');
  root.setAttribute('aria-label', o.article.title || t('readerView'));

  const bar = doc.createElement('div');
  bar.className = 'vr-toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('readerSettings'));
  bar.setAttribute('data-testid', 'reader-toolbar');

  const button = (label: string, testid: string, onClick: () => void, title?: string): HTMLButtonElement => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('data-testid', testid);
    if (title) { b.title = title; b.setAttribute('aria-label', title); }
    b.addEventListener('click', onClick);
    return b;
  };
  const group = (label: string, ...kids: HTMLElement[]): HTMLElement => {
    const g = doc.createElement('div');
    g.className = 'vr-group';
    g.setAttribute('role', 'group');
    g.setAttribute('aria-label', label);
    const l = doc.createElement('span');
    l.className = 'vr-label';
    l.textContent = label;
    l.setAttribute('aria-hidden', 'true');
    g.append(l, ...kids);
    return g;
  };
  const select = (testid: string, label: string, onPick: (v: number) => void): HTMLSelectElement => {
    const s = doc.createElement('select');
    s.setAttribute('data-testid', testid);
    s.setAttribute('aria-label', label);
    s.addEventListener('change', () => onPick(Number(s.value)));
    return s;
  };
  const fillSelect = (s: HTMLSelectElement, current: number, values: number[], fmt: (v: number) => string) => {
    const all = [...new Set([...values, current])].sort((a, b) => a - b);
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
    settings = next;
    paint(rerender);
    void saveSettings(settings);
  };

  const smaller = button('A−', 'font-smaller', () => change({ fontSize: settings.fontSize - LIMITS.fontSize.step }), t('readerSmaller'));
  const size = doc.createElement('span');
  size.setAttribute('data-testid', 'font-size-value');
  size.setAttribute('aria-live', 'polite');
  const larger = button('A+', 'font-larger', () => change({ fontSize: settings.fontSize + LIMITS.fontSize.step }), t('readerLarger'));
  const serif = button(t('readerSerif'), 'font-serif', () => change({ font: 'serif' }));
  const sans = button(t('readerSans'), 'font-sans', () => change({ font: 'sans' }));
  const widthSel = select('line-width', t('readerWidth'), (v) => change({ width: v }));
  const heightSel = select('line-height', t('readerLineHeight'), (v) => change({ lineHeight: v }));
  const themeButtons = THEMES.map((th) => button(t(`readerTheme_${th}`), `theme-${th}`, () => change({ theme: th })));
  const hl = button(t('readerHighlight'), 'toggle-highlight', () => change({ highlight: !settings.highlight }));
  const print = button(t('readerPrint'), 'reader-print', () => doc.defaultView?.print());
  const spacer = doc.createElement('span');
  spacer.className = 'vr-spacer';

  bar.append(
    group(t('readerSize'), smaller, size, larger),
    group(t('readerFont'), serif, sans),
    group(t('readerWidth'), widthSel),
    group(t('readerLineHeight'), heightSel),
    group(t('readerTheme'), ...themeButtons),
    hl, print, spacer, ...(o.extra ?? []),
  );
  if (o.onClose) {
    const close = button(`✕ ${t('readerClose')}`, 'reader-close', () => o.onClose?.(), t('readerCloseHint'));
    close.classList.add('vr-close');
    bar.appendChild(close);
  }
  root.appendChild(bar);

  let article: HTMLElement | null = null;
  const renderBody = () => {
    const next = renderArticle(doc, o.article, settings, { t, entities: o.entities, focusKey, photo: (src) => photos.get(src) });
    if (article) article.replaceWith(next);
    else root.appendChild(next);
    article = next;
    o.onRender?.(next);
  };

  function paint(rerender: boolean) {
    applySettings(root, settings);
    size.textContent = `${settings.fontSize}px`;
    smaller.disabled = settings.fontSize <= LIMITS.fontSize.min;
    larger.disabled = settings.fontSize >= LIMITS.fontSize.max;
    serif.setAttribute('aria-pressed', String(settings.font === 'serif'));
    sans.setAttribute('aria-pressed', String(settings.font === 'sans'));
    themeButtons.forEach((b, i) => b.setAttribute('aria-pressed', String(settings.theme === THEMES[i])));
    hl.setAttribute('aria-pressed', String(settings.highlight));
    fillSelect(widthSel, settings.width, WIDTHS, (v) => `${v} ${t('readerChars')}`);
    fillSelect(heightSel, settings.lineHeight, HEIGHTS, (v) => v.toFixed(1));
    if (rerender || !article) renderBody();
  }
  paint(true);

  root.addEventListener('click', (ev) => {
    const target = ev.target as Element | null;
    const mark = target?.closest?.('mark.vr-ent');
    const key = mark?.getAttribute('data-entity-key');
    if (key && o.onEntity && settings.highlight) o.onEntity(key);
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
        if (local && img.getAttribute('src') !== local) img.setAttribute('src', local);
      }
    },
    destroy() {
      destroyed = true;
      unlisten();
    },
  };
}
