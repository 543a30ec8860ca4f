// Whether a re-save changes a saved dispatch's text materially (see revision.ts). Pure: no
// extension API, so the unit tests run it in Node.
import type { Article } from '../core/types';
import { searchWords } from '../core/text/fold';

/** Below this share of common words (Dice over word multisets) the text changed materially. */
const SAME_TEXT = 0.8;
/** Below this the headline changed materially. */
const SAME_TITLE = 0.5;

function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of searchWords(text)) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Dice similarity of two texts' word multisets, 1 for two empty texts. */
export function textSimilarity(a: string, b: string): number {
  const x = bag(a), y = bag(b);
  let nx = 0, ny = 0, common = 0;
  for (const n of x.values()) nx += n;
  for (const [w, n] of y) {
    ny += n;
    common += Math.min(n, x.get(w) ?? 0);
  }
  return nx + ny === 0 ? 1 : (2 * common) / (nx + ny);
}

const bodyText = (a: Article) => [a.lead ?? '', ...(a.body ?? [])].join('\n');

export function materiallyDifferent(saved: Article, page: Article): boolean {
  return textSimilarity(saved.title, page.title) < SAME_TITLE || textSimilarity(bodyText(saved), bodyText(page)) < SAME_TEXT;
}
