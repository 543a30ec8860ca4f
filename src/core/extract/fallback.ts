// Structural fallback for markup we have no profile for (classes renamed, cms-* hooks gone,
// an outlet never seen): score containers by the prose they hold, as a reader mode does,
// and return the best one (plus prose-rich siblings). Read-only, single pass over <p>-like
// elements, so it stays cheap on 200 KB pages.
import { ELEMENT_NODE, all, isBoilerplateElement, linkTextLength, tagOf, textOf } from './dom';
import { isMoreHeading } from './rules';

const POSITIVE = /(^|[\s_-])(article|body|content|entry|main|post|text|detail|details|story-body|news-content|cms-body|articlebody|chitiet|noidung)([\s_-]|$)/i;

interface Scored {
  el: Element;
  score: number;
}

/** Paragraph-like elements whose ancestors are not boilerplate, with their text length. */
function proseElements(doc: Document): Array<{ el: Element; len: number; text: string }> {
  const out: Array<{ el: Element; len: number; text: string }> = [];
  const badCache = new Map<Element, boolean>();
  const isBad = (el: Element | null): boolean => {
    const chain: Element[] = [];
    let cur = el;
    let verdict = false;
    while (cur && tagOf(cur) !== 'body') {
      const cached = badCache.get(cur);
      if (cached !== undefined) {
        verdict = cached;
        break;
      }
      chain.push(cur);
      if (isBoilerplateElement(cur)) {
        verdict = true;
        break;
      }
      cur = cur.parentElement;
    }
    for (const c of chain) badCache.set(c, verdict);
    return verdict;
  };
  for (const el of all(doc.body ?? doc.documentElement, 'p, pre, blockquote, td, li, div')) {
    const tag = tagOf(el);
    if (tag === 'div' || tag === 'td' || tag === 'li') {
      // A div counts only when it holds text directly (old CMSs put prose in bare divs).
      let direct = 0;
      for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) direct += (n.textContent ?? '').trim().length;
      if (direct < 80) continue;
    }
    const text = textOf(el);
    if (text.length < 25) continue;
    if (isBad(el)) continue;
    out.push({ el, len: text.length, text });
  }
  return out;
}

function classWeight(el: Element): number {
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
  let w = 0;
  if (POSITIVE.test(cls)) w += 25;
  if (isBoilerplateElement(el)) w -= 50;
  return w;
}

/** Raw scores: each prose element credits its parent, grandparent and great-grandparent, less and less. */
function rawScores(prose: Array<{ el: Element; len: number; text: string }>): Map<Element, number> {
  const scores = new Map<Element, number>();
  for (const { el, len, text } of prose) {
    const commas = (text.match(/[,，、]/g) ?? []).length;
    const s = 1 + commas + Math.min(3, Math.floor(len / 100));
    let parent = el.parentElement;
    for (let level = 0; parent && level < 3; level++, parent = parent.parentElement) {
      if (tagOf(parent) === 'html') break;
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(parent, (scores.get(parent) ?? 0) + s / div);
    }
  }
  return scores;
}

/** Final scores (class hints added, link density discounted) and the best container. */
function finalScores(scores: Map<Element, number>): { finals: Map<Element, number>; best: Scored | null } {
  let best: Scored | null = null;
  const finals = new Map<Element, number>();
  for (const [el, raw] of scores) {
    const text = textOf(el).length || 1;
    const ld = linkTextLength(el) / text;
    const score = (raw + classWeight(el)) * (1 - ld);
    finals.set(el, score);
    if (!best || score > best.score) best = { el, score };
  }
  return { finals, best };
}

/** Prefer a wrapper when the best node is one of several prose blocks of similar weight
 *  (an article split in two divs around a photo), as Readability does. */
function widenToWrapper(best: Scored, finals: Map<Element, number>): Element {
  const parent = best.el.parentElement;
  if (!parent || tagOf(parent) === 'body') return best.el;
  const ps = finals.get(parent) ?? 0;
  return ps > best.score * 0.95 && !hasTeaserSection(parent) ? parent : best.el;
}

/** A sibling of the top container that holds enough prose of its own, with few links, and no teaser list. */
function isProseSibling(n: Element, finals: Map<Element, number>, threshold: number): boolean {
  if (n.nodeType !== ELEMENT_NODE || isBoilerplateElement(n)) return false;
  const s = finals.get(n) ?? 0;
  return s >= threshold && !hasTeaserSection(n) && linkTextLength(n) / (textOf(n).length || 1) < 0.3;
}

/** The container most likely to hold the article body, plus qualifying siblings in order. */
export function findContentRoots(doc: Document): Element[] {
  const prose = proseElements(doc);
  if (!prose.length) return [];
  const { finals, best } = finalScores(rawScores(prose));
  if (!best || best.score <= 0) return [];
  const top = widenToWrapper(best, finals);
  const threshold = Math.max(10, (finals.get(top) ?? best.score) * 0.2);
  const roots: Element[] = [];
  const p = top.parentElement;
  if (!p) return [top];
  for (let n = p.firstElementChild; n; n = n.nextElementSibling) {
    if (n === top || isProseSibling(n, finals, threshold)) roots.push(n);
  }
  return roots;
}

function hasTeaserSection(el: Element): boolean {
  for (const h of all(el, 'h2, h3, h4, .title, .box-heading')) if (isMoreHeading(textOf(h))) return true;
  return false;
}

/** Quick "is there an article here" test used by detection: enough prose in one place. */
export function proseScore(roots: Element[]): { paragraphs: number; chars: number } {
  let paragraphs = 0;
  let chars = 0;
  for (const r of roots) {
    const ps = r.getElementsByTagName('p');
    for (let i = 0; i < ps.length; i++) {
      const t = textOf(ps[i]).length;
      if (t >= 40) {
        paragraphs++;
        chars += t;
      }
    }
    if (!ps.length) chars += textOf(r).length;
  }
  return { paragraphs, chars };
}
