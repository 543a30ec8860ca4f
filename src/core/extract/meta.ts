// Article metadata (title, lead, date, author, tags, language): layout selectors first,
// then the page's machine-readable metadata (meta tags, JSON-LD), then visible text.
import { first, all, metaContent, newsArticleLd, textOf, tagOf, isBoilerplateElement, precedes } from './dom';
import { isoFromDisplay, isoFromMachine } from './dates';
import { cleanText, sameText } from './text';
import type { LayoutProfile, GenericProfile } from './profiles';

/** `Titre | Vietnam+ (VietnamPlus)` → `Titre`. */
function stripSiteSuffix(title: string): string {
  return title.replace(/\s+[|–—-]\s+(?:Vietnam\+.*|VietnamPlus.*|Le Courrier.*|lecourrier.*|Báo .*|VNA.*|Vietnam News.*|TTXVN.*)$/i, '').trim();
}

/** The headline, and the element it was read from (null when it came from metadata). */
export function findTitle(doc: Document, sels: string[], near: Element | null, scope: ParentNode = doc): { text: string; el: Element | null } {
  const el = first(scope, sels) ?? (scope !== doc ? first(doc, sels) : null);
  if (el) {
    const t = textOf(el);
    if (t) return { text: t, el };
  }
  const og = cleanText(metaContent(doc, ['og:title', 'twitter:title']));
  const ld = newsArticleLd(doc);
  const ldTitle = typeof ld?.headline === 'string' ? cleanText(ld.headline as string) : '';
  const h1s = all(doc, 'h1').filter((h) => !isBoilerplateElement(h)).map((h) => ({ el: h, t: textOf(h) })).filter((h) => h.t.length > 5);
  const ref = og || ldTitle;
  if (ref) {
    const match = h1s.find((h) => sameText(h.t, ref));
    return match ? { text: match.t, el: match.el } : { text: ref, el: null };
  }
  if (near) {
    // The last h1 before the content is the article's headline (earlier ones are logos).
    const before = h1s.filter((h) => (h.el.compareDocumentPosition(near) & 4) !== 0);
    if (before.length) return { text: before[before.length - 1].t, el: before[before.length - 1].el };
  }
  if (h1s.length) return { text: h1s[0].t, el: h1s[0].el };
  return { text: stripSiteSuffix(cleanText(doc.title)), el: null };
}

export function findLead(
  doc: Document,
  sels: string[],
  content: Element[],
  useMeta: boolean,
  scope: ParentNode = doc,
): { text: string | null; el: Element | null } {
  // Inside the content, only an element above the first real paragraph can be the sapo
  // (a `.desc` lower down is a photo description).
  let firstProseMemo: Element | null | undefined;
  const firstProse = () =>
    firstProseMemo !== undefined ? firstProseMemo : (firstProseMemo = content.length ? all(content[0], 'p').find((p) => textOf(p).length >= 80) ?? null : null);
  for (const sel of sels) {
    for (const el of all(scope, sel)) {
      if (content.some((c) => el.contains(c))) continue;
      if (content.some((c) => c.contains(el) && c !== el)) {
        const fp = firstProse();
        if (!fp || !precedes(el, fp) || el.closest('figure, table, [class*="photo"], [class*="caption"]')) continue;
      }
      const t = textOf(el);
      if (t.length >= 20 && t.length <= 1200) return { text: t, el };
    }
  }
  if (!useMeta) return { text: null, el: null };
  const d = cleanText(metaContent(doc, ['og:description', 'description', 'twitter:description']));
  return { text: d || null, el: null };
}

export function findPublished(
  doc: Document,
  p: Pick<LayoutProfile, 'date' | 'dateText'> | null,
  generic: GenericProfile,
  scope: ParentNode = doc,
): string | null {
  if (p) {
    for (const sel of p.date) {
      const v = isoFromMachine(first(scope, [sel])?.getAttribute('datetime'));
      if (v) return v;
    }
  }
  const meta = isoFromMachine(metaContent(doc, ['article:published_time', 'datePublished', 'pubdate', 'publishdate', 'dc.date.issued', 'og:published_time']));
  if (meta) return meta;
  const ld = newsArticleLd(doc);
  const ldDate = isoFromMachine(typeof ld?.datePublished === 'string' ? (ld.datePublished as string) : null);
  if (ldDate) return ldDate;
  if (p) {
    for (const sel of p.dateText) {
      const v = isoFromDisplay(textOf(first(scope, [sel])));
      if (v) return v;
    }
  }
  // Generic: a time[datetime] that is not inside a teaser list or a sidebar.
  for (const sel of generic.date) {
    for (const t of all(doc, sel)) {
      if (hasBoilerplateAncestor(t)) continue;
      const v = isoFromMachine(t.getAttribute('datetime'));
      if (v) return v;
    }
  }
  // Last resort: a visible `dd/mm/yyyy HH:MM` in a date-ish element outside teaser lists.
  for (const t of all(doc, 'time, [class*="date"], [class*="Date"], [class*="time"], [class*="source"]')) {
    if (hasBoilerplateAncestor(t)) continue;
    const text = textOf(t);
    if (text.length > 80) continue;
    const v = isoFromDisplay(text);
    if (v) return v;
  }
  return null;
}

function hasBoilerplateAncestor(el: Element): boolean {
  for (let p = el.parentElement; p && tagOf(p) !== 'body'; p = p.parentElement) {
    const cls = `${p.getAttribute('class') ?? ''}`;
    if (/story|sidebar|related|more|latest|list|aside/i.test(cls) || tagOf(p) === 'aside' || tagOf(p) === 'nav') return true;
  }
  return false;
}

export function findAuthor(doc: Document, sels: string[], scope: ParentNode = doc): string | null {
  const el = first(scope, sels);
  let a = el ? textOf(el) : '';
  if (!a) {
    const ld = newsArticleLd(doc);
    const au = ld?.author as unknown;
    const one = Array.isArray(au) ? au[0] : au;
    if (typeof one === 'string') a = one;
    else if (one && typeof one === 'object' && typeof (one as Record<string, unknown>).name === 'string') a = (one as Record<string, string>).name;
  }
  a = cleanText(a).replace(/^\((.*)\)$/, '$1').replace(/^(?:par|by|theo)\s+/i, '').trim();
  return a || null;
}

export function findTags(doc: Document, sels: string[], scope: ParentNode = doc): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (t: string) => {
    const k = t.toLowerCase();
    if (t && t.length <= 80 && !seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  };
  for (const sel of sels) {
    const links = all(scope, sel);
    if (!links.length) continue;
    for (const a of links) add(textOf(a).replace(/^#/, ''));
    break;
  }
  if (!out.length && doc.head) for (const m of all(doc.head, 'meta[property="article:tag"]')) add(cleanText(m.getAttribute('content')));
  return out;
}

/** Page language: <html lang>, then og:locale, then the edition's host. */
export function findLang(doc: Document, fromHost: string | null, sample: string): string {
  const l = doc.documentElement?.getAttribute('lang') ?? metaContent(doc, ['og:locale', 'language', 'content-language']);
  if (l) return l.toLowerCase().split(/[-_]/)[0];
  return fromHost ?? guessLang(sample);
}

/** A rough guess from function words, for text dumps and pages without any hint. */
export function guessLang(text: string): string {
  const t = ` ${text.toLowerCase().slice(0, 3000)} `;
  if (/[ăâđêôơư][\p{L}]*\s/u.test(t) && /\s(của|và|các|những|được|trong)\s/u.test(t)) return 'vi';
  if (/[\u4e00-\u9fff]/u.test(t)) return 'zh';
  if (/[\u0400-\u04ff]/u.test(t)) return 'ru';
  const count = (re: RegExp) => (t.match(re) ?? []).length;
  const fr = count(/\s(le|la|les|des|du|et|est|une|dans|pour)\s/g);
  const en = count(/\s(the|and|of|to|in|is|for|with|on)\s/g);
  const es = count(/\s(el|los|las|del|y|en|que|para|con|por)\s/g);
  if (fr >= en && fr >= es) return 'fr';
  return en >= es ? 'en' : 'es';
}
