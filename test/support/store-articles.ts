// Builders of Articles/Entities for store tests and benchmarks, from gold records or
// synthetic. Pure: no Node APIs, so it is bundled into the benchmark page as well.
import type { Article, Entity, EntityType, Mention, MentionField } from '../../src/core/types';
import { foldName } from '../../src/core/text/fold';

export interface GoldRecord {
  id: string;
  url: string;
  lang: string;
  title: string;
  lead: string | null;
  dateline: string | null;
  published: string | null;
  body: string[];
  captions: string[];
  signature: string | null;
  entities: { type: EntityType; name: string; aliases?: string[]; role?: string; value?: string }[];
}

/** Mentions of a name in the article's texts (exact substring matches). */
function mentionsOf(a: Pick<Article, 'title' | 'lead' | 'body' | 'captions'>, forms: string[]): Mention[] {
  const out: Mention[] = [];
  const fields: [MentionField, string[]][] = [
    ['title', [a.title]],
    ['lead', a.lead ? [a.lead] : []],
    ['body', a.body],
    ['captions', a.captions],
  ];
  for (const [field, texts] of fields) {
    texts.forEach((t, index) => {
      for (const f of forms) {
        if (!f) continue;
        for (let at = t.indexOf(f); at >= 0; at = t.indexOf(f, at + f.length)) out.push({ field, index, start: at, end: at + f.length });
      }
    });
  }
  return out;
}

export function makeEntity(type: EntityType, name: string, article?: Pick<Article, 'title' | 'lead' | 'body' | 'captions'>, extra: Partial<Entity> = {}): Entity {
  const aliases = extra.aliases ?? [];
  const mentions = article ? mentionsOf(article, [name, ...aliases]) : [];
  return { type, name, aliases, key: `${type}:${foldName(name)}`, count: Math.max(1, mentions.length), mentions, ...extra };
}

export function goldArticle(g: GoldRecord): { article: Article; entities: Entity[] } {
  const m = /-post(\d+)\.vnp$/.exec(g.url);
  const host = new URL(g.url).hostname;
  const body = g.body;
  const article: Article = {
    id: m ? `${host}:${m[1]}` : '',
    url: g.url,
    site: host,
    lang: g.lang,
    layout: 'new',
    title: g.title,
    lead: g.lead,
    dateline: g.dateline,
    published: g.published,
    body,
    blocks: body.map((text) => ({ kind: 'p' as const, text })),
    captions: g.captions,
    signature: g.signature,
    author: null,
    tags: [],
    images: [],
    wordCount: body.join(' ').split(/\s+/).length,
    readingMinutes: Math.max(1, Math.round(body.join(' ').split(/\s+/).length / 230)),
  };
  const entities = g.entities.map((e) =>
    makeEntity(e.type, e.name, article, { aliases: e.aliases ?? [], ...(e.role ? { role: e.role } : {}), ...(e.value ? { value: e.value } : {}) }),
  );
  return { article, entities };
}

/** A small synthetic article with the given entities (names appear in the body). */
export function synthetic(
  n: number,
  opts: { title?: string; body?: string[]; entities?: [EntityType, string][]; published?: string | null; host?: string; url?: string } = {},
): { article: Article; entities: Entity[] } {
  const host = opts.host ?? 'fr.vietnamplus.vn';
  const ents = opts.entities ?? [];
  const body = opts.body ?? [`Dépêche numéro ${n}. ` + ents.map(([, name]) => name).join(', ') + '.'];
  const title = opts.title ?? `Dépêche ${n}`;
  const article: Article = {
    id: `${host}:${n}`,
    url: opts.url ?? `https://${host}/depeche-${n}-post${n}.vnp`,
    site: host,
    lang: 'fr',
    layout: 'new',
    title,
    lead: null,
    dateline: null,
    published: opts.published === undefined ? `2024-01-${String((n % 28) + 1).padStart(2, '0')}` : opts.published,
    body,
    blocks: body.map((text) => ({ kind: 'p' as const, text })),
    captions: [],
    signature: 'VNA',
    author: null,
    tags: [],
    images: [],
    wordCount: body.join(' ').split(/\s+/).length,
    readingMinutes: 1,
  };
  return { article, entities: ents.map(([t, name]) => makeEntity(t, name, article)) };
}
