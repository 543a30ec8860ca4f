// The URL this document was loaded from (its navigation entry), which the page cannot rewrite
// with history.replaceState as it can location.href (issue #18). A module of its own so that
// the content script's light entry can use it without loading extraction.
export function loadedUrl(): string {
  try {
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav?.name && /^https?:/.test(nav.name)) return nav.name;
  } catch {
    // No navigation timing: fall back to the address bar.
  }
  return location.href;
}
