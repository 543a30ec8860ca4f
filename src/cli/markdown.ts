// `--format markdown` of the CLI: YAML front matter (title, url, site, published, author,
// tags) for static-site and notes tools, then the article in reading order: lead, blocks
// with each image's caption under it, the captions a text dump has without an image, and
// the signature last, as the dispatch ends. Text only: nothing from the page is markup here.
import type { Article } from '../core/types';
import { esc, joinMarkdown, markdownBlocks } from '../core/format/markdown';

/** A YAML scalar: JSON strings are valid YAML double-quoted scalars (YAML 1.2 ⊃ JSON). */
const y = (v: string | null | undefined): string => (v == null || v === '' ? 'null' : JSON.stringify(v));

function frontMatter(a: Article): string {
  return [
    '---',
    `title: ${y(a.title)}`,
    `url: ${y(a.url)}`,
    `site: ${y(a.site)}`,
    `published: ${y(a.published)}`,
    `author: ${y(a.author)}`,
    `tags: [${a.tags.map((t) => JSON.stringify(t)).join(', ')}]`,
    '---',
  ].join('\n');
}

export function cliMarkdown(a: Article): string {
  const out: string[] = [frontMatter(a), '', `# ${esc(a.title)}`, ''];
  if (a.lead) out.push(`**${esc(a.lead)}**`, '');
  // The signature often ends the last paragraph (`… des Nations Unies. –VNA`): it is moved
  // to the very end, after the captions, where the dispatch really ends.
  out.push(...markdownBlocks(a, a.signature ? stripSignature : undefined));
  if (a.signature) out.push(`–${esc(a.signature)}`, '');
  if (a.url) out.push(`Source: <${a.url}>`);
  return joinMarkdown(out);
}

const SIGNATURE_END = /\s*[–—-]\s*(?:VNA|AVI|CVN|TTXVN)\s*$/;
const stripSignature = (t: string): string => t.replace(SIGNATURE_END, '');

/**
 * Whether a plain text carries a VNA marker: the dateline `(VNA)`, a `–VNA`/`AVI`/`CVN`
 * signature line, or a `Voir plus`/`Xem thêm`/`See more` teaser. Without `--url`, a text
 * with none of them is not taken for a dispatch (a licence file is not an article).
 */
export function hasVnaMarkers(text: string): boolean {
  return /\((?:VNA|AVI|CVN|TTXVN)\)/.test(text)
    || /(?:^|\s)[–—-]\s*(?:VNA|AVI|CVN|TTXVN)\s*$/m.test(text)
    || /(?:^|\n)\s*(?:Voir plus|Xem thêm|See more)\b/i.test(text);
}
