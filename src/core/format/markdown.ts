// A clean Markdown article (CLI `--format markdown`, "copy as Markdown"): title, lead in
// bold, metadata line, then the blocks in reading order with images and their captions.
import type { Article } from '../types';

/** Escape what Markdown would otherwise read as syntax at the start of a line or inline. */
export function esc(s: string): string {
  return s
    .replace(/([\\`*_[\]])/g, '\\$1')
    .replace(/^(#{1,6}\s|>|[-+]\s|\d+[.)]\s)/, (m) => '\\' + m);
}

function metaLine(a: Article): string {
  const parts: string[] = [];
  if (a.published) parts.push(a.published);
  if (a.author) parts.push(a.author);
  parts.push(a.site);
  parts.push(`${a.readingMinutes} min`);
  return parts.map(esc).join(' · ');
}

/**
 * The article's blocks in reading order (paragraphs, sub-headings, each image with its caption
 * under it), then the captions a text dump has without an image. `lastParagraph` rewrites the
 * last paragraph (the CLI moves the signature out of it to the very end).
 */
export function markdownBlocks(a: Article, lastParagraph: (text: string) => string = (t) => t): string[] {
  const out: string[] = [];
  const blocks = a.blocks.length ? a.blocks : a.body.map((text) => ({ kind: 'p' as const, text }));
  const lastP = blocks.map((b) => b.kind).lastIndexOf('p');
  const shownCaptions = new Set<string>();
  for (const [i, b] of blocks.entries()) {
    if (b.kind === 'p') out.push(esc(i === lastP ? lastParagraph(b.text) : b.text), '');
    else if (b.kind === 'h') out.push(`## ${esc(b.text)}`, '');
    else {
      const img = a.images[b.image];
      if (!img) continue;
      const alt = (img.caption ?? img.alt ?? '').replace(/[[\]]/g, '');
      if (img.src) out.push(`![${alt}](<${img.src}>)`);
      if (img.caption) {
        out.push(`*${esc(img.caption)}*`);
        shownCaptions.add(img.caption);
      }
      out.push('');
    }
  }
  // Captions without an image in the DOM (text dumps) are still part of the article.
  for (const c of a.captions) if (!shownCaptions.has(c)) out.push(`*${esc(c)}*`, '');
  return out;
}

/** The lines joined, runs of blank lines collapsed, one final newline. */
export const joinMarkdown = (lines: string[]): string => lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';

export function articleToMarkdown(a: Article): string {
  const out: string[] = [`# ${esc(a.title)}`, '', `*${metaLine(a)}*`, ''];
  if (a.lead) out.push(`**${esc(a.lead)}**`, '');
  out.push(...markdownBlocks(a));
  if (a.tags.length) out.push(`Tags: ${a.tags.map(esc).join(', ')}`, '');
  out.push(`Source: <${a.url}>`);
  return joinMarkdown(out);
}
