// Every shared fixture (new, old, older, heavy) and every seed dump against its gold record:
// title and lead exact, body and captions exact lists, no alt-text repeats, teasers absent.
import { describe, expect, it } from 'vitest';
import { extractArticle, extractFromText } from '../../../src/core/extract/index';
import type { Article } from '../../../src/core/types';
import { fixtures, gold, parse, readShared, seeds, type DomKind, type Gold } from './helpers';

function expectMatchesGold(a: Article, g: Gold) {
  expect(a.title).toBe(g.title);
  expect(a.lead).toBe(g.lead);
  expect(a.body).toEqual(g.body);
  expect(a.captions).toEqual(g.captions);
  expect(a.dateline).toBe(g.dateline);
  expect(a.signature).toBe(g.signature);
  expect(JSON.stringify(a)).not.toMatch(/ảnh \d/);
  const out = [a.title, a.lead, ...a.body, ...a.captions].join('\n');
  for (const t of g.teasers) {
    // The teaser's own title must not appear (a title shared with the article is fine).
    if (!g.body.some((b) => b.includes(t.title)) && t.title !== g.title) expect(out).not.toContain(t.title);
    if (t.lede) expect(out).not.toContain(t.lede.slice(0, 80));
  }
}

describe.each(['linkedom', 'happy-dom'] as DomKind[])('shared fixtures on %s', (kind) => {
  it.each(fixtures())('%s matches its gold record', (f) => {
    const g = gold(f.split('.')[0]);
    const doc = parse(readShared(`fixtures/vna/${f}`), kind, g.url);
    const r = extractArticle(doc, g.url);
    expect(r.ok, r.ok ? '' : r.reason).toBe(true);
    if (!r.ok) return;
    const a = r.article;
    expectMatchesGold(a, g);
    expect(a.layout).toBe(f.split('.')[1] === 'heavy' ? 'new' : f.split('.')[1]);
    expect(a.extraction).toBe('profile');
    expect(a.id).toBe(`fr.vietnamplus.vn:${/post(\d+)/.exec(g.url)![1]}`);
    expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(a.published!.slice(0, 10)).toBe(g.published);
    expect(a.lang).toBe('fr');
    expect(a.wordCount).toBeGreaterThan(100);
    expect(a.readingMinutes).toBe(Math.max(1, Math.round(a.wordCount / 230)));
    for (const img of a.images) {
      expect(img.src).toMatch(/^https?:\/\//);
      expect(img.src).not.toMatch(/^data:/);
    }
    if (g.captions.length) expect(a.images[0].caption).toBe(g.captions[0]);
  });
});

describe('seed text dumps', () => {
  it.each(seeds())('%s matches its gold record', (f) => {
    const g = gold(`seed-${f.slice(0, 3)}`);
    const r = extractFromText(readShared(`seeds/${f}`), g.url);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expectMatchesGold(r.article, g);
    expect(r.article.layout).toBe('text');
    expect(r.article.id).toBe(`fr.vietnamplus.vn:${/post(\d+)/.exec(g.url)![1]}`);
  });

  it('works without a URL (id from the title, language guessed)', () => {
    const r = extractFromText(readShared(`seeds/${seeds()[0]}`));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.article.id).toMatch(/^text:[0-9a-f]{8}$/);
      expect(r.article.lang).toBe('fr');
    }
  });
});
