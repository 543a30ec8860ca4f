// src/data/sites.json is the one description of each VNA outlet: its shape is checked, its
// sample URLs run through the URL rules, and the manifest's host patterns are derived from it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionHomePatterns, extensionHostPatterns, extensionUrlRules, parseSites } from '../../src/core/extract/site-schema';
import { compileUrlRules, isArticleUrlOf } from '../../src/core/extract/url-rules';
import { RAW_SITES, siteLabel, siteName } from '../../src/core/extract/profiles';
import { canonicalId, isVnaUrl, nonArticleReason } from '../../src/core/extract/url';
import { canonicalIdFromUrl } from '../../src/store/records';

const ROOT = resolve(__dirname, '../..');
const file = () => JSON.parse(readFileSync(resolve(ROOT, 'src/data/sites.json'), 'utf8'));

describe('sites.json schema', () => {
  it('the shipped file is valid', () => {
    expect(() => parseSites(file())).not.toThrow();
  });

  const broken: [string, (f: any) => void, RegExp][] = [
    ['a site without hosts', (f) => (f.sites[0].hosts = []), /hosts: must not be empty/],
    ['an upper-case host', (f) => f.sites[0].hosts.push('FR.Example.vn'), /lower-case host/],
    ['one host in two sites', (f) => f.sites[1].hosts.push(f.sites[0].hosts[0]), /belongs to two sites/],
    ['a bad URL pattern', (f) => (f.sites[0].articleUrl = ['(unclosed']), /bad pattern/],
    ['an alias to an unlisted host', (f) => (f.sites[0].hostAliases = { 'x.vn': 'y.vn' }), /both must be listed hosts/],
    ['a layout selector list that is a string', (f) => (f.sites[0].layouts[0].body = '.cms-body'), /layouts\[0\]\.body: must be a list/],
    ['an exclusion without a reason', (f) => { f.sites[0].inExtension = false; delete f.sites[0].excludedBecause; }, /says why/],
    ['no sample URLs', (f) => delete f.sites[0].samples, /samples/],
    ['no licence', (f) => delete f.licence, /licence/],
    ['two sites with one id', (f) => (f.sites[1].id = f.sites[0].id), /duplicate id/],
  ];
  it.each(broken)('rejects %s, naming the field', (_n, mutate, message) => {
    const f = file();
    mutate(f);
    expect(() => parseSites(f)).toThrow(message);
  });
});

describe.each(RAW_SITES.sites.map((s) => [s.id, s] as const))('site %s: its sample URLs', (_id, site) => {
  it.each(site.samples.article)('article %s has an id on this site', (url) => {
    expect(isVnaUrl(url)).toBe(true);
    expect(canonicalId(url)).toMatch(/^[a-z0-9.-]+:\d+$/);
    expect(nonArticleReason(url)).toBeNull();
  });
  it.each(site.samples.nonArticle)('non-article %s is refused with a reason', (url) => {
    expect(canonicalId(url)).toBeNull();
    expect(nonArticleReason(url)).toEqual(expect.any(String));
  });
});

describe('derived from sites.json', () => {
  it('the manifest host patterns: every outlet the extension runs on, and nothing else', () => {
    const patterns = extensionHostPatterns(RAW_SITES.sites);
    // Stated here on purpose: a change of permissions shows up in review as a change of this list.
    // https only: over plain http a network attacker could serve any "article" (SECURITY.md).
    expect(patterns.sort()).toEqual([
      'https://*.lecourrier.vn/*', 'https://*.vietnamplus.vn/*', 'https://*.vnanet.vn/*',
      'https://lecourrier.vn/*', 'https://vietnamplus.vn/*', 'https://vnanet.vn/*',
    ]);
    // The one exclusion, with its reason: the other VNA outlets are known to the extractor and CLI only.
    const out = RAW_SITES.sites.filter((s) => !s.inExtension);
    expect(out.map((s) => s.id)).toEqual(['vna-family']);
    expect(out[0].excludedBecause).toMatch(/CLI/);
    expect(patterns.join(' ')).not.toMatch(/bnews|<all_urls>/);
  });

  it('manifest.json names no host itself: the build fills its placeholders', () => {
    const m = JSON.parse(readFileSync(resolve(ROOT, 'manifest.json'), 'utf8'));
    expect(m.host_permissions).toEqual(['$VNA_HOSTS']);
    for (const cs of m.content_scripts) {
      expect(cs.matches).toEqual(['$VNA_HOSTS']);
      expect(cs.exclude_matches).toEqual(['$VNA_HOMES']);
    }
  });

  it('the content script is not injected on home pages (path / exactly) of those hosts', () => {
    expect(extensionHomePatterns(RAW_SITES.sites).sort()).toEqual([
      'https://*.lecourrier.vn/', 'https://*.vietnamplus.vn/', 'https://*.vnanet.vn/',
      'https://lecourrier.vn/', 'https://vietnamplus.vn/', 'https://vnanet.vn/',
    ]);
  });

  it("the content script entry's URL rules agree with the full profiles on every sample", () => {
    const light = extensionUrlRules(RAW_SITES.sites).map(compileUrlRules);
    for (const site of RAW_SITES.sites) {
      for (const url of site.samples.article) expect(isArticleUrlOf(light, url), url).toBe(site.inExtension);
      for (const url of site.samples.nonArticle) expect(isArticleUrlOf(light, url), url).toBe(false);
    }
    // No selectors travel to the entry: hosts and URL patterns only.
    expect(JSON.stringify(extensionUrlRules(RAW_SITES.sites))).not.toMatch(/cms-body|layouts|detect/);
    expect(isArticleUrlOf(light, 'javascript:alert(1)//-post1.vnp')).toBe(false);
    expect(isArticleUrlOf(light, 'https://fr.vietnamplus.vn/%E0%A4%A-post123.vnp')).toBe(true);
  });

  it('one canonical id for the extractor and the store', () => {
    for (const url of [
      'https://vietnamplus.vn/hoi-nghi-post990001.vnp',
      'https://www.vietnamplus.vn/hoi-nghi/990001.vnp',
      'https://m.vietnamplus.vn/hoi-nghi-post990001.vnp?utm_source=x',
      'https://fr.vietnamplus.vn/maintien-de-la-paix-post128832.vnp',
      'https://www.lecourrier.vn/x/1234567.html',
    ]) expect(canonicalIdFromUrl(url)).toBe(canonicalId(url));
    expect(canonicalIdFromUrl('https://vietnamplus.vn/hoi-nghi-post990001.vnp')).toBe('www.vietnamplus.vn:990001');
  });

  it('display names and editions', () => {
    expect(siteName('vietnamplus')).toBe('VietnamPlus');
    expect(siteName('lecourrier')).toBe('Le Courrier du Vietnam');
    expect(siteLabel('vietnamplus', 'https://fr.vietnamplus.vn/x-post1.vnp')).toBe('VietnamPlus (fr)');
    expect(siteLabel('vietnamplus', 'https://en.vietnamplus.vn/x-post1.vnp')).toBe('VietnamPlus (en)');
    expect(siteLabel('vietnamplus', 'https://www.vietnamplus.vn/x-post1.vnp')).toBe('VietnamPlus');
    expect(siteLabel('lecourrier', 'https://www.lecourrier.vn/x/1234567.html')).toBe('Le Courrier du Vietnam');
    expect(siteLabel('unknown-site')).toBe('unknown-site');
  });
});
