// @vitest-environment happy-dom
// Highlight where the extractor read (issue 16): the DOM extraction entry point returns the
// elements it read beside the Article; the content script maps them from the unclobbered copy
// back to the live page and highlights there, so a page the structural fallback read (its
// layout's body selector matching an empty box) is highlighted in its prose, not in the box.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticleWithRoots } from '../../../src/core/extract';
import { liveCounterpart, unclobberedCopy } from '../../../src/content/safe-dom';
import { findMentionRanges } from '../../../src/content/highlight';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const URL_ = 'https://fr.vietnamplus.vn/une-depeche-a-la-derive-post9700001.vnp';
const BODY_TAG = '<div class="article__body zce-content-body cms-body" itemprop="articleBody">';

/** seed-000 with its body's classes renamed and an empty `.article__body` box left where the layout expects it. */
function driftedPage(): string {
  const html = readFileSync(path.join(ROOT, '../shared/fixtures/vna/seed-000.new.html'), 'utf8');
  expect(html).toContain(BODY_TAG);
  return html.replace(BODY_TAG, '<div class="article__body"></div><div class="x9f3k">');
}

/** The page as the live document (happy-dom's own), without its scripts and frames: nothing here runs them. */
function load(html: string): Document {
  html = html.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<iframe[\s\S]*?<\/iframe>/gi, '');
  document.open();
  document.write(html);
  document.close();
  return document;
}

describe('the roots the extraction read', () => {
  it('are returned beside the Article, never inside it: the structural fallback\'s prose, not the empty layout box', () => {
    const doc = load(driftedPage());
    const { result, roots } = extractArticleWithRoots(doc, URL_);
    expect(result.ok).toBe(true);
    if (!result.ok || !roots) return;
    expect(result.article.extraction).toBe('structural');
    expect(JSON.stringify(result.article)).not.toContain('x9f3k');
    expect(Object.keys(result.article)).not.toContain('roots');
    expect(roots.body.some((r) => r.classList.contains('x9f3k') || r.querySelector('.x9f3k'))).toBe(true);
    expect(roots.body.some((r) => r.matches('.article__body'))).toBe(false);
    expect(roots.title?.textContent?.trim()).toBe(result.article.title);
  });

  it('map from the unclobbered copy to the same elements of the live page, through forms that shadow DOM members', () => {
    const doc = load(driftedPage().replace(/<body([^>]*)>/, '<body$1><form><input name="children"><input name="parentElement"><input name="localName"></form>'));
    const { roots } = extractArticleWithRoots(unclobberedCopy(doc), URL_);
    expect(roots).not.toBeNull();
    const read = [roots!.title, roots!.lead, ...roots!.body].filter((e): e is Element => !!e);
    expect(read.length).toBeGreaterThan(2);
    for (const inCopy of read) {
      const live = liveCounterpart(inCopy, doc);
      expect(live?.ownerDocument).toBe(doc);
      expect(live?.outerHTML).toBe(inCopy.outerHTML);
    }
  });

  it('are where a body-only mention is found; the layout\'s own box would find none', () => {
    const doc = load(driftedPage());
    const { result, roots } = extractArticleWithRoots(doc, URL_);
    if (!result.ok || !roots) throw new Error('no article');
    // A word of the body that is neither in the title nor in the lead.
    const word = result.article.body.join(' ').match(/\b\p{Lu}\p{Ll}{5,}\b/gu)!
      .find((w) => !result.article.title.includes(w) && !(result.article.lead ?? '').includes(w))!;
    expect(word).toBeTruthy();
    const read = [roots.title, roots.lead, ...roots.body].filter((e): e is Element => !!e);
    expect(findMentionRanges(read, { name: word, aliases: [] }).length).toBeGreaterThan(0);
    const layoutBox = [doc.querySelector('.article__title')!, doc.querySelector('.article__sapo')!, doc.querySelector('.article__body')!];
    expect(findMentionRanges(layoutBox, { name: word, aliases: [] }).length).toBe(0);
  });
});
