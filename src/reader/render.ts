// The one renderer of the reader view, for the overlay on a live page and for the reader
// extension page. It builds the article from the extracted Article with createElement,
// textContent and setAttribute only: no page HTML is ever parsed, so a page's scripts, event
// handlers, `javascript:` links or iframes cannot reach the view. Links are kept only when
// they are http(s) URLs, images only when they are on a VNA host (image-hosts.ts).
import type { Article, ArticleImage, Block, Entity, EntityType } from '../core/types';
import { appendMarkedText, indexMentions, renderLegend, slotKey, type MentionIndex } from './entity-highlight';
import type { ReaderSettings } from './settings';
import { formatDateTime, formatNumber } from '../shared/format';
import type { MessageKey } from '../shared/i18n';
import { vnaImageUrl } from './image-hosts';
import { typeInfo } from '../core/entity-types';

export interface RenderOptions {
  /** UI string lookup (i18n); receives a key and substitutions. */
  t: (key: MessageKey, ...subs: string[]) => string;
  /** Entities to mark (defaults to article.entities). */
  entities?: Entity[];
  /** An entity key to emphasise (the popup's current selection). */
  focusKey?: string | null;
  /**
   * The image to show for a page image URL: the reader page's offline copy (a blob: URL it
   * made from its own stored photo), or null to use the http(s) URL itself.
   */
  imageSrc?: (src: string) => string | null;
  /** Locale used to format the date (defaults to the UI language: the reader reads our words in it). */
  locale?: string;
}

/** The URL if it is an absolute http(s) URL, else null. */
export function safeHttpUrl(raw: unknown, base?: string): string | null {
  if (typeof raw !== 'string' || !raw.trim()) return null;
  try {
    const u = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Human date (Hanoi time, shared formatter) for an ISO date or date-time; null when not a date. */
function formatPublished(iso: string | null | undefined, locale?: string): string | null {
  if (!iso || typeof iso !== 'string') return null;
  if (Number.isNaN(Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : iso))) return null;
  return formatDateTime(iso, 'long', locale) || null;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, testid?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (testid) e.setAttribute('data-testid', testid);
  return e;
}

function textEl<K extends keyof HTMLElementTagNameMap>(
  doc: Document, tag: K, text: string, mentions: MentionIndex | null, slot: string, focusKey: string | null | undefined, cls?: string, testid?: string,
): HTMLElementTagNameMap[K] {
  const e = el(doc, tag, cls, testid);
  // Lead and body texts carry their slot so highlights can be anchored to them (reader/highlights.ts).
  if (/^(lead|body):/.test(slot)) e.setAttribute('data-vr-slot', slot);
  appendMarkedText(e, text, mentions?.get(slot), focusKey);
  return e;
}

function figure(doc: Document, image: ArticleImage, captionIdx: number, mentions: MentionIndex | null, opts: RenderOptions): HTMLElement | null {
  // Photos from VNA's own hosts only (image-hosts.ts); any other is dropped, its caption kept.
  // A photo kept offline (a blob: URL from the archive) is shown instead of the web one.
  const web = vnaImageUrl(image?.src);
  const offline = web ? opts.imageSrc?.(web) ?? null : null;
  // Only our own blob: copy (made from a stored photo) replaces the page's URL.
  const local = offline && offline.startsWith('blob:') ? offline : null;
  const src = local ?? web;
  const caption = str(image?.caption).trim();
  if (!src && !caption) return null;
  const fig = el(doc, 'figure', 'vr-figure', 'reader-figure');
  if (src) {
    const img = el(doc, 'img');
    // The original URL stays on the element: a local copy that arrives later replaces src.
    img.setAttribute('data-vr-src', web ?? src);
    img.setAttribute('src', src);
    // The page's alt often repeats the title plus "ảnh N": the caption is the useful text.
    img.setAttribute('alt', caption);
    // A local copy costs no request: load it now so the layout is final when the reading
    // position is restored.
    if (!local) img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
    img.setAttribute('referrerpolicy', 'no-referrer');
    // A photo that cannot be shown (offline and not kept) leaves a visible placeholder above
    // its caption rather than an empty gap; it goes away if the photo loads later.
    img.addEventListener('error', () => {
      img.classList.add('vr-broken');
      if (!fig.querySelector('.vr-photo-missing')) fig.insertBefore(photoPlaceholder(doc, caption, opts.t), img);
    });
    img.addEventListener('load', () => {
      img.classList.remove('vr-broken');
      fig.querySelector('.vr-photo-missing')?.remove();
    });
    fig.appendChild(img);
  }
  if (caption) {
    const slot = captionIdx >= 0 ? slotKey('captions', captionIdx) : '';
    fig.appendChild(textEl(doc, 'figcaption', caption, captionIdx >= 0 ? mentions : null, slot, opts.focusKey, undefined, 'reader-caption'));
  }
  return fig;
}

function photoPlaceholder(doc: Document, caption: string, t: RenderOptions['t']): HTMLElement {
  const box = el(doc, 'div', 'vr-photo-missing', 'reader-photo-missing');
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', caption ? `${t('rlPhotoMissing')} ${caption}` : t('rlPhotoMissing'));
  box.textContent = t('rlPhotoMissing');
  return box;
}

/** What every part of the view needs: the document, the mentions to mark, the caller's options. */
interface Ctx {
  doc: Document;
  mentions: MentionIndex | null;
  opts: RenderOptions;
}

/** The dateline, date, author and reading time line; null when there is none of them. */
function renderMeta({ doc, opts }: Ctx, article: Article): HTMLElement | null {
  const meta = el(doc, 'p', 'vr-meta', 'reader-meta');
  if (article.dateline) meta.appendChild(Object.assign(el(doc, 'span', 'vr-dateline', 'reader-dateline'), { textContent: str(article.dateline) }));
  const when = formatPublished(article.published, opts.locale);
  if (when) {
    const time = el(doc, 'time', 'vr-date', 'reader-date');
    time.setAttribute('datetime', str(article.published));
    time.textContent = when;
    meta.appendChild(time);
  }
  if (article.author) meta.appendChild(Object.assign(el(doc, 'span', 'vr-author', 'reader-author'), { textContent: str(article.author) }));
  if (Number.isFinite(article.readingMinutes) && article.readingMinutes > 0) {
    meta.appendChild(Object.assign(el(doc, 'span', 'vr-minutes'), { textContent: opts.t('readerMinutes', formatNumber(Math.round(article.readingMinutes))) }));
  }
  return meta.childNodes.length ? meta : null;
}

/** Site, title, meta line, entity legend and lead. */
function renderHeader(ctx: Ctx, article: Article, entities: Entity[]): HTMLElement {
  const { doc, mentions, opts } = ctx;
  const t = opts.t;
  const header = el(doc, 'header', 'vr-header');
  if (article.site) header.appendChild(Object.assign(el(doc, 'p', 'vr-site', 'reader-site'), { textContent: str(article.site) }));
  header.appendChild(textEl(doc, 'h1', str(article.title), mentions, slotKey('title', 0), opts.focusKey, 'vr-title', 'reader-title'));
  const meta = renderMeta(ctx, article);
  if (meta) header.appendChild(meta);
  if (entities.length) header.appendChild(renderLegend(doc, entities, (type: EntityType) => t(typeInfo(type).label), t('readerLegend')));
  if (article.lead) header.appendChild(textEl(doc, 'p', str(article.lead), mentions, slotKey('lead', 0), opts.focusKey, 'vr-lead', 'reader-lead'));
  return header;
}

/** The article's blocks in order; an old record without blocks is its paragraphs, then its photos. */
function blocksOf(article: Article, images: ArticleImage[]): Block[] {
  return Array.isArray(article.blocks) && article.blocks.length
    ? article.blocks
    : [...(article.body ?? []).map((text) => ({ kind: 'p' as const, text })), ...images.map((_, image) => ({ kind: 'img' as const, image }))];
}

/** Paragraphs, subheadings and figures; each caption's index (for its mentions) is used once. */
function renderBody(ctx: Ctx, article: Article): HTMLElement {
  const { doc, mentions, opts } = ctx;
  const body = el(doc, 'div', 'vr-body', 'reader-body');
  const images = Array.isArray(article.images) ? article.images : [];
  const captions = Array.isArray(article.captions) ? article.captions : [];
  const usedCaption = new Set<number>();
  const captionIndex = (img: ArticleImage): number => {
    const c = str(img?.caption);
    if (!c) return -1;
    const i = captions.findIndex((x, j) => x === c && !usedCaption.has(j));
    if (i >= 0) usedCaption.add(i);
    return i;
  };
  let para = 0;
  for (const b of blocksOf(article, images)) {
    if (!b || typeof b !== 'object') continue;
    if (b.kind === 'p' || b.kind === 'h') {
      const slot = slotKey('body', para++);
      body.appendChild(b.kind === 'h'
        ? textEl(doc, 'h2', str(b.text), mentions, slot, opts.focusKey, 'vr-subhead', 'reader-subhead')
        : textEl(doc, 'p', str(b.text), mentions, slot, opts.focusKey, undefined, 'reader-paragraph'));
    } else if (b.kind === 'img' && Number.isInteger(b.image) && images[b.image]) {
      const fig = figure(doc, images[b.image], captionIndex(images[b.image]), mentions, opts);
      if (fig) body.appendChild(fig);
    }
  }
  return body;
}

/** Tags and the source link (http(s) only); null when there is neither. */
function renderFooter({ doc, opts }: Ctx, article: Article): HTMLElement | null {
  const t = opts.t;
  const footer = el(doc, 'footer', 'vr-footer');
  const tags = (Array.isArray(article.tags) ? article.tags : []).map(str).filter(Boolean);
  if (tags.length) {
    const list = el(doc, 'ul', 'vr-tags', 'reader-tags');
    list.setAttribute('aria-label', t('readerTags'));
    for (const tag of tags) list.appendChild(Object.assign(el(doc, 'li'), { textContent: tag }));
    footer.appendChild(list);
  }
  const href = safeHttpUrl(article.url);
  if (href) {
    const p = el(doc, 'p', 'vr-source-line');
    p.appendChild(doc.createTextNode(`${t('readerSource')} `));
    const a = el(doc, 'a', 'vr-source', 'reader-source');
    a.setAttribute('href', href);
    a.setAttribute('rel', 'noopener noreferrer');
    a.setAttribute('target', '_blank');
    a.textContent = new URL(href).hostname;
    p.appendChild(a);
    footer.appendChild(p);
  }
  return footer.childNodes.length ? footer : null;
}

/** Builds the clean article. `settings.highlight` decides whether entity marks are built. */
export function renderArticle(doc: Document, article: Article, settings: Pick<ReaderSettings, 'highlight'>, opts: RenderOptions): HTMLElement {
  const entities = opts.entities ?? article.entities ?? [];
  const ctx: Ctx = { doc, mentions: settings.highlight || opts.focusKey ? indexMentions(entities) : null, opts };
  const root = el(doc, 'article', 'vr-article', 'reader-article');
  if (article.lang) root.setAttribute('lang', str(article.lang));
  root.appendChild(renderHeader(ctx, article, entities));
  root.appendChild(renderBody(ctx, article));
  const footer = renderFooter(ctx, article);
  if (footer) root.appendChild(footer);
  return root;
}
