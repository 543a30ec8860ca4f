// Which photo URLs may be kept offline: http(s) URLs on the VNA hosts the extension already has
// host access to (VietnamPlus and its media hosts such as mediafr.vietnamplus.vn, Le Courrier,
// vnanet.vn). A photo elsewhere (an ad server, a tracker, a page's own third-party CDN) is never
// fetched. This is the same rule as the reader's image host filter: only VNA image hosts.
const VNA_IMAGE_DOMAINS = ['vietnamplus.vn', 'lecourrier.vn', 'vnanet.vn'];

export function isVnaImageUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  if (u.username || u.password || (u.port && u.port !== '80' && u.port !== '443')) return false;
  const h = u.hostname.toLowerCase();
  return VNA_IMAGE_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}
