// Archive errors are told in the UI language, whole: a French reader gets no English
// fragment from the store ("Rien n'a été importé. Invalid VNA Reader export: …" before).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { QuotaError } from '../../../src/store/errors';
import { exportArchive, importArchive } from '../../../src/store/export';
import { errorText } from '../../../src/shared/error-text';
import { setUiLanguage } from '../../../src/shared/i18n';
import { goldArticle, loadGold } from '../../support/store-fixtures';

const ENGLISH = /\b(the|is|must|export:|dispatch|file|not|invalid)\b/i;
let source: Archive;
let target: Archive;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  source = new Archive({ name: 'source', storage: null });
  target = new Archive({ name: 'target', storage: null });
  for (const g of loadGold().slice(0, 3).map(goldArticle)) await source.save(g.article, g.entities);
});
afterEach(async () => {
  await source.close();
  await target.close();
});

async function importError(text: string): Promise<unknown> {
  return importArchive(target, text).then(() => null, (e) => e);
}

describe('errorText', () => {
  it('says every import failure in French, then in English', async () => {
    const good = JSON.parse(await exportArchive(source));
    const broken = { ...good, dispatches: good.dispatches.map((d: any, i: number) => (i === 1 ? { ...d, savedAt: 'yesterday' } : d)) };
    const cases: [string, RegExp, RegExp][] = [
      ['', /^Le fichier est vide\.$/, /^The file is empty\.$/],
      ['{nope', /JSON valide/, /not valid JSON/],
      ['[1,2]', /n'est pas un export de VNA Reader/, /not a VNA Reader export/],
      [JSON.stringify({ ...good, count: 9 }), /annonce 9 dépêches mais en contient 3/, /announces 9 dispatches but contains 3/],
      [JSON.stringify(broken), /la dépêche n° 2 est mal formée \(champ savedAt\)/, /dispatch no\. 2 is malformed \(field savedAt\)/],
      [JSON.stringify({ ...good, checksum: `sha256-${'0'.repeat(64)}` }), /modifié après son export/, /changed after it was exported/],
    ];
    for (const [text, fr, en] of cases) {
      const e = await importError(text);
      expect(e, text.slice(0, 30)).toBeTruthy();
      await setUiLanguage('fr');
      const inFrench = errorText(e);
      expect(inFrench).toMatch(fr);
      expect(inFrench).not.toMatch(ENGLISH);
      await setUiLanguage('en');
      expect(errorText(e)).toMatch(en);
    }
  });
  it('quota and too-large files, with sizes in the UI language', async () => {
    await setUiLanguage('fr');
    expect(errorText(new QuotaError())).toMatch(/^Le stockage est plein/);
    const e = await importArchive(target, 'x'.repeat(3000), { maxBytes: 2048 }).catch((x) => x);
    expect(errorText(e).replace(/[\u00a0\u202f]/g, ' ')).toBe('Le fichier est trop gros (2,9 Ko) ; la limite est de 2 Ko.');
  });
  it('anything else is an unexpected error, never a stack', async () => {
    await setUiLanguage('en');
    expect(errorText(new TypeError('x is undefined'))).toBe('Unexpected error (x is undefined).');
  });
});

describe('Archive.removeAll (forget everything)', () => {
  it('deletes every dispatch and the index, in this and in another context', async () => {
    const other = new Archive({ name: 'source', storage: null });
    expect((await other.search('vietnam')).length).toBeGreaterThan(0); // its index is loaded
    expect(await source.removeAll()).toBe(3);
    expect(await source.count()).toBe(0);
    expect(await source.search('vietnam')).toEqual([]);
    expect(await other.search('vietnam')).toEqual([]);
    expect((await other.list({})).total).toBe(0);
    await other.close();
  });
});
