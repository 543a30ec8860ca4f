// Citations: CSL-JSON, RIS and BibTeX follow their formats' rules and read back to the same
// fields (round trip), BibTeX escapes accents, braces and specials; the one-line reference in
// French and English, with Hanoi dates.
import { describe, expect, it } from 'vitest';
import { bibEscape, bibUnescape, formatReference, hanoiDateParts, parseBibtex, parseRis, toBibtex, toCsl, toCslJson, toRis, type CiteSource } from '../../../src/core/format/citation';

const base = {
  id: 'fr.vietnamplus.vn:128832',
  url: 'https://fr.vietnamplus.vn/maintien-de-la-paix-cooperation-renforcee-entre-le-vietnam-et-la-france-post128832.vnp',
  site: 'vietnamplus',
  lang: 'fr',
};
const A: CiteSource = {
  article: { ...base, title: "Maintien de la paix : coopération renforcée entre le Vietnam et la France", author: null, published: '2019-10-21T08:00:00+07:00' },
  accessed: Date.parse('2026-12-01T02:00:00Z'),
};
const HARD: CiteSource = {
  article: {
    id: 'lecourrier.vn:42', url: 'https://lecourrier.vn/a-b/42.html', site: 'lecourrier', lang: 'fr', author: 'Nguyễn Thị Ánh & Hélène Lefèvre',
    title: "L'ASEAN {et} l'UE : 100% d'accord sur l'œuvre de Đà Nẵng — coût $5_000 #1 ~ ^ \\ façade naïve",
    published: '2018-01-01T05:30:00+07:00',
  },
  accessed: Date.parse('2017-12-31T22:30:00Z'),
};

describe('dates', () => {
  it('are the dates in Hanoi', () => {
    expect(hanoiDateParts('2018-01-01T05:30:00+07:00')).toEqual([2018, 1, 1]);
    expect(hanoiDateParts('2017-12-31T23:30:00Z')).toEqual([2018, 1, 1]);
    expect(hanoiDateParts('2019-10')).toEqual([2019, 10]);
    expect(hanoiDateParts(null)).toBeNull();
  });
});

describe('CSL-JSON', () => {
  it('has the fields Zotero reads and round-trips through JSON', () => {
    const items = JSON.parse(toCslJson([A, HARD], 'fr'));
    expect(items).toEqual(toCsl([A, HARD], 'fr'));
    expect(items[0]).toMatchObject({
      type: 'article-newspaper', title: A.article.title, 'container-title': 'VietnamPlus', publisher: "Agence vietnamienne d'information (VNA)",
      issued: { 'date-parts': [[2019, 10, 21]] }, accessed: { 'date-parts': [[2026, 12, 1]] }, URL: base.url, language: 'fr',
    });
    expect(items[0].author).toBeUndefined();
    expect(items[1].author).toEqual([{ literal: HARD.article.author }]);
    expect(items[1]['container-title']).toBe('Le Courrier du Vietnam');
    expect(items[1].issued).toEqual({ 'date-parts': [[2018, 1, 1]] });
  });
});

describe('RIS', () => {
  const text = toRis([A, HARD], 'en');
  it('follows the tag rules: `XX  - value`, TY first, ER last, CRLF lines', () => {
    const lines = text.split('\r\n').filter(Boolean);
    for (const l of lines) expect(l).toMatch(/^[A-Z][A-Z0-9] {2}- .*$/);
    expect(lines[0]).toBe('TY  - NEWS');
    expect(lines.filter((l) => l.startsWith('TY')).length).toBe(2);
    expect(lines.filter((l) => l === 'ER  - ').length).toBe(2);
    expect(text).not.toMatch(/[^\r]\n/);
  });
  it('round-trips every field', () => {
    const [a, h] = parseRis(text);
    expect(a).toEqual({
      TY: ['NEWS'], ID: ['vietnamplus2019-128832'], TI: [A.article.title], T2: ['VietnamPlus'], PB: ['Vietnam News Agency (VNA)'],
      PY: ['2019'], DA: ['2019/10/21/'], Y2: ['2026/12/01/'], UR: [base.url], LA: ['fr'],
    });
    expect(h.TI).toEqual([HARD.article.title]);
    expect(h.AU).toEqual([HARD.article.author]);
    expect(h.DA).toEqual(['2018/01/01/']);
  });
  it('keeps each value on one line', () => {
    const multi = { ...A, article: { ...A.article, title: 'Une\nligne\r\n  et   demie' } };
    expect(parseRis(toRis([multi]))[0].TI).toEqual(['Une ligne et demie']);
  });
});

describe('BibTeX', () => {
  it('escapes accents, ligatures, braces and specials', () => {
    expect(bibEscape('Hélène Lefèvre, façade naïve, œuvre')).toBe("H{\\'e}l{\\`e}ne Lef{\\`e}vre, fa{\\c{c}}ade na{\\\"\\i}ve, {\\oe}uvre");
    expect(bibEscape('{x} 100% $5 #1 a_b & c ~ ^ \\')).toBe('\\{x\\} 100\\% \\$5 \\#1 a\\_b \\& c \\~{} \\^{} \\textbackslash{}');
    expect(bibEscape("L'ASEAN et l'UE", true)).toBe("L'{ASEAN} et l'{UE}");
    // Vietnamese letters with two marks stay UTF-8 (biber reads it) rather than be mangled.
    expect(bibEscape('Đà Nẵng')).toBe('{\\DJ}{\\`a} Nẵng');
  });
  it('writes balanced entries whose fields read back to the original text', () => {
    const text = toBibtex([A, HARD, HARD], 'fr');
    // Braces balance (ignoring escaped ones) in every entry.
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\\') { i++; continue; }
      if (text[i] === '{') depth++;
      if (text[i] === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    const entries = parseBibtex(text);
    expect(entries.map((e) => [e.type, e.key])).toEqual([['online', 'vietnamplus2019-128832'], ['online', 'lecourrier2018-42'], ['online', 'lecourrier2018-42a']]);
    const [a, h] = entries;
    expect(bibUnescape(a.fields.title)).toBe(A.article.title);
    expect(a.fields).toMatchObject({ organization: 'VietnamPlus', date: '2019-10-21', year: '2019', month: '10', url: base.url, urldate: '2026-12-01', langid: 'french' });
    expect(bibUnescape(a.fields.publisher)).toBe("Agence vietnamienne d'information (VNA)");
    expect(bibUnescape(h.fields.title)).toBe(HARD.article.title);
    expect(bibUnescape(h.fields.author)).toBe(`{${HARD.article.author}}`);
    expect(h.fields.author.startsWith('{') && h.fields.author.endsWith('}')).toBe(true); // one literal name
    expect(h.fields.author).toContain('\\&');
  });
});

describe('formatted reference', () => {
  it('French', () => {
    expect(formatReference(A, 'fr')).toBe(
      `« Maintien de la paix : coopération renforcée entre le Vietnam et la France ». VietnamPlus, Agence vietnamienne d'information (VNA), 21 octobre 2019. ${base.url} (consulté le 1er décembre 2026).`,
    );
    expect(formatReference(HARD, 'fr')).toMatch(/^Nguyễn Thị Ánh & Hélène Lefèvre\. « .+ »\. Le Courrier du Vietnam, .+, 1er janvier 2018\. https:\/\/lecourrier\.vn\/a-b\/42\.html \(consulté le 1er janvier 2018\)\.$/);
  });
  it('English', () => {
    expect(formatReference(A, 'en')).toBe(
      `“Maintien de la paix : coopération renforcée entre le Vietnam et la France.” VietnamPlus, Vietnam News Agency (VNA), 21 October 2019. ${base.url} (accessed 1 December 2026).`,
    );
  });
});
