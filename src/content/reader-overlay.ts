// Placeholder until the reader issue.
import type { ArticleState } from '../shared/messages';

export function toggleReader(_state: ArticleState, _open?: boolean): boolean {
  return false;
}
