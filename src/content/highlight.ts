// Placeholder until the popup issue: returns how many mentions exist without touching the page.
import type { ArticleState } from '../shared/messages';

export function highlightEntity(state: ArticleState, key: string | null): number {
  if (!key) return 0;
  return state.entities.find((e) => e.key === key)?.count ?? 0;
}
