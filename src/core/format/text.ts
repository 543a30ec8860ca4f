// Plain-text article (CLI `--format text`, clipboard): paragraphs separated by blank
// lines, sub-headings as their own lines, captions in brackets where the photo was.
import type { Article } from '../types';

export function articleToText(a: Article): string {
  const out: string[] = [a.title, ''];
  const meta = [a.published, a.author, a.site].filter(Boolean).join(' · ');
  if (meta) out.push(meta, '');
  if (a.lead) out.push(a.lead, '');
  const blocks = a.blocks.length ? a.blocks : a.body.map((text) => ({ kind: 'p' as const, text }));
  const shown = new Set<string>();
  for (const b of blocks) {
    if (b.kind === 'img') {
      const c = a.images[b.image]?.caption;
      if (c) {
        out.push(`[${c}]`, '');
        shown.add(c);
      }
    } else out.push(b.text, '');
  }
  for (const c of a.captions) if (!shown.has(c)) out.push(`[${c}]`, '');
  out.push(a.url);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
