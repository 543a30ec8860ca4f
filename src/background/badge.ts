import { ext as browser } from '../shared/webext';
import type { Article, Entity } from '../core/types';
import type { RelatedDispatch } from '../store/types';
import { t } from '../shared/i18n';
import * as archive from './archive';
import { getBadgeMode } from '../shared/settings';
import { BADGE_K, currentRev, rememberView, type TabView } from './views';
import { siteLabel } from '../core/extract/profiles';
import type { RelatedRow } from '../shared/messages';
import { archiveRevision, storeTabAnswer } from '../shared/tab-answer';

/** Related dispatches as the popup lists them: with their site's display name. */
export const withSiteLabels = (list: RelatedDispatch[]): RelatedRow[] => list.map((r) => ({ ...r, siteLabel: siteLabel(r.site, r.url) }));

/** Related count only: the accent red. Saved article: green, with a check before the count. */
const BADGE_RELATED_COLOR = '#c41e3a';
const BADGE_SAVED_COLOR = '#1e7b34';

/** Badge text: the related count, preceded by ✓ when the tab's article is saved. */
function badgeText(related: number, saved: boolean): string {
  const n = related > 0 ? String(Math.min(related, 99)) : '';
  return saved ? `✓${n}` : n;
}

/**
 * The badge shows how many saved dispatches relate to the article in that tab and, distinct
 * from that number, whether the article itself is saved (✓, green, and the button's title).
 */
async function setBadge(tabId: number, related: number, saved = false): Promise<void> {
  // The settings page's badge choice: related count and saved state (default), the saved state
  // alone, or nothing.
  const mode = await getBadgeMode().catch(() => 'related' as const);
  if (mode === 'none') [related, saved] = [0, false];
  else if (mode === 'saved') related = 0;
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: saved ? BADGE_SAVED_COLOR : BADGE_RELATED_COLOR });
    await browser.action.setBadgeText({ tabId, text: badgeText(related, saved) });
    const parts = [saved ? t('badgeSaved') : '', related > 0 ? t('badgeRelated', String(related)) : ''].filter(Boolean);
    await browser.action.setTitle({ tabId, title: parts.length ? `VNA Reader — ${parts.join(' · ')}` : 'VNA Reader' });
  } catch {
    // The tab may have closed in the meantime.
  }
}

/** The related list of a tab's view, computed once per archive revision. */
export async function relatedOfView(v: TabView): Promise<RelatedDispatch[]> {
  const rev = currentRev();
  if (v.related && v.rev === rev) return v.related;
  const list = await archive.relatedFor(v.q, v.id, BADGE_K);
  v.related = list;
  v.rev = rev;
  return list;
}

/** Recounts a tab's badge from its remembered view. */
export async function updateViewBadge(tabId: number, v: TabView): Promise<number> {
  // The revision first: a write during the computation makes this answer out of date at once.
  const rev = await archiveRevision();
  const [related, saved] = await Promise.all([relatedOfView(v), archive.isSaved(v.id).catch(() => false)]);
  await setBadge(tabId, related.length, saved);
  // Kept for the popup of this tab, which then needs no worker to show them (shared/tab-answer.ts).
  await storeTabAnswer(tabId, { id: v.id, rev, related: withSiteLabels(related), saved });
  return related.length;
}

/** Counts the saved dispatches related to a tab's article and shows that number on its badge. */
export async function updateBadge(tabId: number, article: Article, entities: Entity[]): Promise<number> {
  return updateViewBadge(tabId, rememberView(tabId, article, entities));
}
