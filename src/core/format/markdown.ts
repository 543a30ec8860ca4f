// A clean Markdown article (CLI `--format markdown`, "copy as Markdown"): title, lead in
// bold, metadata line, then the blocks in reading order with images and their captions.
import type { Article } from '../types';

/** Escape what Markdown would otherwise read as syntax at the start of a line or inline. */
function esc(s: string): string {
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

export function articleToMarkdown(a: Article): string {
  const out: string[] = [`# ${esc(a.title)}`, '', `*${metaLine(a)}*`, ''];
  if (a.lead) out.push(`**${esc(a.lead)}**`, '');
  const blocks = a.blocks.length ? a.blocks : a.body.map((text) => ({ kind: 'p' as const, text }));
  const shownCaptions = new Set<string>();
  for (const b of blocks) {
    if (b.kind === 'p') out.push(esc(b.text), '');
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
  const rest = a.captions.filter((c) => !shownCaptions.has(c));
  if (rest.length) {
    for (const c of rest) out.push(`*${esc(c)}*`, '');
  }
  if (a.tags.length) out.push(`Tags: ${a.tags.map(esc).join(', ')}`, '');
  out.push(`Source: <${a.url}>`);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
