// Read-only DOM helpers that behave the same on a browser DOM, linkedom and happy-dom:
// no innerText, no layout, no getComputedStyle (linkedom has none, and on a live page they
// would force a reflow). Nothing here mutates the document.
import { SelectorIndex, selectAll, selectBest, selectOne, setClassCache } from './select';
import { cleanText } from './text';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function tagOf(el: Element): string {
  return (el.localName || el.tagName || '').toLowerCase();
}

/** Elements that never carry article text. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'iframe', 'video', 'audio', 'object', 'embed', 'button', 'input',
  'select', 'textarea', 'svg', 'canvas', 'template', 'nav', 'aside', 'footer', 'link', 'meta', 'head', 'dialog',
]);

export const INLINE_TAGS = new Set([
  'a', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'sup', 'sub', 'small', 'big', 'font', 'abbr', 'q', 'cite',
  'mark', 'time', 'code', 'kbd', 'var', 'dfn', 'bdi', 'bdo', 'ins', 'del', 'label', 'wbr', 'br', 'data',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Class/id words of boilerplate containers. Matched on whole words of the class list split
 * at `-`/`_`/space so `zce-content-body` or `AdAsia` never trip it but `zone--ad`,
 * `ads--300x250`, `article__tag`, `box-related`, `sas_8266` do.
 */
const NEG_WORDS = new Set([
  'ad', 'ads', 'adv', 'advert', 'advertisement', 'advertising', 'banner', 'sponsor', 'sponsored', 'promo',
  'share', 'sharing', 'social', 'newsletter', 'subscribe', 'subscription', 'related', 'relate', 'relates',
  'morenews', 'readmore', 'seemore', 'xemthem', 'story', 'stories', 'teaser', 'teasers', 'recommend',
  'recommended', 'popular', 'mostread', 'sidebar', 'widget', 'comment', 'comments', 'footer', 'header',
  'breadcrumb', 'breadcrumbs', 'nav', 'navbar', 'menu', 'tag', 'tags', 'keyword', 'keywords', 'print',
  'toolbar', 'rating', 'poll', 'sas', 'notebox', 'outbrain', 'taboola', 'adsbygoogle', 'gpt', 'dfp',
  'cookie', 'consent', 'modal', 'popup', 'hidden', 'sr', 'author', 'byline', 'meta', 'source', 'direction',
]);
const NEG_PHRASES = /more[-_ ]?news|read[-_ ]?more|see[-_ ]?more|xem[-_ ]?them|most[-_ ]?read|lien[-_ ]?quan|cms-relate|box-related|sas-container|intext/i;

function classWords(el: Element): string[] {
  const s = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  return s.split(/[\s_-]+/).filter(Boolean);
}

/** Whether an element (not the body root itself) is a boilerplate container by class/id/role. */
export function isBoilerplateElement(el: Element): boolean {
  const tag = tagOf(el);
  if (SKIP_TAGS.has(tag)) return true;
  // ASP.NET WebForms pages (Le Courrier 2018) wrap the whole page in one <form>; only a
  // small form (search box, newsletter sign-up) is chrome.
  if (tag === 'form') return !el.querySelector('h1') && (el.textContent ?? '').length < 1500;
  if (el.hasAttribute('hidden')) return true;
  const role = el.getAttribute('role');
  if (role && /^(navigation|complementary|banner|contentinfo|search|dialog)$/.test(role)) return true;
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!cls.trim()) return false;
  if (NEG_PHRASES.test(cls)) return true;
  for (const w of classWords(el)) if (NEG_WORDS.has(w)) return true;
  return false;
}

/**
 * Text of a subtree as a reader sees it: script/style skipped, `<br>` as a line break,
 * block boundaries as spaces. Returns raw text; callers cleanText() it.
 */
export function rawText(node: Node, out: string[] = []): string[] {
  // An explicit stack, not recursion: a hostile page may nest 50,000 elements.
  const stack: (Node | string)[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') {
      out.push(n);
      continue;
    }
    if (n.nodeType === TEXT_NODE) {
      out.push((n as Text).data);
      continue;
    }
    if (n.nodeType !== ELEMENT_NODE) continue;
    const tag = tagOf(n as Element);
    if (tag === 'br') {
      out.push('\n');
      continue;
    }
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') continue;
    const block = !INLINE_TAGS.has(tag);
    if (block) {
      out.push(' ');
      stack.push(' ');
    }
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

/** True when the subtree under `root` holds more than `max` elements (stops counting early). */
export function hasMoreElementsThan(root: Element, max: number): boolean {
  let n = 0;
  return someDescendant(root, () => ++n > max);
}

// A plain Map, dropped after each extraction: cheaper than a WeakMap (no ephemeron work
// for the GC) and it cannot leak because it never outlives the call.
let textCache: Map<Node, string> | null = null;

/**
 * Runs `fn` with a text cache: the walker, the fallback scorer and the metadata finders
 * ask for the same subtrees' text. The cache lives for one extraction only, so a live page
 * that changes (infinite scroll, SPA navigation) is read afresh next time.
 */
export function withTextCache<T>(fn: () => T): T {
  const outer = textCache;
  if (outer) return fn();
  textCache = new Map();
  indexes = [];
  setClassCache(new Map());
  try {
    return fn();
  } finally {
    textCache = null;
    indexes = null;
    setClassCache(null);
  }
}

// Selector indexes built for this extraction (see indexSelectors).
let indexes: SelectorIndex[] | null = null;

/**
 * Answer every later first()/all() on `root` for these selectors from one walk of `root`
 * (the metadata finders otherwise walk the article wrapper once per selector). Only inside
 * withTextCache; elsewhere a no-op.
 */
export function indexSelectors(root: ParentNode, selectors: string[]): void {
  if (!indexes) return;
  const idx = SelectorIndex.build(root, selectors);
  if (idx) indexes.push(idx);
}

function indexFor(root: ParentNode, selectors: string[]): SelectorIndex | null {
  if (!indexes) return null;
  for (const idx of indexes) if (idx.root === root && selectors.every((s) => idx.has(s))) return idx;
  return null;
}

/** Cleaned text of a node (see cleanText). */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  const hit = textCache?.get(node);
  if (hit !== undefined) return hit;
  const t = cleanText(rawText(node).join(''));
  textCache?.set(node, t);
  return t;
}

/** Total characters of link text inside an element (for link density). */
export function linkTextLength(el: Element): number {
  let n = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) n += textOf(links[i]).length;
  return n;
}

/** The match of the best-ranked selector (earliest in the list), in one walk of `root`. */
export function first(root: ParentNode, selectors: string[]): Element | null {
  const idx = indexFor(root, selectors);
  if (idx) {
    for (const sel of selectors) {
      const m = idx.get(sel)!;
      if (m.length) return m[0];
    }
    return null;
  }
  if (selectors.length > 1) {
    const best = selectBest(root, selectors);
    if (best !== undefined) return best ? best.el : null;
  }
  for (const sel of selectors) {
    try {
      const hit = selectOne(root, sel);
      const el = hit === undefined ? root.querySelector(sel) : hit;
      if (el) return el;
    } catch {
      /* a selector the engine does not support: try the next one */
    }
  }
  return null;
}

export function all(root: ParentNode, selector: string): Element[] {
  const idx = indexFor(root, [selector]);
  if (idx) return idx.get(selector)!.slice();
  try {
    return selectAll(root, selector) ?? Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/**
 * Meta tags by property/name/itemprop. One scan of <head> (small) instead of one
 * document-wide selector query per name: a missing tag would otherwise cost a full walk.
 */
export function metaContent(doc: Document, names: string[]): string | null {
  const metas = doc.head ? doc.head.getElementsByTagName('meta') : doc.getElementsByTagName('meta');
  for (const n of names) {
    for (let i = 0; i < metas.length; i++) {
      const m = metas[i];
      if (m.getAttribute('property') === n || m.getAttribute('name') === n || m.getAttribute('itemprop') === n) {
        const v = m.getAttribute('content');
        if (v && v.trim()) return v.trim();
      }
    }
  }
  return null;
}

/** Depth-first scan of the element descendants of `root` (not root itself); stop when visit returns true. */
export function someDescendant(root: Element, visit: (el: Element) => boolean): boolean {
  const stack: Element[] = [];
  for (let c = root.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length) {
    const el = stack.pop()!;
    if (visit(el)) return true;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return false;
}

/** Element descendants with one of the given tag names, in document order. */
export function descendantsByTag(root: Element, tags: Set<string>): Element[] {
  const out: Element[] = [];
  someDescendant(root, (el) => {
    if (tags.has(tagOf(el))) out.push(el);
    return false;
  });
  return out;
}

/** JSON-LD objects of the page, @graph flattened; unparsable blocks are ignored. */
function jsonLd(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i];
    if ((s.getAttribute('type') ?? '').toLowerCase() !== 'application/ld+json') continue;
    try {
      const data = JSON.parse(s.textContent ?? '');
      const stack: unknown[] = Array.isArray(data) ? data : [data];
      while (stack.length) {
        const o = stack.shift();
        if (!o || typeof o !== 'object') continue;
        if (Array.isArray(o)) {
          stack.push(...o);
          continue;
        }
        const rec = o as Record<string, unknown>;
        out.push(rec);
        if (Array.isArray(rec['@graph'])) stack.push(...(rec['@graph'] as unknown[]));
      }
    } catch {
      /* broken JSON-LD is common; skip it */
    }
  }
  return out;
}

export function newsArticleLd(doc: Document): Record<string, unknown> | null {
  for (const o of jsonLd(doc)) {
    const t = o['@type'];
    const types = Array.isArray(t) ? t : [t];
    if (types.some((x) => typeof x === 'string' && /Article|BlogPosting|Report/.test(x))) return o;
  }
  return null;
}

/**
 * Absolute http(s) URL of the real image: lazy `data-src`/`data-original`/srcset first, never a
 * `data:` placeholder, never a `javascript:` or other non-web URL (a hostile page's image must
 * not reach the archive, an export or a Markdown file as a script URL).
 */
export function imageSrc(img: Element, base: string): string | null {
  const cands = [
    img.getAttribute('data-src'),
    img.getAttribute('data-original'),
    img.getAttribute('data-lazy-src'),
    img.getAttribute('data-srcset')?.split(',')[0]?.trim().split(/\s+/)[0],
    img.getAttribute('srcset')?.split(',')[0]?.trim().split(/\s+/)[0],
    img.getAttribute('src'),
  ];
  for (const c of cands) {
    const v = c?.trim();
    if (!v || /^data:/i.test(v) || /^about:/i.test(v)) continue;
    try {
      const u = new URL(v, base);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      continue;
    }
  }
  return null;
}

/** Whether `a` comes before `b` in document order. */
export function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING
}
