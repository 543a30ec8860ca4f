// The pages the content script runs on, as the running extension knows them: the built
// manifest's matches, which the build derives from src/data/sites.json. Read at run time so no
// context keeps its own copy of the host list.
import { ext as browser } from './webext';

export function vnaPagePatterns(): string[] {
  return browser.runtime.getManifest().content_scripts?.[0]?.matches ?? [];
}

/** The pages left out (VNA home pages): never articles, so no content script is injected there. */
function excludedPatterns(): string[] {
  return browser.runtime.getManifest().content_scripts?.[0]?.exclude_matches ?? [];
}

function patternToRegExp(p: string): RegExp {
  const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(p) ?? [];
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const h = host?.startsWith('*.') ? `(?:[^/]+\\.)?${esc(host.slice(2))}` : esc(host ?? '');
  return new RegExp(`^${scheme === '*' ? 'https?' : scheme}://${h}${esc(path ?? '/').replace(/\*/g, '.*')}$`);
}

/** Whether a URL is one the content script runs on. */
export function isVnaPage(url: string): boolean {
  const test = (p: string) => patternToRegExp(p).test(url);
  return vnaPagePatterns().some(test) && !excludedPatterns().some(test);
}
