// What a related row shows, computed once for both of its renderers: the first paint's plain
// DOM (./first-paint.ts, when the worker answers before the Preact view is loaded) and the
// Preact list (./components/RelatedList.tsx). Sharing these keeps the two frames identical.
import type { RelatedRow } from '../shared/messages';
import { t } from '../shared/i18n';
import { formatDate } from '../shared/format';

/** Shown before "show all": the block sits above the entities, so it stays compact. */
export const RELATED_SHOWN = 3;

/** The related block's heading: "Related (n)" once there are some. */
export const relatedHeading = (related: RelatedRow[] | null): string =>
  t('related') + (related && related.length > 0 ? ` (${related.length})` : '');

/** The row's date and site. */
export const relatedMeta = (r: RelatedRow): string => [formatDate(r.published), r.siteLabel].filter(Boolean).join(' · ');

/** Why it is related: the telling entities shared, else the content words shared (or nothing). */
export function relatedReason(r: RelatedRow): { testid: 'related-shared' | 'related-words'; label: string; list: string } | null {
  if (r.shared.length > 0) return { testid: 'related-shared', label: t('sharedWith'), list: r.shared.slice(0, 3).map((s) => s.name).join(', ') };
  if (r.words && r.words.length > 0) return { testid: 'related-words', label: t('sharedWords'), list: r.words.slice(0, 4).join(', ') };
  return null;
}
