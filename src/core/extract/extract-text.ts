// extractFromText: a plain-text dump of a VNA page (what a copy-paste or a text capture
// keeps) → Article. There is no markup, so the same boilerplate rules run on lines:
// alt-text repeats (`<titre> ảnh 1<légende>`), duplicated captions, lone `source`
// labels, share bars, `>>` lines, and everything from "Voir plus"/"Xem thêm" on.
import type { Block, ExtractResult } from '../types';
import { assemble, textId } from './assemble';
import { isoFromDisplay } from './dates';
import { guessLang } from './meta';
import {
  datelineOf, hasPhotoCredit, isAltRepeat, isBoilerplateLine, isMoreHeading, signatureOf, stripAltRepeat,
} from './rules';
import { cleanText, looseKey, sameText } from './text';
import { canonicalHost, canonicalId, langOfUrl, parseUrl, siteOfUrl } from './url';

interface Line {
  text: string;
  /** First line of a blank-line-separated block. */
  blockStart: boolean;
  /** Only line of its block. */
  alone: boolean;
}

function toLines(text: string): Line[] {
  const out: Line[] = [];
  const blocks = text.normalize('NFC').replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n/);
  for (const b of blocks) {
    const ls = b.split('\n').map((l) => cleanText(l)).filter(Boolean);
    ls.forEach((l, i) => out.push({ text: l, blockStart: i === 0, alone: ls.length === 1 }));
  }
  return out;
}

const TERMINAL = /[.!?…:;»"”)\]–—-]$|\b(?:VNA|AVI|CVN)$/u;

function looksLikeSubheading(l: Line, next: Line | undefined): boolean {
  const t = l.text;
  return l.alone && !!next && t.length <= 110 && !TERMINAL.test(t) && /^[\p{Lu}\p{N}"«“]/u.test(t) && !datelineOf(t) && t.split(/\s+/).length <= 16;
}

export function extractFromText(text: string, url?: string): ExtractResult {
  try {
    return extractTextUnsafe(text, url);
  } catch (e) {
    return { ok: false, reason: `extraction failed: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** What the line reader has gathered so far. */
interface TextState {
  readonly title: string;
  lead: string | null;
  published: string | null;
  readonly blocks: Block[];
  readonly captions: string[];
  /** Loose keys of the captions, so that a caption printed twice is kept once. */
  readonly captionKeys: Set<string>;
  /** The first line kept after the title is the lead, unless it is a dateline or a credit. */
  expectLead: boolean;
}

function addCaption(s: TextState, c: string): void {
  const k = looseKey(c);
  if (c && !s.captionKeys.has(k)) {
    s.captionKeys.add(k);
    s.captions.push(c);
  }
}

/** A standalone date line near the top (`21/10/2019 16:05`, `Publié le 21/10/2019`). */
function takeDateLine(s: TextState, t: string, i: number): boolean {
  if (s.published || i >= 6 || t.length > 40 || !/\d{1,2}\/\d{1,2}\/\d{2,4}/.test(t)) return false;
  s.published = isoFromDisplay(t);
  return !!s.published;
}

/** A photo's alt text repeated before its caption (`<titre> ảnh 1<légende>`): keep the caption only. */
function takeAltRepeat(s: TextState, t: string, i: number): boolean {
  const { alt, rest } = stripAltRepeat(t);
  if (!alt || !(sameText(alt.replace(/\s?ảnh \d+$/u, ''), s.title) || i <= 4)) return false;
  if (rest) addCaption(s, rest);
  return true;
}

function takeLead(s: TextState, t: string): boolean {
  if (!s.expectLead) return false;
  s.expectLead = false;
  if (datelineOf(t) || hasPhotoCredit(t)) return false;
  s.lead = t;
  return true;
}

/** A credited line is a caption before the body, or on its own, or inside a block; not a paragraph's first line. */
function takeCaption(s: TextState, l: Line, bodyStarted: boolean): boolean {
  if (!hasPhotoCredit(l.text) || l.text.length >= 400 || !(!bodyStarted || l.alone || !l.blockStart)) return false;
  addCaption(s, l.text);
  return true;
}

/** A hard-wrapped paragraph: a line continues the previous one when that one did not end a sentence. */
function addParagraph(s: TextState, l: Line): void {
  const t = l.text;
  const prev = s.blocks[s.blocks.length - 1];
  if (!l.blockStart && prev?.kind === 'p' && !TERMINAL.test(prev.text) && /^\p{Ll}/u.test(t)) {
    s.blocks[s.blocks.length - 1] = { kind: 'p', text: `${prev.text} ${t}` };
  } else s.blocks.push({ kind: 'p', text: t });
}

/** Reads line i into the state; false once the dispatch has ended. */
function readLine(s: TextState, lines: Line[], i: number): boolean {
  const l = lines[i];
  const t = l.text;
  if (isMoreHeading(t)) return false;
  if (takeDateLine(s, t, i) || takeAltRepeat(s, t, i)) return true;
  if (isAltRepeat(t) || isBoilerplateLine(t)) return true;
  if (s.captionKeys.has(looseKey(t))) return true; // a caption printed twice
  if (takeLead(s, t)) return true;
  const bodyStarted = s.blocks.some((b) => b.kind === 'p');
  if (takeCaption(s, l, bodyStarted)) return true;
  if (sameText(t, s.title) || (s.lead && sameText(t, s.lead) && !bodyStarted)) return true;
  if (looksLikeSubheading(l, lines[i + 1]) && bodyStarted) {
    s.blocks.push({ kind: 'h', text: t });
    return true;
  }
  addParagraph(s, l);
  return !signatureOf(t); // the dispatch ends at its signature; what follows is another article
}

/** The id, site and language of a text capture: from its URL when there is one, else from its title. */
function identity(url: string | undefined, title: string, lead: string | null, blocks: Block[]) {
  const u = parseUrl(url);
  const site = url ? siteOfUrl(url) : null;
  const host = u ? canonicalHost(u.hostname, site) : null;
  const id = (url && canonicalId(url)) ?? (host ? `${host}:${textId(title).slice(5)}` : textId(title));
  const sample = blocks.map((b) => (b.kind === 'img' ? '' : b.text)).join(' ');
  return {
    id,
    site: site?.id ?? host ?? 'unknown',
    lang: (url && langOfUrl(url)) || guessLang(`${title} ${lead ?? ''} ${sample}`),
  };
}

function extractTextUnsafe(text: string, url?: string): ExtractResult {
  const lines = toLines(text ?? '');
  if (!lines.length) return { ok: false, reason: 'empty text' };
  const s: TextState = {
    title: lines[0].text, lead: null, published: null, blocks: [], captions: [], captionKeys: new Set(), expectLead: true,
  };
  for (let i = 1; i < lines.length; i++) if (!readLine(s, lines, i)) break;
  const { title, lead, published, blocks, captions } = s;
  if (!blocks.some((b) => b.kind === 'p')) return { ok: false, reason: 'no article text found' };
  const { id, site, lang } = identity(url, title, lead, blocks);
  const article = assemble({
    id,
    url: url ?? '',
    site,
    lang,
    layout: 'text',
    title,
    lead,
    published,
    blocks,
    images: [],
    captions,
    author: null,
    tags: [],
    extraction: 'text',
  });
  return { ok: true, article };
}
