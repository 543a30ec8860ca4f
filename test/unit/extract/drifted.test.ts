// Drifted and unknown markup we wrote ourselves (test/fixtures/drifted, see generate.ts):
// the structural fallback must still return the clean article; negative pages must be
// recognised as not-an-article, with a reason.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPage, extractArticle } from '../../../src/core/extract/index';
import { driftedDir, fixtures, gold, parse, readShared, type DomKind } from './helpers';

const records = readdirSync(driftedDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace('.json', ''), exp: JSON.parse(readFileSync(path.join(driftedDir, f), 'utf8')) }));
const html = (name: string) => readFileSync(path.join(driftedDir, `${name}.html`), 'utf8');

describe.each(['linkedom', 'happy-dom'] as DomKind[])('drifted markup on %s', (kind) => {
  it.each(records.filter((r) => r.exp.isArticle).map((r) => [r.name, r.exp]))('%s', (name, exp) => {
    const r = extractArticle(parse(html(name), kind, exp.url), exp.url);
    expect(r.ok, r.ok ? '' : r.reason).toBe(true);
    if (!r.ok) return;
    const a = r.article;
    expect(a.title).toBe(exp.title);
    expect(a.lead).toBe(exp.lead);
    expect(a.body).toEqual(exp.body);
    expect(a.captions).toEqual(exp.captions);
    expect(a.dateline).toBe(exp.dateline);
    expect(a.signature).toBe(exp.signature);
    expect(a.layout).toBe(exp.layout);
    expect(a.extraction).toBe(exp.extraction);
    expect(a.lang).toBe(exp.lang);
    expect(a.published?.slice(0, 10)).toBe(exp.published);
    const out = [a.title, a.lead, ...a.body, ...a.captions].join('\n');
    for (const t of exp.teasers) expect(out).not.toContain(t.title);
    expect(out).not.toMatch(/Publicité|Advertisement|Quảng cáo|Voir plus|See more|Xem thêm|^>>/m);
    expect(JSON.stringify(a)).not.toMatch(/ảnh \d/);
  });

  it.each(records.filter((r) => !r.exp.isArticle).map((r) => [r.name, r.exp]))('%s is not an article', (name, exp) => {
    const doc = parse(html(name), kind, exp.url);
    const d = detectPage(doc, exp.url);
    expect(d.isArticle).toBe(false);
    expect(d.reason).toContain(exp.why);
    const r = extractArticle(doc, exp.url);
    expect(r.ok).toBe(false);
  });
});

describe('every shared fixture with all class/id hooks stripped falls back to structure', () => {
  it.each(fixtures())('%s', (f) => {
    const g = gold(f.split('.')[0]);
    const stripped = readShared(`fixtures/vna/${f}`).replace(/\s(?:class|id|itemprop)="[^"]*"/g, '');
    const r = extractArticle(parse(stripped), g.url);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.extraction).toBe('structural');
    expect(r.article.title).toBe(g.title);
    expect(r.article.lead).toBe(g.lead);
    expect(r.article.body).toEqual(g.body);
    expect(r.article.captions).toEqual(g.captions);
  });
});

describe('vnanet redirect stub and other non-articles', () => {
  const stub = readShared('fixtures/vna-real/vnanet.vn_root_2018_object-moved.html');
  it.each(['http://vnanet.vn/', 'http://vnanet.vn/webdichvu/', 'file:///tmp/vnanet.html'])('stub at %s', (url) => {
    const d = detectPage(parse(stub), url);
    expect(d.isArticle).toBe(false);
    expect(d.reason).toBeTruthy();
    expect(extractArticle(parse(stub), url).ok).toBe(false);
  });

  it('a VNA article saved locally is recognised through its canonical link', () => {
    const g = gold('seed-000');
    const r = extractArticle(parse(readShared('fixtures/vna/seed-000.new.html')), 'file:///home/me/saved.html');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.article.id).toBe('fr.vietnamplus.vn:128832');
    expect(g).toBeTruthy();
  });

  it('anySite lets reader mode run on a non-VNA article', () => {
    const exp = records.find((r) => r.name === 'neg-non-vna')!.exp;
    const r = extractArticle(parse(html('neg-non-vna')), exp.url, { anySite: true });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.article.body).toEqual(gold('seed-000').body);
  });
});

describe('read-only on the caller document', () => {
  it.each(['linkedom', 'happy-dom'] as DomKind[])('does not mutate the page (%s)', (kind) => {
    const g = gold('seed-001');
    for (const f of ['seed-001.new.html', 'seed-001.old.html', 'seed-001.older.html']) {
      const doc = parse(readShared(`fixtures/vna/${f}`), kind, g.url);
      const before = doc.documentElement.outerHTML;
      extractArticle(doc, g.url);
      expect(doc.documentElement.outerHTML).toBe(before);
    }
    const doc = parse(html('hashed-classes'), kind);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, records.find((r) => r.name === 'hashed-classes')!.exp.url);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('never throws', () => {
    expect(extractArticle({} as Document, 'https://fr.vietnamplus.vn/x-post1.vnp').ok).toBe(false);
    expect(extractArticle(parse(''), 'not a url').ok).toBe(false);
  });
});
