// A dispatch as a Markdown note for Obsidian and similar tools: YAML front matter (title, url,
// site, published, author, tags, entities by type, reading state), the reader's highlights and
// notes as quotes, then the article itself (./markdown.ts).
import type { Article, Entity, EntityType } from '../types';
import type { Highlight } from '../../store/readlater-schema';
import { articleToMarkdown } from './markdown';

export interface NoteSource {
  id: string;
  article: Article;
  entities: Entity[];
  userTags: string[];
  note: string;
  savedAt: number;
}

const TYPE_KEYS: [EntityType, string][] = [['PER', 'people'], ['ORG', 'organisations'], ['LOC', 'places'], ['EVENT', 'events'], ['DATE', 'dates']];

/** A YAML scalar: always double-quoted, so no value (a colon, a #, "yes") is read as syntax. */
export function yamlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

function yamlList(key: string, values: string[], indent = ''): string[] {
  if (!values.length) return [`${indent}${key}: []`];
  return [`${indent}${key}:`, ...values.map((v) => `${indent}  - ${yamlString(v)}`)];
}

/** Obsidian tags cannot hold spaces: "Biển Đông" becomes "Biển_Đông". */
function asTag(s: string): string {
  return s.trim().replace(/\s+/g, '_').replace(/[,#]/g, '');
}

export function frontMatter(d: NoteSource, extra: Record<string, string> = {}): string {
  const a = d.article;
  const lines = ['---', `title: ${yamlString(a.title)}`, `url: ${yamlString(a.url)}`, `site: ${yamlString(a.site)}`];
  lines.push(`published: ${a.published ? yamlString(a.published) : 'null'}`);
  lines.push(`author: ${a.author ? yamlString(a.author) : 'null'}`);
  lines.push(`saved: ${yamlString(new Date(d.savedAt).toISOString())}`);
  lines.push(...yamlList('tags', [...new Set([...a.tags, ...d.userTags].map(asTag).filter(Boolean))]));
  lines.push('entities:');
  for (const [type, key] of TYPE_KEYS) {
    const names = [...new Set(d.entities.filter((e) => e.type === type).map((e) => e.name))];
    lines.push(...yamlList(key, names, '  '));
  }
  for (const [k, v] of Object.entries(extra)) lines.push(`${k}: ${yamlString(v)}`);
  lines.push('---');
  return lines.join('\n');
}

/** Markdown blockquote of a text (every line quoted; nothing in it read as syntax). */
function quote(text: string): string {
  return text.split(/\r?\n/).map((l) => `> ${l.replace(/([\\`*_[\]<>])/g, '\\$1')}`).join('\n');
}

export function highlightsMarkdown(list: readonly Highlight[], heading = 'Highlights'): string {
  if (!list.length) return '';
  const out = [`## ${heading}`, ''];
  for (const h of list) {
    out.push(quote(h.anchor.exact));
    if (h.note.trim()) out.push('', ...h.note.trim().split(/\r?\n/));
    out.push('');
  }
  return out.join('\n');
}

export interface NoteOptions {
  highlightsHeading?: string;
  readingState?: string;
}

export function dispatchToMarkdown(d: NoteSource, highlights: readonly Highlight[], opts: NoteOptions = {}): string {
  const parts = [frontMatter(d, opts.readingState ? { status: opts.readingState } : {}), ''];
  const hl = highlightsMarkdown(highlights, opts.highlightsHeading);
  if (hl) parts.push(hl);
  if (d.note.trim()) parts.push(quote(d.note.trim()), '');
  parts.push(articleToMarkdown(d.article));
  return parts.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** A file name that every OS accepts: the title's words, then the dispatch number. */
export function markdownFileName(d: Pick<NoteSource, 'id' | 'article'>): string {
  const num = d.id.split(':').pop() ?? d.id;
  const base = d.article.title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|#^[\]\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return `${base || 'dispatch'} (${num.replace(/[^\w.-]/g, '_')}).md`;
}
