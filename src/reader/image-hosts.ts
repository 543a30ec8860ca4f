// The only hosts a saved dispatch's photos are loaded from: VNA's own (issue #18). A page can
// put an <img> from any host in an article (`https://tracker.example/pixel.gif`); kept, the
// reader page would request it each time the dispatch is opened, telling that host when and
// what the reader reads. Such an image is dropped, its caption kept. The hosts are those of
// src/data/sites.json that the extension runs on; the build writes the same list into the
// `img-src` of the extension pages' CSP (a test checks that they agree).
import { RAW_SITES } from '../core/extract/profiles';
import { extensionRootHosts } from '../core/extract/site-schema';

/** Registrable domains of VNA's sites; their subdomains (mediafr., cdnimg., img.…) included. */
const VNA_IMAGE_DOMAINS: readonly string[] = extensionRootHosts(RAW_SITES.sites);

function isVnaImageHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return VNA_IMAGE_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}

/**
 * The https URL of a photo on a VNA host, else null. VNA serves its images over https too, so
 * an old `http://img.vietnamplus.vn/…` is upgraded rather than dropped.
 */
export function vnaImageUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw.trim()) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.username || u.password || u.port || !isVnaImageHost(u.hostname)) return null;
  u.protocol = 'https:';
  return u.href;
}

/** The CSP source list that matches exactly these hosts, over https. */
export function imageCspSources(): string[] {
  return VNA_IMAGE_DOMAINS.flatMap((d) => [`https://${d}`, `https://*.${d}`]);
}

/** The article as it is stored: each photo off a VNA host loses its URL, keeps its caption. */
export function keepVnaImages<A extends { images: { src: string; caption: string | null; alt: string | null }[] }>(article: A): A {
  if (!Array.isArray(article.images)) return article;
  let changed = false;
  const images = article.images.map((im) => {
    const src = vnaImageUrl(im?.src) ?? '';
    if (src === im?.src) return im;
    changed = true;
    return { ...im, src };
  });
  return changed ? { ...article, images } : article;
}
