// The renderer builds DOM from data only: hostile strings stay text, unsafe URLs are dropped,
// bad mention offsets leave the text whole.
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { renderArticle, safeHttpUrl } from '../../../src/reader/render';
import { appendMarkedText, indexMentions } from '../../../src/reader/entity-highlight';
import type { Article, Entity } from '../../../src/core/types';

const t = (k: string, ...s: string[]) => [k, ...s].join(' ');

function article(over: Partial<Article> = {}): Article {
  return {
    id: 'fr.vietnamplus.vn:1', url: 'https://fr.vietnamplus.vn/x-post1.vnp', site: 'vietnamplus', lang: 'fr', layout: 'new',
    title: 'Titre <img src=x onerror=alert(1)>', lead: '<script>alert(1)</script>', dateline: 'Hanoï (VNA)', published: '2024-05-01',
    body: ['Hanoï <b onclick="x()">gras</b>', 'Sous-titre'], blocks: [{ kind: 'p', text: 'Hanoï <b onclick="x()">gras</b>' }, { kind: 'img', image: 0 }, { kind: 'h', text: 'Sous-titre' }, { kind: 'img', image: 1 }, { kind: 'img', image: 7 }],
    captions: ['<iframe src="https://evil"></iframe>'], signature: null, author: 'A<svg onload=x>', tags: ['<a href="javascript:x">t</a>'],
    images: [{ src: 'https://img.vietnamplus.vn/a.jpg', caption: '<iframe src="https://evil"></iframe>', alt: 'Titre ảnh 1' }, { src: 'javascript:alert(1)', caption: null, alt: null }],
    wordCount: 10, readingMinutes: 1, ...over,
  };
}

describe('renderArticle', () => {
  it('keeps hostile strings as text and only http(s) URLs', () => {
    const doc = new Window().document as unknown as Document;
    const el = renderArticle(doc, article(), { highlight: false }, { t });
    expect(el.querySelectorAll('script,iframe,svg,b,[onclick],[onerror],[onload]').length).toBe(0);
    expect(el.querySelector('[data-testid=reader-title]')!.textContent).toBe('Titre <img src=x onerror=alert(1)>');
    const imgs = [...el.querySelectorAll('img')];
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual(['https://img.vietnamplus.vn/a.jpg']);
    expect(imgs[0].getAttribute('alt')).not.toMatch(/ảnh/);
    expect(el.querySelector('[data-testid=reader-caption]')!.textContent).toBe('<iframe src="https://evil"></iframe>');
    expect(el.querySelectorAll('a').length).toBe(1);
    expect(el.querySelector('a')!.getAttribute('href')).toBe('https://fr.vietnamplus.vn/x-post1.vnp');
    expect(el.querySelector('[data-testid=reader-subhead]')!.tagName).toBe('H2');
    const bad = renderArticle(doc, article({ url: 'javascript:alert(1)' }), { highlight: false }, { t });
    expect(bad.querySelectorAll('a').length).toBe(0);
  });

  it('marks entity mentions from offsets and ignores invalid ones', () => {
    const doc = new Window().document as unknown as Document;
    const e: Entity = { type: 'LOC', name: 'Hanoï', aliases: [], key: 'LOC:hanoi', count: 2, mentions: [
      { field: 'body', index: 0, start: 0, end: 5 }, { field: 'body', index: 0, start: 2, end: 4 }, { field: 'body', index: 0, start: 3, end: 999 }, { field: 'captions', index: 0, start: 1, end: 7 },
    ] };
    const el = renderArticle(doc, article({ entities: [e] }), { highlight: true }, { t });
    const marks = [...el.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Hanoï', 'iframe']);
    expect(el.querySelector('[data-testid=reader-paragraph]')!.textContent).toBe('Hanoï <b onclick="x()">gras</b>');
    expect(el.querySelector('[data-testid=reader-legend]')!.textContent).toContain('LOC');
  });

  it('appendMarkedText keeps the full text whatever the spans', () => {
    const doc = new Window().document as unknown as Document;
    const p = doc.createElement('p');
    const spans = indexMentions([{ type: 'PER', name: 'x', aliases: [], key: 'PER:x', count: 1, mentions: [{ field: 'body', index: 0, start: -1, end: 2 }, { field: 'body', index: 0, start: 4, end: 2 }] }]).get('body:0');
    appendMarkedText(p, 'abcdef', spans);
    expect(p.textContent).toBe('abcdef');
    expect(p.querySelectorAll('mark').length).toBe(0);
  });

  it('safeHttpUrl accepts only absolute http(s)', () => {
    expect(safeHttpUrl('https://a.vn/x')).toBe('https://a.vn/x');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:image/png;base64,xx')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(safeHttpUrl(42)).toBeNull();
  });
});
