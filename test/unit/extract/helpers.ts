// Shared loading for the extraction tests: the shared dir is resolved from the project root
// (../shared), fixtures are parsed with linkedom or happy-dom so both DOMs are exercised.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedDir = path.resolve(projectRoot, '../shared');
export const driftedDir = path.join(projectRoot, 'test/fixtures/drifted');

export interface Gold {
  id: string;
  url: string;
  title: string;
  lead: string | null;
  dateline: string | null;
  published: string | null;
  body: string[];
  captions: string[];
  signature: string | null;
  teasers: Array<{ caption?: string; title: string; lede?: string }>;
}

export const gold = (id: string): Gold => JSON.parse(readFileSync(path.join(sharedDir, 'gold', `${id}.json`), 'utf8'));
export const fixtures = () => readdirSync(path.join(sharedDir, 'fixtures/vna')).filter((f) => f.endsWith('.html')).sort();
export const seeds = () => readdirSync(path.join(sharedDir, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
export const readShared = (rel: string) => readFileSync(path.join(sharedDir, rel), 'utf8');

export type DomKind = 'linkedom' | 'happy-dom';
export function parse(html: string, kind: DomKind = 'linkedom', url = 'https://fr.vietnamplus.vn/'): Document {
  if (kind === 'linkedom') return parseHTML(html).document as unknown as Document;
  const win = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  win.document.write(html);
  return win.document as unknown as Document;
}
