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

function extractTextUnsafe(text: string, url?: string): ExtractResult {
  const lines = toLines(text ?? '');
  if (!lines.length) return { ok: false, reason: 'empty text' };
  const title = lines[0].text;
  let lead: string | null = null;
  let published: string | null = null;
  const blocks: Block[] = [];
  const captions: string[] = [];
  const seenCaptions = new Set<string>();
  const addCaption = (c: string) => {
    const k = looseKey(c);
    if (c && !seenCaptions.has(k)) {
      seenCaptions.add(k);
      captions.push(c);
    }
  };
  let expectLead = true;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    const t = l.text;
    if (isMoreHeading(t)) break;
    // A standalone date line near the top (`21/10/2019 16:05`, `Publié le 21/10/2019`).
    if (!published && i < 6 && t.length <= 40 && /\d{1,2}\/\d{1,2}\/\d{2,4}/.test(t)) {
      published = isoFromDisplay(t);
      if (published) continue;
    }
    const { alt, rest } = stripAltRepeat(t);
    if (alt && (sameText(alt.replace(/\s?ảnh \d+$/u, ''), title) || i <= 4)) {
      if (rest) addCaption(rest);
      continue;
    }
    if (isAltRepeat(t) || isBoilerplateLine(t)) continue;
    if (seenCaptions.has(looseKey(t))) continue; // a caption printed twice
    if (expectLead) {
      expectLead = false;
      if (!datelineOf(t) && !hasPhotoCredit(t)) {
        lead = t;
        continue;
      }
    }
    const bodyStarted = blocks.some((b) => b.kind === 'p');
    if (hasPhotoCredit(t) && t.length < 400 && (!bodyStarted || l.alone || !l.blockStart)) {
      addCaption(t);
      continue;
    }
    if (sameText(t, title) || (lead && sameText(t, lead) && !bodyStarted)) continue;
    if (looksLikeSubheading(l, lines[i + 1]) && bodyStarted) {
      blocks.push({ kind: 'h', text: t });
      continue;
    }
    // A hard-wrapped paragraph: this line continues the previous one.
    const prev = blocks[blocks.length - 1];
    if (!l.blockStart && prev?.kind === 'p' && !TERMINAL.test(prev.text) && /^\p{Ll}/u.test(t)) {
      blocks[blocks.length - 1] = { kind: 'p', text: `${prev.text} ${t}` };
    } else blocks.push({ kind: 'p', text: t });
    if (signatureOf(t)) break; // the dispatch ends here; what follows is another article
  }
  if (!blocks.some((b) => b.kind === 'p')) return { ok: false, reason: 'no article text found' };
  const u = parseUrl(url);
  const site = url ? siteOfUrl(url) : null;
  const host = u ? canonicalHost(u.hostname, site) : null;
  const id = (url && canonicalId(url)) ?? (host ? `${host}:${textId(title).slice(5)}` : textId(title));
  const sample = blocks.map((b) => (b.kind === 'img' ? '' : b.text)).join(' ');
  const article = assemble({
    id,
    url: url ?? '',
    site: site?.id ?? host ?? 'unknown',
    lang: (url && langOfUrl(url)) || guessLang(`${title} ${lead ?? ''} ${sample}`),
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
