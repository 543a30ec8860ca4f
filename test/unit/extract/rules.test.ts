// One rule per test: URLs and ids, dates, dateline/signature, boilerplate text rules,
// text repair, reading time, and the formatters.
import { describe, expect, it } from 'vitest';
import {
  canonicalId, cleanText, countWords, datelineOf, extractArticle, extractFromText, isoFromDisplay, isoFromMachine,
  isVnaArticleUrl, isVnaUrl, readingMinutes, signatureOf,
} from '../../../src/core/extract/index';
import { isAltRepeat, isLoneLabel, isMoreHeading, isRelatedLine, isShareBar, hasPhotoCredit, stripAltRepeat } from '../../../src/core/extract/rules';
import { articleToMarkdown } from '../../../src/core/format/markdown';
import { articleToText } from '../../../src/core/format/text';
import { gold, parse, readShared } from './helpers';

describe('URLs', () => {
  it('recognises every VNA host and edition', () => {
    for (const u of ['https://fr.vietnamplus.vn/x-post1.vnp', 'https://www.vietnamplus.vn/', 'https://en.vietnamplus.vn/a', 'https://es.vietnamplus.vn/a', 'https://zh.vietnamplus.vn/a', 'https://ru.vietnamplus.vn/a', 'https://lecourrier.vn/a/1.html', 'http://vnanet.vn/', 'https://news.vnanet.vn/x'])
      expect(isVnaUrl(u), u).toBe(true);
    for (const u of ['https://www.lemonde.fr/a/1.html', 'https://vietnamplus.vn.evil.com/x-post1.vnp', 'not a url', 'ftp://fr.vietnamplus.vn/x-post1.vnp'])
      expect(isVnaUrl(u), u).toBe(false);
  });
  it('gives the same id to both URL generations', () => {
    expect(canonicalId('https://fr.vietnamplus.vn/le-seul-et-unique-journal/56054.vnp')).toBe('fr.vietnamplus.vn:56054');
    expect(canonicalId('https://fr.vietnamplus.vn/le-seul-et-unique-journal-post56054.vnp')).toBe('fr.vietnamplus.vn:56054');
    expect(canonicalId('http://vietnamplus.vn/a/460653.vnp')).toBe('www.vietnamplus.vn:460653');
    expect(canonicalId('https://lecourrier.vn/temoignages-de-lecteurs-fideles/1197041.html')).toBe('lecourrier.vn:1197041');
    expect(canonicalId('https://fr.vietnamplus.vn/x-post0128832.vnp?utm=1#top')).toBe('fr.vietnamplus.vn:128832');
  });
  it('rejects home, section, tag, search and topic pages', () => {
    for (const u of ['https://fr.vietnamplus.vn/', 'https://fr.vietnamplus.vn/politique/', 'https://fr.vietnamplus.vn/tag/x-tag12.vnp', 'https://www.vietnamplus.vn/tags/COVID-19.vnp', 'https://fr.vietnamplus.vn/search/?q=x', 'https://www.vietnamplus.vn/timkiem/x.vnp', 'https://zh.vietnamplus.vn/topic/tp-107.vnp', 'https://www.vietnamplus.vn/chude/covid/1070/trang1.vnp', 'https://www.vietnamplus.vn/chinhtri.vnp', 'https://lecourrier.vn/politique/1.cvn', 'https://lecourrier.vn/search.html?s=x'])
      expect(isVnaArticleUrl(u), u).toBe(false);
  });
});

describe('dates', () => {
  it('keeps +07:00 and converts other zones to it', () => {
    expect(isoFromMachine('2019-10-21T09:06:00+07:00')).toBe('2019-10-21T09:06:00+07:00');
    expect(isoFromMachine('2019-10-21T02:06:00Z')).toBe('2019-10-21T09:06:00+07:00');
    expect(isoFromMachine('2019-10-20T20:06:00-05:00')).toBe('2019-10-21T08:06:00+07:00');
    expect(isoFromMachine('2019-10-21T09:06')).toBe('2019-10-21T09:06:00+07:00');
    expect(isoFromMachine('2019-10-21')).toBe('2019-10-21');
    expect(isoFromMachine('2019-02-30T10:00:00Z')).toBeNull();
  });
  it('reads the old layout dd/mm/yyyy HH:MM', () => {
    expect(isoFromDisplay('21/10/2019 16:05')).toBe('2019-10-21T16:05:00+07:00');
    expect(isoFromDisplay('04/12/2017 07:23 GMT+7')).toBe('2017-12-04T07:23:00+07:00');
    expect(isoFromDisplay('lúc : 11/07/14 11:35')).toBe('2014-07-11T11:35:00+07:00');
    expect(isoFromDisplay('Publié le 21/10/2019')).toBe('2019-10-21');
    expect(isoFromDisplay('no date')).toBeNull();
  });
  it('falls back to the visible date when no machine date exists', () => {
    const html = readShared('fixtures/vna/seed-000.old.html').replace(/<meta property="article:published_time"[^>]*>/, '');
    const r = extractArticle(parse(html), gold('seed-000').url);
    expect(r.ok && r.article.published).toBe('2019-10-21T16:05:00+07:00');
  });
  it('uses JSON-LD datePublished when meta and time are missing', () => {
    const html = readShared('fixtures/vna/seed-000.new.html').replace(/<meta property="article:published_time"[^>]*>/, '').replace(/<time[^>]*>[^<]*<\/time>/, '').replace('"datePublished": "2019-10-21T09:06:00+07:00"', '"datePublished": "2019-10-21T02:06:00Z"');
    const r = extractArticle(parse(html), gold('seed-000').url);
    expect(r.ok && r.article.published).toBe('2019-10-21T09:06:00+07:00');
  });
});

describe('dateline and signature', () => {
  it.each([
    ['Hanoï (VNA) – Le Département…', 'Hanoï (VNA)'],
    ['Hanoi (VNA) - Vietnam’s airports…', 'Hanoi (VNA)'],
    ['Bangkok (VNA) - Une délégation…', 'Bangkok (VNA)'],
    ['Cao Bang (VNA) - Un échange…', 'Cao Bang (VNA)'],
    ['Hà Nội (TTXVN) - Ngày 14/10…', 'Hà Nội (TTXVN)'],
    ['Paris, 3 mai (AVI) – Le…', 'Paris, 3 mai (AVI)'],
    ['Lors de l’entretien avec la ministre (britannique) – ', null],
    ['越通社河内5月18日电 越南…', '越通社河内5月18日电'],
  ])('dateline of %s', (p, d) => expect(datelineOf(p)).toBe(d));
  it.each([
    ['… Nations Unies. –VNA', 'VNA'],
    ['… l’Australie. -VNA', 'VNA'],
    ['… post COVID-19. - VNA', 'VNA'],
    ['… records Guinness du Vietnam. -AVI', 'AVI'],
    ['… a-t-il dit. - AVI', 'AVI'],
    ['… entre les deux pays. -VOV/VNA', 'VOV/VNA'],
    ['… frontières.CVN', null],
    ['CVN', 'CVN'],
    ['… cuộc sống. (TTXVN/Vietnam+)', 'TTXVN/Vietnam+'],
    ['… (Framework Participation Agreement-FPA).', null],
    ['Coopération Vietnam - France', null],
    ['… dans la région Asie-Pacifique.', null],
    ['…合作。（完）', '（完）'],
  ])('signature of %s', (p, s) => expect(signatureOf(p)).toBe(s));
});

describe('boilerplate text rules', () => {
  it('teaser headings', () => {
    for (const t of ['Voir plus', 'Xem thêm', 'See more', 'Ver más', 'Lire aussi :', 'Tin liên quan']) expect(isMoreHeading(t), t).toBe(true);
    expect(isMoreHeading('Voir plus loin que la crise, selon le ministre')).toBe(false);
  });
  it('related-link lines', () => {
    for (const t of ['>> Le Vietnam et le Japon', '>>Londres accueille', 'Xem thêm: Miền Trung', 'Lire aussi : X']) expect(isRelatedLine(t), t).toBe(true);
    expect(isRelatedLine('Le Vietnam a lu aussi le rapport.')).toBe(false);
  });
  it('lone labels and share bars', () => {
    for (const t of ['source', 'Source', 'Publicité', 'Partager', 'Tags:']) expect(isLoneLabel(t), t).toBe(true);
    expect(isLoneLabel('source de revenus importante pour le pays')).toBe(false);
    expect(isShareBar('Facebook X Zalo Copier le lien')).toBe(true);
    expect(isShareBar('Facebook a annoncé un investissement au Vietnam.')).toBe(false);
  });
  it('alt-text repeats', () => {
    expect(isAltRepeat('Maintien de la paix : Coopération renforcée ảnh 1')).toBe(true);
    expect(stripAltRepeat('Maintien de la paix : Coopération ảnh 1Photo de famille des participants.')).toEqual({ alt: 'Maintien de la paix : Coopération ảnh 1', rest: 'Photo de famille des participants.' });
    expect(stripAltRepeat('Vidéoconférence de hauts officiels de l’ASEAN ảnh 1 Le vice-ministre…').rest).toBe('Le vice-ministre…');
  });
  it('photo credits', () => {
    for (const t of ['Délégués. Photo: VNA', 'Délégués. Photo : VNA', 'Tran Cam Tu. Photo / VNA', 'Ảnh minh họa. (Nguồn: Vietnam+)', 'Thủ tướng Lào. (Ảnh: TTXVN)', 'Délégués. Photo: VietnamPlus'])
      expect(hasPhotoCredit(t), t).toBe(true);
    expect(hasPhotoCredit('Le Vietnam a publié le plan de mise en œuvre.')).toBe(false);
  });
  it('ads, share bars, newsletter and related lines inside a body are dropped', () => {
    const g = gold('seed-000');
    const html = readShared('fixtures/vna/seed-000.new.html').replace(
      '<p>Lors de la cérémonie',
      '<div class="newsletter-inline"><p>Inscrivez-vous à la lettre d\'information</p></div><p>&gt;&gt; <a href="/autre-post9.vnp">Autre article</a></p><p>Facebook X Zalo</p><p><a href="/source">source</a></p><p>Lors de la cérémonie',
    );
    const r = extractArticle(parse(html), g.url);
    expect(r.ok && r.article.body).toEqual(g.body);
  });
});

describe('text repair', () => {
  it('NFC, whitespace collapsed, no-break spaces kept', () => {
    expect(cleanText('e\u0301te\u0301')).toBe('été');
    expect(cleanText('  Hanoï\n\t (VNA)  ')).toBe('Hanoï (VNA)');
    expect(cleanText('Pourquoi\u00a0? «\u00a0oui\u00a0»')).toBe('Pourquoi\u00a0? «\u00a0oui\u00a0»');
    expect(cleanText('pour\u00a0 reprendre')).toBe('pour\u00a0 reprendre');
  });
  it('leaves glued words of old captures alone', () => {
    const r = extractFromText('Titre de test\n\nLe chapeau.\n\nHanoï (VNA) – À l\'occasionde lecentenaire, pourchercher la paix. -VNA\n');
    expect(r.ok && r.article.body).toEqual(["Hanoï (VNA) – À l'occasionde lecentenaire, pourchercher la paix. -VNA"]);
  });
  it('decomposed input comes out NFC', () => {
    const r = extractFromText('Titre\n\nLe chape\u0301au.\n\nHanoi (VNA) - De\u0301but. -VNA');
    expect(r.ok && r.article.lead).toBe('Le chapéau.');
  });
});

describe('reading time', () => {
  it('counts words and rounds at 230 wpm, minimum one minute', () => {
    expect(countWords('Hanoï (VNA) – l’ASEAN, 36e Sommet.')).toBe(5);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(600)).toBe(3);
  });
});

describe('text dumps', () => {
  it('drops duplicated captions, lone labels and everything after Voir plus', () => {
    const g = gold('seed-004');
    const r = extractFromText(readShared('seeds/004_33467d89cff05b2a.txt'), g.url);
    expect(r.ok && r.article.captions).toEqual(g.captions);
    expect(r.ok && r.article.body.includes('source')).toBe(false);
  });
  it('recognises sub-headings', () => {
    const r = extractFromText(readShared('seeds/003_e50e9255441ee1a7.txt'));
    expect(r.ok && r.article.blocks.filter((b) => b.kind === 'h')).toEqual([{ kind: 'h', text: 'Coopération Vietnam - France' }]);
  });
  it('stops at See more / Xem thêm and at >> lines', () => {
    const r = extractFromText('Title here\n\nThe lead.\n\nHanoi (VNA) - First.\n\n>> Another story\n\nSecond paragraph.\n\nSee more\n\nTeaser title\n\nTeaser lede.');
    expect(r.ok && r.article.body).toEqual(['Hanoi (VNA) - First.', 'Second paragraph.']);
  });
  it('refuses empty input', () => {
    expect(extractFromText('').ok).toBe(false);
  });
});

describe('formats', () => {
  const g = gold('seed-000');
  const r = extractArticle(parse(readShared('fixtures/vna/seed-000.new.html')), g.url);
  if (!r.ok) throw new Error(r.reason);
  const a = r.article;
  it('markdown: title, lead, image with caption, body, source', () => {
    const md = articleToMarkdown(a);
    expect(md.startsWith('# Maintien de la paix : Coopération renforcée entre le Vietnam et la France\n')).toBe(true);
    expect(md).toContain(`**${a.lead}**`);
    expect(md).toContain('![Photo de famille des participants de l\'échange professionnel.](<https://mediafr.vietnamplus.vn/images/fa79ad7a/p1.jpg>)');
    expect(md).toContain('*Photo de famille des participants de l\'échange professionnel.*');
    expect(md).toContain(a.body[5]);
    expect(md).toContain(`Source: <${g.url}>`);
    expect(md).not.toMatch(/Voir plus|Publicité|ảnh \d/);
  });
  it('markdown of a sub-headed article uses ##', () => {
    const g3 = gold('seed-003');
    const r3 = extractArticle(parse(readShared('fixtures/vna/seed-003.new.html')), g3.url);
    expect(r3.ok && articleToMarkdown(r3.article)).toContain('\n## Coopération Vietnam - France\n');
  });
  it('text: paragraphs separated by blank lines, caption in brackets', () => {
    const t = articleToText(a);
    expect(t).toContain(`${a.body[0]}\n\n${a.body[1]}`);
    expect(t).toContain("[Photo de famille des participants de l'échange professionnel.]");
  });
});
