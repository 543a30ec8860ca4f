// The recogniser reads at most MAX_TEXT_CHARS of an article (title, lead, body, captions in that
// order): a page with megabytes of text held the content script, on the page's own main thread,
// for 24 s. Names before the cap are found as before; nothing after it is read.
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS, extractEntities } from '../../../src/core/entities';

const SENTENCE = 'la réunion a porté sur la coopération dans plusieurs domaines. ';
const filler = (n: number) => SENTENCE.repeat(Math.ceil(n / SENTENCE.length)).slice(0, n);
const names = (body: string[]) => extractEntities({ title: 'Coopération', lead: null, body, captions: [], published: '2024-05-02T10:00:00+07:00', lang: 'fr' }).map((e) => e.name);

describe('text cap', () => {
  it('a name in the first paragraphs is found, one after MAX_TEXT_CHARS is not read', () => {
    const body = ['Le Premier ministre Pham Minh Chinh a reçu une délégation à Hanoï.', filler(MAX_TEXT_CHARS), 'Le président Vo Van Thuong a visité Da Nang.'];
    const got = names(body);
    expect(got).toContain('Pham Minh Chinh');
    expect(got).toContain('Hanoï');
    expect(got).not.toContain('Vo Van Thuong');
    expect(got).not.toContain('Da Nang');
  });
  it('the same text under the cap: both are found (the cap, not the text, drops the second)', () => {
    const got = names(['Le Premier ministre Pham Minh Chinh a reçu une délégation à Hanoï.', filler(2_000), 'Le président Vo Van Thuong a visité Da Nang.']);
    expect(got).toEqual(expect.arrayContaining(['Pham Minh Chinh', 'Vo Van Thuong', 'Da Nang']));
  });
  it('one paragraph longer than the cap is cut at a space, not inside a word', () => {
    const got = names([`${filler(MAX_TEXT_CHARS - 40)} à Hô Chi Minh-Ville et à Hai Phong aussi`]);
    expect(got).not.toContain('Hai Phong');
  });
});
