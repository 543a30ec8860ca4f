// Issue #18: fields no page or file should be able to use against the archive. A 6 MB
// "word" on a page, a 5 MB title or an 8 MB paragraph in an export file must save or import
// (no "Maximum call stack size exceeded"), and a string that is not well-formed Unicode (a
// lone surrogate, which later made encodeURIComponent throw in the library and the reader
// page) is refused with a reason that names the field.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../../src/store/archive';
import { ImportError } from '../../../src/store/errors';
import { exportArchive, illFormedPath, importArchive } from '../../../src/store/export';
import { searchWords } from '../../../src/core/text/fold';
import { goldArticle, loadGold } from '../../support/store-fixtures';

let archive: Archive;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  archive = new Archive({ name: 'huge', storage: null });
});
afterEach(() => archive.close());

async function sign(f: any): Promise<string> {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(f.dispatches)));
  f.checksum = 'sha256-' + [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return JSON.stringify(f);
}

/** An export file of one gold dispatch, edited by `edit` and signed again. */
async function fileWith(edit: (d: any) => void): Promise<string> {
  const src = new Archive({ name: 'src', storage: null });
  const g = goldArticle(loadGold()[0]);
  await src.save(g.article, g.entities);
  const f = JSON.parse(await exportArchive(src));
  await src.close();
  edit(f.dispatches[0]);
  return sign(f);
}

describe('huge fields', () => {
  it('a page with one 6 MB token saves, and its normal words are still searchable', async () => {
    const g = goldArticle(loadGold()[0]);
    const article = { ...g.article, body: [...g.article.body, `Hanoï ${'x'.repeat(6 * 1024 * 1024)} fin`] };
    const r = await archive.save(article, g.entities);
    expect(r.created).toBe(true);
    expect((await archive.get(r.id))!.article.body.at(-1)!.length).toBeGreaterThan(6 * 1024 * 1024);
    expect((await archive.search('hanoi')).map((h) => h.id)).toContain(r.id);
  }, 60_000);

  it('search words: a run of letters longer than a word is dropped, the rest kept', () => {
    expect(searchWords(`Le ${'a'.repeat(65)} Hanoï, ${'b'.repeat(64)}`)).toEqual(['le', 'hanoi', 'b'.repeat(64)]);
  });

  it('an export file with a 5 MB title imports', async () => {
    const text = await fileWith((d) => { d.article.title = `Titre ${'T'.repeat(5 * 1024 * 1024)}`; });
    expect(await importArchive(archive, text)).toEqual({ added: 1, updated: 0, skipped: 0 });
    expect((await archive.all())[0].article.title.length).toBeGreaterThan(5 * 1024 * 1024);
  }, 60_000);

  it('an export file with an 8 MB paragraph imports', async () => {
    const text = await fileWith((d) => { d.article.body[0] = `${'mot '.repeat(1000)}${'y'.repeat(8 * 1024 * 1024)}`; });
    expect(await importArchive(archive, text)).toEqual({ added: 1, updated: 0, skipped: 0 });
  }, 60_000);
});

describe('well-formed Unicode on import', () => {
  it('an id with a lone surrogate is refused, with a reason naming it, and nothing is written', async () => {
    const text = await fileWith((d) => { d.id = `${d.id}\ud800`; d.article.id = d.id; });
    const err = await importArchive(archive, text).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/(: |\.)id is not well-formed Unicode/);
    // The message itself is safe to encode and show.
    expect(() => encodeURIComponent(err.message)).not.toThrow();
    expect(await archive.count()).toBe(0);
  });

  it('a lone surrogate deep in a record is found by its path; a proper pair is accepted', async () => {
    const err = await importArchive(archive, await fileWith((d) => { d.article.body[2] = 'texte \udc00 fin'; })).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/article\.body\[2\] is not well-formed/);
    const ok = await fileWith((d) => { d.note = 'emoji 😀 ok'; });
    expect(await importArchive(archive, ok)).toEqual({ added: 1, updated: 0, skipped: 0 });
  });

  it('illFormedPath walks 100,000 nested levels without recursion', () => {
    let v: any = 'fin\ud800';
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(illFormedPath({ a: v })).toMatch(/^a(\[0\])+$/);
    expect(illFormedPath({ a: ['ok', { b: 'x😀' }] })).toBeNull();
  });
});
