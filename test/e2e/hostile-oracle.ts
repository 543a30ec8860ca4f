// The oracles of the hostile e2e tests (issues #9, #18), shared by the corpus tests.
import type { Page } from 'playwright-core';
import type { Ext } from './harness';

/**
 * Source of a `function (root, own)` that lists active content in a subtree (a shadow root or
 * document.body): script/iframe/object/embed/svg/math/style… elements (our own bundled
 * script and our shadow root's own <style> excepted), on* attributes, srcdoc,
 * javascript:/data:/vbscript: URLs and url()/expression() in style attributes.
 */
export const ACTIVE_CONTENT = `function (root, own) {
  const bad = [];
  const FORBIDDEN = new Set(['script','iframe','frame','frameset','object','embed','applet','svg','math','base','meta','link','style','template','portal','noscript']);
  const URL_ATTRS = new Set(['href','src','xlink:href','action','formaction','data','poster','background','srcset','ping']);
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    const ownScript = tag === 'script' && el.src && el.src.startsWith(own);
    const ownStyle = tag === 'style' && el.parentNode === root;
    if (FORBIDDEN.has(tag) && !ownScript && !ownStyle) bad.push('<' + tag + '>');
    for (const a of el.attributes) {
      const n = a.name.toLowerCase();
      if (n.startsWith('on')) bad.push(tag + '[' + n + ']');
      if (n === 'srcdoc') bad.push(tag + '[srcdoc]');
      if (URL_ATTRS.has(n) && /^\\s*(javascript|data|vbscript):/i.test(a.value)) bad.push(tag + '[' + n + '=' + a.value.slice(0, 30) + ']');
      if (n === 'style' && /url\\(|expression/i.test(a.value)) bad.push(tag + '[style=' + a.value.slice(0, 30) + ']');
    }
  }
  return bad;
}`;

export async function activeContent(page: Page, root = 'document.body'): Promise<string[]> {
  return page.evaluate(`(${ACTIVE_CONTENT})(${root}, location.origin)`) as Promise<string[]>;
}

/** Records every alert/confirm/prompt/beforeunload dialog a page opens (and dismisses it). */
export function recordDialogs(page: Page, label: () => string, into: string[]): void {
  page.on('dialog', (d) => {
    into.push(`${label()}: ${d.type()}(${d.message().slice(0, 40)})`);
    d.dismiss().catch(() => {});
  });
}

/** Installed in every page before its scripts: CSP violations land in window.__csp. */
export const CSP_RECORDER = `document.addEventListener('securitypolicyviolation', (e) => {
  (window.__csp ||= []).push(e.violatedDirective + ' ' + String(e.blockedURI).slice(0, 60));
}, true);`;

export const cspViolations = (page: Page) => page.evaluate(() => ((window as any).__csp ?? []) as string[]);

/** Waits until the content script of `tabId` answers (the same tab, a new document); whether it reads an article. */
export async function waitContent(ext: Ext, tabId: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const pong = await ext.worker.evaluate(async (id) => {
      try {
        return (await chrome.tabs.sendMessage(id, { type: 'content/ping' })) as { ok: boolean; isArticle: boolean };
      } catch {
        return null;
      }
    }, tabId);
    if (pong?.ok) return pong.isArticle;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('content script did not answer');
}
