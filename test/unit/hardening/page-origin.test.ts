// Issue #18: the background saves a tab's article only under the id the tab's URL names.
import { describe, expect, it } from 'vitest';
import { originProblem } from '../../../src/background/page-origin';

const A = 'https://fr.vietnamplus.vn/maintien-de-la-paix-post128832.vnp';
const B = 'https://fr.vietnamplus.vn/autre-post9500004.vnp';
const art = (url: string, id: string) => ({ url, id });
const origin = (loadedUrl: string, o: Partial<{ currentUrl: string; canonical: string | null; ogUrl: string | null }> = {}) =>
  ({ loadedUrl, currentUrl: o.currentUrl ?? loadedUrl, canonical: o.canonical ?? null, ogUrl: o.ogUrl ?? null });

describe('originProblem', () => {
  it('accepts a page whose addresses all name its article (old and new URL forms, fragments)', () => {
    expect(originProblem(art(A, 'fr.vietnamplus.vn:128832'), origin(A, { canonical: A, ogUrl: A }), `${A}#top`)).toBeNull();
    expect(originProblem(art(A, 'fr.vietnamplus.vn:128832'), origin(A, { canonical: 'https://fr.vietnamplus.vn/slug/128832.vnp' }), A)).toBeNull();
  });
  it('refuses when the page moved to another article\'s address after loading', () => {
    expect(originProblem(art(B, 'fr.vietnamplus.vn:9500004'), origin(B, { currentUrl: A }), A)).toBe('address');
    expect(originProblem(art(A, 'fr.vietnamplus.vn:128832'), origin(B), B)).toBe('address');
  });
  it('refuses a canonical link or og:url naming another article; ignores non-article ones', () => {
    expect(originProblem(art(B, 'fr.vietnamplus.vn:9500004'), origin(B, { canonical: A }), B)).toBe('canonical');
    expect(originProblem(art(B, 'fr.vietnamplus.vn:9500004'), origin(B, { ogUrl: A }), B)).toBe('canonical');
    expect(originProblem(art(B, 'fr.vietnamplus.vn:9500004'), origin(B, { canonical: 'https://fr.vietnamplus.vn/' }), B)).toBeNull();
  });
  it('refuses without the browser\'s word on the tab', () => {
    expect(originProblem(art(A, 'fr.vietnamplus.vn:128832'), origin(A), undefined)).toBe('address');
    expect(originProblem(art(A, 'fr.vietnamplus.vn:128832'), undefined, A)).toBe('address');
  });
});
