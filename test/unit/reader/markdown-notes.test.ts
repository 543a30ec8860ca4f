// Markdown notes: YAML front matter that a YAML reader parses back to the same values, the
// highlights and notes as quotes, and a ZIP of several notes that unzips to the same texts.
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { dispatchToMarkdown, markdownFileName } from '../../../src/core/format/markdown-notes';
import { crc32, zipFiles } from '../../../src/core/format/markdown-zip';
import { goldArticle, loadGold } from '../../support/store-fixtures';
import type { Highlight } from '../../../src/store/readlater-schema';

const g = goldArticle(loadGold()[0]);
const d = { id: g.article.id, article: { ...g.article, author: 'Thu: "Hà"', tags: ['Biển Đông', 'paix'] }, entities: g.entities, userTags: ['à relire'], note: 'Ma note', savedAt: Date.UTC(2026, 0, 2) };
const hl: Highlight = {
  id: 'h1', dispatchId: d.id, color: 'yellow', note: 'Pourquoi *ici* ?', createdAt: 1, updatedAt: 1,
  anchor: { field: 'body', index: 0, start: 0, end: 20, exact: g.article.body[0].slice(0, 20), prefix: '', suffix: '' },
};

/** The front matter's YAML subset (quoted scalars, null, lists, one nested mapping) read back. */
function readFront(md: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (!m) throw new Error('no front matter');
  const lines = m[1].split('\n');
  const scalar = (v: string) => (v === 'null' ? null : v === '[]' ? [] : JSON.parse(v));
  const block = (from: number, indent: string): [Record<string, unknown>, number] => {
    const out: Record<string, unknown> = {};
    let i = from;
    while (i < lines.length && lines[i].startsWith(indent) && !lines[i].slice(indent.length).startsWith(' ')) {
      const kv = /^(\w+):(?: (.*))?$/.exec(lines[i].slice(indent.length));
      if (!kv) throw new Error(`bad line ${lines[i]}`);
      i++;
      if (kv[2] !== undefined) { out[kv[1]] = scalar(kv[2]); continue; }
      const inner = `${indent}  `;
      if (lines[i]?.startsWith(`${inner}- `)) {
        const list: unknown[] = [];
        while (lines[i]?.startsWith(`${inner}- `)) list.push(scalar(lines[i++].slice(inner.length + 2)));
        out[kv[1]] = list;
      } else {
        const [sub, next] = block(i, inner);
        out[kv[1]] = sub;
        i = next;
      }
    }
    return [out, i];
  };
  return block(0, '')[0];
}

describe('markdown notes', () => {
  it('front matter with title, url, site, published, author, tags and entities by type', () => {
    const md = dispatchToMarkdown(d, [hl], { readingState: 'read' });
    const fm = readFront(md);
    expect(fm).toMatchObject({ title: d.article.title, url: d.article.url, site: d.article.site, published: d.article.published, author: 'Thu: "Hà"', status: 'read' });
    expect(fm.tags).toEqual(['Biển_Đông', 'paix', 'à_relire']);
    const ents = fm.entities as Record<string, string[]>;
    expect(ents.people).toEqual([...new Set(g.entities.filter((e) => e.type === 'PER').map((e) => e.name))]);
    expect(ents.places).toEqual([...new Set(g.entities.filter((e) => e.type === 'LOC').map((e) => e.name))]);
    expect(Object.keys(ents)).toEqual(['people', 'organisations', 'places', 'events', 'dates']);
  });

  it('highlights as quotes with their notes, before the article', () => {
    const md = dispatchToMarkdown(d, [hl], { highlightsHeading: 'Surlignages' });
    expect(md).toContain(`## Surlignages\n\n> ${hl.anchor.exact}\n\nPourquoi *ici* ?`);
    expect(md.indexOf('## Surlignages')).toBeLessThan(md.indexOf(`# ${d.article.title.slice(0, 20)}`));
    expect(md).toContain('> Ma note');
    expect(markdownFileName(d)).toMatch(/^[^/\\:*?"<>|]+ \(128832\)\.md$/);
  });

  it('zips several notes (stored) that unzip to the same texts', () => {
    const files = [{ name: 'a.md', text: 'Hanoï — é' }, { name: 'a.md', text: 'second' }, { name: 'b.md', text: '' }];
    const z = unzipSync(zipFiles(files));
    expect(Object.keys(z)).toEqual(['a.md', 'a (2).md', 'b.md']);
    expect(strFromU8(z['a.md'])).toBe('Hanoï — é');
    expect(strFromU8(z['a (2).md'])).toBe('second');
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
