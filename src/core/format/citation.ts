// Citations of saved dispatches in the formats reference managers import: CSL-JSON (Zotero,
// Mendeley, pandoc), RIS (Zotero, Mendeley, EndNote) and BibTeX/biblatex (LaTeX), plus a
// formatted one-line reference in French or English. Pure functions: the library page, the
// CLI and the tests run the same code. The reference's words ("consulté le") belong to the
// chosen citation language, not to the UI language, so they live here with the format.
import sitesJson from '../../data/sites.json';
import type { Article } from '../types';

export type CiteLang = 'fr' | 'en';

/** What a citation needs from a saved dispatch. */
export interface CiteSource {
  article: Pick<Article, 'id' | 'url' | 'site' | 'lang' | 'title' | 'author' | 'published'>;
  /** When the reader saved (read) it, epoch ms: the access date. */
  accessed: number;
}

interface CiteFields {
  key: string;
  title: string;
  outlet: string;
  agency: Record<CiteLang, string>;
  author: string | null;
  /** [year, month, day] in Hanoi, as precise as the source. */
  issued: number[] | null;
  accessed: number[];
  url: string;
  lang: string;
}

const AGENCY: Record<CiteLang, string> = { fr: "Agence vietnamienne d'information (VNA)", en: 'Vietnam News Agency (VNA)' };
const SITE_NAMES: Record<string, string> = Object.fromEntries(
  (sitesJson as { sites: { id: string; name?: string }[] }).sites.map((s) => [s.id, s.name ?? s.id]),
);

/** Date parts of an ISO date or date-time as the date in Hanoi (UTC+7, no summer time). */
export function hanoiDateParts(value: string | number | null | undefined): number[] | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') {
    const cal = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value.trim());
    if (cal) return [cal[1], cal[2], cal[3]].filter(Boolean).map(Number);
  }
  const s = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value) ? `${value}+07:00` : value;
  const ms = typeof s === 'number' ? s : Date.parse(s);
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + 7 * 3_600_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function fields(src: CiteSource): CiteFields {
  const a = src.article;
  const num = /(\d+)$/.exec(a.id)?.[1] ?? '';
  const issued = hanoiDateParts(a.published);
  return {
    key: `${a.site || 'vna'}${issued ? issued[0] : ''}${num ? `-${num}` : ''}`.replace(/[^A-Za-z0-9:-]/g, ''),
    title: clean(a.title),
    outlet: SITE_NAMES[a.site] ?? clean(a.site),
    agency: AGENCY,
    author: clean(a.author) || null,
    issued,
    accessed: hanoiDateParts(src.accessed) ?? [1970, 1, 1],
    url: a.url,
    lang: a.lang || 'fr',
  };
}

// ---------------------------------------------------------------------------------- CSL-JSON

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title': string;
  publisher: string;
  author?: { literal: string }[];
  issued?: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  URL: string;
  language: string;
}

/** One CSL-JSON item per dispatch (authors as literals: VNA bylines are not "Family, Given"). */
export function toCsl(sources: CiteSource[], lang: CiteLang = 'en'): CslItem[] {
  return sources.map((s) => {
    const f = fields(s);
    const item: CslItem = {
      id: f.key,
      type: 'article-newspaper',
      title: f.title,
      'container-title': f.outlet,
      publisher: f.agency[lang],
      accessed: { 'date-parts': [f.accessed] },
      URL: f.url,
      language: f.lang,
    };
    if (f.author) item.author = [{ literal: f.author }];
    if (f.issued) item.issued = { 'date-parts': [f.issued] };
    return item;
  });
}

export const toCslJson = (sources: CiteSource[], lang: CiteLang = 'en') => `${JSON.stringify(toCsl(sources, lang), null, 2)}\n`;

// ---------------------------------------------------------------------------------------- RIS

const pad = (n: number) => String(n).padStart(2, '0');
/** RIS dates: `YYYY/MM/DD/` (missing parts left empty, the trailing slash kept). */
const risDate = (p: number[]) => `${p[0]}/${p[1] ? pad(p[1]) : ''}/${p[2] ? pad(p[2]) : ''}/`;

/** RIS: `TY  - NEWS` … `ER  - ` per dispatch; every value on one line. */
export function toRis(sources: CiteSource[], lang: CiteLang = 'en'): string {
  const out: string[] = [];
  for (const s of sources) {
    const f = fields(s);
    const tag = (t: string, v: string) => out.push(`${t}  - ${clean(v)}`);
    tag('TY', 'NEWS');
    tag('ID', f.key);
    tag('TI', f.title);
    if (f.author) tag('AU', f.author);
    tag('T2', f.outlet);
    tag('PB', f.agency[lang]);
    if (f.issued) {
      tag('PY', String(f.issued[0]));
      tag('DA', risDate(f.issued));
    }
    tag('Y2', risDate(f.accessed));
    tag('UR', f.url);
    tag('LA', f.lang);
    out.push('ER  - ', '');
  }
  return out.join('\r\n');
}

export type RisRecord = Record<string, string[]>;

/** Reads RIS back (for the round-trip tests, and an importer's view of our output). */
export function parseRis(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let cur: RisRecord | null = null;
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    if (!m) continue;
    const [, tag, value] = m;
    if (tag === 'TY') cur = {};
    if (!cur) continue;
    if (tag === 'ER') { records.push(cur); cur = null; continue; }
    (cur[tag] ??= []).push(value);
  }
  return records;
}

// ------------------------------------------------------------------------------------- BibTeX

/** Accented Latin letters as LaTeX accent commands; other characters stay UTF-8 (biber, XeLaTeX). */
const ACCENTS: Record<string, string> = { '\u0301': "'", '\u0300': '`', '\u0302': '^', '\u0308': '"', '\u0303': '~', '\u0327': 'c', '\u0304': '=', '\u0306': 'u', '\u030C': 'v', '\u030B': 'H', '\u0328': 'k' };
const LIGATURES: Record<string, string> = { 'œ': '{\\oe}', 'Œ': '{\\OE}', 'æ': '{\\ae}', 'Æ': '{\\AE}', 'ß': '{\\ss}', 'ø': '{\\o}', 'Ø': '{\\O}', 'đ': '{\\dj}', 'Đ': '{\\DJ}' };
const SPECIAL: Record<string, string> = { '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', $: '\\$', '&': '\\&', '%': '\\%', '#': '\\#', _: '\\_', '^': '\\^{}', '~': '\\~{}' };

/** One field value for BibTeX: specials and braces escaped, accents as commands, acronyms kept upright. */
export function bibEscape(s: string, protectCaps = false): string {
  let out = '';
  for (const ch of clean(s).normalize('NFC')) {
    if (SPECIAL[ch]) { out += SPECIAL[ch]; continue; }
    if (LIGATURES[ch]) { out += LIGATURES[ch]; continue; }
    if (ch === '\u00a0' || ch === '\u202f') { out += '~'; continue; }
    const d = ch.normalize('NFD');
    // A base letter with exactly one accent LaTeX has a command for: {\'e}. Letters with two
    // marks (Vietnamese ệ, ờ…) stay as UTF-8 rather than be guessed.
    if (d.length === 2 && /[A-Za-z]/.test(d[0]) && ACCENTS[d[1]]) {
      const cmd = ACCENTS[d[1]];
      const base = d[0] === 'i' ? '\\i' : d[0];
      out += /[a-z]/i.test(cmd) ? `{\\${cmd}{${base}}}` : `{\\${cmd}${base}}`;
      continue;
    }
    out += ch;
  }
  // Acronyms (ASEAN, VNA, ONU) in braces so that a style's case change leaves them alone.
  return protectCaps ? out.replace(/(?<![\\{\w])([A-Z][A-Z0-9]+)(?![\w}])/g, '{$1}') : out;
}

const BIB_LANG: Record<string, string> = { fr: 'french', en: 'english', es: 'spanish', ru: 'russian', zh: 'chinese', vi: 'vietnamese' };

/** biblatex `@online` entries (also read by BibTeX styles as misc, with howpublished). */
export function toBibtex(sources: CiteSource[], lang: CiteLang = 'en'): string {
  const used = new Map<string, number>();
  return sources.map((s) => {
    const f = fields(s);
    const n = used.get(f.key) ?? 0;
    used.set(f.key, n + 1);
    const key = n ? `${f.key}${String.fromCharCode(97 + ((n - 1) % 26))}` : f.key;
    const lines: [string, string][] = [['title', bibEscape(f.title, true)]];
    if (f.author) lines.push(['author', `{${bibEscape(f.author)}}`]); // one literal name, not "and"-split
    lines.push(['organization', bibEscape(f.outlet)], ['publisher', bibEscape(f.agency[lang])]);
    if (f.issued) {
      lines.push(['date', f.issued.map((x, i) => (i ? pad(x) : String(x))).join('-')], ['year', String(f.issued[0])]);
      if (f.issued[1]) lines.push(['month', String(f.issued[1])]);
    }
    lines.push(['url', f.url], ['urldate', f.accessed.map((x, i) => (i ? pad(x) : String(x))).join('-')],
      ['howpublished', `\\url{${f.url}}`], ['langid', BIB_LANG[f.lang] ?? f.lang]);
    return `@online{${key},\n${lines.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
  }).join('\n');
}

/** Reverses bibEscape (for the round-trip tests): commands back to characters. */
export function bibUnescape(s: string): string {
  const back: Record<string, string> = Object.fromEntries(Object.entries(ACCENTS).map(([mark, cmd]) => [cmd, mark]));
  // Escaped specials first become placeholders, so that later steps cannot misread them.
  return s
    .replace(/\\textbackslash\{\}/g, '\u0001')
    .replace(/\\\^\{\}/g, '\u0002')
    .replace(/\\~\{\}/g, '\u0003')
    .replace(/\{\\(oe|OE|ae|AE|ss|o|O|dj|DJ)\}/g, (_, c: string) => Object.entries(LIGATURES).find(([, v]) => v === `{\\${c}}`)![0])
    .replace(/\{\\([a-zA-Z])\{(\\i|[A-Za-z])\}\}|\{\\(['`^"~=])(\\i|[A-Za-z])\}/g, (_, c1, b1, c2, b2) => {
      const base = (b1 ?? b2) === '\\i' ? 'i' : (b1 ?? b2);
      return `${base}${back[c1 ?? c2]}`.normalize('NFC');
    })
    .replace(/(?<!\\)\{([A-Z][A-Z0-9]+)\}/g, '$1')
    .replace(/\\([{}$&%#_])/g, '$1')
    .replace(/~/g, '\u00a0')
    // eslint-disable-next-line no-control-regex -- \u0001-\u0003 are our own placeholders, set above
    .replace(/\u0001/g, '\\').replace(/\u0002/g, '^').replace(/\u0003/g, '~');
}

export type BibEntry = { type: string; key: string; fields: Record<string, string> };

/** A small BibTeX reader (brace-delimited values, as toBibtex writes them). */
export function parseBibtex(text: string): BibEntry[] {
  const out: BibEntry[] = [];
  const re = /@(\w+)\{([^,\s]+),/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const entry: BibEntry = { type: m[1], key: m[2], fields: {} };
    let i = re.lastIndex;
    for (;;) {
      const fm = /^\s*(\w+)\s*=\s*\{/.exec(text.slice(i));
      if (!fm) break;
      i += fm[0].length;
      let depth = 1;
      let j = i;
      for (; j < text.length && depth > 0; j++) {
        if (text[j] === '\\') { j++; continue; }
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
      }
      entry.fields[fm[1]] = text.slice(i, j - 1);
      i = j;
      const comma = /^\s*,/.exec(text.slice(i));
      if (comma) i += comma[0].length;
    }
    out.push(entry);
    re.lastIndex = i;
  }
  return out;
}

// ------------------------------------------------------------------------ one-line reference

const MONTHS: Record<CiteLang, string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

function longDate(p: number[], lang: CiteLang): string {
  const [y, m, d] = p;
  if (!m) return String(y);
  const month = MONTHS[lang][m - 1];
  if (!d) return `${month} ${y}`;
  return lang === 'fr' ? `${d === 1 ? '1er' : d} ${month} ${y}` : `${d} ${month} ${y}`;
}

/**
 * "Auteur. « Titre ». VietnamPlus, Agence vietnamienne d'information (VNA), 21 octobre 2019.
 * URL (consulté le 1er décembre 2026)." / the English equivalent with “quotes”.
 */
export function formatReference(src: CiteSource, lang: CiteLang): string {
  const f = fields(src);
  // French puts the full stop after the guillemets, English inside the quotation marks.
  const title = lang === 'fr' ? `« ${f.title} ».` : `“${f.title}.”`;
  const head = f.author ? `${f.author}. ` : '';
  const when = f.issued ? `, ${longDate(f.issued, lang)}` : '';
  const seen = lang === 'fr' ? `consulté le ${longDate(f.accessed, lang)}` : `accessed ${longDate(f.accessed, lang)}`;
  return `${head}${title} ${f.outlet}, ${f.agency[lang]}${when}. ${f.url} (${seen}).`;
}

export const formatReferences = (sources: CiteSource[], lang: CiteLang) => sources.map((s) => formatReference(s, lang)).join('\n');
