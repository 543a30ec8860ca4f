// extractArticle: page (DOM + URL) → Article. Works read-only on the document it is given,
// so the content script can call it on the live page; never throws.
import type { ExtractResult } from '../types';
import { assemble, textId } from './assemble';
import { analyze, type DetectOptions } from './detect';
import { findContentRoots } from './fallback';
import { indexSelectors, withTextCache, tagOf } from './dom';
import { findAuthor, findLang, findLead, findPublished, findTags, findTitle } from './meta';
import { GENERIC, type LayoutProfile } from './profiles';
import { sameText } from './text';
import { canonicalHost, canonicalId, langOfUrl, parseUrl } from './url';
import { walkBody, type WalkResult } from './walk';

/** Lead selectors for unknown markup: class fragments that mean "sapo" across CMSs. */
const GENERIC_LEAD = [
  ...GENERIC.lead,
  '[class*="sapo"]', '[class*="summary"]', '[class*="chapo"]', '[class*="chapeau"]', '[class*="standfirst"]',
  '[class*="intro"]', '[class*="lead"]', '[class*="desc"]', '[class*="excerpt"]',
];

/**
 * The elements the extraction read the article from, in document order: the headline (when it
 * came from an element), the sapo (likewise) and the body roots, after the structural fallback
 * if it ran. A side value for whoever holds the live page (the content script highlights in
 * them); never part of the Article, which stays plain data.
 */
export interface ReadRoots {
  title: Element | null;
  lead: Element | null;
  body: Element[];
}

export function extractArticle(doc: Document, url: string, opts: DetectOptions = {}): ExtractResult {
  return extractArticleWithRoots(doc, url, opts).result;
}

/** extractArticle, plus the elements it read (null when it found no article). Never throws. */
export function extractArticleWithRoots(doc: Document, url: string, opts: DetectOptions = {}): { result: ExtractResult; roots: ReadRoots | null } {
  try {
    // An empty response (no <html> at all in a DOM library; a browser always has one).
    if (!doc?.documentElement) return { result: { ok: false, reason: 'empty document' }, roots: null };
    return withTextCache(() => extractUnsafe(doc, url, opts));
  } catch (e) {
    return { result: { ok: false, reason: `extraction failed: ${(e as Error)?.message ?? String(e)}` }, roots: null };
  }
}

/** The nearest ancestor of the body that also holds the headline (the article wrapper). */
function articleScope(body: Element): ParentNode {
  let el: Element | null = body.parentElement;
  for (let i = 0; el && i < 4; i++, el = el.parentElement) {
    if (tagOf(el) === 'body' || tagOf(el) === 'html') break;
    if (el.getElementsByTagName('h1').length) return el;
  }
  return body.ownerDocument;
}

/** Every metadata selector of the layout in one walk of the scope (see indexSelectors). */
function indexMeta(scope: ParentNode, p: LayoutProfile | null): void {
  indexSelectors(
    scope,
    p ? [...p.title, ...p.lead, ...p.date, ...p.dateText, ...p.author, ...p.tags] : [...GENERIC.title, ...GENERIC_LEAD, ...GENERIC.author, ...GENERIC.tags],
  );
}

function paragraphs(w: WalkResult): number {
  return w.blocks.filter((b) => b.kind === 'p').length;
}

function extractUnsafe(doc: Document, url: string, opts: DetectOptions): { result: ExtractResult; roots: ReadRoots | null } {
  const a = analyze(doc, url, opts);
  if (!a.isArticle) return { result: { ok: false, reason: a.reason ?? 'not an article' }, roots: null };
  let profile = a.profile;
  let roots = a.roots;
  let layout = a.layout ?? 'generic';
  const base = a.url;

  // A known layout keeps title, sapo, meta row and tags next to the body: look there first
  // instead of running selectors over a 200 KB page.
  let scope: ParentNode = profile ? articleScope(roots[0]) : doc;
  indexMeta(scope, profile);
  let titleFound = findTitle(doc, profile ? profile.title : GENERIC.title, roots[0] ?? null, scope);
  let title = titleFound.text;
  let leadFound = findLead(doc, profile ? profile.lead : GENERIC_LEAD, roots, true, scope);
  let walked = walkBody(roots, base, title, leadFound.el ? [leadFound.el] : []);
  if (profile && paragraphs(walked) === 0) {
    // The body selector still matches but the prose moved elsewhere (markup drift).
    const alt = findContentRoots(doc);
    if (alt.length) {
      profile = null;
      roots = alt;
      layout = 'generic';
      scope = doc;
      indexMeta(scope, null);
      titleFound = findTitle(doc, GENERIC.title, roots[0], scope);
      title = titleFound.text;
      leadFound = findLead(doc, GENERIC_LEAD, roots, true, scope);
      walked = walkBody(roots, base, title, leadFound.el ? [leadFound.el] : []);
    }
  }
  if (!title || paragraphs(walked) === 0) return { result: { ok: false, reason: 'no article text found' }, roots: null };

  let lead = leadFound.text;
  let leadEl = leadFound.el;
  const firstP = walked.blocks.find((b) => b.kind === 'p');
  if (lead && !leadFound.el && firstP?.kind === 'p') {
    // A meta description that merely opens the first paragraph is not a sapo.
    const fp = firstP.text;
    if (!sameText(fp, lead) && sameText(fp.slice(0, lead.replace(/[.…]+$/, '').length), lead.replace(/[.…]+$/, ''))) lead = null;
  }
  if (lead && sameText(lead, title)) lead = null;
  if (!lead) leadEl = null;

  const site = a.siteProfile;
  const u = parseUrl(base);
  const host = u ? canonicalHost(u.hostname, site) : 'local';
  const id = canonicalId(base) ?? `${host}:${textId(title).slice(5)}`;
  const sample = walked.blocks.map((b) => (b.kind === 'img' ? '' : b.text)).join(' ');
  const article = assemble({
    id,
    url: base,
    site: a.site ?? host,
    lang: findLang(doc, langOfUrl(base), sample),
    layout,
    title,
    lead,
    published: findPublished(doc, profile, GENERIC, scope),
    blocks: walked.blocks,
    images: walked.images,
    captions: walked.captions,
    author: findAuthor(doc, profile ? profile.author : GENERIC.author, scope),
    tags: findTags(doc, profile ? profile.tags : GENERIC.tags, scope),
    extraction: profile ? 'profile' : 'structural',
  });
  return { result: { ok: true, article }, roots: { title: titleFound.el, lead: leadEl, body: roots } };
}
