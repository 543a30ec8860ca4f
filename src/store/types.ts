// Records of the local archive. A dispatch is one saved article, keyed by its canonical id
// so that the old `/<slug>/<ID>.vnp` and new `-post<ID>.vnp` URLs of one article meet.
import type { Article, Entity, EntityType } from '../core/types';

export interface Dispatch {
  id: string;
  article: Article;
  entities: Entity[];
  savedAt: number;
  updatedAt: number;
  /** The reader's own tags and note. */
  userTags: string[];
  note: string;
  /** Derived, indexed fields (kept in the record so IndexedDB can index them). */
  site: string;
  published: string | null;
  /** `TYPE:folded name` of every entity, multiEntry index. */
  entityKeys: string[];
  schemaVersion: number;
}

export interface RelatedDispatch {
  id: string;
  title: string;
  published: string | null;
  site: string;
  url: string;
  score: number;
  /** The entities both articles mention, rarest first: why they are related. */
  shared: { key: string; name: string; type: EntityType }[];
  /** When no telling entity is shared: the content words both share (the reason shown). */
  words?: string[];
}

export interface StoreStats {
  dispatches: number;
  bytes: number | null;
  quota: number | null;
  persisted: boolean | null;
}
