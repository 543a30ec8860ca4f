// Turns an article-body element into ordered blocks (paragraphs, sub-headings, photos with
// their captions) without touching the DOM: the content script runs on the live page, so
// we read, never remove. Boilerplate is skipped as we go, by structure (class/id hints,
// teaser cards, link-only lines) and by text (rules.ts), so ads *inside* the body vanish too.
import type { ArticleImage, Block } from '../types';
import {
  ELEMENT_NODE, HEADING_TAGS, INLINE_TAGS, TEXT_NODE, descendantsByTag, hasMoreElementsThan, imageSrc, isBoilerplateElement,
  rawText, someDescendant, tagOf, textOf,
} from './dom';
import {
  hasPhotoCredit, isAdText, isAltRepeat, isLoneLabel, isMoreHeading, isNewsletterText, isRelatedLine, isShareBar,
  signatureOf, stripAltRepeat,
} from './rules';
import { cleanText, looseKey, sameText } from './text';

export interface WalkResult {
  blocks: Block[];
  images: ArticleImage[];
  /** Every caption in reading order, including captions whose image is not in the DOM. */
  captions: string[];
}

interface Ctx {
  base: string;
  title: string;
  /** Elements already used elsewhere (the sapo when it sits inside the content). */
  skip: Set<Element>;
  blocks: Block[];
  images: ArticleImage[];
  inline: string[];
  /** Captions with no image element (text-dump style), keyed by the block count when seen. */
  orphanCaptions: Array<{ at: number; text: string }>;
  /** Set once the body has ended (teaser heading, or after the closing signature). */
  stopped: boolean;
}

const PHOTO_HINT = /(^|[\s_-])(picture|photo|image|img|figure|media|cms-photo|article-photo|pic|thumb)([\s_-]|$)/i;
const BLOCKISH = new Set(['p', 'div', 'table', 'figure', 'ul', 'ol', 'section', 'article', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'picture']);

export function walkBody(roots: Element[], base: string, title: string, skip: Element[] = []): WalkResult {
  const ctx: Ctx = { base, title, skip: new Set(skip), blocks: [], images: [], inline: [], orphanCaptions: [], stopped: false };
  for (const root of roots) {
    if (ctx.stopped) break;
    walkChildren(root, ctx);
    flushInline(ctx);
  }
  attachLooseCaptions(ctx);
  return { blocks: ctx.blocks, images: ctx.images, captions: captionsInOrder(ctx) };
}

function captionsInOrder(ctx: Ctx): string[] {
  const out: string[] = [];
  let k = 0;
  ctx.blocks.forEach((b, i) => {
    while (k < ctx.orphanCaptions.length && ctx.orphanCaptions[k].at <= i) out.push(ctx.orphanCaptions[k++].text);
    if (b.kind === 'img') {
      const c = ctx.images[b.image].caption;
      if (c) out.push(c);
    }
  });
  while (k < ctx.orphanCaptions.length) out.push(ctx.orphanCaptions[k++].text);
  // The same caption twice (duplicated caption blocks, alt + caption) is one caption.
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = looseKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Hostile or broken pages (issue #9) may nest tens of thousands of elements. Real article
 * markup is a few dozen levels deep: below MAX_DEPTH a subtree is read as plain text (no
 * recursion, so no stack overflow), and a box of more than BOX_MAX elements is never taken for
 * a photo, a teaser card or a "Voir plus" box (those checks scan the whole subtree, which at
 * every level of a deep chain would be quadratic).
 */
const MAX_DEPTH = 200;
const BOX_MAX = 3000;

function walkChildren(el: Element, ctx: Ctx, depth = 0): void {
  if (depth > MAX_DEPTH) {
    rawText(el, ctx.inline);
    flushInline(ctx);
    return;
  }
  for (let n = el.firstChild; n && !ctx.stopped; n = n.nextSibling) {
    if (n.nodeType === TEXT_NODE) {
      ctx.inline.push((n as Text).data);
      continue;
    }
    if (n.nodeType !== ELEMENT_NODE) continue;
    const c = n as Element;
    const tag = tagOf(c);
    if (tag === 'br') {
      ctx.inline.push('\n');
      continue;
    }
    if (isBoilerplateElement(c) || ctx.skip.has(c)) continue;
    if (INLINE_TAGS.has(tag) && !hasBlockDescendant(c)) {
      if (!isLinkOnlyNoise(c)) rawText(c, ctx.inline);
      continue;
    }
    flushInline(ctx);
    if (tag === 'img' || tag === 'picture') {
      const img = tag === 'img' ? c : c.querySelector('img');
      if (img) addImage(ctx, img, null);
      continue;
    }
    const box = !hasMoreElementsThan(c, BOX_MAX);
    if (box && isPhotoContainer(c, tag)) {
      photo(c, ctx);
      continue;
    }
    if (HEADING_TAGS.has(tag)) {
      heading(c, ctx);
      continue;
    }
    if (PARA_TAGS.has(tag)) {
      const shape = inspect(c);
      if (!shape.block) {
        paragraph(c, ctx, shape);
        continue;
      }
    }
    if (box && (isTeaserCard(c) || startsWithMoreHeading(c))) continue;
    walkChildren(c, ctx, depth + 1);
    flushInline(ctx);
  }
}

const PARA_TAGS = new Set(['p', 'li', 'blockquote', 'dd', 'pre', 'td']);
const A_TAG = new Set(['a']);
const BOLD_TAGS = new Set(['strong', 'b']);

function hasBlockDescendant(el: Element): boolean {
  return someDescendant(el, (d) => BLOCKISH.has(tagOf(d)));
}

/** A bare link whose label is chrome (`source`, `Partager`) or a related-article pointer. */
function isLinkOnlyNoise(el: Element): boolean {
  return tagOf(el) === 'a' && isLoneLabel(textOf(el));
}

function flushInline(ctx: Ctx): void {
  if (!ctx.inline.length) return;
  const raw = ctx.inline.join('');
  ctx.inline = [];
  for (const part of raw.split(/\n[ \t\r\f]*\n/)) emitParagraph(cleanText(part), ctx);
}

interface Shape {
  block: boolean;
  br: boolean;
  links: Element[];
  bolds: Element[];
}

/** One scan of a paragraph's subtree for everything the paragraph rules need. */
function inspect(el: Element): Shape {
  const shape: Shape = { block: false, br: false, links: [], bolds: [] };
  someDescendant(el, (d) => {
    const t = tagOf(d);
    if (BLOCKISH.has(t)) {
      shape.block = true;
      return true;
    }
    if (t === 'br') shape.br = true;
    else if (t === 'a') shape.links.push(d);
    else if (t === 'strong' || t === 'b') shape.bolds.push(d);
    return false;
  });
  return shape;
}

function paragraph(el: Element, ctx: Ctx, shape: Shape): void {
  const text = textOf(el);
  if (!text) return;
  // Split only paragraphs that hold a blank line made of <br><br> (old captures).
  const parts = shape.br ? rawText(el).join('').split(/\n[ \t\r\f]*\n/) : [text];
  if (isLinkParagraph(shape.links, text)) return;
  if (parts.length === 1 && isBoldOnly(shape.bolds, text)) {
    emitHeading(text, ctx);
    return;
  }
  // `text` is clean already (textOf); only the <br><br> split needs cleaning.
  if (parts.length === 1) emitParagraph(text, ctx);
  else for (const p of parts) emitParagraph(cleanText(p), ctx);
}

/** A paragraph that is one link to another page: a related-article pointer, not prose. */
function isLinkParagraph(links: Element[], text: string): boolean {
  if (links.length !== 1) return false;
  const lt = textOf(links[0]);
  if (lt.length < text.length - 3) return false;
  const href = links[0].getAttribute('href') ?? '';
  return text.length < 25 || /\.(vnp|html?|aspx)(\?|#|$)|-post\d+|\/\d{4,}/i.test(href);
}

/** `<p><strong>Coopération Vietnam - France</strong></p>`: the 2018 layout's sub-heading. */
function isBoldOnly(bolds: Element[], text: string): boolean {
  if (!bolds.length || text.length > 160 || /[.:;,]$/.test(text)) return false;
  let boldLen = 0;
  for (const b of bolds) {
    if (b.parentElement && BOLD_TAGS.has(tagOf(b.parentElement))) continue;
    boldLen += textOf(b).length;
  }
  return boldLen >= text.length - 1 && boldLen > 0;
}

function heading(el: Element, ctx: Ctx): void {
  const text = textOf(el);
  if (!text) return;
  if (isMoreHeading(text)) {
    ctx.stopped = true;
    return;
  }
  // A heading that is a link is a teaser title, not a sub-heading of this article.
  const a = descendantsByTag(el, A_TAG).find((x) => x.hasAttribute('href'));
  if (a && textOf(a).length >= text.length - 2) return;
  if (sameText(text, ctx.title)) return;
  emitHeading(text, ctx);
}

function emitHeading(text: string, ctx: Ctx): void {
  if (isMoreHeading(text)) {
    ctx.stopped = true;
    return;
  }
  if (isNoise(text)) return;
  ctx.blocks.push({ kind: 'h', text });
}

function isNoise(text: string): boolean {
  return isLoneLabel(text) || isRelatedLine(text) || isShareBar(text) || isAdText(text) || isNewsletterText(text);
}

function emitParagraph(text: string, ctx: Ctx): void {
  if (!text) return;
  if (isMoreHeading(text)) {
    ctx.stopped = true;
    return;
  }
  if (isNoise(text)) return;
  if (isAltRepeat(text)) return;
  // Text-dump style alt glued to its caption ("<titre> ảnh 1La rédaction…").
  const { alt, rest } = stripAltRepeat(text);
  if (alt && sameText(alt.replace(/\s?ảnh \d+$/u, ''), ctx.title)) {
    if (rest) pushCaption(ctx, rest);
    return;
  }
  if (ctx.title && sameText(text, ctx.title)) return;
  ctx.blocks.push({ kind: 'p', text });
  // The signature closes the dispatch: what follows inside the body is another article's teaser.
  if (signatureOf(text)) ctx.stopped = true;
}

const IMG_TAG = new Set(['img']);
const P_TAG = new Set(['p']);

function isPhotoContainer(el: Element, tag: string): boolean {
  const imgs = descendantsByTag(el, IMG_TAG).length;
  if (!imgs) return false;
  if (tag === 'figure') return true;
  const text = textOf(el);
  if (text.length > 700) return false;
  if (descendantsByTag(el, P_TAG).length > 2) return false;
  if (tag === 'table') return true;
  const cls = `${el.getAttribute('class') ?? ''}`;
  if (PHOTO_HINT.test(cls)) return true;
  // An unlabeled wrapper holding one image and at most a caption-sized text.
  return imgs === 1 && text.length < 400 && (tag === 'div' || tag === 'p' || tag === 'center');
}

const CAPTION_CLASS = /caption|legend|desc/i;
function captionElement(el: Element): Element | null {
  let found: Element | null = null;
  someDescendant(el, (d) => {
    if (tagOf(d) === 'figcaption' || CAPTION_CLASS.test(d.getAttribute('class') ?? '') || d.getAttribute('itemprop') === 'caption') {
      found = d;
      return true;
    }
    return false;
  });
  return found;
}

function photo(el: Element, ctx: Ctx): void {
  const imgs = descendantsByTag(el, IMG_TAG);
  let caption: string | null = null;
  const capEl = captionElement(el);
  if (capEl) caption = textOf(capEl);
  else caption = textOf(el); // 2014–2023 layouts: the caption is a bare text node after the link
  caption = cleanCaption(caption, ctx);
  imgs.forEach((img, i) => addImage(ctx, img, i === 0 ? caption : null));
}

function cleanCaption(text: string | null, ctx: Ctx): string | null {
  if (!text) return null;
  let t = text;
  const { alt, rest } = stripAltRepeat(t);
  if (alt) t = rest;
  t = cleanText(t);
  if (!t || isNoise(t) || (ctx.title && sameText(t, ctx.title))) return null;
  return t;
}

function addImage(ctx: Ctx, img: Element, caption: string | null): void {
  const src = imageSrc(img, ctx.base);
  if (!src) return;
  const w = Number(img.getAttribute('width') ?? '0');
  const h = Number(img.getAttribute('height') ?? '0');
  if ((w && w <= 2) || (h && h <= 2)) return; // tracking pixels
  const rawAlt = cleanText(img.getAttribute('alt'));
  // `<article title> ảnh N` is the CMS's filler alt, not a description: drop it.
  const alt = rawAlt && !isAltRepeat(rawAlt) ? rawAlt : null;
  ctx.images.push({ src, caption, alt });
  ctx.blocks.push({ kind: 'img', image: ctx.images.length - 1 });
}

function pushCaption(ctx: Ctx, caption: string): void {
  const last = ctx.blocks[ctx.blocks.length - 1];
  if (last && last.kind === 'img' && !ctx.images[last.image].caption) ctx.images[last.image].caption = caption;
  else ctx.orphanCaptions.push({ at: ctx.blocks.length, text: caption });
}

/** A card advertising another article: a heading that is a link, plus little else. */
function isTeaserCard(el: Element): boolean {
  let linkHeadings = 0;
  for (const h of descendantsByTag(el, HEADING_TAGS)) {
    if (descendantsByTag(h, A_TAG).some((a) => a.hasAttribute('href'))) linkHeadings++;
  }
  return linkHeadings > 0 && textOf(el).length < 1500 * linkHeadings;
}

const LABEL_TAGS = new Set([...HEADING_TAGS, 'header', 'strong', 'b']);
/** A box that opens with "Voir plus"/"Xem thêm"/"See more": a teaser list. */
function startsWithMoreHeading(el: Element): boolean {
  let label: Element | null = null;
  someDescendant(el, (d) => {
    if (LABEL_TAGS.has(tagOf(d)) || /(^|[\s_-])(title|box-heading|heading)([\s_-]|$)/.test(d.getAttribute('class') ?? '')) {
      label = d;
      return true;
    }
    return false;
  });
  if (!label) return false;
  const t = textOf(label);
  return isMoreHeading(t) && textOf(el).length > t.length;
}

/** An image without caption followed by a short credit-ending line: that line is its caption. */
function attachLooseCaptions(ctx: Ctx): void {
  const out: Block[] = [];
  for (let i = 0; i < ctx.blocks.length; i++) {
    const b = ctx.blocks[i];
    const prev = out[out.length - 1];
    if (b.kind === 'p' && prev?.kind === 'img' && !ctx.images[prev.image].caption && b.text.length < 400 && hasPhotoCredit(b.text)) {
      ctx.images[prev.image].caption = b.text;
      continue;
    }
    out.push(b);
  }
  ctx.blocks = out;
}
