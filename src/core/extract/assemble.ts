// Builds the Article from blocks + metadata, and derives what is derived from the text
// alone (dateline, signature, flat body/captions, word count, reading time), so the DOM
// and the text-dump paths agree on every rule.
import type { Article, Block } from '../types';
import { datelineOf, signatureOf } from './rules';
import { countWords, readingMinutes, sameText } from './text';

/** What the DOM and text paths find; assemble() derives the rest of the Article from it. */
export type Parts = Pick<
  Article,
  'id' | 'url' | 'site' | 'lang' | 'layout' | 'title' | 'lead' | 'published' | 'blocks' | 'images' | 'captions' | 'author' | 'tags'
> & { extraction: NonNullable<Article['extraction']> };

export function assemble(p: Parts): Article {
  let blocks = p.blocks;
  // Migrated 2014–2017 articles repeat the sapo as the first body paragraph.
  const firstP = blocks.findIndex((b) => b.kind === 'p');
  if (p.lead && firstP >= 0) {
    const b = blocks[firstP];
    if (b.kind === 'p' && sameText(b.text, p.lead)) blocks = blocks.filter((_, i) => i !== firstP);
  }
  // Drop trailing sub-headings left without a paragraph (a heading of a removed box).
  while (blocks.length && blocks[blocks.length - 1].kind === 'h') blocks = blocks.slice(0, -1);
  const body = blocks.filter((b): b is Extract<Block, { kind: 'p' | 'h' }> => b.kind !== 'img').map((b) => b.text);
  const firstPara = blocks.find((b) => b.kind === 'p');
  const dateline = firstPara && firstPara.kind === 'p' ? datelineOf(firstPara.text) : null;
  const lastPara = [...blocks].reverse().find((b) => b.kind === 'p');
  const signature = lastPara && lastPara.kind === 'p' ? signatureOf(lastPara.text) : null;
  const words = countWords([p.title, p.lead ?? '', ...body].join(' '));
  return {
    id: p.id,
    url: p.url,
    site: p.site,
    lang: p.lang,
    layout: p.layout,
    title: p.title,
    lead: p.lead,
    dateline,
    published: p.published,
    body,
    blocks,
    captions: p.captions,
    signature,
    author: p.author,
    tags: p.tags,
    images: p.images,
    wordCount: words,
    readingMinutes: readingMinutes(words),
    extraction: p.extraction,
  };
}

/** A stable id for input without an article URL (text dumps): `text:<fnv1a of the title>`. */
export function textId(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `text:${h.toString(16).padStart(8, '0')}`;
}
