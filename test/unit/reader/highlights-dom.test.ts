// Highlights drawn in the rendered article: across entity marks, found again after the text
// moved (anchoring), page text never parsed; local photo copies and the placeholder.
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { renderArticle } from '../../../src/reader/render';
import { drawHighlight, slotsOf } from '../../../src/reader/highlights';
import { anchorAt, locate } from '../../../src/reader/anchor';
import { makeEntity } from '../../support/store-articles';
import type { Article } from '../../../src/core/types';

const t = (k: string) => k;
const body = ['Hanoï (VNA) – Le ministre Nguyen Van A a reçu <b>mardi</b> son homologue français.', 'Deuxième paragraphe sur la coopération.'];
const art = (b = body): Article => ({
  id: 'fr.vietnamplus.vn:1', url: 'https://fr.vietnamplus.vn/x-post1.vnp', site: 'vietnamplus', lang: 'fr', layout: 'new', title: 'T', lead: 'Le chapeau.',
  dateline: null, published: null, body: b, blocks: [...b.map((text) => ({ kind: 'p' as const, text })), { kind: 'img', image: 0 }], captions: ['Légende'], signature: null, author: null, tags: [],
  images: [{ src: 'https://mediafr.vietnamplus.vn/images/a.jpg', caption: 'Légende', alt: null }], wordCount: 20, readingMinutes: 1,
});

describe('highlights in the rendered article', () => {
  it('lead and paragraphs are slots; a highlight across an entity mark keeps the text and the mark', () => {
    const doc = new Window().document as unknown as Document;
    const a = art();
    const el = renderArticle(doc, a, { highlight: true }, { t, entities: [makeEntity('PER', 'Nguyen Van A', a)] });
    const slots = slotsOf(el);
    expect(slots.map((s) => `${s.slot.field}:${s.slot.index}`)).toEqual(['lead:0', 'body:0', 'body:1']);
    const p = slots[1];
    const start = p.slot.text.indexOf('ministre');
    const end = p.slot.text.indexOf(' a reçu') + 7;
    const marks = drawHighlight(p.el, start, end, { id: 'h1', color: 'green', note: 'n' });
    expect(marks.length).toBeGreaterThan(1); // split by the entity mark
    expect(marks.map((m) => m.textContent).join('')).toBe('ministre Nguyen Van A a reçu');
    expect(p.el.textContent).toBe(body[0]);
    expect(p.el.querySelector('mark.vr-ent mark.vr-hl')?.textContent).toBe('Nguyen Van A');
    // Page text stays text.
    expect(p.el.querySelector('b')).toBeNull();
  });

  it('a highlight made before the text changed is drawn on the same words after', () => {
    const doc = new Window().document as unknown as Document;
    const before = renderArticle(doc, art(), { highlight: false }, { t });
    const s = slotsOf(before)[2].slot;
    const anchor = anchorAt(s, s.text.indexOf('la coopération'), s.text.indexOf('la coopération') + 14);
    const after = renderArticle(doc, art(['Un paragraphe ajouté.', ...body]), { highlight: false }, { t });
    const slots = slotsOf(after);
    const at = locate(slots.map((x) => x.slot), anchor)!;
    const target = slots.find((x) => x.slot.index === at.index && x.slot.field === at.field)!;
    drawHighlight(target.el, at.start, at.end, { id: 'h', color: 'yellow', note: '' });
    expect(target.slot.index).toBe(2);
    expect(after.querySelector('mark.vr-hl')?.textContent).toBe('la coopération');
  });

  it('a kept photo shows its local copy; one that fails shows a placeholder above its caption', () => {
    const doc = new Window().document as unknown as Document;
    const el = renderArticle(doc, art(), { highlight: false }, { t, imageSrc: (src: string) => (src.endsWith('a.jpg') ? 'blob:local-1' : null) });
    const img = el.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('blob:local-1');
    expect(img.getAttribute('data-vr-src')).toBe('https://mediafr.vietnamplus.vn/images/a.jpg');
    expect(img.hasAttribute('loading')).toBe(false);
    const el2 = renderArticle(doc, art(), { highlight: false }, { t });
    const img2 = el2.querySelector('img')!;
    img2.dispatchEvent(new (doc.defaultView as any).Event('error'));
    const fig = el2.querySelector('figure')!;
    const ph = fig.querySelector('[data-testid=reader-photo-missing]')!;
    expect(ph.textContent).toBe('rlPhotoMissing');
    expect(ph.getAttribute('aria-label')).toBe('rlPhotoMissing Légende');
    expect(fig.querySelector('figcaption')?.textContent).toBe('Légende');
    img2.dispatchEvent(new (doc.defaultView as any).Event('load'));
    expect(fig.querySelector('[data-testid=reader-photo-missing]')).toBeNull();
  });
});
