// src/data/sites.json is the one description of a VNA outlet. This module checks its shape
// when it is read (a wrong field fails loudly at build and in tests, instead of a cast hiding
// it until a page misbehaves) and derives what other places need from it: the manifest's
// host patterns, the display name of an edition.
import type { RawUrlRules } from './url-rules';
import { LAYOUT_TABLE, isLayout, type Layout } from '../layouts.ts';

export interface RawLayout {
  layout: Layout;
  detect: string;
  title: string[];
  lead: string[];
  body: string[];
  date: string[];
  dateText: string[];
  author: string[];
  tags: string[];
}

export interface RawSite {
  id: string;
  name: string;
  hosts: string[];
  hostAliases: Record<string, string>;
  langByHost: Record<string, string>;
  articleUrl: string[];
  nonArticleUrl: string[];
  layouts: RawLayout[];
  /** Whether the extension runs and has host access there (false: CLI and extraction only). */
  inExtension: boolean;
  /** Why a site the extractor knows is left out of the extension's permissions. */
  excludedBecause?: string;
  /** URLs a test runs through the URL rules: each article gives an id, each non-article a reason. */
  samples: { article: string[]; nonArticle: string[] };
}

export interface RawGeneric {
  title: string[];
  lead: string[];
  date: string[];
  author: string[];
  tags: string[];
}

export interface RawSites {
  source: string;
  licence: string;
  sites: RawSite[];
  generic: RawGeneric;
}

const LAYOUT_LISTS = ['title', 'lead', 'body', 'date', 'dateText', 'author', 'tags'] as const;
const GENERIC_LISTS = ['title', 'lead', 'date', 'author', 'tags'] as const;

class SitesError extends Error {
  constructor(where: string, what: string) {
    super(`sites.json: ${where}: ${what}`);
  }
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function strList(where: string, v: unknown, { nonEmpty = false } = {}): string[] {
  if (!Array.isArray(v) || !v.every(isStr)) throw new SitesError(where, 'must be a list of non-empty strings');
  if (nonEmpty && !v.length) throw new SitesError(where, 'must not be empty');
  return v;
}

function strMap(where: string, v: unknown): Record<string, string> {
  if (!isObj(v)) throw new SitesError(where, 'must be an object of strings');
  for (const [k, x] of Object.entries(v)) if (typeof x !== 'string') throw new SitesError(`${where}.${k}`, 'must be a string');
  return v as Record<string, string>;
}

function regexList(where: string, v: unknown): string[] {
  const list = strList(where, v);
  for (const r of list) {
    try {
      new RegExp(r, 'i');
    } catch (e) {
      throw new SitesError(where, `bad pattern ${JSON.stringify(r)} (${(e as Error).message})`);
    }
  }
  return list;
}

/** The parsed file, or an error naming the first field that is wrong. */
export function parseSites(json: unknown): RawSites {
  if (!isObj(json)) throw new SitesError('top level', 'must be an object');
  if (!isStr(json.source) || !isStr(json.licence)) throw new SitesError('top level', 'needs "source" and "licence"');
  if (!Array.isArray(json.sites) || !json.sites.length) throw new SitesError('sites', 'must be a non-empty list');
  const ids = new Set<string>();
  const allHosts = new Set<string>();
  const sites = json.sites.map((s: unknown, i: number): RawSite => {
    const at = `sites[${i}]`;
    if (!isObj(s) || !isStr(s.id) || !isStr(s.name)) throw new SitesError(at, 'needs "id" and "name"');
    const w = `site ${s.id}`;
    if (ids.has(s.id)) throw new SitesError(w, 'duplicate id');
    ids.add(s.id);
    const hosts = strList(`${w}.hosts`, s.hosts, { nonEmpty: true });
    for (const h of hosts) {
      if (h !== h.toLowerCase() || !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(h)) throw new SitesError(`${w}.hosts`, `"${h}" is not a lower-case host name`);
      if (allHosts.has(h)) throw new SitesError(`${w}.hosts`, `"${h}" belongs to two sites`);
      allHosts.add(h);
    }
    const hostAliases = strMap(`${w}.hostAliases`, s.hostAliases);
    for (const [from, to] of Object.entries(hostAliases)) {
      if (!hosts.includes(from) || !hosts.includes(to)) throw new SitesError(`${w}.hostAliases`, `"${from}" → "${to}": both must be listed hosts`);
    }
    const langByHost = strMap(`${w}.langByHost`, s.langByHost);
    if (typeof s.inExtension !== 'boolean') throw new SitesError(w, '"inExtension" must be true or false');
    if (!s.inExtension && !isStr(s.excludedBecause)) throw new SitesError(w, 'a site left out of the extension says why ("excludedBecause")');
    if (!isObj(s.samples)) throw new SitesError(`${w}.samples`, 'needs "article" and "nonArticle" URL lists');
    const samples = { article: strList(`${w}.samples.article`, s.samples.article, { nonEmpty: true }), nonArticle: strList(`${w}.samples.nonArticle`, s.samples.nonArticle, { nonEmpty: true }) };
    if (!Array.isArray(s.layouts)) throw new SitesError(`${w}.layouts`, 'must be a list');
    const layouts = s.layouts.map((l: unknown, j: number): RawLayout => {
      const lw = `${w}.layouts[${j}]`;
      if (!isObj(l) || !isStr(l.layout) || !isStr(l.detect)) throw new SitesError(lw, 'needs "layout" and "detect"');
      // A profile's layout is one of the table's (core/layouts.ts) read by selectors.
      if (!isLayout(l.layout) || LAYOUT_TABLE[l.layout].readBy !== 'profile') throw new SitesError(`${lw}.layout`, `"${l.layout}" is not a profile layout of core/layouts.ts`);
      const out = { layout: l.layout, detect: l.detect } as RawLayout;
      for (const k of LAYOUT_LISTS) out[k] = strList(`${lw}.${k}`, l[k]);
      return out;
    });
    return {
      id: s.id, name: s.name, hosts, hostAliases, langByHost,
      articleUrl: regexList(`${w}.articleUrl`, s.articleUrl),
      nonArticleUrl: regexList(`${w}.nonArticleUrl`, s.nonArticleUrl),
      layouts, inExtension: s.inExtension, ...(isStr(s.excludedBecause) ? { excludedBecause: s.excludedBecause } : {}), samples,
    };
  });
  if (!isObj(json.generic)) throw new SitesError('generic', 'must be an object');
  const g = json.generic;
  const generic = {} as RawGeneric;
  for (const k of GENERIC_LISTS) generic[k] = strList(`generic.${k}`, g[k]);
  return { source: json.source, licence: json.licence, sites, generic };
}

/**
 * Match patterns for the manifest's `content_scripts.matches` and `host_permissions`: each
 * listed host that is not below another listed host, itself and every subdomain (the URL
 * rules accept any subdomain of a listed host too). Sites with `inExtension: false` give none.
 * https only: over plain http a network attacker could serve any "article" (SECURITY.md).
 */
export function extensionHostPatterns(sites: readonly RawSite[], scheme = 'https'): string[] {
  return extensionRootHosts(sites).flatMap((h) => [`${scheme}://*.${h}/*`, `${scheme}://${h}/*`]);
}

/**
 * The home pages of those hosts (path `/` exactly), for the content script's `exclude_matches`:
 * a home page is never an article, and a content script that is not injected costs the page
 * nothing, not even the few milliseconds Chromium spends creating its isolated world.
 */
export function extensionHomePatterns(sites: readonly RawSite[], scheme = 'https'): string[] {
  return extensionHostPatterns(sites, scheme).map((p) => p.replace(/\/\*$/, '/'));
}

/** The registrable domains of those sites (`vietnamplus.vn`, …): each listed host not below another. */
export function extensionRootHosts(sites: readonly RawSite[]): string[] {
  const hosts = sites.filter((s) => s.inExtension).flatMap((s) => s.hosts);
  return [...new Set(hosts.filter((h) => !hosts.some((o) => o !== h && h.endsWith('.' + o))))];
}

/** The same hosts as CSP sources (`https://vietnamplus.vn https://*.vietnamplus.vn …`): where photos may come from. */
export function extensionImageSources(sites: readonly RawSite[]): string {
  return extensionRootHosts(sites).flatMap((d) => [`https://${d}`, `https://*.${d}`]).join(' ');
}

/** The URL rules of the sites the extension runs on, for the content script's entry (see url-rules.ts). */
export function extensionUrlRules(sites: readonly RawSite[]): RawUrlRules[] {
  return sites.filter((s) => s.inExtension).map(({ hosts, hostAliases, articleUrl, nonArticleUrl }) => ({ hosts, hostAliases, articleUrl, nonArticleUrl }));
}
