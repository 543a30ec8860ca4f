// Small display helpers for the popup. Dates come from the one shared formatter (Hanoi time,
// UI language).
export { formatDate } from '../shared/format';

const SITE_NAMES: Record<string, string> = {
  vietnamplus: 'VietnamPlus',
  lecourrier: 'Le Courrier du Vietnam',
  vnanet: 'vnanet.vn',
};

/** "VietnamPlus (fr)" from the site id and, when known, the edition in the URL's host. */
export function siteLabel(site: string, url?: string | null): string {
  const name = SITE_NAMES[site] ?? site;
  if (!url) return name;
  try {
    const edition = /^(fr|en|es|zh|cn|ru)\./.exec(new URL(url).hostname)?.[1];
    return edition ? `${name} (${edition})` : name;
  } catch {
    return name;
  }
}
