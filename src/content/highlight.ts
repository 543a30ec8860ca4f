// Highlights an entity's mentions in the live page without inserting page HTML.
// Preferred: the CSS Custom Highlight API (ranges over existing text nodes, the DOM is not
// touched). Fallback: <mark> elements created with DOM APIs around single-node matches.
// Matching is exact on the entity's name and aliases, diacritics included (NFC and NFD forms
// are both tried, so a decomposed page still matches), case-insensitive per character, with
// typographic apostrophes/spaces unified and word boundaries enforced.
import type { Entity } from '../core/types';
import type { ArticleState } from '../shared/messages';
import { hasAttribute, localNameOf, parentElementOf } from './safe-dom';

const HIGHLIGHT_NAME = 'vna-entity';
const STYLE_ID = 'vna-reader-highlight-style';
const MARK_ATTR = 'data-vna-reader-mark';
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'TEMPLATE', 'SVG']);
const BLOCK = /^(P|DIV|LI|H[1-6]|BLOCKQUOTE|FIGCAPTION|TD|TH|SECTION|ARTICLE|HEADER|FOOTER|BR|TR|UL|OL|FIGURE|TABLE)$/;

interface Seg { node: Text; at: number }

/** Per-character fold that keeps string length (so offsets map 1:1 to the page text). */
function fold(s: string, lower = true): string {
  let out = '';
  for (const ch of s) {
    let c = ch === '\u2019' || ch === '\u2018' || ch === '\u02BC' ? "'" : ch === '\u00A0' || ch === '\u202F' ? ' ' : ch;
    if (lower) {
      const low = c.toLowerCase();
      if (low.length === c.length) c = low;
    }
    out += c;
  }
  return out;
}

/** An acronym ("UN", "OIM", "SOM-ASEAN") only matches in capitals: "un" is a French word. */
const isAcronym = (s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);

interface Needle { text: string; exact: boolean }

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}\p{M}]/u.test(c);

function collect(roots: Element[]): { text: string; raw: string; segs: Seg[] } {
  const segs: Seg[] = [];
  let text = '';
  let raw = '';
  let lastBlock: Element | null = null;
  for (const root of roots) {
    text += '\n';
    raw += '\n';
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode(n) {
        const stop = parentElementOf(root);
        for (let p = parentElementOf(n); p && p !== stop; p = parentElementOf(p)) {
          if (SKIP.has(localNameOf(p).toUpperCase()) || hasAttribute(p, 'data-vna-reader')) return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      let block: Element | null = parentElementOf(n);
      while (block && block !== root && !BLOCK.test(localNameOf(block).toUpperCase())) block = parentElementOf(block);
      if (block !== lastBlock) { text += '\n'; raw += '\n'; lastBlock = block; }
      segs.push({ node: n, at: text.length });
      text += fold(n.data);
      raw += fold(n.data, false);
    }
  }
  return { text, raw, segs };
}

function segAt(segs: Seg[], pos: number): number {
  let lo = 0, hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].at <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function needlesOf(e: Pick<Entity, 'name' | 'aliases'>): Needle[] {
  const map = new Map<string, Needle>();
  for (const s of [e.name, ...(e.aliases ?? [])]) {
    const trimmed = s?.trim();
    if (!trimmed || trimmed.length < 2) continue;
    const exact = isAcronym(trimmed);
    for (const form of [trimmed.normalize('NFC'), trimmed.normalize('NFD')]) {
      const text = fold(form, !exact);
      map.set(`${exact}:${text}`, { text, exact });
    }
  }
  return [...map.values()].sort((a, b) => b.text.length - a.text.length);
}

function findHits(folded: string, raw: string, needles: Needle[]): [number, number][] {
  const hits: [number, number][] = [];
  for (const { text: needle, exact } of needles) {
    const text = exact ? raw : folded;
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
      const end = i + needle.length;
      if (isWordChar(text[i - 1]) && isWordChar(needle[0])) continue;
      if (isWordChar(text[end]) && isWordChar(needle[needle.length - 1])) continue;
      if (hits.some(([s, t]) => i < t && end > s)) continue;
      hits.push([i, end]);
    }
  }
  return hits.sort((a, b) => a[0] - b[0]);
}

/**
 * Ranges of every mention of the entity (longest needle wins on overlaps). A match that lies
 * inside a mention of a longer entity in `others` belongs to that entity and is left out.
 */
export function findMentionRanges(
  roots: Element[],
  e: Pick<Entity, 'name' | 'aliases'>,
  others: Pick<Entity, 'name' | 'aliases'>[] = [],
): Range[] {
  const { text, raw, segs } = collect(roots);
  if (!segs.length) return [];
  const own = needlesOf(e);
  let hits = findHits(text, raw, own);
  const contains = (n: Needle, o: Needle) => n.text.length > o.text.length && fold(n.text).includes(fold(o.text));
  const longer = others.map(needlesOf).filter((ns) => ns.some((n) => own.some((o) => contains(n, o))));
  if (longer.length) {
    const outer = longer.flatMap((ns) => findHits(text, raw, ns));
    hits = hits.filter(([s, t]) => !outer.some(([os, ot]) => os <= s && t <= ot && ot - os > t - s));
  }
  const doc = roots[0].ownerDocument;
  const ranges: Range[] = [];
  for (const [s, t] of hits) {
    const a = segs[segAt(segs, s)], b = segs[segAt(segs, t - 1)];
    if (s - a.at > a.node.data.length || t - b.at > b.node.data.length) continue;
    const r = doc.createRange();
    r.setStart(a.node, s - a.at);
    r.setEnd(b.node, t - b.at);
    ranges.push(r);
  }
  return ranges;
}

function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent =
    `::highlight(${HIGHLIGHT_NAME}){background-color:#ffd54a;color:#111}` +
    `mark[${MARK_ATTR}]{background-color:#ffd54a;color:#111;padding:0;border-radius:2px}`;
  (doc.head ?? doc.documentElement).appendChild(style);
}

function clearMarks(doc: Document): void {
  for (const m of Array.from(doc.querySelectorAll(`mark[${MARK_ATTR}]`))) {
    const parent = m.parentNode;
    if (!parent) continue;
    while (m.firstChild) parent.insertBefore(m.firstChild, m);
    parent.removeChild(m);
    parent.normalize();
  }
}

function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof (globalThis as any).Highlight === 'function';
}

function scrollTo(node: Node | null): void {
  const el = node instanceof Element ? node : node?.parentElement;
  if (!el) return;
  const reduce = matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}

/**
 * Clears the previous highlight, then highlights `key`'s mentions inside `roots` (the elements
 * the extraction read, article-state.ts); returns how many.
 */
export function highlightEntity(state: ArticleState, key: string | null, roots: Element[], doc: Document = document): number {
  try {
    if (supportsHighlights()) CSS.highlights.delete(HIGHLIGHT_NAME);
    clearMarks(doc);
    const entity = key ? state.entities.find((e) => e.key === key) : undefined;
    // No event or attribute on the page tells it what the reader picked: the router hands
    // the key to the reader overlay directly (see router.ts and SECURITY.md).
    if (!entity) return 0;
    // Only a date inside a longer date ("6 février" in "du 4 au 6 février") belongs to the
    // longer one; a place inside an organisation's name is still a mention of the place.
    const outer = entity.type === 'DATE' ? state.entities.filter((o) => o !== entity && o.type === 'DATE') : [];
    if (!roots.length) return 0;
    const ranges = findMentionRanges(roots, entity, outer);
    if (!ranges.length) return 0;
    ensureStyle(doc);
    if (supportsHighlights()) {
      CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
      scrollTo(ranges[0].startContainer);
      return ranges.length;
    }
    let first: Element | null = null;
    let count = 0;
    // Wrap from the end so earlier ranges keep valid offsets; only single-node matches.
    for (const r of ranges.slice().reverse()) {
      if (r.startContainer !== r.endContainer) continue;
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTR, '');
      r.surroundContents(mark);
      first = mark;
      count++;
    }
    scrollTo(first);
    return count;
  } catch {
    return 0;
  }
}
