// Helpers for the read-later e2e tests: a real PNG (so the browser decodes it), an article
// fixture with three photos of its own, and a raw look at the extension's IndexedDB.
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { fixture, type Ext } from './harness';
import { canonicalUrl } from './reader-support';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

/** A w×h PNG of one colour. */
export function png(w: number, h: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const PHOTO_BASE = 'https://mediafr.vietnamplus.vn/images/fa79ad7a/';

/** seed-000.new.html with two more photos of its own (p2 kept, p3 refused by the server). */
export function threePhotoArticle(): { url: string; html: string; photos: string[]; captions: string[] } {
  const html0 = fixture('seed-000.new.html');
  const url = canonicalUrl(html0);
  const captions = ['Photo de famille des participants de l\'échange professionnel.', 'Les experts français pendant un exercice pratique.', 'Une séance de travail à Hanoï.'];
  const table = (n: number, cap: string) => `<table class="picture" align="center"><tbody><tr><td class="pic"><img class="lazyload cms-photo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="${PHOTO_BASE}p${n}.jpg" alt="x ảnh ${n}"></td></tr><tr><td class="caption"><p>${cap}</p></td></tr></tbody></table>`;
  const paras = [...html0.matchAll(/<p>L’échange professionnel[^]*?<\/p>/g)];
  if (!paras.length) throw new Error('fixture changed');
  const at = paras[0].index! + paras[0][0].length;
  const html = html0.slice(0, at) + table(2, captions[1]) + table(3, captions[2]) + html0.slice(at);
  return { url, html, photos: [1, 2, 3].map((n) => `${PHOTO_BASE}p${n}.jpg`), captions };
}

/** Read a store of the extension's IndexedDB from an extension page (blobs as sizes). */
export async function rawStore(page: Page, store: string): Promise<any[]> {
  return page.evaluate(async (name) => {
    const db: IDBDatabase = await new Promise((res, rej) => { const r = indexedDB.open('vna-reader'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    try {
      const all = await new Promise<any[]>((res, rej) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      return all.map((x) => (x && x.blob instanceof Blob ? { ...x, blob: x.blob.size } : x));
    } finally {
      db.close();
    }
  }, store);
}

/** Blocks every photo request (as when the network is cut) until the returned function is called. */
export async function cutPhotos(ext: Ext): Promise<() => Promise<void>> {
  const handler = (route: any) => route.abort('internetdisconnected');
  await ext.context.route(/mediafr\.vietnamplus\.vn/, handler);
  return () => ext.context.unroute(/mediafr\.vietnamplus\.vn/, handler);
}

/**
 * Source of a function selecting characters [from, to) of the n-th reader paragraph (by text
 * offset, across entity marks) and releasing the mouse, as a reader's drag does. `this` is the
 * shadow root (overlay) or the document (reader page).
 */
export const selectFn = (n: number, from: number, to: number) => `function () {
  const root = this;
  const p = root.querySelectorAll('[data-testid=reader-paragraph]')[${n}];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const at = (off) => { let n = 0; for (let t = walker.nextNode(); t; t = walker.nextNode()) { if (off <= n + t.data.length) return [t, off - n]; n += t.data.length; } };
  const [sn, so] = at(${from}); walker.currentNode = p; const [en, eo] = at(${to});
  const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo);
  const sel = document.getSelection(); sel.removeAllRanges(); sel.addRange(r);
  p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
  return p.textContent.slice(${from}, ${to});
}`;

export const MARKS = `function () {
  return [...this.querySelectorAll('mark.vr-hl')].reduce((acc, m) => {
    const id = m.getAttribute('data-hl-id');
    const last = acc[acc.length - 1];
    if (last && last.id === id) last.text += m.textContent; else acc.push({ id, text: m.textContent, color: [...m.classList].find((c) => /^vr-hl-(yellow|green|blue|pink)$/.test(c)), note: m.title });
    return acc;
  }, []);
}`;

export interface Mark { id: string; text: string; color: string; note: string }

/** The highlights drawn in a reader page, one entry per highlight (its pieces joined). */
export async function pageMarks(page: Page): Promise<Mark[]> {
  return page.evaluate(`(${MARKS}).call(document)`) as Promise<Mark[]>;
}
