// The shapes every context shares. Field names follow ../shared/gold/README.md so that
// extraction and entity output can be scored by the reference scorer as they stand.

import type { EntityType } from './entity-types';
import type { Layout } from './layouts';

export type { EntityType, Layout };

/** Which text of the Article a mention sits in; `index` is the paragraph/caption index. */
export type MentionField = 'title' | 'lead' | 'body' | 'captions';

export interface Mention {
  field: MentionField;
  index: number;
  /** UTF-16 offsets inside that string (suitable for Range/highlighting). */
  start: number;
  end: number;
}

export interface Entity {
  type: EntityType;
  /** Canonical form: the longest/full form as written in the article. */
  name: string;
  aliases: string[];
  role?: string;
  /** ISO date (or `start/end` interval) for DATE entities. */
  value?: string;
  /** Normalised key used for cross-article matching (type + folded name), e.g. `LOC:hanoi`. */
  key: string;
  count: number;
  mentions: Mention[];
}

export interface ArticleImage {
  /** Absolute URL of the real image (lazy `data-src` resolved), never a placeholder. */
  src: string;
  caption: string | null;
  alt: string | null;
}

/** Ordered structure of the body for rendering; `body` and `captions` are flat views of it. */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h'; text: string }
  | { kind: 'img'; image: number };

export interface Article {
  /** Canonical id, stable across URL forms: `<host>:<numeric id>` e.g. `fr.vietnamplus.vn:128832`. */
  id: string;
  url: string;
  site: string;
  lang: string;
  layout: Layout;
  title: string;
  lead: string | null;
  dateline: string | null;
  /** ISO 8601 with +07:00 when a time is known, else `YYYY-MM-DD`, or null. */
  published: string | null;
  body: string[];
  blocks: Block[];
  captions: string[];
  signature: string | null;
  author: string | null;
  tags: string[];
  images: ArticleImage[];
  wordCount: number;
  readingMinutes: number;
  entities?: Entity[];
  /** How the body was found: a site profile, the structural fallback, or text-dump rules. */
  extraction?: 'profile' | 'structural' | 'text';
}

/** Result of recognising a page: either an article or a clear reason why not. */
export type ExtractResult =
  | { ok: true; article: Article }
  | { ok: false; reason: string };
