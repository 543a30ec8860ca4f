// Issue #18: photos only from VNA's image hosts; the manifest's img-src names the same hosts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { imageCspSources, keepVnaImages, vnaImageUrl } from '../../../src/reader/image-hosts';
import { RAW_SITES } from '../../../src/core/extract/profiles';
import { extensionImageSources } from '../../../src/core/extract/site-schema';
import { renderArticle } from '../../../src/reader/render';
import type { Article } from '../../../src/core/types';

describe('VNA image hosts', () => {
  it('keeps VNA hosts (http upgraded), drops every other host and look-alikes', () => {
    expect(vnaImageUrl('https://mediafr.vietnamplus.vn/images/a.jpg')).toBe('https://mediafr.vietnamplus.vn/images/a.jpg');
    expect(vnaImageUrl('http://img.vietnamplus.vn/a.jpg')).toBe('https://img.vietnamplus.vn/a.jpg');
    expect(vnaImageUrl('https://cdn.lecourrier.vn/a.jpg')).toBe('https://cdn.lecourrier.vn/a.jpg');
    expect(vnaImageUrl('https://vnanet.vn/a.jpg')).toBe('https://vnanet.vn/a.jpg');
    for (const bad of [
      'https://tracker.example/pixel.gif', 'https://evilvietnamplus.vn/a.jpg', 'https://vietnamplus.vn.evil.com/a.jpg',
      'https://user@media.vietnamplus.vn/a.jpg', 'https://media.vietnamplus.vn:8443/a.jpg', 'javascript:alert(1)', 'data:image/gif;base64,R0lG', '/relative.jpg', 42,
    ]) expect(vnaImageUrl(bad), String(bad)).toBeNull();
  });

  it('keepVnaImages empties a third-party src and keeps its caption', () => {
    const a = { images: [{ src: 'https://tracker.example/p.gif', caption: 'Légende', alt: null }, { src: 'https://mediafr.vietnamplus.vn/b.jpg', caption: null, alt: null }] };
    expect(keepVnaImages(a).images).toEqual([{ src: '', caption: 'Légende', alt: null }, a.images[1]]);
  });

  it('the renderer shows the caption of a dropped photo and no <img> for it', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const article = {
      id: 'x:1', url: 'https://fr.vietnamplus.vn/a-post1.vnp', site: 'x', lang: 'fr', layout: 'new', title: 'T', lead: null, dateline: null,
      published: null, body: ['p'], blocks: [{ kind: 'p', text: 'p' }, { kind: 'img', image: 0 }], captions: ['Légende du traqueur'], signature: null,
      author: null, tags: [], images: [{ src: 'https://tracker.example/p.gif', caption: 'Légende du traqueur', alt: null }], wordCount: 1, readingMinutes: 1,
    } as unknown as Article;
    const el = renderArticle(document as unknown as Document, article, { highlight: false }, { t: (k) => k });
    expect(el.querySelectorAll('img').length).toBe(0);
    expect(el.querySelector('[data-testid=reader-caption]')!.textContent).toBe('Légende du traqueur');
  });

  it("manifest.json's img-src is 'self' blob: data: and the sites' hosts, which the build fills in as these", () => {
    const m = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8'));
    const img = (m.content_security_policy.extension_pages as string).split(';').map((d) => d.trim().split(/\s+/)).find(([k]) => k === 'img-src');
    expect(img?.slice(1)).toEqual(["'self'", 'blob:', 'data:', '$VNA_IMAGE_SOURCES']);
    expect(extensionImageSources(RAW_SITES.sites).split(' ')).toEqual(imageCspSources());
    expect(imageCspSources()).toEqual(['https://vietnamplus.vn', 'https://*.vietnamplus.vn', 'https://lecourrier.vn', 'https://*.lecourrier.vn', 'https://vnanet.vn', 'https://*.vnanet.vn']);
  });
});
