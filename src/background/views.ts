// What the background knows of each open article tab: the article's id and its related query
// (entities + top terms, built once per page view), and the related list computed for the
// badge. After an archive change the badges are recounted from these, without asking every
// tab for its whole article again; the popup reuses the list while the archive is unchanged.
import type { Article, Entity } from '../core/types';
import type { RelatedQuery } from '../core/related';
import { relatedQuery } from '../store/related';
import type { RelatedDispatch } from '../store/types';
import { forgetTabAnswer } from '../shared/tab-answer';

export interface TabView {
  id: string;
  q: RelatedQuery;
  /** The related list (k = BADGE_K) and the archive revision it was computed at. */
  related: RelatedDispatch[] | null;
  rev: number;
}

/** The badge counts up to this many related dispatches; the popup shows the same list. */
export const BADGE_K = 10;

const views = new Map<number, TabView>();
let archiveRev = 0;

/** Bumped on every archive change: cached related lists older than this are recomputed. */
export const bumpArchiveRev = (): number => ++archiveRev;
export const currentRev = (): number => archiveRev;

export function rememberView(tabId: number, article: Article, entities: Entity[]): TabView {
  const old = views.get(tabId);
  if (old && old.id === article.id) return old;
  const v: TabView = { id: article.id, q: relatedQuery(article, entities), related: null, rev: -1 };
  views.set(tabId, v);
  return v;
}

export const viewOf = (tabId: number): TabView | undefined => views.get(tabId);
export const forgetView = (tabId: number): void => {
  views.delete(tabId);
  void forgetTabAnswer(tabId);
};
