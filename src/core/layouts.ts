// The article layouts, defined once: what `Article.layout` may be. A site profile's layouts
// (src/data/sites.json, checked by extract/site-schema.ts) and an imported archive
// (store/export.ts) are both validated against this table, so a new layout is one entry here.

export interface LayoutDescriptor {
  /** How an article of this layout is read: a site profile's selectors, the structural fallback, or plain text. */
  readBy: 'profile' | 'structural' | 'text';
  /** What it is, for a reader of the code. */
  note: string;
}

export const LAYOUT_TABLE = {
  new: { readBy: 'profile', note: 'VietnamPlus editions, current templates (.article__body)' },
  old: { readBy: 'profile', note: 'VietnamPlus, the templates before (.details__*, .content.article-body)' },
  older: { readBy: 'profile', note: 'VietnamPlus, the oldest archived templates (header.article-header)' },
  lecourrier: { readBy: 'profile', note: 'Le Courrier du Vietnam' },
  vnanet: { readBy: 'profile', note: 'vnanet.vn' },
  generic: { readBy: 'structural', note: 'any markup without a matching profile: the structural fallback' },
  text: { readBy: 'text', note: 'a plain-text capture (extractFromText)' },
} as const satisfies Record<string, LayoutDescriptor>;

export type Layout = keyof typeof LAYOUT_TABLE;

export const LAYOUTS = Object.keys(LAYOUT_TABLE) as readonly Layout[];

export const isLayout = (x: unknown): x is Layout => typeof x === 'string' && Object.hasOwn(LAYOUT_TABLE, x);
