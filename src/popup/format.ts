// Small display helpers for the popup. Dates come from the one shared formatter (Hanoi time,
// UI language).
export { formatDate } from '../shared/format';

// Site names and editions come from src/data/sites.json (one place for each outlet).
export { siteLabel } from '../core/extract/profiles';
